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
    HOSTILE_LOG,
    MARKDOWN_NAME,
    ODATA_BASE,
    STATLINE_CSV,
    STATLINE_ROWS,
    STATLINE_XLSX,
    hostile_registers,
    long_csv,
    odata_answer,
    odata_payloads,
    statline_csv,
    statline_csv_without,
    statline_sources,
    statline_xlsx,
    truncated,
)
from tests.fixtures_build import INDICATORS, LONG_ROWS, PROGRAMME, SOURCES, make_municipality
from tests.test_registers import HOSTILE
from wijkmonitor.build import BuildOptions, build
from wijkmonitor.cli import main

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
        indicators: str = INDICATORS, sources: str = SOURCES, files: dict[str, bytes] | None = None,
        config: dict[str, Callable[[Path], str]] | None = None, url: str | None = None,
        patch: Callable[[pytest.MonkeyPatch], None] | None = None) -> Act:
    """`wijkmonitor build` on a Proefstad variant: other rows or config, source files replaced by `files`,
    extra config files (`config`: name -> text made from the config folder), or an OData `url` as source."""

    def act(ws: Workspace) -> Outcome:
        config_dir, _boundaries, source = make_municipality(ws.root / "input", rows=rows, programme=programme,
                                                            indicators=indicators, sources=sources)
        for relative, data in (files or {}).items():
            (source / relative).parent.mkdir(parents=True, exist_ok=True)
            (source / relative).write_bytes(data)
        for name, text in (config or {}).items():
            (config_dir / name).write_text(text(config_dir), encoding="utf-8")
        if patch is not None:
            patch(ws.monkeypatch)
        out, err = io.StringIO(), io.StringIO()
        outcome = Outcome()
        with redirect_stdout(out), redirect_stderr(err):
            try:
                outcome.code = main(["build", "--source", url or str(source), "--db", str(ws.db),
                                     "--config", str(config_dir), "--workers", "1"])
            except Exception:
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


def _rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


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
         ("programme.toml: geen geldige TOML", "line 24")),
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
         ("wijkmonitor.duckdb heeft een oude opbouw (versie 1, nodig 4)", "wijkmonitor build")),
    Case("database file is not DuckDB", DBFILE, db_file(lambda path: path.write_bytes(b"<html>geen database</html>")),
         ("wijkmonitor.duckdb is geen leesbaar DuckDB-bestand", "wijkmonitor build")),
]

CATALOGUE = BUILD_CASES + LINK_CASES + DBFILE_CASES


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
