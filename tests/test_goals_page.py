"""Doelen page with AppTest on the real Groningen build, and the shipped goals' statuses on real data."""

from __future__ import annotations

from pathlib import Path

import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from tests.bad_inputs.apptest import open_app
from tests.rendered import rendered
from wijkmonitor import db
from wijkmonitor.config import PROJECT_ROOT
from wijkmonitor.goals.view import GoalsView, build_view


def open_goals(**params: str) -> AppTest:
    return open_app("pages/doelen.py", **params)


@pytest.fixture(scope="module")
def view(groningen_db: Path) -> GoalsView:
    return build_view(
        indicators=db.run(groningen_db, "goals_indicators"), areas=db.run(groningen_db, "renewal_areas_all"),
        themes=db.run(groningen_db, "themes_all"), ages=db.run(groningen_db, "age_groups"),
        series=db.run(groningen_db, "goals_series"),
    )


def goal_table(at: AppTest):  # type: ignore[no-untyped-def]
    """The goal x area table (the tab 'Tabel'; the matrix comes first and has no 'Status' column)."""
    return next(d.value for d in at.dataframe if "Status" in d.value.columns)


def status(view: GoalsView, goal: str, area: str) -> str:
    rows = view.progress[(view.progress["goal_id"] == goal) & (view.progress["area_id"] == area)]
    assert len(rows) == 1
    return str(rows.iloc[0]["status"])


def test_shipped_goals_on_real_data(view: GoalsView, groningen_db: Path) -> None:
    # Selwerd, Eenzaam 18+: the disadvantage fell from 9,9 (2016) to 8,1 (2020); halving it by 2030 needs
    # 0,35 a year and 0,45 a year was achieved.
    gaps = db.run(groningen_db, "gap_trend_unit", unit_code="selwerd", indicator="Eenzaam", age_group="18plus")
    by_year = dict(zip(gaps["year"], gaps["disadvantage"], strict=True))
    row = view.progress[(view.progress["goal_id"] == "eenzaamheid-kloof-gehalveerd")
                        & (view.progress["area_id"] == "selwerd")].iloc[0]
    assert row["baseline"] == pytest.approx(by_year[2016])
    assert row["latest"] == pytest.approx(by_year[2020])
    expected_ratio = ((by_year[2016] - by_year[2020]) / 4) / ((by_year[2016] / 2) / 14)
    assert row["ratio"] == pytest.approx(expected_ratio)
    assert row["status"] == "op_koers"
    assert status(view, "eenzaamheid-kloof-gehalveerd", "paddepoel") == "risico"
    assert status(view, "eenzaamheid-kloof-gehalveerd", "vinkhuizen") == "niet_op_koers"
    assert status(view, "eenzaamheid-kloof-gehalveerd", "professorenbuurt") == "behouden"
    assert status(view, "vrijwilligerswerk-noord", "groningen-noord") == "niet_op_koers"
    assert status(view, "gezondheid-npg", "lewenborg") == "op_koers"
    # Geluidhinder door buren exists only for 2020: one edition never gives a status.
    assert set(view.progress[view.progress["goal_id"] == "geluidhinder-buren"]["status"]) == {
        "onvoldoende_gegevens"}


def test_goal_figures_are_valid_plotly(view: GoalsView) -> None:
    for figure in view.figures.values():
        go.Figure(figure.to_dict())  # the builder skips validation; this runs it


def test_page_shows_every_goal_with_status_in_words_and_symbols(app_db: Path) -> None:
    at = open_goals()
    assert not at.exception
    assert not at.error
    titles = [s.value for s in at.subheader]
    assert len(titles) == 7
    assert any("Voorbeelddoelen" in w.value for w in at.warning)
    text = rendered("\n".join(m.value for m in at.markdown))
    assert "**Selwerd:** ✓ op koers." in text
    assert "**Paddepoel:** ! risico." in text
    assert "**Groningen-Noord (alle NPLV-wijken samen):** ✗ niet op koers. De ontwikkeling gaat de verkeerde " \
           "kant op." in text
    assert "? onvoldoende gegevens. Er is nog alleen een meting uit het basisjaar 2020" in text
    table = goal_table(at)
    assert len(table) == 29
    assert "✓ op koers" in set(table["Status"])


