"""Progress status of a goal in one area: pure functions, no Streamlit, no database.

The method is the Open SDG / Statistics Canada progress measure with linear instead of compound growth
(a gap to the city can be zero or negative, so a growth *rate* has no meaning):

    needed per year   = (target - baseline value) / (target year - baseline year)
    achieved per year = (latest value - baseline value) / (latest year - baseline year)
    ratio             = achieved per year / needed per year

Both changes are counted in the direction that is better (so a fall counts as progress for a lower-is-better
indicator and for every gap target). The ratio is then compared with the thresholds from goals.toml. A status
is never given on a single edition: without a measurement after the baseline there is too little data.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

import pandas as pd

from wijkmonitor.goals.config import Goal, Thresholds


class Status(StrEnum):
    ACHIEVED = "doel_gehaald"
    KEPT = "behouden"  # already met the target (better than the city) in the baseline year, and still does
    ON_TRACK = "op_koers"
    AT_RISK = "risico"
    OFF_TRACK = "niet_op_koers"
    NO_DATA = "onvoldoende_gegevens"


class Reason(StrEnum):
    """Why a status was given, for the explanation in words (texts.doelen.REASONS)."""

    NO_BASELINE = "geen_basiswaarde"
    ONLY_BASELINE = "alleen_basisjaar"
    TARGET_MET = "streefwaarde_gehaald"
    SLIPPED = "weer_onder_streefwaarde"
    STAYED = "al_goed_gebleven"
    DEADLINE_PASSED = "doeljaar_verstreken"
    FAST_ENOUGH = "snel_genoeg"
    TOO_SLOW = "te_langzaam"
    MUCH_TOO_SLOW = "veel_te_langzaam"
    WRONG_WAY = "verkeerde_kant_op"


# Order used to sort and to summarise: the statuses that ask for attention first.
STATUS_ORDER = (Status.OFF_TRACK, Status.AT_RISK, Status.ON_TRACK, Status.ACHIEVED, Status.KEPT, Status.NO_DATA)


@dataclass(frozen=True)
class Progress:
    status: Status
    reason: Reason
    baseline_year: int
    target_year: int
    target: float | None  # the level to reach, in the measured quantity (value, or disadvantage for gaps)
    baseline: float | None = None
    latest_year: int | None = None
    latest: float | None = None
    needed_per_year: float | None = None  # in the better direction, so positive while the target is ahead
    achieved_per_year: float | None = None  # in the better direction
    ratio: float | None = None
    expected_now: float | None = None  # where the required path is in the latest year
    projected: float | None = None  # where the present pace ends in the target year
    # The baseline already met the target (an area better than the city on a gap goal): the goal is to stay
    # at least this good, so there is no path to walk, only a line not to cross.
    keep: bool = False


def _finite(value: float | None) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def meets(value: float, target: float, *, lower_is_better: bool) -> bool:
    return value <= target if lower_is_better else value >= target


def target_level(goal: Goal, baseline: float | None) -> float | None:
    """The level to reach, in the measured quantity: the value itself, or the disadvantage for gap targets.

    "Gap halved" on an area that was already at or better than the city means: stay at the city level or better.
    """
    if goal.target_type == "value":
        return goal.target
    if goal.target_type == "gap_at_most":
        return goal.target
    if not _finite(baseline):
        return None
    assert baseline is not None
    return max(baseline, 0.0) * goal.target


def assess(
    series: Mapping[int, float],
    *,
    baseline_year: int,
    target_year: int,
    target: float | None,
    lower_is_better: bool,
    thresholds: Thresholds,
) -> Progress:
    """Status of one measured series (year -> value) against a target level.

    `target` None means it depends on a missing baseline (a gap factor); that is too little data as well.
    """
    values = {int(y): float(v) for y, v in series.items() if _finite(v)}
    base = Progress(Status.NO_DATA, Reason.NO_BASELINE, baseline_year, target_year, target)
    if baseline_year not in values or target is None:
        return base
    baseline = values[baseline_year]
    later = [y for y in values if y > baseline_year]
    if not later:
        return Progress(Status.NO_DATA, Reason.ONLY_BASELINE, baseline_year, target_year, target, baseline)
    latest_year = max(later)
    latest = values[latest_year]
    sign = -1.0 if lower_is_better else 1.0
    needed_total = sign * (target - baseline)
    needed = needed_total / (target_year - baseline_year)
    achieved = sign * (latest - baseline) / (latest_year - baseline_year)
    share = min((latest_year - baseline_year) / (target_year - baseline_year), 1.0)
    expected_now = baseline + (target - baseline) * share
    projected = baseline + sign * achieved * (target_year - baseline_year)

    def result(status: Status, reason: Reason, ratio: float | None = None) -> Progress:
        return Progress(status, reason, baseline_year, target_year, target, baseline, latest_year, latest,
                        needed, achieved, ratio, expected_now, projected)

    if meets(baseline, target, lower_is_better=lower_is_better):
        # Already at the target in the baseline year: "stay at least this good". No pace is needed, so no
        # ratio and no path; the line to hold is the target itself.
        kept = meets(latest, target, lower_is_better=lower_is_better)
        return Progress(Status.KEPT if kept else Status.OFF_TRACK, Reason.STAYED if kept else Reason.SLIPPED,
                        baseline_year, target_year, target, baseline, latest_year, latest, 0.0, achieved, None,
                        target, projected, keep=True)
    if meets(latest, target, lower_is_better=lower_is_better):
        return result(Status.ACHIEVED, Reason.TARGET_MET)
    ratio = achieved / needed
    if latest_year >= target_year:
        return result(Status.OFF_TRACK, Reason.DEADLINE_PASSED, ratio)
    if ratio >= thresholds.on_track:
        return result(Status.ON_TRACK, Reason.FAST_ENOUGH, ratio)
    if ratio >= thresholds.at_risk:
        return result(Status.AT_RISK, Reason.TOO_SLOW, ratio)
    if ratio >= 0:
        return result(Status.OFF_TRACK, Reason.MUCH_TOO_SLOW, ratio)
    return result(Status.OFF_TRACK, Reason.WRONG_WAY, ratio)


def lower_is_better(goal: Goal, polarity: str) -> bool:
    """Gap targets are on the disadvantage (positive = worse than the city), so lower is always better."""
    return goal.is_gap or polarity == "lower_better"


# (indicator_code, age_group, area_id) -> {year: (value, disadvantage)}
SeriesIndex = dict[tuple[str, str, str], dict[int, tuple[float | None, float | None]]]


def index_series(rows: pd.DataFrame) -> SeriesIndex:
    """`goals_series` rows as plain dicts: filtering a DataFrame per goal and area costs milliseconds each."""
    index: SeriesIndex = {}
    columns = [rows[c].tolist() for c in ("indicator_code", "age_group", "area_id", "year", "value", "disadvantage")]
    for indicator, age, area, year, value, disadvantage in zip(*columns, strict=True):
        index.setdefault((indicator, age, area), {})[int(year)] = (
            None if pd.isna(value) else float(value),
            None if pd.isna(disadvantage) else float(disadvantage),
        )
    return index


def measured(index: SeriesIndex, indicator: str, age_group: str, area: str, *, gap: bool) -> dict[int, float]:
    """The quantity a goal follows in one area, per year: the value, or the disadvantage for gap goals."""
    position = 1 if gap else 0
    editions = index.get((indicator, age_group, area), {})
    out: dict[int, float] = {}
    for year, pair in sorted(editions.items()):
        value = pair[position]
        if value is not None:
            out[year] = value
    return out


def assess_goal(goal: Goal, index: SeriesIndex, polarity: str, thresholds: Thresholds) -> dict[str, Progress]:
    """Progress per area of a goal, in the goal's area order."""
    out: dict[str, Progress] = {}
    for area in goal.areas:
        series = measured(index, goal.indicator, goal.age_group, area, gap=goal.is_gap)
        out[area] = assess(
            series,
            baseline_year=goal.baseline_year,
            target_year=goal.target_year,
            target=target_level(goal, series.get(goal.baseline_year)),
            lower_is_better=lower_is_better(goal, polarity),
            thresholds=thresholds,
        )
    return out


def summarise(statuses: Iterable[Status]) -> dict[Status, int]:
    """Count per status in STATUS_ORDER, leaving out statuses that do not occur."""
    counts = {s: 0 for s in STATUS_ORDER}
    for status in statuses:
        counts[status] += 1
    return {s: n for s, n in counts.items() if n}
