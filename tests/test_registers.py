"""Registers (issue 5): the example register, every kind of bad row with its exact Dutch message, file problems
(truncated XLSX, semicolon and Latin-1 CSV), text that looks like HTML or SQL, the spec file and the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from wijkmonitor.cli import INTERNAL
from wijkmonitor.cli import main as cli_main
from wijkmonitor.config import PROJECT_ROOT, load_config
from wijkmonitor.errors import BuildError
from wijkmonitor.registers import (
    INTERVENTIONS,
    PROCESS_LOG,
    RESULTS,
    SHEETS,
    TABLE_COLUMNS,
    RegisterError,
    RegisterSpec,
    RegisterTables,
    empty_tables,
    load_register_spec,
    load_registers,
    validate_main,
    validate_registers,
    values,
)
from wijkmonitor.registers.reader import PASSWORD_PROTECTED
from wijkmonitor.registers.values import AMOUNT_NOTATION

CONFIG = load_config()
AREAS = {a.id: a.buurten for a in CONFIG.areas}
AREA_IDS = ", ".join(AREAS)
# The renewal areas' buurten plus one buurt outside them (Sterrebosbuurt), as the build passes all buurten.
BUURTEN = {b for a in CONFIG.areas for b in a.buurten} | {"BU00140600"}
LOOKUPS: dict[str, Any] = {
    "areas": AREAS,
    "buurten": BUURTEN,
    "programmes": {p.id for p in CONFIG.programmes},
    "themes": {t.id for t in CONFIG.themes},
    "indicators": set(CONFIG.indicators),
}
EXAMPLE_DIR = PROJECT_ROOT / "config" / "registers" / "voorbeeld"


def good_intervention(**changes: str) -> dict[str, str]:
    row = {
        "id": "wijkbedrijf-selwerd",
        "name": "Wijkbedrijf Selwerd",
        "description": "Plek voor initiatieven uit de wijk",
        "areas": "selwerd",
        "theme": "meedoen",
        "actielijn": "Werk in de wijk",
        "spoor": "1",
        "lead_partner": "Gemeente Groningen",
        "partners": "KAW;WIJ Groningen",
        "programmes": "wijkvernieuwing;regiodeal",
        "budget_eur": "100000",
        "spent_eur": "50000",
        "start_date": "2021-03-01",
        "end_date": "2025-12-31",
        "status": "lopend",
        "goal_indicators": "Eenzaam",
        "monitoring_type": "impact",
        "is_example": "true",
    }
    row.update(changes)
    return row


def good_result(**changes: str) -> dict[str, str]:
    row = {"intervention_id": "wijkbedrijf-selwerd", "period": "2023", "measure": "deelnemers", "value": "42",
           "target": "50", "unit": "aantal", "source": "registratie", "is_example": "true"}
    row.update(changes)
    return row


def good_log(**changes: str) -> dict[str, str]:
    row = {"date": "2024-03-12", "area": "selwerd", "activity_type": "bewonersavond", "participants": "35",
           "residents_reached": "120", "lived_experience_roles": "3", "raised": "Te weinig speelplekken",
           "action": "Opgenomen in de wijkagenda", "decision_or_intervention_id": "wijkbedrijf-selwerd",
           "action_status": "toegezegd", "lessons": "Jongeren zelf uitnodigen", "is_example": "true"}
    row.update(changes)
    return row


def write_csv(path: Path, header: Sequence[str], rows: Sequence[dict[str, str]], *, encoding: str = "utf-8",
              delimiter: str = ",") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(name, "") for name in header])
    return path


def csv_spec(tmp_path: Path, interventions: Sequence[dict[str, str]] | None = None,
             results: Sequence[dict[str, str]] | None = None,
             log: Sequence[dict[str, str]] | None = None) -> RegisterSpec:
    def write(sheet: Any, rows: Sequence[dict[str, str]] | None) -> Path | None:
        return None if rows is None else write_csv(tmp_path / f"{sheet.sheet}.csv", sheet.names, rows)

    return RegisterSpec.from_files(write(INTERVENTIONS, interventions), write(RESULTS, results),
                                   write(PROCESS_LOG, log))


def messages(spec: RegisterSpec) -> list[str]:
    return [str(p) for p in validate_registers(spec, **LOOKUPS)]


def interventions_problems(tmp_path: Path, *rows: dict[str, str]) -> list[str]:
    return messages(csv_spec(tmp_path, interventions=list(rows)))


def load(spec: RegisterSpec) -> RegisterTables:
    return load_registers(spec, **LOOKUPS)


# --- the example register ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def example() -> RegisterTables:
    spec = load_register_spec()
    assert spec is not None, "config/registers.toml must point at the example register"
    return load(spec)


def test_example_register_is_configured_and_clean(example: RegisterTables) -> None:
    spec = load_register_spec()
    assert spec is not None and spec.interventions is not None
    assert spec.interventions.path == EXAMPLE_DIR / "interventies.csv"
    assert validate_registers(spec, **LOOKUPS) == []
    assert example.warnings == ()
    assert (len(example.interventions), len(example.intervention_results), len(example.process_log)) == (27, 53, 32)


def test_example_interventions_are_the_ones_from_the_programme_documents(example: RegisterTables) -> None:
    names = set(example.interventions["name"])
    for expected in ("Wijkbedrijf Selwerd", "Buurt Fier", "Energiecoaches Beijum", "Mooie Wijken", "Sunny Selwerd",
                     "Wijkdeal De Wijert", "Golvend Lewenborg", "Coöperatieve Wijkraad",
                     "IKC Borgman & Verlengde schooldag", "Speel- en chillplekken Selwerd", "Stratenaanpak GoeieBuurt",
                     "Kansrijk Groningen & Caspomorpark", "De Wijkmakers", "Wijkgildes en wijkacademies",
                     "Kinderopvang en VVE voor ouders zonder toeslag", "Buurtconciërges", "Buurtbemiddeling",
                     "WIJS (Wijk Inzet door Jongeren en Studenten)"):
        assert expected in names
    jtf = example.interventions.set_index("intervention_id").loc["jtf-wijk-als-leerwerkplek"]
    assert jtf["partners"] == "WerkPro;Alfa College" and jtf["programmes"] == "jtf"
    assert example.interventions["intervention_id"].is_unique


def test_example_every_area_resolves_and_every_renewal_area_is_covered(example: RegisterTables) -> None:
    areas = example.intervention_areas
    assert (areas["area_id"].notna() ^ areas["buurt_code"].notna()).all()
    assert set(areas["area_id"].dropna()) <= set(AREAS)
    assert set(areas["buurt_code"].dropna()) == {"BU00141000", "BU00140300"}
    covered = set(areas["area_id"].dropna()) | set(example.process_log["area_id"].dropna())
    assert covered == set(AREAS)
    assert set(areas["intervention_id"]) == set(example.interventions["intervention_id"])
    log = example.process_log
    assert (log["area_id"].notna() ^ log["buurt_code"].notna()).all()


def test_example_sums_per_programme(example: RegisterTables) -> None:
    merged = example.intervention_programmes.merge(example.interventions, on="intervention_id")
    budget = merged.groupby("programme_id")["budget_eur"].sum().to_dict()
    spent = merged.groupby("programme_id")["spent_eur"].sum().to_dict()
    assert budget == {"coalitieakkoord": 2_270_000, "jtf": 2_000_000, "kansrijke-wijk": 1_500_000,
                      "npg": 13_460_000, "nplv": 10_200_000, "overig": 1_825_000, "regiodeal": 14_060_000,
                      "volkshuisvestingsfonds": 4_500_000, "wijkvernieuwing": 17_790_000}
    assert spent["regiodeal"] == 8_715_000 and spent["jtf"] == 0
    assert set(budget) == {p.id for p in CONFIG.programmes}
    # Illustrative budgets stay within the programme totals the documents give.
    totals = {p.id: p.budget_eur for p in CONFIG.programmes if p.budget_eur}
    assert all(budget[p] <= total for p, total in totals.items())
    assert example.interventions["budget_eur"].sum() == 34_815_000


def test_example_figures_are_labelled_as_example(example: RegisterTables) -> None:
    # Only rows whose every fact is in the programme documents are not marked as example data.
    interventions = example.interventions
    assert interventions.loc[~interventions["is_example"], "intervention_id"].tolist() == [
        "krantenabonnement-groningen-noord"]
    assert interventions.loc[interventions["budget_eur"].notna(), "is_example"].all()
    results = example.intervention_results
    real = results.loc[~results["is_example"]]
    assert sorted(zip(real["intervention_id"], real["value"], strict=True)) == [
        ("co-creatie-paddepoel", 9.0), ("cooperatieve-wijkraad", 1000.0), ("cooperatieve-wijkraad", 25000.0)]
    assert real["source"].str.contains("2016|2019").all()
    log = example.process_log
    assert log.loc[~log["is_example"], "date"].tolist() == [pd.Timestamp("2024-01-10")]


def test_example_results_and_log_link_to_interventions(example: RegisterTables) -> None:
    ids = set(example.interventions["intervention_id"])
    assert set(example.intervention_results["intervention_id"]) <= ids
    log = example.process_log
    linked = log["intervention_id"].dropna()
    assert len(linked) == 30 and set(linked) <= ids
    assert log.loc[log["intervention_id"].isna(), "decision_or_intervention_id"].dropna().tolist() == [
        "ambitiedocument 117235-2023"]
    assert log["date"].min() == pd.Timestamp("2019-03-14") and log["date"].max() == pd.Timestamp("2026-10-21")
    assert set(log["date"].dt.year) == set(range(2019, 2027))
    assert set(log["action_status"].dropna()) == {"toegezegd", "in uitvoering", "gedaan", "niet gedaan"}


def test_example_types(example: RegisterTables) -> None:
    for name, frame in example.as_dict().items():
        assert list(frame.columns) == list(TABLE_COLUMNS[name])
        assert {c: str(t) for c, t in frame.dtypes.items()} == TABLE_COLUMNS[name]
    results = example.intervention_results

    def result(intervention_id: str, period: str, measure: str) -> pd.Series:
        match = results[(results["intervention_id"] == intervention_id) & (results["period"] == period)
                        & (results["measure"] == measure)]
        assert len(match) == 1
        return match.iloc[0]

    saving = result("energiecoaches-beijum", "2022", "gemiddelde besparing op energieverbruik")
    assert saving["value"] == 9.5 and saving["unit"] == "%"
    quarter = result("buurt-fier-vinkhuizen", "2023-Q4", "huishoudens aan de deur gesproken")
    assert (quarter["period_start"], quarter["period_end"]) == (pd.Timestamp("2023-10-01"),
                                                                pd.Timestamp("2023-12-31"))
    target_only = result("wijkvernieuwingsplan-lewenborg", "2026", "projecten in uitvoering")
    assert pd.isna(target_only["value"]) and target_only["target"] == 12


def test_example_reads_the_same_from_an_xlsx_workbook(example: RegisterTables, tmp_path: Path) -> None:
    """The example as a municipality would keep it: one workbook, numbers and dates as real Excel cells."""
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    numeric = {"spoor", "budget_eur", "spent_eur", "value", "target", "participants", "residents_reached",
               "lived_experience_roles"}
    for sheet in SHEETS:
        ws = workbook.create_sheet(sheet.sheet)
        with (EXAMPLE_DIR / f"{sheet.sheet}.csv").open(encoding="utf-8", newline="") as handle:
            for i, record in enumerate(csv.DictReader(handle)):
                if i == 0:
                    ws.append(list(record))
                cells: list[Any] = []
                for name, value in record.items():
                    if value and name in numeric:
                        cells.append(float(value.replace(",", ".")))
                    elif value and name in ("start_date", "end_date", "date"):
                        cells.append(dt.date.fromisoformat(value))
                    elif name == "is_example":
                        cells.append(value == "true")
                    else:
                        cells.append(value or None)
                ws.append(cells)
    path = tmp_path / "registers.xlsx"
    workbook.save(path)
    tables = load(RegisterSpec.from_workbook(path))
    for name, frame in example.as_dict().items():
        pd.testing.assert_frame_equal(tables.as_dict()[name], frame)


# --- templates and empty tables ------------------------------------------------------------------------

def test_templates_match_the_schema_and_load_empty() -> None:
    templates = PROJECT_ROOT / "templates"
    workbook = load_workbook(templates / "registers.xlsx")
    for sheet in SHEETS:
        header = [c.value for c in workbook[sheet.sheet][1]]
        assert header == list(sheet.names)
        assert (templates / f"{sheet.sheet}.csv").read_text(encoding="utf-8").strip() == ",".join(sheet.names)
    for spec in (RegisterSpec.from_workbook(templates / "registers.xlsx"),
                 RegisterSpec.from_files(*(templates / f"{s.sheet}.csv" for s in SHEETS))):
        assert validate_registers(spec, **LOOKUPS) == []
        tables = load(spec)
        for name, frame in tables.as_dict().items():
            pd.testing.assert_frame_equal(frame, empty_tables().as_dict()[name])


def test_empty_tables_have_the_documented_columns_and_dtypes() -> None:
    tables = empty_tables()
    assert tables.warnings == ()
    for name, frame in tables.as_dict().items():
        assert frame.empty
        assert {c: str(t) for c, t in frame.dtypes.items()} == TABLE_COLUMNS[name]


# --- bad interventions: one test per check, exact messages ---------------------------------------------

LOC = "fout: bestand interventies.csv, rij 2"


def test_unknown_area(tmp_path: Path) -> None:
    assert interventions_problems(tmp_path, good_intervention(areas="selwerd;noorderplantsoen")) == [
        f"{LOC}, kolom areas (D): onbekend gebied 'noorderplantsoen'; gebruik een gebied uit "
        f"config/programme.toml ({AREA_IDS}) of een CBS-buurtcode (BU + 8 cijfers)"]


def test_unknown_area_suggests_the_nearest_id(tmp_path: Path) -> None:
    assert interventions_problems(tmp_path, good_intervention(areas="Selwrd")) == [
        f"{LOC}, kolom areas (D): onbekend gebied 'Selwrd' (bedoelt u 'selwerd'?); gebruik een gebied uit "
        f"config/programme.toml ({AREA_IDS}) of een CBS-buurtcode (BU + 8 cijfers)"]


def test_unknown_buurt_code(tmp_path: Path) -> None:
    assert interventions_problems(tmp_path, good_intervention(areas="BU00149999")) == [
        f"{LOC}, kolom areas (D): onbekende buurtcode 'BU00149999': niet in de buurtindeling van de gemeente"]


def test_areas_mix_ids_and_buurt_codes_case_insensitively(tmp_path: Path) -> None:
    tables = load(csv_spec(tmp_path, interventions=[good_intervention(areas="Selwerd; bu00140600 ;selwerd")]))
    assert tables.intervention_areas.to_dict("records") == [
        {"intervention_id": "wijkbedrijf-selwerd", "area_id": "selwerd", "buurt_code": None},
        {"intervention_id": "wijkbedrijf-selwerd", "area_id": None, "buurt_code": "BU00140600"}]
    assert tables.interventions.loc[0, "areas"] == "selwerd;BU00140600"


def test_unknown_programme(tmp_path: Path) -> None:
    assert interventions_problems(tmp_path, good_intervention(programmes="wijkvernieuwing;regio-deal")) == [
        f"{LOC}, kolom programmes (J): onbekend programma 'regio-deal' (bedoelt u 'regiodeal'?); kies uit: "
        "coalitieakkoord, jtf, kansrijke-wijk, npg, nplv, overig, regiodeal, volkshuisvestingsfonds, "
        "wijkvernieuwing"]


def test_unknown_theme(tmp_path: Path) -> None:
    assert interventions_problems(tmp_path, good_intervention(theme="wonen")) == [
        f"{LOC}, kolom theme (E): onbekend thema 'wonen'; kies uit: bevolking, gezondheid, kinderen, meedoen, "
        "veilig, wijkontwikkeling"]


def test_unknown_indicator(tmp_path: Path) -> None:
    assert interventions_problems(tmp_path, good_intervention(goal_indicators="Eenzaam;Werkloosheid")) == [
        f"{LOC}, kolom goal_indicators (P): onbekende indicatorcode 'Werkloosheid'; zie config/indicators.toml"]
    assert interventions_problems(tmp_path, good_intervention(goal_indicators="eenzaamheid")) == [
        f"{LOC}, kolom goal_indicators (P): onbekende indicatorcode 'eenzaamheid' (bedoelt u 'Eenzaam'?); zie "
        "config/indicators.toml"]


def test_codes_are_matched_case_insensitively_and_stored_as_configured(tmp_path: Path) -> None:
    tables = load(csv_spec(tmp_path, interventions=[good_intervention(
        theme="Meedoen", programmes="NPG, Regiodeal", goal_indicators="moeitemetrondkomen", status="Lopend")]))
    row = tables.interventions.iloc[0]
    assert (row["theme_id"], row["programmes"], row["goal_indicators"], row["status"]) == (
        "meedoen", "npg;regiodeal", "MoeiteMetRondkomen", "lopend")


@pytest.mark.parametrize(("column", "value", "message"), [
    ("start_date", "maart 2021", "'maart 2021' is geen datum; schrijf jjjj-mm-dd (bijvoorbeeld 2024-03-01) of "
                                 "maak de cel op als datum"),
    ("start_date", "2021-02-30", "'2021-02-30' is geen bestaande datum"),
    ("end_date", "31-13-2025", "'31-13-2025' is geen bestaande datum"),
    ("end_date", "2020-12-31", "einddatum 2020-12-31 ligt vóór de begindatum 2021-03-01"),
])
def test_bad_dates(tmp_path: Path, column: str, value: str, message: str) -> None:
    letter = {"start_date": "M", "end_date": "N"}[column]
    assert interventions_problems(tmp_path, good_intervention(**{column: value})) == [
        f"{LOC}, kolom {column} ({letter}): {message}"]


def test_dutch_dates_are_read_day_first(tmp_path: Path) -> None:
    tables = load(csv_spec(tmp_path, interventions=[good_intervention(start_date="1-3-2021",
                                                                       end_date="31/12/2025")]))
    assert tables.interventions.loc[0, "start_date"] == pd.Timestamp("2021-03-01")
    assert tables.interventions.loc[0, "end_date"] == pd.Timestamp("2025-12-31")


@pytest.mark.parametrize(("column", "value", "message"), [
    ("budget_eur", "-500", "bedrag mag niet negatief zijn (-500)"),
    ("budget_eur", "veel", "'veel' is geen bedrag; " + AMOUNT_NOTATION),
    ("spent_eur", "1,500", "'1,500' is geen bedrag; schrijf een bedrag op zijn Nederlands: 1500, 1.500, 1.500,50 "
                           "of € 1.500,- (punt voor duizendtallen, komma voor centen)"),
    ("budget_eur", "1,000.50", "'1,000.50' is geen bedrag; " + AMOUNT_NOTATION),
    ("budget_eur", "9" * 400, "'99999999999999999999…(400 tekens)' is geen eindig getal"),
    ("budget_eur", "1" * 17, "'11111111111111111' is te groot om een echte waarde te zijn"),
    ("budget_eur", "1e309", "'1e309' is geen bedrag; " + AMOUNT_NOTATION),
    ("spent_eur", "inf", "'inf' is geen bedrag; " + AMOUNT_NOTATION),
    ("spoor", "4", "spoor moet 1, 2 of 3 zijn (1 = voortzetten en opschalen, 2 = koppelkansen, "
                   "3 = systeemdoorbraken), niet '4'"),
    ("status", "bezig", "onbekende status 'bezig'; kies uit: idee, voorbereiding, lopend, afgerond, gestopt"),
    ("monitoring_type", "effect", "onbekende soort monitoring 'effect'; kies uit: resultaat, proces, impact"),
    ("is_example", "misschien", "'misschien' is geen ja/nee-waarde; gebruik true of false"),
])
def test_bad_values(tmp_path: Path, column: str, value: str, message: str) -> None:
    letter = "ABCDEFGHIJKLMNOPQR"[INTERVENTIONS.names.index(column)]
    assert interventions_problems(tmp_path, good_intervention(**{column: value})) == [
        f"{LOC}, kolom {column} ({letter}): {message}"]


def test_amounts_in_dutch_notation(tmp_path: Path) -> None:
    tables = load(csv_spec(tmp_path, interventions=[good_intervention(budget_eur="€ 12.500,50",
                                                                       spent_eur="1500,5")]))
    assert tables.interventions[["budget_eur", "spent_eur"]].iloc[0].tolist() == [12500.5, 1500.5]


@pytest.mark.parametrize(("written", "euros"), [
    ("EUR 1.000.000,-", 1_000_000), ("€ 1.000,50", 1000.5), ("1.000.000", 1_000_000), ("1.000", 1000),
    ("€1.000,--", 1000), ("1.250,- EUR", 1250), ("euro 75", 75), ("12500.5", 12500.5), ("0,5", 0.5),
    ("\u20ac\u00a02.000", 2000),
])
def test_amounts_the_common_dutch_ways(written: str, euros: float) -> None:
    # One parser: a point groups thousands, a comma starts the cents; "1.000" is a thousand, as in Dutch.
    assert values.amount(written) == euros


def password_protected_workbook() -> bytes:
    """What Excel writes for a workbook with a password: an OLE container holding the streams EncryptionInfo
    and EncryptedPackage (MS-OFFCRYPTO) instead of the zip of a workbook; built from those markers here, as no
    encryption library is installed."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    names = b"".join(name.encode("utf-16-le").ljust(128, b"\0")
                     for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage"))
    return header + names + bytes(4096)


