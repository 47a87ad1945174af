"""Goals x areas as one progress table, filters, and the Dutch display version: pure pandas, no Streamlit."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from wijkmonitor.common import fmt
from wijkmonitor.goals.config import Goal, GoalsConfig
from wijkmonitor.goals.status import STATUS_ORDER, Progress, SeriesIndex, Status, assess_goal
from wijkmonitor.texts import doelen as txt

PROGRESS_COLUMNS = [
    "goal_id", "goal_title", "theme_id", "area_id", "area_name", "indicator_code", "indicator_label",
    "age_group", "age_label", "unit", "decimals", "polarity", "target_type", "measure", "target_text", "status",
    "reason", "reason_text", "baseline_year", "baseline", "latest_year", "latest", "target", "target_year",
    "needed_per_year", "achieved_per_year", "ratio", "expected_now", "projected", "keep", "partners",
    "partner_names", "example",
]


@dataclass(frozen=True)
class Labels:
    """Names for codes, read from the database so the page shows what the data says."""

    indicators: Mapping[str, tuple[str, str, int, str]]  # code -> (label, unit, decimals, polarity)
    area_names: Mapping[str, str] = field(default_factory=dict)
    theme_names: Mapping[str, str] = field(default_factory=dict)
    age_labels: Mapping[str, str] = field(default_factory=dict)
    partner_names: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_frames(
        cls,
        indicators: pd.DataFrame,
        areas: pd.DataFrame,
        themes: pd.DataFrame,
        ages: pd.DataFrame,
        partner_names: Mapping[str, str],
    ) -> Labels:
        """From the queries goals_indicators, renewal_areas_all, themes_all and age_groups."""
        return cls(
            indicators={
                str(c): (str(label), str(unit), int(decimals), str(polarity))
                for c, label, unit, decimals, polarity in zip(
                    indicators["indicator_code"], indicators["label"], indicators["unit"],
                    indicators["decimals"], indicators["polarity"], strict=True)
            },
            area_names=dict(zip(areas["area_id"], areas["name"], strict=True)),
            theme_names=dict(zip(themes["theme_id"], themes["name"], strict=True)),
            age_labels=dict(zip(ages["age_group"], ages["label"], strict=True)),
            partner_names=dict(partner_names),
        )

    def indicator(self, code: str) -> tuple[str, str, int, str]:
        return self.indicators[code]


def _factor_words(factor: float) -> str:
    if factor in txt.GAP_FACTOR_WORDS:
        return txt.GAP_FACTOR_WORDS[factor]
    return txt.GAP_FACTOR_GENERIC.format(percent=f"{fmt.number(factor * 100, 0, missing=fmt.DASH)}%")


def describe_target(goal: Goal, labels: Labels) -> str:
    """The target in one Dutch sentence, e.g. 'Achterstand op het stadsgemiddelde gehalveerd in 2030 (...)'."""
    label, unit, decimals, polarity = labels.indicator(goal.indicator)
    if goal.target_type == "value":
        template = txt.TARGET_VALUE_LOWER if polarity == "lower_better" else txt.TARGET_VALUE_HIGHER
        return template.format(indicator=label, target=fmt.value(goal.target, unit, decimals),
                               target_year=goal.target_year)
    if goal.target_type == "gap_at_most":
        if goal.target == 0:
            return txt.TARGET_GAP_ZERO.format(target_year=goal.target_year)
        return txt.TARGET_GAP_AT_MOST.format(target=fmt.difference(goal.target, unit, decimals),
                                             target_year=goal.target_year)
    return txt.TARGET_GAP_FACTOR.format(factor=_factor_words(goal.target), target_year=goal.target_year,
                                        baseline_year=goal.baseline_year)


def reason_text(progress: Progress) -> str:
    return txt.REASONS[progress.reason].format(
        baseline_year=progress.baseline_year, latest_year=progress.latest_year,
        target_year=progress.target_year, ratio=fmt.percent(progress.ratio),
    )


def filter_goals(
    goals: Iterable[Goal], *, partner: str | None = None, theme: str | None = None, area: str | None = None
) -> tuple[Goal, ...]:
    """None means 'all' for every filter."""
    return tuple(
        g for g in goals
        if (partner is None or partner in g.partners)
        and (theme is None or g.theme == theme)
        and (area is None or area in g.areas)
    )


def progress_table(
    config: GoalsConfig, goals: Iterable[Goal], index: SeriesIndex, labels: Labels, *, area: str | None = None
) -> pd.DataFrame:
    """One row per goal and area with the status, its reason and every number behind it.

    `area` limits the areas of multi-area goals to one (the area filter of the page).
    """
    records = []
    for goal in goals:
        label, unit, decimals, polarity = labels.indicator(goal.indicator)
        progress = assess_goal(goal, index, polarity, config.thresholds)
        target_text = describe_target(goal, labels)
        for area_id, result in progress.items():
            if area is not None and area_id != area:
                continue
            records.append({
                "goal_id": goal.id, "goal_title": goal.title, "theme_id": goal.theme, "area_id": area_id,
                "area_name": labels.area_names.get(area_id, area_id), "indicator_code": goal.indicator,
                "indicator_label": label, "age_group": goal.age_group,
                "age_label": labels.age_labels.get(goal.age_group, goal.age_group), "unit": unit,
                "decimals": decimals, "polarity": polarity, "target_type": goal.target_type,
                "measure": "disadvantage" if goal.is_gap else "value", "target_text": target_text,
                "status": str(result.status), "reason": str(result.reason), "reason_text": reason_text(result),
                "baseline_year": goal.baseline_year, "baseline": result.baseline,
                "latest_year": result.latest_year, "latest": result.latest, "target": result.target,
                "target_year": goal.target_year, "needed_per_year": result.needed_per_year,
                "achieved_per_year": result.achieved_per_year, "ratio": result.ratio,
                "expected_now": result.expected_now, "projected": result.projected, "keep": result.keep,
                "partners": ";".join(goal.partners),
                "partner_names": ", ".join(labels.partner_names.get(p, p) for p in goal.partners),
                "example": goal.example,
            })
    frame = pd.DataFrame.from_records(records, columns=PROGRESS_COLUMNS)
    return frame.astype({"latest_year": "Int64"})


def status_counts(progress: pd.DataFrame) -> dict[Status, int]:
    counts = progress["status"].value_counts()
    return {s: int(counts[str(s)]) for s in STATUS_ORDER if str(s) in counts.index}


def summary_text(progress: pd.DataFrame) -> str:
    counts = ", ".join(
        f"{n} × {txt.status_text(str(s))}" for s, n in status_counts(progress).items()
    )
    return txt.SUMMARY.format(goals=txt.goals_count(progress["goal_id"].nunique()),
                              pairs=txt.pairs_count(len(progress)), counts=counts)


def _measured(value: float | None, row: pd.Series) -> str:
    if row["measure"] == "disadvantage":
        return fmt.difference(value, str(row["unit"]), int(row["decimals"]), signed=True)
    return fmt.value(value, str(row["unit"]), int(row["decimals"]))


def _per_year(value: float | None, row: pd.Series) -> str:
    # Per-year steps are small: one more decimal than the indicator so 0,1 and 0,14 stay apart.
    return fmt.difference(value, str(row["unit"]), int(row["decimals"]) + 1)


def display_table(progress: pd.DataFrame, theme_names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Dutch column names and Dutch-formatted numbers, for the screen and the CSV download."""
    theme_names = theme_names or {}
    rows = []
    for _, row in progress.iterrows():
        rows.append({
            txt.COL_GOAL: row["goal_title"],
            txt.COL_AREA: row["area_name"],
            txt.COL_STATUS: txt.status_text(row["status"]),
            txt.COL_EXPLANATION: row["reason_text"],
            txt.COL_INDICATOR: row["indicator_label"],
            txt.COL_AGE: row["age_label"],
            txt.COL_MEASURE: txt.MEASURE_GAP if row["measure"] == "disadvantage" else txt.MEASURE_VALUE,
            txt.COL_BASELINE_YEAR: str(row["baseline_year"]),
            txt.COL_BASELINE: _measured(row["baseline"], row),
            txt.COL_LATEST_YEAR: "" if pd.isna(row["latest_year"]) else str(row["latest_year"]),
            txt.COL_LATEST: _measured(row["latest"], row),
            txt.COL_TARGET_YEAR: str(row["target_year"]),
            txt.COL_TARGET: _measured(row["target"], row),
            txt.COL_EXPECTED: _measured(row["expected_now"], row),
            txt.COL_NEEDED: _per_year(row["needed_per_year"], row),
            txt.COL_ACHIEVED: _per_year(row["achieved_per_year"], row),
            txt.COL_RATIO: fmt.percent(row["ratio"]),
            txt.COL_THEME: theme_names.get(row["theme_id"], row["theme_id"]),
            txt.COL_PARTNERS: row["partner_names"],
            txt.COL_EXAMPLE: txt.YES if row["example"] else txt.NO,
        })
    return pd.DataFrame(rows)
