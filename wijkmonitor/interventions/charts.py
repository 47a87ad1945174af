"""Chart builders: pure functions from prepared rows to plotly Figures.

Register text is escaped for plotly's pseudo-HTML (`text.html_text`) before it becomes a label or hover text.
Colour never carries meaning alone: bars carry their amounts as text, the timeline's status is a pattern
(also in the legend) and a word in each bar's label, the heatmap prints its number in every cell. Numbers
use Dutch separators.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
import plotly.graph_objects as go

from wijkmonitor.common import fmt
from wijkmonitor.common.figures import BAR_COLOUR, FONT, MARGIN, ROW_PX, figure, unique_labels
from wijkmonitor.common.text import html_text, plain, short_label
from wijkmonitor.registers.schema import STATUSES
from wijkmonitor.texts import interventies as itxt

BUDGET_COLOUR = "#9ecae1"
SPENT_COLOUR = "#08519c"
TARGET_COLOUR = "#1f1f1f"
# Okabe-Ito, colour-blind safe; the status is also written in the legend and the hover text.
STATUS_COLOURS = {
    "idee": "#999999",
    "voorbereiding": "#E69F00",
    "lopend": "#0072B2",
    "afgerond": "#009E73",
    "gestopt": "#D55E00",
}
# WCAG 1.4.1: the status must not be told by colour alone, so each status also has its own bar pattern.
STATUS_PATTERNS = {"idee": ".", "voorbereiding": "x", "lopend": "", "afgerond": "+", "gestopt": "-"}


def euro_short(value: object) -> str:
    """A bar label: '€ 1,2 mln' from a million on, else '€ 350.000'."""
    if fmt.is_missing(value):
        return ""
    amount = float(value)  # type: ignore[arg-type]
    if abs(amount) >= 1_000_000:
        # Half up, as people round (round() would print 1.250.000 as '1,2 mln').
        millions = Decimal(str(amount / 1_000_000)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        return f"€ {fmt.number(float(millions), 1)} mln"
    return fmt.euro(amount)


def budget_bars(rows: pd.DataFrame, highlight: str | None = None, separator_before: int | None = None,
                series: tuple[tuple[str, str, str], ...] | None = None) -> go.Figure:
    """Budget and spent per row, horizontal (`rows`: key, label, budget, spent, n, n_example, and optionally
    note: a second, smaller line under the label). `series`: (legend name, column, colour) of the bars, by
    default budget and spent.

    The first row is drawn on top; `highlight` (a key) is printed bold on the axis; `separator_before` draws a
    dotted line above that row (areas above it, buckets spanning several areas below).
    """
    labels = unique_labels([html_text(short_label(lbl, 44)) for lbl in rows["label"]])
    labels = [f"<b>{lbl}</b>" if key == highlight else lbl for lbl, key in zip(labels, rows["key"], strict=True)]
    if "note" in rows:
        labels = [f"{lbl}<br><span style='font-size:11px'>{html_text(note)}</span>" if plain(note) else lbl
                  for lbl, note in zip(labels, rows["note"], strict=True)]
    example = [itxt.TIP_EXAMPLE if int(e) else "" for e in rows["n_example"]]
    series = series or ((itxt.CHART_BUDGET, "budget", BUDGET_COLOUR), (itxt.CHART_SPENT, "spent", SPENT_COLOUR))
    hover = [
        f"<b>{html_text(lbl)}</b><br>"
        + "<br>".join(f"{name}: {fmt.euro(row[column], missing='€ 0')}" for name, column, _ in series)
        + f"<br>{itxt.COL_N}: {int(row['n'])}" + (f"<br>{ex}" if ex else "")
        for lbl, row, ex in zip(rows["label"], rows.to_dict("records"), example, strict=True)
    ]
    traces = []
    top = 0.0
    for name, column, colour in series:
        values = [float(v) for v in pd.to_numeric(rows[column], errors="coerce").fillna(0)]
        top = max([top, *values])
        traces.append({
            "type": "bar", "y": labels, "x": values, "name": name, "orientation": "h", "marker": {"color": colour},
            "text": [euro_short(v) for v in values], "textposition": "outside", "cliponaxis": False,
            "hovertext": hover, "hoverinfo": "text",
        })
    shapes = []
    if separator_before is not None and 0 < separator_before < len(rows):
        shapes.append({"type": "line", "xref": "paper", "x0": -0.45, "x1": 1, "y0": separator_before - 0.5,
                       "y1": separator_before - 0.5, "line": {"color": "#6b6b6b", "width": 1, "dash": "dot"}})
    return figure(
        traces, 90 + 2 * ROW_PX * max(len(rows), 1),
        # Room on the right for the amount printed after the longest bar.
        xaxis={"title": itxt.CHART_EURO_AXIS, "showgrid": True, "gridcolor": "#e6e6e6", "tickprefix": "€ ",
               "tickformat": ",.0f", "range": [0, max(top, 1.0) * 1.22]},
        yaxis={"autorange": "reversed", "categoryorder": "array", "categoryarray": labels},
        shapes=shapes, barmode="group", bargap=0.25, bargroupgap=0.05,
    )


def timeline(frame: pd.DataFrame, today: dt.date) -> go.Figure:
    """One bar per intervention from its start to its end date, the earliest start on top. The status is
    told three ways: colour, pattern and the status word in the bar's label ("Tuinpad · lopend"). Without an
    end date the bar runs to `today` and its label says so. Interventions without a start date are left out
    (the page lists them)."""
    rows = frame[frame["start_date"].notna()].sort_values(["start_date", "name"])
    starts: list[dt.date] = []
    ends: list[dt.date] = []
    open_end: list[bool] = []
    for raw_start, end in zip(rows["start_date"], rows["end_date"], strict=True):
        start = fmt.to_date(raw_start)
        assert start is not None  # rows without a start date were dropped above
        starts.append(start)
        day = fmt.to_date(end)
        open_end.append(day is None)
        ends.append(day if day is not None else max(today, start + dt.timedelta(days=30)))
    labels = unique_labels([
        html_text(short_label(n, 40)) + " · " + html_text(itxt.STATUS_LABELS.get(s, s))
        + (f", {itxt.TIMELINE_NO_END}" if no_end else "")
        for n, s, no_end in zip(rows["name"], rows["status"], open_end, strict=True)
    ])
    traces = []
    for status in [*STATUSES, *sorted(set(rows["status"]) - set(STATUSES))]:
        idx = [i for i, s in enumerate(rows["status"]) if s == status]
        if not idx:
            continue
        status_label = itxt.STATUS_LABELS.get(status, status)
        hover = []
        for i in idx:
            row = rows.iloc[i]
            end_text = itxt.HOVER_NO_END if open_end[i] else fmt.date(ends[i])
            hover.append(
                f"<b>{html_text(row['name'])}</b><br>{itxt.HOVER_START}: {fmt.date(starts[i])}<br>"
                f"{itxt.HOVER_END}: {end_text}<br>{itxt.HOVER_STATUS}: {html_text(status_label)}"
                + (f"<br>{itxt.HOVER_EXAMPLE}" if bool(row["is_example"]) else "")
            )
        traces.append({
            "type": "bar", "y": [labels[i] for i in idx],
            "x": [(ends[i] - starts[i]).total_seconds() * 1000 for i in idx],
            "base": [starts[i].isoformat() for i in idx], "orientation": "h", "name": html_text(status_label),
            "marker": {"color": STATUS_COLOURS.get(status, "#555555"),
                       "pattern": {"shape": STATUS_PATTERNS.get(status, ""), "fgcolor": "white",
                                   "fillmode": "overlay", "size": 7, "solidity": 0.35}},
            "hovertext": hover, "hoverinfo": "text",
        })
    return figure(
        traces, 150 + ROW_PX * max(len(rows), 1),
        # A label every second year, upright: yearly labels were turned on their side in a narrow plot and ran
        # into the "vandaag" mark below them.
        xaxis={"type": "date", "showgrid": True, "gridcolor": "#e6e6e6", "dtick": "M24", "tickformat": "%Y",
               "tickangle": 0},
        yaxis={"autorange": "reversed", "categoryorder": "array", "categoryarray": labels},
        shapes=[{"type": "line", "x0": today.isoformat(), "x1": today.isoformat(), "y0": 0, "y1": 1,
                 "yref": "paper", "line": {"color": "#1f1f1f", "width": 1.5, "dash": "dot"}}],
        # Below the year labels: above the plot it would collide with the legend, beside the axis with a year.
        annotations=[{"x": today.isoformat(), "y": 0, "yref": "paper", "text": itxt.TODAY, "showarrow": False,
                      "yanchor": "top", "yshift": -26, "font": FONT}],
        margin={**MARGIN, "b": 60}, barmode="overlay", bargap=0.3,
    )


def results_chart(latest: pd.DataFrame) -> go.Figure | None:
    """Latest value as % of its target per measure that has both; None when none has. Each row is labelled
    with the intervention (bold) over the measure; the amounts themselves are printed on the bar."""
    rows = latest[latest["share"].notna()]
    if rows.empty:
        return None
    labels = unique_labels([f"<b>{html_text(short_label(n, 44))}</b><br>{html_text(short_label(m, 48))}"
                      for n, m in zip(rows["name"], rows["measure"], strict=True)])
    percent = [100 * float(s) for s in rows["share"]]
    text = [itxt.RESULT_TEXT.format(value=fmt.measured(v), target=fmt.measured(t), share=fmt.share(v, t))
            for v, t in zip(rows["value"], rows["target"], strict=True)]
    hover = [
        f"<b>{html_text(n)}</b><br>{html_text(m)} ({html_text(p)}): {tx} {html_text(plain(u))}"
        + (f"<br>{itxt.RESULT_EXAMPLE.strip()}" if bool(e) else "")
        for n, m, p, tx, u, e in zip(rows["name"], rows["measure"], rows["period"], text, rows["unit"],
                                      rows["is_example"], strict=True)
    ]
    trace = {
        "type": "bar", "y": labels, "x": percent, "orientation": "h", "marker": {"color": BAR_COLOUR},
        "text": text, "textposition": "auto", "insidetextanchor": "start",
        "insidetextfont": {"color": "white", "size": 13}, "cliponaxis": False, "hovertext": hover,
        "hoverinfo": "text", "name": itxt.CHART_OF_TARGET, "showlegend": False,
    }
    return figure(
        [trace], 110 + 48 * len(rows),
        xaxis={"title": itxt.CHART_OF_TARGET, "ticksuffix": "%", "range": [0, max(150.0, max(percent) * 1.1)],
               "showgrid": True, "gridcolor": "#e6e6e6"},
        yaxis={"autorange": "reversed", "categoryorder": "array", "categoryarray": labels},
        shapes=[{"type": "line", "x0": 100, "x1": 100, "y0": 0, "y1": 1, "yref": "paper",
                 "line": {"color": TARGET_COLOUR, "width": 2, "dash": "dash"}}],
        annotations=[{"x": 100, "y": 1, "yref": "paper", "text": itxt.TARGET_LINE, "showarrow": False,
                      "yanchor": "bottom", "font": FONT}],
        bargap=0.25,
    )
