"""Fixtures for the real-browser tests: a Streamlit server on a built database, and headless Chromium.

`app_url` starts `streamlit run dashboard.py` once per session against the `groningen_db` fixture (from
tests/conftest.py); `page` gives each test a fresh browser context. Helpers are in `browser_harness`.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_harness import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, REPO, written_folders
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

SERVER_START_TIMEOUT_S = 90  # first start imports pandas/geopandas/plotly: slow on a 2-core machine
SERVER_STOP_TIMEOUT_S = 10


def _free_port() -> int:
    # Port 0 lets the kernel choose; the tiny race until streamlit binds it is acceptable in a test run.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def _log_tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(geen log)"


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop the server and everything it started, whatever state it is in."""
    # The server runs in its own session, so its process group also holds any children it spawned,
    # which can outlive the server itself: signal the group even when the leader has already exited.
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=SERVER_STOP_TIMEOUT_S)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=SERVER_STOP_TIMEOUT_S)


@contextlib.contextmanager
def serve(db_path: Path, name: str = "") -> Iterator[str]:
    """Start `streamlit run dashboard.py` on db_path, yield its base url ("http://127.0.0.1:<port>"), stop it."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    # One server per pytest-xdist worker; each needs its own log.
    log_path = ARTIFACTS / f"streamlit-server-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}{name}.log"
    env = {
        **os.environ,
        "WIJKMONITOR_DB": str(db_path),
        "PYTHONUNBUFFERED": "1",
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
    }
    cmd = [
        sys.executable, "-m", "streamlit", "run", "dashboard.py",
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        # Colleagues edit files in the same checkout while tests run; a rerun on save would make the
        # pages under test change mid-test.
        "--server.fileWatcherType", "none",
        "--server.runOnSave", "false",
    ]  # fmt: skip
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            cmd,
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + SERVER_START_TIMEOUT_S
            while not _healthy(url):
                if proc.poll() is not None:
                    pytest.fail(
                        f"streamlit stopte meteen (code {proc.returncode}); log {log_path}:\n"
                        f"{_log_tail(log_path)}"
                    )
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"streamlit antwoordt na {SERVER_START_TIMEOUT_S} s niet op {url}/_stcore/health; "
                        f"log {log_path}:\n{_log_tail(log_path)}"
                    )
                time.sleep(0.25)
            yield url
        finally:
            _stop(proc)


@pytest.fixture(scope="session")
def app_url(groningen_db: Path) -> Iterator[str]:
    """Base url of one Streamlit server running dashboard.py on groningen_db, shared by the session."""
    with serve(groningen_db) as url:
        yield url


@pytest.fixture
def fresh_app_url(groningen_db: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A Streamlit server started for this test alone: its first request is the test's own."""
    with serve(groningen_db, "-" + request.node.name.replace("/", "_")) as url:
        yield url


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def chromium_browser(playwright_instance: Playwright) -> Iterator[Browser]:
    """Debian's Chromium (never a downloaded browser: this machine cannot fetch one)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: installeer de Debian-pakketten chromium en chromium-driver")
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture
def page(chromium_browser: Browser) -> Iterator[Page]:
    """A fresh context per test, so no Streamlit session state leaks from one test into the next."""
    context = chromium_browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
    )
    context.set_default_timeout(30_000)
    pg = context.new_page()
    try:
        yield pg
    finally:
        context.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    # Once per session, after all tests: output printed during a test is captured and usually unseen.
    for folder in sorted(written_folders):
        terminalreporter.write_line(f"browser-artefacten: {folder}")
