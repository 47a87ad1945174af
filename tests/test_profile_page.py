"""Wijkprofiel page with AppTest on the real Groningen build: figures equal the raw RIVM cells, deep links,
the ontwikkelkompas, registers (present, example-labelled, absent) and speed."""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.bad_inputs.apptest import open_app
from tests.rendered import rendered, rendered_frame
from wijkmonitor.config import DEFAULT_SOURCE

RAW = DEFAULT_SOURCE / "raw" / "rivm_50090NED_gezondheid_wijk_buurt_GM0014_rows.csv"
AGE_CODES = {"18plus": "20300", "65plus": "80200", "18-64": "53115"}


@cache
def raw_rows() -> pd.DataFrame:
    frame = pd.read_csv(RAW, dtype=str)
    return frame.apply(lambda column: column.str.strip())


def raw_cell(region: str, year: int, age: str, column: str) -> float:
    """One cell of the RIVM extract, e.g. ('BU00141000', 2020, '18plus', 'Eenzaam_28')."""
    rows = raw_rows()
    hit = rows[(rows["WijkenEnBuurten"] == region) & (rows["Perioden"] == f"{year}JJ00")
               & (rows["Leeftijd"] == AGE_CODES[age])]
    assert len(hit) == 1, (region, year, age)
    return float(hit.iloc[0][column])


