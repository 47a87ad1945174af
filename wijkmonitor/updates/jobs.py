"""Background updates: a thread per update, so the page can show progress while the build runs.

Jobs are kept in this process (the Streamlit server); the file lock in `UpdateStore` is what keeps two
updates apart, also across processes.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

RUNNING = "bezig"
DONE = "gelukt"
FAILED = "mislukt"
_MAX_LINES = 200


@dataclass
class Job:
    job_id: str
    state: str = RUNNING
    lines: list[str] = field(default_factory=list)
    message: str = ""
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def progress(self, line: str) -> None:
        with self._lock:
            self.lines = [*self.lines, line][-_MAX_LINES:]

    def snapshot(self) -> tuple[str, tuple[str, ...], str]:
        with self._lock:
            return self.state, tuple(self.lines), self.message


_jobs: dict[str, Job] = {}
_registry = threading.Lock()


def start(work: Callable[[Callable[[str], None]], str]) -> Job:
    """Run `work(progress)` in a thread; its return value is the job's closing message, an exception's text
    the failure message (our errors are Dutch sentences for people)."""
    job = Job(uuid.uuid4().hex)

    def run() -> None:
        try:
            message = work(job.progress)
        except Exception as exc:
            with job._lock:
                job.state, job.message = FAILED, str(exc)
        else:
            with job._lock:
                job.state, job.message = DONE, message

    with _registry:
        _jobs[job.job_id] = job
    threading.Thread(target=run, name=f"wijkmonitor-update-{job.job_id[:8]}", daemon=True).start()
    return job


def get(job_id: str) -> Job | None:
    with _registry:
        return _jobs.get(job_id)
