"""Nothing restricted leaves the dashboard for someone who may not see it (issue 14): not on any page, not in
any download.

Each page runs in AppTest on the real Groningen build with a login provider configured (so the rules of
config/access.toml apply) as the public, and the pages that carry partner-only content also as partner A
(Nijestee). Everything the run produced is searched: every string in every element Streamlit would send to the
browser (Markdown, alerts, widget options, chart and map specs), every table, and every download as its CSV
and XLSX bytes (Wijkprofiel's own CSV, XLSX and HTML exports too). The secrets are taken from the database and
the same rules: draft interventions (name, description, id) and partner-only text (lessons, the raised and
action of unanswered resident input), minus what the viewer may see. All runs share one process, so one role's
cached frames reaching another role would show up here.
"""

from __future__ import annotations

import html
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from tests.bad_inputs.apptest import TEST_AUTH, record_downloads
from tests.rendered import rendered
from wijkmonitor import db
from wijkmonitor.access import PUBLIC_VIEWER, Viewer, load_access_config, session, visibility_for
from wijkmonitor.access import apply as cut
from wijkmonitor.common import export
from wijkmonitor.config import DEFAULT_CONFIG_DIR
from wijkmonitor.profile import export as profile_export
from wijkmonitor.profile import load as profile_load

DASHBOARD = Path(__file__).resolve().parents[1] / "dashboard.py"
# Long lists are cut on the page ("toon alles"): these switches show every item, so nothing hides behind them.
SHOW_ALL = {"proces_show_all": True, "proces_show_all_lessons": True}
EVERY_PAGE: tuple[tuple[str, dict[str, str]], ...] = (
    ("dashboard.py", {}),
    ("pages/gebiedsmonitor.py", {"indicator": "Eenzaam", "age": "18plus", "year": "2020", "area": "selwerd"}),
    ("pages/interventiemonitor.py", {}),
    ("pages/interventiemonitor.py", {"status": "idee"}),
    ("pages/interventiemonitor.py", {"area": "groningen-noord"}),
    ("pages/procesmonitor.py", {}),
    ("pages/doelen.py", {}),
    ("pages/mijn-organisatie.py", {"partner": "gemeente"}),
    ("pages/mijn-organisatie.py", {"partner": "nijestee"}),
    ("pages/wijkprofiel.py", {"area": "groningen-noord"}),
    ("pages/wijkprofiel.py", {"area": "selwerd"}),
    ("pages/over-de-data.py", {}),
    ("pages/gegevens-bijwerken.py", {}),
)
PARTNER_PAGES = tuple(p for p in EVERY_PAGE if p[0] in (
    "pages/interventiemonitor.py", "pages/procesmonitor.py", "pages/mijn-organisatie.py", "pages/wijkprofiel.py"))
NIJESTEE = Viewer(roles=frozenset({"partner:nijestee"}), email="medewerker@nijestee.example")
WIJ = Viewer(roles=frozenset({"partner:wij-groningen"}), email="medewerker@wij.example")
OFFICE = Viewer(roles=frozenset({"programmabureau"}), email="pb@groningen.example")
# Long enough to be this text and no other; short enough to survive the page's shortening ("…").
PREFIX = 40


def _norm(text: str) -> str:
    return " ".join(rendered(html.unescape(text)).split())


def _cells(frame: pd.DataFrame) -> set[str]:
    return {_norm(v) for v in frame.to_numpy().ravel() if isinstance(v, str) and v.strip()}


@pytest.fixture(scope="module")
def register(groningen_db: Path) -> dict[str, pd.DataFrame]:
    return {name: db.run(groningen_db, name) for name in ("interventions_list", "process_log")}


def restricted(register: dict[str, pd.DataFrame]) -> set[str]:
    """Every text the rules withhold from someone: drafts and partner-only process-log cells."""
    interventions, log = register["interventions_list"], register["process_log"]
    drafts = interventions[interventions["status"] == "idee"]
    texts = _cells(drafts[["name", "description", "intervention_id"]])
    texts |= _cells(log[["lessons"]])
    texts |= _cells(log.loc[log["action_status"] == "toegezegd", ["raised", "action"]])
    return texts


def seen_by(register: dict[str, pd.DataFrame], viewer: Viewer) -> set[str]:
    config = load_access_config(DEFAULT_CONFIG_DIR / "access.toml", DEFAULT_CONFIG_DIR / "partners.toml")
    vis = visibility_for(viewer, config, register["interventions_list"])
    return (_cells(cut(vis, register["interventions_list"], "interventions"))
            | _cells(cut(vis, register["process_log"], "process_log")))


def secrets_for(register: dict[str, pd.DataFrame], viewer: Viewer) -> set[str]:
    """The restricted texts this viewer may not see, less any that also stand in a cell they may see."""
    seen = seen_by(register, viewer)
    return {t for t in restricted(register) - seen if not any(t[:PREFIX] in s for s in seen)}


def _proto_strings(message: Message) -> Iterator[str]:
    for field, value in message.ListFields():
        values = value if field.is_repeated else [value]
        for item in values:
            if field.type == FieldDescriptor.TYPE_MESSAGE:
                if isinstance(item, Message):
                    yield from _proto_strings(item)
            elif field.type == FieldDescriptor.TYPE_STRING:
                yield item
                yield from _json_strings(item)


