"""Apply a checked upload: rebuild in a separate process, swap the new database in, keep the old one.

    result = apply_upload(store, check, target=..., user="pb@groningen.nl", progress=print)
    rollback(store, build_id, target=..., user=...)

Both hold the store's lock for their whole run: a second update at the same time waits `wait_s` seconds
and is then refused with `UpdateBusy`. The build writes to a temporary file; only a successful build is
swapped in (os.replace), so the running dashboard sees the old database or the new one, never a mix, and a
failed build changes nothing. Every attempt, refused or not, is written to the audit log.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from wijkmonitor.build import sha256_of
from wijkmonitor.config import DEFAULT_BOUNDARIES, DEFAULT_CONFIG_DIR, PROJECT_ROOT
from wijkmonitor.errors import WijkmonitorError
from wijkmonitor.registers.schema import SHEETS
from wijkmonitor.registers.spec import RegisterSpec
from wijkmonitor.updates.checks import OWN_FIGURES, UploadCheck, effective_spec
from wijkmonitor.updates.store import ActiveFiles, AuditEntry, UpdateBusy, UpdateStore, now

Progress = Callable[[str], None]
BUILD_TIMEOUT_S = 30 * 60
_GLOB_CHARS = set("*?[")


class UpdateFailed(WijkmonitorError):
    """The rebuild failed; the current database is unchanged."""


@dataclass(frozen=True)
class BuildTarget:
    """How the running dashboard's database is built: kept the same by every update."""

    db: Path
    source: Path
    config_dir: Path = DEFAULT_CONFIG_DIR
    boundaries: Path = DEFAULT_BOUNDARIES
    gemeente: str | None = None
    all_regions: bool = False
    own_figures_source: str = "gemeente_long"
    keep_builds: int = 5

    @property
    def registers_toml(self) -> Path:
        return self.config_dir / "registers.toml"


@dataclass(frozen=True)
class UpdateResult:
    build_id: str  # the kept previous database ("" when there was none)
    sha256: str  # of the new database file
    lines: tuple[str, ...]


def build_meta(db_path: Path) -> dict[str, str]:
    """gemeente_code, all_regions, ... of the current database, so an update rebuilds the same kind of file."""
    if not db_path.is_file():
        return {}
    try:
        with duckdb.connect() as con:
            con.execute("attach $path as current_db (read_only)", {"path": str(db_path)})
            return {str(k): str(v) for k, v in con.execute("select key, value from current_db.build_meta").fetchall()}
    except duckdb.Error:
        return {}


def known_buurten(db_path: Path) -> set[str]:
    """The buurt codes of the current build: what the register's areas are checked against."""
    if not db_path.is_file():
        return set()
    with duckdb.connect() as con:
        con.execute("attach $path as current_db (read_only)", {"path": str(db_path)})
        rows = con.execute("select region_code from current_db.regions where level = 'buurt'").fetchall()
    return {str(r[0]) for r in rows}


def _toml_string(value: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes), and paths may hold quotes or backslashes.
    return json.dumps(value, ensure_ascii=False)


