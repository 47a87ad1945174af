"""Gebiedsmonitor and Programma-overzicht logic without Streamlit: sentences, colour scale, deep-link parsing,
tables and CSV, map payload, and the gebied_* queries on the real Groningen build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from wijkmonitor import db
from wijkmonitor.area_monitor import charts, colours, links, maps, sentences, tables, views
from wijkmonitor.common import export, fmt, indicators
from wijkmonitor.common import maps as common_maps
from wijkmonitor.common.indicators import Indicator
from wijkmonitor.common.text import inert
from wijkmonitor.common.url_state import choose, parse_year, rejected_notice
from wijkmonitor.errors import DataUnavailable
from wijkmonitor.overview import matrix as overview

EENZAAM = Indicator("Eenzaam", "Eenzaam", "%", "lower_better", 1, True, "", "", "meedoen", "Meedoen")
VRIJWILLIG = Indicator("Vrijwilligerswerk", "Doet vrijwilligerswerk", "%", "higher_better", 1, True, "", "",
                       "meedoen", "Meedoen")
MANTELZORG = Indicator("Mantelzorger", "Mantelzorger", "%", "neutral", 1, False, "", "", "meedoen", "Meedoen")


def row(**values: object) -> dict[str, object]:
    base: dict[str, object] = {"value": None, "city_value": None, "gap": None, "prev_year": None, "prev_gap": None,
                               "trend": None, "judgement": None, "position": None, "kloof": None,
                               "prev_position": None}
    base.update(values)
    return base


# ------------------------------------------------------------------------------------------- numbers


def test_numbers_are_dutch() -> None:
    assert fmt.number(56.7) == "56,7"
    assert fmt.number(12345.678, 1) == "12.345,7"
    assert fmt.number(-0.04) == "0,0"
    assert fmt.value(48.6, "%") == "48,6%"
    assert fmt.value(1234, "aantal", 0) == "1.234"
    assert fmt.value(None, "%") == "geen gegevens"
    assert fmt.difference(8.14, "%") == "8,1 procentpunt"
    assert fmt.difference(-8.14, "%", signed=True) == "−8,1 procentpunt"
    assert fmt.difference(0.0, "%", signed=True) == "0,0 procentpunt"
    assert fmt.lower_first("Eenzaam") == "eenzaam"
    assert fmt.lower_first("BMI hoog") == "BMI hoog"


# ----------------------------------------------------------------------------------------- sentences


def test_sentence_worse_than_city_with_closing_gap() -> None:
    text = sentences.gap_sentence("Selwerd", EENZAAM, 2020, row(
        value=56.7, city_value=48.6, gap=8.1, prev_year=2016, prev_gap=9.9, trend="kleiner", judgement="verbeterd",
        position="slechter", prev_position="slechter", kloof="kleiner"))
    assert text == ("In Selwerd is 56,7% eenzaam, in de stad 48,6%: een kloof van 8,1 procentpunt (slechter dan de "
                    "stad). In 2016 was Selwerd 9,9 procentpunt slechter dan de stad; Selwerd is dus vooruitgegaan "
                    "ten opzichte van de stad: de kloof is kleiner geworden.")


def test_sentence_better_than_city_says_whether_it_improved() -> None:
    text = sentences.gap_sentence("Ten Boer", EENZAAM, 2020, row(
        value=38.6, city_value=48.6, gap=-10.0, prev_year=2016, prev_gap=-8.0, trend="groter", judgement="verbeterd",
        position="beter"))
    assert "10,0 procentpunt beter dan de stad" in text
    assert "In 2016 was Ten Boer 8,0 procentpunt beter dan de stad; Ten Boer is dus vooruitgegaan" in text
    assert "kloof" not in text
    shrinking = sentences.gap_sentence("Professorenbuurt", EENZAAM, 2020, row(
        value=46.6, city_value=48.6, gap=-2.0, prev_year=2016, prev_gap=-3.5, trend="kleiner",
        judgement="verslechterd", position="beter"))
    assert "achteruitgegaan ten opzichte van de stad." in shrinking and "kloof" not in shrinking


def test_sentence_higher_better_and_crossing_the_city() -> None:
    text = sentences.gap_sentence("Beijum", VRIJWILLIG, 2020, row(
        value=24.0, city_value=22.6, gap=1.4, prev_year=2016, prev_gap=-2.0, trend="kleiner", judgement="verbeterd",
        position="beter", prev_position="slechter", kloof="gesloten"))
    assert text.startswith("In Beijum is 24,0% doet vrijwilligerswerk, in de stad 22,6%: 1,4 procentpunt beter")
    assert "In 2016 was Beijum 2,0 procentpunt slechter dan de stad; Beijum is dus vooruitgegaan" in text
    assert text.endswith("de kloof van toen is gesloten.")


def test_sentence_equal_and_neutral_and_first_edition() -> None:
    equal = sentences.gap_sentence("De Wijert", EENZAAM, 2020, row(
        value=48.9, city_value=48.6, gap=0.3, prev_year=2016, prev_gap=0.5, trend="gelijk", judgement="gelijk",
        position="gelijk", prev_position="gelijk"))
    assert "ongeveer gelijk aan de stad (verschil 0,3 procentpunt)" in equal
    assert "In 2016 was De Wijert ongeveer gelijk aan de stad (verschil 0,5 procentpunt)" in equal
    assert "gelijk gebleven ten opzichte van de stad." in equal
    neutral = sentences.gap_sentence("Selwerd", MANTELZORG, 2020, row(
        value=11.1, city_value=13.0, gap=-1.9, prev_year=2016, prev_gap=-2.4, trend="gelijk", judgement="neutraal",
        position="neutraal"))
    assert "1,9 procentpunt lager dan de stad" in neutral
    assert "In 2016 was Selwerd 2,4 procentpunt lager dan de stad." in neutral
    assert "slechter" not in neutral and "beter" not in neutral and "vooruit" not in neutral
    first = sentences.gap_sentence("Selwerd", EENZAAM, 2020, row(
        value=13.6, city_value=9.5, gap=4.1, position="slechter"))
    assert first.endswith("Er is geen eerdere meting om mee te vergelijken.")


def test_sentence_missing_values() -> None:
    assert sentences.gap_sentence("Selwerderhof", EENZAAM, 2020, None, 48.6) == (
        "Voor Selwerderhof zijn er in 2020 geen gegevens over ‘eenzaam’ (in de stad: 48,6%).")
    assert "en voor de stad" in sentences.gap_sentence("X", EENZAAM, 2020, row(), None)
    assert "geen cijfer, dus geen kloof" in sentences.gap_sentence("X", EENZAAM, 2020, row(value=50.0), None)


def test_method_notes() -> None:
    weighted = {"method": "gewogen", "weight_indicator": "AantalInwoners", "weight_year": 2017, "n_members": 2,
                "n_used": 1}
    assert sentences.method_note(weighted) == (
        "Gewogen gemiddelde van de buurten (gewogen met inwoners 2017); 1 van de 2 buurten heeft gegevens.")
    unweighted = {"method": "ongewogen", "weight_indicator": None, "weight_year": None, "n_members": 7, "n_used": 7}
    assert sentences.method_note(unweighted).startswith("Ongewogen gemiddelde")
    assert "alle 7 buurten" in sentences.method_note(unweighted)
    assert indicators.method_short(weighted) == "gewogen met inwoners 2017"
    assert indicators.members_short(weighted) == "1 van 2"
    assert sentences.method_note({"method": None}) == ""


def test_map_sentence_counts_positions_and_missing() -> None:
    rows = pd.DataFrame({
        "name": ["A", "B", "C", "D"], "geojson": ["{}", "{}", "{}", None], "value": [60.0, 40.0, None, 50.0],
        "gap": [11.4, -8.6, None, 1.4], "disadvantage": [11.4, -8.6, None, 1.4],
        "position": ["slechter", "beter", None, "slechter"],
    })
    text = sentences.map_sentence(rows, EENZAAM, "buurt", 2020, 2022)
    assert text.startswith("Op de kaart (buurten, 2020): 2 slechter dan de stad, 1 beter en 0 ongeveer gelijk.")
    assert "A (60,0%, 11,4 procentpunt slechter dan de stad)" in text
    assert "Voor 1 buurt zijn er geen gegevens (grijs)." in text
    assert "1 buurt met gegevens staan niet op de kaart" in text


# ------------------------------------------------------------------------------------------- colours


def test_scale_orientation_follows_polarity() -> None:
    values = pd.Series([40.0, 45.0, 48.6, 52.0, 60.0])
    lower = colours.scale_for(values, 48.6, "lower_better", "%", 1)
    higher = colours.scale_for(values, 48.6, "higher_better", "%", 1)
    assert lower.kind == higher.kind == "diverging"
    # Above the city: worse (orange, low index) when lower is better, better (purple) when higher is better.
    assert lower.index(60.0) == 0 and lower.colour(60.0) == colours.PUOR_7[0]
    assert higher.index(60.0) == 6 and higher.colour(60.0) == colours.PUOR_7[6]
    assert lower.index(48.6) == higher.index(48.6) == 3
    assert lower.index(40.0) == 6 and higher.index(40.0) == 0
    assert lower.colour(None) == colours.MISSING == lower.colour(float("nan"))


def test_neutral_indicator_gets_sequential_scale_and_legend_with_numbers() -> None:
    values = pd.Series([5.0, 9.0, 11.0, 16.0, 22.0])
    scale = colours.scale_for(values, 9.9, "neutral", "%", 1)
    assert scale.kind == "sequential"
    indexes = [scale.index(v) for v in values]
    assert None not in indexes
    assert indexes == sorted(i for i in indexes if i is not None) and scale.colour(22.0) == colours.BLUES_5[-1]
    labels = [item.label for item in colours.legend(scale)]
    assert labels[0].startswith("lager dan") and labels[-1] == "geen gegevens"
    assert all("slechter" not in label and "beter" not in label for label in labels)


def test_diverging_legend_names_real_values() -> None:
    scale = colours.scale_for(pd.Series([40.0, 45.0, 52.0, 60.0, 75.0]), 48.6, "lower_better", "%", 1)
    items = colours.legend(scale)
    assert [i.colour for i in items[:-1]] == list(colours.PUOR_7)
    assert "slechter" in items[0].label and "beter" in items[6].label and "verschil" in items[3].label
    assert items[3].values == f"({fmt.value(48.6 - scale.step, '%')} tot {fmt.value(48.6 + scale.step, '%')})"
    html_text = colours.legend_html(scale)
    assert "Verschil met de stad (48,6%)" in html_text and "geen gegevens" in html_text
    assert colours.nice_step(3.3) == 5.0 and colours.round_step(3.3) == 2.5 and colours.round_step(0.0) == 0.1


# ------------------------------------------------------------------------------------------ deep links

def _catalog() -> indicators.Catalog:
    frame = pd.DataFrame([
        {"indicator_code": "Eenzaam", "label": "Eenzaam", "unit": "%", "polarity": "lower_better", "decimals": 1,
         "headline": True, "definition": "", "source": "", "theme_id": "meedoen", "theme_name": "Meedoen",
         "age_group": "18plus", "age_label": "18 jaar en ouder", "years": [2012, 2016, 2020]},
        {"indicator_code": "Eenzaam", "label": "Eenzaam", "unit": "%", "polarity": "lower_better", "decimals": 1,
         "headline": True, "definition": "", "source": "", "theme_id": "meedoen", "theme_name": "Meedoen",
         "age_group": "18-64", "age_label": "18 tot 65 jaar", "years": [2012, 2016]},
        {"indicator_code": "Mantelzorger", "label": "Mantelzorger", "unit": "%", "polarity": "neutral",
         "decimals": 1, "headline": False, "definition": "", "source": "", "theme_id": "meedoen",
         "theme_name": "Meedoen", "age_group": "18plus", "age_label": "18 jaar en ouder", "years": [2016, 2020]},
    ])
    return indicators.catalog(frame)


def _units() -> indicators.Units:
    return indicators.units(pd.DataFrame({
        "unit_code": ["selwerd", "WK001410", "BU00141000"], "unit_name": ["Selwerd", "Selwerd", "Selwerd"],
        "unit_type": ["area", "wijk", "buurt"], "kind": ["wijkvernieuwingswijk", None, None],
    }))


def test_deep_link_valid_values_are_taken() -> None:
    chosen, messages = links.parse({"indicator": "Mantelzorger", "age": "18plus", "year": "2016",
                                    "area": "bu00141000", "level": "wijk"}, _catalog(), _units())
    assert messages == []
    assert chosen == links.Selection("meedoen", "Mantelzorger", "18plus", 2016, "wijk", "BU00141000")
    assert links.to_params(chosen) == {"indicator": "Mantelzorger", "age": "18plus", "year": "2016",
                                       "level": "wijk", "area": "BU00141000"}


def test_deep_link_defaults_without_parameters() -> None:
    chosen, messages = links.parse({}, _catalog(), _units())
    assert messages == []
    assert (chosen.indicator, chosen.age, chosen.year, chosen.level, chosen.area) == (
        "Eenzaam", "18plus", 2020, "buurt", "selwerd")


@pytest.mark.parametrize(("raw", "name"), [
    ({"indicator": "Onbekend"}, "de indicator"),
    ({"indicator": "Eenzaam' or 1=1 --"}, "de indicator"),
    ({"indicator": "x" * 500}, "de indicator"),
    ({"age": "18+"}, "de leeftijdsgroep"),
    ({"year": "2099"}, "het jaar"),
    ({"year": "2020.0"}, "het jaar"),
    ({"year": "２０２０"}, "het jaar"),
    ({"year": "2020; drop table gaps"}, "het jaar"),
    ({"area": "<script>alert(1)</script>"}, "het gebied"),
    ({"level": "x"}, "het kaartniveau"),
])
def test_deep_link_bad_values_fall_back_with_a_message(raw: dict[str, str], name: str) -> None:
    chosen, messages = links.parse(raw, _catalog(), _units())
    assert len(messages) == 1 and name in messages[0]
    assert chosen.indicator in ("Eenzaam", "Mantelzorger") and chosen.year in (2016, 2020)
    assert chosen.level in ("buurt", "wijk") and chosen.area in ("selwerd", "WK001410", "BU00141000")
    # Echoed values are inert Markdown: no tag, no link syntax, no long strings.
    assert "<script>" not in messages[0] and "](" not in messages[0] and "x" * 50 not in messages[0]


def test_deep_link_year_of_another_age_group_falls_back() -> None:
    chosen, messages = links.parse({"age": "18-64", "year": "2020"}, _catalog(), _units())
    assert (chosen.age, chosen.year) == ("18-64", 2016)
    assert len(messages) == 1 and "2020" in messages[0]


def test_param_helpers() -> None:
    assert choose(None, ["a", "b"], "a").value == "a"
    assert choose(["a", "b"], ["a", "b"], "a").value == "b"  # a repeated name: the last one counts
    assert choose("B", ["a", "b"], "a").value == "b"
    assert choose("c", ["a", "b"], "a").rejected == "c"
    assert choose("2020", [2016, 2020], 2016, parse=parse_year).value == 2020
    assert parse_year("0x7e4") is None and parse_year("+2020") is None
    assert inert("[klik](javascript:alert(1))") == r"\[klik\]\(javascript\:alert\(1\)\)"
    assert inert("<b>" + "a" * 100).endswith("…") and "<" not in inert("<b>").replace("\\<", "")
    notice = {"template": "{what} ‘{value}’ → {fallback}", "what": "jaar", "fallback": "2020", "too_long": "(lang)"}
    assert rejected_notice("*x*", **notice) == r"jaar ‘\*x\*’ → 2020"
    assert rejected_notice("x" * 65, **notice) == "jaar ‘(lang)’ → 2020"


# --------------------------------------------------------------------------------------- tables and CSV


def test_map_table_orders_by_disadvantage_and_csv_is_dutch_excel() -> None:
    rows = pd.DataFrame({
        "region_code": ["BU1", "BU2", "BU3"], "name": ["Een", "Twee", "Drie"], "value": [50.04, 60.0, None],
        "city_value": [48.6, 48.6, None], "gap": [1.44, 11.4, None], "disadvantage": [1.44, 11.4, None],
        "position": ["slechter", "slechter", None], "prev_year": [2016, 2016, None], "prev_gap": [2.0, 9.0, None],
        "trend": ["kleiner", "groter", None], "judgement": ["verbeterd", "verslechterd", None],
        "kloof": ["kleiner", "groter", None],
        "boundary_year": [2022, 2022, 2022],
    })
    table = tables.map_table(rows, EENZAAM, "18 jaar en ouder", 2020)
    assert list(table["Gebied"]) == ["Twee", "Een", "Drie"]
    assert table["Waarde (%)"].iloc[1] == pytest.approx(50.0)
    assert table["Ten opzichte van de stad"].iloc[2] == "geen gegevens"
    assert "Verschil met de stad (procentpunt)" in table.columns
    csv = export.csv_bytes(table).decode("utf-8-sig")
    header, first = csv.splitlines()[:2]
    assert header.split(";")[:3] == ["Gebied", "Code", "Waarde (%)"]
    assert first.startswith("Twee;BU2;60,0;48,6;11,4;slechter;2016;9,0;▼ achteruitgegaan ten opzichte van de "
                            "stad;kloof groter geworden;;2022;Eenzaam;")
    assert export.csv_bytes(table).startswith("\ufeff".encode())


def test_trend_table_keeps_city_years_without_a_unit_value() -> None:
    unit_rows = pd.DataFrame({"year": [2016], "value": [53.9], "city_value": [44.0], "gap": [9.9],
                              "position": ["slechter"], "trend": [None], "method": ["gewogen"],
                              "weight_indicator": ["AantalInwoners"], "weight_year": [2017], "n_members": [2],
                              "n_used": [1]})
    city_rows = pd.DataFrame({"year": [2012, 2016], "city_value": [38.6, 44.0]})
    table = tables.trend_table(unit_rows, city_rows, EENZAAM, "Selwerd", "18 jaar en ouder")
    assert list(table["Jaar"]) == [2012, 2016]
    assert list(table["Ten opzichte van de stad"]) == ["geen gegevens", "slechter"]
    assert table["Berekening"].iloc[1] == "gewogen met inwoners 2017"


def test_markers_only_for_interventions_aimed_at_the_indicator() -> None:
    markers = pd.DataFrame({"name": ["Wijkbedrijf", "Buurtbemiddeling"],
                            "start_date": pd.to_datetime(["2017-01-01", "2019-01-01"]),
                            "status": ["lopend", "lopend"], "is_example": [True, True],
                            "aims_at_indicator": [True, False]})
    assert list(charts.aimed_markers(markers)["name"]) == ["Wijkbedrijf"]
    text = sentences.markers_sentence(markers, EENZAAM)
    assert "Wijkbedrijf (2017)" in text and "Nog 1 andere" in text
    none_aimed = sentences.markers_sentence(markers.assign(aims_at_indicator=False), EENZAAM)
    assert "geen ervan noemt ‘eenzaam’" in none_aimed
    assert sentences.markers_sentence(markers.iloc[0:0], EENZAAM) == ""
    assert sentences.markers_sentence(markers, EENZAAM, drawn=False).startswith("In het register staan 2 interventies")
    assert list(tables.markers_table(markers)["Noemt deze indicator als doel"]) == ["ja", "nee"]


# ------------------------------------------------------------------------------ on the Groningen build


def test_map_of_all_buurten_is_small_and_has_no_basemap(groningen_db: Path) -> None:
    cat = indicators.catalog(db.run(groningen_db, "indicator_options"))
    rows = db.run(groningen_db, "area_monitor_map", indicator="Eenzaam", age_group="18plus", year=2020, level="buurt")
    outlines = db.run(groningen_db, "area_outlines")
    areas = common_maps.dissolve(outlines)
    city = db.run(groningen_db, "city_trend", indicator="Eenzaam", age_group="18plus")
    view = views.map_view(rows, city, cat.indicators["Eenzaam"], "18 jaar en ouder", 2020, "buurt", areas,
                          "selwerd", common_maps.membership(outlines))
    assert view.deck is not None and view.boundary_year == 2022
    spec = view.deck.to_json()
    assert len(spec) < 300_000
    deck = json.loads(spec)
    # pydeck leaves None out of the JSON: no style and no provider means no basemap in Streamlit.
    assert deck.get("mapStyle") is None and deck.get("mapProvider") is None
    regions = deck["layers"][0]
    assert regions["id"] == maps.REGIONS_LAYER and len(regions["data"]["features"]) == len(rows)
    props = {f["properties"]["code"]: f["properties"] for f in regions["data"]["features"]}
    assert props["BU00141000"]["tip_value"] == "56,7%" and props["BU00141000"]["tip_city"] == "stad: 48,6%"
    assert props["BU00141000"]["title"] == "Selwerd (in Selwerd)"
    # Selwerderhof: the RIVM file publishes "." (secret), said in words and with its own swatch.
    assert props["BU00141004"]["tip_value"] == "niet gepubliceerd / geheim"
    assert props["BU00141004"]["fill"][:3] == list(colours.missing_colour("geheim")) != list(colours.MISSING)
    assert len(areas) == 11 and "groningen-noord" not in set(areas["area_id"])
    assert any(layer["@@type"] == "TextLayer" for layer in deck["layers"])


def test_overview_matrix_on_real_data(groningen_db: Path) -> None:
    cat = indicators.catalog(db.run(groningen_db, "indicator_options"))
    known = indicators.units(db.run(groningen_db, "units"))
    m = overview.matrix(db.run(groningen_db, "gap_areas_all"), cat, known)
    assert [c.indicator.code for c in m.columns] == [code for code, _a, _y in cat.headline_choices()]
    assert len(m.counted_areas()) == 11 and len(m.areas) == 12
    cell = m.cells[("selwerd", "Eenzaam")]
    assert cell["value"] == pytest.approx(56.7) and cell["kloof"] == "kleiner" and cell["judgement"] == "verbeterd"
    lines = overview.summary(m)
    first = "Eenzaam (18 jaar en ouder, 2020): 9 van de 11 wijken scoren slechter"
    assert any(line.startswith(first) for line in lines)
    html_text = overview.matrix_html(m)
    assert "gebiedsmonitor?indicator=Eenzaam&amp;age=18plus&amp;year=2020&amp;area=selwerd" in html_text
    assert "<caption>" in html_text and 'scope="row"' in html_text
    # Ten Boer's buurten have 2024 populations: weighted, so no area needs the unweighted fallback any more.
    assert "ongewogen" not in html_text
    notes = overview.notes(m)
    assert not any("ongewogen" in n for n in notes)
    assert any("gewogen met inwoners 2017, 2024" in n for n in notes)
    assert any(n.startswith("Selwerd: 1 van de 2 buurten heeft gegevens") for n in notes)
    table = overview.matrix_table(m)
    assert len(table) == len(m.areas) * len(m.columns)
    rows = db.run(groningen_db, "gap_areas_all")
    note = sentences.areas_method_note(rows[(rows["indicator_code"] == "Eenzaam") & (rows["age_group"] == "18plus")],
                                       2020)
    assert note.startswith("Gebiedswaarden zijn gemiddelden van hun buurten, gewogen met inwoners 2017")
    assert "gewogen met inwoners 2024" in note and "ongewogen" not in note
    assert "Selwerd: 1 van de 2 buurten met gegevens" in note


def test_gebied_queries_run_and_markers_need_the_registers(groningen_db: Path, tmp_path: Path) -> None:
    assert len(db.run(groningen_db, "units")) > 150
    assert len(db.run(groningen_db, "base_map", level="buurt")) > 100
    markers = db.run(groningen_db, "area_monitor_intervention_markers", unit_code="selwerd", indicator="Eenzaam")
    assert set(markers.columns) >= {"name", "start_date", "aims_at_indicator", "is_example"}
    # Without the register tables the query fails with the one error pages know how to handle.
    copy = tmp_path / "zonder_registers.duckdb"
    shutil.copy(groningen_db, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("drop table if exists intervention_areas")
        con.execute("drop table if exists interventions")
    with pytest.raises(DataUnavailable):
        db.run(copy, "area_monitor_intervention_markers", unit_code="selwerd", indicator="Eenzaam")
    db.close_all()


def test_charts_are_valid_plotly_with_gap_band_and_markers(groningen_db: Path) -> None:
    import plotly.graph_objects as go

    cat = indicators.catalog(db.run(groningen_db, "indicator_options"))
    ind = cat.indicators["Eenzaam"]
    city = db.run(groningen_db, "city_trend", indicator="Eenzaam", age_group="18plus")
    unit = db.run(groningen_db, "gap_trend_unit", unit_code="selwerd", indicator="Eenzaam", age_group="18plus")
    markers = pd.DataFrame({"name": ["Wijkbedrijf Selwerd"], "start_date": pd.to_datetime(["2017-01-01"])})
    trend = charts.trend_figure(unit, city, ind, "Selwerd", "Groningen", markers)
    spec = trend.to_dict()
    go.Figure(spec)  # validates what Streamlit will send
    again = trend.to_dict()
    # Computed once (the layout is the same object), but every caller gets its own trace dicts: plotly pops
    # a trace's "type" while it validates, and sessions render one cached figure at the same time.
    assert again["layout"] is spec["layout"] and again == spec
    assert all(a is not b for a, b in zip(again["data"], spec["data"], strict=True))
    assert [t.get("fill") for t in spec["data"]][:2] == [None, "tonexty"]
    assert spec["layout"]["shapes"][0]["x0"] == pytest.approx(2017.0)
    assert spec["layout"]["separators"] == ",."
    rows = db.run(groningen_db, "gap_areas_all")
    rows = rows[(rows["indicator_code"] == "Eenzaam") & (rows["age_group"] == "18plus")]
    order = charts.sort_areas(rows[rows["year"] == 2020], "lower_better")
    assert order[0] == "selwerd" and order[-1] == "ten-boer"
    multiples = charts.multiples_figure(rows, city, ind, order, {a: a for a in order}, 2020)
    go.Figure(multiples.to_dict())
    # Matched axes must not carry their own range, or plotly.js draws empty panels.
    layout = multiples.to_dict()["layout"]
    assert not [k for k, axis in layout.items() if k.startswith("xaxis") and "matches" in axis and "range" in axis]
