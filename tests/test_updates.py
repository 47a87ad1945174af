"""Gegevens bijwerken (issue 14): upload checks, validation, change summary, rebuild + swap, rollback, audit,
and two updates at once. Every rebuild is a real `wijkmonitor build` on ../shared/data into a copy of the
session's Groningen database.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

import duckdb
import pytest
from openpyxl import Workbook

from wijkmonitor.config import PROJECT_ROOT, load_config
from wijkmonitor.registers.schema import SHEETS
from wijkmonitor.updates import (
    BuildTarget,
    UpdateBusy,
    UpdateFailed,
    UpdateStore,
    UploadRejected,
    apply_upload,
    changes_frame,
    check_upload,
    diff_frames,
    inspect_upload,
    own_figure_changes,
    problems_frame,
    register_changes,
    rollback,
)
from wijkmonitor.updates.apply import current_own_figures, known_buurten
from wijkmonitor.updates.checks import UploadCheck
from wijkmonitor.updates.upload import display_name

EXAMPLE = PROJECT_ROOT / "config" / "registers" / "voorbeeld"
FILES = {"interventies": "interventies.csv", "resultaten": "resultaten.csv", "proceslog": "proceslog.csv"}
MB = 1024 * 1024


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def example_rows(sheet: str) -> list[dict[str, str]]:
    with (EXAMPLE / FILES[sheet]).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def workbook_bytes(sheets: dict[str, list[dict[str, str]]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        columns = next(s for s in SHEETS if s.sheet == name).names
        sheet.append(list(columns))
        for row in rows:
            sheet.append([row.get(c, "") for c in columns])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(rows: Sequence[dict[str, str]], columns: Sequence[str]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def changed_register() -> dict[str, list[dict[str, str]]]:
    """The example register with one intervention renamed, one result removed and one activity added."""
    interventions = example_rows("interventies")
    interventions[0] = {**interventions[0], "name": "Wijkbedrijf Selwerd (nieuwe naam)"}
    results = example_rows("resultaten")[1:]
    log = example_rows("proceslog")
    log.append({**log[0], "date": "2025-06-01", "activity_type": "wijkschouw"})
    return {"interventies": interventions, "resultaten": results, "proceslog": log}


@pytest.fixture()
def target(groningen_db: Path, source_dir: Path, tmp_path: Path) -> BuildTarget:
    db = tmp_path / "data" / "wijkmonitor.duckdb"
    db.parent.mkdir()
    shutil.copyfile(groningen_db, db)
    return BuildTarget(db=db, source=source_dir, keep_builds=3)


@pytest.fixture(scope="module")
def buurten(groningen_db: Path) -> set[str]:
    return known_buurten(groningen_db)


def check(target: BuildTarget, store: UpdateStore, data: bytes, name: str, buurten: set[str]) -> UploadCheck:
    upload = inspect_upload(data, name, 10 * MB)
    path = store.scratch(upload.data, upload.sha256, upload.suffix)
    return check_upload(upload, path, config=load_config(), registers_toml=target.registers_toml,
                        active=store.active(), buurten=buurten, own_figures_source=target.own_figures_source)


def interventions_in(db: Path) -> dict[str, str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return dict(con.execute("select intervention_id, name from interventions").fetchall())


# --- the first look at the bytes ------------------------------------------------------------------------

def test_upload_names_are_never_paths() -> None:
    assert display_name("../../config/access.toml") == "access.toml"
    assert display_name("C:\\Users\\pb\\registers 2025.xlsx") == "registers 2025.xlsx"
    assert display_name("re\x00gis\nters.csv") == "registers.csv"
    assert display_name("..") == "naamloos" and display_name(None) == "naamloos"


def test_oversized_file_is_refused() -> None:
    with pytest.raises(UploadRejected, match=r"registers\.csv is 2,0 MB; de grens is 1,0 MB"):
        inspect_upload(b"a,b\n" + b"1,2\n" * (MB // 2), "registers.csv", MB)


@pytest.mark.parametrize(("data", "name", "words"), [
    (b"", "leeg.csv", "is leeg"),
    (b"region_code,year\n", "cijfers.xlsx", "heet .xlsx maar is tekst (CSV)"),
    (workbook_bytes({"interventies": []}), "registers.csv", "heet .csv maar is een Excel-werkboek"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "oud.xls", "oud Excel-bestand"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "foto.csv", "geen Excel-werkboek (.xlsx) en geen CSV-bestand"),
    (b"id;naam\n\xe9\xe9n;twee\n", "latin1.csv", "geen CSV-bestand in UTF-8"),
])
def test_files_that_are_not_what_their_name_says(data: bytes, name: str, words: str) -> None:
    with pytest.raises(UploadRejected, match=re.escape(words)):
        inspect_upload(data, name, MB)


def test_a_zip_that_is_no_workbook_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:  # what a .docx looks like inside
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(UploadRejected, match="zip-bestand maar geen Excel-werkboek"):
        inspect_upload(out.getvalue(), "registers.xlsx", MB)


def test_valid_uploads_are_recognised_by_content() -> None:
    book = inspect_upload(workbook_bytes({"interventies": example_rows("interventies")}), "a/b/r.xlsx", MB)
    assert (book.kind, book.suffix, book.display_name) == ("xlsx", ".xlsx", "r.xlsx")
    text = inspect_upload((EXAMPLE / "proceslog.csv").read_bytes(), "proceslog.csv", MB)
    assert text.kind == "csv" and text.sha256 == sha(EXAMPLE / "proceslog.csv")


# --- validation: each failure shows where, and changes nothing -------------------------------------------

def _bad_interventions(**change: str) -> bytes:
    rows = example_rows("interventies")
    rows[2] = {**rows[2], **change}
    return csv_bytes(rows, next(s for s in SHEETS if s.sheet == "interventies").names)


BAD_UPLOADS = [
    pytest.param(_bad_interventions(areas="nergensland"), "interventies.csv", ("interventies.csv", 4, "areas"),
                 id="onbekend-gebied"),
    pytest.param(_bad_interventions(status="bijna klaar"), "interventies.csv", ("interventies.csv", 4, "status"),
                 id="onbekende-status"),
    pytest.param(_bad_interventions(budget_eur="veel"), "interventies.csv", ("interventies.csv", 4, "budget_eur"),
                 id="geen-bedrag"),
    pytest.param(_bad_interventions(id=""), "interventies.csv", ("interventies.csv", 4, "id"), id="lege-code"),
    pytest.param(workbook_bytes({"resultaten": [{**example_rows("resultaten")[0], "intervention_id": "bestaat-niet"}]}),
                 "resultaten.xlsx", ("resultaten", 2, "intervention_id"), id="resultaat-zonder-interventie"),
    pytest.param(b"region_code,year,indicator_code,value\nBU00140000,2020,Eenzaam,12\nXX12,2020,Eenzaam,3\n",
                 "eigen-cijfers.csv", ("eigen-cijfers.csv", 3, "region_code"), id="eigen-cijfers-regiocode"),
    pytest.param(b"region_code,year,indicator_code,value\nBU00140000,1850,Eenzaam,12\n",
                 "eigen-cijfers.csv", ("eigen-cijfers.csv", 2, "year"), id="eigen-cijfers-jaar"),
    pytest.param(b"kolom1,kolom2\n1,2\n", "iets.csv", ("iets.csv", 1, ""), id="onbekende-kopregel"),
]


@pytest.mark.parametrize(("data", "name", "where"), BAD_UPLOADS)
def test_each_validation_failure_is_located_and_changes_nothing(
        target: BuildTarget, buurten: set[str], data: bytes, name: str, where: tuple[str, int, str]) -> None:
    store = UpdateStore(target.db)
    before = sha(target.db)
    result = check(target, store, data, name, buurten)
    assert not result.ok
    table = problems_frame(result.problems)
    assert list(table.columns) == ["soort", "werkblad of bestand", "rij", "kolom", "melding"]
    first = table[table["soort"] == "fout"].iloc[0]
    sheet, row, column = where
    assert first["werkblad of bestand"] == sheet
    assert first["rij"] == row
    assert first["kolom"].startswith(column)
    assert result.upload.sha256 not in " ".join(table["werkblad of bestand"])  # the stored name never shows
    with pytest.raises(UpdateFailed, match="er is niets veranderd"):
        apply_upload(store, result, target=target, user="pb@groningen.nl")
    assert sha(target.db) == before
    assert store.active().registers == {} and store.kept_builds() == []
    entry = store.audit_entries()[0]
    assert (entry.user, entry.result, entry.file_name, entry.sha256) == (
        "pb@groningen.nl", "afgewezen", name, hashlib.sha256(data).hexdigest())


# --- change summary --------------------------------------------------------------------------------------

def test_diff_by_key_and_by_rows() -> None:
    import pandas as pd

    old = pd.DataFrame({"intervention_id": ["a", "b", "c"], "name": ["A", "B", "C"]})
    new = pd.DataFrame({"intervention_id": ["a", "b", "d"], "name": ["A", "B2", "D"]})
    change = diff_frames("interventions", old, new, ("intervention_id",))
    assert (change.added, change.changed, change.removed, change.unchanged) == (1, 1, 1, 1)
    assert "gewijzigd: b" in change.examples
    dup = pd.DataFrame({"intervention_id": ["a", "a"], "name": ["A", "A"]})
    change = diff_frames("interventions", dup, old, ("intervention_id",))  # key not unique: whole rows
    assert (change.added, change.changed, change.removed) == (2, 0, 1)


def test_summary_of_a_register_upload(target: BuildTarget, buurten: set[str]) -> None:
    store = UpdateStore(target.db)
    result = check(target, store, workbook_bytes(changed_register()), "registers 2025.xlsx", buurten)
    assert result.ok, problems_frame(result.problems)
    assert result.registers == ("interventions", "results", "process_log")
    assert result.tables is not None
    changes = {c.table: c for c in register_changes(target.db, result.registers, result.tables.as_dict())}
    assert (changes["interventions"].changed, changes["interventions"].added, changes["interventions"].removed) \
        == (1, 0, 0)
    assert changes["intervention_results"].removed == 1 and changes["intervention_results"].added == 0
    assert changes["process_log"].added == 1 and changes["process_log"].removed == 0
    assert list(changes_frame(list(changes.values()))["tabel"]) == ["interventies", "resultaten", "proceslog"]


# --- applying, audit, rollback ---------------------------------------------------------------------------

def test_valid_register_updates_the_data_and_rolls_back_byte_identically(
        target: BuildTarget, buurten: set[str]) -> None:
    store = UpdateStore(target.db)
    original = sha(target.db)
    data = workbook_bytes(changed_register())
    result = check(target, store, data, "registers 2025.xlsx", buurten)
    lines: list[str] = []
    outcome = apply_upload(store, result, target=target, user="pb@groningen.nl", progress=lines.append)
    assert interventions_in(target.db)["wijkbedrijf-selwerd"] == "Wijkbedrijf Selwerd (nieuwe naam)"
    assert outcome.sha256 == sha(target.db) != original
    assert any(line.startswith("Klaar in") for line in lines)
    entry = store.audit_entries()[0]
    assert (entry.action, entry.result, entry.file_name, entry.user) == (
        "upload", "gelukt", "registers 2025.xlsx", "pb@groningen.nl")
    assert entry.sha256 == hashlib.sha256(data).hexdigest() and entry.size == len(data)
    # The upload is kept under its checksum, never under its uploaded name.
    assert sorted(p.name for p in store.files.iterdir()) == [f"{entry.sha256}.xlsx"]
    kept = store.kept_builds()
    assert [k.build_id for k in kept] == [outcome.build_id] and kept[0].sha256 == original

    restored = rollback(store, outcome.build_id, target=target, user="pb@groningen.nl")
    assert restored == original == sha(target.db)
    assert store.active().registers == {}
    assert store.audit_entries()[0].action == "terugzetten" and store.audit_entries()[0].result == "gelukt"
    assert len(store.audit_entries()) == 2


def test_a_results_csv_uses_the_uploaded_interventions(target: BuildTarget, buurten: set[str]) -> None:
    store = UpdateStore(target.db)
    interventions = example_rows("interventies")
    interventions.append({**interventions[0], "id": "nieuwe-interventie", "name": "Nieuwe interventie"})
    step1 = check(target, store, workbook_bytes({"interventies": interventions}), "interventies.xlsx", buurten)
    apply_upload(store, step1, target=target, user="pb")
    result = {**example_rows("resultaten")[0], "intervention_id": "nieuwe-interventie"}
    data = csv_bytes([*example_rows("resultaten"), result], next(s for s in SHEETS if s.sheet == "resultaten").names)
    step2 = check(target, store, data, "resultaten.csv", buurten)
    assert step2.ok and step2.registers == ("results",)
    apply_upload(store, step2, target=target, user="pb")
    with duckdb.connect(str(target.db), read_only=True) as con:
        n = con.execute("select count(*) from intervention_results where intervention_id = 'nieuwe-interventie'")
        assert n.fetchone() == (1,)
    assert set(store.active().registers) == {"interventions", "results"}


def _own_figures(source_dir: Path) -> str:
    return (source_dir / "indicators" / "groningen_indicators_long.csv").read_text(encoding="utf-8")


def test_own_figures_replace_the_long_csv_source(target: BuildTarget, buurten: set[str], source_dir: Path) -> None:
    store = UpdateStore(target.db)
    original = _own_figures(source_dir)
    # The real file plus one figure of an own survey measure (a fixture: the indicator exists nowhere else).
    data = (original.rstrip("\n") + "\nGM0014,Groningen,gemeente,2024,EigenMeting,Eigen meting,12.5,%,test\n")
    result = check(target, store, data.encode("utf-8"), "eigen cijfers.csv", buurten)
    assert result.ok and result.target == "own_figures" and result.observations is not None
    current = current_own_figures(target, store.active())
    assert current == source_dir / "indicators" / "groningen_indicators_long.csv"
    change = own_figure_changes(current, target.own_figures_source, "GM0014", result.observations)[0]
    assert (change.added, change.changed, change.removed) == (1, 0, 0)
    apply_upload(store, result, target=target, user="pb")
    with duckdb.connect(str(target.db), read_only=True) as con:
        values = con.execute("select region_code, year, value from observations where indicator_code = 'EigenMeting'")
        assert values.fetchall() == [("GM0014", 2024, 12.5)]
    assert store.active().own_figures is not None
    assert _own_figures(source_dir) == original  # the shared source folder is untouched


def test_own_figures_that_contradict_another_source_change_nothing(
        target: BuildTarget, buurten: set[str], source_dir: Path) -> None:
    store = UpdateStore(target.db)
    lines = _own_figures(source_dir).splitlines()
    assert lines[1].startswith("GM0014,Groningen,gemeente,2024,AantalInwoners_5,Aantal inwoners,243768,")
    lines[1] = lines[1].replace(",243768,", ",243769,")
    result = check(target, store, ("\n".join(lines) + "\n").encode("utf-8"), "eigen cijfers.csv", buurten)
    assert result.ok and result.observations is not None  # the file is fine; the build finds the contradiction
    change = own_figure_changes(current_own_figures(target, store.active()), target.own_figures_source, "GM0014",
                                result.observations)[0]
    assert (change.added, change.changed, change.removed) == (0, 1, 0)
    before = sha(target.db)
    with pytest.raises(UpdateFailed) as caught:
        apply_upload(store, result, target=target, user="pb")
    message = str(caught.value)
    assert "het geüploade bestand, rij 2, kolom AantalInwoners" in message and "243769" in message
    assert "overlay-" not in message
    assert sha(target.db) == before and store.active().own_figures is None
    assert not list(target.db.parent.glob(".*update-*"))
    assert store.audit_entries()[0].result == "mislukt"


def test_only_the_configured_number_of_builds_is_kept(target: BuildTarget, buurten: set[str]) -> None:
    target = BuildTarget(db=target.db, source=target.source, keep_builds=1)
    store = UpdateStore(target.db)
    for n in range(2):
        register = changed_register()
        register["interventies"][0]["name"] = f"Wijkbedrijf Selwerd {n}"
        apply_upload(store, check(target, store, workbook_bytes(register), f"r{n}.xlsx", buurten),
                     target=target, user="pb")
    assert len(store.kept_builds()) == 1


# --- two at once -----------------------------------------------------------------------------------------

def test_two_uploads_at_once_one_is_refused_neither_corrupts(target: BuildTarget, buurten: set[str]) -> None:
    store = UpdateStore(target.db)
    checks = []
    for n in range(2):
        register = changed_register()
        register["interventies"][0]["name"] = f"Versie {n}"
        checks.append(check(target, store, workbook_bytes(register), f"r{n}.xlsx", buurten))
    outcomes: dict[int, object] = {}
    barrier = threading.Barrier(2)

    def run(n: int) -> None:
        barrier.wait()
        try:
            outcomes[n] = apply_upload(store, checks[n], target=target, user=f"gebruiker{n}")
        except UpdateBusy as exc:
            outcomes[n] = exc

    threads = [threading.Thread(target=run, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    busy = [n for n, o in outcomes.items() if isinstance(o, UpdateBusy)]
    assert len(busy) == 1, outcomes
    winner = 1 - busy[0]
    # The holder's name is written just after the lock is taken: a refusal in that instant says "iemand anders".
    assert re.search(r"Er loopt al een bijwerking \((gebruiker\d, sinds \S+|iemand anders)\)", str(outcomes[busy[0]]))
    assert interventions_in(target.db)["wijkbedrijf-selwerd"] == f"Versie {winner}"
    results = sorted((e.user, e.result) for e in store.audit_entries())
    assert results == sorted([(f"gebruiker{winner}", "gelukt"), (f"gebruiker{busy[0]}", "afgewezen")])
    assert not list(target.db.parent.glob(".*update-*"))  # no temporary database left behind


def test_an_update_in_another_process_makes_this_one_wait_or_refuse(target: BuildTarget, buurten: set[str]) -> None:
    store = UpdateStore(target.db)
    store.ensure()
    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, sys, time\n"
        f"h = open({str(store.lock_path)!r}, 'a+'); fcntl.flock(h, fcntl.LOCK_EX); h.write('andere server')\n"
        "h.flush(); print('vast', flush=True); time.sleep(3)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "vast"
        result = check(target, store, workbook_bytes(changed_register()), "r.xlsx", buurten)
        before = sha(target.db)
        with pytest.raises(UpdateBusy, match="andere server"):
            apply_upload(store, result, target=target, user="pb")
        assert sha(target.db) == before
        started = time.monotonic()
        apply_upload(store, result, target=target, user="pb", wait_s=60)  # waits for the other to finish
        assert time.monotonic() - started > 0.5
        assert interventions_in(target.db)["wijkbedrijf-selwerd"] == "Wijkbedrijf Selwerd (nieuwe naam)"
    finally:
        holder.kill()
        holder.wait()


def test_failed_build_keeps_the_database(target: BuildTarget, buurten: set[str], tmp_path: Path) -> None:
    store = UpdateStore(target.db)
    result = check(target, store, workbook_bytes(changed_register()), "r.xlsx", buurten)
    broken = BuildTarget(db=target.db, source=tmp_path / "geen-bron")
    before = sha(target.db)
    with pytest.raises(UpdateFailed, match="herbouw is mislukt"):
        apply_upload(store, result, target=broken, user="pb")
    assert sha(target.db) == before and store.active().registers == {}
    assert store.audit_entries()[0].result == "mislukt"



def test_old_checks_are_cleared(tmp_path: Path) -> None:
    import os

    store = UpdateStore(tmp_path / "wijkmonitor.duckdb")
    old = store.scratch(b"a,b\n", "oud", ".csv")
    os.utime(old, (time.time() - 2 * 24 * 3600,) * 2)
    new = store.scratch(b"c,d\n", "nieuw", ".csv")
    assert new.read_bytes() == b"c,d\n" and not old.exists()


def test_a_shell_build_keeps_the_browser_uploads_and_says_so(
        target: BuildTarget, buurten: set[str], capsys: pytest.CaptureFixture[str]) -> None:
    from wijkmonitor.cli import main

    store = UpdateStore(target.db)
    result = check(target, store, workbook_bytes(changed_register()), "registers 2025.xlsx", buurten)
    apply_upload(store, result, target=target, user="pb@groningen.nl")
    active = store.active()
    capsys.readouterr()
    assert main(["build", "--source", str(target.source), "--db", str(target.db), "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert interventions_in(target.db)["wijkbedrijf-selwerd"] == "Wijkbedrijf Selwerd (nieuwe naam)"
    assert "uploads uit de browser gebruikt" in out and "registers 2025.xlsx" in out
    assert store.active() == active  # a shell build reads the active set, it never rewrites it
