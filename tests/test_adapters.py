"""Source adapters on the real files in ../shared/data, and on small broken files made in code."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from wijkmonitor.adapters.boundaries import read_boundaries
from wijkmonitor.adapters.kwbmap import read_kwbmap
from wijkmonitor.adapters.longcsv import read_longcsv
from wijkmonitor.adapters.statline import read_statline
from wijkmonitor.config import load_config
from wijkmonitor.errors import BuildError

RIVM_EXTRACT = "raw/rivm_50090NED_gezondheid_wijk_buurt_GM0014_rows.csv"


def _raw_cell(source_dir: Path, code: str, period: str, age: str, column: str) -> str:
    with (source_dir / RIVM_EXTRACT).open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["WijkenEnBuurten"].strip() == code and row["Perioden"] == period and row["Leeftijd"] == age:
                return row[column]
    raise LookupError(code)


def _value(frame: pd.DataFrame, code: str, year: int, indicator: str, age: str) -> float:
    hit = frame[(frame["region_code"] == code) & (frame["year"] == year) & (frame["indicator_code"] == indicator)
                & (frame["age_group"] == age)]
    assert len(hit) == 1, hit
    return float(hit["value"].iloc[0])


def test_statline_extract_values_equal_the_raw_cells(source_dir: Path) -> None:
    frame = read_statline(source_dir / RIVM_EXTRACT, source_id="rivm", gemeente="GM0014").observations
    raw = _raw_cell(source_dir, "BU00141000", "2020JJ00", "20300", "Eenzaam_28")
    assert _value(frame, "BU00141000", 2020, "Eenzaam", "18plus") == float(raw) == 56.7
    assert _value(frame, "GM0014", 2016, "MoeiteMetRondkomen", "65plus") == float(
        _raw_cell(source_dir, "GM0014", "2016JJ00", "80200", "MoeiteMetRondkomen_38"))


def test_statline_symbols_are_missing_not_zero(source_dir: Path) -> None:
    frame = read_statline(source_dir / RIVM_EXTRACT, source_id="rivm", gemeente="GM0014").observations
    # The walking/cycling columns are empty in 2020 and Selwerderhof is suppressed: no rows, no zeros.
    assert frame[(frame["year"] == 2020) & (frame["indicator_code"] == "LopenNaarSchoolOfWerk")].empty
    assert _raw_cell(source_dir, "BU00141004", "2020JJ00", "20300", "Eenzaam_28").strip() in ("", ".")
    assert frame[(frame["region_code"] == "BU00141004") & (frame["year"] == 2020)
                 & (frame["indicator_code"] == "Eenzaam")].empty
    assert (frame["value"] != 0).all() or frame.loc[frame["value"] == 0].empty


def test_statline_national_xlsx_matches_the_extract(source_dir: Path) -> None:
    path = source_dir / "national/rivm_50090NED/RIVM_gezondheid2020_65+.xlsx"
    frame = read_statline(path, source_id="rivm", gemeente=None)
    national = frame.observations
    assert frame.rows_read == 17_341
    # Regions whose every cell is suppressed have no values at all (small buurten): missing, not zero.
    assert 15_000 < national["region_code"].nunique() < 17_341
    assert _value(national, "BU00141000", 2020, "Eenzaam", "65plus") == float(
        _raw_cell(source_dir, "BU00141000", "2020JJ00", "80200", "Eenzaam_28"))
    amsterdam = national[national["region_code"].str.startswith(("GM0363", "WK0363", "BU0363"))]
    assert amsterdam["region_code"].nunique() > 400


def test_statline_json_with_data_properties(source_dir: Path) -> None:
    frame = read_statline(
        source_dir / "raw/kwb2024_85984NED_GM0014_subset_from_stripped_filtered_data_2024.json",
        source_id="kwb", gemeente="GM0014",
        data_properties=source_dir / "raw/kwb2024_85984NED_DataProperties.json", period="2024JJ00",
    )
    assert _value(frame.observations, "GM0014", 2024, "AantalInwoners", "totaal") == 243_768
    titles = frame.metadata.set_index("indicator_code")["label"]
    assert titles["Woningvoorraad"] == "Woningvoorraad"


def _statline_csv(path: Path, rows: list[list[str]], header: list[str] | None = None) -> Path:
    header = header or ["ID", "Leeftijd", "Marges", "WijkenEnBuurten", "Perioden", "Eenzaam_28"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.mark.parametrize("symbol", [".", "x", "-", "", "  .  "])
def test_cbs_symbols_become_missing(tmp_path: Path, symbol: str) -> None:
    path = _statline_csv(tmp_path / "t.csv", [["1", "20300", "MW00000", "GM0014    ", "2020JJ00", symbol],
                                              ["2", "20300", "MW00000", "WK001400  ", "2020JJ00", "  12.5"]])
    frame = read_statline(path, source_id="t", gemeente="GM0014").observations
    assert frame[["region_code", "value"]].values.tolist() == [["WK001400", 12.5]]


def test_non_numeric_value_names_file_row_and_column(tmp_path: Path) -> None:
    path = _statline_csv(tmp_path / "t.csv", [["1", "20300", "MW00000", "GM0014", "2020JJ00", "12"],
                                              ["2", "20300", "MW00000", "WK001400", "2020JJ00", "twaalf"]])
    with pytest.raises(BuildError, match=r"t\.csv, rij 3, kolom Eenzaam_28: waarde 'twaalf' is geen getal"):
        read_statline(path, source_id="t", gemeente="GM0014")


def test_statline_without_region_column_is_refused(tmp_path: Path) -> None:
    path = _statline_csv(tmp_path / "t.csv", [["1", "2020JJ00", "12"]], header=["ID", "Perioden", "Eenzaam_28"])
    with pytest.raises(BuildError, match="geen regiokolom gevonden"):
        read_statline(path, source_id="t", gemeente=None)


def test_statline_without_period_column_is_refused(tmp_path: Path) -> None:
    path = _statline_csv(tmp_path / "t.csv", [["1", "GM0014", "12"]], header=["ID", "WijkenEnBuurten", "Eenzaam_28"])
    with pytest.raises(BuildError, match="geen periodekolom 'Perioden'"):
        read_statline(path, source_id="t", gemeente=None)


def test_statline_unknown_age_code_is_refused(tmp_path: Path) -> None:
    path = _statline_csv(tmp_path / "t.csv", [["1", "99999", "MW00000", "GM0014", "2020JJ00", "12"]])
    with pytest.raises(BuildError, match="rij 2, kolom Leeftijd: onbekende leeftijdscode '99999'"):
        read_statline(path, source_id="t", gemeente=None)


def test_truncated_xlsx_is_refused(tmp_path: Path, source_dir: Path) -> None:
    original = (source_dir / "national/rivm_50090NED/2012_65+.xlsx").read_bytes()
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(original[: len(original) // 3])
    with pytest.raises(BuildError, match=r"kapot\.xlsx: het bestand is beschadigd"):
        read_statline(path, source_id="t", gemeente=None)


def test_xlsx_written_by_excel_reads_like_the_csv(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["ID", "Leeftijd", "Marges", "WijkenEnBuurten", "Perioden", "Eenzaam_28", "Roker_11"])
    sheet.append([0, 20300, "MW00000", "GM0014    ", "2016JJ00", "    44.0", 21.5])
    book.save(tmp_path / "t.xlsx")
    frame = read_statline(tmp_path / "t.xlsx", source_id="t", gemeente="GM0014").observations
    assert sorted(frame["value"].tolist()) == [21.5, 44.0]


def test_long_csv_real_file(source_dir: Path) -> None:
    frame = read_longcsv(source_dir / "indicators/groningen_indicators_long.csv", source_id="g", gemeente="GM0014")
    obs = frame.observations
    assert len(obs) == 29_398
    assert _value(obs, "BU00141000", 2020, "Eenzaam", "18plus") == 56.7
    assert _value(obs, "GM0014", 2019, "AantalInwoners", "totaal") == 231_299
    assert set(obs["age_group"]) == {"18plus", "18-64", "65plus", "totaal"}


def test_long_csv_semicolons_are_refused_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "puntkomma.csv"
    path.write_text("region_code;year;indicator_code;value\nGM0014;2020;Eenzaam;48,6\n", encoding="utf-8")
    with pytest.raises(BuildError, match="rij 1: het bestand gebruikt ; als scheidingsteken"):
        read_longcsv(path, source_id="t", gemeente=None)


def test_long_csv_wrong_encoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("region_code,year,indicator_code,value,region_name\nGM0014,2020,Eenzaam,48.6,Gröningen\n"
                     .encode("latin-1"))
    with pytest.raises(BuildError, match="geen UTF-8"):
        read_longcsv(path, source_id="t", gemeente=None)


def test_long_csv_bad_region_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("region_code,year,indicator_code,value\nGM0014,2020,Eenzaam,48.6\n<b>x</b>,2020,Eenzaam,1\n",
                    encoding="utf-8")
    with pytest.raises(BuildError, match=r"rij 3, kolom region_code: regiocode '<b>x</b>' is geen CBS-code"):
        read_longcsv(path, source_id="t", gemeente=None)


def test_long_csv_missing_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("region,year,value\nGM0014,2020,1\n", encoding="utf-8")
    with pytest.raises(BuildError, match="verplichte kolom\\(men\\) ontbreken: region_code, indicator_code"):
        read_longcsv(path, source_id="t", gemeente=None)


def test_kwb_map_attributes_population_and_missing(source_dir: Path) -> None:
    aliases = load_config().alias_map()
    path = source_dir / "geo/groningen_buurt_2017_kwb.geojson"
    frame = read_kwbmap(path, source_id="kwb", year=2017, aliases=aliases, gemeente="GM0014")
    obs = frame.observations
    assert _value(obs, "BU00140000", 2017, "AantalInwoners", "totaal") == 4440
    assert _value(obs, "BU00140000", 2017, "Perc65JaarOfOuder", "totaal") == 6
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    missing = sum(1 for f in features if f["properties"]["AANT_INW"] == -99999999)
    assert obs[obs["indicator_code"] == "AantalInwoners"]["region_code"].nunique() == len(features) - missing
    assert (obs["value"] != -99999999).all()


def test_boundaries_are_kept_per_year(source_dir: Path) -> None:
    boundaries, files = read_boundaries(source_dir, load_config().boundaries, "GM0014")
    counts = boundaries.groupby(["level", "year"]).size()
    assert counts[("buurt", 2019)] == 139
    assert counts[("buurt", 2022)] == 150
    assert counts[("wijk", 2019)] == 19 and counts[("wijk", 2024)] == 20
    # Where both exist, the wijken dissolved from the buurten are used so the two maps nest.
    assert any(p.name == "groningen_wijk_2022_from_buurt_dissolve.geojson" for p in files)
    geometry = json.loads(boundaries.iloc[0]["geojson"])
    assert geometry["type"] in ("Polygon", "MultiPolygon")


# Missing-value reasons recorded by every adapter (issue 10), checked against the raw cells.
def _raw_rows(path: Path) -> list[dict[str, str]]:
    import gzip

    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_leefbaarometer_na_cells_are_recorded_as_missing_with_their_symbol(source_dir: Path) -> None:
    from wijkmonitor.adapters.csvtable import TableLayout, read_csvtable

    path = source_dir / "raw/themes/leefbaarometer3_wijken_2002-2022_GM0014.csv"
    aliases = load_config().alias_map()
    layout = TableLayout(code_columns=["wk_code"], name_columns=["wk_naam"], year_column="jaar")
    frame = read_csvtable(path, source_id="lbm", layout=layout, aliases=aliases, gemeente="GM0014")
    raw = _raw_rows(path)
    read_columns = [c for c in raw[0] if c in aliases]
    expected = {(r["wk_code"], int(r["jaar"]), aliases[c]) for r in raw for c in read_columns if r[c] == "NA"}
    missing = frame.missing
    keys = zip(missing["region_code"], missing["year"].astype(int), missing["indicator_code"], strict=True)
    assert set(keys) == expected
    assert set(missing["symbol"]) == {"NA"} and len(expected) > 0
    # a value and its absence never share a key
    obs = frame.observations
    values = set(zip(obs["region_code"], obs["year"].astype(int), obs["indicator_code"], strict=True))
    assert not values & expected


def test_kwb_sentinels_are_recorded_as_missing_never_as_values(source_dir: Path) -> None:
    from wijkmonitor.adapters.csvtable import TableLayout, read_csvtable

    path = source_dir / "raw/kwb_buurt/kwb_2017_GM0014.csv"
    aliases = load_config().alias_map()
    layout = TableLayout(code_columns=["BU_CODE", "WK_CODE", "GM_CODE"], name_columns=["BU_NAAM", "WK_NAAM",
                                                                                        "GM_NAAM"],
                         year=2017, exclude={"WATER": ["JA", "B"]})
    frame = read_csvtable(path, source_id="kwb2017", layout=layout, aliases=aliases, gemeente="GM0014")
    raw = [r for r in _raw_rows(path) if r["WATER"] not in ("JA", "B")]
    read_columns = [c for c in raw[0] if c in aliases and c not in ("BU_CODE", "WK_CODE", "GM_CODE")]
    secret = {(r["BU_CODE"] or r["WK_CODE"] or r["GM_CODE"], aliases[c]) for r in raw for c in read_columns
              if r[c].strip().startswith("-99999999")}
    recorded = frame.missing[frame.missing["symbol"].str.startswith("-99999999")]
    assert {(m.region_code, m.indicator_code) for m in recorded.itertuples()} == secret and len(secret) > 500


def test_long_csv_records_secret_and_empty_cells(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("region_code,year,indicator_code,value\nGM9999,2020,Eenzaam|age_18+,12\n"
                    "BU99990001,2020,Eenzaam|age_18+,.\nBU99990002,2020,Eenzaam|age_18+,x\n"
                    "BU99990003,2020,Eenzaam|age_18+,\n", encoding="utf-8")
    frame = read_longcsv(path, source_id="enquete", gemeente=None)
    rows = sorted(frame.missing[["region_code", "symbol", "source_id"]].itertuples(index=False, name=None))
    assert rows == [("BU99990001", ".", "enquete"), ("BU99990002", "x", "enquete"), ("BU99990003", "", "enquete")]
    assert list(frame.observations["region_code"]) == ["GM9999"]


def test_build_tells_the_missing_reasons_apart(groningen_db: Path, source_dir: Path) -> None:
    import duckdb

    with duckdb.connect(str(groningen_db), read_only=True) as con:
        reasons = dict(con.execute("select source_id || ':' || symbol, any_value(reason) from missing_values "
                                   "group by all").fetchall())
        # Leefbaarometer dimensions before 2014 were never published for any wijk: not surveyed that year
        dimension = con.execute("select distinct reason from missing_values where source_id = 'leefbaarometer3' "
                                "and year = 2002").fetchall()
    assert reasons["kwb2017:-99999999"] == "geheim"
    assert reasons["rivm_50090NED:."] == "geheim"
    assert dimension == [("niet gemeten",)]
    assert {"geheim", "niet gemeten"} <= set(reasons.values())
