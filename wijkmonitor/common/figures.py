"""Figure helpers every chart builder shares: a figure that is built once and then only read, the one-call
figure constructor with the dashboard's font, Dutch number separators and contrast-safe axes, unique labels."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

FONT = {"size": 13, "color": "#1f1f1f"}
SEPARATORS = ",."  # decimal comma, thousands dot
BAR_COLOUR = "#2b6a99"
ROW_PX = 34
MARGIN = {"l": 10, "r": 30, "t": 30, "b": 40}


class FrozenFigure(go.Figure):  # type: ignore[misc]
    """A finished figure that is only read from now on: its `to_dict` is computed once.

    The sections are cached and shared, and `st.plotly_chart` calls `to_dict()` on every rerun; plotly's deep
    copy of the twelve-panel figure costs about 20 ms each time. Nothing changes a figure after it is built.
    """

    def to_dict(self) -> dict[str, Any]:
        frozen: dict[str, Any] | None = self.__dict__.get("_frozen_dict")
        if frozen is None:
            frozen = super().to_dict()
            self.__dict__["_frozen_dict"] = frozen
        # Every caller gets its own trace dicts: plotly's data validator pops a trace's "type" while it builds a
        # figure from a dict (st.plotly_chart does, to validate) and puts it back afterwards. On one shared dict,
        # a second session rendering the same cached chart at that instant read a heatmap as a scatter
        # ("Invalid property ... Scatter: 'colorscale'", seen in the load test). Nested parts are copied by
        # plotly itself before it changes them, so a shallow copy per trace is enough, and cheap.
        return {**frozen, "data": [dict(trace) for trace in frozen.get("data", [])]}


def unique_labels(labels: Sequence[str]) -> list[str]:
    """Axis categories must differ, or plotly merges bars; repeat names get a counter."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def figure(
    traces: list[dict[str, Any]],
    height: int,
    xaxis: dict[str, Any],
    yaxis: dict[str, Any],
    *,
    shapes: Sequence[dict[str, Any]] = (),
    annotations: Sequence[dict[str, Any]] = (),
    margin: dict[str, int] | None = None,
    **extra: Any,
) -> go.Figure:
    """One constructor call with the whole figure: plotly validates it once, where update_* calls would
    validate again for every change (several times slower for a new selection)."""

    def axis(spec: dict[str, Any]) -> dict[str, Any]:
        # Streamlit's chart theme greys the axis labels below the 4.5:1 contrast; the labels carry the names.
        title = spec.pop("title", None)
        out = {"tickfont": FONT, **spec}
        if title is not None:
            out["title"] = {"text": title, "font": FONT}
        return out

    layout = {
        "height": height, "font": FONT, "separators": SEPARATORS, "margin": margin or MARGIN,
        "plot_bgcolor": "white",
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0, "font": FONT},
        "hoverlabel": {"bgcolor": "white", "font": FONT},
        "xaxis": axis(dict(xaxis)), "yaxis": axis(dict(yaxis)),
        "shapes": list(shapes), "annotations": list(annotations), **extra,
    }
    return FrozenFigure(data=traces, layout=layout)
