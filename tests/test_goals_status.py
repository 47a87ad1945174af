"""The progress status method on hand-made series: every status, both polarities, gap targets, edge cases."""

from __future__ import annotations

import pandas as pd
import pytest

from wijkmonitor.goals.config import Goal, Thresholds
from wijkmonitor.goals.status import (
    Reason,
    Status,
    assess,
    assess_goal,
    index_series,
    lower_is_better,
    summarise,
    target_level,
)

THRESHOLDS = Thresholds(on_track=0.95, at_risk=0.6)


def run(series: dict[int, float], target: float | None, *, lower: bool, baseline: int = 2016, end: int = 2030):
    return assess(series, baseline_year=baseline, target_year=end, target=target, lower_is_better=lower,
                  thresholds=THRESHOLDS)


def goal(**overrides: object) -> Goal:
    fields: dict[str, object] = {
        "id": "g", "title": "Doel", "theme": "meedoen", "indicator": "Eenzaam", "age_group": "18plus",
        "areas": ("selwerd",), "all_areas": False, "baseline_year": 2016, "target_year": 2030,
        "target_type": "value", "target": 40.0, "partners": ("gemeente",), "example": True,
    }
    fields.update(overrides)
    return Goal(**fields)  # type: ignore[arg-type]


# --- value targets, higher is better -------------------------------------------------------------------

def test_on_track_when_the_pace_is_at_least_the_needed_pace() -> None:
    # needed: (76 - 72) / 14 = 0.286 a year; achieved: (73.4 - 72) / 4 = 0.35 a year -> ratio 1.22
    result = run({2012: 73.5, 2016: 72.0, 2020: 73.4}, 76.0, lower=False)
    assert result.status is Status.ON_TRACK
    assert result.reason is Reason.FAST_ENOUGH
    assert result.needed_per_year == pytest.approx(4 / 14)
    assert result.achieved_per_year == pytest.approx(1.4 / 4)
    assert result.ratio == pytest.approx((1.4 / 4) / (4 / 14))
    assert result.baseline == 72.0 and result.latest == 73.4 and result.latest_year == 2020


def test_risk_between_the_thresholds() -> None:
    # needed 1 a year (16 -> 30 over 14 years), achieved 0.8 a year -> ratio 0.8
    result = run({2016: 16.0, 2020: 19.2}, 30.0, lower=False)
    assert result.status is Status.AT_RISK
    assert result.reason is Reason.TOO_SLOW
    assert result.ratio == pytest.approx(0.8)


def test_off_track_when_much_too_slow() -> None:
    result = run({2016: 16.0, 2020: 17.0}, 30.0, lower=False)  # ratio 0.25
    assert result.status is Status.OFF_TRACK
    assert result.reason is Reason.MUCH_TOO_SLOW


def test_off_track_when_moving_the_wrong_way() -> None:
    result = run({2016: 27.0, 2020: 20.2}, 30.0, lower=False)
    assert result.status is Status.OFF_TRACK
    assert result.reason is Reason.WRONG_WAY
    assert result.ratio is not None and result.ratio < 0


def test_thresholds_are_inclusive_and_come_from_configuration() -> None:
    series = {2016: 16.0, 2020: 19.8}  # ratio 0.95 exactly
    assert run(series, 30.0, lower=False).status is Status.ON_TRACK
    strict = assess(series, baseline_year=2016, target_year=2030, target=30.0, lower_is_better=False,
                    thresholds=Thresholds(on_track=0.99, at_risk=0.95))
    assert strict.status is Status.AT_RISK


def test_target_already_met() -> None:
    result = run({2016: 72.0, 2020: 77.0}, 76.0, lower=False)
    assert result.status is Status.ACHIEVED
    assert result.reason is Reason.TARGET_MET


def test_met_at_baseline_but_no_longer() -> None:
    result = run({2016: 78.0, 2020: 75.0}, 76.0, lower=False)
    assert result.status is Status.OFF_TRACK
    assert result.reason is Reason.SLIPPED
    assert result.keep and result.ratio is None


def test_met_at_baseline_and_still_met_is_kept_not_achieved() -> None:
    # "Stay at least this good": no pace was needed, so the status says it stayed good, not that it got there.
    result = run({2016: 78.0, 2020: 77.0}, 76.0, lower=False)
    assert result.status is Status.KEPT and result.reason is Reason.STAYED
    assert result.keep and result.ratio is None and result.expected_now == 76.0


def test_deadline_passed_without_reaching_the_target() -> None:
    result = run({2016: 70.0, 2031: 75.0}, 76.0, lower=False)
    assert result.status is Status.OFF_TRACK
    assert result.reason is Reason.DEADLINE_PASSED


# --- too little data ----------------------------------------------------------------------------------

def test_only_the_baseline_edition_gives_too_little_data() -> None:
    # Even when the baseline value already meets the target: one edition says nothing about a pace.
    result = run({2020: 9.0}, 10.0, lower=True, baseline=2020)
    assert result.status is Status.NO_DATA
    assert result.reason is Reason.ONLY_BASELINE
    assert result.baseline == 9.0


def test_editions_before_the_baseline_do_not_count() -> None:
    result = run({2012: 12.0, 2016: 10.0}, 5.0, lower=True, baseline=2016)
    assert result.status is Status.NO_DATA
    assert result.reason is Reason.ONLY_BASELINE


def test_no_value_in_the_baseline_year() -> None:
    result = run({2012: 10.0, 2020: 9.0}, 5.0, lower=True)
    assert result.status is Status.NO_DATA
    assert result.reason is Reason.NO_BASELINE


