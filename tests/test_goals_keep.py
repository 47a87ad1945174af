"""Goals judged as users read them (issue 11, item 4), on the real Groningen build: an area already better
than the city on a gap goal has to stay so, and chart, status and text say exactly that; the area x goal
matrix with a status filter; the interventions that name a goal's indicator in an area; Doelen's filters in
the URL."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.goals_built import built_goals
from tests.test_goals_page import _param, open_goals
from tests.test_interventions import hand_works_in
from wijkmonitor import db
from wijkmonitor.config import PROJECT_ROOT
from wijkmonitor.goals.view import GoalsView, build_view
from wijkmonitor.texts import doelen as txt

GOAL = "eenzaamheid-kloof-gehalveerd"


@pytest.fixture(scope="module")
def view(groningen_db: Path) -> GoalsView:
    def q(name: str):  # type: ignore[no-untyped-def]
        return db.run(groningen_db, name)

    return build_view(indicators=q("goals_indicators"), areas=q("renewal_areas_all"), themes=q("themes_all"),
                      ages=q("age_groups"), series=q("goals_series"), config=built_goals(groningen_db),
                      interventions=q("interventions_list"),
                      places=q("interventions_areas"))


def test_which_areas_are_better_than_the_city_at_baseline(view: GoalsView, groningen_db: Path) -> None:
    # From the gaps table itself: disadvantage <= 0 in the baseline year means as good as or better than the city.
    better = set()
    for goal in view.config.goals:
        if not goal.is_gap:
            continue
        for area in goal.areas:
            trend = db.run(groningen_db, "gap_trend_unit", unit_code=area, indicator=goal.indicator,
                           age_group=goal.age_group)
            base = trend[trend["year"] == goal.baseline_year]["disadvantage"].dropna()
            if len(base) and float(base.iloc[0]) <= 0:
                better.add((goal.id, area))
    # Eenzaamheid 18+ in 2016: Professorenbuurt 3,7 and Ten Boer 5,1 points better than the city.
    assert better == {(GOAL, "professorenbuurt"), (GOAL, "ten-boer")}
    keep = view.progress[view.progress["keep"].astype(bool)]
    assert set(zip(keep["goal_id"], keep["area_id"], strict=True)) == better


@pytest.mark.parametrize("area", ["professorenbuurt", "ten-boer"])
def test_better_than_the_city_path_status_and_text_agree(view: GoalsView, area: str) -> None:
    row = view.progress[(view.progress["goal_id"] == GOAL) & (view.progress["area_id"] == area)].iloc[0]
    assert row["baseline"] < 0 and row["latest"] < 0 and row["target"] == 0.0
    assert row["status"] == "behouden" and row["reason"] == "al_goed_gebleven"
    assert "al minstens zo goed" in row["reason_text"] and "zo te houden" in row["reason_text"]
    goal = view.config.goal(GOAL)
    assert goal is not None
    figure = view.figure(goal, area)
    names = [t.name for t in figure.data]
    # No dashed path up to the city level; a flat line at the target ("do not cross"), and no star to reach.
    assert txt.CHART_PATH not in names and txt.CHART_TARGET not in names
    (line,) = [t for t in figure.data if t.name == txt.CHART_KEEP]
    assert list(line.y) == [0.0, 0.0] and list(line.x) == [2016, 2030]
    lines = view.status_lines(goal, area)
    assert txt.status_text("behouden") in lines and "zo te houden" in lines


def test_an_area_worse_than_the_city_keeps_its_path(view: GoalsView) -> None:
    goal = view.config.goal(GOAL)
    assert goal is not None
    figure = view.figure(goal, "selwerd")
    (path,) = [t for t in figure.data if t.name == txt.CHART_PATH]
    assert list(path.y) == pytest.approx([9.9, 4.95])


def test_matrix_with_status_filter(view: GoalsView) -> None:
    goals = view.goals()
    matrix = view.matrix(goals).set_index(txt.COL_AREA_MATRIX)
    title = view.config.goal(GOAL).title  # type: ignore[union-attr]
    assert matrix.loc["Vinkhuizen", title] == txt.status_text("niet_op_koers")
    assert matrix.loc["Professorenbuurt", title] == txt.status_text("behouden")
    off = view.matrix(goals, ("niet_op_koers",)).set_index(txt.COL_AREA_MATRIX)
    expected = {view.labels.area_names[a] for a in view.progress.loc[view.progress["status"] == "niet_op_koers",
                                                                     "area_id"]}
    assert set(off.index) == expected
    assert all(cell in ("", txt.status_text("niet_op_koers")) for cell in off.to_numpy().ravel())


def test_goal_links_to_the_interventions_that_name_its_indicator(view: GoalsView) -> None:
    with (PROJECT_ROOT / "config" / "registers" / "voorbeeld" / "interventies.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    goal = view.config.goal(GOAL)
    assert goal is not None
    for area in goal.areas:
        expected = {r["name"] for r in rows if goal.indicator in r["goal_indicators"].split(";")
                    and hand_works_in(r["areas"], area)}
        assert {i.name for i in view.interventions(goal, area)} == expected, area
    assert "Buurt Fier" in {i.name for i in view.interventions(goal, "vinkhuizen")}


def test_doelen_filters_round_trip_with_status(app_db: Path) -> None:
    at = open_goals(partner="lefier", status="niet_op_koers,op_koers")
    assert not at.exception
    assert at.selectbox(key="doelen_partner").value == "lefier"
    assert at.multiselect(key="doelen_status").value == ["niet_op_koers", "op_koers"]
    at.selectbox(key="doelen_theme").set_value("meedoen").run()
    link = {k: v for k in ("partner", "theme", "area", "status") if (v := _param(at, k)) is not None}
    assert link == {"partner": "lefier", "theme": "meedoen", "status": "niet_op_koers,op_koers"}
    again = open_goals(**link)
    assert again.selectbox(key="doelen_theme").value == "meedoen"
    assert again.multiselect(key="doelen_status").value == ["niet_op_koers", "op_koers"]
    matrix = next(d.value for d in again.dataframe if txt.COL_AREA_MATRIX in d.value.columns)
    assert set(matrix.drop(columns=[txt.COL_AREA_MATRIX]).to_numpy().ravel()) <= {
        "", txt.status_text("niet_op_koers"), txt.status_text("op_koers")}
    bad = open_goals(status="<b>klaar</b>")
    assert not bad.exception and any("klaar" in i.value for i in bad.info)