def test_a_password_protected_workbook_is_named_once(tmp_path: Path) -> None:
    path = tmp_path / "registers.xlsx"
    path.write_bytes(password_protected_workbook())
    problems = [str(p) for p in validate_registers(RegisterSpec.from_workbook(path), **LOOKUPS)]
    assert problems == [f"fout: bestand registers.xlsx: {PASSWORD_PROTECTED}"]
    # A broken workbook (not encrypted) is also said once, not once per worksheet.
    path.write_bytes(b"PK\x03\x04 afgebroken")
    assert len(validate_registers(RegisterSpec.from_workbook(path), **LOOKUPS)) == 1


def test_spent_far_above_budget_is_a_warning_not_an_error(tmp_path: Path) -> None:
    spec = csv_spec(tmp_path, interventions=[good_intervention(budget_eur="100000", spent_eur="150000"),
                                             good_intervention(id="b", budget_eur="100000", spent_eur="150001")])
    warning = ("waarschuwing: bestand interventies.csv, rij 3, kolom spent_eur (L): uitgegeven bedrag "
               "(€ 150.001) is meer dan anderhalf keer het budget (€ 100.000); klopt dit?")
    assert messages(spec) == [warning]
    tables = load(spec)
    assert tables.warnings == (warning,)
    assert len(tables.interventions) == 2


