"""Numbers, amounts and dates the Dutch way (decimal comma, thousands dot, typographic minus), one definition of
"missing" for all of them. Missing stays visibly missing: each function takes the word it shows instead.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd

from wijkmonitor.texts import common as txt

NO_DATA = txt.NO_DATA  # "geen gegevens": an indicator value that the source does not have
UNKNOWN = txt.UNKNOWN  # "onbekend": a register field left empty
DASH = "–"  # a table cell or inline figure without value
MINUS = "−"  # U+2212: a hyphen before a number reads as a dash and breaks lines


def is_missing(value: Any) -> bool:
    """None, NaN, pd.NA and NaT are missing; any other scalar (a number, a date, text) is not."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or array is a value, not a missing scalar
        return False


def _float(value: Any) -> float | None:
    if is_missing(value):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def number(value: Any, decimals: int = 1, *, signed: bool = False, missing: str = NO_DATA) -> str:
    """56.7 -> '56,7'; 12345 -> '12.345'; -2.5 -> '−2,5'; signed: '+2,5'; missing -> `missing`."""
    amount = _float(value)
    if amount is None or not math.isfinite(amount):
        return missing
    places = max(decimals, 0)
    # Half up on the figure as written (48.25 -> 48,3), as CBS and the GGD round; round() would give 48,2
    # (binary halves go to even), so a table would disagree with the source's own publication.
    rounded = float(Decimal(repr(amount)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
    text = f"{abs(rounded):,.{places}f}"
    # Swap separators via a placeholder: Python writes 12,345.6, Dutch readers expect 12.345,6.
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if text.strip("0,.") == "":  # round(-0.04, 1) would otherwise read as a change that is not there
        return text
    if rounded < 0:
        return MINUS + text
    return "+" + text if signed else text


# Units that go without saying after a number ("6.460", not "6.460 aantal").
SILENT_UNITS = ("aantal", "")


def value(v: Any, unit: str, decimals: int = 1, *, signed: bool = False, missing: str = NO_DATA) -> str:
    """An indicator value with its unit: '56,7%', '1.234', '12,3 ha'."""
    text = number(v, decimals, signed=signed, missing=missing)
    if is_missing(v) or text == missing:
        return missing
    if unit == "%":
        return f"{text}%"
    if unit in SILENT_UNITS:
        return text
    return f"{text} {unit}"


def gap_unit(unit: str) -> str:
    """What a difference between two values of this unit is called."""
    return txt.PERCENT_POINT if unit == "%" else unit


def difference(v: Any, unit: str, decimals: int = 1, *, signed: bool = False, missing: str = NO_DATA) -> str:
    """A gap: '8,1 procentpunt' (its size) or, signed, '+8,1 procentpunt' / '−8,1 procentpunt'."""
    amount = _float(v)
    if amount is None:
        return missing
    text = number(amount if signed else abs(amount), decimals, signed=signed)
    return f"{text} {gap_unit(unit)}".strip()


def percent(fraction: Any, missing: str = DASH) -> str:
    """0.64 -> '64%'."""
    amount = _float(fraction)
    return missing if amount is None else f"{number(amount * 100, 0)}%"


def euro(value: Any, missing: str = UNKNOWN) -> str:
    """1250000 -> '€ 1.250.000' (whole euros); missing -> 'onbekend'."""
    amount = _float(value)
    return missing if amount is None else f"€ {number(amount, 0)}"


def count(value: Any, missing: str = UNKNOWN) -> str:
    """1000 -> '1.000'."""
    return number(value, 0, missing=missing)


def measured(value: Any, missing: str = UNKNOWN) -> str:
    """A measured register value: whole numbers without decimals, others with one ('9,5')."""
    amount = _float(value)
    if amount is None:
        return missing
    return number(amount, 0 if amount == int(amount) else 1)


def share(part: Any, whole: Any, missing: str = UNKNOWN) -> str:
    """part / whole as a whole percentage ('92%'); missing when either is missing or whole is 0."""
    top, bottom = _float(part), _float(whole)
    if top is None or bottom is None or bottom == 0:
        return missing
    return f"{number(100 * top / bottom, 0)}%"


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
    return f"{day.day} {txt.MONTHS[day.month - 1]} {day.year}"


def _stamp(iso: str | None) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def moment(iso: str | None, missing: str = DASH) -> str:
    """'2026-11-23T17:41:35+00:00' -> '23-11-2026 17:41 (UTC)'; anything unreadable is shown as it is."""
    stamp = _stamp(iso)
    if stamp is None:
        return iso or missing
    zone = f" ({stamp.tzname()})" if stamp.tzinfo is not None else ""
    return stamp.strftime("%d-%m-%Y %H:%M") + zone


def moment_words(iso: str | None, missing: str = UNKNOWN) -> str:
    """'2026-11-23T17:41:35+00:00' -> '23 november 2026 om 18:41' (Dutch time): for a reader, not a log."""
    stamp = _stamp(iso)
    if stamp is None:
        return missing
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(ZoneInfo("Europe/Amsterdam"))
    return txt.AT_TIME.format(date=date(stamp.date()), time=stamp.strftime("%H:%M"))


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
    amount = _float(value)
    return None if amount is None else round(amount, decimals)


def example_mark(flag: Any) -> str:
    return "✓" if not is_missing(flag) and bool(flag) else ""


def example_summary(flags: pd.Series, all_word: str = "ja", some: str = "deels ({n} van {total})") -> str:
    """For an aggregate row: 'ja' when every underlying row is illustrative, 'deels (2 van 5)', or ''."""
    total = len(flags)
    n = int(flags.fillna(False).astype(bool).sum()) if total else 0
    if n == 0:
        return ""
    return all_word if n == total else some.format(n=n, total=total)
