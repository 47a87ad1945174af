"""The Procesmonitor's chart builders: pure functions from prepared rows to plotly Figures. The heatmap prints
its number in every cell and the reach bars carry their value and both counts, so colour never carries
meaning alone; register text is escaped for plotly's pseudo-HTML first."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from wijkmonitor.common import fmt
from wijkmonitor.common.figures import BAR_COLOUR, ROW_PX, figure, unique_labels
from wijkmonitor.common.text import html_text, short_label
from wijkmonitor.texts import proces as ptxt


def area_year_heatmap(long: pd.DataFrame) -> go.Figure | None:
    """Areas x years with the number printed in each cell ('?' when the activities lack the number)."""
    if long.empty:
        return None
    names = list(dict.fromkeys(long["area_name"]))
    years = sorted({int(y) for y in long["year"]})
    cells = {(n, int(y)): v for n, y, v in zip(long["area_name"], long["year"], long["value"], strict=True)}
    z: list[list[float | None]] = []
    text: list[list[str]] = []
    for name in names:
        z_row: list[float | None] = []
        t_row: list[str] = []
        for year in years:
            value = cells.get((name, year), "absent")
            if isinstance(value, str):
                z_row.append(None)
                t_row.append("")
            elif fmt.is_missing(value):
                z_row.append(None)
                t_row.append("?")
            else:
                z_row.append(float(value))  # type: ignore[arg-type]
                t_row.append(fmt.count(value))
        z.append(z_row)
        text.append(t_row)
    labels = unique_labels([html_text(short_label(n, 40)) for n in names])
    trace = {
        "type": "heatmap", "z": z, "x": [str(y) for y in years], "y": labels, "text": text,
        "texttemplate": "%{text}", "colorscale": "Blues", "showscale": False,
        "hovertemplate": "%{y}, %{x}: %{text}<extra></extra>", "xgap": 2, "ygap": 2,
    }
    return figure([trace], 80 + ROW_PX * len(names), xaxis={"type": "category", "side": "top"},
                   yaxis={"autorange": "reversed"})


def reach_chart(reach: pd.DataFrame) -> go.Figure | None:
    """Residents reached per 100 inhabitants per area; both counts under the area's name, 'onbekend' on the
    bar where there is no base (or no reach)."""
    if reach.empty:
        return None
    values = [None if fmt.is_missing(v) else float(v) for v in reach["per_100"]]
    counts = [
        ptxt.REACH_COUNTS_UNKNOWN.format(reached=fmt.count(r, missing=ptxt.UNKNOWN)) if fmt.is_missing(i)
        else ptxt.REACH_COUNTS.format(reached=fmt.count(r, missing=ptxt.UNKNOWN), inhabitants=fmt.count(i))
        for r, i in zip(reach["reached"], reach["inhabitants"], strict=True)
    ]
    names = unique_labels([html_text(short_label(n, 40)) for n in reach["area_name"]])
    labels = [f"{n}<br><span style='font-size:11px'>{c}</span>" for n, c in zip(names, counts, strict=True)]
    text = [ptxt.UNKNOWN if v is None else fmt.number(v, 1) for v in values]
    hover = [f"<b>{n}</b><br>{ptxt.CHART_PER_100}: {t}<br>{c}" for n, t, c in zip(names, text, counts, strict=True)]
    top = max([v for v in values if v is not None] or [1.0])
    trace = {
        "type": "bar", "y": labels, "x": [v or 0 for v in values], "orientation": "h",
        "marker": {"color": BAR_COLOUR}, "text": text, "textposition": "outside", "cliponaxis": False,
        "hovertext": hover, "hoverinfo": "text", "showlegend": False,
    }
    return figure(
        [trace], 90 + 44 * len(reach),
        xaxis={"title": ptxt.CHART_PER_100, "showgrid": True, "gridcolor": "#e6e6e6", "range": [0, top * 1.15]},
        yaxis={"autorange": "reversed", "categoryorder": "array", "categoryarray": labels},
    )