def test_duplicate_ids(tmp_path: Path) -> None:
    assert interventions_problems(tmp_path, good_intervention(), good_intervention(id="x"),
                                  good_intervention()) == [
        "fout: bestand interventies.csv, rij 4, kolom id (A): code 'wijkbedrijf-selwerd' komt al voor op rij 2"]


def test_missing_required_values(tmp_path: Path) -> None:
    assert interventions_problems(tmp_path, good_intervention(name="", programmes=" ; ", status="")) == [
        f"{LOC}, kolom name (B): verplichte waarde ontbreekt",
        f"{LOC}, kolom programmes (J): verplichte waarde ontbreekt",
        f"{LOC}, kolom status (O): verplichte waarde ontbreekt"]


def test_missing_required_column_and_unknown_column(tmp_path: Path) -> None:
    header = [n for n in INTERVENTIONS.names if n != "theme"] + ["opmerking"]
    path = write_csv(tmp_path / "interventies.csv", header, [good_intervention(opmerking="x")])
    assert messages(RegisterSpec.from_files(path)) == [
        "fout: bestand interventies.csv, rij 1, kolom theme: verplichte kolom ontbreekt in de kopregel",
        "waarschuwing: bestand interventies.csv, rij 1, kolom opmerking (R): onbekende kolom; wordt genegeerd "
        f"(verwacht: {', '.join(INTERVENTIONS.names)})"]


