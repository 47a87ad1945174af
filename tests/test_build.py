"""The build on hand-made municipalities: aggregation, gap arithmetic, the atomic swap and every refusal."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import duckdb
import pytest

from tests.dbread import query_rows as _rows
from tests.fixtures_build import INDICATORS, LONG_ROWS, PROGRAMME, make_municipality
from wijkmonitor.build import BuildOptions, build
from wijkmonitor.cli import main
from wijkmonitor.db import SCHEMA_VERSION
from wijkmonitor.errors import BuildError


def _build(root: Path, db: Path | None = None, **kwargs: object) -> Path:
    config_dir, boundaries, source = make_municipality(root, **kwargs)  # type: ignore[arg-type]
    db = db or root / "out.duckdb"
    build(BuildOptions(source=str(source), db=db, config_dir=config_dir, boundaries=boundaries),
          progress=lambda _line: None)
    return db


def test_area_value_is_population_weighted_with_the_nearest_year(tmp_path: Path) -> None:
    db = _build(tmp_path)
    rows = _rows(db, "select year, value, method, weight_indicator, weight_year, n_members, n_used from area_values "
                     "where area_id = 'noord' and indicator_code = 'Eenzaam' order by year")
    # 2016: (10*100 + 30*300) / 400 = 25; 2020: (10*100 + 20*300) / 400 = 17.5; weights from 2017.
    assert rows == [(2016, 25.0, "gewogen", "AantalInwoners", 2017, 2, 2),
                    (2020, 17.5, "gewogen", "AantalInwoners", 2017, 2, 2)]


def test_gap_and_its_change_are_judged_by_polarity(tmp_path: Path) -> None:
    db = _build(tmp_path)
    rows = _rows(db, "select year, city_value, gap, gap_rel, prev_gap, gap_change, trend, judgement, position "
                     "from gaps where unit_code = 'noord' and indicator_code = 'Eenzaam' order by year")
    assert rows[0][:3] == (2016, 15.0, 10.0)
    year, city, gap, gap_rel, prev_gap, change, trend, judgement, position = rows[1]
    assert (year, city, gap, prev_gap, change) == (2020, 12.0, 5.5, 10.0, -4.5)
    assert gap_rel == pytest.approx(5.5 / 12)
    assert (trend, judgement, position) == ("kleiner", "verbeterd", "slechter")


def test_higher_is_better_gap_counts_a_lower_value_as_behind(tmp_path: Path) -> None:
    db = _build(tmp_path)
    # Only BU99990001 has a value (x = secret for the other): n_used 1 of 2, weighted over what is there.
    rows = _rows(db, "select value, gap, disadvantage, position, n_used, n_members from gaps "
                     "where unit_code = 'noord' and indicator_code = 'Vrijwilligerswerk'")
    assert rows == [(20.0, -10.0, 10.0, "slechter", 1, 2)]


def test_area_without_population_gets_an_unweighted_mean_flagged_as_such(tmp_path: Path) -> None:
    db = _build(tmp_path)
    rows = _rows(db, "select year, value, method, weight_year from area_values "
                     "where area_id = 'zuid' and indicator_code = 'Eenzaam' order by year")
    # 2016 is '.', missing: no area value at all rather than a zero.
    assert rows == [(2020, 11.0, "ongewogen", None)]


def test_missing_symbols_are_missing_never_zero(tmp_path: Path) -> None:
    db = _build(tmp_path)
    assert _rows(db, "select count(*) from observations where region_code = 'BU99990003' and year = 2016") == [(0,)]
    assert _rows(db, "select count(*) from observations where value = 0") == [(0,)]


def test_sum_indicators_are_summed_only_when_every_buurt_has_a_value(tmp_path: Path) -> None:
    db = _build(tmp_path)
    assert _rows(db, "select value, method from area_values where area_id = 'noord' "
                     "and indicator_code = 'AantalInwoners'") == [(400.0, "som")]
    assert _rows(db, "select count(*) from gaps where indicator_code = 'AantalInwoners'") == [(0,)]


def test_identical_duplicates_are_merged(tmp_path: Path) -> None:
    db = _build(tmp_path, rows=[*LONG_ROWS, ("GM9999", 2020, "Eenzaam|age_18+", "12.0")])
    assert _rows(db, "select value from observations where region_code = 'GM9999' and year = 2020 "
                     "and indicator_code = 'Eenzaam'") == [(12.0,)]


def test_unknown_region_code_is_kept_and_counted(tmp_path: Path) -> None:
    db = _build(tmp_path, rows=[*LONG_ROWS, ("BU99990099", 2020, "Eenzaam|age_18+", "9")])
    assert _rows(db, "select value from build_meta where key = 'unknown_region_rows'") == [("1",)]
    assert _rows(db, "select value from observations where region_code = 'BU99990099'") == [(9.0,)]


def test_build_metadata_records_sources_with_checksums(tmp_path: Path) -> None:
    db = _build(tmp_path)
    source = tmp_path / "source" / "indicators" / "long.csv"
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    rows = _rows(db, "select source_id, sha256, rows, \"values\" from build_sources where adapter = 'longcsv'")
    assert rows == [("enquete", digest, len(LONG_ROWS), len(LONG_ROWS) - 2)]  # "." and "x" are not values
    meta = dict(_rows(db, "select key, value from build_meta"))
    assert meta["gemeente_code"] == "GM9999" and meta["schema_version"] == str(SCHEMA_VERSION) and meta["built_at"]


# Every refusal: (what is wrong, how to make it wrong, the words the message must contain)
def _bad_value(root: Path) -> dict[str, object]:
    return {"rows": [*LONG_ROWS, ("BU99990001", 2020, "Roker|age_18+", "veel")]}


def _conflict(root: Path) -> dict[str, object]:
    return {"rows": [*LONG_ROWS, ("GM9999", 2020, "Eenzaam|age_18+", "13")]}


def _unknown_buurt(root: Path) -> dict[str, object]:
    return {"programme": PROGRAMME.replace('"BU99990003"]', '"BU99990077"]')}


def _bad_polarity(root: Path) -> dict[str, object]:
    return {"indicators": INDICATORS.replace('polarity = "higher_better"', 'polarity = "hoger"')}


def _bad_unit(root: Path) -> dict[str, object]:
    return {"indicators": INDICATORS.replace('unit = "%"\ntheme = "meedoen"\npolarity = "higher_better"',
                                             'unit = "procent"\ntheme = "meedoen"\npolarity = "higher_better"')}


def _future_year(root: Path) -> dict[str, object]:
    return {"rows": [*LONG_ROWS, ("GM9999", 2099, "Eenzaam|age_18+", "12")]}


def _missing_file(root: Path) -> dict[str, object]:
    from tests.fixtures_build import SOURCES

    return {"sources": SOURCES.replace("indicators/long.csv", "indicators/bestaat-niet.csv")}


BAD = [
    ("non-numeric value", _bad_value, "long.csv, rij 15, kolom value: waarde 'veel' is geen getal"),
    ("conflicting duplicate", _conflict, "dubbele rij voor GM9999, 2020, Eenzaam (18plus) met verschillende waarden"),
    ("area names unknown buurt", _unknown_buurt, "gebied 'zuid' noemt buurt BU99990077, die niet bestaat"),
    ("polarity outside list", _bad_polarity, "kolom indicators.Vrijwilligerswerk.polarity: waarde 'hoger'"),
    ("unit outside list", _bad_unit, "kolom indicators.Vrijwilligerswerk.unit: waarde 'procent'"),
    ("future year", _future_year, "kolom year: jaar '2099' ligt niet tussen 1990"),
    ("missing source file", _missing_file, "bestaat-niet.csv: bronbestand ontbreekt"),
]


@pytest.mark.parametrize(("case", "breaker", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_refuses_and_keeps_the_previous_file(tmp_path: Path, case: str, breaker, message: str) -> None:
    db = _build(tmp_path / "good")
    before = db.read_bytes()
    with pytest.raises(BuildError) as info:
        _build(tmp_path / "bad", db=db, **breaker(tmp_path))
    assert message in str(info.value)
    assert db.read_bytes() == before
    assert [p.name for p in db.parent.iterdir() if ".tmp-" in p.name] == []


def test_cli_exits_non_zero_with_a_dutch_message_and_leaves_the_file(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    db = _build(tmp_path / "good")
    stamp = os.stat(db).st_mtime_ns
    code = main(["build", "--source", str(tmp_path / "nergens"), "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 2
    assert "FOUT:" in err and "nergens" in err and "niet aangepast" in err
    assert os.stat(db).st_mtime_ns == stamp


def test_invalid_gemeente_code_is_refused(tmp_path: Path) -> None:
    config_dir, boundaries, source = make_municipality(tmp_path)
    with pytest.raises(BuildError, match="gemeentecode 'GM14' is ongeldig"):
        build(BuildOptions(source=str(source), db=tmp_path / "x.duckdb", gemeente="GM14", config_dir=config_dir,
                           boundaries=boundaries), progress=lambda _l: None)


def test_successful_rebuild_swaps_in_a_new_file_atomically(tmp_path: Path) -> None:
    db = _build(tmp_path / "one")
    query = ("select count(*) from observations "
             "where region_code = 'BU99990003' and indicator_code = 'Vrijwilligerswerk'")
    reader = duckdb.connect(str(db), read_only=True)
    try:
        assert reader.execute(query).fetchone() == (0,)
        _build(tmp_path / "two", db=db, rows=[*LONG_ROWS, ("BU99990003", 2020, "Vrijwilligerswerk|age_18+", "25")])
        # A reader that had the file open keeps reading the old, complete file: never a half-built one.
        assert reader.execute(query).fetchone() == (0,)
    finally:
        reader.close()
    with duckdb.connect(str(db), read_only=True) as fresh:
        assert fresh.execute(query).fetchone() == (1,)


def test_another_gemeente_builds_from_the_national_file(tmp_path: Path, source_dir: Path) -> None:
    import shutil

    from wijkmonitor.config import DEFAULT_BOUNDARIES, DEFAULT_CONFIG_DIR

    config_dir = tmp_path / "config"
    shutil.copytree(DEFAULT_CONFIG_DIR, config_dir)
    (config_dir / "sources.toml").write_text(
        '[[sources]]\nid = "rivm"\nadapter = "statline"\n'
        'paths = ["national/rivm_50090NED/RIVM_gezondheid2020_65+.xlsx"]\nboundary_year = 2020\n',
        encoding="utf-8",
    )
    db = tmp_path / "amsterdam.duckdb"
    summary = build(BuildOptions(source=str(source_dir), db=db, gemeente="GM0363", config_dir=config_dir,
                                 boundaries=DEFAULT_BOUNDARIES), progress=lambda _l: None)
    assert summary.boundaries == 0 and summary.gaps > 0
    assert _rows(db, "select count(*) from renewal_areas") == [(0,)]
    assert _rows(db, "select count(*) from interventions") == [(0,)]
    assert _rows(db, "select distinct gemeente_code from gaps") == [("GM0363",)]
    city = _rows(db, "select value from observations where region_code = 'GM0363' and indicator_code = 'Eenzaam' "
                     "and age_group = '65plus' and year = 2020")
    assert _rows(db, "select distinct city_value from gaps where indicator_code = 'Eenzaam' and year = 2020") == city
