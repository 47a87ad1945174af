"""Profile charts: one dot chart per theme, the unit's value beside the city's (pure: DataFrame -> Figure).

The unit's markers differ in shape and colour by position (better / worse / equal / no judgement), the city is
a black tick; the legend names each in words. Width is fixed so that a chart fits A4 when printed.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from wijkmonitor.common.text import plotly_text
from wijkmonitor.texts import profiel as txt

WIDTH = 700  # px: A4 portrait minus margins is about 718 px at 96 dpi
ROW_HEIGHT = 26
CITY_COLOUR = "#24292f"
GRID_COLOUR = "#eaeef2"
FONT = {"family": "Source Sans Pro, Arial, sans-serif", "size": 12}
LABEL_LENGTH = 42


def chart_label(label: str) -> str:
    """An indicator's label as the chart's axis shows it (long ones shortened)."""
    return label if len(label) <= LABEL_LENGTH else label[: LABEL_LENGTH - 1] + "…"


def _panels(records: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Rows grouped by unit, in order of first appearance: a count per 1,000 and a percentage never share an axis."""
    panels: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        panels.setdefault(str(record.get("unit") or "%"), []).append(record)
    return list(panels.items())


def _axis_title(unit: str) -> str:
    return txt.CHART_X if unit == "%" else unit


def theme_figure(rows: pd.DataFrame, unit_name: str, city_name: str) -> go.Figure:
    """Rows of one theme from profile_values (one age group plus 'totaal'), in indicator order.

    Indicators with another unit than a percentage (crime per 1,000 inhabitants, a Leefbaarometer score, an
    amount) get a panel of their own below, with their own axis: on one axis their values would read as
    percentages.
    """
    panels = _panels([{str(k): v for k, v in r.items()} for r in rows.to_dict("records")])
    total_rows = sum(len(records) for _unit, records in panels)
    gap_px = 60  # between two panels: room for the upper panel's axis title
    plot_px = ROW_HEIGHT * total_rows + 30 * len(panels) + gap_px * (len(panels) - 1)
    layout: dict[str, Any] = {
        "width": WIDTH, "height": plot_px + 80,
        # The legend sits at the bottom of the container, below the axis title.
        "margin": {"l": 10, "r": 20, "t": 10, "b": 70},
        "legend": {"orientation": "h", "x": 0, "y": 0, "yanchor": "bottom", "yref": "container"},
        "font": FONT, "plot_bgcolor": "#ffffff", "separators": ",.", "template": {},
    }
    traces: list[dict[str, Any]] = []
    legend_seen: set[str] = set()
    top = 1.0
    for index, (unit, records) in enumerate(panels):
        suffix = "" if index == 0 else str(index + 1)
        share = (ROW_HEIGHT * len(records) + 30) / plot_px
        bottom = max(top - share, 0.0)
        labels = [plotly_text(chart_label(str(r["label"]))) for r in records]
        traces += _panel_traces(records, labels, unit_name, city_name, suffix, legend_seen)
        values = [v for r in records for v in (r["value"], r["city_value"]) if v is not None and not pd.isna(v)]
        percent = unit == "%"
        # The axis always holds zero and every value, with a little room: a deviation (Leefbaarometer `afw`)
        # can be negative everywhere.
        low, high = min([*values, 0.0]), max([*values, 0.0]) if values else 100.0
        pad = (high - low) * 0.08 or 1.0
        top_end = min(high * 1.08 + 1, 100) if percent and 0 <= high <= 100 else high + pad
        span = [low - pad if low < 0 else 0.0, top_end]
        layout["xaxis" + suffix] = {
            "range": span, "gridcolor": GRID_COLOUR, "zeroline": False, "automargin": True,
            "ticksuffix": "%" if percent else "", "anchor": "y" + suffix,
            "title": {"text": plotly_text(_axis_title(unit)), "font": {"size": 11}, "standoff": 6},
        }
        # Plotly draws the first category at the bottom; reverse so the list reads top-down like the table.
        layout["yaxis" + suffix] = {
            "categoryorder": "array", "categoryarray": list(reversed(labels)), "automargin": True,
            "gridcolor": GRID_COLOUR, "domain": [bottom, top], "anchor": "x" + suffix,
        }
        top = bottom - gap_px / plot_px
    # Validation is plotly's main cost (private switch, also used by plotly express); tests re-validate.
    return go.Figure(data=traces, layout=layout, _validate=False)


def _panel_traces(records: list[dict[str, Any]], labels: list[str], unit_name: str, city_name: str, suffix: str,
                  legend_seen: set[str]) -> list[dict[str, Any]]:
    axes = {"xaxis": "x" + suffix, "yaxis": "y" + suffix}

    def legend(name: str) -> dict[str, Any]:
        # One legend entry per kind of marker, however many panels show it.
        shown = name not in legend_seen
        legend_seen.add(name)
        return {"name": name, "legendgroup": name, "showlegend": shown}

    traces: list[dict[str, Any]] = [{
        "type": "scatter", "mode": "markers", **axes, **legend(plotly_text(txt.CHART_CITY.format(city=city_name))),
        "x": [r["city_value"] for r in records], "y": labels,
        "marker": {"symbol": "line-ns", "size": 18, "line": {"width": 3, "color": CITY_COLOUR},
                   "color": CITY_COLOUR},
        # Names go in through `meta`: inside the template itself a name could hold `%{...}` or a tag.
        "meta": plotly_text(city_name), "hovertemplate": "%{y}<br>%{meta}: %{x:.1f}<extra></extra>",
    }]
    for position, (symbol_text, word) in txt.POSITION.items():
        mine = [r for r in records if r["position"] == position]
        if not mine:
            continue
        traces.append({
            "type": "scatter", "mode": "markers", **axes,
            **legend(plotly_text(f"{unit_name}: {symbol_text} {word}")),
            "x": [r["value"] for r in mine], "y": [plotly_text(chart_label(str(r["label"]))) for r in mine],
            "marker": {"symbol": txt.POSITION_MARKERS[position], "size": 12,
                       "color": txt.POSITION_COLOURS[position],
                       "line": {"width": 1.5, "color": txt.POSITION_COLOURS[position]}},
            "meta": plotly_text(unit_name), "hovertemplate": "%{y}<br>%{meta}: %{x:.1f}<extra>" + word + "</extra>",
        })
    return traces