def test_deep_link_selects_one_goal(app_db: Path) -> None:
    at = open_goals(goal="rondkomen-kloof-2pp")
    assert [rendered(s.value) for s in at.subheader] == ["Minder geldzorgen: kloof hooguit 2 procentpunt · "
                                               "voorbeeldstreefwaarde"]
    assert "U ziet één doel uit een link." in [c.value for c in at.caption]
    assert len(goal_table(at)) == 5
    at.button(key="doelen_show_all").click().run()
    assert len(at.subheader) == 7
    assert "goal" not in at.query_params


def test_unknown_goal_falls_back_to_all_goals(app_db: Path) -> None:
    at = open_goals(goal="bestaat-niet")
    assert not at.exception
    assert "bestaat niet (meer)" in at.info[0].value
    assert len(at.subheader) == 7


def test_filters_by_partner_theme_and_area(app_db: Path) -> None:
    at = open_goals()
    at.selectbox(key="doelen_partner").set_value("politie").run()
    assert [s.value.split(" · ")[0] for s in at.subheader] == ["Minder ernstige geluidhinder door buren"]
    at.selectbox(key="doelen_partner").set_value(None).run()
    at.selectbox(key="doelen_theme").set_value("gezondheid").run()
    assert len(at.subheader) == 2
    at.selectbox(key="doelen_theme").set_value(None).run()
    at.selectbox(key="doelen_area").set_value("selwerd").run()
    table = goal_table(at)
    assert set(table["Gebied"]) == {"Selwerd"}
    assert len(table) == 4


def test_method_is_explained_with_the_configured_thresholds(app_db: Path) -> None:
    at = open_goals()
    method = next(m.value for m in at.markdown if "Nodig per jaar" in m.value)
    assert "verhouding 0,95 of meer" in method
    assert "verhouding van 0,60 tot 0,95" in method




def test_a_broken_goals_file_gives_a_dutch_message_naming_the_key(
    app_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "goals.toml"
    text = (PROJECT_ROOT / "config" / "goals.toml").read_text(encoding="utf-8")
    broken.write_text(text.replace('indicator = "Eenzaam"', 'indicator = "Eenzam"', 1), encoding="utf-8")
    monkeypatch.setattr("wijkmonitor.goals.config.DEFAULT_GOALS", broken)
    at = open_goals()
    assert not at.exception
    message = at.error[0].value
    assert "bevat 1 fout(en)" in message
    assert "sleutel 'indicator': onbekende indicator 'Eenzam'" in message
    assert "(bedoelt u 'Eenzaam'?)" in message


def test_a_build_for_another_gemeente_says_no_goals_apply(
    tmp_path: Path, source_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from wijkmonitor.build import BuildOptions, build
    from wijkmonitor.config import DEFAULT_BOUNDARIES, DEFAULT_CONFIG_DIR

    config_dir = tmp_path / "config"
    shutil.copytree(DEFAULT_CONFIG_DIR, config_dir)
    (config_dir / "sources.toml").write_text(
        '[[sources]]\nid = "rivm"\nadapter = "statline"\n'
        'paths = ["national/rivm_50090NED/RIVM_gezondheid2020_65+.xlsx"]\n', encoding="utf-8")
    path = tmp_path / "amsterdam.duckdb"
    build(BuildOptions(source=str(source_dir), db=path, gemeente="GM0363", config_dir=config_dir,
                       boundaries=DEFAULT_BOUNDARIES), progress=lambda _l: None)
    monkeypatch.setenv("WIJKMONITOR_DB", str(path))
    at = open_goals()
    assert not at.exception and not at.error
    assert any("geen doelen" in i.value for i in at.info)


def _param(at: AppTest, name: str) -> str | None:
    value = at.query_params.get(name)
    return None if value is None else str(value[-1] if isinstance(value, list) else value)


def test_filters_round_trip_through_the_url(app_db: Path) -> None:
    at = open_goals(partner="gemeente", area="selwerd")
    assert not at.exception
    assert at.selectbox(key="doelen_partner").value == "gemeente"
    assert at.selectbox(key="doelen_area").value == "selwerd"
    assert (_param(at, "partner"), _param(at, "area"), _param(at, "theme")) == ("gemeente", "selwerd", None)
    # Clearing a filter removes it from the address bar; setting another adds it.
    at.selectbox(key="doelen_area").set_value(None).run()
    assert _param(at, "area") is None and _param(at, "partner") == "gemeente"
    copied = {k: v for k in ("partner", "theme", "area") if (v := _param(at, k)) is not None}
    again = open_goals(**copied)
    assert again.selectbox(key="doelen_partner").value == "gemeente"
    assert again.selectbox(key="doelen_area").value is None
