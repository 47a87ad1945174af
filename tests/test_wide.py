"""The wide-table adapter for a municipality's own figures, on files built in the tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from wijkmonitor.adapters.wide import read_wide
from wijkmonitor.common.export import column_letter
from wijkmonitor.config import PROJECT_ROOT
from wijkmonitor.errors import BuildError

COLUMNS_TOML = """
layout = "columns"
region_column = "gebiedscode"
name_column = "gebiedsnaam"
ignore_columns = ["opmerking"]
[indicators]
"Onveiligheidsgevoel" = "Onveilig"
"Vertrouwen in de gemeente" = "Vertrouwen"
"""
NO_NAMES = COLUMNS_TOML.replace('name_column = "gebiedsnaam"\n', "")
SHEETS_TOML = """
layout = "sheets"
region_column = "gebiedscode"
ignore_sheets = ["toelichting"]
[indicators]
"Onveiligheidsgevoel" = "Onveilig"
"""


def _csv(tmp_path: Path, text: str, mapping: str = COLUMNS_TOML, name: str = "monitor") -> Path:
    path = tmp_path / f"{name}.csv"
    path.write_text(text, encoding="utf-8")
    path.with_suffix(".toml").write_text(mapping, encoding="utf-8")
    return path


def _xlsx(tmp_path: Path, sheets: dict[str, list[list[object]]], mapping: str = SHEETS_TOML) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    path = tmp_path / "monitor.xlsx"
    workbook.save(path)
    path.with_suffix(".toml").write_text(mapping, encoding="utf-8")
    return path


def _values(path: Path, gemeente: str | None = "GM0014") -> dict[tuple[str, int, str], float]:
    frame = read_wide(path, source_id="eigen", gemeente=gemeente)
    obs = frame.observations
    return {(str(r["region_code"]), int(r["year"]), str(r["indicator_code"])): float(r["value"])
            for r in obs.to_dict("records")}


def test_indicator_by_year_columns_in_csv(tmp_path: Path) -> None:
    path = _csv(tmp_path, "gebiedscode,gebiedsnaam,Onveiligheidsgevoel 2021,Onveiligheidsgevoel 2023,"
                          "Vertrouwen in de gemeente 2023,opmerking\n"
                          "BU00141000,Selwerd,31.5,28,.,nieuw\n"
                          "GM0014,Groningen,22.1,x,44.0,\n"
                          "BU03630000,Elders,1,2,3,\n")
    values = _values(path)
    assert values == {("BU00141000", 2021, "Onveilig"): 31.5, ("BU00141000", 2023, "Onveilig"): 28.0,
                      ("GM0014", 2021, "Onveilig"): 22.1, ("GM0014", 2023, "Vertrouwen"): 44.0}
    frame = read_wide(path, source_id="eigen", gemeente="GM0014")
    assert dict(zip(frame.regions["region_code"], frame.regions["name"], strict=True))["BU00141000"] == "Selwerd"
    assert set(frame.observations["row"]) == {2, 3}


def test_dutch_excel_csv_with_semicolons_and_decimal_commas(tmp_path: Path) -> None:
    path = _csv(tmp_path, "gebiedscode;Onveiligheidsgevoel 2021;Vertrouwen in de gemeente 2021\n"
                          "bu00141000;31,5;1.234,5\n", mapping=NO_NAMES)
    assert _values(path) == {("BU00141000", 2021, "Onveilig"): 31.5, ("BU00141000", 2021, "Vertrouwen"): 1234.5}


def test_one_sheet_per_year_in_xlsx(tmp_path: Path) -> None:
    path = _xlsx(tmp_path, {
        "toelichting": [["Dit werkblad wordt overgeslagen"]],
        "2021": [["Eigen monitor 2021"], ["gebiedscode", "Onveiligheidsgevoel"], ["BU00141000", 31.5],
                 [None, None], [" wk001410 ", 12]],
        "2023": [["gebiedscode", "Onveiligheidsgevoel"], ["BU00141000", 28]],
    })
    assert _values(path) == {("BU00141000", 2021, "Onveilig"): 31.5, ("WK001410", 2021, "Onveilig"): 12.0,
                             ("BU00141000", 2023, "Onveilig"): 28.0}
    frame = read_wide(path, source_id="eigen", gemeente="GM0014")
    rows = frame.observations.set_index(["region_code", "year"])["row"]
    assert rows[("WK001410", 2021)] == 5  # Excel row numbers: title row, header, data, empty row, data


@pytest.mark.parametrize(
    ("text", "message", "row", "column"),
    [
        ("gebiedscode,Onveiligheidsgevoel 2021\nBU0014100,3\n", "geen CBS-code", 2, "A"),
        ("gebiedscode,Onveiligheidsgevoel 2021\nBU00141000,1e309\n", "geen eindig getal", 2,
         "B (Onveiligheidsgevoel 2021)"),
        ("gebiedscode,Onveiligheidsgevoel 2021\nBU00141000,inf\n", "geen eindig getal", 2,
         "B (Onveiligheidsgevoel 2021)"),
        ("gebiedscode,Onveiligheidsgevoel 2021\nBU00141000,NaN\n", "geen eindig getal", 2,
         "B (Onveiligheidsgevoel 2021)"),
        ("gebiedscode,Onveiligheidsgevoel 2021\nBU00141000," + "9" * 400 + "\n", "geen eindig getal", 2,
         "B (Onveiligheidsgevoel 2021)"),
        ("gebiedscode,Onveiligheidsgevoel 2021\nBU00141000,veel\n", "geen getal", 2,
         "B (Onveiligheidsgevoel 2021)"),
        ("gebiedscode,Onveiligheidsgevoel 2021,Onveiligheidsgevoel 2021\nBU00141000,1,2\n", "twee keer", 1, "C"),
        ("gebiedscode,Onveiligheidsgevoel 2021,onveiligheidsgevoel  2021\nBU00141000,1,2\n", "twee keer", 1, "C"),
        ("gebiedscode,Woonlasten 2021\nBU00141000,1\n", "staat niet in [indicators]", 1, "B"),
        ("gebiedscode,Onveiligheidsgevoel\nBU00141000,1\n", "geen indicator met jaar", 1, "B"),
        ("gebiedscode,Onveiligheidsgevoel 2099\nBU00141000,1\n", "ligt niet tussen", 1, "B"),
        ("gebiedscode,Onveiligheidsgevoel 2021\nBU00141000,1\nbu00141000,2\n", "twee waarden", 3,
         "B (Onveiligheidsgevoel 2021)"),
        ("code,Onveiligheidsgevoel 2021\nBU00141000,1\n", "niet gevonden", 1, None),
    ],
)
def test_bad_cells_are_refused_with_file_row_and_column(
    tmp_path: Path, text: str, message: str, row: int, column: str | None
) -> None:
    path = _csv(tmp_path, text, mapping=NO_NAMES)
    with pytest.raises(BuildError, match=re.escape(message)) as caught:
        read_wide(path, source_id="eigen", gemeente="GM0014")
    assert caught.value.file == str(path) and caught.value.row == row and caught.value.column == column


def test_xlsx_messages_name_the_sheet(tmp_path: Path) -> None:
    path = _xlsx(tmp_path, {"2021": [["gebiedscode", "Onveiligheidsgevoel"], ["BU00141000", "12,5%"]]})
    with pytest.raises(BuildError, match="geen getal") as caught:
        read_wide(path, source_id="eigen", gemeente="GM0014")
    assert caught.value.file == f"{path}, werkblad '2021'" and caught.value.row == 2
    assert str(caught.value).startswith(f"{path}, werkblad '2021', rij 2, kolom B (Onveiligheidsgevoel)")


def test_same_year_on_two_sheets_is_refused(tmp_path: Path) -> None:
    path = _xlsx(tmp_path, {"2021": [["gebiedscode", "Onveiligheidsgevoel"], ["BU00141000", 31.5]],
                            "2021 ": [["gebiedscode", "Onveiligheidsgevoel"], ["BU00141000", 30]]})
    with pytest.raises(BuildError, match=r"twee waarden \(ook in werkblad '2021', rij 2\)") as caught:
        read_wide(path, source_id="eigen", gemeente=None)
    assert caught.value.file == f"{path}, werkblad '2021 '"


def test_sheet_without_a_year_is_refused_unless_ignored(tmp_path: Path) -> None:
    path = _xlsx(tmp_path, {"2021": [["gebiedscode", "Onveiligheidsgevoel"]], "notities": [["x"]]})
    with pytest.raises(BuildError, match="werkblad 'notities' heeft geen jaar"):
        read_wide(path, source_id="eigen", gemeente=None)


@pytest.mark.parametrize(
    ("mapping", "message", "key"),
    [
        (COLUMNS_TOML.replace('layout = "columns"', 'layout = "rijen"'),
         "waarde 'rijen' heeft niet de juiste vorm; verwacht \"columns\" of \"sheets\"", "layout"),
        (COLUMNS_TOML.replace('"Onveilig"', '"Onveilig heid"'), "alleen letters", "indicators"),
        (COLUMNS_TOML.replace('ignore_columns = ["opmerking"]', 'ignore_columns = "opmerking"'),
         "verwacht een lijst", "ignore_columns"),
        ('column_pattern = "^(?P<indicator>.+) (\\\\d{4})$"\n' + COLUMNS_TOML, "(?P<year>", "column_pattern"),
        ("kleur = 3\n" + COLUMNS_TOML, "onbekende sleutel 'kleur'", "kleur"),
    ],
)
def test_mapping_file_is_validated_with_the_key_named(tmp_path: Path, mapping: str, message: str, key: str) -> None:
    path = _csv(tmp_path, "gebiedscode,Onveiligheidsgevoel 2021\nBU00141000,1\n", mapping=mapping)
    with pytest.raises(BuildError, match=re.escape(message)) as caught:
        read_wide(path, source_id="eigen", gemeente=None)
    assert caught.value.file == str(path.with_suffix(".toml")) and caught.value.column == key


def test_missing_mapping_file_says_where_it_belongs(tmp_path: Path) -> None:
    path = tmp_path / "monitor.csv"
    path.write_text("gebiedscode,Onveiligheidsgevoel 2021\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"leg monitor\.toml naast de tabel"):
        read_wide(path, source_id="eigen", gemeente=None)


def test_broken_workbook_is_one_message(tmp_path: Path) -> None:
    path = tmp_path / "monitor.xlsx"
    path.write_bytes(b"PK\x03\x04 dit is geen werkmap")
    path.with_suffix(".toml").write_text(SHEETS_TOML, encoding="utf-8")
    with pytest.raises(BuildError, match="wachtwoord"):
        read_wide(path, source_id="eigen", gemeente=None)


@pytest.mark.parametrize("name", ["eigen-cijfers-breed.csv", "eigen-cijfers-per-jaar.xlsx"])
def test_templates_are_valid_and_empty(name: str) -> None:
    frame = read_wide(PROJECT_ROOT / "templates" / name, source_id="eigen", gemeente="GM0014")
    assert frame.observations.empty and frame.rows_read == 0


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]


def test_build_reads_a_wide_source(tmp_path: Path, source_dir: Path) -> None:
    import duckdb

    from wijkmonitor.build import BuildOptions, build

    fetched = tmp_path / "bron"
    (fetched / "eigen").mkdir(parents=True)
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    # Without comparison.toml: its national RIVM source is not part of this small build.
    for item in (PROJECT_ROOT / "config").iterdir():
        if item.name == "comparison.toml":
            continue
        target = config_dir / item.name
        if item.is_file():
            target.write_bytes(item.read_bytes())
        else:
            target.symlink_to(item)
    # The real 2024 population of GM0014 from the KWB file, next to a municipality's own (constructed) figure.
    (fetched / "raw").mkdir()
    for name in ("kwb2024_85984NED_GM0014_subset_from_stripped_filtered_data_2024.json",
                 "kwb2024_85984NED_DataProperties.json"):
        (fetched / "raw" / name).symlink_to(source_dir / "raw" / name)
    (fetched / "raw/themes").mkdir()
    police = "politie_47018NED_buurten_2023_GM0014.csv"
    (fetched / "raw/themes" / police).symlink_to(source_dir / "raw/themes" / police)
    (fetched / "geo").symlink_to(source_dir / "geo")  # the renewal areas are checked against the 2022 buurten
    (config_dir / "sources.toml").write_text(
        '[[sources]]\nid = "kwb2024"\nadapter = "statline"\ntitle = "KWB 2024"\n'
        'paths = ["raw/kwb2024_85984NED_GM0014_subset_from_stripped_filtered_data_2024.json"]\n'
        'data_properties = "raw/kwb2024_85984NED_DataProperties.json"\nperiod = "2024JJ00"\n\n'
        # The 2024 buurt list the renewal areas' 2024 definitions are checked against.
        '[[sources]]\nid = "politie"\nlists_all_regions = true\nadapter = "csvtable"\ntitle = "Politie"\n'
        f'paths = ["raw/themes/{police}"]\ncode_columns = ["WijkenEnBuurten"]\nyear_column = "Perioden"\n'
        'include = { SoortMisdrijf = ["0.0.0"] }\nboundary_year = 2024\n\n'
        '[[sources]]\nid = "eigen"\nadapter = "wide"\ntitle = "Eigen monitor"\npaths = ["eigen/monitor.csv"]\n',
        encoding="utf-8",
    )
    _csv(fetched / "eigen", "gebiedscode,Onveiligheidsgevoel 2023\nGM0014,22.5\nwk001400,30\n",
         mapping=NO_NAMES)
    db = tmp_path / "eigen.duckdb"
    build(BuildOptions(source=str(fetched), db=db, gemeente="GM0014", config_dir=config_dir),
          progress=lambda _line: None)
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("select region_code, value from observations where indicator_code = 'Onveilig' "
                           "order by region_code").fetchall()
    finally:
        con.close()
    assert rows == [("GM0014", 22.5), ("WK001400", 30.0)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    header=st.lists(st.sampled_from(["Onveiligheidsgevoel 2021", "onveiligheidsgevoel 2021", "Vertrouwen in de "
                                     "gemeente 2023", "opmerking", "Woonlasten 2021", "", "2021"]), max_size=4),
    cells=st.lists(st.lists(st.one_of(st.text(max_size=8), st.sampled_from(
        ["1e309", "inf", "-0", "12,5", "1.234,5", "x", ".", "bu00141000", "BU00141000", "GM0014", "NaN"])),
        max_size=5), max_size=6),
    semicolon=st.booleans(),
)
def test_any_wide_csv_loads_or_raises_the_projects_error(
    tmp_path: Path, header: list[str], cells: list[list[str]], semicolon: bool
) -> None:
    import csv
    import io
    import math

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if semicolon else ",")
    writer.writerow(["gebiedscode", *header])
    writer.writerows(cells)
    path = _csv(tmp_path, buffer.getvalue(), mapping=NO_NAMES)
    try:
        frame = read_wide(path, source_id="eigen", gemeente="GM0014")
    except BuildError as exc:
        assert exc.file is not None and str(path) in exc.file
        return
    values = frame.observations["value"]
    assert all(math.isfinite(v) for v in values)
    assert all(code == code.upper() for code in frame.observations["region_code"])


def test_indicator_by_year_columns_in_a_named_sheet_of_a_workbook(tmp_path: Path) -> None:
    mapping = 'sheet = "Monitor"\n' + NO_NAMES
    path = _xlsx(tmp_path, {
        "toelichting": [["gebiedscode", "iets anders"]],
        "Monitor": [["gebiedscode", "Onveiligheidsgevoel 2021", "Vertrouwen in de gemeente 2021", "opmerking"],
                    ["GM0014", 22.1, None, "bron: eigen enquête"], ["BU00141000", "31,5", 40, None]],
    }, mapping=mapping)
    assert _values(path) == {("GM0014", 2021, "Onveilig"): 22.1, ("BU00141000", 2021, "Onveilig"): 31.5,
                             ("BU00141000", 2021, "Vertrouwen"): 40.0}
    path.with_suffix(".toml").write_text('sheet = "Blad9"\n' + NO_NAMES, encoding="utf-8")
    with pytest.raises(BuildError, match="werkblad 'Blad9' ontbreekt; gevonden: toelichting, Monitor"):
        read_wide(path, source_id="eigen", gemeente=None)
