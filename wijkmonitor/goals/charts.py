"""Goal charts: pure builders, progress rows + series in, plotly Figure out.

One small panel per area: the measured editions, the required path from the baseline to the target (dashed),
the target itself (a star) and, for gap goals, the city level at zero. The panel title carries the status as
symbol and word, so nothing depends on colour alone.

The panels are laid out by hand (axis domains) instead of with `make_subplots`: that helper costs tens of
milliseconds per chart, which a page with many goals pays on every rerun.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from wijkmonitor.common import fmt
from wijkmonitor.goals.status import SeriesIndex, measured
from wijkmonitor.texts import doelen as txt

COLUMNS = 3
PANEL_HEIGHT = 190
ROW_GAP = 80  # pixels between panel rows: room for the next row's two-line title
MEASURED_COLOUR = "#1f4e79"
PATH_COLOUR = "#57606a"
TARGET_COLOUR = "#1a7f37"
CITY_COLOUR = "#8c959f"
GRID_COLOUR = "#eaeef2"
FONT = {"family": "Source Sans Pro, Arial, sans-serif", "size": 12}


def _axis_title(first: pd.Series) -> str:
    unit = str(first["unit"])
    if first["measure"] == "disadvantage":
        return txt.CHART_Y_GAP.format(unit=fmt.gap_unit(unit))
    return txt.CHART_Y_VALUE.format(indicator=first["indicator_label"], unit=unit)


def _y_range(values: list[float], *, with_zero: bool) -> list[float]:
    if with_zero:
        values = [*values, 0.0]
    if not values:
        return [0.0, 1.0]
    low, high = min(values), max(values)
    pad = max((high - low) * 0.12, 0.5)
    return [low - pad, high + pad]


def goal_figure(goal_rows: pd.DataFrame, index: SeriesIndex) -> go.Figure:
    """Panels for the progress rows of one goal (one row per area, from `goals.table.progress_table`).

    `index` is `goals_series` as `status.index_series`; the goal's indicator, age group and measured
    quantity (value or disadvantage) are taken from `goal_rows`.
    """
    first = goal_rows.iloc[0]
    column = str(first["measure"])
    is_gap = column == "disadvantage"
    decimals = int(first["decimals"])
    unit = fmt.gap_unit(str(first["unit"])) if is_gap else str(first["unit"])
    # Plain records: itertuples over Arrow-backed columns costs milliseconds per row in pandas 3.
    rows = goal_rows.to_dict("records")
    by_area = {
        str(row["area_id"]): measured(index, str(first["indicator_code"]), str(first["age_group"]),
                                      str(row["area_id"]), gap=is_gap)
        for row in rows
    }
    n = len(goal_rows)
    cols = min(COLUMNS, n)
    nrows = math.ceil(n / cols)
    plot_height = PANEL_HEIGHT * nrows + ROW_GAP * (nrows - 1)
    gap_share = ROW_GAP / plot_height
    panel_share = PANEL_HEIGHT / plot_height
    col_gap = 0.05
    col_width = (1 - col_gap * (cols - 1)) / cols
    years = sorted({y for series in by_area.values() for y in series} | {int(first["target_year"])})
    hover = f"%{{x}}: %{{y:.{decimals}f}} {unit}<extra>%{{fullData.name}}</extra>"

    traces: list[dict[str, Any]] = []
    layout: dict[str, Any] = {}
    annotations: list[dict[str, Any]] = []
    shapes: list[dict[str, Any]] = []
    all_values: list[float] = []
    shown: set[str] = set()  # legend entries drawn so far (the first panel may lack a path)
    for panel, row in enumerate(rows):
        r, c = divmod(panel, cols)
        suffix = "" if panel == 0 else str(panel + 1)
        xref, yref = f"x{suffix}", f"y{suffix}"
        left = c * (col_width + col_gap)
        top = 1 - r * (panel_share + gap_share)
        layout[f"xaxis{suffix}"] = {
            "domain": [round(left, 6), min(round(left + col_width, 6), 1.0)], "anchor": yref, "tickvals": years,
            "range": [years[0] - 1, years[-1] + 1], "gridcolor": GRID_COLOUR, "tickangle": 0,
        }
        layout[f"yaxis{suffix}"] = {
            "domain": [max(round(top - panel_share, 6), 0.0), min(round(top, 6), 1.0)], "anchor": xref,
            "gridcolor": GRID_COLOUR, "zeroline": False, "showticklabels": c == 0,
            "matches": None if panel == 0 else "y",
        }
        annotations.append({
            # Name and status on two lines: three long area names side by side would run into each other.
            "text": f"<b>{row['area_name']}</b><br>{txt.status_text(str(row['status']))}",
            "x": left, "y": top, "xref": "paper", "yref": "paper", "xanchor": "left", "yanchor": "bottom",
            "align": "left", "showarrow": False, "font": {"size": 12},
        })
        area = by_area[row["area_id"]]
        if area:
            all_values += list(area.values())
            traces.append({
                "type": "scatter", "x": list(area), "y": list(area.values()), "mode": "lines+markers",
                "name": txt.CHART_MEASURED, "line": {"color": MEASURED_COLOUR, "width": 2}, "marker": {"size": 7},
                "xaxis": xref, "yaxis": yref, "showlegend": panel == 0, "legendgroup": "measured",
                "hovertemplate": hover,
            })
        if not pd.isna(row["target"]) and bool(row.get("keep")):
            # Already at the target in the baseline year: the goal is to stay at least this good, so the chart
            # shows the line not to cross from the baseline to the target year, not a path towards it.
            all_values.append(float(row["target"]))
            traces.append({
                "type": "scatter", "x": [row["baseline_year"], row["target_year"]],
                "y": [row["target"], row["target"]], "mode": "lines", "name": txt.CHART_KEEP,
                "line": {"color": TARGET_COLOUR, "dash": "dot", "width": 2}, "xaxis": xref, "yaxis": yref,
                "showlegend": "keep" not in shown, "legendgroup": "keep", "hovertemplate": hover,
            })
            shown.add("keep")
        elif not pd.isna(row["target"]):
            all_values.append(float(row["target"]))
            if not pd.isna(row["baseline"]):
                traces.append({
                    "type": "scatter", "x": [row["baseline_year"], row["target_year"]],
                    "y": [row["baseline"], row["target"]],
                    "mode": "lines", "name": txt.CHART_PATH,
                    "line": {"color": PATH_COLOUR, "dash": "dash", "width": 1.5}, "xaxis": xref, "yaxis": yref,
                    "showlegend": "path" not in shown, "legendgroup": "path", "hovertemplate": hover,
                })
                shown.add("path")
            traces.append({
                "type": "scatter", "x": [row["target_year"]], "y": [row["target"]], "mode": "markers",
                "name": txt.CHART_TARGET, "xaxis": xref, "yaxis": yref, "showlegend": "target" not in shown,
                "marker": {"symbol": "star", "size": 14, "color": TARGET_COLOUR,
                           "line": {"color": "#ffffff", "width": 1}},
                "legendgroup": "target", "hovertemplate": hover,
            })
            shown.add("target")
        if is_gap:
            shapes.append({"type": "line", "xref": f"{xref} domain", "yref": yref, "x0": 0, "x1": 1, "y0": 0,
                           "y1": 0, "line": {"color": CITY_COLOUR, "width": 1}})
            annotations.append({
                "text": txt.CHART_CITY, "x": 0.01, "y": 0, "xref": f"{xref} domain", "yref": yref,
                "xanchor": "left", "yanchor": "bottom", "showarrow": False,
                "font": {"size": 10, "color": "#57606a"},
            })
    layout["yaxis"]["range"] = _y_range(all_values, with_zero=is_gap)
    layout["yaxis"]["title"] = {"text": _axis_title(first), "font": {"size": 11}}
    layout.update(
        height=plot_height + 125, margin={"l": 60, "r": 10, "t": 45, "b": 70},
        legend={"orientation": "h", "x": 0, "y": 0, "yanchor": "top", "yref": "container"},
        annotations=annotations, shapes=shapes, font=FONT, plot_bgcolor="#ffffff", separators=",.",
        # An explicit empty template skips copying plotly's default one; Streamlit applies its own theme.
        template={},
    )
    # Validation is plotly's main cost (private switch, also used by plotly express); tests re-validate.
    return go.Figure(data=traces, layout=layout, _validate=False)


def goal_chart_alt(goal_rows: pd.DataFrame) -> str:
    """Alt text summarising the chart, for screen readers."""
    records = goal_rows.to_dict("records")
    parts = [f"{row['area_name']}: {txt.status_text(str(row['status']))}" for row in records]
    return txt.CHART_ALT.format(title=goal_rows.iloc[0]["goal_title"]) + " " + "; ".join(parts)
