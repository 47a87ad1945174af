"""The theme sources of round two against their raw cells: Leefbaarometer, police crime, CBS key figures.

Every expected number below is copied from a cell of a file in ../shared/data (file and row named), or computed
from such cells in the test itself.
"""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import duckdb
import pytest

from tests.dbread import query_rows as _rows
from wijkmonitor.adapters.csvtable import TableLayout, read_csvtable
from wijkmonitor.config import load_config

THEMES = Path("raw/themes")
KWB = Path("raw/kwb_buurt")


def _value(db: Path, region: str, indicator: str, year: int) -> float | None:
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("select value from observations where region_code = ? and indicator_code = ? "
                          "and year = ? and age_group = 'totaal'", [region, indicator, year]).fetchone()
    return None if row is None else float(row[0])


def _layout(source_id: str) -> tuple[TableLayout, dict[str, str]]:
    config = load_config()
    spec = next(s for s in config.sources if s.id == source_id)
    return TableLayout(code_columns=spec.code_columns, name_columns=spec.name_columns, year_column=spec.year_column,
                       year=spec.year, include=spec.include, exclude=spec.exclude, scale=spec.scale), config.alias_map()


# --- Leefbaarometer 3.0 per wijk -------------------------------------------------------------------------------

def test_leefbaarometer_cells_of_centrum_2014(groningen_db: Path) -> None:
    # leefbaarometer3_wijken_2002-2022_GM0014.csv, row "WK001400,Centrum,2014,..."
    assert _value(groningen_db, "WK001400", "Leefbaarometer", 2014) == pytest.approx(4.21829228838692)
    assert _value(groningen_db, "WK001400", "LeefbaarometerAfwijking", 2014) == pytest.approx(0.11602743724323462)
    assert _value(groningen_db, "WK001400", "LeefbaarometerFysiekeOmgeving", 2014) == pytest.approx(
        0.025319426920036525)
    assert _value(groningen_db, "WK001400", "LeefbaarometerOverlastOnveiligheid", 2014) == pytest.approx(
        -0.10912796129673644)
    # 2002 publishes only lbm and afw: NA is missing, never 0.
    assert _value(groningen_db, "WK001400", "Leefbaarometer", 2002) == pytest.approx(4.131519995884998)
    assert _value(groningen_db, "WK001400", "LeefbaarometerFysiekeOmgeving", 2002) is None


def test_leefbaarometer_has_20_wijken_times_8_editions(groningen_db: Path) -> None:
    rows = _rows(groningen_db, "select count(distinct region_code), list(distinct year order by year), count(*) "
                               "from observations where indicator_code = 'Leefbaarometer'")
    assert rows == [(20, [2002, 2008, 2012, 2014, 2016, 2018, 2020, 2022], 160)]
    dims = _rows(groningen_db, "select list(distinct year order by year) from observations "
                               "where indicator_code = 'LeefbaarometerSocialeSamenhang'")
    assert dims == [([2014, 2018, 2020, 2022],)]


def test_national_leefbaarometer_file_matches_the_extract(source_dir: Path) -> None:
    layout, aliases = _layout("leefbaarometer3")
    national = read_csvtable(source_dir / THEMES / "national" / "leefbaarometer3_wijken_2002-2022_NL.csv.gz",
                             source_id="x", layout=layout, aliases=aliases, gemeente="GM0014")
    extract = read_csvtable(source_dir / THEMES / "leefbaarometer3_wijken_2002-2022_GM0014.csv", source_id="x",
                            layout=layout, aliases=aliases, gemeente=None)
    key = ["region_code", "year", "indicator_code"]
    left = national.observations.sort_values(key).reset_index(drop=True)[[*key, "value"]]
    right = extract.observations.sort_values(key).reset_index(drop=True)[[*key, "value"]]
    assert left.equals(right)
    everything = read_csvtable(source_dir / THEMES / "national" / "leefbaarometer3_wijken_2002-2022_NL.csv.gz",
                               source_id="x", layout=layout, aliases=aliases, gemeente=None)
    assert everything.observations["region_code"].nunique() == 3310