def nl(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def open_profile(**params: str) -> AppTest:
    return open_app("pages/wijkprofiel.py", **params)


def table_with(at: AppTest, column: str, value: str) -> pd.DataFrame:
    for table in at.table:
        frame = rendered_frame(table.value)
        if column in frame.columns and value in set(frame[column]):
            return frame
    raise AssertionError(f"geen tabel met {value!r} in kolom {column!r}")


def test_buurt_profile_equals_the_raw_rivm_cells(app_db: Path) -> None:
    at = open_profile(area="BU00141000")
    assert not at.exception
    assert not at.error
    assert at.header[0].value == "Selwerd"
    compare = table_with(at, "Indicator", "Eenzaam")
    row = compare[compare["Indicator"] == "Eenzaam"].iloc[0]
    value = raw_cell("BU00141000", 2020, "18plus", "Eenzaam_28")
    city = raw_cell("GM0014", 2020, "18plus", "Eenzaam_28")
    assert row["Selwerd"] == f"{nl(value)}%"
    assert row["Groningen"] == f"{nl(city)}%"
    assert row["Verschil"] == f"+{nl(value - city)} procentpunt"
    assert row["Ten opzichte van de stad"] == "▼ slechter dan de stad"
    assert row["Jaar"] == "2020"


def test_ontwikkelkompas_sets_the_change_against_the_city(app_db: Path) -> None:
    at = open_profile(area="BU00141000")
    compass = table_with(at, "Ontwikkeling", "▲ vooruit t.o.v. de stad")
    row = compass[compass["Indicator"] == "Eenzaam"].iloc[0]
    change = raw_cell("BU00141000", 2020, "18plus", "Eenzaam_28") - raw_cell("BU00141000", 2016, "18plus",
                                                                               "Eenzaam_28")
    city = raw_cell("GM0014", 2020, "18plus", "Eenzaam_28") - raw_cell("GM0014", 2016, "18plus", "Eenzaam_28")
    assert row["Periode"] == "2016–2020"
    assert row["Verandering Selwerd"] == f"+{nl(change)} procentpunt"
    assert row["Verandering stad"] == f"+{nl(city)} procentpunt"
    # Loneliness rose less than in the city (2,8 against 4,6): for a lower-is-better indicator that is better.
    assert change < city - 0.5
    assert row["Ontwikkeling"] == "▲ vooruit t.o.v. de stad"


def test_age_group_choice_shows_that_age_groups_figures(app_db: Path) -> None:
    at = open_profile(area="BU00141000")
    at.radio(key="profiel_age").set_value("65plus").run()
    assert "65 jaar en ouder" in at.caption[0].value
    compare = table_with(at, "Indicator", "Eenzaam")
    row = compare[compare["Indicator"] == "Eenzaam"].iloc[0]
    assert row["Selwerd"] == f"{nl(raw_cell('BU00141000', 2020, '65plus', 'Eenzaam_28'))}%"


def test_deep_link_is_case_insensitive_and_the_url_follows_the_choice(app_db: Path) -> None:
    at = open_profile(area="wk001410")
    assert rendered(at.header[0].value) == "Nieuw-Noord"
    assert at.query_params["area"] == "WK001410"
    at.selectbox(key="profiel_unit").set_value("beijum").run()
    assert at.header[0].value == "Beijum"
    assert at.query_params["area"] == "beijum"


def test_unknown_area_falls_back_with_a_short_dutch_message(app_db: Path) -> None:
    at = open_profile(area="**nergens**")
    assert not at.exception
    assert "bestaat niet of heeft geen cijfers" in at.info[0].value
    assert r"\*\*nergens\*\*" in at.info[0].value  # echoed inert, not as Markdown
    assert at.header[0].value == "Selwerd"


def test_renewal_area_shows_weighting_and_example_registers(app_db: Path) -> None:
    at = open_profile(area="selwerd")
    assert "gewogen gemiddelde van 2 buurten" in " ".join(c.value for c in at.caption)
    assert any("Voorbeelddata" in w.value for w in at.warning)
    interventions = table_with(at, "Naam", "Wijkbedrijf Selwerd")
    assert set(interventions["Voorbeelddata"]) <= {"ja", "nee"}
    # Groningen-Noord-wide interventions belong to Selwerd too; Paddepoel's own do not.
    assert "Buurtbemiddeling" in set(interventions["Naam"])
    assert "Co-creatie Paddepoel" not in set(interventions["Naam"])
    process = table_with(at, "Soort activiteit", "bewonersavond")
    assert len(process) >= 3


def test_ten_boer_is_weighted_with_its_2024_populations(app_db: Path) -> None:
    at = open_profile(area="ten-boer")
    assert not at.exception and not any("ongewogen" in w.value for w in at.warning)
    assert "gewogen gemiddelde van 7 buurten" in " ".join(c.value for c in at.caption)


def test_downloads_and_print_styles_are_on_the_page(app_db: Path) -> None:
    at = open_profile(area="selwerd")
    keys = {element.proto.id for element in at.get("download_button")}
    assert len(keys) == 3
    assert any("@media print" in str(element.proto) for element in at.get("html"))


@pytest.fixture()
def db_without_registers(groningen_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the build with empty registers (a build without register files)."""
    copy = tmp_path / "zonder_registers.duckdb"
    shutil.copy(groningen_db, copy)
    con = duckdb.connect(str(copy))
    # The schema contract refuses a file without a table, so an older file's "no registers" means no rows.
    for table in ("intervention_results", "intervention_programmes", "intervention_areas", "interventions",
                  "process_log"):
        con.execute(f"delete from {table}")
    con.close()
    monkeypatch.setenv("WIJKMONITOR_DB", str(copy))
    return copy


def test_profile_tolerates_a_database_without_registers(db_without_registers: Path) -> None:
    at = open_profile(area="selwerd")
    assert not at.exception
    assert not at.error
    captions = " ".join(c.value for c in at.caption)
    assert "Geen interventies geregistreerd voor dit gebied." in captions
    assert "Geen procesactiviteiten geregistreerd voor dit gebied." in captions


def url_param(at: AppTest, name: str) -> str:
    value = at.query_params.get(name)
    return str(value[-1] if isinstance(value, list) else value)


def test_area_and_age_round_trip_through_the_url(app_db: Path) -> None:
    at = open_profile(area="lewenborg", age="65plus")
    assert not at.exception
    assert at.radio(key="profiel_age").value == "65plus"
    assert (url_param(at, "area"), url_param(at, "age")) == ("lewenborg", "65plus")
    at.radio(key="profiel_age").set_value("18-64").run()
    assert url_param(at, "age") == "18-64"
    # The copied link opens the same state in a new session.
    again = open_profile(area=url_param(at, "area"), age=url_param(at, "age"))
    assert again.radio(key="profiel_age").value == "18-64"
    assert again.selectbox(key="profiel_unit").value == "lewenborg"
