"""Issue 12 item 3: text from data is inert on every page, in every sink, and in every export.

One Proefstad build (`tests/bad_inputs/hostile_text.py`) carries markup and control characters in every text
that comes from data: boundary names, configuration names and labels, goals, and all register text columns.
Every page runs on it in AppTest, and each element is checked by the way its sink interprets text:

* Markdown sinks (markdown, captions, headings, alerts, st.table cells and headers, widget labels): no data
  markup is left unescaped, and where a hostile word shows up the whole hostile text reads literally.
* HTML sinks (st.html, markdown with unsafe_allow_html): no <img>, no <a href="http://x">, no <b> from data.
* plotly (pseudo-HTML in every string of the figure): no raw tag from data.
* pydeck tooltips (HTML): every property a tooltip template names is free of tags.
* Everywhere: no control or bidi character from data reaches the browser.

The checkers are written against the rendering rules (CommonMark escapes, HTML parsing), not against
`wijkmonitor.common.text`, so they fail when a call site forgets the escaping.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.bad_inputs.apptest import DASHBOARD, PAGE_TIMEOUT_S, page_files
from tests.bad_inputs.hostile_text import (
    ANCHOR,
    BOLD,
    COLOUR,
    CONTROLS,
    FORMULAS,
    IMAGE,
    LATEX,
    LINK,
    TAG,
    make_hostile,
)
from wijkmonitor.common import export
from wijkmonitor.common.text import file_part, inert, md_to_html, md_with, plain, plotly_text
from wijkmonitor.goals import config as goals_config

# A hostile text and the word that shows it reached the sink at all.
MARKERS = {BOLD: "vetgedrukt**", LINK: "klik]", COLOUR: "kleur]", LATEX: "frac{", IMAGE: "onerror", TAG: "tag</b>",
           ANCHOR: "anker</a>"}
# Markup still active in a Markdown body: the special characters of a marker without a backslash before them.
_ACTIVE_MARKDOWN = {
    BOLD: re.compile(r"(?<!\\)\*\*vetgedrukt(?<!\\)\*\*"),
    LINK: re.compile(r"(?<!\\)\[klik(?<!\\)\]\("),
    COLOUR: re.compile(r"(?<!\\):red(?<!\\)\[kleur"),
    LATEX: re.compile(r"(?<!\\)\$\\frac"),
    IMAGE: re.compile(r"(?<!\\)<img"),
    TAG: re.compile(r"(?<!\\)<b>tag"),
    ANCHOR: re.compile(r"(?<!\\)<a href"),
}
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape(body: str) -> str:
    """What CommonMark shows for a text: a backslash before ASCII punctuation disappears."""
    return _ESCAPE.sub(r"\1", body)


@dataclass
class Seen:
    """The elements of one page run, by sink."""
    page: str
    exceptions: list[str] = field(default_factory=list)
    markdown: list[tuple[str, str]] = field(default_factory=list)  # (where, body)
    html: list[tuple[str, str]] = field(default_factory=list)
    plotly: list[tuple[str, str]] = field(default_factory=list)  # every string in a figure
    tooltips: list[tuple[str, str]] = field(default_factory=list)  # every value a tooltip shows
    everything: list[str] = field(default_factory=list)  # every string sent to the browser


def _walk(node: Any) -> Iterator[Any]:
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        children = children.values()
    for child in children or []:
        yield from _walk(child)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _proto_strings(proto: Any) -> Iterator[str]:
    from google.protobuf.json_format import MessageToDict
    yield from _strings(MessageToDict(proto))


def _tooltip_values(deck: dict[str, Any], tooltip: dict[str, Any]) -> Iterator[str]:
    """The values deck.gl substitutes into the tooltip's HTML template: `{name}` looked up in each object."""
    fields = set(re.findall(r"\{(\w+)\}", tooltip.get("html", "")))
    assert fields, f"geen tooltipvelden in {tooltip}"

    def objects(value: Any) -> Iterator[dict[str, Any]]:
        if isinstance(value, dict):
            yield value
            for v in value.values():
                yield from objects(v)
        elif isinstance(value, list):
            for v in value:
                yield from objects(v)

    for layer in deck.get("layers", []):
        for obj in objects(layer.get("data")):
            properties = obj.get("properties")
            sources: list[dict[str, Any]] = [obj, properties] if isinstance(properties, dict) else [obj]
            for source in sources:
                for name in fields & set(source):
                    if isinstance(source[name], str):
                        yield source[name]