def test_city_leefbaarometer_is_computed_from_the_wijken_weighted_by_inhabitants(groningen_db: Path,
                                                                              source_dir: Path) -> None:
    with (source_dir / KWB / "kwb_2024_GM0014.csv").open(encoding="utf-8") as handle:
        people = {r["Codering"]: float(r["AantalInwoners_5"]) for r in csv.DictReader(handle) if r["_level"] == "wijk"}
    with (source_dir / THEMES / "leefbaarometer3_wijken_2002-2022_GM0014.csv").open(encoding="utf-8") as handle:
        scores = {r["wk_code"]: float(r["lbm"]) for r in csv.DictReader(handle) if r["jaar"] == "2022"}
    expected = sum(scores[w] * people[w] for w in scores) / sum(people[w] for w in scores)
    rows = _rows(groningen_db, "select value, city_method, weight_indicator, weight_year, n_wijken from city_values "
                               "where indicator_code = 'Leefbaarometer' and year = 2022")
    assert rows[0][0] == pytest.approx(expected)
    assert rows[0][1:] == ("berekend uit de wijken", "AantalInwoners", 2024, 20)
    gap = _rows(groningen_db, "select city_value, city_method from gaps where unit_code = 'WK001400' "
                              "and indicator_code = 'Leefbaarometer' and year = 2022")
    assert gap[0][0] == pytest.approx(expected) and gap[0][1] == "berekend uit de wijken"


def test_leefbaarometer_for_areas_only_where_buurten_make_whole_wijken(groningen_db: Path) -> None:
    areas = dict(_rows(groningen_db, "select area_id, count(*) from area_values "
                                     "where indicator_code = 'Leefbaarometer' group by area_id"))
    # Oosterparkwijk holds all five buurten of WK001404, Ten Boer all of WK001415; Selwerd is part of WK001410.
    assert areas == {"oosterparkwijk": 8, "ten-boer": 8}
    value = _rows(groningen_db, "select value, basis from area_values where area_id = 'oosterparkwijk' "
                                "and indicator_code = 'Leefbaarometer' and year = 2014")
    assert value == [(pytest.approx(_value(groningen_db, "WK001404", "Leefbaarometer", 2014)), "wijken")]
    note = _rows(groningen_db, "select whole_wijken, partial_wijk_codes, note from area_wijk_coverage "
                               "where area_id = 'selwerd' and boundary_year = 2022")
    assert note[0][0] is False and note[0][1] == "WK001410"
    assert note[0][2].startswith("Selwerd beslaat geen hele wijken: ") and "Paddepoel" in note[0][2]


def test_leefbaarometer_offers_the_comparison_with_the_netherlands(groningen_db: Path) -> None:
    rows = _rows(groningen_db, "select deviation, national_reference, position_nl from national_comparison "
                               "where unit_code = 'WK001400' and year = 2014")
    deviation, reference, position = rows[0]
    assert deviation == pytest.approx(0.11602743724323462)
    assert reference == pytest.approx(4.102265, abs=1e-6)  # lbm - afw is the same in every row (PROVENANCE)
    assert position == "beter"


# --- registered crime 2023 per buurt, per 1,000 inhabitants of 2024 --------------------------------------------

def test_crime_counts_and_population_are_the_raw_cells(groningen_db: Path) -> None:
    # politie_47018NED_buurten_2023_GM0014.csv: BU00140000 1428, BU00140001 2390 (padded "0.0.0 " kept in source)
    assert _value(groningen_db, "BU00140000", "GeregistreerdeMisdrijven", 2023) == 1428
    assert _value(groningen_db, "BU00140001", "GeregistreerdeMisdrijven", 2023) == 2390
    # cbs_85984NED_buurt-AantalInwoners_2024_GM0014.csv: BU00140000 4745, BU00140001 6975
    assert _value(groningen_db, "BU00140000", "AantalInwoners", 2024) == 4745
    assert _value(groningen_db, "BU00140001", "AantalInwoners", 2024) == 6975
    assert _value(groningen_db, "BU00140000", "MisdrijvenPer1000Inwoners", 2023) == pytest.approx(1428 / 4745 * 1000)


