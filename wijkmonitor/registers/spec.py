"""Which register files the build reads: `config/registers.toml`.

```toml
[registers]
# One Excel workbook with the worksheets interventies, resultaten and proceslog ...
workbook = "config/registers/mijn_registers.xlsx"
# ... or one file per register (CSV or XLSX); these override the workbook for that register.
interventions = "config/registers/voorbeeld/interventies.csv"
results = "config/registers/voorbeeld/resultaten.csv"
process_log = "config/registers/voorbeeld/proceslog.csv"
```

Relative paths are relative to the repository root. No file, or no keys under `[registers]`: no register.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from wijkmonitor.common.tomlfile import hint, read_toml
from wijkmonitor.config import PROJECT_ROOT
from wijkmonitor.errors import BuildError
from wijkmonitor.registers.schema import INTERVENTIONS, PROCESS_LOG, RESULTS, SHEETS, SHEETS_BY_KEY

DEFAULT_REGISTERS_TOML = PROJECT_ROOT / "config" / "registers.toml"
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
CSV_SUFFIXES = (".csv", ".txt")
_KEYS = ("workbook", *SHEETS_BY_KEY)


@dataclass(frozen=True)
class RegisterSource:
    """One register: a CSV file, or a worksheet of a workbook (`sheet` is the expected worksheet name)."""

    path: Path
    sheet: str | None = None

    @property
    def is_excel(self) -> bool:
        return self.path.suffix.lower() in EXCEL_SUFFIXES


@dataclass(frozen=True)
class RegisterSpec:
    interventions: RegisterSource | None = None
    results: RegisterSource | None = None
    process_log: RegisterSource | None = None
    config_file: Path | None = None

    def source(self, key: str) -> RegisterSource | None:
        value: RegisterSource | None = getattr(self, key)
        return value

    @property
    def is_empty(self) -> bool:
        return all(self.source(s.key) is None for s in SHEETS)

    @classmethod
    def from_workbook(cls, path: Path) -> RegisterSpec:
        """All three registers from one workbook with the worksheets interventies, resultaten, proceslog."""
        path = Path(path)
        return cls(
            interventions=RegisterSource(path, INTERVENTIONS.sheet),
            results=RegisterSource(path, RESULTS.sheet),
            process_log=RegisterSource(path, PROCESS_LOG.sheet),
        )

    @classmethod
    def from_files(
        cls,
        interventions: Path | None = None,
        results: Path | None = None,
        process_log: Path | None = None,
    ) -> RegisterSpec:
        """One file per register; an Excel file is read from the worksheet with the register's name."""
        return cls(
            interventions=source_for("interventions", Path(interventions)) if interventions else None,
            results=source_for("results", Path(results)) if results else None,
            process_log=source_for("process_log", Path(process_log)) if process_log else None,
        )


def source_for(key: str, path: Path) -> RegisterSource:
    sheet = SHEETS_BY_KEY[key].sheet if path.suffix.lower() in EXCEL_SUFFIXES else None
    return RegisterSource(path, sheet)


_FileName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class RegistersSchema(BaseModel):
    """`[registers]`: every key a file name (text), none other allowed."""

    model_config = ConfigDict(extra="forbid", strict=True)
    workbook: _FileName | None = None
    interventions: _FileName | None = None
    results: _FileName | None = None
    process_log: _FileName | None = None


class RegistersFileSchema(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    registers: RegistersSchema = RegistersSchema()


def _validated(data: dict[str, Any], path: Path) -> dict[str, str]:
    """The `[registers]` table checked against the schema; the first problem is raised naming its key."""
    try:
        parsed = RegistersFileSchema.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = [str(part) for part in error["loc"]]
        key = ".".join(loc)
        if error["type"] == "extra_forbidden":
            allowed = _KEYS if len(loc) > 1 else ("registers",)
            raise BuildError(f"onbekende sleutel '{loc[-1]}'{hint(loc[-1], allowed)}; gebruik: {', '.join(allowed)}",
                             file=path, column=key) from None
        if loc == ["registers"]:
            raise BuildError("'registers' moet een tabel zijn: [registers]", file=path, column="registers") from None
        raise BuildError("verwacht een bestandsnaam (tekst tussen aanhalingstekens)", file=path, column=key) from None
    return {key: value for key, value in parsed.registers.model_dump().items() if value}


def load_register_spec(
    path: Path = DEFAULT_REGISTERS_TOML, *, root: Path = PROJECT_ROOT
) -> RegisterSpec | None:
    """Read `registers.toml`; None when the file is missing or names no register.

    Raises BuildError (naming the file and key) for invalid TOML or unknown keys.
    """
    path = Path(path)
    if not path.exists():
        return None
    table = _validated(read_toml(path), path)

    def resolve(value: str) -> Path:
        p = Path(value.strip())
        return p if p.is_absolute() else root / p

    sources: dict[str, RegisterSource | None] = {s.key: None for s in SHEETS}
    if table.get("workbook"):
        workbook = resolve(table["workbook"])
        if workbook.suffix.lower() not in EXCEL_SUFFIXES:
            raise BuildError(
                "'workbook' moet een Excel-bestand zijn (.xlsx)", file=path, column="registers.workbook"
            )
        sources = {s.key: RegisterSource(workbook, s.sheet) for s in SHEETS}
    for sheet in SHEETS:
        if table.get(sheet.key):
            sources[sheet.key] = source_for(sheet.key, resolve(table[sheet.key]))
    spec = RegisterSpec(
        interventions=sources["interventions"],
        results=sources["results"],
        process_log=sources["process_log"],
        config_file=path,
    )
    return None if spec.is_empty else spec
