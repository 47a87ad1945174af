"""What the pages show of the comparison: prepared from query frames, no Streamlit (tested without a server).

* `IndicatorTrend`: one indicator's figure (area, city, group) and its indication sentence, or the refusal.
* `AreaComparison`: an area's verdict, group note, the group table (with names when the build has them) and one
  `IndicatorTrend` per matching indicator.
* `CompassView`: the ontwikkelkompas picture, its table beside it and the sentence under it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from wijkmonitor.common import fmt
from wijkmonitor.common.text import Ours, md_with
from wijkmonitor.comparison import compass, trend
from wijkmonitor.comparison.wording import IndicatorInfo
from wijkmonitor.texts import comparison as txt


@dataclass(frozen=True)
class IndicatorTrend:
    code: str
    label: str
    figure: go.Figure | None  # None: the group may not be shown (the sentence then gives the stored reason)
    sentence: str
    alt: str
    table: pd.DataFrame


@dataclass(frozen=True)
class AreaComparison:
    area_id: str
    area_name: str
    shown: bool  # the verdict is 'ok': the group line and the indication may be shown
    reason: str  # the stored verdict in words (why it is shown or not)
    note: str  # who the group is (size, baseline, matching indicators), empty when not shown
    group_table: pd.DataFrame
    balance_table: pd.DataFrame
    trends: tuple[IndicatorTrend, ...]
    matching: tuple[str, ...]  # matching indicator codes, in the order of the balance table
    age_group: str
    age_label: str


def trend_table(frame: pd.DataFrame, info: IndicatorInfo, area_name: str, city_name: str,
                shown: bool) -> pd.DataFrame:
    """The figure as a table: one row per edition; the group column only when the group may be shown."""
    columns = {"year": txt.COL_YEAR, "area_value": area_name, "city_value": txt.SERIES_CITY.format(city=city_name)}
    if shown:
        columns["group_value"] = txt.COL_GROUP
    rows = []
    for row in fmt.records(frame):
        line = {txt.COL_YEAR: str(int(row["year"]))}
        for column, title in columns.items():
            if column != "year":
                line[title] = fmt.value(row[column], info.unit, info.decimals)
        rows.append(line)
    return pd.DataFrame(rows, columns=list(columns.values()))


def indicator_trend(frame: pd.DataFrame, info: IndicatorInfo, area_name: str, city_name: str,
                    comparison: Mapping[str, Any] | None, balance: pd.DataFrame, *,
                    with_note: bool = True) -> IndicatorTrend:
    """One indicator over the editions. When the group may not be shown there is no figure with a group line
    at all: the sentence is the stored reason, and the page's own trend chart stays the one picture."""
    shown = trend.usable(comparison)
    figure = trend.trend_figure(frame, info, area_name, city_name, comparison) if shown else None
    sentence = trend.trend_sentence(frame, info, area_name, comparison, balance, with_note=with_note)
    alt = txt.TREND_ALT.format(indicator=info.label, area=area_name, city=city_name)
    return IndicatorTrend(info.code, info.label, figure, sentence, alt,
                          trend_table(frame, info, area_name, city_name, shown))


def member_label(codes: str | None, member_names: Mapping[str, str]) -> str:
    """'BU00140100;BU00140101' -> 'Selwerd-Noord, Selwerd-Zuid' (the area's own buurten this one was matched to)."""
    parts = [c for c in str(codes or "").split(";") if c]
    return ", ".join(member_names.get(c, c) for c in parts)


def group_table(group: pd.DataFrame, member_names: Mapping[str, str]) -> pd.DataFrame:
    """The group, nearest first, as a reader sees it (and downloads it): name, gemeente, CBS code, distance."""
    rows = []
    for row in fmt.records(group):
        name = row.get("name")
        if fmt.is_missing(name) or not str(name).strip():
            # No buurt name in the source: the build's label places it by wijk and gemeente.
            name = row.get("label")
        rows.append({
            txt.COL_RANK: int(row["rank"]),
            txt.COL_BUURT: str(name) if not fmt.is_missing(name) and str(name).strip() else txt.NO_NAME,
            txt.COL_GEMEENTE: str(row.get("gemeente_name") or fmt.DASH),
            txt.COL_CODE: str(row["buurt_code"]),
            txt.COL_DISTANCE: fmt.number(row["distance"], 2),
            txt.COL_MATCHED_TO: member_label(row.get("matched_to"), member_names),
            txt.COL_WEIGHT: fmt.number(float(row["weight"]) * 100, 1, missing=fmt.DASH) + "%",
        })
    table = pd.DataFrame(rows, columns=[txt.COL_RANK, txt.COL_BUURT, txt.COL_GEMEENTE, txt.COL_CODE,
                                        txt.COL_DISTANCE, txt.COL_MATCHED_TO, txt.COL_WEIGHT])
    if len(table) and (table[txt.COL_BUURT] == txt.NO_NAME).all():
        # The national RIVM files name no buurt: a column repeating "no name" on every row says nothing; the
        # CBS code and the gemeente identify the buurt, and the caption under the table says why.
        table = table.drop(columns=txt.COL_BUURT)
    return table


def balance_table(balance: pd.DataFrame, area_name: str) -> pd.DataFrame:
    """Area and group side by side at the baseline, per matching indicator, with the standardised difference."""
    rows = [{
        txt.COL_INDICATOR: row["label"],
        txt.COL_BASELINE: str(int(row["year"])),
        area_name: fmt.value(row["area_value"], row["unit"], row["decimals"]),
        txt.COL_GROUP: fmt.value(row["group_value"], row["unit"], row["decimals"]),
        txt.COL_SMD: fmt.number(row["smd"], 2, signed=True),
        txt.COL_BALANCED: txt.YES if bool(row["balanced"]) else txt.NO,
    } for row in fmt.records(balance)]
    return pd.DataFrame(rows, columns=[txt.COL_INDICATOR, txt.COL_BASELINE, area_name, txt.COL_GROUP, txt.COL_SMD,
                                       txt.COL_BALANCED])


