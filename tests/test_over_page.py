"""Over de data page with AppTest on the real Groningen build: catalogue, editions, build files, methods."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
from streamlit.testing.v1 import AppTest

from tests.bad_inputs.apptest import open_app
from tests.rendered import rendered
from wijkmonitor.config import DEFAULT_SOURCE

RAW = DEFAULT_SOURCE / "raw" / "rivm_50090NED_gezondheid_wijk_buurt_GM0014_rows.csv"


def open_over() -> AppTest:
    return open_app("pages/over-de-data.py")


def test_catalogue_lists_definition_polarity_source_and_licence(app_db: Path) -> None:
    at = open_over()
    assert not at.exception
    assert not at.error
    catalogue = at.dataframe[0].value
    eenzaam = catalogue[catalogue["Code"] == "Eenzaam"].iloc[0]
    assert eenzaam["Richting"] == "lager is beter"
    assert eenzaam["Thema"] == "Maatschappelijk meedoen"
    assert eenzaam["Jaren"] == "2012, 2016, 2020"
    assert eenzaam["Licentie en bronvermelding"] == "open data, bronvermelding RIVM/GGD'en/CBS"
    assert "De Jong-Gierveld" in eenzaam["Definitie"]
    assert catalogue[catalogue["Code"] == "Mantelzorger"].iloc[0]["Richting"] == "neutraal (geen oordeel)"
    credits = rendered("\n".join(m.value for m in at.markdown))
    assert "RIVM/GGD'en/CBS" in credits
    assert "CBS/PDOK, CC BY 4.0" in credits
    at.selectbox(key="over_theme").set_value("veilig").run()
    with duckdb.connect(str(app_db), read_only=True) as con:
        veilig = {code for (code,) in con.execute(
            "select indicator_code from indicators where theme_id = 'veilig' and in_catalogue").fetchall()}
    shown = set(at.dataframe[0].value["Code"])
    assert shown <= veilig and {"ErnstigeGeluidhinderDoorBuren", "Leefbaarometer", "MisdrijvenPer1000Inwoners"} <= shown


def test_editions_per_level(app_db: Path) -> None:
    at = open_over()
    editions = next(d.value for d in at.dataframe if "Leeftijd" in d.value.columns)
    row = editions[(editions["Indicator"] == "Eenzaam") & (editions["Leeftijd"] == "18 tot 65 jaar")].iloc[0]
    # The 18-64 file of 2020 is missing from the source: only 2012 and 2016.
    assert row["Gemeente"] == "2012, 2016"
    assert row["Wijken"] == "2012, 2016 (20 in 2016)"
    geluid = editions[editions["Indicator"] == "Ernstige geluidhinder door buren"]
    assert set(geluid["Gemeente"]) == {"2020"}


def test_build_metadata_names_files_with_their_checksums(app_db: Path) -> None:
    at = open_over()
    sources = next(d.value for d in at.dataframe if "Bestand" in d.value.columns)
    row = sources[sources["Bestand"] == "raw/rivm_50090NED_gezondheid_wijk_buurt_GM0014_rows.csv"].iloc[0]
    assert row["SHA-256"] == hashlib.sha256(RAW.read_bytes()).hexdigest()
    assert row["Rijen"] == "1.368"
    facts = at.table[-1].value
    assert set(facts.iloc[:, 0]) >= {"Gebouwd op", "Wijkmonitor-versie", "Bronmap"}


def test_methods_explain_gaps_weighting_and_status(app_db: Path) -> None:
    at = open_over()
    text = "\n".join(m.value for m in at.markdown)
    assert "procentpunten" in text and "gewogen gemiddelde" in text and "Ten Boer" in text
    assert "Nodig per jaar" in text
    # Ten Boer is weighted with its 2024 populations: no area needs the unweighted fallback any more.
    assert not any("ongewogen gemiddelde" in w.value for w in at.warning)
    weighting = next(t.value for t in at.table if "Berekening" in t.value.columns)
    ten_boer = weighting[weighting["Gebied"] == "Ten Boer"].iloc[0]
    assert ten_boer["Berekening"].startswith("gewogen") and ten_boer["Weegjaar inwoners"] == "2024"
    assert weighting[weighting["Gebied"] == "Selwerd"].iloc[0]["Weegjaar inwoners"] == "2017"
