"""Euros, counts, shares and dates written the Dutch way; missing stays visibly missing ('onbekend')."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from wijkmonitor.area_monitor import fmt as gfmt

UNKNOWN = "onbekend"
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)


def is_missing(value: Any) -> bool:
    """None, NaN, pd.NA and NaT are missing; any other scalar (a number, a date, text) is not."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or array is a value, not a missing scalar
        return False


def euro(value: Any, missing: str = UNKNOWN) -> str:
    """1250000 -> '€ 1.250.000' (whole euros); missing -> 'onbekend'."""
    if gfmt.is_missing(value):
        return missing
    return f"€ {gfmt.number(float(value), 0)}"


def count(value: Any, missing: str = UNKNOWN) -> str:
    """1000 -> '1.000'; missing -> 'onbekend'."""
    if gfmt.is_missing(value):
        return missing
    return gfmt.number(float(value), 0)


def number(value: Any, missing: str = UNKNOWN) -> str:
    """A measured value: whole numbers without decimals, others with one ('9,5')."""
    if gfmt.is_missing(value):
        return missing
    amount = float(value)
    return gfmt.number(amount, 0 if amount == int(amount) else 1)


def share(part: Any, whole: Any, missing: str = UNKNOWN) -> str:
    """part / whole as a whole percentage ('92%'); missing when either is missing or whole is 0."""
    if gfmt.is_missing(part) or gfmt.is_missing(whole) or float(whole) == 0:
        return missing
    return f"{gfmt.number(100 * float(part) / float(whole), 0)}%"


def to_date(value: Any) -> dt.date | None:
    if is_missing(value):
        return None
    stamp = pd.Timestamp(value)
    return None if pd.isna(stamp) else stamp.date()


def date(value: Any, missing: str = UNKNOWN) -> str:
    """2021-03-01 -> '1 maart 2021'."""
    day = to_date(value)
    if day is None:
        return missing
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def example_mark(flag: Any) -> str:
    return "✓" if bool(flag) and not is_missing(flag) else ""


def example_summary(flags: pd.Series, all_word: str = "ja", some: str = "deels ({n} van {total})") -> str:
    """For an aggregate row: 'ja' when every underlying row is illustrative, 'deels (2 van 5)', or ''."""
    total = len(flags)
    n = int(flags.fillna(False).astype(bool).sum()) if total else 0
    if n == 0:
        return ""
    return all_word if n == total else some.format(n=n, total=total)
