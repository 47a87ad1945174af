"""Bad-input catalogue (issue 3, item 5): every way input can be broken, one row each, one test.

Each row says what is broken, how the input is broken (made in code: the hand-made Proefstad municipality of
`tests/fixtures_build.py`, or a deep link, or a broken database file) and which words the Dutch message must
contain to name what is wrong and where. Four kinds of outcome:

* REFUSED: `wijkmonitor build` stops with exit code 2 and "FOUT: <bestand, rij, kolom>: <wat>" on stderr; the
  previously built database is byte-identical afterwards and no temporary file is left beside it.
* KEPT: the oddity is not fatal; the build succeeds, says what it kept and keeps it exactly.
* LINK: a page gets a hostile or impossible query parameter; it shows a short Dutch message (no st.error, no
  exception), falls back to what it shows without the link, and the database is unchanged.
* DBFILE: the database file is missing, empty, old or not a database; every page shows exactly one plain Dutch
  st.error naming the file and the way out, never a traceback, and the file is untouched (a missing one is not
  created).

Rows whose comment says BUG failed before the fix named there (a separate commit). A row with `bug=` shows a
bug in a module this test's author may not change: it runs as xfail(strict=True) with the bug as its reason,
so the suite stays green and the row turns red (XPASS) once the bug is fixed and the mark should go.
"""

from __future__ import annotations

import io
import json
import shutil
import traceback
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pytest
import requests

import wijkmonitor.adapters.odata as odata
from tests.bad_inputs.apptest import PageRun, page_files, run_page
from tests.bad_inputs.sources import (
    A_POINT,
    BOUNDARY_FILE,
    EMPTY_POLYGON,
    HOSTILE_LOG,
    MARKDOWN_NAME,
    ODATA_BASE,
    RD_METRES,
    SELF_INTERSECTING,
    STATLINE_CSV,
    STATLINE_ROWS,
    STATLINE_XLSX,
    TOO_FEW_POINTS,
    boundaries,
    dev_null,
    directory,
    duplicated_statline_header,
    fifo,
    hostile_registers,
    long_csv,
    long_csv_text,
    odata_answer,
    odata_payloads,
    password_protected_workbook,
    register_files,
    statline_csv,
    statline_csv_without,
    statline_sources,
    statline_xlsx,
    truncated,
)
from tests.dbread import query_rows as _rows
from tests.fixtures_build import INDICATORS, LONG_ROWS, PROGRAMME, SOURCES, make_municipality
from tests.test_registers import HOSTILE
from wijkmonitor.build import BuildOptions, build
from wijkmonitor.cli import INTERNAL, main
from wijkmonitor.db import SCHEMA_VERSION

REFUSED, KEPT, LINK, DBFILE = "refused", "kept", "link", "dbfile"
GEBIED, DOELEN, PROFIEL = "pages/gebiedsmonitor.py", "pages/doelen.py", "pages/wijkprofiel.py"
# The pages that show register rows, opened where Proefstad's hostile intervention and log rows appear.
REGISTER_PAGES = (("pages/interventiemonitor.py", ""), ("pages/procesmonitor.py", ""), (PROFIEL, "area=noord"),
                  (GEBIED, "area=noord"))
MAX_LINK_MESSAGE = 300  # characters: "short" for a message about one link value


@dataclass
class Outcome:
    code: int | None = None
    stdout: str = ""
    stderr: str = ""
    crash: str | None = None  # traceback of an exception that escaped the command line instead of a message
    runs: tuple[PageRun, ...] = ()
    default: PageRun | None = None  # a deep link's page opened without the link

    @property
    def shown(self) -> str:
        """Everything a person gets to read."""
        return "\n".join([self.stderr, self.stdout, *(m for run in self.runs for m in run.messages)])


@dataclass
class Workspace:
    root: Path
    db: Path  # a database built before the bad input arrives
    request: pytest.FixtureRequest
    monkeypatch: pytest.MonkeyPatch
    watched: dict[Path, tuple[bytes | None, frozenset[str]]] = field(default_factory=dict)

    def watch(self, path: Path, *, content: bool = True) -> None:
        """Remember a file (its bytes, unless `content` is False) and the names beside it."""
        data = path.read_bytes() if content and path.exists() else None
        self.watched[path] = (data, frozenset(p.name for p in path.parent.iterdir()))

    def assert_unchanged(self) -> None:
        for path, (data, names) in self.watched.items():
            if data is not None:
                assert path.exists() and path.read_bytes() == data, f"{path} is veranderd"
            now = frozenset(p.name for p in path.parent.iterdir())
            assert now == names, f"naast {path} bijgekomen of verdwenen: {sorted(now ^ names)}"

    def groningen(self) -> Path:
        """The session's real Groningen build, as the dashboard's database."""
        path: Path = self.request.getfixturevalue("groningen_db")
        self.monkeypatch.setenv("WIJKMONITOR_DB", str(path))
        self.watch(path)
        return path


Act = Callable[[Workspace], Outcome]
Special = Callable[[Path], object]  # makes something other than a file's bytes at a path


