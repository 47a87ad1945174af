"""Data access: named queries with bound parameters, one plain error type, and the query contract."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import duckdb
import pytest

from tests.fixtures_build import LONG_ROWS, make_municipality
from wijkmonitor import db
from wijkmonitor.build import BuildOptions, build
from wijkmonitor.config import PROJECT_ROOT
from wijkmonitor.errors import DataUnavailable
from wijkmonitor.schema import TABLES

# A sample value for every $parameter any query uses. A new parameter name fails the contract test until a
# sample is added here, so a renamed column or parameter fails in CI, not in front of the council.
SAMPLES: dict[str, object] = {
    "indicator": "Eenzaam",
    "age_group": "18plus",
    "year": 2020,
    "level": "buurt",
    "unit_code": "selwerd",
    "area_id": "selwerd",
    "region_code": "BU00141000",
    "area": "selwerd",
    "unit_type": "area",
    "gemeente": "GM0014",
}


def _all_queries() -> list[str]:
    return sorted(p.stem for p in db.QUERIES_DIR.glob("*.sql"))


@pytest.mark.parametrize("name", _all_queries())
def test_every_query_runs_on_the_real_build(groningen_db: Path, name: str) -> None:
    text = db.query_text(name)
    assert text.lstrip().startswith("--"), f"{name}.sql mist de kopregel met zijn parameters"
    params = db.query_parameters(name)
    missing = params - set(SAMPLES)
    assert not missing, f"voeg een voorbeeldwaarde toe voor {missing} in tests/test_db.py"
    header = "\n".join(line for line in text.splitlines() if line.startswith("--"))
    for param in params:
        assert f"${param}" in header, f"{name}.sql noemt ${param} niet in de kopregel"
    assert len([s for s in re.split(r";\s*$", text.strip(), flags=re.M) if s.strip()]) == 1
    frame = db.run(groningen_db, name, **{p: SAMPLES[p] for p in params})
    assert frame is not None


def test_gap_query_gives_the_raw_figures(groningen_db: Path) -> None:
    frame = db.run(groningen_db, "gap_by_area", indicator="Eenzaam", age_group="18plus", year=2020)
    selwerd = frame.set_index("area_id").loc["selwerd"]
    # Selwerderhof (BU00141004) is suppressed in 2020, so Selwerd is the Selwerd buurt alone: 56.7 vs 48.6.
    assert selwerd["value"] == pytest.approx(56.7)
    assert selwerd["city_value"] == pytest.approx(48.6)
    assert selwerd["gap"] == pytest.approx(8.1)
    assert (selwerd["n_used"], selwerd["n_members"]) == (1, 2)


def test_parameters_are_bound_not_pasted(groningen_db: Path) -> None:
    hostile = "Eenzaam' or '1'='1"
    frame = db.run(groningen_db, "gap_by_area", indicator=hostile, age_group="18plus", year=2020)
    assert frame.empty


def test_wrong_parameters_are_refused(groningen_db: Path) -> None:
    with pytest.raises(DataUnavailable, match="verwacht parameters"):
        db.run(groningen_db, "gap_by_area", indicator="Eenzaam")


@pytest.mark.parametrize("name", ["../etc/passwd", "gap_by_area;drop", "bestaat_niet"])
def test_unknown_query_names_are_refused(groningen_db: Path, name: str) -> None:
    with pytest.raises(DataUnavailable):
        db.run(groningen_db, name)


def test_missing_file_is_a_plain_message(tmp_path: Path) -> None:
    with pytest.raises(DataUnavailable, match=r"bestaat niet.*wijkmonitor build"):
        db.run(tmp_path / "weg.duckdb", "build_meta")


def test_empty_file_is_a_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "leeg.duckdb"
    path.write_bytes(b"")
    with pytest.raises(DataUnavailable, match="is leeg"):
        db.run(path, "build_meta")


def test_not_a_duckdb_file_is_a_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "kapot.duckdb"
    path.write_bytes(b"dit is geen database" * 100)
    with pytest.raises(DataUnavailable, match="geen leesbaar DuckDB-bestand"):
        db.run(path, "build_meta")


def test_old_schema_is_a_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "oud.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("create table build_meta as select 'schema_version' as key, '1' as value")
    with pytest.raises(DataUnavailable, match=f"oude opbouw \\(versie 1, nodig {db.SCHEMA_VERSION}\\)"):
        db.run(path, "build_meta")


def test_a_rebuilt_file_is_read_without_restarting(tmp_path: Path) -> None:
    config_dir, boundaries, source = make_municipality(tmp_path / "a")
    path = tmp_path / "stad.duckdb"
    build(BuildOptions(source=str(source), db=path, config_dir=config_dir, boundaries=boundaries),
          progress=lambda _l: None)
    assert "BU99990099" not in set(db.run(path, "regions_all")["region_code"])
    config_dir, boundaries, source = make_municipality(
        tmp_path / "b", rows=[*LONG_ROWS, ("BU99990099", 2020, "Eenzaam|age_18+", "9")]
    )
    build(BuildOptions(source=str(source), db=path, config_dir=config_dir, boundaries=boundaries),
          progress=lambda _l: None)
    assert "BU99990099" in set(db.run(path, "regions_all")["region_code"])


# --- the data contract: docs/architecture.md, wijkmonitor/schema.py and a real build agree
_ROW = re.compile(r"^\| `(?P<table>[a-z_]+)` \| (?P<columns>`[a-z_0-9]+`(?:, `[a-z_0-9]+`)*) \|$")


def _documented() -> dict[str, tuple[str, ...]]:
    text = (PROJECT_ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text.split("## Tables in the DuckDB file", 1)[1].split("\n## ", 1)[0]
    tables: dict[str, tuple[str, ...]] = {}
    for line in section.splitlines():
        match = _ROW.match(line)
        if match:
            assert match["table"] not in tables, f"{match['table']} staat twee keer in docs/architecture.md"
            tables[match["table"]] = tuple(re.findall(r"`([a-z_0-9]+)`", match["columns"]))
    return tables


def test_docs_list_exactly_the_declared_tables_and_columns() -> None:
    assert _documented() == TABLES


def test_a_real_build_has_exactly_the_declared_tables_and_columns(groningen_db: Path) -> None:
    with duckdb.connect(str(groningen_db), read_only=True) as con:
        rows = con.execute(
            "select table_name, list(column_name order by ordinal_position) from information_schema.columns "
            "where table_schema = 'main' group by table_name"
        ).fetchall()
    assert {str(t): tuple(c) for t, c in rows} == TABLES


def test_a_sqlite_file_is_refused_at_once_without_loading_extensions(tmp_path: Path) -> None:
    path = tmp_path / "wijkmonitor.duckdb"
    with sqlite3.connect(path) as con:
        con.execute("create table build_meta (key text, value text)")
    with pytest.raises(DataUnavailable, match=r"geen leesbaar DuckDB-bestand\. Bouw het opnieuw"):
        db.snapshot(path)


@pytest.mark.parametrize("damage", ["drop table coverage", "alter table gaps drop column trend_break"])
def test_right_version_but_missing_table_or_column_says_rebuild(groningen_db: Path, tmp_path: Path,
                                                                 damage: str) -> None:
    path = tmp_path / "kapot.duckdb"
    shutil.copy(groningen_db, path)
    with duckdb.connect(str(path)) as con:
        con.execute(damage)
    with pytest.raises(DataUnavailable) as info:
        db.snapshot(path)
    missing = "tabel coverage" if "coverage" in damage else "kolom gaps.trend_break"
    assert str(info.value) == f"Het gegevensbestand {path} is onvolledig (ontbreekt: {missing}). {db.REBUILD_HINT}"