def test_blank_rows_are_skipped_but_row_numbers_stay_as_in_excel(tmp_path: Path) -> None:
    path = tmp_path / "interventies.csv"
    write_csv(path, INTERVENTIONS.names, [good_intervention()])
    with path.open("a", encoding="utf-8", newline="") as handle:
        handle.write(",,,\n\n")
        csv.writer(handle).writerow(list(good_intervention(id="b", theme="wonen").values()))
    assert messages(RegisterSpec.from_files(path)) == [
        "fout: bestand interventies.csv, rij 5, kolom theme (E): onbekend thema 'wonen'; kies uit: bevolking, "
        "gezondheid, kinderen, meedoen, veilig, wijkontwikkeling"]


# --- results and process log ---------------------------------------------------------------------------

def test_result_pointing_to_an_unknown_intervention(tmp_path: Path) -> None:
    spec = csv_spec(tmp_path, interventions=[good_intervention()],
                    results=[good_result(), good_result(intervention_id="Wijkbedrijf-Selwerd"),
                             good_result(intervention_id="buurtbemiddeling")])
    assert messages(spec) == [
        "fout: bestand resultaten.csv, rij 3, kolom intervention_id (A): interventiecode 'Wijkbedrijf-Selwerd' "
        "bestaat niet in het interventieregister (bedoelt u 'wijkbedrijf-selwerd'?)",
        "fout: bestand resultaten.csv, rij 4, kolom intervention_id (A): interventiecode 'buurtbemiddeling' "
        "bestaat niet in het interventieregister"]


