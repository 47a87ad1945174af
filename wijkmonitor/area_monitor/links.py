"""Deep links of the Gebiedsmonitor: `indicator`, `age`, `year`, `area`, `level` in the URL.

`parse` validates every value against what the database offers and falls back to the default with a Dutch
message; `to_params` writes a selection back. Only values that came out of `parse` are ever passed to a query.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wijkmonitor.area_monitor.options import LEVELS, Catalog, Units
from wijkmonitor.common.text import markdown
from wijkmonitor.common.url_state import Choice, choose, parse_year, rejected_notice
from wijkmonitor.texts import gebied as txt

PARAMS = ("indicator", "age", "year", "area", "level")


@dataclass(frozen=True)
class Selection:
    theme: str
    indicator: str
    age: str
    year: int
    level: str
    area: str | None


def _message(name: str, choice: Choice[Any], fallback: str) -> str | None:
    if choice.rejected is None:
        return None
    # The fallback is a name or label from data, shown in a Markdown notice: escaped.
    return rejected_notice(choice.rejected, template=txt.PARAM_UNKNOWN, what=txt.PARAM_WHAT[name],
                           fallback=markdown(fallback), too_long=txt.PARAM_TOO_LONG)


def parse(raw: Mapping[str, str | None], catalog: Catalog, units: Units) -> tuple[Selection, list[str]]:
    """The selection a URL asks for, and a message for every value that was not allowed.

    Each choice depends on the one before (an age group must exist for the indicator, a year for both), so a
    year that is valid for another age group still falls back, with a message.
    """
    messages: list[str] = []

    def keep(name: str, choice: Choice[Any], fallback: str) -> None:
        message = _message(name, choice, fallback)
        if message:
            messages.append(message)

    ind = choose(raw.get("indicator"), list(catalog.indicators), catalog.default_indicator())
    keep("indicator", ind, f"‘{catalog.indicators[ind.value].label}’")
    indicator = ind.value

    age_choice = choose(raw.get("age"), catalog.age_groups(indicator), catalog.default_age(indicator))
    keep("age", age_choice, f"‘{catalog.age_label(indicator, age_choice.value)}’")
    age = age_choice.value

    years = catalog.years(indicator, age)
    year_choice: Choice[int] = choose(raw.get("year"), years, catalog.default_year(indicator, age), parse=parse_year)
    keep("year", year_choice, str(year_choice.value))

    level_choice = choose(raw.get("level"), list(LEVELS), LEVELS[0])
    keep("level", level_choice, txt.LEVEL_LABELS[level_choice.value].lower())

    area: str | None = None
    if not units.empty:
        default_area = units.default()
        assert default_area is not None
        area_choice = choose(raw.get("area"), list(units.codes), default_area)
        keep("area", area_choice, units.names.get(area_choice.value, area_choice.value))
        area = area_choice.value
    selection = Selection(
        theme=catalog.indicators[indicator].theme_id, indicator=indicator, age=age, year=year_choice.value,
        level=level_choice.value, area=area,
    )
    return selection, messages


def to_params(selection: Selection) -> dict[str, str]:
    params = {
        "indicator": selection.indicator,
        "age": selection.age,
        "year": str(selection.year),
        "level": selection.level,
    }
    if selection.area is not None:
        params["area"] = selection.area
    return params