def collect(at: AppTest, page: str) -> Seen:
    seen = Seen(page, exceptions=[e.message for e in at.exception])
    for node in _walk(at._tree):
        kind = getattr(node, "type", "")
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        strings = list(_proto_strings(proto))
        seen.everything += strings
        where = f"{page}: {kind}"
        if kind == "markdown":
            (seen.html if proto.allow_html else seen.markdown).append((where, proto.body))
        elif kind in ("caption", "header", "subheader", "title", "heading", "error", "warning", "info", "success",
                      "alert"):
            seen.markdown.append((where, proto.body))
        elif kind == "html":
            seen.html.append((where, proto.body))
        elif kind == "plotly_chart":
            seen.plotly += [(where, s) for s in _strings(json.loads(proto.spec))]
        elif kind == "deck_gl_json_chart":
            tooltip = json.loads(proto.tooltip) if proto.tooltip else {}
            if tooltip:
                seen.tooltips += [(where, s) for s in _tooltip_values(json.loads(proto.json), tooltip)]
        elif kind in ("selectbox", "radio", "multiselect", "text_input", "button", "download_button",
                      "page_link", "expandable", "tab", "checkbox", "toggle"):
            label = getattr(proto, "label", "")
            if label:
                seen.markdown.append((f"{where} label", label))
    for table in at.table:
        shown = table.value
        cells = [str(c) for c in shown.columns] + [v for v in shown.to_numpy().ravel() if isinstance(v, str)]
        seen.markdown += [(f"{page}: st.table", c) for c in cells]
        seen.everything += cells
    for frame in at.dataframe:
        seen.everything += [v for v in frame.value.to_numpy().ravel() if isinstance(v, str)]
        seen.everything += [str(c) for c in frame.value.columns]
    return seen


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if data.strip() == "tag" and self._open and self._open[-1] == "b":
            self.tags.append(("b-from-data", {}))


def html_problems(where: str, body: str) -> list[str]:
    parser = _Elements()
    parser.feed(body)
    problems = []
    for tag, attrs in parser.tags:
        if tag == "img" or any(name.startswith("on") for name in attrs):
            problems.append(f"{where}: <{tag} {attrs}> uit data")
        if tag == "a" and attrs.get("href") == "http://x":
            problems.append(f"{where}: link naar http://x uit data")
        if tag == "b-from-data":
            problems.append(f"{where}: <b> uit data")
    text = "".join(parser.text)
    if "onerror" in text and IMAGE not in text:
        problems.append(f"{where}: de tekst {IMAGE!r} staat er niet letterlijk: {text[:200]!r}")
    return problems


def markdown_problems(where: str, body: str, *, literal: bool = True) -> list[str]:
    """Markup from data still active in `body`; with `literal`, also a hostile text that does not read as
    written (not for an echoed link value, which is shortened on purpose)."""
    problems = [f"{where}: {marker!r} werkt als opmaak: {body[:300]!r}"
                for marker, active in _ACTIVE_MARKDOWN.items() if active.search(body)]
    if not literal:
        return problems
    shown = unescape(body)
    problems += [f"{where}: {marker!r} staat er niet letterlijk: {shown[:300]!r}"
                 for marker, word in MARKERS.items() if word in shown and marker not in shown
                 # A shortened text may end inside a marker; only whole markers are required.
                 and not shown.rstrip().endswith("…")]
    return problems