def test_results_without_an_interventions_register(tmp_path: Path) -> None:
    assert messages(csv_spec(tmp_path, results=[good_result()])) == [
        "fout: bestand resultaten.csv: de resultaten verwijzen naar interventies, maar er is geen "
        "interventieregister ingesteld (config/registers.toml)"]


@pytest.mark.parametrize(("changes", "column", "message"), [
    ({"period": "voorjaar 2023"}, "period (B)", "'voorjaar 2023' is geen geldige periode; gebruik een jaar "
                                                "(2023), een kwartaal (2023-Q2) of een datum (2023-05-01)"),
    ({"value": "", "target": ""}, "value (D)", "vul een waarde (value) of een streefwaarde (target) in"),
    ({"value": "n.v.t."}, "value (D)", "'n.v.t.' is geen getal"),
    ({"measure": ""}, "measure (C)", "verplichte waarde ontbreekt"),
])
def test_bad_results(tmp_path: Path, changes: dict[str, str], column: str, message: str) -> None:
    spec = csv_spec(tmp_path, interventions=[good_intervention()], results=[good_result(**changes)])
    assert messages(spec) == [f"fout: bestand resultaten.csv, rij 2, kolom {column}: {message}"]


def test_result_periods(tmp_path: Path) -> None:
    spec = csv_spec(tmp_path, interventions=[good_intervention()],
                    results=[good_result(period=p, measure=p) for p in ("2023", "2024-q3", "K1 2025", "15-5-2022")])
    frame = load(spec).intervention_results
    assert frame["period"].tolist() == ["2023", "2024-Q3", "2025-Q1", "2022-05-15"]
    assert frame["period_end"].dt.strftime("%Y-%m-%d").tolist() == ["2023-12-31", "2024-09-30", "2025-03-31",
                                                                    "2022-05-15"]
    assert frame["year"].tolist() == [2023, 2024, 2025, 2022]


def test_duplicate_result_is_a_warning(tmp_path: Path) -> None:
    spec = csv_spec(tmp_path, interventions=[good_intervention()], results=[good_result(), good_result()])
    assert messages(spec) == ["waarschuwing: bestand resultaten.csv, rij 3, kolom measure (C): dezelfde meting "
                              "voor deze interventie en periode staat ook op rij 2"]