def _json_strings(text: str) -> Iterator[str]:
    # Chart and map specs are JSON inside a string field; their texts may be \u-escaped there.
    if not text.startswith(("{", "[")):
        return
    try:
        data: Any = json.loads(text)
    except ValueError:
        return
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.values())
            stack.extend(item.keys())
        elif isinstance(item, list):
            stack.extend(item)


def _elements(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _elements(child)


def _xlsx_text(data: bytes) -> str:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return "\n".join(str(cell.value) for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
                     if cell.value is not None)


def everything_sent(monkeypatch: pytest.MonkeyPatch, file: str, params: dict[str, str], viewer: Viewer) -> str:
    """All text of one page run as `viewer`, downloads as their bytes included."""
    downloads = record_downloads(monkeypatch)
    profiles: list[Any] = []
    original_profile = profile_load.profile

    def recording_profile(*args: Any, **kwargs: Any) -> Any:
        view = original_profile(*args, **kwargs)
        profiles.append(view)
        return view

    monkeypatch.setattr(profile_load, "profile", recording_profile)
    monkeypatch.setattr(session, "current_viewer", lambda: viewer)
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    at.secrets["auth"] = TEST_AUTH
    at.switch_page(file)
    for name, value in params.items():
        at.query_params[name] = value
    for key, switch in SHOW_ALL.items():
        at.session_state[key] = switch
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    parts: list[str] = []
    for node in _elements(at._tree):
        proto = getattr(node, "proto", None)
        if isinstance(proto, Message):
            parts.extend(_proto_strings(proto))
    parts += [d.value.astype(str).to_csv() for d in at.dataframe if isinstance(d.value, pd.DataFrame)]
    parts += [t.value.astype(str).to_csv() for t in at.table if isinstance(t.value, pd.DataFrame)]
    for frame, _stem in downloads:
        parts += [export.csv_bytes(frame).decode("utf-8-sig"), _xlsx_text(export.table_xlsx(frame, "Tabel"))]
    for view in profiles:
        parts += [profile_export.profile_csv(view).decode("utf-8-sig"), _xlsx_text(profile_export.profile_xlsx(view)),
                  profile_export.profile_html(view)]
    return _norm("\n".join(parts))


def leaked(text: str, secrets: set[str]) -> list[str]:
    return sorted(s for s in secrets if s[:PREFIX] in text)


def test_the_secrets_are_real(register: dict[str, pd.DataFrame]) -> None:
    """The checks below only mean something when the example register holds drafts and partner-only text that
    the public may not see, and that partner A may see and partner B not."""
    public = secrets_for(register, PUBLIC_VIEWER)
    drafts = register["interventions_list"].query("status == 'idee'")["name"]
    assert len(drafts) and all(_norm(n) in public for n in drafts)
    assert len(public) >= 10
    assert secrets_for(register, NIJESTEE) - secrets_for(register, WIJ)
    assert not secrets_for(register, OFFICE)


@pytest.mark.parametrize(("file", "params"), EVERY_PAGE, ids=[f"{f}{p}" for f, p in EVERY_PAGE])
def test_the_public_gets_nothing_restricted(monkeypatch: pytest.MonkeyPatch, app_db: Path,
                                            register: dict[str, pd.DataFrame], file: str,
                                            params: dict[str, str]) -> None:
    text = everything_sent(monkeypatch, file, params, PUBLIC_VIEWER)
    assert not leaked(text, secrets_for(register, PUBLIC_VIEWER))


@pytest.mark.parametrize(("file", "params"), PARTNER_PAGES, ids=[f"{f}{p}" for f, p in PARTNER_PAGES])
def test_partner_a_gets_nothing_of_partner_b(monkeypatch: pytest.MonkeyPatch, app_db: Path,
                                             register: dict[str, pd.DataFrame], file: str,
                                             params: dict[str, str]) -> None:
    text = everything_sent(monkeypatch, file, params, NIJESTEE)
    assert not leaked(text, secrets_for(register, NIJESTEE))
    # Partner B's own content (WIJ Groningen sees lessons Nijestee may not): none of it reaches A.
    assert not leaked(text, seen_by(register, WIJ) & secrets_for(register, NIJESTEE))


def test_the_scan_finds_what_the_programme_office_sees(monkeypatch: pytest.MonkeyPatch, app_db: Path,
                                                       register: dict[str, pd.DataFrame]) -> None:
    """The search itself works: the same pages as the programme office do carry the secrets."""
    found: set[str] = set()
    for file, params in (("pages/procesmonitor.py", {}), ("pages/interventiemonitor.py", {"status": "idee"}),
                         ("pages/wijkprofiel.py", {"area": "groningen-noord"})):
        text = everything_sent(monkeypatch, file, params, OFFICE)
        found |= set(leaked(text, secrets_for(register, PUBLIC_VIEWER)))
    drafts = {_norm(n) for n in register["interventions_list"].query("status == 'idee'")["name"]}
    lessons = _cells(register["process_log"][["lessons"]])
    assert drafts <= found and lessons <= found
