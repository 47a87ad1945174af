"""One card per intervention: every field as inert Markdown, the description shortened with the whole text kept.

A card is plain data (strings already escaped for `st.markdown`), so the page only lays it out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from wijkmonitor.common import fmt
from wijkmonitor.common.text import LIMIT, markdown, plain, shorten
from wijkmonitor.interventions.model import Register
from wijkmonitor.registers.schema import SPOREN
from wijkmonitor.texts import interventies as txt

PAGE_SIZE = 12


@dataclass(frozen=True)
class Card:
    intervention_id: str
    title: str  # Markdown, escaped
    is_example: bool
    description: str  # Markdown, escaped, shortened
    description_full: str | None  # Markdown, escaped; None when the short text is already all of it
    fields: str  # Markdown lines "**label:** value", escaped values
    results: tuple[str, ...]  # Markdown lines, escaped


def _field(label: str, value: str) -> str:
    return f"**{label}:** {value}"


def _text_or_missing(value: Any) -> str:
    text = plain(value)
    return markdown(text) if text else f"*{txt.NOT_FILLED}*"


def _list_or_missing(items: tuple[str, ...]) -> str:
    return markdown("; ".join(items)) if items else f"*{txt.NOT_FILLED}*"


def _period(row: Mapping[str, Any]) -> str:
    start, end = row["start_date"], row["end_date"]
    if fmt.is_missing(start) and fmt.is_missing(end):
        return f"*{txt.NOT_FILLED}*"
    if fmt.is_missing(end):
        return txt.PERIOD_FROM.format(start=fmt.date(start))
    return txt.PERIOD_RANGE.format(start=fmt.date(start), end=fmt.date(end))


def _spoor(value: Any) -> str:
    if fmt.is_missing(value):
        return f"*{txt.NOT_FILLED}*"
    number = int(value)
    return txt.SPOOR_CARD.format(spoor=number, label=SPOREN.get(number, ""))


def _result_lines(results: pd.DataFrame) -> tuple[str, ...]:
    lines = []
    for row in results.to_dict("records"):
        example = txt.RESULT_EXAMPLE if bool(row["is_example"]) else ""
        unit = plain(row["unit"])
        measure = markdown(f"{plain(row['measure'])} ({unit})" if unit else plain(row["measure"]))
        if fmt.is_missing(row["value"]):
            lines.append(txt.RESULT_ONLY_TARGET.format(period=markdown(row["period"]), measure=measure,
                                                       target=fmt.measured(row["target"]), example=example))
            continue
        target = "" if fmt.is_missing(row["target"]) else txt.RESULT_TARGET.format(target=fmt.measured(row["target"]))
        lines.append(txt.RESULT_LINE.format(period=markdown(row["period"]), measure=measure,
                                            value=fmt.measured(row["value"]), target=target, example=example))
    return tuple(lines)


def card(row: Mapping[str, Any], register: Register, results: pd.DataFrame,
         programmes: Mapping[str, str] | None = None) -> Card:
    """The card of one intervention (`results`: its own result rows)."""
    programmes = programmes if programmes is not None else register.programme_names()
    is_example = bool(row["is_example"])
    suffix = txt.CARD_EXAMPLE if is_example else ""
    description = shorten(row["description"], LIMIT)
    goals = tuple(register.indicator_labels.get(code, code) for code in row["goal_list"])
    # The card says once, under its title, that its amounts and dates are illustrative.
    budget = fmt.euro(row["budget_eur"])
    spent = fmt.euro(row["spent_eur"])
    status = plain(row["status"])
    lines = [
        _field(txt.F_AREAS, _text_or_missing(row["places"])),
        _field(txt.F_THEME, _text_or_missing(row["theme_name"])),
        _field(txt.F_ACTIELIJN, _text_or_missing(row["actielijn"])),
        _field(txt.F_SPOOR, _spoor(row["spoor"])),
        _field(txt.F_LEAD, _list_or_missing(row["lead_list"])),
        _field(txt.F_PARTNERS, _list_or_missing(row["partner_list"])),
        _field(txt.F_PROGRAMMES, _list_or_missing(tuple(programmes.get(p, p) for p in row["programme_list"]))),
        _field(txt.F_BUDGET, budget) + " · " + _field(txt.F_SPENT, spent),
        _field(txt.F_PERIOD, _period(row)),
        _field(txt.F_STATUS, markdown(txt.STATUS_LABELS.get(status, status))),
        _field(txt.F_MONITORING, _text_or_missing(txt.MONITORING_LABELS.get(plain(row["monitoring_type"]),
                                                                            plain(row["monitoring_type"])))),
        _field(txt.F_GOALS, _list_or_missing(goals)),
    ]
    return Card(
        intervention_id=str(row["intervention_id"]),
        title=markdown(row["name"]) + suffix,
        is_example=is_example,
        description=markdown(description.short),
        description_full=markdown(description.full) if description.truncated else None,
        fields="  \n".join(lines),
        results=_result_lines(results),
    )


def cards(frame: pd.DataFrame, register: Register) -> tuple[Card, ...]:
    """Cards of the given interventions, sorted by name."""
    ordered = frame.sort_values("name", key=lambda s: s.map(lambda v: plain(v).casefold()))
    results = register.results[register.results["intervention_id"].isin(frame["intervention_id"])]
    by_id = {str(k): g for k, g in results.groupby("intervention_id", sort=False)}
    empty = results.iloc[0:0]
    programmes = register.programme_names()
    return tuple(card({str(k): v for k, v in row.items()}, register, by_id.get(str(row["intervention_id"]), empty),
                      programmes)
                 for row in ordered.to_dict("records"))


def page_count(n: int, size: int = PAGE_SIZE) -> int:
    return max(1, -(-n // size))


def page(items: tuple[Card, ...], number: int, size: int = PAGE_SIZE) -> tuple[Card, ...]:
    """Page `number` (1-based, clamped to the pages there are)."""
    number = min(max(number, 1), page_count(len(items), size))
    return items[(number - 1) * size: number * size]
