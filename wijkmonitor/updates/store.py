"""Where updates live on disk, beside the database file `<dir>/wijkmonitor.duckdb`:

    <dir>/updates/lock            held (flock) by the one update or rollback that may run at a time
    <dir>/updates/active.json     which uploaded files replace the configured registers / own figures
    <dir>/updates/files/<sha256>.<xlsx|csv>   every accepted upload, named by content, never by its upload name
    <dir>/updates/builds/<id>/    previous databases (`wijkmonitor.duckdb` + `active.json` + `meta.json`)
    <dir>/updates/audit.jsonl     the audit log: one JSON object per line, appended, never rewritten

Nothing here is inside the DuckDB file, so a rollback of the database never rolls back its own audit trail.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from wijkmonitor.common.files import copy_atomic, write_atomic
from wijkmonitor.errors import WijkmonitorError

DB_NAME_IN_BUILD = "wijkmonitor.duckdb"


class UpdateBusy(WijkmonitorError):
    """Another update or rollback holds the lock."""


@dataclass(frozen=True)
class ActiveFiles:
    """Uploaded files in use: register key (interventions, results, process_log) -> (file, sheet or ""),
    and the own-figures table. Paths are absolute; empty means the configured files."""

    registers: dict[str, tuple[str, str]] = field(default_factory=dict)
    own_figures: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"registers": {k: list(v) for k, v in self.registers.items()}, "own_figures": self.own_figures}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ActiveFiles:
        registers = {str(k): (str(v[0]), str(v[1])) for k, v in (data.get("registers") or {}).items()}
        own = data.get("own_figures")
        return cls(registers=registers, own_figures=str(own) if own else None)


@dataclass(frozen=True)
class KeptBuild:
    build_id: str
    path: Path  # the kept database file
    kept_at: str
    sha256: str
    reason: str  # Dutch: what replaced it ("vervangen door upload x.xlsx")


@dataclass(frozen=True)
class AuditEntry:
    at: str  # ISO time, UTC
    user: str
    action: str  # upload | terugzetten
    file_name: str  # as uploaded, for people; never used as a path
    sha256: str
    size: int
    kind: str
    result: str  # gelukt | afgewezen | mislukt
    message: str = ""
    build_id: str = ""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class UpdateStore:
    def __init__(self, db_path: Path) -> None:
        self.db = Path(db_path)
        self.root = self.db.parent / "updates"
        self.files = self.root / "files"
        self.builds = self.root / "builds"
        self.audit_path = self.root / "audit.jsonl"
        self.active_path = self.root / "active.json"
        self.lock_path = self.root / "lock"

    def ensure(self) -> None:
        for folder in (self.root, self.files, self.builds):
            folder.mkdir(parents=True, exist_ok=True)

    # --- lock -------------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def locked(self, holder: str, wait_s: float = 0.0) -> Iterator[None]:
        """Hold the update lock; raises UpdateBusy (naming who holds it) when it is not free within wait_s.

        flock is released by the kernel when the process dies, so a crashed update never blocks the next.
        """
        self.ensure()
        handle = open(self.lock_path, "a+")  # noqa: SIM115 - kept open while the lock is held
        deadline = time.monotonic() + wait_s
        try:
            while True:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        handle.seek(0)
                        who = handle.read().strip() or "iemand anders"
                        raise UpdateBusy(
                            f"Er loopt al een bijwerking ({who}). Wacht tot die klaar is en probeer het dan opnieuw."
                        ) from None
                    time.sleep(0.1)
            handle.seek(0)
            handle.truncate()
            handle.write(f"{holder}, sinds {_now()}")
            handle.flush()
            try:
                yield
            finally:
                handle.seek(0)
                handle.truncate()
                handle.flush()
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        finally:
            handle.close()

    # --- uploaded files and the active set ---------------------------------------------------------------

    def keep_upload(self, data: bytes, sha256: str, suffix: str) -> Path:
        self.ensure()
        path = self.files / f"{sha256}{suffix}"
        if not path.exists():
            write_atomic(path, data)
        return path

    def scratch(self, data: bytes, sha256: str, suffix: str, max_age_s: float = 24 * 3600) -> Path:
        """Where an upload is written to be checked before anyone confirms it; old checks are cleared."""
        folder = self.root / "check"
        folder.mkdir(parents=True, exist_ok=True)
        cutoff = time.time() - max_age_s
        for old in folder.iterdir():
            with contextlib.suppress(FileNotFoundError):
                if old.stat().st_mtime < cutoff:
                    old.unlink()
        path = folder / f"{sha256}{suffix}"
        write_atomic(path, data)
        return path

    def active(self) -> ActiveFiles:
        try:
            return ActiveFiles.from_json(json.loads(self.active_path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return ActiveFiles()

    def set_active(self, active: ActiveFiles) -> None:
        self.ensure()
        write_atomic(self.active_path, json.dumps(active.to_json(), indent=2).encode("utf-8"))

    # --- kept builds ---------------------------------------------------------------------------------------

    def keep_current(self, reason: str, sha256: str) -> KeptBuild | None:
        """Copy the current database (and the active set it was built from) aside before it is replaced."""
        if not self.db.is_file():
            return None
        self.ensure()
        build_id = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        folder = self.builds / build_id
        folder.mkdir()
        shutil.copyfile(self.db, folder / DB_NAME_IN_BUILD)
        if self.active_path.exists():
            shutil.copyfile(self.active_path, folder / "active.json")
        meta = {"build_id": build_id, "kept_at": _now(), "sha256": sha256, "reason": reason}
        (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        return KeptBuild(build_id, folder / DB_NAME_IN_BUILD, meta["kept_at"], sha256, reason)

    def kept_builds(self) -> list[KeptBuild]:
        """Newest first."""
        out: list[KeptBuild] = []
        if not self.builds.is_dir():
            return out
        for folder in sorted(self.builds.iterdir(), reverse=True):
            try:
                meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # half-written by a crash: not offered for rollback
            if (folder / DB_NAME_IN_BUILD).is_file():
                out.append(KeptBuild(folder.name, folder / DB_NAME_IN_BUILD, meta["kept_at"], meta["sha256"],
                                     meta["reason"]))
        return out

    def prune(self, keep: int) -> None:
        for build in self.kept_builds()[keep:]:
            shutil.rmtree(build.path.parent, ignore_errors=True)

    def restore(self, build_id: str) -> KeptBuild:
        """Put a kept database back, byte for byte, with the active set it belongs to. Caller holds the lock."""
        build = next((b for b in self.kept_builds() if b.build_id == build_id), None)
        if build is None:
            raise WijkmonitorError(f"Eerdere versie {build_id!r} bestaat niet (meer).")
        copy_atomic(build.path, self.db)
        kept_active = build.path.parent / "active.json"
        self.set_active(ActiveFiles.from_json(json.loads(kept_active.read_text(encoding="utf-8")))
                        if kept_active.exists() else ActiveFiles())
        return build

    # --- audit -----------------------------------------------------------------------------------------

    def audit(self, entry: AuditEntry) -> None:
        self.ensure()
        line = json.dumps(asdict(entry), ensure_ascii=False) + "\n"
        # O_APPEND writes of one line are not interleaved with another process's; flock makes sure anyway.
        fd = os.open(self.audit_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            os.write(fd, line.encode("utf-8"))
            os.fsync(fd)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def audit_entries(self) -> list[AuditEntry]:
        """Newest first; a damaged line is skipped rather than hiding the rest."""
        try:
            lines = self.audit_path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []
        out: list[AuditEntry] = []
        for line in lines:
            with contextlib.suppress(ValueError, TypeError):
                out.append(AuditEntry(**json.loads(line)))
        return out[::-1]


def now() -> str:
    return _now()
