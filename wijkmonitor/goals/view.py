"""Everything the Doelen page shows, prepared once per data and configuration version (pure, no Streamlit).

The page caches one `GoalsView` per version of the database file and goals.toml, so a rerun after a filter
change only selects rows and renders; building charts and checking the goals happens once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from wijkmonitor.common.text import for_reader, markdown, md_with, plain
from wijkmonitor.goals.charts import goal_figure
from wijkmonitor.goals.config import Goal, GoalsConfig
from wijkmonitor.goals.links import LinkedIntervention, LinkIndex, link_index
from wijkmonitor.goals.status import STATUS_ORDER, SeriesIndex, index_series, summarise
from wijkmonitor.goals.table import (
    Labels,
    describe_target,
    display_table,
    filter_goals,
    progress_table,
)
from wijkmonitor.texts import doelen as txt


@dataclass(frozen=True)
class GoalsView:
    config: GoalsConfig
    labels: Labels
    index: SeriesIndex
    progress: pd.DataFrame  # every goal x area
    display: pd.DataFrame  # the same rows in Dutch, for the table and the CSV
    records: dict[str, list[dict[str, Any]]]  # progress rows per goal as plain dicts (cheap to read on reruns)
    figures: dict[str, go.Figure] = field(default_factory=dict)  # per goal, all its areas
    links: LinkIndex = field(default_factory=dict)  # interventions per (indicator, area)

    def goals(
        self, *, partner: str | None = None, theme: str | None = None, area: str | None = None
    ) -> tuple[Goal, ...]:
        return filter_goals(self.config.goals, partner=partner, theme=theme, area=area)

    def rows(self, goals: tuple[Goal, ...], area: str | None = None, statuses: tuple[str, ...] = ()) -> pd.Series:
        """Boolean mask over `progress`/`display` for these goals (and one area, and some statuses)."""
        mask = self.progress["goal_id"].isin([g.id for g in goals])
        if area is not None:
            mask &= self.progress["area_id"] == area
        if statuses:
            mask &= self.progress["status"].isin(statuses)
        return mask

    def goal_records(self, goal: Goal, area: str | None = None) -> list[dict[str, Any]]:
        return [r for r in self.records.get(goal.id, []) if area is None or r["area_id"] == area]

    def figure(self, goal: Goal, area: str | None = None) -> go.Figure:
        """The goal's chart; with an area only that area's panel (built on demand, one panel is cheap)."""
        if area is None:
            return self.figures[goal.id]
        rows = self.progress[(self.progress["goal_id"] == goal.id) & (self.progress["area_id"] == area)]
        return goal_figure(rows, self.index)

    def goal_facts(self, goal: Goal) -> str:
        """Target, indicator, owners, theme and origin of a goal as short Markdown lines (data escaped)."""
        label = self.labels.indicator(goal.indicator)[0]
        lines = [
            md_with(txt.GOAL_TARGET, target=describe_target(goal, self.labels)),
            md_with(txt.GOAL_INDICATOR, indicator=label, age=self.labels.age_labels.get(goal.age_group,
                                                                                         goal.age_group)),
            md_with(txt.GOAL_PARTNERS, partners=", ".join(self.labels.partner_names.get(p, p)
                                                          for p in goal.partners)),
            md_with(txt.GOAL_THEME, theme=self.labels.theme_names.get(goal.theme, goal.theme)),
        ]
        if goal.note:
            lines.append(md_with(txt.GOAL_NOTE, note=for_reader(goal.note)))
        return "  \n".join(lines)

    def status_lines(self, goal: Goal, area: str | None = None) -> str:
        """Per area the status in symbol and word plus the reason, as a Markdown list."""
        return "\n".join(
            "- " + md_with(txt.AREA_STATUS_LINE, area=r["area_name"], status=txt.status_text(r["status"]),
                                 reason=r["reason_text"])
            for r in self.goal_records(goal, area)
        )

    def chart_alt(self, goal: Goal, area: str | None = None) -> str:
        parts = [f"{r['area_name']}: {txt.status_text(r['status'])}" for r in self.goal_records(goal, area)]
        return plain(txt.CHART_ALT.format(title=goal.title) + " " + "; ".join(parts))

    def summary(self, goals: tuple[Goal, ...], area: str | None = None) -> str:
        statuses = [r["status"] for g in goals for r in self.goal_records(g, area)]
        counts = ", ".join(f"{n} × {txt.status_text(str(s))}" for s, n in summarise(statuses).items())
        return txt.SUMMARY.format(goals=txt.goals_count(len(goals)), pairs=txt.pairs_count(len(statuses)),
                                  counts=counts)

    def statuses_in_use(self) -> list[str]:
        used = set(self.progress["status"])
        return [str(s) for s in STATUS_ORDER if str(s) in used]

    def matrix(self, goals: tuple[Goal, ...], statuses: tuple[str, ...] = (),
               area: str | None = None) -> pd.DataFrame:
        """Area x goal: per cell the status in symbol and word ('' where the goal does not cover the area).
        With `statuses` only cells with one of them are filled, and only areas with such a cell are kept."""
        areas = [a for a in self.labels.area_names if (area is None or a == area)
                 and any(a in g.areas for g in goals)]
        status_of = {(r["goal_id"], r["area_id"]): str(r["status"]) for g in goals for r in self.goal_records(g)}
        rows = []
        for area_id in areas:
            cells = {}
            for goal in goals:
                status = status_of.get((goal.id, area_id))
                shown = status is not None and (not statuses or status in statuses)
                cells[goal.title] = txt.status_text(status) if shown and status is not None else ""
            if not statuses or any(cells.values()):
                rows.append({txt.COL_AREA_MATRIX: self.labels.area_names.get(area_id, area_id), **cells})
        return pd.DataFrame(rows, columns=[txt.COL_AREA_MATRIX, *(g.title for g in goals)])

    def interventions(self, goal: Goal, area: str) -> tuple[LinkedIntervention, ...]:
        """The interventions that name the goal's indicator and work in the area."""
        return self.links.get((goal.indicator, area), ())

    def intervention_lines(self, goal: Goal, area: str | None = None) -> list[tuple[str, str, str]]:
        """(area id, area name, Markdown line) per area of the goal with the interventions working on it."""
        out = []
        for record in self.goal_records(goal, area):
            items = self.interventions(goal, str(record["area_id"]))
            names = ", ".join(markdown(i.name) + (f" ({txt.LINKED_EXAMPLE})" if i.is_example else "")
                              for i in items)
            out.append((str(record["area_id"]), str(record["area_name"]),
                        txt.LINKED.format(area=markdown(str(record["area_name"])), names=names) if items
                        else txt.LINKED_NONE.format(area=markdown(str(record["area_name"])))))
        return out

    def partners_in_use(self) -> list[str]:
        used = {p for g in self.config.goals for p in g.partners}
        return [p.id for p in self.config.partners if p.id in used]

    def themes_in_use(self) -> list[str]:
        used = {g.theme for g in self.config.goals}
        return [t for t in self.labels.theme_names if t in used]

    def areas_in_use(self) -> list[str]:
        used = {a for g in self.config.goals for a in g.areas}
        return [a for a in self.labels.area_names if a in used]


def build_view(
    *,
    indicators: pd.DataFrame,
    areas: pd.DataFrame,
    themes: pd.DataFrame,
    ages: pd.DataFrame,
    series: pd.DataFrame,
    config: GoalsConfig,
    interventions: pd.DataFrame | None = None,
    places: pd.DataFrame | None = None,
) -> GoalsView:
    """From the queries goals_indicators, renewal_areas_all, themes_all, age_groups, goals_series, the goals as
    built (`goals_from_tables`), and interventions_list, interventions_areas for the interventions per goal."""
    labels = Labels.from_frames(indicators, areas, themes, ages, config.partner_names())
    index = index_series(series)
    progress = progress_table(config, config.goals, index, labels)
    figures = {
        str(goal_id): goal_figure(rows, index) for goal_id, rows in progress.groupby("goal_id", sort=False)
    }
    records: dict[str, list[dict[str, Any]]] = {}
    for record in progress.to_dict("records"):
        records.setdefault(str(record["goal_id"]), []).append({str(k): v for k, v in record.items()})
    return GoalsView(
        config=config, labels=labels, index=index, progress=progress,
        display=display_table(progress, labels.theme_names), records=records, figures=figures,
        links=link_index(interventions, places) if interventions is not None and places is not None else {},
    )
