"""Chart builders: pure functions from query rows to plotly Figures.

Colours are not needed to read these charts: the area line is solid and labelled with its values, the city
line is dashed, and the shaded band between them is the gap (named in the legend).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from wijkmonitor.common import fmt
from wijkmonitor.common.figures import FrozenFigure
from wijkmonitor.common.indicators import Indicator
from wijkmonitor.common.text import plotly_text
from wijkmonitor.texts import gebied as txt

AREA_COLOUR = "#1f1f1f"
CITY_COLOUR = "#6b6b6b"
GAP_FILL = "rgba(230, 159, 0, 0.28)"  # Okabe-Ito orange, light: the band between area and city
MARKER_COLOUR = "#0b5394"
FONT = {"size": 13, "color": "#1f1f1f"}


def _axis_unit(ind: Indicator) -> str:
    return ind.unit or ""


def _years(*frames: pd.DataFrame) -> list[int]:
    years: set[int] = set()
    for frame in frames:
        if not frame.empty:
            years |= {int(y) for y in frame["year"].dropna()}
    return sorted(years)


def _short(name: str, limit: int = 40) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _marker_x(start: object) -> float | None:
    """A date as a fractional year, so it can sit between the yearly editions on the x axis."""
    stamp = pd.Timestamp(start)  # type: ignore[arg-type]
    if pd.isna(stamp):
        return None
    return stamp.year + (stamp.day_of_year - 1) / 365.25


def aimed_markers(markers: pd.DataFrame) -> pd.DataFrame:
    """Only interventions that name the indicator as a goal get a line: a renewal area easily has ten
    interventions, and ten unlabelled lines would say nothing about this indicator."""
    if markers.empty or "aims_at_indicator" not in markers:
        return markers.iloc[0:0]
    return markers[markers["aims_at_indicator"].fillna(False).astype(bool)]


def trend_figure(
    unit_rows: pd.DataFrame,
    city_rows: pd.DataFrame,
    ind: Indicator,
    unit_name: str,
    city_name: str,
    markers: pd.DataFrame | None = None,
) -> go.Figure:
    """One unit against the city over all editions, the gap shaded; interventions as dotted vertical lines.

    `unit_rows`: `gap_trend_unit` rows (year, value); `city_rows`: `city_trend` rows (year, city_value);
    `markers`: `area_monitor_intervention_markers` rows (name, start_date) to draw, or None.
    """
    unit = unit_rows[["year", "value"]].dropna().astype({"year": int}).sort_values("year")
    city = city_rows[["year", "city_value"]].dropna().astype({"year": int}).sort_values("year")
    both = unit.merge(city, on="year")
    # Names and labels from data reach plotly's pseudo-HTML (legend, hover, annotations, titles): escaped, and
    # kept out of hovertemplates (`meta` instead), where `%{...}` in a name would be read as a placeholder.
    city_label = plotly_text(txt.CHART_CITY.format(name=city_name))
    unit_label = plotly_text(unit_name)
    years = _years(unit, city)
    traces: list[go.Scatter] = []
    if not both.empty:
        # Two traces for the band: an invisible city line, then the area filled down to it ("tonexty").
        traces += [
            go.Scatter(x=both["year"], y=both["city_value"], mode="lines", line={"width": 0}, hoverinfo="skip",
                       showlegend=False),
            go.Scatter(x=both["year"], y=both["value"], mode="lines", line={"width": 0}, fill="tonexty",
                       fillcolor=GAP_FILL, name=txt.CHART_GAP, hoverinfo="skip"),
        ]
    labels = [fmt.value(v, ind.unit, ind.decimals) for v in unit["value"]]
    traces += [
        go.Scatter(
            x=city["year"], y=city["city_value"], mode="lines+markers", name=city_label,
            line={"color": CITY_COLOUR, "dash": "dash", "width": 2}, marker={"symbol": "square", "size": 8},
            customdata=[fmt.value(v, ind.unit, ind.decimals) for v in city["city_value"]],
            meta=city_label, hovertemplate="%{customdata}<extra>%{meta}</extra>",
        ),
        go.Scatter(
            x=unit["year"], y=unit["value"], mode="lines+markers+text", name=unit_label,
            line={"color": AREA_COLOUR, "width": 3}, marker={"size": 9}, text=labels, textposition="top center",
            textfont=FONT, customdata=labels, meta=unit_label,
            hovertemplate="%{customdata}<extra>%{meta}</extra>",
        ),
    ]
    x_max = max(years) if years else 0
    shapes: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    marker_rows = list((markers if markers is not None else pd.DataFrame()).itertuples(index=False))
    middle = (min(years) + max(years)) / 2 if years else 0
    for i, row in enumerate(marker_rows):
        x = _marker_x(row.start_date)
        if x is None:
            continue
        x_max = max(x_max, math.ceil(x))
        shapes.append({"type": "line", "x0": x, "x1": x, "y0": 0, "y1": 1, "xref": "x", "yref": "paper",
                       "line": {"color": MARKER_COLOUR, "dash": "dot", "width": 2}})
        # Names sit above the plot, one line per intervention, so they never cover the data.
        annotations.append({"x": x, "y": 1.0 + 0.075 * (len(marker_rows) - i), "yref": "paper",
                            "text": plotly_text(_short(str(row.name))), "xanchor": "left" if x <= middle else "right",
                            "yanchor": "bottom",
                            "showarrow": False, "font": {"size": 12, "color": MARKER_COLOUR}})
    layout = {
        "height": 380 + 28 * len(marker_rows),
        "margin": {"l": 10, "r": 10, "t": 30 + 28 * len(marker_rows), "b": 10}, "separators": ",.", "font": FONT,
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.2, "x": 0}, "hovermode": "x unified",
        "plot_bgcolor": "white", "shapes": shapes, "annotations": annotations,
        "xaxis": {"title": {"text": txt.CHART_X}, "tickmode": "array", "tickvals": years,
                  "ticktext": [str(y) for y in years], "showgrid": False, "linecolor": "#6b6b6b",
                  "range": [min(years) - 0.5, x_max + 0.5] if years else None},
        "yaxis": {"title": {"text": plotly_text(txt.CHART_Y.format(label=ind.label, unit=ind.unit) if ind.unit
                                                else ind.label)},
                  "gridcolor": "#e6e6e6", "zeroline": False},
    }
    # One constructor call validates everything once; add_trace per trace is several times slower.
    return FrozenFigure(data=traces, layout=layout)


def _direction_word(gap: float, ind: Indicator) -> str:
    if round(gap, ind.decimals) == 0:
        return txt.DIRECTION_EQUAL
    if ind.polarity == "neutral":
        return txt.HIGHER if gap > 0 else txt.LOWER
    worse = gap > 0 if ind.polarity == "lower_better" else gap < 0
    return txt.DIRECTION_WORSE if worse else txt.DIRECTION_BETTER


def sort_areas(latest: pd.DataFrame, polarity: str) -> list[str]:
    """Area ids from the largest to the smallest gap (disadvantage; |gap| for neutral); no value last."""
    key = latest["gap"].abs() if polarity == "neutral" else latest["disadvantage"]
    ordered = latest.assign(_key=key).sort_values("_key", ascending=False, na_position="last")
    return [str(a) for a in ordered["area_id"]]


def _panel_title(area_rows: pd.DataFrame, area_id: str, name: str, ind: Indicator, year: int) -> str:
    latest = area_rows[(area_rows["area_id"] == area_id) & (area_rows["year"] == year)]
    if latest.empty or fmt.is_missing(latest["value"].iloc[0]):
        return f"{plotly_text(name)}<br>{txt.TOOLTIP_MISSING}"
    value = fmt.value(latest["value"].iloc[0], ind.unit, ind.decimals)
    gap = float(latest["gap"].iloc[0])
    amount = fmt.difference(gap, ind.unit, ind.decimals).replace(txt.PERCENT_POINT, "pp")
    # Words, not a sign: "−4,1 pp" reads as good news even when less volunteering is worse.
    return f"{plotly_text(name)}<br>{value} ({amount} {_direction_word(gap, ind)})"


def multiples_figure(
    area_rows: pd.DataFrame,
    city_rows: pd.DataFrame,
    ind: Indicator,
    order: Sequence[str],
    names: dict[str, str],
    year: int,
    columns: int = 4,
) -> go.Figure:
    """Small multiples: one panel per renewal area (in `order`), the area against the city, the gap shaded.

    `area_rows`: `gap_areas_all` rows of one indicator and age group (area_id, year, value, gap).
    """
    count = max(len(order), 1)
    columns = min(columns, count)
    rows = math.ceil(count / columns)
    city = city_rows[["year", "city_value"]].dropna().astype({"year": int}).sort_values("year")
    city_text = [fmt.value(v, ind.unit, ind.decimals) for v in city["city_value"]]
    grid = make_subplots(
        # One y scale for all panels, so a higher line is a higher value in every panel.
        rows=rows, cols=columns, shared_xaxes="all", shared_yaxes="all",
        subplot_titles=[_panel_title(area_rows, a, names.get(a, a), ind, year) for a in order],
        vertical_spacing=min(0.3 / rows, 0.12) if rows > 1 else 0.1, horizontal_spacing=0.03,
    )
    traces: list[go.Scatter] = []
    for i, area_id in enumerate(order):
        axes = {"xaxis": f"x{i + 1 if i else ''}", "yaxis": f"y{i + 1 if i else ''}"}
        unit = area_rows[area_rows["area_id"] == area_id][["year", "value"]].dropna().astype({"year": int})
        unit = unit.sort_values("year")
        both = unit.merge(city, on="year")
        first = i == 0
        name = names.get(area_id, area_id)
        if not both.empty:
            traces += [
                go.Scatter(x=both["year"], y=both["city_value"], mode="lines", line={"width": 0},
                           hoverinfo="skip", showlegend=False, **axes),
                go.Scatter(x=both["year"], y=both["value"], mode="lines", line={"width": 0}, fill="tonexty",
                           fillcolor=GAP_FILL, name=txt.CHART_GAP, hoverinfo="skip", showlegend=first,
                           legendgroup="gap", **axes),
            ]
        traces += [
            go.Scatter(x=city["year"], y=city["city_value"], mode="lines", line={"color": CITY_COLOUR, "dash": "dash"},
                       name=txt.CHART_CITY_SHORT, showlegend=first, legendgroup="city", customdata=city_text,
                       hovertemplate="%{customdata}<extra>" + txt.CHART_CITY_SHORT + "</extra>", **axes),
            go.Scatter(x=unit["year"], y=unit["value"], mode="lines+markers",
                       line={"color": AREA_COLOUR, "width": 2.5}, marker={"size": 6}, name=txt.CHART_AREA,
                       showlegend=first, legendgroup="area",
                       customdata=[fmt.value(v, ind.unit, ind.decimals) for v in unit["value"]],
                       meta=plotly_text(name), hovertemplate="%{customdata}<extra>%{meta}</extra>", **axes),
        ]
    years = _years(area_rows, city)
    # Style the grid's layout as a plain dict and build the figure once: update_xaxes and friends walk every
    # axis of every panel through plotly's validators, which is most of the cost of a twelve-panel figure.
    layout = grid.layout.to_plotly_json()
    for key, axis in layout.items():
        if key.startswith("xaxis"):
            # No fixed range here: with matched axes in a grid, plotly.js then draws no traces at all.
            axis.update(tickmode="array", tickvals=years, ticktext=[str(y) for y in years], showgrid=False,
                        linecolor="#6b6b6b")
        elif key.startswith("yaxis"):
            axis.update(gridcolor="#e6e6e6", zeroline=False)
    for annotation in layout.get("annotations", []):
        annotation["font"] = {"size": 12, "color": "#1f1f1f"}
    layout.update(
        height=190 * rows + 90, margin={"l": 10, "r": 10, "t": 60, "b": 10}, separators=",.", font=FONT,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0 + 0.3 / rows, "x": 0},
        plot_bgcolor="white", hovermode="x unified",
    )
    return FrozenFigure(data=traces, layout=layout)