@pytest.mark.parametrize(("changes", "column", "message"), [
    ({"area": "zernike"}, "area (B)", f"onbekend gebied 'zernike'; gebruik een gebied uit config/programme.toml "
                                      f"({AREA_IDS}) of een CBS-buurtcode (BU + 8 cijfers)"),
    ({"area": "selwerd;beijum"}, "area (B)", "vul één gebied in, niet 2 (selwerd; beijum)"),
    ({"date": ""}, "date (A)", "verplichte waarde ontbreekt"),
    ({"participants": "-3"}, "participants (D)", "aantal mag niet negatief zijn (-3)"),
    ({"residents_reached": "12,5"}, "residents_reached (E)", "'12,5' is geen geheel aantal"),
    ({"lived_experience_roles": "drie"}, "lived_experience_roles (F)", "'drie' is geen getal"),
    ({"action_status": "klaar"}, "action_status (J)", "onbekende status actie 'klaar'; kies uit: toegezegd, "
                                                      "in uitvoering, gedaan, niet gedaan"),
])
def test_bad_process_log(tmp_path: Path, changes: dict[str, str], column: str, message: str) -> None:
    spec = csv_spec(tmp_path, interventions=[good_intervention()], log=[good_log(**changes)])
    assert messages(spec) == [f"fout: bestand proceslog.csv, rij 2, kolom {column}: {message}"]


def test_process_log_links_interventions_and_keeps_other_references(tmp_path: Path) -> None:
    spec = csv_spec(tmp_path, interventions=[good_intervention()],
                    log=[good_log(), good_log(decision_or_intervention_id="raadsbesluit 2023-12", area="BU00140600",
                                              action_status="In  Uitvoering")])
    log = load(spec).process_log
    assert log["intervention_id"].tolist() == ["wijkbedrijf-selwerd", None]
    assert log["decision_or_intervention_id"].tolist() == ["wijkbedrijf-selwerd", "raadsbesluit 2023-12"]
    assert log[["area", "area_id", "buurt_code"]].values.tolist() == [["selwerd", "selwerd", None],
                                                                      ["BU00140600", None, "BU00140600"]]
    assert log["action_status"].tolist() == ["toegezegd", "in uitvoering"]
    assert log["participants"].tolist() == [35, 35]


# --- file problems -------------------------------------------------------------------------------------

def test_semicolon_csv_is_read_with_a_warning(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "interventies.csv", INTERVENTIONS.names,
                     [good_intervention(budget_eur="12500,50", spent_eur="10000", areas="selwerd;beijum")],
                     delimiter=";")
    spec = RegisterSpec.from_files(path)
    warning = ("waarschuwing: bestand interventies.csv: puntkomma als scheidingsteken herkend (Nederlandse "
               "Excel-instelling); het bestand is als puntkomma-gescheiden bestand ingelezen")
    assert messages(spec) == [warning]
    tables = load(spec)
    assert tables.warnings == (warning,)
    assert tables.interventions.loc[0, "budget_eur"] == 12500.5
    assert tables.intervention_areas["area_id"].tolist() == ["selwerd", "beijum"]


def test_semicolon_inside_an_unquoted_cell_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "interventies.csv"
    cells = list(good_intervention(areas="selwerd;beijum", partners="KAW", programmes="npg").values())  # areas unquoted
    path.write_text(";".join(INTERVENTIONS.names) + "\n" + ";".join(cells) + "\n", encoding="utf-8")
    assert messages(RegisterSpec.from_files(path))[1:] == [
        "fout: bestand interventies.csv, rij 2: rij heeft meer cellen (19) dan de kopregel kolommen (18); staat er "
        "een scheidingsteken in een cel zonder aanhalingstekens?"]


def test_latin1_csv_gets_a_clear_message(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "interventies.csv", INTERVENTIONS.names,
                     [good_intervention(), good_intervention(id="b", name="Coöperatieve Wijkraad")],
                     encoding="latin-1")
    problems = validate_registers(RegisterSpec.from_files(path), **LOOKUPS)
    assert [str(p) for p in problems] == [
        "fout: bestand interventies.csv, rij 3: het bestand is niet als UTF-8 opgeslagen (waarschijnlijk "
        "Windows-1252/Latin-1: letters als é en ë worden anders niet goed gelezen); sla het op als 'CSV UTF-8' of "
        "gebruik het Excel-sjabloon"]
    assert (problems[0].sheet, problems[0].row, problems[0].column) == ("interventies.csv", 3, None)


def test_utf8_with_byte_order_mark_is_fine(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "interventies.csv", INTERVENTIONS.names,
                     [good_intervention(name="Coöperatieve Wijkraad")], encoding="utf-8-sig")
    assert load(RegisterSpec.from_files(path)).interventions.loc[0, "name"] == "Coöperatieve Wijkraad"


def test_missing_file(tmp_path: Path) -> None:
    assert messages(RegisterSpec.from_files(tmp_path / "interventies.csv")) == [
        f"fout: bestand interventies.csv: bestand niet gevonden ({tmp_path / 'interventies.csv'})"]


def xlsx_register(path: Path, rows: Sequence[Sequence[Any]], *, title_row: bool = False,
                  sheets: Sequence[str] = ("interventies", "resultaten", "proceslog")) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for name in sheets:
        ws = workbook.create_sheet(name)
        sheet = next((s for s in SHEETS if s.sheet == name), None)
        if sheet is None:
            continue
        if name == "interventies":
            if title_row:
                ws.append(["Interventieregister gemeente Groningen"])
                ws.append([])
            ws.append(list(sheet.names))
            for row in rows:
                ws.append(list(row))
        else:
            ws.append(list(sheet.names))
    workbook.save(path)
    return path


def xlsx_row(**changes: Any) -> list[Any]:
    row: dict[str, Any] = {**good_intervention(), "spoor": 1, "budget_eur": 100000.0, "spent_eur": 50000,
                           "start_date": dt.datetime(2021, 3, 1), "end_date": dt.date(2025, 12, 31),
                           "is_example": True}
    row.update(changes)
    return [row[name] for name in INTERVENTIONS.names]