def test_city_crime_rate_is_the_ratio_of_the_buurt_sums(groningen_db: Path, source_dir: Path) -> None:
    with (source_dir / THEMES / "politie_47018NED_buurten_2023_GM0014.csv").open(encoding="utf-8") as handle:
        crimes = {r["WijkenEnBuurten"].strip(): int(r["GeregistreerdeMisdrijven_1"]) for r in csv.DictReader(handle)}
    with (source_dir / THEMES / "cbs_85984NED_buurt-AantalInwoners_2024_GM0014.csv").open(encoding="utf-8") as h:
        people = {r["nhood_id"]: int(r["population"]) for r in csv.DictReader(h)}
    assert sum(crimes.values()) == 14990 and sum(people.values()) == 243790  # as PROVENANCE.md states
    rows = _rows(groningen_db, "select value, numerator, denominator, denominator_indicator, denominator_year "
                               "from rate_values where unit_code = 'GM0014'")
    assert rows == [(pytest.approx(14990 / 243790 * 1000), 14990, 243790, "AantalInwoners", 2024)]
    city = _rows(groningen_db, "select city_value, city_method from gaps where unit_code = 'WK001410' "
                               "and indicator_code = 'MisdrijvenPer1000Inwoners'")
    assert city == [(pytest.approx(61.4873, abs=1e-4), "berekend uit de buurten")]
    selwerd = ("BU00141000", "BU00141004")
    area = _rows(groningen_db, "select value, method, weight_indicator, weight_year, n_members, n_used "
                               "from area_values where area_id = 'selwerd' "
                               "and indicator_code = 'MisdrijvenPer1000Inwoners'")
    expected = sum(crimes[b] for b in selwerd) / sum(people[b] for b in selwerd) * 1000
    assert area == [(pytest.approx(expected), "ratio van sommen", "AantalInwoners", 2024, 2, 2)]


def test_crime_region_list_names_the_new_2024_buurten(groningen_db: Path) -> None:
    names = dict(_rows(groningen_db, "select region_code, name from regions where region_code in "
                                     "('BU00140110', 'BU00140908', 'BU00140909')"))
    assert names == {"BU00140110": "Peizerweg", "BU00140908": "De Suikerzijde-Noord",
                     "BU00140909": "De Suikerzijde-Zuid"}


def test_ten_boer_is_weighted_with_the_2024_buurt_population(groningen_db: Path) -> None:
    rows = _rows(groningen_db, "select method, weight_year from area_values where area_id = 'ten-boer' "
                               "and indicator_code = 'Eenzaam' and year = 2020 and age_group = '18plus'")
    assert rows == [("gewogen", 2024)]


# --- CBS key figures -------------------------------------------------------------------------------------------

def test_kwb_2017_cells_and_map_sentinel(groningen_db: Path) -> None:
    # kwb_2017_GM0014.csv: gemeente row AANT_INW 202636, AANTAL_HH 122280; WK001400 AANT_INW 22635
    assert _value(groningen_db, "GM0014", "AantalInwoners", 2017) == 202636
    assert _value(groningen_db, "GM0014", "HuishoudensTotaal", 2017) == 122280
    assert _value(groningen_db, "WK001400", "AantalInwoners", 2017) == 22635
    # BU00140004 P_00_14_JR is -99999999: missing, not a number
    assert _value(groningen_db, "BU00140004", "Perc0Tot15Jaar", 2017) is None
    assert _rows(groningen_db, "select count(*) from observations where value <= -99997") == [(0,)]


def test_kwb_gemeente_housing_series_2020_2025(groningen_db: Path) -> None:
    # kwb_gemeente_2020_2025_GM0014.csv: g_wozbag 208000 (x1000 by the re-publisher) is 208 x 1,000 euro
    assert _value(groningen_db, "GM0014", "GemiddeldeWOZWaardeVanWoningen", 2020) == 208
    assert _value(groningen_db, "GM0014", "GemiddeldeWOZWaardeVanWoningen", 2025) == 313
    assert _value(groningen_db, "GM0014", "Koopwoningen", 2020) == 41
    assert _value(groningen_db, "GM0014", "InBezitWoningcorporatie", 2025) == 31
    assert _value(groningen_db, "GM0014", "Woningvoorraad", 2021) == 118922
    assert _value(groningen_db, "GM0014", "AantalInwoners", 2021) == 233273
    years = _rows(groningen_db, "select list(year order by year) from observations where region_code = 'GM0014' "
                                "and indicator_code = 'HuurwoningenTotaal'")
    assert years == [([2020, 2021, 2022, 2023, 2024, 2025],)]


