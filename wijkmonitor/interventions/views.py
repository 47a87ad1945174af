"""Everything a section of the Interventiemonitor shows, composed from the builders. Pure functions of prepared rows,
so a whole page can be tested without Streamlit and cached per selection by `load` (a warm rerun then only
looks up finished figures, decks, tables and card texts)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

from wijkmonitor.common import fmt
from wijkmonitor.common.sections import Metric
from wijkmonitor.common.text import markdown, plain
from wijkmonitor.interventions import budget, cards, charts, maps, results
from wijkmonitor.interventions.filters import Filters, apply
from wijkmonitor.interventions.model import Register
from wijkmonitor.texts import interventies as itxt


@dataclass(frozen=True)
class Table:
    frame: pd.DataFrame


@dataclass(frozen=True)
class InterventionView:
    n: int
    has_example: bool
    metrics: tuple[Metric, ...]
    budget_total: float | None  # every intervention once (for tests and the sentence)
    deck: pdk.Deck | None
    map_table: pd.DataFrame
    boundary_year: int | None
    programme_figure: go.Figure | None
    programme_note: str
    programme_table: Table
    area_figure: go.Figure | None
    area_note: str
    area_table: Table
    shared_table: pd.DataFrame
    timeline_figure: go.Figure | None
    timeline_notes: tuple[str, ...]
    timeline_table: pd.DataFrame
    results_figure: go.Figure | None
    results_note: str
    results_table: Table
    cards: tuple[cards.Card, ...]
    split: budget.AreaSplit | None = None  # with an area chosen: only there / shared with other areas
    split_figure: go.Figure | None = None
    split_note: str = ""
    split_table: Table | None = None
    sources_figure: go.Figure | None = None
    sources_note: str = ""
    sources_table: Table | None = None


def _note(*parts: str | None) -> str | None:
    """The line under a metric: 'voorbeelddata' first when the figure is illustrative, then any remark."""
    text = " · ".join(p for p in parts if p)
    return text or None


def _metrics(total: budget.Totals, split: budget.AreaSplit | None = None) -> tuple[Metric, ...]:
    """Every amount says what it counts: without an area the whole selection, each intervention once; with an
    area also what works only there and what is shared with other areas."""
    example = itxt.M_EXAMPLE if total.n_example else None
    without = itxt.WITHOUT_BUDGET.format(n=total.n_without_budget) if total.n_without_budget else None
    spent = Metric(itxt.M_SPENT, fmt.euro(total.spent),
                   note=_note(example, itxt.SPENT_SHARE.format(share=fmt.share(total.spent, total.budget))))
    if split is None:
        return (
            Metric(itxt.M_COUNT, fmt.count(total.n)),
            Metric(itxt.M_ALL_BUDGET, fmt.euro(total.budget), note=_note(example, without),
                   help=itxt.M_ALL_BUDGET_HELP),
            spent,
        )
    area = split.area_name
    return (
        Metric(itxt.M_AREA_COUNT.format(area=area), fmt.count(total.n),
               note=itxt.M_AREA_COUNT_NOTE.format(only=split.only.n, shared=split.shared.n)),
        Metric(itxt.M_ONLY.format(area=area), fmt.euro(split.only.budget, missing="€ 0"),
               note=_note(example if split.only.n_example else None, itxt.M_ONLY_NOTE.format(n=split.only.n))),
        Metric(itxt.M_SHARED, fmt.euro(split.shared.budget, missing="€ 0"),
               note=_note(example if split.shared.n_example else None,
                          itxt.M_SHARED_NOTE.format(n=split.shared.n))),
        Metric(itxt.M_TOGETHER.format(area=area), fmt.euro(total.budget), note=_note(example, without),
               help=itxt.M_TOGETHER_HELP),
        spent,
    )


def _split_note(split: budget.AreaSplit | None) -> str:
    if split is None:
        return ""
    return itxt.SPLIT_NOTE.format(
        area=markdown(split.area_name), together=fmt.euro(split.together.budget, missing="€ 0"),
        only=fmt.euro(split.only.budget, missing="€ 0"), shared=fmt.euro(split.shared.budget, missing="€ 0"),
    ) + _example_note(split.together.n_example, split.together.n, itxt.AMOUNTS_EXAMPLE, itxt.AMOUNTS_EXAMPLE_SOME)


def _sources(register: Register) -> tuple[go.Figure | None, str, Table]:
    """Programme budgets from the documents next to what the whole register budgets under each programme."""
    rows = budget.per_programme(register.interventions, register)
    known = rows[rows["programme_budget"].notna()]
    chart_rows = known.rename(columns={"programme_id": "key", "programme_name": "label"})
    figure = charts.budget_bars(chart_rows, series=(
        (itxt.CHART_PROGRAMME_BUDGET, "programme_budget", charts.SPENT_COLOUR),
        (itxt.CHART_REGISTER_BUDGET, "budget", charts.BUDGET_COLOUR),
    )) if not known.empty else None
    note = itxt.SOURCES_NOTE
    if int(rows["n_example"].sum()):
        note += " " + itxt.SOURCES_EXAMPLE
    return figure, note, Table(budget.programme_budget_table(rows))


def _example_note(n_example: int, n: int, all_text: str, some_text: str) -> str:
    if not n_example:
        return ""
    return " " + (all_text if n_example == n else some_text.format(n=n_example, total=n))


def _timeline_table(frame: pd.DataFrame) -> pd.DataFrame:
    ordered = frame.sort_values(["start_date", "name"], na_position="last")
    return pd.DataFrame({
        itxt.COL_INTERVENTION: ordered["name"].map(plain),
        itxt.COL_START: ordered["start_date"].map(fmt.date),
        itxt.COL_END: ordered["end_date"].map(fmt.date),
        itxt.COL_STATUS: ordered["status"].map(lambda s: itxt.STATUS_LABELS.get(plain(s), plain(s))),
        itxt.COL_EXAMPLE: ordered["is_example"].map(fmt.example_mark),
    })


def _map_table(stats: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        itxt.COL_AREA: stats["label"],
        itxt.COL_WORKING: stats["n_working"].astype(int),
        itxt.COL_ONLY: stats["n"].astype(int),
        itxt.COL_SHARED: stats["n_shared"].astype(int),
        itxt.COL_BUDGET: stats["budget"].map(lambda v: fmt.euro(v, missing="€ 0")),
        itxt.COL_EXAMPLE: [fmt.example_summary(pd.Series([True] * int(e) + [False] * (int(n) - int(e))))
                           for e, n in zip(stats["n_example"], stats["n"], strict=True)],
    })


def intervention_view(register: Register, filters: Filters, shapes: pd.DataFrame, base: pd.DataFrame,
                      today: dt.date) -> InterventionView:
    """The whole Interventiemonitor for one selection. The map and the budget per area leave the area filter
    out (they compare areas; the chosen area is highlighted); everything else uses every filter."""
    frame = apply(register, filters)
    everywhere = apply(register, filters.without_area())
    total = budget.totals(frame)
    split = budget.area_split(frame, register, filters.area) if filters.area else None
    sources_figure, sources_note, sources_table = _sources(register)

    area_rows = budget.per_area(everywhere, register)
    area_stats = area_rows[area_rows["kind"] == "area"]
    selected = register.areas.members(filters.area) & set(register.areas.wijk_ids) if filters.area else frozenset()
    deck = maps.intervention_map(shapes, area_stats, maps.buurt_points(everywhere, register.places), base,
                                 frozenset(selected))
    boundary_year = int(shapes["boundary_year"].iloc[0]) if not shapes.empty else None

    programme_rows = budget.per_programme(frame, register)
    programme_sum = float(pd.to_numeric(programme_rows["budget"], errors="coerce").fillna(0).sum())
    counted_twice = any(len(p) > 1 for p in frame["programme_list"])
    programme_note = (itxt.PROGRAMME_NOTE.format(sum=fmt.euro(programme_sum), total=fmt.euro(total.budget))
                      if counted_twice and total.budget is not None else itxt.PROGRAMME_NOTE_SIMPLE)
    if filters.programme and counted_twice:
        programme_note += " " + itxt.PROGRAMME_FILTER_NOTE.format(
            programme=markdown(register.programme_names().get(filters.programme, filters.programme)))
    programme_note += _example_note(total.n_example, total.n, itxt.AMOUNTS_EXAMPLE, itxt.AMOUNTS_EXAMPLE_SOME)
    programme_chart_rows = programme_rows.rename(columns={"programme_id": "key", "programme_name": "label"})
    everywhere_total = budget.totals(everywhere)
    area_chart_rows = area_rows[(area_rows["n"] > 0) | (area_rows["kind"] == "area")].assign(
        note=lambda f: [itxt.SHARED_NOTE.format(n=int(n)) if k == "area" and int(n) else ""
                        for n, k in zip(f["n_shared"], f["kind"], strict=True)])
    first_bucket = int((area_chart_rows["kind"] == "area").sum())

    starts = frame["start_date"].notna()
    notes = []
    example_dates = int((frame["is_example"].astype(bool) & starts).sum())
    if example_dates and example_dates == int(starts.sum()):
        notes.append(itxt.TIMELINE_EXAMPLE)
    elif example_dates:
        notes.append(itxt.TIMELINE_EXAMPLE_SOME.format(n=example_dates, total=int(starts.sum())))
    if (~starts).any():
        # Captions are Markdown: the names are register text, so they are escaped.
        notes.append(itxt.TIMELINE_MISSING.format(names=markdown("; ".join(plain(n) for n in frame.loc[~starts,
                                                                                                     "name"]))))

    latest = results.latest(register.results, frame)
    measured = latest[latest["value"].notna()]
    results_note = itxt.RESULTS_NOTE + _example_note(int(measured["is_example"].astype(bool).sum()), len(measured),
                                                     itxt.RESULTS_EXAMPLE, itxt.RESULTS_EXAMPLE_SOME)
    return InterventionView(
        n=total.n,
        has_example=bool(total.n_example) or bool(latest["is_example"].astype(bool).any()),
        metrics=_metrics(total, split),
        budget_total=total.budget,
        deck=deck,
        map_table=_map_table(area_stats),
        boundary_year=boundary_year,
        programme_figure=charts.budget_bars(programme_chart_rows) if not programme_rows.empty else None,
        programme_note=programme_note,
        programme_table=Table(budget.programme_table(programme_rows)),
        area_figure=charts.budget_bars(area_chart_rows, highlight=filters.area or None,
                                       separator_before=first_bucket)
        if not everywhere.empty else None,
        area_note=itxt.AREA_BUDGET_NOTE.format(total=fmt.euro(everywhere_total.budget, missing="€ 0"))
        + _example_note(everywhere_total.n_example, everywhere_total.n, itxt.AMOUNTS_EXAMPLE,
                        itxt.AMOUNTS_EXAMPLE_SOME),
        area_table=Table(budget.area_table(area_rows, everywhere_total)),
        shared_table=budget.shared_list(everywhere),
        timeline_figure=charts.timeline(frame, today) if starts.any() else None,
        timeline_notes=tuple(notes),
        timeline_table=_timeline_table(frame),
        results_figure=charts.results_chart(latest),
        results_note=results_note,
        results_table=Table(results.table(latest)),
        cards=cards.cards(frame, register),
        split=split,
        split_figure=charts.budget_bars(budget.split_rows(split)) if split is not None and split.together.n else None,
        split_note=_split_note(split),
        split_table=None if split is None else Table(budget.split_table(split)),
        sources_figure=sources_figure,
        sources_note=sources_note,
        sources_table=sources_table,
    )