def write_overlay_config(target: BuildTarget, spec: RegisterSpec, folder: Path) -> Path:
    """A copy of the configuration whose registers.toml names the registers in `spec` (absolute paths)."""
    config = folder / "config"
    shutil.copytree(target.config_dir, config, ignore=shutil.ignore_patterns("registers"))
    lines = ["# Written by Gegevens bijwerken for one build; the registers in use.", "[registers]"]
    for sheet in SHEETS:
        source = spec.source(sheet.key)
        if source is not None:
            lines.append(f"{sheet.key} = {_toml_string(str(Path(source.path).resolve()))}")
    (config / "registers.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def _own_figures_pattern(target: BuildTarget) -> str:
    from wijkmonitor.config import load_config

    source = next((s for s in load_config(target.config_dir, target.boundaries).sources
                   if s.id == target.own_figures_source), None)
    if source is None or len(source.paths) != 1 or _GLOB_CHARS & set(source.paths[0]):
        raise UpdateFailed(
            f"de bron '{target.own_figures_source}' in config/sources.toml moet precies één bestandsnaam hebben "
            "(zonder * of ?) om door een upload vervangen te kunnen worden")
    return source.paths[0]


def current_own_figures(target: BuildTarget, active: ActiveFiles) -> Path:
    """The own-figures file the current data was built from: the uploaded one, else the configured one."""
    return Path(active.own_figures) if active.own_figures else target.source / _own_figures_pattern(target)


def write_overlay_source(target: BuildTarget, own_figures: Path, folder: Path) -> Path:
    """The source folder as it is, except that the own-figures file is the uploaded one.

    The real source folder is read-only and shared; links to its entries cost nothing.
    """
    relative = Path(_own_figures_pattern(target))
    root = folder / "bron"
    root.mkdir()
    here, there = root, target.source.resolve()
    for depth, part in enumerate(relative.parts):
        for entry in there.iterdir():
            if entry.name != part:
                (here / entry.name).symlink_to(entry)
        if depth < len(relative.parts) - 1:
            here, there = here / part, there / part
            here.mkdir()
    shutil.copyfile(own_figures, root / relative)
    return root


def _run_build(target: BuildTarget, config_dir: Path, source: Path, out: Path, progress: Progress) -> list[str]:
    cmd = [sys.executable, "-m", "wijkmonitor.cli", "build", "--source", str(source), "--db", str(out),
           "--config", str(config_dir), "--workers", "1",
           # The overlay already holds the uploads in use; active.json beside the target is the old set.
           "--ignore-uploads"]
    if target.gemeente:
        cmd += ["--gemeente", target.gemeente]
    if target.all_regions:
        cmd.append("--all-regions")
    lines: list[str] = []
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace") as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            line = line.rstrip()
            if line:
                lines.append(line)
                progress(line)
        try:
            code = proc.wait(timeout=BUILD_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise UpdateFailed("de herbouw duurde langer dan 30 minuten en is gestopt") from None
    if code != 0:
        errors = [ln.removeprefix("FOUT: ") for ln in lines if ln.startswith("FOUT")] or lines[-3:]
        raise UpdateFailed("de herbouw is mislukt: " + " ".join(errors))
    return lines


def _new_active(check: UploadCheck, stored: Path, active: ActiveFiles) -> ActiveFiles:
    if check.target == OWN_FIGURES:
        return ActiveFiles(registers=dict(active.registers), own_figures=str(stored))
    registers = dict(active.registers)
    for key in check.registers:
        sheet = next(s.sheet for s in SHEETS if s.key == key) if check.upload.kind == "xlsx" else ""
        registers[key] = (str(stored), sheet)
    return ActiveFiles(registers=registers, own_figures=active.own_figures)


def _audit(store: UpdateStore, check: UploadCheck | None, user: str, action: str, result: str, message: str,
           build_id: str = "", file_name: str = "", sha256: str = "") -> None:
    store.audit(AuditEntry(
        at=now(), user=user, action=action,
        file_name=check.upload.display_name if check else file_name,
        sha256=check.upload.sha256 if check else sha256,
        size=check.upload.size if check else 0,
        kind=check.kind_label if check else "",
        result=result, message=message, build_id=build_id,
    ))


def rebuild(store: UpdateStore, target: BuildTarget, active: ActiveFiles, progress: Progress) -> tuple[Path, list[str]]:
    """Build the database for `active` into a temporary file beside the real one; the caller swaps it in."""
    with tempfile.TemporaryDirectory(prefix="overlay-", dir=store.root) as tmp:
        folder = Path(tmp)
        config_dir = write_overlay_config(target, effective_spec(target.registers_toml, active), folder)
        source = write_overlay_source(target, Path(active.own_figures), folder) if active.own_figures else target.source
        out = target.db.with_name(f".{target.db.name}.update-{os.getpid()}-{folder.name}")
        try:
            lines = _run_build(target, config_dir, source, out, progress)
        except UpdateFailed as exc:
            # Name files as people know them, not by the temporary folder or the stored checksum.
            message = str(exc)
            if active.own_figures:
                message = message.replace(str(source / _own_figures_pattern(target)), "het geüploade bestand")
                message = message.replace(str(source), str(target.source))
            for path in {p for p, _sheet in active.registers.values()}:
                message = message.replace(path, "het geüploade bestand")
            raise UpdateFailed(message) from exc
        finally:
            with contextlib.suppress(FileNotFoundError):
                if not _succeeded(out):
                    out.unlink()
    return out, lines


def _succeeded(out: Path) -> bool:
    return out.is_file() and out.stat().st_size > 0


def apply_upload(store: UpdateStore, check: UploadCheck, *, target: BuildTarget, user: str,
                 progress: Progress = lambda _line: None, wait_s: float = 0.0) -> UpdateResult:
    """Make the checked upload the current data. Raises UpdateBusy, UpdateFailed (nothing changed)."""
    if not check.ok:
        _audit(store, check, user, "upload", "afgewezen", f"{len(check.errors)} fouten in het bestand")
        raise UpdateFailed("het bestand heeft fouten; er is niets veranderd")
    try:
        with store.locked(user, wait_s=wait_s):
            stored = store.keep_upload(check.upload.data, check.upload.sha256, check.upload.suffix)
            active = _new_active(check, stored, store.active())
            progress("Herbouwen met het nieuwe bestand ...")
            try:
                new_db, lines = rebuild(store, target, active, progress)
            except UpdateFailed as exc:
                _audit(store, check, user, "upload", "mislukt", str(exc))
                raise
            kept = store.keep_current(f"vervangen door {check.upload.display_name}", _sha_or_empty(target.db))
            os.replace(new_db, target.db)
            store.set_active(active)
            store.prune(target.keep_builds)
            sha = sha256_of(target.db)
            _audit(store, check, user, "upload", "gelukt", lines[0] if lines else "", kept.build_id if kept else "")
            progress("Klaar: het dashboard toont nu de nieuwe gegevens.")
            return UpdateResult(kept.build_id if kept else "", sha, tuple(lines))
    except UpdateBusy as exc:
        _audit(store, check, user, "upload", "afgewezen", str(exc))
        raise


def _sha_or_empty(path: Path) -> str:
    return sha256_of(path) if path.is_file() else ""


def rollback(store: UpdateStore, build_id: str, *, target: BuildTarget, user: str, wait_s: float = 0.0) -> str:
    """Put a kept database back byte for byte (the current one is kept in turn); returns its sha256."""
    try:
        with store.locked(user, wait_s=wait_s):
            build = next((b for b in store.kept_builds() if b.build_id == build_id), None)
            if build is None:
                raise UpdateFailed(f"de eerdere versie {build_id} bestaat niet (meer)")
            store.keep_current(f"vervangen door terugzetten naar {build.kept_at}", _sha_or_empty(target.db))
            store.restore(build_id)
            store.prune(target.keep_builds + 1)  # the restored one stays available alongside the N newest
            sha = sha256_of(target.db)
    except (UpdateBusy, UpdateFailed) as exc:
        _audit(store, None, user, "terugzetten", "afgewezen", str(exc), build_id, file_name=build_id)
        raise
    _audit(store, None, user, "terugzetten", "gelukt", f"versie van {build.kept_at} teruggezet", build_id,
           file_name=build_id, sha256=sha)
    return sha
