"""Issue 10 on the pages: theme coverage, wijk-only sources, computed city values, the comparison with the
Netherlands, rates with their denominator, the age of the newest figure, trend breaks, and no request from
outside the machine. AppTest on the real Groningen build plus builders on hand-made rows and a hand-made build."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.bad_inputs.apptest import open_app
from tests.rendered import rendered
from tests.test_sources_derived import _build
from wijkmonitor import db
from wijkmonitor.area_monitor import breaks, maps, national, views
from wijkmonitor.common import indicators, page
from wijkmonitor.common import maps as common_maps
from wijkmonitor.config import PROJECT_ROOT
from wijkmonitor.overview import maps as overview_maps
from wijkmonitor.overview import matrix as overview

GEBIED = "pages/gebiedsmonitor.py"
OVER = "pages/over-de-data.py"


def text_of(at: AppTest) -> str:
    return rendered("\n".join([m.value for m in at.markdown] + [c.value for c in at.caption]
                               + [i.value for i in at.info] + [w.value for w in at.warning]))


def html_of(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def decks(at: AppTest) -> list[dict]:
    return [json.loads(d.proto.json) for d in at.get("deck_gl_json_chart")]


def one(path: Path, sql: str) -> object:
    with duckdb.connect(str(path), read_only=True) as con:
        row = con.execute(sql).fetchone()
    assert row is not None
    return row[0]


# ------------------------------------------------------------------------------- Programma-overzicht (real)

def test_overview_shows_veilig_with_real_figures_and_a_coverage_line_for_every_nplv_theme(app_db: Path) -> None:
    at = open_app("dashboard.py", theme="veilig")  # the matrix shows one theme at a time
    assert not at.exception and not at.error
    html = html_of(at)
    assert '<th scope="colgroup" colspan="3" class="wm-theme">Prettig en veilig samenleven</th>' in html or \
        "Prettig en veilig samenleven</th>" in html
    for label in ("Leefbaarheid (Leefbaarometer-score)", "Leefbaarheid: overlast en onveiligheid",
                  "Geregistreerde misdrijven per 1.000 inwoners"):
        assert f'<th scope="col">{label}<span' in html
    # Oosterparkwijk is whole wijk WK001404: its Leefbaarometer 2022 and its crime rate 2023, as the build has them.
    lbm = one(app_db, "select value from gaps where unit_code = 'oosterparkwijk' and indicator_code = "
                      "'Leefbaarometer' and year = 2022")
    crime = one(app_db, "select value from gaps where unit_code = 'oosterparkwijk' and indicator_code = "
                        "'MisdrijvenPer1000Inwoners' and year = 2023")
    row = re.search(r'<th scope="row"><a href="gebiedsmonitor\?area=oosterparkwijk".*?</tr>', html, re.S)
    assert row is not None
    cells = row.group(0)
    assert f"<strong>{_nl(lbm, 2)} score</strong>" in cells
    assert f"<strong>{_nl(crime, 1)} per 1.000 inwoners</strong>" in cells
    # The city reference of a wijk-only source is computed, and the header says so; the rate names its base.
    assert "stad: 4,16 score (berekend uit de wijken)" in html
    assert "(berekend uit de buurten); noemer: inwonertal 1 januari 2024" in html
    # Selwerd is not a whole wijk: the cell says "alleen per wijk" and why.
    selwerd = re.search(r'<th scope="row"><a href="gebiedsmonitor\?area=selwerd".*?</tr>', html, re.S)
    assert selwerd is not None and "alleen per wijk" in selwerd.group(0)
    assert "Waarom geen cijfer voor Selwerd? Selwerd beslaat geen hele wijken" in selwerd.group(0)
    text = text_of(at)
    assert "Het stadscijfer van leefbaarheid (Leefbaarometer-score) is berekend uit de wijken." in text
    # Every NPLV theme of config/programme.toml has a coverage line; those without figures name the sources.
    programme = tomllib.loads((PROJECT_ROOT / "config" / "programme.toml").read_text(encoding="utf-8"))
    lines = [rendered(m.value) for m in at.markdown if "**Kansen voor kinderen**" in m.value]
    assert lines
    for theme in (t for t in programme["themes"] if t.get("nplv")):
        assert f"**{theme['name']}**" in lines[0]
    kinderen = next(line for line in lines[0].splitlines() if "**Kansen voor kinderen**" in line)
    assert "nog geen cijfers" in kinderen and "CBS 85740NED: opleidingsniveau per wijk en buurt" in kinderen
    veilig = next(line for line in lines[0].splitlines() if "**Prettig en veilig samenleven**" in line)
    assert "nieuwste editie 2025" in veilig and "wijk" in veilig


def _nl(value: object, decimals: int) -> str:
    return f"{float(str(value)):.{decimals}f}".replace(".", ",")


# ---------------------------------------------------------------------------------- Gebiedsmonitor (real)

def test_wijk_only_indicator_draws_the_wijk_map_and_says_why_not_buurten(app_db: Path) -> None:
    at = open_app(GEBIED, indicator="Leefbaarometer", level="buurt", area="selwerd")
    assert not at.exception and not at.error
    assert at.radio(key="gebied_level").value == "wijk"
    assert any("alleen per wijk" in i.value and "de kaart toont de wijken" in i.value for i in at.info)
    deck = decks(at)[0]
    regions = next(layer for layer in deck["layers"] if layer["id"] == maps.REGIONS_LAYER)
    codes = {f["properties"]["code"] for f in regions["data"]["features"]}
    assert codes and all(code.startswith("WK0014") for code in codes)
    assert regions["data"]["features"][0]["properties"]["tip_city"] == "stad: 4,16 score (berekend uit de wijken)"
    text = text_of(at)
    # Selwerd has no value: why (area_wijk_coverage.note), and the city figure says it is computed.
    assert "Waarom geen cijfer voor Selwerd? Selwerd beslaat geen hele wijken: Nieuw-Noord" in text
    assert "het cijfer van de stad is berekend uit de wijken" in text
    assert "Nieuwste cijfer: 2022." in text


def test_leefbaarometer_offers_the_comparison_with_the_netherlands(app_db: Path) -> None:
    at = open_app(GEBIED, indicator="Leefbaarometer", area="oosterparkwijk", year="2022")
    assert not at.exception and not at.error
    assert "Vergeleken met Nederland" in [s.value for s in at.subheader]
    deviation = one(app_db, "select deviation from national_comparison where unit_code = 'oosterparkwijk' "
                            "and indicator_code = 'Leefbaarometer' and year = 2022")
    text = text_of(at)
    assert (f"Oosterparkwijk in 2022: 4,13 score, +{_nl(deviation, 2)} score ten opzichte van de landelijke "
            "referentie (4,10): beter dan Nederland.") in text
    assert "Groningen, berekend uit de wijken, in 2022:" in text
    assert "Nieuwste cijfer: 2022." in text
    assert not decks(at)[0].get("mapStyle") and decks(at)[0].get("mapProvider") in (None, "")


def test_rate_names_its_denominator_and_year(app_db: Path) -> None:
    at = open_app(GEBIED, indicator="MisdrijvenPer1000Inwoners", area="selwerd")
    assert not at.exception and not at.error
    captions = rendered(" ".join(c.value for c in at.caption))
    assert "(per 1.000 inwoners (inwonertal 1 januari 2024))" in captions
    assert "Nieuwste cijfer: 2023." in captions


def test_wijkprofiel_says_why_an_area_has_no_leefbaarometer_and_shows_the_wijk(app_db: Path) -> None:
    at = open_app("pages/wijkprofiel.py", area="selwerd")
    assert not at.exception and not at.error
    assert any(i.value.startswith("Geen cijfers van de Leefbaarometer voor dit gebied: Selwerd beslaat geen hele "
                                  "wijken") for i in at.info)
    assert any("berekend uit" in c.value and "de wijken" in c.value for c in at.caption)
    wijk = open_app("pages/wijkprofiel.py", area="WK001410")
    shown = [t.value for t in wijk.table if "Indicator" in t.value.columns]
    assert any("Leefbaarheid (Leefbaarometer-score)" in set(t["Indicator"]) for t in shown)
    assert not any(i.value.startswith("Geen cijfers van de Leefbaarometer") for i in wijk.info)


# ------------------------------------------------------------------------------------ Over de data (real)

def test_over_de_data_shows_coverage_per_theme_and_goal(app_db: Path) -> None:
    at = open_app(OVER, tab="dekking")
    assert not at.exception and not at.error
    themes = next(d.value for d in at.dataframe if "NPLV-thema" in d.value.columns)
    kinderen = themes[themes["Thema"] == "Kansen voor kinderen"].iloc[0]
    assert kinderen["Cijfers"] == "nee" and "CBS 85740NED" in kinderen["Ontbreekt / bronnen die het zouden vullen"]
    lbm = themes[themes["Indicator"] == "Leefbaarheid (Leefbaarometer-score)"].iloc[0]
    assert lbm["Niveaus"] == "wijk, gemeente, gebied" and lbm["Nieuwste editie"] == "2022"
    assert lbm["Jaren"] == "2002, 2008, 2012, 2014, 2016, 2018, 2020, 2022"
    goals = next(d.value for d in at.dataframe if "Doel" in d.value.columns)
    n_goals = one(app_db, "select count(distinct goal_id) from coverage where goal_id is not null")
    assert goals["Doel"].nunique() == n_goals and set(goals["Cijfers"]) <= {"ja", "nee"}


# ------------------------------------------------------------------------------- builders on hand-made rows

def _indicator(**extra: object) -> indicators.Indicator:
    base: dict[str, object] = dict(code="X", label="Score", unit="score", polarity="higher_better", decimals=2,
                                   headline=True, definition="", source="", theme_id="veilig",
                                   theme_name="Prettig en veilig samenleven")
    base.update(extra)
    return indicators.Indicator(**base)  # type: ignore[arg-type]


def test_map_level_follows_the_lowest_level() -> None:
    wijk_only = _indicator(lowest_level="wijk")
    assert wijk_only.levels == ("wijk",)
    level, message = indicators.map_level("buurt", wijk_only)
    assert level == "wijk" and message is not None and "Gevraagd waren de buurten" in message
    assert indicators.map_level("wijk", wijk_only) == ("wijk", None)
    assert indicators.map_level("buurt", _indicator()) == ("buurt", None)
    assert indicators.map_level(None, wijk_only) == ("wijk", None)


def test_rate_unit_text_states_denominator_and_year() -> None:
    rate = _indicator(unit="per 1.000 inwoners", denominator="AantalInwoners", denominator_year=2024)
    assert rate.unit_text == "per 1.000 inwoners (inwonertal 1 januari 2024)"
    assert _indicator().unit_text == "score"


def test_theme_coverage_never_leaves_a_theme_out() -> None:
    rows = pd.DataFrame([
        {"theme_id": "veilig", "theme_name": "Veilig", "nplv": True, "goal_id": None, "indicator_code": "A",
         "label": "Score A", "levels": "wijk;gemeente", "years": "2020;2022", "first_year": 2020,
         "newest_year": 2022, "has_figures": True, "wanted_sources": "enquete", "note": None},
        {"theme_id": "kinderen", "theme_name": "Kinderen", "nplv": True, "goal_id": None, "indicator_code": None,
         "label": None, "levels": None, "years": None, "first_year": None, "newest_year": None,
         "has_figures": False, "wanted_sources": "DUO", "note": "Nog geen cijfers. Bronnen: DUO."},
        {"theme_id": "context", "theme_name": "Context", "nplv": False, "goal_id": None, "indicator_code": "B",
         "label": "B", "levels": "buurt", "years": "2017", "first_year": 2017, "newest_year": 2017,
         "has_figures": True, "wanted_sources": None, "note": None},
    ])
    found = overview.theme_coverage(rows)
    assert [t.theme_id for t in found] == ["veilig", "kinderen"]
    assert rendered(found[0].line) == ("**Veilig**: 1 indicator (Score A); jaren 2020–2022, nieuwste editie 2022; "
                                       "niveaus: wijk, gemeente. Nog niet in de monitor: enquete.")
    assert rendered(found[1].line) == "**Kinderen**: Nog geen cijfers. Bronnen: DUO." and not found[1].has_figures


def test_national_lines_name_unit_and_computed_city() -> None:
    rows = pd.DataFrame([
        {"unit_type": "area", "unit_code": "a", "unit_name": "A", "year": 2022, "value": 4.0, "deviation": -0.1,
         "national_reference": 4.1, "position_nl": "slechter", "city_method": "berekend uit de wijken",
         "is_city": False},
        {"unit_type": "gemeente", "unit_code": "GM1", "unit_name": "Stad", "year": 2022, "value": 4.2,
         "deviation": 0.1, "national_reference": 4.1, "position_nl": "beter",
         "city_method": "berekend uit de wijken", "is_city": True},
    ])
    ind = _indicator(national_deviation="XAfw")
    assert national.lines(rows, ind, "A", "Stad", 2022) == [
        "A in 2022: 4,00 score, −0,10 score ten opzichte van de landelijke referentie (4,10): slechter dan Nederland.",
        "Stad, berekend uit de wijken, in 2022: 4,20 score, +0,10 score ten opzichte van de landelijke referentie "
        "(4,10): beter dan Nederland.",
    ]
    assert national.lines(rows, _indicator(), "A", "Stad", 2022) == []
    assert list(national.table(rows, ind)["Ten opzichte van Nederland"]) == ["slechter dan Nederland",
                                                                           "beter dan Nederland"]


# ------------------------------------------------------------------- trend breaks on a hand-made build

@pytest.fixture(scope="module")
def proefstad(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("proefstad_pages"))


def test_trend_break_is_marked_in_chart_table_and_sentence(proefstad: Path) -> None:
    cat = indicators.catalog(db.run(proefstad, "indicator_options"))
    rows = db.run(proefstad, "gap_trend_unit", unit_code="WK999902", indicator="Eenzaam", age_group="18plus")
    city = db.run(proefstad, "city_trend", indicator="Eenzaam", age_group="18plus")
    changes = db.run(proefstad, "area_monitor_definition_changes")
    found = breaks.breaks(rows, changes, "WK999902", "GM9999")
    assert found == [breaks.Break(2020, 2024, ("andere buurtindeling (erbij: BU99990202)",
                                               "Proefstad is uitgebreid"))]
    view = views.trend_view("Wijk 2", "wijk", "Proefstad", cat.indicators["Eenzaam"], "18 jaar en ouder", 2024,
                            rows, city, pd.DataFrame(columns=["name", "start_date", "status", "is_example",
                                                              "aims_at_indicator", "intervention_id"]),
                            changes, "WK999902", "GM9999")
    assert view.break_sentence.startswith("Let op: tussen 2020 en 2024 is de indeling veranderd (andere "
                                          "buurtindeling (erbij: BU99990202); Proefstad is uitgebreid)")
    assert view.figure is not None
    dashed = [s for s in view.figure.layout.shapes if s.line.dash == "dash"]
    assert len(dashed) == 1 and dashed[0].x0 == 2022
    assert "trendbreuk" in [a.text for a in view.figure.layout.annotations]
    column = dict(zip(view.table["Jaar"], view.table["Trendbreuk"], strict=True))
    assert column[2020] == "" and column[2024].startswith("ja, ten opzichte van 2020: andere buurtindeling")
    # WK999901 kept its buurten, but the city grew: a break all the same, for the city's reason only.
    rows_1 = db.run(proefstad, "gap_trend_unit", unit_code="WK999901", indicator="Eenzaam", age_group="18plus")
    assert breaks.breaks(rows_1, changes, "WK999901", "GM9999") == [
        breaks.Break(2020, 2024, ("Proefstad is uitgebreid",))]


@pytest.fixture()
def proefstad_app(proefstad: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("WIJKMONITOR_DB", str(proefstad))
    yield proefstad
    db.close_all()


def test_trend_break_is_on_the_page(proefstad_app: Path) -> None:
    at = open_app(GEBIED, indicator="Eenzaam", area="WK999902", age="18plus")
    assert not at.exception and not at.error
    assert any(w.value.startswith("Let op: tussen 2020 en 2024 is de indeling veranderd") for w in at.warning)
    trend = next(d.value for d in at.dataframe if "Trendbreuk" in d.value.columns)
    assert trend["Trendbreuk"].iloc[-1].startswith("ja, ten opzichte van 2020")


# ------------------------------------------------------------------------- nothing from outside the machine

def test_no_page_asks_for_a_basemap_or_an_icon_from_outside() -> None:
    assert not page.FAVICON.startswith(":material")  # a material favicon is fetched from fonts.gstatic.com
    empty = pd.DataFrame(columns=["area_id", "area_name", "geometry", "lon", "lat", "boundary_year"])
    deck = json.loads(overview_maps.programme_map(pd.DataFrame(columns=["name", "geojson"]), empty).to_json())
    assert deck.get("mapStyle") is None and deck.get("mapProvider") is None
    sources = [*(PROJECT_ROOT / "wijkmonitor").rglob("*.py"), PROJECT_ROOT / "dashboard.py",
               *(PROJECT_ROOT / "pages").glob("*.py")]
    for path in sources:
        code = path.read_text(encoding="utf-8")
        assert not re.search(r"cartocdn|fonts\.googleapis|fonts\.gstatic|page_icon=page\.icon", code), path
        # map_style=None alone still means a Carto basemap in Streamlit 1.67: every deck also drops the provider.
        assert code.count("map_provider=None") >= len(re.findall(r"map_style=None[,)]", code)), path


def test_map_names_that_would_overlap_are_left_out_at_the_first_zoom() -> None:
    # Selwerd and Paddepoel lie about 1 km apart: at city zoom (about 11.5) their names would overlap, at
    # street zoom (15) both fit; a name far away always fits; the first (most important) name always stays.
    labels = [("Selwerd", 6.555, 53.232), ("Paddepoel", 6.548, 53.235), ("Ten Boer", 6.69, 53.275)]
    assert common_maps.spaced(labels, 11.5) == [0, 2]
    assert common_maps.spaced(labels, 15.0) == [0, 1, 2]
    assert common_maps.spaced(labels[1:], 11.5) == [0, 1]