def plotly_problems(where: str, text: str) -> list[str]:
    # plotly's pseudo-HTML renders <b>, <i>, <a href>, <span style>, <br>; everything from data must be escaped.
    raw = [m for m in ("<img", "<b>tag", "<a href") if m in text]
    return [f"{where}: {m!r} ruw in een plotly-tekst: {text[:200]!r}" for m in raw]


def control_problems(seen: Seen) -> list[str]:
    return [f"{seen.page}: stuurteken {c!r} in {s[:120]!r}" for s in seen.everything for c in CONTROLS if c in s]


# ------------------------------------------------------------------------------------------------ pages

@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    db, config_dir = make_hostile(tmp_path_factory.mktemp("hostile_text"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WIJKMONITOR_DB", str(db))
        # The Doelen page reads goals.toml from the configuration folder.
        mp.setattr(goals_config, "DEFAULT_GOALS", config_dir / "goals.toml")
        yield db


# Pages and deep links that show the hostile texts: the default view, and each chosen unit.
PAGE_RUNS: list[tuple[str, dict[str, str]]] = [(page, {}) for page in page_files()] + [
    ("pages/gebiedsmonitor.py", {"area": "noord"}),
    ("pages/gebiedsmonitor.py", {"area": "BU99990001", "level": "buurt"}),
    ("pages/wijkprofiel.py", {"area": "noord"}),
    ("pages/wijkprofiel.py", {"area": "BU99990002"}),
    ("pages/doelen.py", {"goal": "eenzaamheid-noord"}),
    ("pages/interventiemonitor.py", {"area": "noord"}),
    ("pages/procesmonitor.py", {"area": "noord"}),
    ("pages/mijn-organisatie.py", {"partner": "partner"}),
    *(("pages/over-de-data.py", {"tab": part}) for part in ("dekking", "edities", "berekeningen", "bouw")),
]
_RUNS: dict[str, Seen] = {}
PAGES_WITHOUT_DATA = frozenset({"pages/gegevens-bijwerken.py"})
# Pages that show data only once someone chooses (the run with a deep link above checks those texts), and
# Over de data, whose first part is tables only (its other parts, with their Markdown, are run above).
PAGES_THAT_ASK_FIRST = frozenset({"pages/mijn-organisatie.py", "pages/over-de-data.py"})
# The parts of Over de data whose data texts are in tables only (checked above, but not Markdown).
TABLE_ONLY_PARTS = frozenset({"dekking", "edities", "bouw"})


def run(page: str, params: dict[str, str]) -> Seen:
    key = f"{page}?{sorted(params.items())}"
    if key not in _RUNS:
        at = AppTest.from_file(str(DASHBOARD), default_timeout=PAGE_TIMEOUT_S)
        if page != "dashboard.py":
            at.switch_page(page)
        for name, value in params.items():
            at.query_params[name] = value
        _RUNS[key] = collect(at.run(), key)
    return _RUNS[key]


@pytest.mark.parametrize(("page", "params"), PAGE_RUNS, ids=[f"{p}{q or ''}" for p, q in PAGE_RUNS])
def test_every_page_shows_hostile_text_literally(hostile_db: Path, page: str, params: dict[str, str]) -> None:
    seen = run(page, params)
    assert not seen.exceptions, seen.exceptions
    problems = control_problems(seen)
    for where, body in seen.markdown:
        problems += markdown_problems(where, body)
    for where, body in seen.html:
        problems += html_problems(where, body)
    for where, text in seen.plotly:
        problems += plotly_problems(where, text)
    for where, text in seen.tooltips:
        problems += [f"{where}: tooltipwaarde met een tag: {text[:200]!r}" for m in ("<img", "<b>tag", "<a ")
                     if m in text]
    assert not problems, "\n".join(problems[:30])
    # The hostile texts did reach this page (so the checks above had something to check); the upload page
    # shows no data before someone logs in, Mijn organisatie none before a partner is chosen.
    if page in PAGES_WITHOUT_DATA or (page in PAGES_THAT_ASK_FIRST and not params) or \
            params.get("tab") in TABLE_ONLY_PARTS:
        return
    shown = [unescape(b) for _w, b in seen.markdown]
    assert any(word in body for body in shown for word in MARKERS.values()), f"{page}: geen data-tekst getoond"


def test_hostile_texts_reach_every_kind_of_sink(hostile_db: Path) -> None:
    """Control for the page test: each sink kind did receive hostile text somewhere."""
    seen = [run(page, params) for page, params in PAGE_RUNS]
    assert any("onerror" in unescape(b) for s in seen for w, b in s.markdown if "st.table" in w)
    assert any("onerror" in b for s in seen for _w, b in s.html)
    assert any("onerror" in t for s in seen for _w, t in s.plotly)
    assert any("onerror" in t for s in seen for _w, t in s.tooltips)
    assert any("Doel" in unescape(b) and "vetgedrukt" in unescape(b) for s in seen for _w, b in s.markdown)


# --------------------------------------------------------------------------------------------- checkers

@pytest.mark.parametrize("body", [f"Noord {BOLD}", f"x {LINK}", f"{COLOUR} y", LATEX, f"**Gebied:** {IMAGE}"])
def test_markdown_checker_catches_unescaped_markup(body: str) -> None:
    assert markdown_problems("test", body)


@pytest.mark.parametrize("body", ['<img src=x onerror="alert(1)">', '<a href="http://x">x</a>', "<p><b>tag</b></p>"])
def test_html_checker_catches_elements(body: str) -> None:
    assert html_problems("test", body)


# --------------------------------------------------------------------------------------------- kernel

def test_md_with_escapes_data_not_the_template() -> None:
    out = md_with("**{name}** heeft {n} interventies", name=f"{BOLD} {LINK}", n=3)
    assert out.startswith("**") and " heeft 3 interventies" in out
    assert not markdown_problems("md_with", out)
    assert unescape(out) == f"**{BOLD} {LINK}** heeft 3 interventies"


def test_md_to_html_keeps_our_bold_and_shows_data_literally() -> None:
    out = md_to_html(md_with("**{name}** in {city}", name=IMAGE, city=f"{TAG} {BOLD}"))
    assert out.startswith("<strong>") and "&lt;img" in out and "&lt;b&gt;tag" in out and BOLD in out
    assert not html_problems("md_to_html", out)


def test_plotly_text_escapes_tags_but_not_quotes() -> None:
    out = plotly_text(f'{ANCHOR} "x" \u202e\x00')
    assert "<a" not in out and '"' in out and "\u202e" not in out and "\x00" not in out


@pytest.mark.parametrize("raw", ["\u202eSelwerd", "Sel\x00werd", "\x1b[31mSelwerd", "Sel\u2066werd\u2069",
                                 "Selwerd\u200b", "Sel\x85werd", "x" * 500])
def test_inert_link_values_are_short_and_without_control_characters(raw: str) -> None:
    out = inert(raw)
    assert all(c not in out for c in (*CONTROLS, "\u2069")) and len(out) <= 45


@pytest.mark.parametrize("raw", ["../../etc/passwd", "Noord\u202egpj.exe", "a/b\\c:d", "\x00", ".verborgen"])
def test_file_part_is_a_safe_file_name(raw: str) -> None:
    out = file_part(raw)
    assert re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z._-]*", out) and "/" not in out and ".." not in out


# -------------------------------------------------------------------------------------------- exports

def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "tekst": [*FORMULAS, "-2,7", "Noord\x00\x1b[31m\u202e"],
        "getal": [1.5, -2.0, 3.25, -4.0, 5.0, 6.0, -2.7, 8.0],
    })