def test_missing_values_are_ignored_not_zero() -> None:
    result = run({2016: 10.0, 2020: float("nan")}, 5.0, lower=True)
    assert result.status is Status.NO_DATA
    assert result.reason is Reason.ONLY_BASELINE


# --- lower is better ----------------------------------------------------------------------------------

def test_lower_is_better_counts_a_fall_as_progress() -> None:
    # 50 -> 45 in 4 years (1.25 a year); needed (50 - 40) / 14 = 0.71 a year
    result = run({2016: 50.0, 2020: 45.0}, 40.0, lower=True)
    assert result.status is Status.ON_TRACK
    assert result.achieved_per_year == pytest.approx(1.25)
    assert result.needed_per_year == pytest.approx(10 / 14)


def test_lower_is_better_counts_a_rise_as_the_wrong_way() -> None:
    result = run({2016: 50.0, 2020: 52.0}, 40.0, lower=True)
    assert result.status is Status.OFF_TRACK
    assert result.reason is Reason.WRONG_WAY


def test_lower_is_better_target_met() -> None:
    assert run({2016: 50.0, 2020: 39.5}, 40.0, lower=True).status is Status.ACHIEVED


def test_required_path_and_projection() -> None:
    result = run({2016: 50.0, 2020: 45.0}, 40.0, lower=True)
    # The required path runs from 50 (2016) to 40 (2030): at 2020 it is at 50 - 10 * 4/14.
    assert result.expected_now == pytest.approx(50 - 10 * 4 / 14)
    # At the present pace (1.25 a year) 2030 ends at 50 - 1.25 * 14.
    assert result.projected == pytest.approx(50 - 1.25 * 14)


# --- gap targets ----------------------------------------------------------------------------------------

def test_gap_targets_follow_the_disadvantage_so_lower_is_always_better() -> None:
    assert lower_is_better(goal(target_type="gap_at_most", target=2.0), "higher_better") is True
    assert lower_is_better(goal(target_type="value"), "higher_better") is False
    assert lower_is_better(goal(target_type="value"), "lower_better") is True


def test_gap_factor_halves_the_baseline_disadvantage() -> None:
    assert target_level(goal(target_type="gap_factor", target=0.5), 9.9) == pytest.approx(4.95)
    # An area already better than the city keeps the aim of staying at city level or better.
    assert target_level(goal(target_type="gap_factor", target=0.5), -3.7) == 0.0
    assert target_level(goal(target_type="gap_factor", target=0.5), None) is None
    assert target_level(goal(target_type="gap_at_most", target=2.0), 9.9) == 2.0


def rows(area: str, values: dict[int, tuple[float, float]], indicator: str = "Eenzaam") -> pd.DataFrame:
    return pd.DataFrame(
        [{"indicator_code": indicator, "age_group": "18plus", "area_id": area, "year": y, "value": v,
          "disadvantage": d} for y, (v, d) in values.items()]
    )


def test_gap_halved_on_track_on_a_hand_made_series() -> None:
    # Selwerd-like: disadvantage 9.9 in 2016, 8.1 in 2020; target 4.95 in 2030.
    data = rows("selwerd", {2012: (46.8, 8.2), 2016: (53.9, 9.9), 2020: (56.7, 8.1)})
    result = assess_goal(goal(target_type="gap_factor", target=0.5), index_series(data), "lower_better",
                         THRESHOLDS)["selwerd"]
    assert result.status is Status.ON_TRACK
    assert result.target == pytest.approx(4.95)
    assert result.ratio == pytest.approx((1.8 / 4) / (4.95 / 14))


def test_gap_at_most_uses_the_disadvantage_not_the_value() -> None:
    # The value rises (worse), but the city rises faster, so the disadvantage falls: progress on a gap goal.
    data = rows("noord", {2016: (49.0, 5.0), 2020: (52.8, 4.2)})
    result = assess_goal(goal(areas=("noord",), target_type="gap_at_most", target=2.0), index_series(data),
                         "lower_better", THRESHOLDS)["noord"]
    assert result.baseline == 5.0 and result.latest == 4.2
    assert result.ratio == pytest.approx((0.8 / 4) / (3.0 / 14))
    assert result.status is Status.AT_RISK


def test_gap_goal_met_by_an_area_better_than_the_city() -> None:
    data = rows("professorenbuurt", {2016: (40.3, -3.7), 2020: (46.6, -2.0)})
    result = assess_goal(goal(areas=("professorenbuurt",), target_type="gap_factor", target=0.5),
                         index_series(data), "lower_better", THRESHOLDS)["professorenbuurt"]
    assert result.status is Status.KEPT and result.keep and result.target == 0.0


def test_higher_is_better_gap_uses_the_signed_disadvantage() -> None:
    # Vrijwilligerswerk (higher is better): the build signs the disadvantage as city - value.
    data = rows("selwerd", {2016: (25.5, 4.3), 2020: (19.7, 2.9)}, indicator="Vrijwilligerswerk")
    result = assess_goal(goal(indicator="Vrijwilligerswerk", target_type="gap_at_most", target=1.0),
                         index_series(data), "higher_better", THRESHOLDS)["selwerd"]
    assert result.status is Status.ON_TRACK


def test_areas_without_rows_get_too_little_data() -> None:
    result = assess_goal(goal(areas=("nergens",)), index_series(rows("selwerd", {2016: (1.0, 1.0)})),
                         "lower_better", THRESHOLDS)
    assert result["nergens"].status is Status.NO_DATA


def test_summarise_counts_in_attention_order() -> None:
    counts = summarise([Status.ON_TRACK, Status.OFF_TRACK, Status.ON_TRACK, Status.NO_DATA])
    assert list(counts) == [Status.OFF_TRACK, Status.ON_TRACK, Status.NO_DATA]
    assert counts[Status.ON_TRACK] == 2
