"""Cached data calls of the comparison page parts (Gebiedsmonitor and Wijkprofiel): query frames in, views out."""

from __future__ import annotations

import pandas as pd

from wijkmonitor.common import fmt
from wijkmonitor.common.data import cached, meta, query
from wijkmonitor.comparison import opvalt, trend, views
from wijkmonitor.comparison.wording import IndicatorInfo


def tolerance() -> float:
    return float(meta().get("gap_tolerance", "0.5"))


@cached(max_entries=64)
def indicator_info(indicator: str) -> IndicatorInfo | None:
    rows = query("comparison_indicator", indicator=indicator)
    return IndicatorInfo.from_row(fmt.records(rows)[0]) if len(rows) else None


@cached(max_entries=4)
def member_names() -> dict[str, str]:
    regions = query("regions_all")
    return dict(zip(regions["region_code"].astype(str), regions["name"].astype(str), strict=True))


@cached(max_entries=32)
def area_comparison(area_id: str, area_name: str, city_name: str) -> views.AreaComparison:
    area = trend.first_row(query("comparison_area", area=area_id))
    balance = query("comparison_balance", area=area_id)
    group = query("comparison_group", area=area_id)
    age = str(area["age_group"]) if area else "18plus"
    trends: dict[str, tuple[pd.DataFrame, IndicatorInfo]] = {}
    for code in balance["indicator_code"].astype(str):
        info = indicator_info(code)
        if info is not None:
            trends[code] = (query("comparison_trend", area=area_id, indicator=code, age_group=age), info)
    return views.area_comparison(area=area, area_id=area_id, area_name=area_name, city_name=city_name,
                                 balance=balance, group=group, member_names=member_names(), trends=trends)


@cached(max_entries=64)
def indicator_trend(area_id: str, area_name: str, city_name: str, indicator: str,
                    with_note: bool = True) -> views.IndicatorTrend | None:
    """The comparison for the indicator a page has chosen, in the group's own age group; None when the
    indicator is unknown."""
    info = indicator_info(indicator)
    if info is None:
        return None
    area = trend.first_row(query("comparison_area", area=area_id))
    age = str(area["age_group"]) if area else "18plus"
    frame = query("comparison_trend", area=area_id, indicator=indicator, age_group=age)
    return views.indicator_trend(frame, info, area_name, city_name, area, query("comparison_balance", area=area_id),
                                 with_note=with_note)


@cached(max_entries=16)
def compass_points(age_group: str, year: int) -> pd.DataFrame:
    return query("comparison_compass", age_group=age_group, year=year)


def latest_compass_year(area_id: str, age_group: str) -> int | None:
    """The latest edition in which the area has an indicator with a previous edition to compare with."""
    gaps = area_gaps(area_id, age_group)
    rows = gaps[gaps["prev_year"].notna() & gaps["value"].notna()]
    return int(rows["year"].max()) if len(rows) else None


@cached(max_entries=32)
def area_gaps(area_id: str, age_group: str) -> pd.DataFrame:
    return query("comparison_area_gaps", area=area_id, age_group=age_group)


@cached(max_entries=32)
def area_compass(area_id: str, area_name: str, age_group: str) -> views.CompassView | None:
    year = latest_compass_year(area_id, age_group)
    if year is None:
        return None
    return views.area_compass_view(compass_points(age_group, year), area_id, area_name, year, tolerance())


@cached(max_entries=32)
def indicator_compass(indicator: str, age_group: str, year: int) -> views.CompassView | None:
    info = indicator_info(indicator)
    if info is None:
        return None
    return views.indicator_compass_view(compass_points(age_group, year), indicator, info.label, info.polarity,
                                        year, tolerance())


@cached(max_entries=32)
def wat_opvalt(area_id: str, area_name: str, city_name: str, age_group: str) -> list[str]:
    """Three to five sentences; the last is the comparison indication for the matching indicator on which the
    area lags the city most (or the reason why there is no comparison)."""
    gaps = area_gaps(area_id, age_group)
    area = trend.first_row(query("comparison_area", area=area_id))
    matching = [c for c in str(area["indicators"]).split(";") if c] if area else []
    sentence = None
    group_age = str(area["age_group"]) if area else age_group
    code = opvalt.comparison_indicator(area_gaps(area_id, group_age), matching)
    if not trend.usable(area):
        sentence = str(area["reason"]) if area else None
    elif code is not None:
        item = indicator_trend(area_id, area_name, city_name, code, with_note=False)
        sentence = item.sentence if item is not None else None
    return opvalt.wat_opvalt(gaps, area_name, sentence)


@cached(max_entries=4)
def comparison_meta() -> dict[str, str]:
    rows = query("comparison_meta")
    return dict(zip(rows["key"].astype(str), rows["value"].astype(str), strict=True))


def balance_limit() -> str:
    """The largest standardised difference a good match may have, in Dutch notation ('0,25')."""
    value = comparison_meta().get("max_abs_smd")
    return value.replace(".", ",") if value else fmt.DASH
