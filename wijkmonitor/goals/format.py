"""Dutch number formatting for tables, charts and sentences (decimal comma, thousands dot, no fake zeros), and
safe echoing of link values."""

from __future__ import annotations

import math
from datetime import datetime

import pandas as pd

from wijkmonitor.texts import common as common_txt
from wijkmonitor.texts import doelen as txt

MISSING = "–"


def is_missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def nl_number(value: float | None, decimals: int = 1, *, signed: bool = False) -> str:
    """48.63 -> '48,6'; 1234 -> '1.234'; missing -> '–' (never a zero)."""
    if is_missing(value):
        return MISSING
    assert value is not None
    text = f"{value:+,.{decimals}f}" if signed else f"{value:,.{decimals}f}"
    text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    # "-0,0" reads as a change that is not there.
    if text.lstrip("+-").strip("0,.") == "":
        text = text.lstrip("+-")
    return text.replace("-", "−")


def gap_unit(unit: str) -> str:
    """The unit of a difference: percentage points for percentages."""
    return txt.PERCENTAGE_POINT if unit == "%" else unit


# Units that go without saying after a number ("6.460", not "6.460 aantal").
SILENT_UNITS = ("aantal", "")


def with_unit(value: float | None, unit: str, decimals: int = 1, *, signed: bool = False) -> str:
    text = nl_number(value, decimals, signed=signed)
    if text == MISSING:
        return common_txt.NO_DATA
    if unit in SILENT_UNITS:
        return text
    return f"{text}%" if unit == "%" else f"{text} {unit}"


def nl_datetime(iso: str | None) -> str:
    """'2026-11-23T17:41:35+00:00' -> '23-11-2026 17:41 (UTC)'; anything unreadable is shown as it is."""
    if not iso:
        return MISSING
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    zone = f" ({moment.tzname()})" if moment.tzinfo is not None else ""
    return moment.strftime("%d-%m-%Y %H:%M") + zone


def gap_with_unit(value: float | None, unit: str, decimals: int = 1, *, signed: bool = False) -> str:
    text = nl_number(value, decimals, signed=signed)
    if text == MISSING:
        return common_txt.NO_DATA
    return f"{text} {gap_unit(unit)}"


def ratio_text(value: float | None) -> str:
    """0.64 -> '64%'; the share of the needed pace that was achieved."""
    if is_missing(value):
        return MISSING
    assert value is not None
    return f"{nl_number(value * 100, 0)}%"


def inert(raw: str, limit: int = 40) -> str:
    """A rejected link value, safe inside a Markdown message: one short line without markup characters."""
    text = " ".join(raw.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return "".join(f"\\{c}" if c in "\\`*_{}[]()#+-.!|<>~$:&\"'" else c for c in text)
