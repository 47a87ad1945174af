"""The kernel's figure helpers: a cached figure shared by sessions must stay intact whoever renders it."""

from __future__ import annotations

import threading

import plotly.graph_objects as go

from wijkmonitor.common.figures import figure


def _heatmap() -> go.Figure:
    trace = {"type": "heatmap", "z": [[1, 2], [3, None]], "x": ["2023", "2024"], "y": ["Selwerd", "Beijum"],
             "colorscale": "Blues", "showscale": False}
    return figure([trace], 200, xaxis={"type": "category"}, yaxis={"autorange": "reversed"})


def test_each_caller_gets_its_own_traces() -> None:
    shared = _heatmap()
    first = shared.to_dict()
    first["data"][0].pop("type")  # what plotly's validator does for a moment while building from a dict
    assert shared.to_dict()["data"][0]["type"] == "heatmap"
    assert shared.to_dict()["layout"] == first["layout"]


def test_sessions_rendering_one_cached_figure_at_once_never_see_another_trace_type() -> None:
    """st.plotly_chart builds `go.Figure(fig.to_dict())` in every session's thread, on the one cached figure."""
    shared = _heatmap()
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def render() -> None:
        start.wait()
        for _ in range(60):
            try:
                rebuilt = go.Figure(shared.to_dict())
                assert rebuilt.data[0].type == "heatmap"
            except BaseException as exc:
                errors.append(exc)
                return

    threads = [threading.Thread(target=render) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors[0]
