"""The one rule for gaps (gaps.sql + common.verdict) on the real 2016 and 2020 figures, and small buurten.

Expected values are computed here from the raw RIVM file (read with pandas, not the build) and the rule is
re-applied in the test, so a wrong build or wording fails."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from wijkmonitor import db
from wijkmonitor.area_monitor import sentences, tables, views
from wijkmonitor.common import indicators, verdict
from wijkmonitor.overview import matrix as overview

RAW = "raw/rivm_50090NED_gezondheid_wijk_buurt_GM0014_rows.csv"
AGE_18PLUS = "20300"
TOLERANCE = 0.5  # config/programme.toml gaps.stable_tolerance


def raw_value(source: Path, region: str, column: str, year: int) -> float:
    table = pd.read_csv(source / RAW, dtype=str)
    hit = table[(table["WijkenEnBuurten"].str.strip() == region) & (table["Leeftijd"].str.strip() == AGE_18PLUS)
                & (table["Perioden"].str.strip() == f"{year}JJ00") & (table["Marges"].str.strip() == "MW00000")]
    prefix = [c for c in table.columns if c.split("_")[0] == column]
    assert len(hit) == 1 and prefix, (region, column, year)
    return float(hit[prefix[0]].iloc[0])


def rule(disadvantage: float, prev_disadvantage: float) -> tuple[str, str | None]:
    """The rule, written out again: (judgement, kloof)."""
    change = disadvantage - prev_disadvantage
    judgement = "verbeterd" if change < -TOLERANCE else "verslechterd" if change > TOLERANCE else "gelijk"
    behind, was_behind = disadvantage > TOLERANCE, prev_disadvantage > TOLERANCE
    if behind and was_behind:
        kloof: str | None = {"verbeterd": "kleiner", "verslechterd": "groter", "gelijk": "gelijk"}[judgement]
    elif was_behind:
        kloof = "gesloten"
    elif behind:
        kloof = "ontstaan"
    else:
        kloof = None
    return judgement, kloof


def test_professorenbuurt_loneliness_lead_shrinks_is_a_step_back(groningen_db: Path, source_dir: Path) -> None:
    # Professorenbuurt is one buurt (BU00140302): its figure is the raw buurt figure.
    now, before = (raw_value(source_dir, "BU00140302", "Eenzaam", y) for y in (2020, 2016))
    city_now, city_before = (raw_value(source_dir, "GM0014", "Eenzaam", y) for y in (2020, 2016))
    assert now < city_now and before < city_before  # better than the city both times (lower_better)
    assert abs(now - city_now) < abs(before - city_before)  # |gap| smaller: the old count said "kloof kleiner"
    judgement, kloof = rule(now - city_now, before - city_before)
    assert (judgement, kloof) == ("verslechterd", None)
    row = db.run(groningen_db, "gap_trend_unit", unit_code="professorenbuurt", indicator="Eenzaam",
                 age_group="18plus").set_index("year").loc[2020]
    assert (row["judgement"], row["kloof"], row["trend"]) == (judgement, None, "kleiner")
    assert verdict.badge({str(k): v for k, v in row.to_dict().items()}) == "▼ achteruitgegaan ten opzichte van de stad"


def test_ten_boer_loneliness_lead_grows_is_a_step_forward(groningen_db: Path) -> None:
    rows = db.run(groningen_db, "gap_trend_unit", unit_code="ten-boer", indicator="Eenzaam", age_group="18plus")
    by_year = {int(r["year"]): r for r in rows.to_dict("records")}
    now, before = by_year[2020], by_year[2016]
    assert now["position"] == "beter" and before["position"] == "beter"
    assert rule(float(now["disadvantage"]), float(before["disadvantage"])) == ("verbeterd", None)
    assert (now["judgement"], now["kloof"], now["trend"]) == ("verbeterd", None, "groter")
    ind = indicators.catalog(db.run(groningen_db, "indicator_options")).indicators["Eenzaam"]
    text = sentences.gap_sentence("Ten Boer", ind, 2020, {str(k): v for k, v in now.items()})
    assert "Ten Boer is dus vooruitgegaan ten opzichte van de stad" in text
    assert "kloof" not in text  # better than the city: there is no kloof to speak of


def test_ervaren_gezondheid_counts_follow_the_rule_not_the_size_of_the_gap(groningen_db: Path,
                                                                         source_dir: Path) -> None:
    city = {y: raw_value(source_dir, "GM0014", "ErvarenGezondheidGoedZeerGoed", y) for y in (2016, 2020)}
    con = duckdb.connect(str(groningen_db), read_only=True)
    try:
        values = con.execute(
            "select a.area_id, a.year, a.value from area_values as a join renewal_areas as r using (area_id) "
            "where r.kind <> 'programmagebied' and a.indicator_code = 'ErvarenGezondheidGoedZeerGoed' "
            "and a.age_group = '18plus' and a.year in (2016, 2020)").df()
    finally:
        con.close()
    wide = values.pivot(index="area_id", columns="year", values="value").dropna()
    # higher_better: the disadvantage is city - value.
    judged = [rule(city[2020] - r[2020], city[2016] - r[2016]) for _a, r in wide.iterrows()]
    old_smaller = sum(abs(r[2020] - city[2020]) - abs(r[2016] - city[2016]) < -TOLERANCE for _a, r in wide.iterrows())
    better = sum(j == "verbeterd" for j, _k in judged)
    worse = sum(j == "verslechterd" for j, _k in judged)
    smaller = sum(k == "kleiner" for _j, k in judged)
    behind_before = sum(k in ("kleiner", "groter", "gelijk", "gesloten") for _j, k in judged)
    assert old_smaller != smaller  # the two counts differ on this line: the reason for the fix
    cat = indicators.catalog(db.run(groningen_db, "indicator_options"))
    m = overview.matrix(db.run(groningen_db, "gap_areas_all"), cat,
                        indicators.units(db.run(groningen_db, "units")))
    line = next(s for s in overview.summary(m) if s.startswith("Ervaren gezondheid"))
    assert f"zijn {better} van de {len(wide)} wijken vooruitgegaan ten opzichte van de stad, {worse} achteruit" in line
    assert f"Van de {behind_before} met een kloof in 2016 is die in " in line
    assert f"in {smaller} kleiner geworden" in line
    assert f"kloof in {old_smaller} van de" not in line


def test_arrows_mean_the_same_on_every_page() -> None:
    from wijkmonitor.texts import profiel
    assert verdict.arrow("verbeterd") == "▲" == profiel.COMPASS["verbeterd"][0] == profiel.POSITION["beter"][0]
    assert verdict.arrow("verslechterd") == "▼" == profiel.COMPASS["verslechterd"][0]
    assert verdict.badge({"judgement": "verbeterd", "kloof": "gesloten"}) == (
        "▲ vooruitgegaan ten opzichte van de stad; kloof gesloten")


def test_a_closed_gap_says_so() -> None:
    ind = indicators.Indicator("Eenzaam", "Eenzaam", "%", "lower_better", 1, True, "", "", "meedoen", "Meedoen")
    text = sentences.gap_sentence("X", ind, 2020, {
        "value": 48.0, "city_value": 48.6, "gap": -0.6, "prev_year": 2016, "prev_gap": 3.0, "position": "beter",
        "prev_position": "slechter", "judgement": "verbeterd", "kloof": "gesloten", "trend": "kleiner"})
    assert "In 2016 was X 3,0 procentpunt slechter dan de stad; X is dus vooruitgegaan" in text
    assert text.endswith("de kloof van toen is gesloten.")


def test_small_buurten_are_flagged_and_never_named(groningen_db: Path) -> None:
    cat = indicators.catalog(db.run(groningen_db, "indicator_options"))
    rows = db.run(groningen_db, "area_monitor_map", indicator="Eenzaam", age_group="18plus", year=2020,
                  level="buurt")
    by_name = rows.set_index("name")
    # Van Swieten: 5 inhabitants in 2017 (the edition nearest 2020), Martini Trade Park: 0.
    assert bool(by_name.loc["Van Swieten", "is_small"]) and by_name.loc["Van Swieten", "population"] == 5
    assert bool(by_name.loc["Martini Trade Park", "is_small"])
    assert not bool(by_name.loc["Selwerd", "is_small"])
    city = db.run(groningen_db, "city_trend", indicator="Eenzaam", age_group="18plus")
    view = views.map_view(rows, city, cat.indicators["Eenzaam"], "18 jaar en ouder", 2020, "buurt",
                          pd.DataFrame(columns=["area_id", "area_name", "geojson", "lon", "lat"]), None, None, 100)
    assert "Van Swieten" not in view.sentence and "Martini Trade Park" not in view.sentence
    assert "met minder dan 100 inwoners worden niet bij naam genoemd" in view.sentence
    table = tables.map_table(rows, cat.indicators["Eenzaam"], "18 jaar en ouder", 2020)
    small = table[table["Kleine buurt"] != ""]
    assert {"Van Swieten", "Martini Trade Park"} <= set(small["Gebied"])
    # Small buurten come after every other buurt with a figure, so none tops the ranking.
    first_small = int(small.index.min())
    assert table.iloc[:first_small]["Kleine buurt"].eq("").all() and first_small > 0


def test_missing_values_say_why(groningen_db: Path, source_dir: Path) -> None:
    cat = indicators.catalog(db.run(groningen_db, "indicator_options"))
    # Selwerderhof (BU00141004): the RIVM file publishes "." for it in 2020.
    table = pd.read_csv(source_dir / RAW, dtype=str)
    cell = table[(table["WijkenEnBuurten"].str.strip() == "BU00141004") & (table["Leeftijd"].str.strip() == AGE_18PLUS)
                 & (table["Perioden"].str.strip() == "2020JJ00") & (table["Marges"].str.strip() == "MW00000")]
    assert cell["Eenzaam_28"].str.strip().tolist() == ["."]
    rows = db.run(groningen_db, "area_monitor_map", indicator="Eenzaam", age_group="18plus", year=2020,
                  level="buurt")
    by_code = rows.set_index("region_code")
    assert by_code.loc["BU00141004", "missing_reason"] == "geheim"
    ind = cat.indicators["Eenzaam"]
    shown = tables.map_table(rows, ind, "18 jaar en ouder", 2020).set_index("Code")
    assert shown.loc["BU00141004", "Ten opzichte van de stad"] == "niet gepubliceerd / geheim"
    # Every buurt without a 2020 figure here is one the file marks "."; none is called a boundary change.
    assert set(rows.loc[rows["value"].isna(), "missing_reason"]) == {"geheim"}
    # The 2023 crime figures use the 2024 buurten: 2022 map codes those data do not know are "grens gewijzigd".
    crime = db.run(groningen_db, "area_monitor_map", indicator="MisdrijvenPer1000Inwoners", age_group="totaal",
                   year=2023, level="buurt")
    changed = crime[crime["missing_reason"] == "grens gewijzigd"]
    assert len(changed) and changed["geojson"].notna().all()
    con = duckdb.connect(str(groningen_db), read_only=True)
    try:
        known = {c for (c,) in con.execute("select distinct region_code from observations where year = 2023")
                 .fetchall()}
    finally:
        con.close()
    assert not set(changed["region_code"]) & known
    city = db.run(groningen_db, "city_trend", indicator="Eenzaam", age_group="18plus")
    view = views.map_view(rows, city, ind, "18 jaar en ouder", 2020, "buurt",
                          pd.DataFrame(columns=["area_id", "area_name", "geojson", "lon", "lat"]), None, None, 100)
    assert "niet gepubliceerd / geheim" in view.legend_html
    assert "niet gepubliceerd / geheim" in view.sentence
    # SociaalEenzaam was not in the 2012 survey: the raw column is empty for every region that year.
    raw_2012 = table[(table["Perioden"].str.strip() == "2012JJ00")]
    column = next(c for c in table.columns if c.split("_")[0] == "SociaalEenzaam")
    assert raw_2012[column].fillna("").str.strip().eq("").all() and len(raw_2012)
    rows_2012 = db.run(groningen_db, "area_monitor_map", indicator="SociaalEenzaam", age_group="18plus",
                       year=2012, level="buurt")
    assert set(rows_2012["missing_reason"]) == {"niet gemeten"}
    shown_2012 = tables.map_table(rows_2012, cat.indicators["SociaalEenzaam"], "18 jaar en ouder", 2012)
    assert set(shown_2012["Ten opzichte van de stad"]) == {"niet gemeten in dat jaar"}