def test_xlsx_register_with_problems(tmp_path: Path) -> None:
    path = xlsx_register(tmp_path / "registers.xlsx", [
        xlsx_row(),
        xlsx_row(id="b", budget_eur=-10, end_date=dt.date(2020, 1, 1)),
        xlsx_row(id="c", start_date=45352, spent_eur="veel", areas=None),
    ], title_row=True)
    where = "fout: werkblad interventies in registers.xlsx"
    assert messages(RegisterSpec.from_workbook(path)) == [
        f"{where}, rij 5, kolom budget_eur (K): bedrag mag niet negatief zijn (-10)",
        f"{where}, rij 5, kolom end_date (N): einddatum 2020-01-01 ligt vóór de begindatum 2021-03-01",
        f"{where}, rij 6, kolom areas (D): verplichte waarde ontbreekt",
        f"{where}, rij 6, kolom spent_eur (L): 'veel' is geen bedrag; " + AMOUNT_NOTATION,
        f"{where}, rij 6, kolom start_date (M): het getal 45352 is geen datum; schrijf jjjj-mm-dd "
        "(bijvoorbeeld 2024-03-01) of maak de cel op als datum",
    ]


def test_xlsx_register_reads_excel_cells(tmp_path: Path) -> None:
    path = xlsx_register(tmp_path / "registers.xlsx", [xlsx_row(id=17, spoor=2.0, is_example=False)])
    row = load(RegisterSpec.from_workbook(path)).interventions.iloc[0]
    assert (row["intervention_id"], row["spoor"], row["budget_eur"], row["is_example"]) == ("17", 2, 100000.0,
                                                                                           False)
    assert row["start_date"] == pd.Timestamp("2021-03-01")


def test_xlsx_missing_worksheet(tmp_path: Path) -> None:
    path = xlsx_register(tmp_path / "registers.xlsx", [xlsx_row()], sheets=("interventies", "Blad1"))
    assert messages(RegisterSpec.from_workbook(path)) == [
        "fout: werkblad resultaten in registers.xlsx: werkblad 'resultaten' ontbreekt; gevonden werkbladen: "
        "interventies, Blad1",
        "fout: werkblad proceslog in registers.xlsx: werkblad 'proceslog' ontbreekt; gevonden werkbladen: "
        "interventies, Blad1"]


def test_truncated_xlsx(tmp_path: Path) -> None:
    path = xlsx_register(tmp_path / "registers.xlsx", [xlsx_row()])
    path.write_bytes(path.read_bytes()[:2000])
    expected = ("fout: bestand registers.xlsx: het bestand kan niet als Excel-werkmap worden gelezen (beschadigd, "
                "onvolledig of geen Excel-bestand); sla het opnieuw op als .xlsx")
    assert messages(RegisterSpec.from_workbook(path)) == [expected]  # once for the workbook, not once per worksheet
    with pytest.raises(RegisterError) as caught:
        load(RegisterSpec.from_workbook(path))
    assert isinstance(caught.value, BuildError)
    assert str(caught.value).splitlines()[:2] == ["het register bevat 1 fout:", f"- {expected}"]


# --- text is text --------------------------------------------------------------------------------------

HOSTILE = {
    "name": "<script>alert('wijk')</script>",
    "description": "<b>vet</b> & <img src=x onerror=alert(1)> \"citaat\"",
    "lead_partner": "Robert'); DROP TABLE interventions;--",
    "actielijn": "=HYPERLINK(\"http://example.org\")",
}


def test_html_and_sql_in_text_fields_are_kept_as_plain_text(tmp_path: Path) -> None:
    spec = csv_spec(tmp_path, interventions=[good_intervention(**HOSTILE)],
                    log=[good_log(raised="1; DELETE FROM process_log; --", lessons="<i>les</i>")])
    assert messages(spec) == []
    tables = load(spec)
    row = tables.interventions.iloc[0]
    for column, value in HOSTILE.items():
        assert row[column] == value
    assert tables.process_log.loc[0, "raised"] == "1; DELETE FROM process_log; --"
    # Round trip through DuckDB as the build writes it: the text comes back unchanged, nothing is executed.
    con = duckdb.connect()
    for name, frame in tables.as_dict().items():
        con.register("frame", frame)
        con.execute(f"create table {name} as select * from frame")
        con.unregister("frame")
    assert con.execute("select name, lead_partner from interventions").fetchall() == [
        (HOSTILE["name"], HOSTILE["lead_partner"])]
    assert con.execute("select count(*) from process_log").fetchone() == (1,)


def test_hostile_text_in_xlsx_is_kept(tmp_path: Path) -> None:
    # Without the '=...' cell: openpyxl would store it as a formula, which Excel users cannot type as text either.
    text = {c: v for c, v in HOSTILE.items() if not v.startswith("=")}
    path = xlsx_register(tmp_path / "registers.xlsx", [xlsx_row(**text)])
    row = load(RegisterSpec.from_workbook(path)).interventions.iloc[0]
    assert {c: row[c] for c in text} == text


# --- the error, the spec file, the CLI -----------------------------------------------------------------

def test_register_error_lists_every_problem(tmp_path: Path) -> None:
    spec = csv_spec(tmp_path, interventions=[good_intervention(theme="wonen", budget_eur="1", spent_eur="2")])
    with pytest.raises(RegisterError) as caught:
        load(spec)
    error = caught.value
    assert [(p.sheet, p.row, p.column, p.level) for p in error.problems] == [
        ("interventies.csv", 2, "theme", "fout"), ("interventies.csv", 2, "spent_eur", "waarschuwing")]
    assert str(error).splitlines() == [
        "het register bevat 1 fout:",
        f"- {LOC}, kolom theme (E): onbekend thema 'wonen'; kies uit: bevolking, gezondheid, kinderen, meedoen, "
        "veilig, wijkontwikkeling",
        "- waarschuwing: bestand interventies.csv, rij 2, kolom spent_eur (L): uitgegeven bedrag (€ 2) is meer dan "
        "anderhalf keer het budget (€ 1); klopt dit?"]


