"""Derived figures on a hand-made municipality: rates as ratios of sums, wijk-only sources, the computed city
reference, trend breaks where a definition changes, coverage, and the checks on areas per boundary year."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.dbread import query_rows as _rows
from tests.fixtures_build import make_municipality, write_long_csv
from wijkmonitor.build import BuildOptions, build
from wijkmonitor.config import DEFAULT_BOUNDARIES
from wijkmonitor.errors import BuildError

PROGRAMME = """
[gemeente]
code = "GM9999"
name = "Proefstad"

[gaps]
stable_tolerance = 0.5
area_boundary_year = 2022
area_boundary_years = [2024]

[[themes]]
id = "veilig"
name = "Prettig en veilig samenleven"
nplv = true
wanted_sources = ["eigen enquete: onveiligheidsgevoelens"]

[[themes]]
id = "kinderen"
name = "Kansen voor kinderen"
nplv = true
wanted_sources = ["CBS 85740NED: opleidingsniveau", "DUO: voortijdig schoolverlaters"]

[[themes]]
id = "bevolking"
name = "Bevolking"

[[programmes]]
id = "wijkvernieuwing"
name = "Wijkvernieuwing"

[[areas]]
id = "heel"
name = "Heel"
buurten = ["BU99990101", "BU99990102"]
programmes = ["wijkvernieuwing"]
first_year = 2018

[[areas]]
id = "half"
name = "Half"
buurten = ["BU99990101"]
programmes = ["wijkvernieuwing"]
first_year = 2018

[[areas]]
id = "programma"
name = "Programmagebied"
includes = ["heel"]
buurten = ["BU99990201"]
programmes = ["wijkvernieuwing"]
first_year = 2022
kind = "programmagebied"
"""

INDICATORS = """
[defaults]
weight_indicator = "AantalInwoners"

[indicators.Eenzaam]
label = "Eenzaam"
unit = "%"
theme = "veilig"
polarity = "lower_better"
aggregation = "weighted_mean"

[indicators.Score]
label = "Leefbaarheid"
unit = "score"
theme = "veilig"
polarity = "higher_better"
aggregation = "weighted_mean"
lowest_level = "wijk"
tolerance = 0.01
national_deviation = "Afwijking"

[indicators.Afwijking]
label = "Leefbaarheid ten opzichte van Nederland"
unit = "score"
theme = "veilig"
polarity = "higher_better"
aggregation = "weighted_mean"
lowest_level = "wijk"
tolerance = 0.01

[indicators.Misdrijven]
label = "Misdrijven"
unit = "aantal"
theme = "veilig"
polarity = "lower_better"
aggregation = "sum"
aliases = ["GeregistreerdeMisdrijven"]

[indicators.MisdrijvenPer1000]
label = "Misdrijven per 1.000 inwoners"
unit = "per 1.000 inwoners"
theme = "veilig"
polarity = "lower_better"
aggregation = "rate"
numerator = "Misdrijven"
denominator = "AantalInwoners"
denominator_year = 2024

[indicators.AantalInwoners]
label = "Aantal inwoners"
unit = "aantal"
theme = "bevolking"
polarity = "neutral"
aggregation = "sum"
aliases = ["population"]
"""

SOURCES = """
[[sources]]
id = "enquete"
adapter = "longcsv"
paths = ["indicators/long.csv"]
boundary_year = 2022

[[sources]]
id = "enquete2024"
adapter = "longcsv"
paths = ["indicators/long2024.csv"]
boundary_year = 2024

[[sources]]
id = "politie"
adapter = "csvtable"
paths = ["raw/politie.csv"]
code_columns = ["WijkenEnBuurten"]
year_column = "Perioden"
include = { SoortMisdrijf = ["0.0.0"] }
boundary_year = 2024
lists_all_regions = true

