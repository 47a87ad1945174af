"""The build's caches (parsed sources, combined observations): a build from them is the build without them, a
changed file never meets an old entry, and a refusal is refused again on every build."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.fixtures_build import LONG_ROWS, SOURCES, make_municipality, write_long_csv
from wijkmonitor.build import BuildOptions, build
from wijkmonitor.errors import BuildError

# A second source that repeats one figure of the first (identical) and adds one of its own.
TWO_SOURCES = SOURCES + """
[[sources]]
id = "extra"
adapter = "longcsv"
paths = ["indicators/extra.csv"]
boundary_year = 2022
"""
EXTRA_ROWS = [("GM9999", 2020, "Eenzaam|age_18+", "12"), ("BU99990003", 2020, "Vrijwilligerswerk|age_18+", "25")]
SKIP = {"build_meta", "build_info"}  # the build time differs


def _build(root: Path, lines: list[str], extra: list[tuple[str, int, str, str]] = EXTRA_ROWS,
           rows: list[tuple[str, int, str, str]] = LONG_ROWS) -> Path:
    config_dir, boundaries, source = make_municipality(root, rows=rows, sources=TWO_SOURCES)
    write_long_csv(source / "indicators" / "extra.csv", extra)
    db = root / "out.duckdb"
    build(BuildOptions(source=str(source), db=db, config_dir=config_dir, boundaries=boundaries),
          progress=lines.append)
    return db


def _tables(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        names = [n for (n,) in con.execute("select table_name from duckdb_tables() order by 1").fetchall()]
        return {n: sorted(con.execute(f'select * from "{n}"').fetchall(), key=repr) for n in names if n not in SKIP}


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("WIJKMONITOR_CACHE", str(folder))
    return folder


def test_a_build_from_the_caches_equals_the_build_that_filled_them(tmp_path: Path, cache: Path) -> None:
    cold_lines: list[str] = []
    cold = _tables(_build(tmp_path / "cold", cold_lines))
    assert not any("uit de cache" in line for line in cold_lines)
    assert list(cache.glob("combined-*.duckdb")) and list(cache.glob("src-*.parquet"))
    warm_lines: list[str] = []
    # The same folder again: the source entries are keyed on the path too.
    warm = _tables(_build(tmp_path / "cold", warm_lines))
    assert any("samengevoegde waarden uit de cache" in line for line in warm_lines)
    assert warm == cold
    # the first source wins, the second adds its own figure, the identical duplicate is counted once
    observations = {(r, y, i): (v, s) for r, y, i, _age, v, s, _b in cold["observations"]}
    assert observations[("GM9999", 2020, "Eenzaam")] == (12.0, "enquete")
    assert observations[("BU99990003", 2020, "Vrijwilligerswerk")] == (25.0, "extra")


def test_a_changed_source_file_is_read_again(tmp_path: Path, cache: Path) -> None:
    _build(tmp_path, [])
    lines: list[str] = []
    db = _build(tmp_path, lines, extra=[EXTRA_ROWS[0], ("BU99990003", 2020, "Vrijwilligerswerk|age_18+", "26")])
    assert not any("samengevoegde waarden uit de cache" in line for line in lines)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select value, source_id from observations where region_code = 'BU99990003' "
                           "and indicator_code = 'Vrijwilligerswerk'").fetchall() == [(26.0, "extra")]


@pytest.mark.parametrize(("extra", "message"), [
    ([("GM9999", 2020, "Eenzaam|age_18+", "13")],
     "dubbele rij voor GM9999, 2020, Eenzaam (18plus) met verschillende waarden: 12 ("),
    ([("BU99990003", 2020, "Vrijwilligerswerk|age_18+", "125")], "extra.csv, rij 2, kolom Vrijwilligerswerk: "
                                                                  "percentage 125 ligt niet tussen 0 en 100"),
], ids=["conflict", "percentage"])
def test_a_refusal_is_refused_again_with_warm_caches(tmp_path: Path, cache: Path, extra: list[tuple[str, int, str,
                                                                                                       str]],
                                                     message: str) -> None:
    for _ in range(2):
        with pytest.raises(BuildError) as info:
            _build(tmp_path, [], extra=extra)
        assert message in str(info.value)
        # the message names the file of each value, through the part number the staging table carries
        assert "long.csv" in str(info.value) or "extra.csv" in str(info.value)
    assert not list(cache.glob("combined-*"))
