"""Numbers the Dutch way: decimal comma, thousands dot, 'procentpunt' for differences between percentages."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from wijkmonitor.texts import common as ctxt
from wijkmonitor.texts import gebied as txt


def is_missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(math.isnan(float(value)))
    except (TypeError, ValueError):
        return True


def number(value: Any, decimals: int = 1) -> str:
    """56.7 -> '56,7'; 12345 -> '12.345'; missing -> 'geen gegevens'."""
    if is_missing(value):
        return ctxt.NO_DATA
    places = max(decimals, 0)
    rounded = round(float(value), places)
    # round(-0.04, 1) is -0.0, which would print as '-0,0'.
    text = f"{rounded + 0.0 if rounded else 0.0:,.{places}f}"
    # Swap separators via a placeholder: Python writes 12,345.6, Dutch readers expect 12.345,6.
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def value(v: Any, unit: str, decimals: int = 1) -> str:
    """An indicator value with its unit: '56,7%', '1.234', '12,3 ha'."""
    if is_missing(v):
        return ctxt.NO_DATA
    if unit == "%":
        return f"{number(v, decimals)}%"
    if unit in ("", "aantal"):
        return number(v, decimals)
    return f"{number(v, decimals)} {unit}"


def gap_unit(unit: str) -> str:
    """What a difference between two values of this unit is called."""
    return txt.PERCENT_POINT if unit == "%" else unit


def difference(v: Any, unit: str, decimals: int = 1, *, signed: bool = False) -> str:
    """A gap: '8,1 procentpunt' (absolute) or '+8,1 procentpunt' (signed)."""
    if is_missing(v):
        return ctxt.NO_DATA
    amount = float(v)
    text = number(abs(amount), decimals)
    if signed and text.strip("0,.") != "":
        text = ("+" if amount > 0 else "−") + text
    word = gap_unit(unit)
    return f"{text} {word}".strip()


def lower_first(label: str) -> str:
    """'Eenzaam' -> 'eenzaam', but leave acronyms ('BMI', 'WOZ-waarde') alone."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain dicts with string keys (query frames always have string column names)."""
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]


def rounded(value: Any, decimals: int) -> float | None:
    """A number for a table cell: rounded to the indicator's decimals, None when missing."""
    return None if is_missing(value) else round(float(value), decimals)