def test_kwb_national_files_read_every_gemeente_without_water_parts(source_dir: Path) -> None:
    layout, aliases = _layout("kwb2017")
    frame = read_csvtable(source_dir / KWB / "kwb_2017_NL_gemeenten_wijken.csv.gz", source_id="x", layout=layout,
                          aliases=aliases, gemeente=None)
    people = frame.observations[frame.observations["indicator_code"] == "AantalInwoners"]
    gemeenten = people[people["region_code"].str.startswith("GM")]
    assert not gemeenten.duplicated(["region_code", "year"]).any()  # WATER = JA rows left out
    assert gemeenten["value"].sum() == 17_081_507  # the 388 land gemeenten (PROVENANCE.md)
    layout, aliases = _layout("kwb2024_wijken")
    frame = read_csvtable(source_dir / KWB / "kwb_2024_NL_gemeenten_wijken.csv.gz", source_id="x", layout=layout,
                          aliases=aliases, gemeente=None)
    obs = frame.observations.set_index(["region_code", "indicator_code"])["value"]
    assert obs[("GM1680", "AantalInwoners")] == 25845
    assert ("WK061307", "Bevolkingsdichtheid") not in obs.index  # empty cell (JSON null) is missing
    with gzip.open(source_dir / KWB / "kwb_2024_NL_gemeenten_wijken.csv.gz", "rt", encoding="utf-8") as handle:
        total = sum(int(r["AantalInwoners_5"]) for r in csv.DictReader(handle) if r["_level"] == "gemeente")
    assert total == 17_942_942


def test_every_new_indicator_is_catalogued_with_an_nplv_or_context_theme(groningen_db: Path) -> None:
    rows = _rows(groningen_db, "select i.indicator_code, t.nplv, i.definition <> '' and i.source <> '' "
                               "and i.licence <> '' from indicators as i inner join themes as t using (theme_id) "
                               "where i.indicator_code like 'Leefbaarometer%' or i.indicator_code in "
                               "('GeregistreerdeMisdrijven', 'MisdrijvenPer1000Inwoners', 'Koopwoningen', "
                               "'GemiddeldeWOZWaardeVanWoningen', 'InBezitWoningcorporatie')")
    assert len(rows) == 12 and all(nplv and documented for _, nplv, documented in rows)
    assert _rows(groningen_db, "select count(*) from indicators where not in_catalogue") == [(0,)]


def test_goals_and_programme_facts_are_in_the_build(groningen_db: Path) -> None:
    from wijkmonitor.goals.config import Catalogue, load_goals

    config = load_config()
    goals = load_goals(Catalogue.from_config(config))
    rows = _rows(groningen_db, "select goal_id, indicator_code, target from goals order by sort_order")
    assert rows == [(g.id, g.indicator, pytest.approx(g.target)) for g in goals.goals]
    flags = dict(_rows(groningen_db, "select area_id, is_programme_area from renewal_areas"))
    assert flags["groningen-noord"] is True and flags["selwerd"] is False
    info = _rows(groningen_db, "select gemeente_code, gemeente_name, weight_indicator, gap_tolerance, "
                               "goals_on_track, goals_at_risk from build_info")
    assert info == [("GM0014", "Groningen", "AantalInwoners", 0.5, goals.thresholds.on_track,
                     goals.thresholds.at_risk)]
    veilig = _rows(groningen_db, "select indicator_code, levels, newest_year from coverage "
                                 "where theme_id = 'veilig' and goal_id is null and has_figures "
                                 "and indicator_code in ('Leefbaarometer', 'MisdrijvenPer1000Inwoners')")
    assert sorted(veilig) == [("Leefbaarometer", "wijk;gemeente;area", 2022),
                              ("MisdrijvenPer1000Inwoners", "buurt;wijk;gemeente;area", 2023)]
    empty = _rows(groningen_db, "select theme_id, has_figures, wanted_sources <> '' from coverage "
                                "where theme_id in ('kinderen', 'wijkontwikkeling') and goal_id is null")
    assert sorted(empty) == [("kinderen", False, True), ("wijkontwikkeling", False, True)]
