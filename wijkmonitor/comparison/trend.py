"""Area, city and comparison group over the editions: the figure and the sentence (an indication, no effect).

Input frames are query results: `comparison_trend` (year, area_value, city_value, group_value, ...),
`comparison_area` (one row or none) and `comparison_balance` (the matching indicators with their labels).
Sentences are Markdown (names and labels escaped by `md_with`); figure texts are plotly pseudo-HTML (`plotly_text`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from wijkmonitor.common import fmt
from wijkmonitor.common.text import Ours, md_with, plotly_text
from wijkmonitor.comparison.wording import IndicatorInfo, amount, direction, in_sentence, rounded_zero
from wijkmonitor.texts import comparison as txt

AREA_COLOUR = "#1f1f1f"
CITY_COLOUR = "#6b6b6b"
GROUP_COLOUR = "#0072b2"  # Okabe-Ito blue; the group line is also dotted, so colour is not needed to read it
FONT = {"size": 13, "color": "#1f1f1f"}


def usable(comparison: Mapping[str, Any] | None) -> bool:
    """Whether the group may be shown: a group was built and its verdict is 'ok'."""
    return comparison is not None and comparison.get("verdict") == "ok"


def first_row(frame: pd.DataFrame) -> dict[str, Any] | None:
    """The one row of `comparison_area` as a dict, or None when the area has no comparison row."""
    return fmt.records(frame)[0] if len(frame) else None


def label_positions(trend: pd.DataFrame, column: str) -> pd.Series:
    """Per edition, the value label above the point when the line is the highest there, else below. The group
    was matched to look like the area, so the two lines run close and their labels would print over each
    other if both stood above."""
    values = trend[["area_value", "city_value", "group_value"]].astype(float)
    highest_other = values.drop(columns=column).max(axis=1).fillna(float("-inf"))
    return (values[column] >= highest_other).map({True: "top center", False: "bottom center"})


def trend_figure(trend: pd.DataFrame, info: IndicatorInfo, area_name: str, city_name: str,
                 comparison: Mapping[str, Any] | None) -> go.Figure:
    """Lines for the area (solid), the city (dashed) and, when the match is good, the comparison group
    (dotted), with the baseline edition marked. A poor or missing group draws no group line at all."""
    figure = go.Figure()
    area, city, label = plotly_text(area_name), plotly_text(city_name), plotly_text(info.label)
    series = [("area_value", txt.SERIES_AREA.format(area=area), AREA_COLOUR, "solid"),
              ("city_value", txt.SERIES_CITY.format(city=city), CITY_COLOUR, "dash")]
    if usable(comparison) and comparison is not None:
        series.append(("group_value", txt.SERIES_GROUP.format(n=comparison["group_size"]), GROUP_COLOUR, "dot"))
    for column, name, colour, dash in series:
        rows = trend[trend[column].notna()]
        figure.add_trace(go.Scatter(
            x=rows["year"], y=rows[column], name=name, mode="lines+markers+text",
            line={"color": colour, "dash": dash, "width": 2.5 if column == "area_value" else 2},
            text=[fmt.value(v, info.unit, info.decimals) for v in rows[column]],
            textposition=label_positions(trend, column).loc[rows.index].tolist(), textfont={"color": colour},
            hovertemplate=f"{name}, %{{x}}: %{{text}}<extra></extra>",
        ))
    if usable(comparison) and comparison is not None and not fmt.is_missing(comparison.get("baseline_year")):
        figure.add_vline(x=int(comparison["baseline_year"]), line={"color": "#999999", "dash": "dot", "width": 1},
                         annotation_text=txt.BASELINE_MARK.format(year=int(comparison["baseline_year"])),
                         annotation_position="top left")
    years = sorted(int(y) for y in trend["year"])
    figure.update_layout(
        title=txt.TREND_TITLE.format(indicator=label, area=area, city=city),
        font=FONT, plot_bgcolor="white", legend={"orientation": "h", "y": -0.2}, margin={"t": 60, "b": 40},
        xaxis={"title": txt.AXIS_YEAR, "tickmode": "array", "tickvals": years, "showgrid": False},
        yaxis={"title": f"{label} ({plotly_text(info.unit)})" if info.unit else label, "gridcolor": "#e5e5e5"},
    )
    return figure


def _value_at(trend: pd.DataFrame, column: str, year: int) -> float | None:
    rows = trend.loc[(trend["year"] == year) & trend[column].notna(), column]
    return float(rows.iloc[0]) if len(rows) else None


def group_note(comparison: Mapping[str, Any], balance: pd.DataFrame, area_name: str) -> str:
    """Who the group is: size, baseline edition, matching indicators and age group, in words."""
    labels = [in_sentence(str(label)) for label in balance["label"]]
    named = ", ".join(labels[:-1]) + f" en {labels[-1]}" if len(labels) > 1 else "".join(labels)
    age = comparison.get("age_label") or comparison.get("age_group") or ""
    return md_with(txt.TREND_GROUP_NOTE, n=comparison["group_size"], baseline=comparison["baseline_year"],
                   area=area_name, indicators=named, age=fmt.lower_first(str(age)))


def trend_sentence(trend: pd.DataFrame, info: IndicatorInfo, area_name: str,
                   comparison: Mapping[str, Any] | None, balance: pd.DataFrame, *, with_note: bool = True) -> str:
    """'Selwerd ging er sinds 2016 bij eenzaam 2,1 procentpunt op vooruit, vergelijkbare buurten elders ...:
    een indicatie, geen effectmeting.' plus who the group is; or the refusal when the group may not be shown."""
    if not usable(comparison) or comparison is None:
        reason = comparison.get("reason") if comparison else Ours(txt.NO_COMPARISON)
        return md_with(txt.REFUSAL, reason=reason)
    baseline = int(comparison["baseline_year"])
    # Without the note where the page says once who the group is (the Wijkprofiel, "Wat opvalt").
    note = group_note(comparison, balance, area_name) if with_note else ""
    label = in_sentence(info.label)
    area_start, group_start = _value_at(trend, "area_value", baseline), _value_at(trend, "group_value", baseline)
    later = trend[(trend["year"] > baseline) & trend["area_value"].notna() & trend["group_value"].notna()]
    if area_start is None or group_start is None:
        return (md_with(txt.TREND_NO_VALUE, indicator=label, area=area_name, baseline=baseline) + " " + note).rstrip()
    if later.empty:
        return (md_with(txt.TREND_NO_LATER, baseline=baseline, indicator=label) + " " + note).rstrip()
    last = later.iloc[-1]
    area_change = float(last["area_value"]) - area_start
    group_change = float(last["group_value"]) - group_start
    if info.sign == 0:
        sentence = md_with(
            txt.TREND_NEUTRAL, indicator=info.label, area=area_name, baseline=baseline,
            area_change=Ours(fmt.difference(area_change, info.unit, info.decimals, signed=True)),
            group_change=Ours(fmt.difference(group_change, info.unit, info.decimals, signed=True)))
    elif rounded_zero(area_change, info.decimals):
        sentence = md_with(
            txt.TREND_SENTENCE_SAME, indicator=label, area=area_name, baseline=baseline,
            area_change=Ours(amount(area_change, info)), group_change=Ours(amount(group_change, info)),
            group_direction=Ours(direction(group_change, info)))
    else:
        group_direction = direction(group_change, info)
        sentence = md_with(
            txt.TREND_SENTENCE, area=area_name, baseline=baseline, indicator=label,
            area_change=Ours(amount(area_change, info)), area_direction=Ours(direction(area_change, info)),
            group_change=Ours("" if group_direction == txt.SAME else amount(group_change, info)),
            group_direction=Ours(group_direction)).replace("elders  ", "elders ")
    return f"{sentence} {txt.TREND_PERIOD.format(start=baseline, end=int(last['year']))} {note}".rstrip()
