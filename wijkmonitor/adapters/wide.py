"""Wide tables a research department exports from Excel: areas as rows, indicators (x years) as columns.

Two layouts, chosen in the mapping file that sits beside the table (same name, extension `.toml`):
* `layout = "columns"`: one sheet (or CSV) whose headers are an indicator label plus a year
  (`Onveiligheidsgevoel 2021`), split by `column_pattern`;
* `layout = "sheets"`: one worksheet per year (named by `sheet_pattern`, e.g. `2021`), headers are labels.
`[indicators]` maps each label to an indicator code. Everything is checked the way the registers are: every
message names the file, the worksheet, the Excel row and the column (letter and header).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, field_validator

from wijkmonitor import cbs
from wijkmonitor.adapters import OBSERVATION_COLUMNS, SourceFrame
from wijkmonitor.adapters.longcsv import FIRST_YEAR
from wijkmonitor.common.export import column_letter
from wijkmonitor.common.tomlfile import read_toml, validate
from wijkmonitor.errors import BuildError

Cell = Any
MISSING = frozenset({"", ".", "x", "X", "-", "?"})
NON_FINITE = re.compile(r"^[+-]?(inf(inity)?|nan)$", re.IGNORECASE)
# 1.234,5 (Dutch thousands and decimal comma) or 1234,5 or 1234.5
DUTCH_NUMBER = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$|^[+-]?\d+,\d+$")


class WideMapping(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    layout: str = Field(pattern=r"^(columns|sheets)$", description="\"columns\" of \"sheets\"")
    region_column: str = Field(min_length=1)
    name_column: str | None = None
    sheet: str | None = None
    column_pattern: str = r"^(?P<indicator>.+?)[ _](?P<year>\d{4})$"
    sheet_pattern: str = r"^(?P<year>\d{4})$"
    ignore_columns: list[str] = []
    ignore_sheets: list[str] = []
    indicators: dict[str, str]

    @field_validator("column_pattern", "sheet_pattern")
    @classmethod
    def _pattern(cls, value: str) -> str:
        try:
            compiled = re.compile(value)
        except re.error as exc:
            raise ValueError(f"geen geldige reguliere expressie ({exc})") from exc
        if "year" not in compiled.groupindex:
            raise ValueError("het patroon mist de groep (?P<year>...)")
        return value

    @field_validator("indicators")
    @classmethod
    def _codes(cls, value: dict[str, str]) -> dict[str, str]:
        for label, code in value.items():
            if not re.match(r"^[A-Za-z][A-Za-z0-9_]*$", code):
                raise ValueError(f"indicatorcode {code!r} bij {label!r}: alleen letters, cijfers en _")
        if not value:
            raise ValueError("geen enkele indicator gekoppeld")
        if len({_key(label) for label in value}) < len(value):
            raise ValueError("een kolomnaam staat twee keer onder [indicators] (hoofdletters tellen niet)")
        return value

    def lookup(self) -> dict[str, tuple[str, str]]:
        """Normalised label -> (label as written, indicator code)."""
        return {_key(label): (label, code) for label, code in self.indicators.items()}


def mapping_path(table: Path) -> Path:
    return table.with_suffix(".toml")


def _key(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def load_mapping(path: Path) -> WideMapping:
    missing = f"koppelbestand ontbreekt: leg {path.name} naast de tabel (zie docs/own-figures.md)"
    return validate(WideMapping, read_toml(path, missing=missing), path)


@dataclass
class Sheet:
    name: str | None  # None for a CSV file
    rows: list[list[Cell]]
    decimal_comma: bool = False


def _where(path: Path, sheet: str | None) -> str:
    return f"{path}, werkblad '{sheet}'" if sheet is not None else str(path)


def _read_csv(path: Path) -> list[Sheet]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BuildError(f"bestand onleesbaar ({exc.strerror})", file=path) from exc
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise BuildError(f"het bestand is geen UTF-8 (byte {exc.start}); sla het op als 'CSV UTF-8'",
                         file=path, row=raw.count(b"\n", 0, exc.start) + 1) from exc
    if not text.strip():
        raise BuildError("het bestand is leeg", file=path)
    header = text.split("\n", 1)[0]
    # The Dutch Excel saves CSV with ; and a decimal comma; the English one with , and a decimal point.
    semicolon = header.count(";") > header.count(",")
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=";" if semicolon else ","))
    except csv.Error as exc:
        raise BuildError(f"CSV onleesbaar: {exc}", file=path) from exc
    return [Sheet(None, [list(r) for r in rows], decimal_comma=semicolon)]


def _read_xlsx(path: Path) -> list[Sheet]:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        return [Sheet(name, [list(r) for r in workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)])
                for name in workbook.sheet_names]
    except (CalamineError, OSError, ValueError) as exc:
        raise BuildError(
            "het bestand kan niet als Excel-werkmap worden gelezen (beschadigd, met een wachtwoord beveiligd of "
            "geen .xlsx); sla het opnieuw op als .xlsx zonder wachtwoord", file=path,
        ) from exc


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _number(cell: Cell, decimal_comma: bool, where: dict[str, Any]) -> float | None:
    if isinstance(cell, bool | dt.date | dt.time | dt.timedelta):
        raise BuildError(f"waarde {cell!r} is geen getal", **where)
    if isinstance(cell, int | float):
        value = float(cell)
    else:
        text = _text(cell).replace("\u00a0", "").replace(" ", "")
        if text in MISSING:
            return None
        if NON_FINITE.match(text):
            raise BuildError(f"waarde {text!r} is geen eindig getal", **where)
        if DUTCH_NUMBER.match(text) and (decimal_comma or "," in text):
            text = text.replace(".", "").replace(",", ".")
        elif decimal_comma and "." in text:
            raise BuildError(f"waarde {text!r}: in een bestand met ; hoort een decimale komma (12,5)", **where)
        try:
            value = float(text)
        except ValueError as exc:
            raise BuildError(f"waarde {text!r} is geen getal en geen CBS-symbool (. x - of leeg)", **where) from exc
    if not math.isfinite(value) or abs(value) >= 1e15:
        raise BuildError(f"waarde {cell!r} is geen eindig getal of onwaarschijnlijk groot", **where)
    return value


def _header_row(sheet: Sheet, mapping: WideMapping, path: Path) -> int:
    wanted = _key(mapping.region_column)
    for index, row in enumerate(sheet.rows):
        if any(_key(_text(c)) == wanted for c in row):
            return index
    raise BuildError(f"kolom '{mapping.region_column}' (region_column) niet gevonden in de kopregel",
                     file=_where(path, sheet.name), row=1)


def _columns(header: Sequence[Cell], sheet: Sheet, mapping: WideMapping, path: Path, header_row: int,
             sheet_year: int | None) -> tuple[int, int | None, dict[int, tuple[str, int, str]]]:
    where_file = _where(path, sheet.name)
    seen: dict[str, int] = {}
    for index, cell in enumerate(header):
        label = _key(_text(cell))
        if not label:
            continue
        if label in seen:
            raise BuildError(
                f"kolomkop {_text(cell)!r} staat twee keer in de kopregel (kolom {column_letter(seen[label])} en "
                f"{column_letter(index)}); elke kolom moet een eigen naam hebben",
                file=where_file, row=header_row + 1, column=column_letter(index),
            )
        seen[label] = index
    region = seen[_key(mapping.region_column)]
    name = seen.get(_key(mapping.name_column)) if mapping.name_column else None
    if mapping.name_column and name is None:
        raise BuildError(f"kolom '{mapping.name_column}' (name_column) niet gevonden", file=where_file,
                         row=header_row + 1)
    ignore = {_key(c) for c in mapping.ignore_columns}
    pattern = re.compile(mapping.column_pattern)
    measures: dict[int, tuple[str, int, str]] = {}
    for label, index in seen.items():
        if index in (region, name) or label in ignore:
            continue
        original = _text(header[index])
        if sheet_year is None:
            match = pattern.match(original)
            if not match or "indicator" not in match.groupdict():
                raise BuildError(
                    f"kolomkop {original!r} is geen indicator met jaar (zoals 'Onveiligheidsgevoel 2021'); "
                    "zet hem in ignore_columns als hij niet ingelezen moet worden",
                    file=where_file, row=header_row + 1, column=column_letter(index),
                )
            indicator, year = _key(match["indicator"]), int(match["year"])
        else:
            indicator, year = label, sheet_year
        code = mapping.lookup().get(indicator, ("", None))[1]
        if code is None:
            raise BuildError(
                f"kolom {original!r}: indicator {indicator!r} staat niet in [indicators] van het koppelbestand",
                file=where_file, row=header_row + 1, column=column_letter(index),
            )
        last_year = dt.date.today().year
        if not FIRST_YEAR <= year <= last_year:
            raise BuildError(f"kolom {original!r}: jaar {year} ligt niet tussen {FIRST_YEAR} en {last_year}",
                             file=where_file, row=header_row + 1, column=column_letter(index))
        measures[index] = (code, year, original)
    return region, name, measures


def _sheet_year(sheet: Sheet, mapping: WideMapping, path: Path) -> int | None:
    if mapping.layout == "columns":
        return None
    if sheet.name is None:
        raise BuildError("layout 'sheets' (één werkblad per jaar) kan alleen met een .xlsx-bestand", file=path)
    match = re.compile(mapping.sheet_pattern).match(sheet.name.strip())
    if not match:
        raise BuildError(
            f"werkblad '{sheet.name}' heeft geen jaar als naam (patroon {mapping.sheet_pattern}); zet het in "
            "ignore_sheets als het niet ingelezen moet worden", file=path,
        )
    return int(match["year"])


def read_wide(path: Path, *, source_id: str, gemeente: str | None, mapping: Path | None = None) -> SourceFrame:
    spec = load_mapping(mapping or mapping_path(path))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        sheets = _read_csv(path)
    elif suffix in (".xlsx", ".xlsm"):
        sheets = _read_xlsx(path)
    else:
        raise BuildError(f"onbekend bestandstype {suffix!r} voor een brede tabel (xlsx of csv)", file=path)
    ignore = {_key(s) for s in spec.ignore_sheets}
    sheets = [s for s in sheets if s.name is None or _key(s.name) not in ignore]
    if spec.layout == "columns" and sheets and sheets[0].name is not None:
        chosen = [s for s in sheets if spec.sheet is None or _key(str(s.name)) == _key(spec.sheet)]
        if not chosen:
            names = ", ".join(str(s.name) for s in sheets)
            raise BuildError(f"werkblad '{spec.sheet}' ontbreekt; gevonden: {names}", file=path)
        sheets = chosen[:1]
    records: list[dict[str, Any]] = []
    region_names: dict[str, str] = {}
    labels: dict[str, str] = {}
    rows_read = 0
    # Across sheets too: two worksheets may name the same year ("2021" and "2021 ").
    seen: dict[tuple[str, int, str], str] = {}
    for sheet in sheets:
        where_file = _where(path, sheet.name)
        year = _sheet_year(sheet, spec, path)
        header_index = _header_row(sheet, spec, path)
        region_col, name_col, measures = _columns(sheet.rows[header_index], sheet, spec, path, header_index, year)
        for offset, row in enumerate(sheet.rows[header_index + 1:], start=header_index + 2):
            if all(_text(c) == "" for c in row):
                continue
            rows_read += 1
            raw_code = _text(row[region_col]) if region_col < len(row) else ""
            code = raw_code.replace(" ", "").upper()
            if not cbs.is_region_code(code):
                raise BuildError(f"gebiedscode {raw_code!r} is geen CBS-code (NL01, GM…, WK…, BU…)",
                                 file=where_file, row=offset, column=column_letter(region_col))
            if gemeente is not None and code != "NL01" and cbs.gemeente_of(code) != gemeente:
                continue
            if name_col is not None and name_col < len(row) and _text(row[name_col]):
                region_names.setdefault(code, _text(row[name_col]))
            for index, (indicator, value_year, header) in measures.items():
                cell = row[index] if index < len(row) else None
                location: dict[str, Any] = {"file": where_file, "row": offset,
                                            "column": f"{column_letter(index)} ({header})"}
                value = _number(cell, sheet.decimal_comma, location)
                if value is None:
                    continue
                key = (code, value_year, indicator)
                if key in seen:
                    raise BuildError(f"{code} heeft voor {indicator} {value_year} twee waarden (ook in {seen[key]})",
                                     **location)
                seen[key] = f"werkblad '{sheet.name}', rij {offset}" if sheet.name is not None else f"rij {offset}"
                labels.setdefault(indicator, header)
                records.append({"region_code": code, "year": value_year, "indicator_code": indicator,
                                "age_group": "totaal", "value": value, "source_id": source_id,
                                "file": where_file, "row": offset})
    observations = pd.DataFrame(records, columns=OBSERVATION_COLUMNS).astype(
        {"year": "int64", "row": "int64", "value": "float64"})
    label_of = {code: label for label, code in spec.indicators.items()}
    metadata = pd.DataFrame(
        [{"indicator_code": code, "label": label_of.get(code, code), "unit": None, "decimals": None}
         for code in labels],
        columns=["indicator_code", "label", "unit", "decimals"],
    )
    regions = pd.DataFrame(list(region_names.items()), columns=["region_code", "name"])
    return SourceFrame(observations=observations, regions=regions, metadata=metadata, files=[path],
                       rows_read=rows_read)