def test_csv_writes_formula_like_text_as_text() -> None:
    lines = export.csv_bytes(_frame()).decode("utf-8-sig").splitlines()
    cells = [line.rsplit(";", 1)[0].strip('"').replace('""', '"') for line in lines[1:]]
    for text in cells[: len(FORMULAS)]:
        assert text.startswith("'"), text
    assert cells[len(FORMULAS)] == "-2,7"  # a number written as text stays a number
    assert cells[-1] == "Noord[31m"
    assert [line.rsplit(";", 1)[1] for line in lines[1:3]] == ["1,5", "-2,0"]  # real numbers untouched


def test_xlsx_stores_formula_like_text_as_strings() -> None:
    book = openpyxl.load_workbook(io.BytesIO(export.xlsx_bytes({"blad": _frame()})))
    sheet = book["blad"]
    values = [(c.value, c.data_type) for c in sheet["A"][1:]]
    assert all(kind == "s" for _v, kind in values), values
    assert values[0][0] == '=HYPERLINK("http://x")'
    assert values[-1][0] == "Noord[31m"
    assert [c.value for c in sheet["B"][1:3]] == [1.5, -2.0]


def test_profile_exports_of_the_hostile_build(hostile_db: Path) -> None:
    from wijkmonitor.profile import load
    from wijkmonitor.profile.export import profile_csv, profile_html, profile_xlsx

    units = {u.code: u for u in load.units()}
    view = load.profile(units["noord"], "18plus")
    page = profile_html(view)
    assert not html_problems("profiel.html", re.sub(r"<script.*?</script>", "", page, flags=re.S))
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and all(c not in page for c in CONTROLS)
    # Our own bold survives, the name's ** stays literal.
    assert "<strong>" in page and BOLD in page
    text = profile_csv(view).decode("utf-8-sig")
    assert all(c not in text for c in CONTROLS)
    book = openpyxl.load_workbook(io.BytesIO(profile_xlsx(view)))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for c in row:
                assert c.data_type != "f", (sheet.title, c.coordinate, c.value)
                assert not (isinstance(c.value, str) and any(ch in c.value for ch in CONTROLS))
    assert re.fullmatch(r"[0-9A-Za-z._-]+", view.file_stem)


