"""CBS conventions: region codes, StatLine periods and the symbols CBS writes instead of numbers."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from wijkmonitor.adapters import checks

# "." missing, "x" secret, "-" nil or not applicable, "?" unreliable, "" empty; -99999999 in map attributes.
MISSING_SYMBOLS = checks.MISSING_SYMBOLS
MAP_MISSING = checks.MAP_MISSING

LEVELS = ("land", "gemeente", "wijk", "buurt")
_LEVEL_BY_PREFIX = {"NL": "land", "GM": "gemeente", "WK": "wijk", "BU": "buurt"}
# Since 2022 Amsterdam numbers its wijken and buurten with letters (WK0363AA, BU0363AA01).
_CODE = re.compile(r"^(NL\d{2}|GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})$")
_PERIOD = re.compile(r"^(\d{4})JJ00$")
_SUFFIX = re.compile(r"_\d+$")

AGE_GROUPS = {"20300": "18plus", "53115": "18-64", "80200": "65plus"}
AGE_ALIASES = {"18+": "18plus", "18-64": "18-64", "18-65": "18-64", "65+": "65plus", "totaal": "totaal"}


def is_region_code(code: str) -> bool:
    return bool(_CODE.match(code))


def level_of(code: str) -> str:
    return _LEVEL_BY_PREFIX[code[:2]]


def parent_of(code: str) -> str | None:
    """The CBS hierarchy is in the codes: BU00141000 lies in WK001410, which lies in GM0014."""
    level = level_of(code)
    if level == "buurt":
        return "WK" + code[2:8]
    if level == "wijk":
        return "GM" + code[2:6]
    if level == "gemeente":
        return "NL01"
    return None


def gemeente_of(code: str) -> str | None:
    if code[:2] in ("BU", "WK", "GM"):
        return "GM" + code[2:6]
    return None


def period_year(period: str) -> int:
    match = _PERIOD.match(period.strip())
    if not match:
        raise ValueError(period)
    return int(match.group(1))


def indicator_code(key: str) -> str:
    """StatLine keys carry their column position (`Eenzaam_28`); the position is not part of the meaning."""
    return _SUFFIX.sub("", key.strip())


SECRET_SYMBOLS = frozenset({".", "x", "X"})


def missing_symbols(raw: pd.Series) -> pd.Series:
    """Per cell the CBS symbol that stands for a missing figure ("." or "x", "" for an empty cell), else NA;
    the map's -99999999 counts as secret."""
    if pd.api.types.is_numeric_dtype(raw.dtype):
        values = raw.astype("float64")
        return pd.Series(pd.NA, index=raw.index, dtype="string").mask(values == MAP_MISSING, "x").mask(
            values.isna(), "")
    text = raw.astype("string").str.strip()
    out = pd.Series(pd.NA, index=raw.index, dtype="string")
    out = out.mask(text.isin(SECRET_SYMBOLS).fillna(False), ".")
    return out.mask(text.isna() | (text == ""), "")


def parse_values(raw: pd.Series, *, file: str | Path, column: str, first_row: int = 2,
                 rows: pd.Series | None = None) -> pd.Series:
    """Published cells as floats, checked by `wijkmonitor.adapters.checks.numbers` (CBS symbols become
    missing; text, non-finite and absurdly large values are refused). `rows` (or `first_row` onwards) gives
    each cell's row number for the message."""
    return checks.numbers(raw, file=file, column=column, rows=rows, first_row=first_row)
