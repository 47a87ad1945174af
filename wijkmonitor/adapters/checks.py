"""Shared checks for everything the build reads: files, headers, JSON, region codes and numbers.

Every adapter (and the register reader) goes through these instead of trusting pandas or `json`: pandas
silently renames a duplicated column (`Eenzaam_28.1`), `json` keeps the last of two equal keys, `float()`
turns `1e309` into infinity, and a lower-case region code slips past a filter on `"BU"`. Each check raises
`BuildError` naming file, row and column, or returns what it normalised together with a `Note` that the
build summary prints, so that no row is changed or dropped without saying so.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from wijkmonitor.errors import BuildError

# Symbols CBS writes instead of a number: "." missing, "x" secret, "-" nil, "?" unreliable; -99999999 in maps.
MISSING_SYMBOLS = frozenset({"", ".", "x", "X", "-", "?", "nan", "NaN", "None"})
MAP_MISSING = -99999999
# Beyond 2**53 a double no longer holds every whole number: such a "figure" is a broken cell, not data.
MAX_MAGNITUDE = float(2**53)
_REGION_CODE = re.compile(r"^(NL\d{2}|GM\d{4}|WK\d{6}|BU\d{8})$")
# Spaces of every kind (also no-break, zero-width and a byte-order mark) that copy-paste leaves in a code.
_INVISIBLE = re.compile(r"[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]+")


@dataclass(frozen=True)
class Note:
    """Rows an adapter changed or dropped on purpose: counted and named in the build summary."""

    file: str
    what: str  # Dutch: what happened to the rows
    count: int
    example: str  # Dutch: the first row it happened to

    def __str__(self) -> str:
        count = f"{self.count:,}".replace(",", ".")
        return f"{self.file}: {count} {self.what} (bijv. {self.example})"


# ------------------------------------------------------------------------------------------------ files

def source_file(path: Path) -> None:
    """A source must be an ordinary, readable, non-empty file: a FIFO would block the build for ever,
    a directory or /dev/null would give a misleading parser error further on."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise BuildError("bestand niet gevonden", file=path) from exc
    except OSError as exc:
        raise BuildError(f"bestand kan niet worden gelezen ({exc.strerror or exc})", file=path) from exc
    if stat.S_ISDIR(info.st_mode):
        raise BuildError("dit is een map, geen bestand", file=path)
    if not stat.S_ISREG(info.st_mode):
        raise BuildError("dit is geen gewoon bestand (maar bijvoorbeeld een pijp of apparaat)", file=path)
    if not os.access(path, os.R_OK):
        raise BuildError("bestand is niet leesbaar (geen leesrechten)", file=path)
    if info.st_size == 0:
        raise BuildError("het bestand is leeg", file=path)


def writable_target(path: Path, *, what: str = "databasebestand") -> None:
    """The file a build will write: checked before the build starts, so a long build does not fail at the end.

    The folder is probed by creating (and removing) a file, because permission bits say nothing for root or
    on a read-only file system.
    """
    if path.is_dir():
        raise BuildError(f"het {what} is een map; geef een bestandsnaam, bijv. {path / 'wijkmonitor.duckdb'}",
                         file=path)
    if path.exists() and not path.is_file():
        raise BuildError(f"het {what} is geen gewoon bestand (maar bijvoorbeeld een pijp of apparaat)", file=path)
    if path.name in ("", ".", ".."):
        raise BuildError(f"geef een bestandsnaam voor het {what}", file=path)
    folder = path.parent
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise BuildError(f"de map voor het {what} kan niet bestaan: {existing} is een bestand", file=path)
    try:
        folder.mkdir(parents=True, exist_ok=True)  # the build would make it too
    except OSError as exc:
        raise BuildError(f"map {folder} kan niet worden aangemaakt ({exc.strerror or exc})", file=path) from exc
    probe = folder / f".{path.name}.schrijftest-{os.getpid()}"
    try:
        probe.open("xb").close()
    except OSError as exc:
        raise BuildError(f"in map {folder} kan niet worden geschreven ({exc.strerror or exc})", file=path) from exc
    probe.unlink(missing_ok=True)


# ----------------------------------------------------------------------------------------------- header

def csv_header(text: str, delimiter: str = ",") -> list[str]:
    """The cells of the first line of a CSV text, as written (before pandas renames anything)."""
    lines = text.splitlines()[:1]  # \r, \n or \r\n: whatever ended the first line
    try:
        first = next(csv.reader(io.StringIO(lines[0] if lines else ""), delimiter=delimiter), [])
    except csv.Error:  # an open quote in the header: the CSV parser names the problem later
        return []
    return [cell.strip().removeprefix("\ufeff") for cell in first]


def unique_header(names: Sequence[object], *, file: Path | str, row: int = 1) -> list[str]:
    """Column names, stripped; a name that occurs twice is refused (pandas would rename it `name.1`)."""
    header = ["" if name is None else str(name).strip() for name in names]
    seen: dict[str, int] = {}
    for position, name in enumerate(header):
        if not name:
            continue
        if name in seen:
            raise BuildError(
                f"kolomnaam {name!r} komt twee keer voor in de kopregel (kolom {seen[name] + 1} en "
                f"{position + 1}); geef elke kolom een eigen naam",
                file=file, row=row, column=name,
            )
        seen[name] = position
    return header