# ------------------------------------------------------------------------------------------- URL values

HOSTILE_LINK_VALUES = ["\u202eNoord", "no\x00ord", "\x1b[31mnoord", "noord\u2066\u2069", f"{LINK}{IMAGE}",
                       "=HYPERLINK(\"http://x\")", "noord\u200b" * 40]
LINK_PAGES = [
    ("pages/gebiedsmonitor.py", "area"), ("pages/gebiedsmonitor.py", "indicator"),
    ("pages/gebiedsmonitor.py", "year"), ("pages/gebiedsmonitor.py", "level"), ("pages/gebiedsmonitor.py", "age"),
    ("pages/wijkprofiel.py", "area"), ("pages/wijkprofiel.py", "age"), ("pages/doelen.py", "goal"),
    ("pages/doelen.py", "partner"), ("pages/interventiemonitor.py", "area"),
    ("pages/interventiemonitor.py", "programme"), ("pages/procesmonitor.py", "area"),
]


@pytest.mark.parametrize(("page", "name"), LINK_PAGES, ids=[f"{p}?{n}" for p, n in LINK_PAGES])
def test_hostile_url_values_are_echoed_short_and_inert(hostile_db: Path, page: str, name: str) -> None:
    for value in HOSTILE_LINK_VALUES:
        at = AppTest.from_file(str(DASHBOARD), default_timeout=PAGE_TIMEOUT_S)
        at.switch_page(page)
        at.query_params[name] = value
        seen = collect(at.run(), f"{page}?{name}={value!r}")
        assert not seen.exceptions, seen.exceptions
        assert not control_problems(seen)
        notices = [b for w, b in seen.markdown if w.rsplit(": ", 1)[-1] in ("warning", "info", "alert")]
        assert notices, f"{seen.page}: geen melding over de link"
        problems = [p for b in notices for p in markdown_problems(seen.page, b, literal=False)]
        assert not problems, problems
        assert all(len(unescape(b)) <= 400 for b in notices), notices
        # The value itself never goes back to the browser unshortened in a notice.
        assert not any(plain(value) in unescape(b) for b in notices if len(plain(value)) > 45)
