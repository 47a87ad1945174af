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


def _short(label: str) -> str:
    return label if len(label) <= LABEL_LENGTH else label[: LABEL_LENGTH - 1] + "…"


def theme_figure(rows: pd.DataFrame, unit_name: str, city_name: str) -> go.Figure:
    """Rows of one theme from profile_values (one age group plus 'totaal'), in indicator order."""
    records = rows.to_dict("records")
    labels = [plotly_text(_short(str(r["label"]))) for r in records]
    # Plotly draws the first category at the bottom; reverse so the list reads top-down like the table.
    order = list(reversed(labels))
    traces: list[dict[str, Any]] = [{
        "type": "scatter", "mode": "markers", "name": plotly_text(txt.CHART_CITY.format(city=city_name)),
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
            "type": "scatter", "mode": "markers", "name": plotly_text(f"{unit_name}: {symbol_text} {word}"),
            "x": [r["value"] for r in mine], "y": [plotly_text(_short(str(r["label"]))) for r in mine],
            "marker": {"symbol": txt.POSITION_MARKERS[position], "size": 12,
                       "color": txt.POSITION_COLOURS[position],
                       "line": {"width": 1.5, "color": txt.POSITION_COLOURS[position]}},
            "meta": plotly_text(unit_name), "hovertemplate": "%{y}<br>%{meta}: %{x:.1f}<extra>" + word + "</extra>",
        })
    values = [v for r in records for v in (r["value"], r["city_value"]) if v is not None and not pd.isna(v)]
    high = max(values, default=100.0)
    layout = {
        "width": WIDTH, "height": ROW_HEIGHT * len(records) + 110,
        # The legend sits at the bottom of the container, below the axis title.
        "margin": {"l": 10, "r": 20, "t": 10, "b": 70},
        "xaxis": {"range": [0, min(high * 1.08 + 1, 100) if high <= 100 else high * 1.08],
                  "gridcolor": GRID_COLOUR, "zeroline": False, "ticksuffix": "%", "automargin": True,
                  "title": {"text": txt.CHART_X, "font": {"size": 11}, "standoff": 6}},
        "yaxis": {"categoryorder": "array", "categoryarray": order, "automargin": True,
                  "gridcolor": GRID_COLOUR},
        "legend": {"orientation": "h", "x": 0, "y": 0, "yanchor": "bottom", "yref": "container"},
        "font": FONT, "plot_bgcolor": "#ffffff", "separators": ",.", "template": {},
    }
    # Validation is plotly's main cost (private switch, also used by plotly express); tests re-validate.
    return go.Figure(data=traces, layout=layout, _validate=False)