# ------------------------------------------------------------------------------------------------- JSON

def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        twice = next(key for key in keys if keys.count(key) > 1)
        raise _DuplicateKey(twice)
    return dict(pairs)


class _DuplicateKey(ValueError):
    pass


def read_json(path: Path) -> Any:
    """A JSON file as Python values; invalid UTF-8, invalid JSON and a key given twice in one object are
    refused (the standard parser would silently keep the last one)."""
    source_file(path)
    try:
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
        return json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except UnicodeDecodeError as exc:
        raise BuildError(f"het bestand is geen UTF-8 (byte {exc.start} is ongeldig)", file=path) from exc
    except _DuplicateKey as exc:
        raise BuildError(f"sleutel {exc.args[0]!r} staat twee keer in hetzelfde JSON-object", file=path) from exc
    except json.JSONDecodeError as exc:
        raise BuildError(f"geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}: {exc.msg})", file=path) from exc
    except RecursionError as exc:
        raise BuildError("geen bruikbare JSON: te diep genest", file=path) from exc


# ---------------------------------------------------------------------------------------------- regions

def normalise_code(raw: object) -> str:
    """A region code in CBS spelling: no spaces of any kind, upper case (`' bu00141000 '` -> `BU00141000`)."""
    return _INVISIBLE.sub("", "" if raw is None else str(raw)).upper()


def is_region_code(code: str) -> bool:
    return bool(_REGION_CODE.match(code))


# The same pattern with ASCII digits only, for the vectorised (RE2) fast path of `normalise_codes`.
_REGION_CODE_ASCII = _REGION_CODE.pattern.replace(r"\d", "[0-9]")