def area_comparison(*, area: Mapping[str, Any] | None, area_id: str, area_name: str, city_name: str,
                    balance: pd.DataFrame, group: pd.DataFrame, member_names: Mapping[str, str],
                    trends: Mapping[str, tuple[pd.DataFrame, IndicatorInfo]]) -> AreaComparison:
    """From comparison_area (one row or None), comparison_balance, comparison_group and, per matching indicator,
    comparison_trend with its IndicatorInfo."""
    shown = trend.usable(area)
    reason = str(area["reason"]) if area is not None and area.get("reason") else txt.NO_COMPARISON
    note = trend.group_note(area, balance, area_name) if shown and area is not None else ""
    matching = tuple(str(c) for c in balance["indicator_code"]) if len(balance) else tuple(trends)
    # The note (who the group is) stands once above the tabs, not in every tab.
    items = tuple(indicator_trend(trends[code][0], trends[code][1], area_name, city_name, area, balance,
                                  with_note=False)
                  for code in matching if code in trends)
    age_group = str(area.get("age_group") or "") if area else ""
    age_label = str(area.get("age_label") or age_group) if area else ""
    return AreaComparison(area_id, area_name, shown, reason, note,
                          group_table(group, member_names) if shown else group_table(group.iloc[0:0], {}),
                          balance_table(balance, area_name), items, matching, age_group, age_label)


@dataclass(frozen=True)
class CompassView:
    figure: go.Figure | None  # None: nothing to place (the message says why)
    table: pd.DataFrame
    message: str | None
    alt: str
    summary: str


SHORT_VERDICT = {txt.COMPASS_BETTER: txt.SHORT_BETTER, txt.COMPASS_WORSE: txt.SHORT_WORSE,
                 txt.COMPASS_SAME: txt.SHORT_SAME, txt.COMPASS_NEUTRAL: txt.SHORT_NEUTRAL}


def _summary(table: pd.DataFrame) -> str:
    verdicts = table[txt.COMPASS_COL_VERDICT].value_counts() if len(table) else pd.Series(dtype=int)
    return txt.COMPASS_COUNTS.format(better=int(verdicts.get(txt.SHORT_BETTER, 0)),
                                     worse=int(verdicts.get(txt.SHORT_WORSE, 0)),
                                     same=int(verdicts.get(txt.SHORT_SAME, 0)))


def side_table(points: pd.DataFrame, tolerance: float, by: str) -> pd.DataFrame:
    """The table beside the picture: best development relative to the city first, no direction last, and the
    verdict in a word or two (the column says what it is relative to), so it fits beside the picture."""
    order = points.assign(_neutral=points["relative_improvement"].isna()).sort_values(
        ["_neutral", "relative_improvement"], ascending=[True, False], kind="stable")
    table = compass.compass_table(order, tolerance, by=by)
    table[txt.COMPASS_COL_VERDICT] = table[txt.COMPASS_COL_VERDICT].map(SHORT_VERDICT)
    return table


def area_compass_view(points: pd.DataFrame, area_id: str, area_name: str, year: int,
                      tolerance: float) -> CompassView:
    """One area's compass: the picture (indicators with a direction) and the table of every indicator."""
    mine = points[points["area_id"] == area_id]
    table = side_table(mine, tolerance, "indicator")
    message = compass.empty_message(points, area_id, year)
    figure = None if message else compass.area_compass(points, area_id)
    alt = txt.COMPASS_ALT.format(area=area_name, period=compass.period(mine))
    return CompassView(figure, table, message, alt, _summary(table))


CITY_DIRECTION = {txt.COMPASS_BETTER: txt.COMPASS_CITY_BETTER, txt.COMPASS_WORSE: txt.COMPASS_CITY_WORSE}


def indicator_compass_view(points: pd.DataFrame, indicator_code: str, label: str, polarity: str, year: int,
                           tolerance: float) -> CompassView:
    """One indicator across all renewal areas, with one row per area in the table."""
    mine = points[points["indicator_code"] == indicator_code]
    table = side_table(mine, tolerance, "area")
    if polarity == "neutral":
        return CompassView(None, table, md_with(txt.COMPASS_ALL_NEUTRAL, indicator=label), "", "")
    if mine.empty:
        return CompassView(None, table, md_with(txt.COMPASS_ALL_EMPTY, indicator=label, year=year), "", "")
    alt = txt.COMPASS_ALL_ALT.format(indicator=label, period=compass.period(mine))
    # The city changed by the same amount for every area: said once in the summary, not in every row.
    city = str(table[txt.COMPASS_COL_CITY_CHANGE].iloc[0])
    table = table.drop(columns=txt.COMPASS_COL_CITY_CHANGE)
    # The raw change alone ("+4,6") reads as good news for loneliness: say which way it went for the city.
    # The city's own change judged by the compass's one rule (the tolerance), as the areas are.
    gains = mine["city_improvement"].dropna()
    judged = compass.verdict(float(gains.iloc[0]) if len(gains) else None, tolerance, polarity)
    direction = CITY_DIRECTION.get(judged, txt.COMPASS_CITY_SAME)
    summary = md_with(txt.COMPASS_ALL_CITY, change=Ours(city), direction=Ours(direction)) + " " + _summary(table)
    return CompassView(compass.indicator_compass(points, indicator_code), table, None, alt, summary)
