"""Start a real `streamlit run` server (or another local server) for the browser tests and the benchmarks.

It lives in the package, not in tests/browser or benchmarks/, because both use it and both can import the
installed package: the benchmarks run as `uv run python benchmarks/x.py` (their own folder on sys.path, not
tests/), and tests/browser has no `__init__.py` (pytest puts that folder on sys.path for `browser_harness`).
Standard library only; nothing here imports Streamlit.
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
from collections.abc import Iterator, Sequence
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# Without the networking switches Chromium keeps trying to reach Google services on this closed network,
# which is slow and fills the log with refused connections.
CHROMIUM_ARGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
)
STOP_TIMEOUT_S = 10


class ServerDidNotStart(RuntimeError):
    """The server exited or did not answer in time; the message holds the end of its log."""


def free_port() -> int:
    # Port 0 lets the kernel choose; the tiny race until the server binds it is acceptable here.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def answers(url: str) -> bool:
    """True when a GET on `url` gives 200 (Streamlit: `<base>/_stcore/health`)."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def log_tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(geen log)"


def wait_until_answering(url: str, proc: subprocess.Popen[bytes], log: Path, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while not answers(url):
        if proc.poll() is not None:
            raise ServerDidNotStart(f"de server stopte meteen (code {proc.returncode}); log {log}:\n{log_tail(log)}")
        if time.monotonic() > deadline:
            raise ServerDidNotStart(f"{url} antwoordt na {timeout_s:.0f} s niet; log {log}:\n{log_tail(log)}")
        time.sleep(0.25)


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop a process started in its own session and everything it started, whatever state it is in."""
    # Its process group also holds any children it spawned, which can outlive the leader: signal the group
    # even when the leader has already exited.
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=STOP_TIMEOUT_S)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=STOP_TIMEOUT_S)


@contextlib.contextmanager
def running(cmd: Sequence[str], *, ready_url: str, log: Path, cwd: Path, timeout_s: float,
            env: dict[str, str] | None = None) -> Iterator[subprocess.Popen[bytes]]:
    """Run `cmd` in its own session with its output in `log`, wait until `ready_url` answers, stop it after."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        proc = subprocess.Popen(list(cmd), cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_until_answering(ready_url, proc, log, timeout_s)
        yield proc
    finally:
        stop(proc)


@contextlib.contextmanager
def streamlit(script: Path | str, *, db: Path, log: Path, cwd: Path, timeout_s: float, port: int | None = None,
              extra_args: Sequence[str] = ()) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`streamlit run script` on a loopback port against the database `db`; yields (base url, process)."""
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "WIJKMONITOR_DB": str(db), "PYTHONUNBUFFERED": "1",
           "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        # Others edit files in the same checkout while tests and benchmarks run; a rerun on save would
        # change the pages under test midway.
        "--server.fileWatcherType", "none",
        "--server.runOnSave", "false",
        *extra_args,
    ]  # fmt: skip
    with running(cmd, ready_url=url + "/_stcore/health", log=log, cwd=cwd, timeout_s=timeout_s, env=env) as proc:
        yield url, proc