def normalise_codes(raw: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """`normalise_code` of every cell, and which results are region codes (`is_region_code`).

    A whole table's codes at once: cells that are ASCII text and, stripped, already a region code are taken
    as they are (stripping ASCII spaces is all `normalise_code` would do to them); only the others go
    through `normalise_code` one by one."""
    if len(raw) == 0 or not _only_text(raw):
        codes = raw.map(normalise_code).astype(object)
        return codes, codes.map(is_region_code).to_numpy(dtype=bool)
    text = raw.astype("string")
    stripped = text.str.strip()
    fast = (text.str.isascii() & stripped.str.fullmatch(_REGION_CODE_ASCII)).fillna(False).to_numpy(dtype=bool)
    out = stripped.to_numpy(dtype=object, na_value=None)
    valid = fast.copy()
    slow = np.flatnonzero(~fast)
    if len(slow):
        cells = raw.iloc[slow].map(normalise_code)
        out[slow] = cells.to_numpy(dtype=object)
        valid[slow] = cells.map(is_region_code).to_numpy(dtype=bool)
    return pd.Series(out, index=raw.index, dtype=object), valid


def region_codes(raw: pd.Series, *, file: Path | str, column: str,
                 rows: pd.Series | None = None) -> tuple[pd.Series, Note | None]:
    """Region codes in CBS spelling, and a note counting the ones that were not (padding aside, which is how
    CBS itself publishes them). A cell that is no region code even then is refused."""
    rows = _rows(raw, rows)
    stripped = raw.astype("string").fillna("").str.strip()
    codes, valid = normalise_codes(stripped)
    bad = ~valid
    if bad.any():
        position = int(np.flatnonzero(bad)[0])
        raise BuildError(
            f"regiocode {shown(stripped.iloc[position])!r} is geen CBS-code (NL01, GM + 4, WK + 6 of BU + 8 cijfers)",
            file=file, row=int(rows.iloc[position]), column=column,
        )
    changed = (codes != stripped).to_numpy()
    note = None
    if changed.any():
        position = int(np.flatnonzero(changed)[0])
        note = Note(str(file), f"regiocodes in kolom {column} naar CBS-schrijfwijze gezet (hoofdletters, "
                               "zonder spaties)", int(changed.sum()),
                    f"rij {int(rows.iloc[position])}: {stripped.iloc[position]!r} werd {codes.iloc[position]}")
    return codes.astype(object), note


# ---------------------------------------------------------------------------------------------- numbers

def _rows(raw: pd.Series, rows: pd.Series | None, first_row: int = 2) -> pd.Series:
    if rows is None:
        return pd.Series(range(first_row, first_row + len(raw)), index=raw.index)
    return rows


def _refuse_out_of_range(values: pd.Series, cells: Any, *, file: Path | str, column: str,
                         rows: pd.Series) -> None:
    array = values.to_numpy(dtype="float64", na_value=np.nan)
    wrong = ~np.isfinite(array) & ~np.isnan(array)
    huge = np.abs(np.nan_to_num(array, nan=0.0, posinf=0.0, neginf=0.0)) > MAX_MAGNITUDE
    for mask, reason in ((wrong, "is geen eindig getal"), (huge, "is te groot om een echte waarde te zijn")):
        if mask.any():
            position = int(np.flatnonzero(mask)[0])
            raise BuildError(f"waarde '{shown(cells.iloc[position])}' {reason}", file=file,
                             row=int(rows.iloc[position]), column=column)


def numbers(raw: pd.Series, *, file: Path | str, column: str, rows: pd.Series | None = None,
            first_row: int = 2) -> pd.Series:
    """Published cells as floats: CBS symbols become missing; anything else that is not a finite number of
    sensible size (`1e309`, `inf`, a 400-digit number, text) is refused with its row and column.

    `rows` holds the source row number of each cell (default: `first_row` onwards in order).
    """
    rows = _rows(raw, rows, first_row)
    if pd.api.types.is_numeric_dtype(raw.dtype) and not pd.api.types.is_bool_dtype(raw.dtype):
        values = raw.astype("float64")
        values = values.where(values != MAP_MISSING)
        _refuse_out_of_range(values, raw, file=file, column=column, rows=rows)
        return values
    if _only_text(raw):
        # A column repeats few distinct cells (percentages with one decimal, padded symbols): parse each once.
        # Factorising text is exact (equal strings, equal cells), and uniques come in order of first
        # appearance, so the first refused cell is still the first in the column.
        codes, uniques = pd.factorize(raw.to_numpy(dtype=object, na_value=None), use_na_sentinel=True)
        text_u, values_u, bad_u = _parse_text(pd.Series(uniques, dtype=object))
        present = codes >= 0
        take = np.where(present, codes, 0)
        bad = bad_u.to_numpy()[take] & present if len(uniques) else np.zeros(len(raw), bool)
        values_array = values_u.to_numpy()[take] if len(uniques) else np.full(len(raw), np.nan)
        values_array = np.where(present, values_array, np.nan)
        values = pd.Series(values_array, index=raw.index, dtype="float64")
        text = _LazyCells(text_u, codes)
    else:
        text_s, values, bad_s = _parse_text(raw)
        bad, text = bad_s.to_numpy(), _LazyCells(text_s, None)
    if bad.any():
        position = int(np.flatnonzero(bad)[0])
        raise BuildError(
            f"waarde {shown(text.iloc[position])!r} is geen getal en geen CBS-symbool (. x - of leeg)",
            file=file, row=int(rows.iloc[position]), column=column,
        )
    values = values.where(values != MAP_MISSING)
    _refuse_out_of_range(values, text, file=file, column=column, rows=rows)
    return values


def _parse_text(raw: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """(stripped text, float values, refused-as-text mask) of text cells: the one parsing rule."""
    text = raw.astype("string").str.strip()
    missing = text.isna() | text.isin(MISSING_SYMBOLS)
    parsed = pd.to_numeric(text.where(~missing), errors="coerce")
    bad = (parsed.isna() & ~missing).astype(bool)
    return text, parsed.astype("float64"), bad


def _only_text(raw: pd.Series) -> bool:
    """Strings (and missing cells) only: a number or a bool among them would be merged with an equal-valued
    string by factorising (True == 1 == 1.0), so those columns take the plain path."""
    if pd.api.types.is_string_dtype(raw.dtype) and not pd.api.types.is_object_dtype(raw.dtype):
        return True
    return bool(pd.api.types.is_object_dtype(raw.dtype)) and pd.api.types.infer_dtype(raw, skipna=True) in (
        "string", "empty")


class _LazyCells:
    """The stripped text of a cell, looked up only for a message (`iloc[position]`)."""

    def __init__(self, text: pd.Series, codes: np.ndarray | None) -> None:
        self._text, self._codes = text, codes

    @property
    def iloc(self) -> _LazyCells:
        return self

    def __getitem__(self, position: int) -> object:
        if self._codes is None:
            return self._text.iloc[position]
        code = int(self._codes[position])
        return self._text.iloc[code] if code >= 0 else pd.NA


def shown(cell: object, limit: int = 40) -> str:
    """A cell for a message: long ones shortened, so a 400-digit number does not fill the screen."""
    text = str(cell)
    return text if len(text) <= limit else f"{text[:20]}…({len(text)} tekens)"


def finite_number(value: float, cell: object) -> float:
    """One number from a form or register cell: refused (ValueError with a Dutch message) when not finite or
    too large to be a real figure."""
    if not math.isfinite(value):
        raise ValueError(f"'{shown(cell)}' is geen eindig getal")
    if abs(value) > MAX_MAGNITUDE:
        raise ValueError(f"'{shown(cell)}' is te groot om een echte waarde te zijn")
    return value


def percentages_in_range(found: Iterable[tuple[Any, ...]]) -> None:
    """Refuse the first staged percentage outside 0-100: (file, row, indicator, value) rows from
    `sql/staging_out_of_range.sql`."""
    for file, row, indicator, value in found:
        raise BuildError(f"percentage {value:g} ligt niet tussen 0 en 100 (indicator {indicator} heeft eenheid %)",
                         file=file, row=int(row), column=str(indicator))