def test_load_register_spec(tmp_path: Path) -> None:
    assert load_register_spec(tmp_path / "registers.toml") is None
    toml = tmp_path / "registers.toml"
    toml.write_text("[registers]\n", encoding="utf-8")
    assert load_register_spec(toml) is None
    toml.write_text('[registers]\nworkbook = "data/r.xlsx"\nresults = "/abs/resultaten.csv"\n', encoding="utf-8")
    spec = load_register_spec(toml, root=tmp_path)
    assert spec is not None and spec.interventions is not None and spec.results is not None
    assert (spec.interventions.path, spec.interventions.sheet) == (tmp_path / "data" / "r.xlsx", "interventies")
    assert (spec.results.path, spec.results.sheet) == (Path("/abs/resultaten.csv"), None)
    toml.write_text('[registers]\ninterventies = "x.csv"\n', encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        load_register_spec(toml)
    assert "onbekende sleutel 'interventies' (bedoelt u 'interventions'?); gebruik: workbook, interventions" in str(
        caught.value)


@pytest.mark.parametrize(("text", "message"), [
    ('[registers]\ninterventions = ["a.csv", "b.csv"]\n',
     "kolom registers.interventions: verwacht een bestandsnaam (tekst tussen aanhalingstekens)"),
    ("[registers]\nresults = 3\n", "kolom registers.results: verwacht een bestandsnaam"),
    ('[registers]\nworkbook = "  "\n', "kolom registers.workbook: verwacht een bestandsnaam"),
    ('registers = "interventies.csv"\n', "kolom registers: 'registers' moet een tabel zijn: [registers]"),
    ('[register]\ninterventions = "a.csv"\n', "kolom register: onbekende sleutel 'register' (bedoelt u 'registers'?)"),
])
def test_registers_toml_values_of_the_wrong_type(tmp_path: Path, text: str, message: str) -> None:
    toml = tmp_path / "registers.toml"
    toml.write_text(text, encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        load_register_spec(toml)
    assert f"{toml}, {message}" in str(caught.value)


def test_validate_main_on_the_example(capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WIJKMONITOR_DB", str(tmp_path / "geen.duckdb"))
    assert validate_main([]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "In orde: 27 interventies, 53 resultaten, 32 regels in het proceslogboek (0 waarschuwingen).")


def test_validate_main_on_a_broken_file(capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WIJKMONITOR_DB", str(tmp_path / "geen.duckdb"))
    path = write_csv(tmp_path / "mijn_resultaten.csv", RESULTS.names,
                     [good_result(intervention_id="wijkbedrijf-selwerd"), good_result(intervention_id="onbekend")])
    assert validate_main([str(path)]) == 2
    out = capsys.readouterr().out.splitlines()
    assert out[-2:] == [
        "fout: bestand mijn_resultaten.csv, rij 3, kolom intervention_id (A): interventiecode 'onbekend' bestaat "
        "niet in het interventieregister",
        "1 fout, 0 waarschuwingen: herstel de fouten; de build gebruikt het register zo niet."]


def test_validate_main_checks_a_single_file_on_its_own(capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WIJKMONITOR_DB", str(tmp_path / "geen.duckdb"))
    path = write_csv(tmp_path / "export.csv", INTERVENTIONS.names, [good_intervention(id="nieuw")])
    assert validate_main([str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "In orde: 1 interventie (0 waarschuwingen)."
    assert validate_main([str(PROJECT_ROOT / "templates" / "registers.xlsx")]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "In orde: 0 interventies, 0 resultaten, 0 regels in het proceslogboek (0 waarschuwingen).")
    unknown = tmp_path / "iets.csv"
    unknown.write_text("a,b\n1,2\n", encoding="utf-8")
    assert validate_main([str(unknown)]) == 2
    assert capsys.readouterr().err.startswith(f"FOUT: {unknown}: kan niet bepalen welk register dit is")


def test_docs_describe_every_column() -> None:
    docs = (PROJECT_ROOT / "docs" / "registers.md").read_text(encoding="utf-8")
    for sheet in SHEETS:
        assert f"(`{sheet.sheet}`)" in docs
        for name in sheet.names:
            assert f"| `{name}` |" in docs
    for table, columns in TABLE_COLUMNS.items():
        assert f"| `{table}` |" in docs
        assert all(f"`{c}`" in docs for c in columns)


def test_a_percentage_outside_0_100_is_a_warning_with_its_place(tmp_path: Path) -> None:
    spec = csv_spec(tmp_path, interventions=[good_intervention()],
                    results=[good_result(unit="%", value="140", target="80")])
    assert messages(spec) == ["waarschuwing: bestand resultaten.csv, rij 2, kolom value (D): percentage 140 ligt niet "
                              "tussen 0 en 100; klopt de eenheid?"]


def _special(kind: str, folder: Path) -> Path:
    path = folder / ("registers.xlsx" if kind == "versleuteld" else "interventies.csv")
    if kind == "map":
        path.mkdir()
    elif kind == "pijp":
        os.mkfifo(path)
    elif kind == "leeg":
        path.write_bytes(b"")
    elif kind == "versleuteld":
        path.write_bytes(password_protected_workbook())
    return path


@pytest.mark.parametrize(("kind", "says"), [
    ("map", "dit is een map, geen bestand"),
    ("pijp", "dit is geen gewoon bestand"),
    ("leeg", "bestand interventies.csv: het interventieregister is leeg"),
    ("versleuteld", "het bestand is met een wachtwoord beveiligd"),
])
def test_validate_on_special_files_says_what_is_wrong_with_exit_code_2(
        kind: str, says: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIJKMONITOR_DB", str(tmp_path / "geen.duckdb"))
    path = _special(kind, tmp_path)
    assert cli_main(["validate", str(path)]) == 2
    shown = capsys.readouterr()
    assert says in shown.out + shown.err and "Traceback" not in shown.out + shown.err
    assert INTERNAL not in shown.err
