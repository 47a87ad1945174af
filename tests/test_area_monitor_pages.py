"""Programma-overzicht and Gebiedsmonitor with AppTest on the real Groningen build: figures checked against the
raw RIVM file, deep links (valid, unknown, malformed, hostile), widgets writing the URL, missing data, a build
without boundaries or registers, and rerun speed."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.bad_inputs.apptest import open_app
from tests.conftest import SOURCE
from tests.rendered import rendered
from wijkmonitor import db
from wijkmonitor.area_monitor import options
from wijkmonitor.config import PROJECT_ROOT

pytestmark = pytest.mark.usefixtures("fresh_streamlit_caches")

GEBIED = "pages/gebiedsmonitor.py"
OVERZICHT = "dashboard.py"
DASHBOARD = str(PROJECT_ROOT / "dashboard.py")
RAW = SOURCE / "raw" / "rivm_50090NED_gezondheid_wijk_buurt_GM0014_rows.csv"


def run_page(path: str, **params: str) -> AppTest:
    return open_app(path, **params)


def text_of(at: AppTest) -> str:
    return rendered("\n".join([m.value for m in at.markdown] + [c.value for c in at.caption]))


def table_with(at: AppTest, column: str, without: str = "\0") -> pd.DataFrame:
    """The first table on the page with this column (and without that one)."""
    for frame in at.dataframe:
        if column in frame.value.columns and without not in frame.value.columns:
            return frame.value
    raise AssertionError(f"geen tabel met kolom {column!r}")


def raw_value(region: str, year: int, age: str, column: str) -> float | None:
    """A value straight from the RIVM extract, CBS symbols read as missing."""
    with RAW.open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            if (record["WijkenEnBuurten"].strip() == region and record["Perioden"].strip() == f"{year}JJ00"
                    and record["Leeftijd"].strip() == age):
                cell = record[column].strip()
                return None if cell in ("", ".", "x") else float(cell)
    raise AssertionError(f"{region} {year} {age} niet in {RAW.name}")


def test_selwerd_gap_equals_the_raw_rivm_figures(app_db: Path) -> None:
    at = run_page(GEBIED)
    assert not at.exception and not at.error
    # Selwerd = BU00141000 + BU00141004; Selwerderhof (BU00141004) has no 2020 figures, so the area value is
    # BU00141000's own. 20300 is StatLine's code for 18 jaar en ouder.
    buurt = raw_value("BU00141000", 2020, "20300", "Eenzaam_28")
    missing = raw_value("BU00141004", 2020, "20300", "Eenzaam_28")
    city = raw_value("GM0014", 2020, "20300", "Eenzaam_28")
    assert missing is None and buurt == 56.7 and city == 48.6
    gap = round(buurt - city, 1)
    trend = next(f.value for f in at.dataframe
                 if "Buurten met gegevens" in f.value.columns and set(f.value["Gebied"]) == {"Selwerd"})
    latest = trend[trend["Jaar"] == 2020].iloc[0]
    assert latest["Gebied"] == "Selwerd"
    assert latest["Waarde (%)"] == pytest.approx(buurt)
    assert latest["Stad (%)"] == pytest.approx(city)
    assert latest["Verschil met de stad (procentpunt)"] == pytest.approx(gap)
    assert latest["Buurten met gegevens"] == "1 van 2"
    text = text_of(at)
    assert "In Selwerd is 56,7% eenzaam, in de stad 48,6%: een kloof van 8,1 procentpunt" in text
    assert ("In 2016 was Selwerd 9,9 procentpunt slechter dan de stad; Selwerd is dus vooruitgegaan ten opzichte "
            "van de stad: de kloof is kleiner geworden.") in text
    assert "gewogen met inwoners 2017" in text and "1 van de 2 buurten heeft gegevens" in text
    # The map table: the buurt with data, and Selwerderhof named as missing.
    map_table = table_with(at, "Grenzen van")
    by_code = map_table.set_index("Code")
    assert by_code.loc["BU00141000", "Waarde (%)"] == pytest.approx(buurt)
    # The reason the build recorded for the missing figure (missing_values), not a bare "geen gegevens".
    assert by_code.loc["BU00141004", "Ten opzichte van de stad"] == "niet gepubliceerd / geheim"
    assert set(map_table["Grenzen van"]) == {2022}
    assert {k: at.query_params[k] for k in ("indicator", "age", "year", "level", "area")} == {
        "indicator": "Eenzaam", "age": "18plus", "year": "2020", "level": "buurt", "area": "selwerd"}


def test_valid_deep_link_sets_every_widget(app_db: Path) -> None:
    at = run_page(GEBIED, indicator="Mantelzorger", age="65plus", year="2016", area="beijum", level="wijk")
    assert not at.exception
    assert not [w for w in at.warning if "bestaat hier niet" in w.value]
    assert at.selectbox(key="gebied_indicator").value == "Mantelzorger"
    assert at.selectbox(key="gebied_age").value == "65plus"
    assert at.selectbox(key="gebied_year").value == 2016
    assert at.radio(key="gebied_level").value == "wijk"
    assert at.selectbox(key="gebied_area").value == "beijum"
    assert "Op de kaart (wijken, 2016)" in text_of(at)
    # A neutral indicator: higher/lower, never better/worse.
    assert "hoger dan de stad" in text_of(at)


@pytest.mark.parametrize(("params", "expected"), [
    ({"indicator": "Bestaatniet"}, "de indicator ‘Bestaatniet’"),
    ({"year": "2099"}, "het jaar ‘2099’"),
    ({"level": "x"}, "het kaartniveau ‘x’"),
    ({"area": "<script>alert(1)</script>"}, "het gebied"),
    ({"indicator": "Eenzaam' OR 1=1; --"}, "de indicator"),
    ({"age": "18+"}, "de leeftijdsgroep"),
])
def test_bad_deep_links_fall_back_with_a_dutch_message(app_db: Path, params: dict[str, str], expected: str) -> None:
    at = run_page(GEBIED, **params)
    assert not at.exception and not at.error
    warnings = [w.value for w in at.warning if "bestaat hier niet" in w.value]
    assert len(warnings) == 1 and expected in warnings[0]
    assert "<script>" not in warnings[0]
    assert at.selectbox(key="gebied_indicator").value in ("Eenzaam", "Mantelzorger")
    # The URL is rewritten to what is shown.
    assert at.query_params["level"] in ("buurt", ["buurt"])


def test_widget_change_updates_the_url(app_db: Path) -> None:
    at = run_page(GEBIED)
    at.selectbox(key="gebied_indicator").select("Vrijwilligerswerk").run()
    assert not at.exception
    assert at.query_params["indicator"] in ("Vrijwilligerswerk", ["Vrijwilligerswerk"])
    at.selectbox(key="gebied_area").select("paddepoel").run()
    assert at.query_params["area"] in ("paddepoel", ["paddepoel"])
    assert "Ontwikkeling in Paddepoel" in [h.value for h in at.header]
    at.radio(key="gebied_level").set_value("wijk").run()
    assert at.query_params["level"] in ("wijk", ["wijk"])
    assert not at.warning or all("bestaat hier niet" not in w.value for w in at.warning)


def test_buurt_without_data_says_so(app_db: Path) -> None:
    at = run_page(GEBIED, area="BU00141004")
    assert not at.exception
    assert "Voor Selwerderhof zijn er in 2020 geen gegevens over ‘eenzaam’ (in de stad: 48,6%)." in text_of(at)
    assert any("Selwerderhof" in i.value for i in at.info)


def test_overview_shows_matrix_summary_and_weighting(app_db: Path) -> None:
    at = run_page(OVERZICHT)
    assert not at.exception and not at.error
    text = text_of(at)
    assert "Eenzaam (18 jaar en ouder, 2020): 9 van de 11 wijken scoren slechter dan de stad." in text
    # Ten Boer has 2024 buurt populations: every area is weighted, the note names both weight years.
    assert "ongewogen" not in text and "gewogen met inwoners 2017, 2024" in text
    html = "\n".join(h.proto.body for h in at.get("html"))
    assert "Selwerd" in html and "56,7%" in html and "kloof kleiner geworden" in html
    assert "vooruit t.o.v. de stad" in html


def test_pages_inside_the_navigation_keep_deep_links(app_db: Path) -> None:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.query_params["indicator"] = "Vrijwilligerswerk"
    at.query_params["area"] = "lewenborg"
    at.switch_page("pages/gebiedsmonitor.py").run()
    assert not at.exception
    assert at.selectbox(key="gebied_indicator").value == "Vrijwilligerswerk"
    assert at.selectbox(key="gebied_area").value == "lewenborg"


@pytest.fixture()
def bare_db(groningen_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the build as a national build looks: no boundaries, no renewal areas, no registers."""
    path = tmp_path / "zonder_kaart.duckdb"
    shutil.copy(groningen_db, path)
    with duckdb.connect(str(path)) as con:
        for table in ("boundaries", "map_years", "area_members", "renewal_areas", "area_values"):
            con.execute(f"delete from {table}")
        con.execute("delete from gaps where unit_type = 'area'")
        # The schema contract refuses a file without a table: a national build has the tables, without rows.
        for table in ("area_members_by_data_year", "area_wijk_coverage", "intervention_areas", "interventions"):
            con.execute(f"delete from {table}")
    monkeypatch.setenv("WIJKMONITOR_DB", str(path))
    yield path
    db.close_all()


def test_without_boundaries_pages_say_no_map_and_still_work(bare_db: Path) -> None:
    at = run_page(GEBIED, area="WK001410")
    assert not at.exception and not at.error
    infos = [i.value for i in at.info]
    assert any("geen kaart" in i for i in infos)
    assert any("geen wijkvernieuwingsgebieden" in i for i in infos)
    assert "In Nieuw-Noord is" in text_of(at) and "In de tabel (buurten, 2020)" in text_of(at)
    assert len(table_with(at, "Grenzen van")) > 100
    overview = run_page(OVERZICHT)
    assert not overview.exception and not overview.error
    assert any("geen wijkvernieuwingsgebieden" in i.value for i in overview.info)
    assert any("geen kaart" in i.value for i in overview.info)
    headlines = options.catalog(db.run(bare_db, "indicator_options")).headline_choices()
    assert len(table_with(overview, "Indicator")) == len(headlines) >= 8
