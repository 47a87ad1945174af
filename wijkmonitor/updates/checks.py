"""Validate an upload exactly as `wijkmonitor validate` and the build would, without touching any data.

A workbook replaces the registers whose worksheets it holds (interventies, resultaten, proceslog); a CSV
file replaces the one register its header names, or, with the columns region_code, year, indicator_code and
value, the municipality's own figures (the long-CSV source in config/sources.toml). The other registers stay
as they are now (configured or uploaded before), and a results file is checked against the interventions in
use.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from wijkmonitor.adapters.longcsv import REQUIRED as OWN_FIGURE_COLUMNS
from wijkmonitor.adapters.longcsv import read_longcsv
from wijkmonitor.config import ProgrammeConfig
from wijkmonitor.errors import BuildError
from wijkmonitor.registers.cli import header_names, kind_of
from wijkmonitor.registers.loader import RegisterTables, check_registers, known_from
from wijkmonitor.registers.problems import ERROR, Problem
from wijkmonitor.registers.schema import SHEETS
from wijkmonitor.registers.spec import RegisterSource, RegisterSpec, load_register_spec
from wijkmonitor.updates.store import ActiveFiles
from wijkmonitor.updates.upload import XLSX, Upload

REGISTERS = "registers"
OWN_FIGURES = "own_figures"
TARGET_LABELS = {REGISTERS: "registers", OWN_FIGURES: "eigen cijfers"}
REGISTER_LABELS = {"interventions": "interventies", "results": "resultaten", "process_log": "proceslog"}


@dataclass(frozen=True)
class UploadCheck:
    upload: Upload
    path: Path  # where the bytes were written for checking (never derived from the uploaded name)
    target: str  # REGISTERS | OWN_FIGURES
    registers: tuple[str, ...]  # register keys the upload replaces (REGISTERS only)
    problems: tuple[Problem, ...]
    tables: RegisterTables | None = None
    observations: pd.DataFrame | None = None

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def kind_label(self) -> str:
        if self.target == OWN_FIGURES:
            return "eigen cijfers"
        return "register: " + ", ".join(REGISTER_LABELS[k] for k in self.registers)


def effective_spec(registers_toml: Path, active: ActiveFiles) -> RegisterSpec:
    """The registers the next build reads: the configured ones, each replaced by its upload if any."""
    configured = load_register_spec(registers_toml) or RegisterSpec()
    sources: dict[str, RegisterSource | None] = {s.key: configured.source(s.key) for s in SHEETS}
    for key, (path, sheet) in active.registers.items():
        sources[key] = RegisterSource(Path(path), sheet or None)
    return RegisterSpec(interventions=sources["interventions"], results=sources["results"],
                        process_log=sources["process_log"], config_file=configured.config_file)


def _rename(problems: Iterable[Problem], stored: str, shown: str) -> tuple[Problem, ...]:
    # The problems name the stored file (a checksum); people uploaded it under another name.
    def fix(value: str | None) -> str | None:
        return shown if value == stored else value

    return tuple(dataclasses.replace(p, sheet=fix(p.sheet) or p.sheet, file=fix(p.file)) for p in problems)


def _workbook_sheets(path: Path) -> set[str]:
    from python_calamine import CalamineWorkbook

    try:
        return {n.strip().lower() for n in CalamineWorkbook.from_path(str(path)).sheet_names}
    except Exception:  # unreadable: reported as a problem by the caller
        return set()


def _problem(upload: Upload, message: str, row: int | None = None, column: str | None = None) -> Problem:
    return Problem(sheet=upload.display_name, row=row, column=column, message=message, level=ERROR)


def check_upload(
    upload: Upload,
    path: Path,
    *,
    config: ProgrammeConfig,
    registers_toml: Path,
    active: ActiveFiles,
    buurten: Iterable[str],
    own_figures_source: str,
) -> UploadCheck:
    """Every problem of the upload (written at `path`, suffix from its content) against the current data."""
    if upload.kind == XLSX:
        names = _workbook_sheets(path)
        keys = tuple(s.key for s in SHEETS if s.sheet in names)
        if not keys:
            sheets = ", ".join(s.sheet for s in SHEETS)
            found = ", ".join(sorted(names)) or "geen leesbare werkbladen"
            return UploadCheck(upload, path, REGISTERS, (), (_problem(
                upload, f"het werkboek heeft geen werkblad {sheets} (wel: {found}); zie templates/registers.xlsx"),))
        sources = {key: RegisterSource(path, next(s.sheet for s in SHEETS if s.key == key)) for key in keys}
    else:
        header = header_names(path)
        if set(OWN_FIGURE_COLUMNS) <= header:
            return _check_own_figures(upload, path, config, own_figures_source)
        kind = kind_of(path)
        if kind is None or not header & {c for s in SHEETS for c in s.names}:
            return UploadCheck(upload, path, REGISTERS, (), (_problem(
                upload, "kan niet bepalen wat dit is: de kopregel moet de kolomnamen van een register (zie "
                "docs/registers.md) of van eigen cijfers (region_code, year, indicator_code, value) bevatten",
                row=1),))
        keys = (kind,)
        sources = {kind: RegisterSource(path, None)}
    current = effective_spec(registers_toml, active)
    merged = {s.key: sources.get(s.key, current.source(s.key)) for s in SHEETS}
    spec = RegisterSpec(interventions=merged["interventions"], results=merged["results"],
                        process_log=merged["process_log"])
    problems, tables = check_registers(spec, report=keys, **known_from(config, buurten))
    return UploadCheck(upload, path, REGISTERS, keys, _rename(problems, path.name, upload.display_name), tables)


def _check_own_figures(upload: Upload, path: Path, config: ProgrammeConfig, source_id: str) -> UploadCheck:
    if source_id not in {s.id for s in config.sources}:
        return UploadCheck(upload, path, OWN_FIGURES, (), (_problem(
            upload, f"de bron '{source_id}' (updates.own_figures_source in config/access.toml) staat niet in "
            "config/sources.toml"),))
    try:
        frame = read_longcsv(path, source_id=source_id, gemeente=config.gemeente_code)
    except BuildError as exc:
        return UploadCheck(upload, path, OWN_FIGURES, (), (_problem(upload, exc.message, exc.row, exc.column),))
    return UploadCheck(upload, path, OWN_FIGURES, (), (), observations=frame.observations)


def problems_frame(problems: Iterable[Problem]) -> pd.DataFrame:
    """The problems as the page shows them: one Dutch row per problem, errors first."""
    ordered = sorted(problems, key=lambda p: not p.is_error)
    return pd.DataFrame(
        {
            "soort": [p.level for p in ordered],
            "werkblad of bestand": [p.sheet for p in ordered],
            "rij": pd.array([p.row for p in ordered], dtype="Int64"),
            "kolom": [(f"{p.column} ({p.column_letter})" if p.column_letter else p.column) or "" for p in ordered],
            "melding": [p.message for p in ordered],
        }
    )
