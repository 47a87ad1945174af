"""Check every row of the three registers and turn them into the tables of the DuckDB file.

`validate_registers` returns all problems and never raises for bad data; `load_registers` raises
`RegisterError` (carrying every problem) as soon as one of them is an error, and otherwise returns the
tables with the warnings. Column names and dtypes of the tables are in `TABLE_COLUMNS`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypedDict, Unpack

import pandas as pd

from wijkmonitor.config import ProgrammeConfig
from wijkmonitor.registers import values
from wijkmonitor.registers.problems import WARNING, Problem, RegisterError
from wijkmonitor.registers.reader import Cell, RawSheet, read_register
from wijkmonitor.registers.schema import (
    AMOUNT,
    AREA,
    AREA_LIST,
    BOOL,
    CHOICE,
    COUNT,
    DATE,
    ID,
    INDICATOR_LIST,
    INTERVENTIONS,
    NUMBER,
    PERIOD,
    PROCESS_LOG,
    PROGRAMME_LIST,
    RESULTS,
    SPOOR,
    SPOREN,
    TEXT,
    TEXT_LIST,
    THEME,
    Column,
    Sheet,
)
from wijkmonitor.registers.spec import RegisterSource, RegisterSpec

# Spending above this multiple of the budget is reported as a warning (not an error).
SPENT_WARNING_FACTOR = 1.5

TEXT_DTYPE = "object"
TABLE_COLUMNS: dict[str, dict[str, str]] = {
    "interventions": {
        "intervention_id": TEXT_DTYPE,
        "name": TEXT_DTYPE,
        "description": TEXT_DTYPE,
        "areas": TEXT_DTYPE,
        "theme_id": TEXT_DTYPE,
        "actielijn": TEXT_DTYPE,
        "spoor": "Int64",
        "lead_partner": TEXT_DTYPE,
        "partners": TEXT_DTYPE,
        "programmes": TEXT_DTYPE,
        "budget_eur": "float64",
        "spent_eur": "float64",
        "start_date": "datetime64[ns]",
        "end_date": "datetime64[ns]",
        "status": TEXT_DTYPE,
        "goal_indicators": TEXT_DTYPE,
        "monitoring_type": TEXT_DTYPE,
        "is_example": "bool",
    },
    "intervention_areas": {"intervention_id": TEXT_DTYPE, "area_id": TEXT_DTYPE, "buurt_code": TEXT_DTYPE},
    "intervention_programmes": {"intervention_id": TEXT_DTYPE, "programme_id": TEXT_DTYPE},
    "intervention_results": {
        "intervention_id": TEXT_DTYPE,
        "period": TEXT_DTYPE,
        "period_start": "datetime64[ns]",
        "period_end": "datetime64[ns]",
        "year": "Int64",
        "measure": TEXT_DTYPE,
        "value": "float64",
        "target": "float64",
        "unit": TEXT_DTYPE,
        "source": TEXT_DTYPE,
        "is_example": "bool",
    },
    "process_log": {
        "date": "datetime64[ns]",
        "area": TEXT_DTYPE,
        "area_id": TEXT_DTYPE,
        "buurt_code": TEXT_DTYPE,
        "activity_type": TEXT_DTYPE,
        "participants": "Int64",
        "residents_reached": "Int64",
        "lived_experience_roles": "Int64",
        "raised": TEXT_DTYPE,
        "action": TEXT_DTYPE,
        "decision_or_intervention_id": TEXT_DTYPE,
        "intervention_id": TEXT_DTYPE,
        "action_status": TEXT_DTYPE,
        "lessons": TEXT_DTYPE,
        "is_example": "bool",
    },
}


@dataclass(frozen=True)
class RegisterTables:
    interventions: pd.DataFrame
    intervention_areas: pd.DataFrame
    intervention_programmes: pd.DataFrame
    intervention_results: pd.DataFrame
    process_log: pd.DataFrame
    warnings: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, pd.DataFrame]:
        """The five tables by their DuckDB table name."""
        return {name: getattr(self, name) for name in TABLE_COLUMNS}


def _frame(records: list[dict[str, Any]], table: str) -> pd.DataFrame:
    columns = TABLE_COLUMNS[table]
    data: dict[str, Any] = {}
    for name, dtype in columns.items():
        column = [r.get(name) for r in records]
        if dtype.startswith("datetime64"):
            data[name] = pd.to_datetime(pd.Series(column, dtype=object)).astype("datetime64[ns]")
        elif dtype == "bool":
            data[name] = pd.Series([bool(v) for v in column], dtype=bool)
        elif dtype == "Int64":
            data[name] = pd.Series(pd.array(column, dtype="Int64"))
        elif dtype == "float64":
            data[name] = pd.Series([float("nan") if v is None else float(v) for v in column], dtype="float64")
        else:
            data[name] = pd.Series(column, dtype=object)
    return pd.DataFrame(data, columns=list(columns))


def empty_tables() -> RegisterTables:
    """The five register tables without rows (right columns and dtypes), for a build without a register."""
    return RegisterTables(
        interventions=_frame([], "interventions"),
        intervention_areas=_frame([], "intervention_areas"),
        intervention_programmes=_frame([], "intervention_programmes"),
        intervention_results=_frame([], "intervention_results"),
        process_log=_frame([], "process_log"),
    )


# --- lookups -------------------------------------------------------------------------------------------

_BUURT_CODE = re.compile(r"BU\d{8}")


def _suggest(value: str, candidates: Mapping[str, str]) -> str:
    match = difflib.get_close_matches(value.lower(), list(candidates), n=1, cutoff=0.75)
    return f" (bedoelt u '{candidates[match[0]]}'?)" if match else ""


@dataclass(frozen=True)
class _Lookup:
    areas: dict[str, str]  # lower-case id -> id, in configuration order
    buurten: frozenset[str]
    programmes: dict[str, str]
    themes: dict[str, str]
    indicators: dict[str, str]

    @classmethod
    def build(
        cls,
        areas: Mapping[str, Iterable[str]],
        buurten: Iterable[str],
        programmes: Iterable[str],
        themes: Iterable[str],
        indicators: Iterable[str],
    ) -> _Lookup:
        def lower(ids: Iterable[str]) -> dict[str, str]:
            return {i.lower(): i for i in ids}

        return cls(
            lower(areas),
            frozenset(b.upper() for b in buurten),
            lower(sorted(programmes)),
            lower(sorted(themes)),
            lower(sorted(indicators)),
        )

    def area(self, item: str) -> tuple[str | None, str | None]:
        """(area_id, buurt_code) of one area item."""
        if item.lower() in self.areas:
            return self.areas[item.lower()], None
        code = item.upper()
        if _BUURT_CODE.fullmatch(code):
            if code in self.buurten:
                return None, code
            raise values.CellError(f"onbekende buurtcode '{item}': niet in de buurtindeling van de gemeente")
        raise values.CellError(
            f"onbekend gebied '{item}'{_suggest(item, self.areas)}; gebruik een gebied uit "
            f"config/programme.toml ({', '.join(self.areas.values())}) of een CBS-buurtcode (BU + 8 cijfers)"
        )

    def programme(self, item: str) -> str:
        return _known(item, self.programmes, "onbekend programma", f"kies uit: {', '.join(self.programmes.values())}")

    def theme(self, item: str) -> str:
        return _known(item, self.themes, "onbekend thema", f"kies uit: {', '.join(self.themes.values())}")

    def indicator(self, item: str) -> str:
        return _known(item, self.indicators, "onbekende indicatorcode", "zie config/indicators.toml")


def _known(item: str, table: Mapping[str, str], unknown: str, hint: str) -> str:
    """The configured spelling of a case-insensitive name, or a Dutch error with a suggestion and a hint."""
    if item.lower() in table:
        return table[item.lower()]
    raise values.CellError(f"{unknown} '{item}'{_suggest(item, table)}; {hint}")


# --- cells ---------------------------------------------------------------------------------------------


def _each(items: list[str], parse: Callable[[str], Any], messages: list[str]) -> list[Any]:
    parsed: list[Any] = []
    for item in items:
        try:
            value = parse(item)
        except values.CellError as exc:
            messages.append(str(exc))
            continue
        if value not in parsed:  # 'Selwerd;selwerd' names one area
            parsed.append(value)
    return parsed


def _spoor(cell: Cell) -> int:
    hint = ", ".join(f"{k} = {v}" for k, v in SPOREN.items())
    try:
        number = values.number(cell)
    except values.CellError:
        number = float("nan")
    if number not in SPOREN:
        raise values.CellError(f"spoor moet 1, 2 of 3 zijn ({hint}), niet '{values.show(cell)}'")
    return int(number)


# Kinds whose cell parses on its own, without the lookups or the column's choices.
_SCALAR_PARSERS: dict[str, Callable[[Cell], Any]] = {
    SPOOR: _spoor,
    AMOUNT: values.amount,
    NUMBER: values.number,
    COUNT: values.count,
    DATE: values.date,
    PERIOD: values.period,
    BOOL: values.boolean,
}


def _parse(col: Column, cell: Cell, lookup: _Lookup) -> tuple[Any, list[str]]:
    """The parsed value of a non-empty cell and the problems with it."""
    messages: list[str] = []
    kind = col.kind
    try:
        if kind in (TEXT, ID):
            return values.text(cell), messages
        if kind == TEXT_LIST:
            return values.split_list(cell, commas=False), messages
        if kind == AREA_LIST:
            return _each(values.split_list(cell, commas=True), lookup.area, messages), messages
        if kind == AREA:
            items = values.split_list(cell, commas=True)
            if len(items) > 1:
                return None, [f"vul één gebied in, niet {len(items)} ({'; '.join(items)})"]
            resolved = _each(items, lookup.area, messages)
            return (resolved[0] if resolved else None), messages
        if kind == PROGRAMME_LIST:
            return _each(values.split_list(cell, commas=True), lookup.programme, messages), messages
        if kind == INDICATOR_LIST:
            return _each(values.split_list(cell, commas=True), lookup.indicator, messages), messages
        if kind == THEME:
            return lookup.theme(values.show(cell)), messages
        if kind in _SCALAR_PARSERS:
            return _SCALAR_PARSERS[kind](cell), messages
        if kind == CHOICE:
            return values.choose(cell, col.choices, col.label), messages
    except values.CellError as exc:
        return None, [str(exc)]
    raise AssertionError(f"unknown column kind {kind}")


def _rows(raw: RawSheet, sheet: Sheet, lookup: _Lookup) -> list[tuple[int, dict[str, Any]]]:
    """Parse every cell of every row; report missing required values and bad cells on `raw`."""
    parsed_rows = []
    for row, cells in raw.rows:
        record: dict[str, Any] = {}
        for col in sheet.columns:
            cell = cells.get(col.name)
            if cell is None:
                if col.required and col.name in raw.letters:
                    raw.problem("verplichte waarde ontbreekt", row=row, column=col.name)
                record[col.name] = [] if col.kind.endswith("_list") else None
                continue
            value, messages = _parse(col, cell, lookup)
            for message in messages:
                raw.problem(message, row=row, column=col.name)
            if col.required and not messages and value in (None, []):
                raw.problem("verplichte waarde ontbreekt", row=row, column=col.name)
            record[col.name] = value
        parsed_rows.append((row, record))
    return parsed_rows


def _euro(amount: float) -> str:
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return "€ " + text.replace(",", "_").replace(".", ",").replace("_", ".")


# --- the three registers -------------------------------------------------------------------------------


def _interventions(
    raw: RawSheet, lookup: _Lookup
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    interventions: list[dict[str, Any]] = []
    areas: list[dict[str, Any]] = []
    programmes: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for row, rec in _rows(raw, INTERVENTIONS, lookup):
        intervention_id = rec["id"]
        if intervention_id is not None:
            if intervention_id in seen:
                raw.problem(
                    f"code '{intervention_id}' komt al voor op rij {seen[intervention_id]}",
                    row=row,
                    column="id",
                )
            else:
                seen[intervention_id] = row
        start, end = rec["start_date"], rec["end_date"]
        if start is not None and end is not None and end < start:
            raw.problem(
                f"einddatum {end.isoformat()} ligt vóór de begindatum {start.isoformat()}",
                row=row,
                column="end_date",
            )
        budget, spent = rec["budget_eur"], rec["spent_eur"]
        if budget is not None and spent is not None and spent > SPENT_WARNING_FACTOR * budget:
            raw.problem(
                f"uitgegeven bedrag ({_euro(spent)}) is meer dan anderhalf keer het budget "
                f"({_euro(budget)}); klopt dit?",
                row=row,
                column="spent_eur",
                level=WARNING,
            )
        area_items: list[tuple[str | None, str | None]] = rec["areas"]
        interventions.append(
            {
                "intervention_id": intervention_id,
                "name": rec["name"],
                "description": rec["description"],
                "areas": ";".join(a or b or "" for a, b in area_items) or None,
                "theme_id": rec["theme"],
                "actielijn": rec["actielijn"],
                "spoor": rec["spoor"],
                "lead_partner": rec["lead_partner"],
                "partners": ";".join(rec["partners"]) or None,
                "programmes": ";".join(rec["programmes"]) or None,
                "budget_eur": budget,
                "spent_eur": spent,
                "start_date": start,
                "end_date": end,
                "status": rec["status"],
                "goal_indicators": ";".join(rec["goal_indicators"]) or None,
                "monitoring_type": rec["monitoring_type"],
                "is_example": bool(rec["is_example"]),
            }
        )
        areas += [{"intervention_id": intervention_id, "area_id": a, "buurt_code": b} for a, b in area_items]
        programmes += [{"intervention_id": intervention_id, "programme_id": p} for p in rec["programmes"]]
    return interventions, areas, programmes


def _results(raw: RawSheet, lookup: _Lookup, known_ids: set[str] | None) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    seen: dict[tuple[Any, ...], int] = {}
    by_lower = {i.lower(): i for i in known_ids or ()}
    for row, rec in _rows(raw, RESULTS, lookup):
        intervention_id = rec["intervention_id"]
        if intervention_id is not None and known_ids is not None and intervention_id not in known_ids:
            hint = (
                f" (bedoelt u '{by_lower[intervention_id.lower()]}'?)"
                if intervention_id.lower() in by_lower
                else _suggest(intervention_id, by_lower)
            )
            raw.problem(
                f"interventiecode '{intervention_id}' bestaat niet in het interventieregister{hint}",
                row=row,
                column="intervention_id",
            )
        if (
            rec["value"] is None
            and rec["target"] is None
            and "value" in raw.letters
            and not any(p.row == row and p.column in ("value", "target") for p in raw.problems)
        ):
            raw.problem("vul een waarde (value) of een streefwaarde (target) in", row=row, column="value")
        if (rec["unit"] or "").strip() in ("%", "procent"):
            for column in ("value", "target"):
                number = rec[column]
                if number is not None and not 0 <= number <= 100:
                    raw.problem(f"percentage {values.show(number)} ligt niet tussen 0 en 100; klopt de eenheid?",
                                row=row, column=column, level=WARNING)
        period = rec["period"]
        key = (intervention_id, period[0] if period else None, (rec["measure"] or "").lower())
        if None not in key[:2] and key in seen:
            raw.problem(
                f"dezelfde meting voor deze interventie en periode staat ook op rij {seen[key]}",
                row=row,
                column="measure",
                level=WARNING,
            )
        seen.setdefault(key, row)
        results.append(
            {
                "intervention_id": intervention_id,
                "period": period[0] if period else None,
                "period_start": period[1] if period else None,
                "period_end": period[2] if period else None,
                "year": period[1].year if period else None,
                "measure": rec["measure"],
                "value": rec["value"],
                "target": rec["target"],
                "unit": rec["unit"],
                "source": rec["source"],
                "is_example": bool(rec["is_example"]),
            }
        )
    return results


def _process_log(raw: RawSheet, lookup: _Lookup, known_ids: set[str]) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for _row, rec in _rows(raw, PROCESS_LOG, lookup):
        area: tuple[str | None, str | None] = rec["area"] or (None, None)
        reference = rec["decision_or_intervention_id"]
        entries.append(
            {
                "date": rec["date"],
                "area": area[0] or area[1],
                "area_id": area[0],
                "buurt_code": area[1],
                "activity_type": rec["activity_type"],
                "participants": rec["participants"],
                "residents_reached": rec["residents_reached"],
                "lived_experience_roles": rec["lived_experience_roles"],
                "raised": rec["raised"],
                "action": rec["action"],
                "decision_or_intervention_id": reference,
                "intervention_id": reference if reference in known_ids else None,
                "action_status": rec["action_status"],
                "lessons": rec["lessons"],
                "is_example": bool(rec["is_example"]),
            }
        )
    return entries


def _once_per_file(problems: list[Problem]) -> list[Problem]:
    """A workbook that cannot be opened at all (broken, password-protected) is said once, not per worksheet."""
    seen: set[tuple[str, str | None, str]] = set()
    kept = []
    for p in problems:
        if p.row is None and p.column is None:
            key = (p.sheet, p.file, p.message)
            if key in seen:
                continue
            seen.add(key)
        kept.append(p)
    return kept


def _run(
    spec: RegisterSpec, lookup: _Lookup, report: Iterable[str] | None = None
) -> tuple[list[Problem], RegisterTables]:
    """Read and check the registers of `spec`; `report` limits the problems to those registers (keys)."""
    wanted = set(report) if report is not None else {"interventions", "results", "process_log"}
    reported: list[RawSheet] = []  # their problems are collected at the end, after the cross-register checks
    interventions: list[dict[str, Any]] = []
    areas: list[dict[str, Any]] = []
    programmes: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    log: list[dict[str, Any]] = []
    known_ids: set[str] | None = None  # None: interventions unknown, so references cannot be checked

    def readable(source: RegisterSource | None, register: Sheet, key: str) -> RawSheet | None:
        if source is None:
            return None
        raw = read_register(source, register)
        if key in wanted:
            reported.append(raw)
        return raw if raw.readable else None

    if (raw := readable(spec.interventions, INTERVENTIONS, "interventions")) is not None:
        interventions, areas, programmes = _interventions(raw, lookup)
        known_ids = {r["intervention_id"] for r in interventions if r["intervention_id"] is not None}
    if (raw := readable(spec.results, RESULTS, "results")) is not None:
        if spec.interventions is None and raw.rows:
            raw.problem(
                "de resultaten verwijzen naar interventies, maar er is geen interventieregister "
                "ingesteld (config/registers.toml)"
            )
        results = _results(raw, lookup, known_ids)
    if (raw := readable(spec.process_log, PROCESS_LOG, "process_log")) is not None:
        log = _process_log(raw, lookup, known_ids or set())

    problems = _once_per_file([problem for raw in reported for problem in raw.sorted_problems()])
    tables = RegisterTables(
        interventions=_frame(interventions, "interventions"),
        intervention_areas=_frame(areas, "intervention_areas"),
        intervention_programmes=_frame(programmes, "intervention_programmes"),
        intervention_results=_frame(results, "intervention_results"),
        process_log=_frame(log, "process_log"),
        warnings=tuple(str(p) for p in problems if not p.is_error),
    )
    return problems, tables


class Known(TypedDict):
    """What register rows are checked against: the configured areas (id -> buurten), the municipality's
    buurten, and the ids of programmes, themes and indicators."""

    areas: Mapping[str, Iterable[str]]
    buurten: Iterable[str]
    programmes: Iterable[str]
    themes: Iterable[str]
    indicators: Iterable[str]


def known_from(config: ProgrammeConfig, buurten: Iterable[str], indicators: Iterable[str] | None = None) -> Known:
    """`Known` from the programme configuration; `indicators` defaults to the catalogue's codes."""
    return Known(
        areas={area.id: area.buurten for area in config.areas},
        buurten=buurten,
        programmes={p.id for p in config.programmes},
        themes={t.id for t in config.themes},
        indicators=set(config.indicators) if indicators is None else indicators,
    )


def check_registers(
    spec: RegisterSpec, *, report: Iterable[str] | None = None, **known: Unpack[Known]
) -> tuple[list[Problem], RegisterTables]:
    """Every problem, and the tables as far as they could be read (incomplete when there are errors).

    `report` names the registers ("interventions", "results", "process_log") whose problems are returned;
    the others are still read, e.g. the interventions to check the intervention ids of a results file.
    """
    return _run(spec, _Lookup.build(**known), report)


def validate_registers(spec: RegisterSpec, **known: Unpack[Known]) -> list[Problem]:
    """Every problem (errors and warnings) in the registers of `spec`; never raises for bad data."""
    return check_registers(spec, **known)[0]


def load_registers(spec: RegisterSpec, **known: Unpack[Known]) -> RegisterTables:
    """The register tables; raises RegisterError (with every problem) when any row has an error."""
    problems, tables = check_registers(spec, **known)
    if any(p.is_error for p in problems):
        raise RegisterError(problems)
    return tables