[[sources]]
id = "inwoners2024"
adapter = "csvtable"
paths = ["raw/inwoners.csv"]
code_columns = ["nhood_id"]
year = 2024
boundary_year = 2024
"""

ROWS_2022 = [
    ("BU99990101", 2017, "AantalInwoners", "300"),
    ("BU99990102", 2017, "AantalInwoners", "100"),
    ("BU99990201", 2017, "AantalInwoners", "100"),
    ("WK999901", 2022, "AantalInwoners", "400"),
    ("WK999902", 2022, "AantalInwoners", "100"),
    ("WK999901", 2014, "Score", "3.5"),
    ("WK999902", 2014, "Score", "3.0"),
    ("WK999901", 2022, "Score", "4.0"),
    ("WK999902", 2022, "Score", "3.0"),
    ("WK999901", 2022, "Afwijking", "0.1"),
    ("WK999902", 2022, "Afwijking", "-0.9"),
    ("GM9999", 2020, "Eenzaam|age_18+", "20"),
    ("WK999901", 2020, "Eenzaam|age_18+", "18"),
    ("WK999902", 2020, "Eenzaam|age_18+", "25"),
]
ROWS_2024 = [
    ("GM9999", 2024, "Eenzaam|age_18+", "19"),
    ("WK999901", 2024, "Eenzaam|age_18+", "17"),
    ("WK999902", 2024, "Eenzaam|age_18+", "22"),
]
# Crimes 2023 and inhabitants 2024 per buurt; BU99990202 is new in 2024 and has no inhabitants.
CRIMES = {"BU99990101": 10, "BU99990102": 30, "BU99990201": 5, "BU99990202": 4}
PEOPLE = {"BU99990101": 1000, "BU99990102": 500, "BU99990201": 100, "BU99990202": 0}
BOUNDARIES_EXTRA = """
[[territory_changes]]
region = "GM9999"
year = 2023
note = "Proefstad is uitgebreid"
"""


def _make(root: Path, programme: str = PROGRAMME) -> tuple[Path, Path, Path]:
    config_dir, _, source = make_municipality(root, rows=ROWS_2022, programme=programme, indicators=INDICATORS,
                                              sources=SOURCES)
    write_long_csv(source / "indicators" / "long2024.csv", ROWS_2024)
    raw = source / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    # The police table's padded StatLine strings, as in politie_47018NED_buurten_2023_GM0014.csv.
    lines = ['"ID","SoortMisdrijf","WijkenEnBuurten","Perioden","GeregistreerdeMisdrijven_1"']
    lines += [f'{i},"0.0.0 ","{b}","2023JJ00",{n}' for i, (b, n) in enumerate(CRIMES.items())]
    lines += ['99,"1.1.1 ","BU99990101","2023JJ00",7']  # another crime type: not the total, left out
    (raw / "politie.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    people = ['"","nhood_id","population"'] + [f'"{i}","{b}",{n}' for i, (b, n) in enumerate(PEOPLE.items())]
    (raw / "inwoners.csv").write_text("\n".join(people) + "\n", encoding="utf-8")
    geo = source / "geo" / "proefstad_buurt_2022.geojson"
    geo.write_text(
        geo.read_text(encoding="utf-8").replace("BU99990001", "BU99990101").replace("BU99990002", "BU99990102")
        .replace("BU99990003", "BU99990201"), encoding="utf-8")
    boundaries = root / "boundaries.toml"
    boundaries.write_text(DEFAULT_BOUNDARIES.read_text(encoding="utf-8") + BOUNDARIES_EXTRA, encoding="utf-8")
    return config_dir, boundaries, source


def _build(root: Path, programme: str = PROGRAMME) -> Path:
    config_dir, boundaries, source = _make(root, programme)
    db = root / "out.duckdb"
    build(BuildOptions(source=str(source), db=db, config_dir=config_dir, boundaries=boundaries),
          progress=lambda _line: None)
    return db


@pytest.fixture(scope="module")
def proefstad(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("proefstad"))


def test_rates_are_ratios_of_sums_for_buurten_wijken_and_the_city(proefstad: Path) -> None:
    rows = {(t, c): (v, num, den) for t, c, v, num, den in _rows(
        proefstad, "select unit_type, unit_code, value, numerator, denominator from rate_values")}
    assert rows[("buurt", "BU99990102")] == (pytest.approx(60.0), 30, 500)
    assert rows[("buurt", "BU99990202")] == (None, 4, 0)  # no inhabitants: no rate, but its crimes count above
    # wijk 01: (10 + 30) / (1000 + 500), not the mean of the buurt rates (35)
    assert rows[("wijk", "WK999901")] == (pytest.approx(40 / 1500 * 1000), 40, 1500)
    assert rows[("wijk", "WK999902")] == (pytest.approx(9 / 100 * 1000), 9, 100)
    assert rows[("gemeente", "GM9999")] == (pytest.approx(49 / 1600 * 1000), 49, 1600)
    stated = _rows(proefstad, "select distinct denominator_indicator, denominator_year, per from rate_values")
    assert stated == [("AantalInwoners", 2024, 1000.0)]


def test_area_rates_use_the_same_ratio_and_need_every_member(proefstad: Path) -> None:
    rows = _rows(proefstad, "select area_id, value, method, weight_indicator, weight_year, n_members, n_used "
                            "from area_values where indicator_code = 'MisdrijvenPer1000' order by area_id")
    assert rows == [
        ("half", pytest.approx(10.0), "ratio van sommen", "AantalInwoners", 2024, 1, 1),
        ("heel", pytest.approx(40 / 1500 * 1000), "ratio van sommen", "AantalInwoners", 2024, 2, 2),
        ("programma", pytest.approx(45 / 1600 * 1000), "ratio van sommen", "AantalInwoners", 2024, 3, 3),
    ]
    city = _rows(proefstad, "select city_value, city_method, gap from gaps where unit_code = 'half' "
                            "and indicator_code = 'MisdrijvenPer1000'")
    assert city == [(pytest.approx(30.625), "berekend uit de buurten", pytest.approx(10 - 30.625))]


def test_wijk_only_source_fills_areas_of_whole_wijken_and_says_why_not_otherwise(proefstad: Path) -> None:
    rows = _rows(proefstad, "select area_id, year, value, basis, weight_year from area_values "
                            "where indicator_code = 'Score' order by area_id, year")
    assert rows == [("heel", 2014, 3.5, "wijken", 2022), ("heel", 2022, 4.0, "wijken", 2022),
                    # in 2022 the programme area's buurten are all of wijk 01 and all of wijk 02
                    ("programma", 2014, pytest.approx(3.4), "wijken", 2022),
                    ("programma", 2022, pytest.approx(3.8), "wijken", 2022)]
    why = dict(_rows(proefstad, "select area_id, note from area_wijk_coverage where boundary_year = 2022"))
    assert why["heel"] == ""
    assert why["half"] == ("Half beslaat geen hele wijken: WK999901 (zonder Noord-West). Deze bron is er alleen "
                           "per wijk, dus voor dit gebied is geen waarde te berekenen.")
    assert why["programma"] == ""


def test_city_without_its_own_figure_is_computed_from_the_wijken_and_flagged(proefstad: Path) -> None:
    rows = _rows(proefstad, "select year, value, city_method, weight_indicator, weight_year, n_wijken "
                            "from city_values where indicator_code = 'Score' order by year")
    # weights: wijk inhabitants 2022 (400 and 100)
    assert rows == [(2014, pytest.approx((3.5 * 400 + 3.0 * 100) / 500), "berekend uit de wijken",
                     "AantalInwoners", 2022, 2),
                    (2022, pytest.approx((4.0 * 400 + 3.0 * 100) / 500), "berekend uit de wijken",
                     "AantalInwoners", 2022, 2)]
    own = _rows(proefstad, "select distinct city_method from gaps where indicator_code = 'Eenzaam'")
    assert own == [("eigen cijfer",)]
    gemeente_row = _rows(proefstad, "select value, gap, basis from gaps where unit_type = 'gemeente' "
                                    "and indicator_code = 'Score' and year = 2022")
    assert gemeente_row == [(pytest.approx(3.8), 0.0, "wijken")]


def test_national_deviation_is_offered_as_a_comparison_with_the_netherlands(proefstad: Path) -> None:
    rows = dict((c, (d, p)) for c, d, p in _rows(
        proefstad, "select unit_code, deviation, position_nl from national_comparison where year = 2022"))
    assert rows["WK999901"] == (pytest.approx(0.1), "beter")
    assert rows["WK999902"] == (pytest.approx(-0.9), "slechter")
    assert rows["heel"] == (pytest.approx(0.1), "beter")


def test_trend_break_where_the_wijk_or_the_city_changed_between_editions(proefstad: Path) -> None:
    rows = {c: (u, ct, b) for c, u, ct, b in _rows(
        proefstad, "select unit_code, unit_changed, city_changed, trend_break from gaps "
                   "where indicator_code = 'Eenzaam' and year = 2024")}
    # WK999902 gained buurt BU99990202 in the 2024 indeling; the city grew in 2023 (territory_changes)
    assert rows["WK999902"] == (True, True, True)
    assert rows["WK999901"] == (False, True, True)
    first = _rows(proefstad, "select trend_break from gaps where indicator_code = 'Eenzaam' and year = 2020")
    assert {r[0] for r in first} == {None}
    changes = _rows(proefstad, "select unit_type, unit_code, from_year, to_year, note from definition_changes "
                               "order by unit_type, unit_code")
    assert ("gemeente", "GM9999", 2022, 2024, "Proefstad is uitgebreid") in changes
    assert ("wijk", "WK999902", 2022, 2024, "andere buurtindeling (erbij: BU99990202)") in changes
    no_break = _rows(proefstad, "select distinct trend_break from gaps where indicator_code = 'Score' "
                                "and year = 2022")
    assert no_break == [(False,)]  # both Leefbaarometer editions are in the 2022 indeling


def test_areas_are_checked_in_every_boundary_year_with_a_near_miss(tmp_path: Path) -> None:
    broken = PROGRAMME.replace('first_year = 2018\n\n[[areas]]\nid = "half"',
                               'first_year = 2018\nbuurten_by_year = { "2024" = ["BU99990101", "bu99990102"] }'
                               '\n\n[[areas]]\nid = "half"')
    with pytest.raises(BuildError) as info:
        _build(tmp_path, broken)
    assert str(info.value).endswith(
        "kolom areas.heel.buurten_by_year.2024: gebied 'heel' noemt buurt bu99990102, die niet bestaat in de "
        "buurtindeling 2024 (gebied Heel); bedoelde u BU99990102?")


def test_coverage_lists_figures_per_theme_and_names_sources_for_an_empty_theme(proefstad: Path) -> None:
    rows = {(t, i): (lv, y, n, h, w) for t, i, lv, y, n, h, w in _rows(
        proefstad, "select theme_id, indicator_code, levels, years, newest_year, has_figures, wanted_sources "
                   "from coverage where goal_id is null")}
    assert rows[("veilig", "MisdrijvenPer1000")] == ("buurt;wijk;gemeente;area", "2023", 2023, True,
                                                     "eigen enquete: onveiligheidsgevoelens")
    assert rows[("veilig", "Score")][:3] == ("wijk;gemeente;area", "2014;2022", 2022)
    assert rows[("kinderen", None)] == ("", "", None, False,
                                        "CBS 85740NED: opleidingsniveau;DUO: voortijdig schoolverlaters")
    note = _rows(proefstad, "select note from coverage where theme_id = 'kinderen'")
    assert note == [("Voor dit thema zijn nog geen cijfers in de monitor. Bronnen die het zouden vullen: "
                     "CBS 85740NED: opleidingsniveau; DUO: voortijdig schoolverlaters.",)]


def test_programme_area_flag_membership_and_build_info(proefstad: Path) -> None:
    flags = _rows(proefstad, "select area_id, is_programme_area, sort_order from renewal_areas order by sort_order")
    assert flags == [("heel", False, 0), ("half", False, 1), ("programma", True, 2)]
    members = _rows(proefstad, "select boundary_year, list(buurt_code order by buurt_code) from unit_members "
                               "where unit_type = 'area' and unit_code = 'programma' group by 1 order by 1")
    assert members == [(2022, ["BU99990101", "BU99990102", "BU99990201"]),
                       (2024, ["BU99990101", "BU99990102", "BU99990201"])]
    wijk = _rows(proefstad, "select list(buurt_code order by buurt_code) from unit_members "
                            "where unit_type = 'wijk' and unit_code = 'WK999902' and boundary_year = 2024")
    assert wijk == [(["BU99990201", "BU99990202"],)]
    info = _rows(proefstad, "select gemeente_code, weight_indicator, gap_tolerance, area_boundary_years, "
                            "is_configured_gemeente from build_info")
    assert info == [("GM9999", "AantalInwoners", 0.5, "2022;2024", True)]
    assert _rows(proefstad, "select count(*) from goals") == [(0,)]  # no goals.toml in this config


def test_sources_keep_their_boundary_year(proefstad: Path) -> None:
    rows = dict(_rows(proefstad, "select source_id, boundary_year from build_sources where adapter <> 'boundaries'"))
    assert rows == {"enquete": 2022, "enquete2024": 2024, "politie": 2024, "inwoners2024": 2024}
    years = _rows(proefstad, "select distinct boundary_year from observations where indicator_code = 'Score'")
    assert years == [(2022,)]


def test_config_refuses_unknown_keys_and_text_for_a_list(tmp_path: Path) -> None:
    config_dir, boundaries, _ = _make(tmp_path)
    (config_dir / "indicators.toml").write_text(
        textwrap.dedent(INDICATORS).replace('lowest_level = "wijk"\ntolerance', 'lowest_levle = "wijk"\ntolerance'),
        encoding="utf-8")
    from wijkmonitor.config import load_config

    with pytest.raises(BuildError) as info:
        load_config(config_dir, boundaries)
    assert str(info.value) == (f"{config_dir / 'indicators.toml'}, kolom indicators.Score.lowest_levle: onbekende "
                               "sleutel 'lowest_levle' (bedoelt u 'lowest_level'?)")
    (config_dir / "indicators.toml").write_text(textwrap.dedent(INDICATORS), encoding="utf-8")
    (config_dir / "sources.toml").write_text(
        textwrap.dedent(SOURCES).replace('paths = ["raw/inwoners.csv"]', 'paths = "raw/inwoners.csv"'),
        encoding="utf-8")
    with pytest.raises(BuildError) as info:
        load_config(config_dir, boundaries)
    assert str(info.value) == (f"{config_dir / 'sources.toml'}, kolom sources[3].paths: verwacht een lijst, "
                               "bijvoorbeeld [\"a\", \"b\"], kreeg 'raw/inwoners.csv'")