@dataclass(frozen=True)
class Case:
    id: str  # what is broken
    kind: str
    act: Act
    says: tuple[str, ...]  # words the message must contain: what is wrong and where
    check: Callable[[Workspace, Outcome], None] | None = None
    bug: str | None = None  # a known bug in another module: the row is xfail(strict) with this reason


@pytest.fixture(scope="module")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Proefstad built once; each test starts from a copy, the file a failed build must leave alone."""
    root = tmp_path_factory.mktemp("bad_input_template")
    config_dir, boundaries, source = make_municipality(root)
    db = root / "wijkmonitor.duckdb"
    build(BuildOptions(source=str(source), db=db, config_dir=config_dir, boundaries=boundaries, workers=1),
          progress=lambda _line: None)
    return db


@pytest.fixture()
def workspace(tmp_path: Path, template_db: Path, request: pytest.FixtureRequest,
              monkeypatch: pytest.MonkeyPatch) -> Workspace:
    db = tmp_path / "data" / "wijkmonitor.duckdb"
    db.parent.mkdir()
    shutil.copyfile(template_db, db)
    return Workspace(root=tmp_path, db=db, request=request, monkeypatch=monkeypatch)


# ----------------------------------------------------------------------------------------- build side

def cli(*, rows: list[tuple[str, int, str, str]] | None = None, programme: str = PROGRAMME,
        indicators: str = INDICATORS, sources: str = SOURCES, files: dict[str, bytes | Special] | None = None,
        config: dict[str, Callable[[Path], str]] | None = None, url: str | None = None,
        patch: Callable[[pytest.MonkeyPatch], None] | None = None, db: Callable[[Workspace], str] | None = None,
        argv: tuple[str, ...] = ()) -> Act:
    """`wijkmonitor build` on a Proefstad variant: other rows or config, source files replaced by `files` (bytes,
    or a `Special` that makes a directory, FIFO or link there), extra config files (`config`: name -> text made
    from the config folder), an OData `url` as source, another `--db` (made from the workspace) or extra
    arguments (`argv`, replacing `--workers 1`)."""

    def act(ws: Workspace) -> Outcome:
        config_dir, _boundaries, source = make_municipality(ws.root / "input", rows=rows, programme=programme,
                                                            indicators=indicators, sources=sources)
        for relative, data in (files or {}).items():
            target = source / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, bytes):
                target.write_bytes(data)
            else:
                target.unlink(missing_ok=True)
                data(target)
        for name, text in (config or {}).items():
            (config_dir / name).write_text(text(config_dir), encoding="utf-8")
        if patch is not None:
            patch(ws.monkeypatch)
        out, err = io.StringIO(), io.StringIO()
        outcome = Outcome()
        with redirect_stdout(out), redirect_stderr(err):
            try:
                outcome.code = main(["build", "--source", url or str(source), "--db", db(ws) if db else str(ws.db),
                                     "--config", str(config_dir), *(argv or ("--workers", "1"))])
            except BaseException:  # SystemExit too: argparse exits instead of raising
                outcome.crash = traceback.format_exc()
        outcome.stdout, outcome.stderr = out.getvalue(), err.getvalue()
        return outcome

    return act


def odata_json(payload: object) -> Callable[[pytest.MonkeyPatch], None]:
    """The OData API answers `payload` (already parsed JSON) to every request."""
    return lambda mp: mp.setattr(odata, "http_get_json", lambda url: payload)


def odata_replay() -> Callable[[pytest.MonkeyPatch], None]:
    """The OData API answers with the intact StatLine table."""
    return lambda mp: mp.setattr(odata, "http_get_json", lambda url: odata_answer(url, odata_payloads()))


def odata_http(body: bytes, content_type: str) -> Callable[[pytest.MonkeyPatch], None]:
    """The OData API answers HTTP 200 with `body`: what a proxy, portal or maintenance page sends."""

    def get(url: str, **_kwargs: Any) -> requests.Response:
        response = requests.Response()
        response.status_code, response.url, response._content = 200, url, body
        response.headers["Content-Type"] = content_type
        return response

    return lambda mp: mp.setattr(requests, "get", get)


def unknown_region_is_kept(ws: Workspace, outcome: Outcome) -> None:
    assert _rows(ws.db, "select value from observations where region_code = 'BU99990099'") == [(9.0,)]
    assert _rows(ws.db, "select value from build_meta where key = 'unknown_region_rows'") == [("1",)]


def register_text_is_kept(ws: Workspace, outcome: Outcome) -> None:
    row = _rows(ws.db, "select name, description, lead_partner, actielijn from interventions")
    assert row == [(HOSTILE["name"], HOSTILE["description"], HOSTILE["lead_partner"], HOSTILE["actielijn"])]
    assert _rows(ws.db, "select raised, lessons from process_log") == [(HOSTILE_LOG["raised"], HOSTILE_LOG["lessons"])]
    # The SQL in the text was never executed: every table is still there and as full as in a clean build.
    assert _rows(ws.db, "select count(*) from gaps") == _rows(ws.request.getfixturevalue("template_db"),
                                                                "select count(*) from gaps")
    # And no page that shows register rows passes their text to the browser as HTML (st.html, unsafe_allow_html).
    ws.monkeypatch.setenv("WIJKMONITOR_DB", str(ws.db))
    hostile = [*HOSTILE.values(), *HOSTILE_LOG.values()]
    for page, query in REGISTER_PAGES:
        run = run_page(page, query)
        assert not run.exceptions and not run.errors, (page, run.exceptions, run.errors)
        leaks = [text for text in hostile for body in run.raw_html if text in body]
        assert not leaks, f"{page} geeft registertekst als HTML door: {leaks}"


def register_text_is_not_markdown(ws: Workspace, outcome: Outcome) -> None:
    assert _rows(ws.db, "select name from interventions") == [(MARKDOWN_NAME,)]
    ws.monkeypatch.setenv("WIJKMONITOR_DB", str(ws.db))
    for page, query in REGISTER_PAGES:
        run = run_page(page, query)
        assert not run.exceptions and not run.errors, (page, run.exceptions, run.errors)
        formatted = [body for body in run.markdown if MARKDOWN_NAME in body]
        assert not formatted, f"{page} zet een interventienaam onge-escaped in Markdown: {formatted}"


def _bad_years(rows: list[list[str]]) -> list[list[str]]:
    return [*rows, ["6", "20300", "MW00000", "GM9999    ", "2099JJ00", "14"]]


BUILD_CASES = [
    # --- files that cannot be read
    Case("truncated XLSX", REFUSED,
         cli(sources=statline_sources(STATLINE_XLSX), files={STATLINE_XLSX: truncated(statline_xlsx())}),
         ("tabel.xlsx: het bestand is beschadigd of geen geldig .xlsx-bestand",)),
    Case("Latin-1 long CSV", REFUSED,
         cli(files={"indicators/long.csv": long_csv(LONG_ROWS, region_name="Gröningen", encoding="latin-1")}),
         ("long.csv, rij 2: het bestand is geen UTF-8 (byte 83 is ongeldig)",)),
    Case("UTF-16 long CSV", REFUSED,
         cli(files={"indicators/long.csv": long_csv(LONG_ROWS, encoding="utf-16")}),
         ("long.csv, rij 1: het bestand is geen UTF-8",)),
    Case("UTF-16 StatLine CSV", REFUSED,
         cli(sources=statline_sources(STATLINE_CSV), files={STATLINE_CSV: statline_csv(encoding="utf-16")}),
         ("tabel.csv", "het bestand is geen UTF-8")),
    Case("semicolon long CSV", REFUSED,
         cli(files={"indicators/long.csv": long_csv(LONG_ROWS, delimiter=";")}),
         ("long.csv, rij 1: het bestand gebruikt ; als scheidingsteken",)),
    # BUG (fixed in wijkmonitor/adapters/statline.py): said "geen regiokolom gevonden" for a file that has one.
    Case("semicolon StatLine CSV", REFUSED,
         cli(sources=statline_sources(STATLINE_CSV), files={STATLINE_CSV: statline_csv(delimiter=";")}),
         ("tabel.csv, rij 1: het bestand gebruikt ; als scheidingsteken",)),
    Case("missing source file", REFUSED,
         cli(sources=SOURCES.replace("indicators/long.csv", "indicators/bestaat-niet.csv")),
         ("bestaat-niet.csv: bronbestand ontbreekt (bron 'enquete')",)),
    # --- files that can be read but say the wrong thing
    Case("StatLine without region column", REFUSED,
         cli(sources=statline_sources(STATLINE_CSV),
             files={STATLINE_CSV: statline_csv_without("WijkenEnBuurten")}),
         ("tabel.csv, rij 1: geen regiokolom gevonden",)),
    Case("StatLine without period column", REFUSED,
         cli(sources=statline_sources(STATLINE_CSV),
             files={STATLINE_CSV: statline_csv_without("Perioden")}),
         ("tabel.csv, rij 1: geen periodekolom 'Perioden' gevonden",)),
    Case("future year in long CSV", REFUSED,
         cli(rows=[*LONG_ROWS, ("GM9999", 2099, "Eenzaam|age_18+", "12")]),
         ("long.csv, rij 15, kolom year: jaar '2099' ligt niet tussen 1990 en",)),
    # BUG (fixed in wijkmonitor/adapters/statline.py): 2099 was accepted and became every page's latest year.
    Case("future year in StatLine table", REFUSED,
         cli(sources=statline_sources(STATLINE_CSV), files={STATLINE_CSV: statline_csv(_bad_years(STATLINE_ROWS))}),
         ("tabel.csv, rij 8, kolom Perioden: periode '2099JJ00' ligt niet tussen 1990 en",)),
    Case("conflicting duplicate rows", REFUSED,
         cli(rows=[*LONG_ROWS, ("GM9999", 2020, "Eenzaam|age_18+", "13")]),
         ("long.csv, rij 15, kolom Eenzaam: dubbele rij voor GM9999, 2020, Eenzaam (18plus) met verschillende "
          "waarden: 12 (", "rij 3) en 13")),
    Case("unknown region code", KEPT,
         cli(rows=[*LONG_ROWS, ("BU99990099", 2020, "Eenzaam|age_18+", "9")]),
         ("let op: 1 rijen met een regiocode die niet in de grenzen staat",), unknown_region_is_kept),
    # --- configuration
    Case("renewal area names a non-existent buurt", REFUSED,
         cli(programme=PROGRAMME.replace('"BU99990003"]', '"BU99990077"]')),
         ("programme.toml, kolom areas.zuid.buurten: gebied 'zuid' noemt buurt BU99990077, die niet bestaat",)),
    Case("polarity outside the allowed list", REFUSED,
         cli(indicators=INDICATORS.replace('polarity = "higher_better"', 'polarity = "hoger"')),
         ("indicators.toml, kolom indicators.Vrijwilligerswerk.polarity: waarde 'hoger' is niet toegestaan; "
          "kies uit: higher_better, lower_better, neutral",)),
    Case("unit outside the allowed list", REFUSED,
         cli(indicators=INDICATORS.replace('unit = "aantal"', 'unit = "stuks"')),
         ("indicators.toml, kolom indicators.AantalInwoners.unit: waarde 'stuks' is niet toegestaan",)),
    Case("malformed programme.toml", REFUSED,
         cli(programme=PROGRAMME.replace("[[areas]]", "[[areas]", 1)),
         ("programme.toml: geen geldige TOML op regel 24, kolom",)),
    Case("HTML and SQL in register text", KEPT,
         cli(config={"registers.toml": lambda config_dir: hostile_registers(config_dir / "registers")}),
         ("registers: 1 interventies, 0 resultaten, 1 regels proceslog",), register_text_is_kept),
    Case("Markdown in register text", KEPT,
         cli(config={"registers.toml": lambda config_dir: hostile_registers(config_dir / "registers",
                                                                            name=MARKDOWN_NAME)}),
         # BUG (fixed in wijkmonitor/gebied/sentences.py): intervention names in the trend caption were Markdown.
         ("registers: 1 interventies",), register_text_is_not_markdown),
    # --- OData: the build's source is a URL that answers garbage
    # BUG (fixed in wijkmonitor/adapters/odata.py): reported "downloaden mislukt" for a page that did arrive.
    Case("OData answers an HTML page", REFUSED,
         cli(sources=statline_sources(STATLINE_CSV), url=ODATA_BASE,
             patch=odata_http(b"<!DOCTYPE html><html><body>Onderhoud</body></html>", "text/html")),
         (f"{ODATA_BASE}/50090NED/DataProperties: het antwoord is geen JSON maar text/html",)),
    Case("OData answers an error object", REFUSED,
         cli(sources=statline_sources(STATLINE_CSV), url=ODATA_BASE,
             patch=odata_json({"odata.error": {"code": "", "message": {"value": "Resource not found"}}})),
         (f"{ODATA_BASE}/50090NED/DataProperties: onverwacht antwoord: geen 'value'-lijst",)),
    # BUG (fixed in wijkmonitor/adapters/odata.py): a TypeError traceback instead of a message.
    Case("OData value is text, not rows", REFUSED,
         cli(sources=statline_sources(STATLINE_CSV), url=ODATA_BASE,
             patch=odata_json({"value": "<html>Service Unavailable</html>"})),
         (f"{ODATA_BASE}/50090NED/DataProperties: onverwacht antwoord: 'value' is geen lijst",)),
    # BUG (fixed in wijkmonitor/adapters/odata.py): a TypeError traceback instead of a message.
    Case("OData rows are not objects", REFUSED,
         cli(sources=statline_sources(STATLINE_CSV), url=ODATA_BASE, patch=odata_json({"value": [1, 2, 3]})),
         (f"{ODATA_BASE}/50090NED/DataProperties: onverwacht antwoord: rij 1 is geen JSON-object",)),
]


# ------------------------------------------------------------------------- issue 12: no input breaks it

LONG = "indicators/long.csv"


def _encrypted_registers(config_dir: Path) -> str:
    path = config_dir / "registers" / "registers.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(password_protected_workbook())
    return f'[registers]\nworkbook = "{path}"\n'


def _kept_amount(euros: float) -> Callable[[Workspace, Outcome], None]:
    def check(ws: Workspace, outcome: Outcome) -> None:
        assert _rows(ws.db, "select budget_eur from interventions") == [(euros,)]

    return check


def _lower_case_codes_are_kept(ws: Workspace, outcome: Outcome) -> None:
    # The buurt's figures are all there, under the CBS code, and the summary says what was changed.
    assert _rows(ws.db, "select count(*) from observations where region_code = 'BU99990001'") == [(4,)]
    assert _rows(ws.db, "select value from gaps where unit_code = 'zuid' and indicator_code = 'Eenzaam' "
                        "and year = 2020") == [(11.0,)]


def _not_letter_by_letter(ws: Workspace, outcome: Outcome) -> None:
    assert "noemt buurt B," not in outcome.shown, "de tekst is letter voor letter als lijst gelezen"


def _missing_folder_db(ws: Workspace) -> str:
    return str(ws.root / "data" / "wijkmonitor.duckdb" / "nieuw.duckdb")  # the database file as a folder


HOSTILE_CASES = [
    # --- a file where a file is expected that is not one
    Case("empty long CSV", REFUSED, cli(files={LONG: b""}), ("long.csv: het bestand is leeg",)),
    Case("long CSV with only spaces", REFUSED, cli(files={LONG: b"  \n\n"}),
         ("long.csv, rij 1: het bestand heeft geen kopregel",)),
    Case("directory as long CSV", REFUSED, cli(files={LONG: directory}), ("long.csv: dit is een map, geen bestand",)),
    Case("FIFO as long CSV", REFUSED, cli(files={LONG: fifo}), ("long.csv: dit is geen gewoon bestand",)),
    Case("/dev/null as StatLine CSV", REFUSED,
         cli(sources=statline_sources(STATLINE_CSV), files={STATLINE_CSV: dev_null}),
         ("tabel.csv: dit is geen gewoon bestand",)),
    Case("empty StatLine XLSX", REFUSED,
         cli(sources=statline_sources(STATLINE_XLSX), files={STATLINE_XLSX: b""}),
         ("tabel.xlsx: het bestand is leeg",)),
    Case("empty boundary file", REFUSED, cli(files={BOUNDARY_FILE: b""}),
         ("proefstad_buurt_2022.geojson: het bestand is leeg",)),
    Case("FIFO as boundary file", REFUSED, cli(files={BOUNDARY_FILE: fifo}),
         ("proefstad_buurt_2022.geojson: dit is geen gewoon bestand",)),
    Case("absolute path in sources.toml", REFUSED,
         cli(sources=SOURCES.replace('"indicators/long.csv"', '"/dev/null"')),
         ("kolom sources.enquete.paths: pad '/dev/null' moet relatief zijn aan de bronmap",)),
    # --- the database to write
    Case("--db is a directory", REFUSED, cli(db=lambda ws: str(ws.db.parent)),
         ("data: het databasebestand is een map; geef een bestandsnaam",)),
    Case("--db is /dev/null", REFUSED, cli(db=lambda _ws: "/dev/null"),
         ("/dev/null: het databasebestand is geen gewoon bestand",)),
    Case("--db inside a file", REFUSED, cli(db=_missing_folder_db),
         ("de map voor het databasebestand kan niet bestaan", "wijkmonitor.duckdb is een bestand")),
    Case("--db in a folder that cannot be written", REFUSED, cli(db=lambda _ws: "/proc/wijkmonitor.duckdb"),
         ("/proc/wijkmonitor.duckdb: in map /proc kan niet worden geschreven",)),
    Case("--workers is not a number", REFUSED, cli(argv=("--workers", "twee")),
         ("opdrachtregel: optie --workers: 'twee' is geen geheel getal",)),
    # --- geometries
    Case("self-intersecting ring", REFUSED, cli(files={BOUNDARY_FILE: boundaries(SELF_INTERSECTING)}),
         ("proefstad_buurt_2022.geojson, rij 1, kolom geometry: ongeldige geometrie: de rand snijdt zichzelf bij",)),
    Case("ring with too few points", REFUSED, cli(files={BOUNDARY_FILE: boundaries(TOO_FEW_POINTS)}),
         ("rij 1, kolom geometry: ongeldige geometrie: een ring heeft te weinig punten",)),
    Case("null geometry", REFUSED, cli(files={BOUNDARY_FILE: boundaries("null")}),
         ("rij 1, kolom geometry: vlak zonder geometrie",)),
    Case("empty polygon", REFUSED, cli(files={BOUNDARY_FILE: boundaries(EMPTY_POLYGON)}),
         ("rij 1, kolom geometry: lege geometrie",)),
    Case("a point as a buurt", REFUSED, cli(files={BOUNDARY_FILE: boundaries(A_POINT)}),
         ("rij 1, kolom geometry: geometrie van type 'Point'; verwacht Polygon of MultiPolygon",)),
    Case("RD metres in a WGS84 file", REFUSED, cli(files={BOUNDARY_FILE: boundaries(RD_METRES)}),
         ("rij 1, kolom geometry: coördinaten liggen buiten", "geen RD-meters")),
    Case("buurt twice in a boundary file", REFUSED,
         cli(files={BOUNDARY_FILE: boundaries(extra=[json.loads(boundaries())["features"][0]])}),
         ("rij 4, kolom statcode: regiocode BU99990001 staat twee keer in dit bestand (ook vlak 1)",)),
    # --- numbers are checked, not just parsed
    Case("1e309 in long CSV", REFUSED, cli(files={LONG: long_csv_text("GM9999,2012,Eenzaam|age_18+,1e309")}),
         ("long.csv, rij 15, kolom value: waarde '1e309' is geen eindig getal",)),
    Case("inf in long CSV", REFUSED, cli(files={LONG: long_csv_text("GM9999,2012,Eenzaam|age_18+,-inf")}),
         ("long.csv, rij 15, kolom value: waarde '-inf' is geen eindig getal",)),
    Case("400-digit number in StatLine CSV", REFUSED,
         cli(sources=statline_sources(STATLINE_CSV),
             files={STATLINE_CSV: statline_csv([*STATLINE_ROWS, ["6", "20300", "MW00000", "GM9999", "2012JJ00",
                                                                  "9" * 400]])}),
         ("tabel.csv, rij 8, kolom Eenzaam_28: waarde '99999999999999999999…(400 tekens)' is geen eindig getal",)),
    Case("20-digit number in long CSV", REFUSED,
         cli(files={LONG: long_csv_text("BU99990003,2017,AantalInwoners," + "1" * 20)}),
         ("rij 15, kolom value: waarde '11111111111111111111' is te groot om een echte waarde te zijn",)),
    Case("percentage above 100", REFUSED, cli(files={LONG: long_csv_text("GM9999,2012,Eenzaam|age_18+,112")}),
         ("long.csv, rij 15, kolom Eenzaam: percentage 112 ligt niet tussen 0 en 100",)),
    Case("negative percentage in StatLine XLSX", REFUSED,
         cli(sources=statline_sources(STATLINE_XLSX),
             files={STATLINE_XLSX: statline_xlsx([*STATLINE_ROWS, ["6", "20300", "MW00000", "GM9999", "2012JJ00",
                                                                    "-3"]])}),
         ("tabel.xlsx, rij 8, kolom Eenzaam: percentage -3 ligt niet tussen 0 en 100",)),
    Case("duplicated column in long CSV", REFUSED,
         cli(files={LONG: long_csv_text(header="region_code,year,indicator_code,value,year")}),
         ("long.csv, rij 1, kolom year: kolomnaam 'year' komt twee keer voor in de kopregel (kolom 2 en 5)",)),
    Case("duplicated measure in StatLine CSV", REFUSED,
         cli(sources=statline_sources(STATLINE_CSV),
             files={STATLINE_CSV: statline_csv([[*r, r[5]] for r in STATLINE_ROWS], duplicated_statline_header())}),
         ("tabel.csv, rij 1, kolom Eenzaam_28: kolomnaam 'Eenzaam_28' komt twee keer voor",)),
    Case("duplicated measure in StatLine XLSX", REFUSED,
         cli(sources=statline_sources(STATLINE_XLSX),
             files={STATLINE_XLSX: statline_xlsx([[*r, r[5]] for r in STATLINE_ROWS], duplicated_statline_header())}),
         ("tabel.xlsx, rij 1, kolom Eenzaam_28: kolomnaam 'Eenzaam_28' komt twee keer voor",)),
    Case("key twice in a GeoJSON object", REFUSED,
         cli(files={BOUNDARY_FILE: boundaries().replace(b'"statnaam"', b'"statcode": "BU99990009", "statnaam"', 1)}),
         ("proefstad_buurt_2022.geojson: sleutel 'statcode' staat twee keer in hetzelfde JSON-object",)),
    # --- region codes are normalised, and the summary says so
    Case("lower-case codes in long CSV", KEPT,
         cli(rows=[(r.lower() if r.startswith("BU99990001") else r, y, i, v) for r, y, i, v in LONG_ROWS]),
         ("let op:", "long.csv: 4 regiocodes in kolom region_code naar CBS-schrijfwijze gezet",
          "rij 4: 'bu99990001' werd BU99990001"), _lower_case_codes_are_kept),
    Case("lower-case codes in StatLine CSV", KEPT,
         cli(sources=statline_sources(STATLINE_CSV),
             files={STATLINE_CSV: statline_csv([[*r[:3], r[3].lower(), *r[4:]] for r in STATLINE_ROWS])}),
         ("tabel.csv: 6 regiocodes in kolom WijkenEnBuurten naar CBS-schrijfwijze gezet",)),
    Case("lower-case code in boundary file", KEPT, cli(files={BOUNDARY_FILE: boundaries(code="bu99990001")}),
         ("proefstad_buurt_2022.geojson: 1 regiocodes in statcode naar CBS-schrijfwijze gezet",
          "vlak 1: 'bu99990001' werd BU99990001"), _lower_case_codes_are_kept),
    # --- configuration values of the wrong type (wijkmonitor/config.py)
    Case("text for a list of buurten", REFUSED,
         cli(programme=PROGRAMME.replace('buurten = ["BU99990003"]', 'buurten = "BU99990003"')),
         ("programme.toml, kolom areas[1].buurten: verwacht een lijst", "kreeg 'BU99990003'"), _not_letter_by_letter),
    Case("text for a list of source paths", REFUSED,
         cli(sources=SOURCES.replace('paths = ["indicators/long.csv"]', 'paths = "indicators/long.csv"')),
         ("sources.toml, kolom sources[0].paths: verwacht een lijst",)),
    Case("text for first_year", REFUSED, cli(programme=PROGRAMME.replace("first_year = 2018", 'first_year = "x"', 1)),
         ("programme.toml, kolom areas[0].first_year: verwacht een geheel getal, kreeg 'x'",)),
    Case("text for a tolerance", REFUSED,
         cli(programme=PROGRAMME.replace("stable_tolerance = 0.5", 'stable_tolerance = "half"')),
         ("programme.toml, kolom gaps.stable_tolerance: verwacht een getal, kreeg 'half'",)),
    Case("text for decimals", REFUSED,
         cli(indicators=INDICATORS.replace("headline = true", 'headline = true\ndecimals = "een"')),
         ("indicators.toml, kolom indicators.Eenzaam.decimals: verwacht een geheel getal",)),
    # --- registers
    Case("password-protected register workbook", REFUSED, cli(config={"registers.toml": _encrypted_registers}),
         ("het register bevat 1 fout", "registers.xlsx: het bestand is met een wachtwoord beveiligd")),
    Case("amount written EUR 1.000.000,-", KEPT,
         cli(config={"registers.toml": lambda c: register_files(c / "registers", budget_eur="EUR 1.000.000,-")}),
         ("registers: 1 interventies",), _kept_amount(1_000_000.0)),
    Case("amount written € 1.000,50", KEPT,
         cli(config={"registers.toml": lambda c: register_files(c / "registers", budget_eur="€ 1.000,50")}),
         ("registers: 1 interventies",), _kept_amount(1000.5)),
    Case("amount in English notation", REFUSED,
         cli(config={"registers.toml": lambda c: register_files(c / "registers", budget_eur="1,000,000.00")}),
         ("kolom budget_eur (K): '1,000,000.00' is geen bedrag; schrijf een bedrag op zijn Nederlands",)),
    Case("400-digit budget", REFUSED,
         cli(config={"registers.toml": lambda c: register_files(c / "registers", budget_eur="9" * 400)}),
         ("kolom budget_eur (K): '99999999999999999999…(400 tekens)' is geen eindig getal",)),
]


# ---------------------------------------------------------------------------------------------- pages

_DEFAULT_RUNS: dict[tuple[str, Path], PageRun] = {}


def link(page: str, query: str) -> Act:
    """Open `page?query` on the real Groningen build, and the same page without the link to compare."""

    def act(ws: Workspace) -> Outcome:
        db = ws.groningen()
        if (page, db) not in _DEFAULT_RUNS:
            _DEFAULT_RUNS[page, db] = run_page(page)
        return Outcome(runs=(run_page(page, query),), default=_DEFAULT_RUNS[page, db])

    return act


LINK_CASES = [
    Case("Gebiedsmonitor indicator with SQL", LINK, link(GEBIED, "indicator=Eenzaam'; drop table gaps; --"),
         ("De link noemt de indicator", "drop table gaps", "‘Eenzaam’ wordt getoond")),
    Case("Gebiedsmonitor area with HTML", LINK, link(GEBIED, "area=<script>alert(1)</script>"),
         ("De link noemt het gebied", "script", "Selwerd wordt getoond")),
    Case("Gebiedsmonitor year 2099", LINK, link(GEBIED, "year=2099"),
         ("De link noemt het jaar ‘2099’, die bestaat hier niet; 2020 wordt getoond",)),
    Case("Gebiedsmonitor year in words", LINK, link(GEBIED, "year=twintig"),
         ("De link noemt het jaar ‘twintig’, die bestaat hier niet",)),
    Case("Gebiedsmonitor unknown level", LINK, link(GEBIED, "level=x"),
         ("De link noemt het kaartniveau ‘x’, die bestaat hier niet; buurten wordt getoond",)),
    # `+` in a real URL decodes to a space: the server receives "18 ".
    Case("Gebiedsmonitor age 18+ from a URL", LINK, link(GEBIED, "age=18+"),
         ("De link noemt de leeftijdsgroep ‘18’, die bestaat hier niet",)),
    Case("Gebiedsmonitor overlong indicator", LINK, link(GEBIED, "indicator=" + "Eenzaam" * 50),
         ("De link noemt de indicator ‘(te lange waarde)’",)),
    Case("Doelen goal with HTML", LINK, link(DOELEN, "goal=<script>alert(1)</script>"),
         ("Het doel", "script", "bestaat niet (meer); alle doelen worden getoond")),
    Case("Wijkprofiel area with SQL", LINK, link(PROFIEL, "area='; drop table gaps; --"),
         ("Het gebied", "drop table gaps", "uit de link bestaat niet of heeft geen cijfers")),
]


def db_file(make: Callable[[Path], object]) -> Act:
    """Every page on a database file made by `make` (which may leave it missing)."""

    def act(ws: Workspace) -> Outcome:
        path = ws.root / "kapot" / "wijkmonitor.duckdb"
        path.parent.mkdir()
        make(path)
        ws.watch(path)
        ws.monkeypatch.setenv("WIJKMONITOR_DB", str(path))
        return Outcome(runs=tuple(run_page(page) for page in page_files()))

    return act


def _old_schema(path: Path) -> None:
    with duckdb.connect(str(path)) as con:
        con.execute("create table build_meta as select 'schema_version' as key, '1' as value")
        con.execute("create table gaps as select 'selwerd' as unit_code, 1.0 as gap")


DBFILE_CASES = [
    Case("database file missing", DBFILE, db_file(lambda _path: None),
         ("De gegevens zijn nu niet beschikbaar.", "wijkmonitor.duckdb bestaat niet", "wijkmonitor build")),
    Case("database file empty", DBFILE, db_file(lambda path: path.write_bytes(b"")),
         ("wijkmonitor.duckdb is leeg", "wijkmonitor build")),
    Case("database file with an old schema", DBFILE, db_file(_old_schema),
         (f"wijkmonitor.duckdb heeft een oude opbouw (versie 1, nodig {SCHEMA_VERSION})", "wijkmonitor build")),
    Case("database file is not DuckDB", DBFILE, db_file(lambda path: path.write_bytes(b"<html>geen database</html>")),
         ("wijkmonitor.duckdb is geen leesbaar DuckDB-bestand", "wijkmonitor build")),
]

CATALOGUE = BUILD_CASES + HOSTILE_CASES + LINK_CASES + DBFILE_CASES


def _check_link(case: Case, outcome: Outcome) -> None:
    (run,) = outcome.runs
    assert outcome.default is not None and not outcome.default.exceptions and not outcome.default.errors
    assert not run.errors, f"st.error bij een verkeerde link: {run.errors}"
    said = [m for m in run.warnings + run.infos if all(words in m for words in case.says)]
    assert said, f"geen melding met {case.says}; wel: {run.messages}"
    assert len(said[0]) <= MAX_LINK_MESSAGE, f"melding te lang ({len(said[0])} tekens): {said[0]}"
    assert run.state == outcome.default.state, "de pagina valt niet terug op wat zij zonder link toont"
    # The rejected value never reaches the browser as markup.
    assert not any("<script>" in body for body in run.raw_html)


def _check_db_file(case: Case, outcome: Outcome) -> None:
    assert [run.page for run in outcome.runs] == page_files()
    for run in outcome.runs:
        assert len(run.errors) == 1, f"{run.page}: verwacht één st.error, kreeg {run.errors}"
        missing = [words for words in case.says if words not in run.errors[0]]
        assert not missing, f"{run.page}: st.error mist {missing}: {run.errors[0]}"


@pytest.mark.parametrize("case", [
    pytest.param(case, id=case.id, marks=[pytest.mark.xfail(strict=True, reason=f"BUG {case.bug}")] if case.bug else [])
    for case in CATALOGUE
])
def test_bad_input_gets_a_clear_message_and_loses_nothing(case: Case, workspace: Workspace) -> None:
    if case.kind in (REFUSED, KEPT):
        # A refused build must leave the old file byte for byte; a kept oddity replaces it with a new build.
        workspace.watch(workspace.db, content=case.kind == REFUSED)
    outcome = case.act(workspace)

    assert outcome.crash is None, f"een crash in plaats van een melding:\n{outcome.crash}"
    for run in outcome.runs:
        assert not run.exceptions, f"{run.page}: uitzondering in plaats van een melding: {run.exceptions}"
    assert "Traceback" not in outcome.shown
    assert INTERNAL not in outcome.shown, "een onvertaalde uitzondering: de oorzaak hoort een eigen melding te krijgen"
    for words in case.says:
        assert words in outcome.shown, f"de melding mist {words!r}; getoond:\n{outcome.shown}"

    if case.kind == REFUSED:
        assert outcome.code == 2, outcome.stdout
        assert outcome.stderr.startswith("FOUT: ") and "Het bestaande databasebestand is niet aangepast" in (
            outcome.stderr)
    elif case.kind == KEPT:
        assert outcome.code == 0, outcome.stderr
        assert outcome.stderr == ""
    elif case.kind == LINK:
        _check_link(case, outcome)
    else:
        _check_db_file(case, outcome)
    if case.check is not None:
        case.check(workspace, outcome)
    workspace.assert_unchanged()


# A control for the rows above: the same sources intact do build, so each refusal is about what was broken.
INTACT = {
    "StatLine CSV": cli(sources=statline_sources(STATLINE_CSV), files={STATLINE_CSV: statline_csv()}),
    "StatLine XLSX": cli(sources=statline_sources(STATLINE_XLSX), files={STATLINE_XLSX: statline_xlsx()}),
    "OData": cli(sources=statline_sources(STATLINE_CSV), url=ODATA_BASE, patch=odata_replay()),
}


@pytest.mark.parametrize("name", list(INTACT))
def test_intact_variant_builds(name: str, workspace: Workspace) -> None:
    outcome = INTACT[name](workspace)
    assert outcome.crash is None and outcome.code == 0, outcome.stderr or outcome.crash
    assert _rows(workspace.db, "select value from gaps where unit_code = 'zuid' and indicator_code = 'Eenzaam' "
                               "and year = 2020") == [(11.0,)]
