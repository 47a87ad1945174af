"""Fixtures for the real-browser tests: a Streamlit server on a built database, and headless Chromium.

`app_url` starts `streamlit run dashboard.py` once per session against the `groningen_db` fixture (from
tests/conftest.py); `page` gives each test a fresh browser context. Helpers are in `browser_harness`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_harness import ARTIFACTS, REPO, written_folders
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from wijkmonitor.devtools import streamlit_server as server

SERVER_START_TIMEOUT_S = 90  # first start imports pandas/geopandas/plotly: slow on a 2-core machine


@contextlib.contextmanager
def serve(db_path: Path, name: str = "") -> Iterator[str]:
    """Start `streamlit run dashboard.py` on db_path, yield its base url ("http://127.0.0.1:<port>"), stop it."""
    # One server per pytest-xdist worker; each needs its own log.
    log_path = ARTIFACTS / f"streamlit-server-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}{name}.log"
    try:
        with server.streamlit("dashboard.py", db=db_path, log=log_path, cwd=REPO,
                              timeout_s=SERVER_START_TIMEOUT_S) as (url, _proc):
            yield url
    except server.ServerDidNotStart as exc:
        pytest.fail(f"streamlit start niet: {exc}")


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
    if not Path(server.CHROMIUM).exists():
        pytest.fail(f"{server.CHROMIUM} ontbreekt: installeer de Debian-pakketten chromium en chromium-driver")
    browser = playwright_instance.chromium.launch(executable_path=server.CHROMIUM, args=list(server.CHROMIUM_ARGS))
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
