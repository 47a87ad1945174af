"""Shared wording for the comparison builders: indicator facts from a query row, direction by polarity."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wijkmonitor.common import fmt
from wijkmonitor.texts import comparison as txt


@dataclass(frozen=True)
class IndicatorInfo:
    code: str
    label: str
    unit: str
    decimals: int
    polarity: str

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> IndicatorInfo:
        """From a row of `comparison_indicator` (or any query with these columns)."""
        decimals = row.get("decimals")
        places = int(decimals) if decimals is not None and not fmt.is_missing(decimals) else 1
        return cls(str(row["indicator_code"]), str(row["label"]), str(row.get("unit") or ""), places,
                   str(row.get("polarity") or "neutral"))

    @property
    def sign(self) -> int:
        """+1 when higher is better, -1 when lower is better, 0 for neutral indicators."""
        return {"higher_better": 1, "lower_better": -1}.get(self.polarity, 0)


def rounded_zero(change: float, decimals: int) -> bool:
    """A change that prints as 0 is no change to a reader, whatever the digits behind it."""
    return round(abs(change), max(decimals, 0)) == 0


def direction(change: float, info: IndicatorInfo) -> str:
    """'vooruit' / 'achteruit' / 'gelijk gebleven' for a change in the indicator, by its polarity."""
    if rounded_zero(change, info.decimals):
        return txt.SAME
    return txt.FORWARD if change * info.sign > 0 else txt.BACKWARD


def amount(change: float, info: IndicatorInfo) -> str:
    """The size of a change without sign: '2,1 procentpunt'."""
    return fmt.difference(abs(change), info.unit, info.decimals)


def in_sentence(label: str) -> str:
    """A label inside a sentence: 'Eenzaam' -> 'eenzaam', 'Eén of meer ...' -> 'één of meer ...'."""
    lowered = fmt.lower_first(label)
    return "één" + lowered[3:] if lowered.startswith("eén") else lowered
