"""What each section of the Procesmonitor shows, composed from the builders: pure functions of prepared rows,
so the page is tested without Streamlit and cached per selection by `load`."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from wijkmonitor.common import fmt
from wijkmonitor.common.sections import Metric
from wijkmonitor.process import charts
from wijkmonitor.process import log as process
from wijkmonitor.texts import proces as ptxt


def _note(*parts: str | None) -> str | None:
    """The line under a metric: 'voorbeelddata' first when the figure is illustrative, then any remark."""
    text = " · ".join(p for p in parts if p)
    return text or None


@dataclass(frozen=True)
class ProcessView:
    n: int
    has_example: bool
    metrics: tuple[Metric, ...]
    summary: process.Summary
    heatmap: go.Figure | None
    time_note: str
    time_table: pd.DataFrame
    reach_figure: go.Figure | None
    reach_note: str
    reach_table: pd.DataFrame
    lived_sentence: str
    lived_table: pd.DataFrame
    said_did: tuple[process.SaidDid, ...]


def _process_metrics(s: process.Summary) -> tuple[Metric, ...]:
    example = ptxt.M_EXAMPLE if s.n_example else None

    def unknown(n: int) -> str | None:
        return ptxt.UNKNOWN_COUNT.format(n=n) if n else None

    return (
        Metric(ptxt.M_ACTIVITIES, fmt.count(s.activities), note=_note(example)),
        Metric(ptxt.M_PARTICIPANTS, fmt.count(s.participants), note=_note(example, unknown(s.participants_unknown))),
        Metric(ptxt.M_REACHED, fmt.count(s.reached), note=_note(example, unknown(s.reached_unknown))),
        Metric(ptxt.M_LIVED, fmt.share(s.with_role, s.lived_known),
               note=_note(example, unknown(s.lived_unknown)), help=ptxt.LIVED_HELP),
    )


def _lived_sentence(s: process.Summary) -> str:
    if not s.lived_known:
        return ptxt.LIVED_NONE_KNOWN
    sentence = ptxt.LIVED_SENTENCE.format(with_role=s.with_role, known=s.lived_known,
                                          share=fmt.share(s.with_role, s.lived_known))
    if s.lived_unknown:
        sentence += ptxt.LIVED_UNKNOWN.format(n=s.lived_unknown)
    return sentence


def process_view(rows: pd.DataFrame, population: pd.DataFrame, measure: str,
                 total: tuple[str, str] | None = None) -> ProcessView:
    """The Procesmonitor for the filtered activities `rows` (`process_log` rows after `process.prepare` and
    `process.apply`); `total` adds an 'all together' reach row for a chosen programme area."""
    s = process.summary(rows)
    long = process.per_area_year(rows, measure)
    time_note = ptxt.TIME_NOTE
    column = process.MEASURE_COLUMNS[measure]
    if column is not None:
        missing = int(rows[column].isna().sum())
        if missing:
            template = ptxt.TIME_MISSING_ONE if missing == 1 else ptxt.TIME_MISSING
            time_note += template.format(n=missing, measure=ptxt.MEASURES[measure])
    reach = process.reach_vs_population(rows, population, total)
    years = sorted({str(int(y)) for y in reach["inhabitants_year"].dropna()})
    return ProcessView(
        n=s.activities,
        has_example=bool(s.n_example),
        metrics=_process_metrics(s),
        summary=s,
        heatmap=charts.area_year_heatmap(long),
        time_note=time_note,
        time_table=process.area_year_table(long),
        reach_figure=charts.reach_chart(reach),
        reach_note=ptxt.REACH_NOTE.format(years=" en ".join(years) if years else ptxt.UNKNOWN),
        reach_table=process.reach_table(reach),
        lived_sentence=_lived_sentence(s),
        lived_table=process.lived_by_type(rows),
        said_did=process.said_did(rows),
    )
