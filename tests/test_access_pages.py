"""What each role sees on the dashboard's real pages (issue 14), in AppTest on the Groningen build.

The viewer is set by replacing `session.current_viewer` (what st.user and the role rules would give; the login
itself is driven through a real provider in tests/browser/test_login_provider.py). Every download is recorded
as in tests/test_downloads.py, so the checks cover what leaves the page as a file, not only what is drawn.
All runs share one process and so Streamlit's caches: a frame cut for one role must never reach another.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.bad_inputs.apptest import TEST_AUTH, record_downloads
from wijkmonitor import db
from wijkmonitor.access import PUBLIC_VIEWER, Viewer, load_access_config, session, visibility_for
from wijkmonitor.access import apply as cut
from wijkmonitor.config import DEFAULT_CONFIG_DIR

DASHBOARD = Path(__file__).resolve().parents[1] / "dashboard.py"
OFFICE = Viewer(roles=frozenset({"programmabureau"}), email="pb@groningen.example")


def partner(pid: str) -> Viewer:
    return Viewer(roles=frozenset({f"partner:{pid}"}), email=f"medewerker@{pid}.example")


@pytest.fixture(scope="module")
def register(groningen_db: Path) -> dict[str, pd.DataFrame]:
    return {name: db.run(groningen_db, name) for name in ("interventions_list", "process_log")}


def expected_lessons(register: dict[str, pd.DataFrame], viewer: Viewer) -> set[str]:
    config = load_access_config(DEFAULT_CONFIG_DIR / "access.toml", DEFAULT_CONFIG_DIR / "partners.toml")
    seen = cut(visibility_for(viewer, config, register["interventions_list"]), register["process_log"], "process_log")
    return set(seen["lessons"].dropna())


def draft_names(register: dict[str, pd.DataFrame]) -> set[str]:
    frame = register["interventions_list"]
    return set(frame.loc[frame["status"] == "idee", "name"])


def run_page(monkeypatch: pytest.MonkeyPatch, file: str, viewer: Viewer | None, *, login: bool = True,
             params: dict[str, str] | None = None) -> tuple[AppTest, list[pd.DataFrame]]:
    recorded = record_downloads(monkeypatch)
    if viewer is not None:
        monkeypatch.setattr(session, "current_viewer", lambda: viewer)
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    if login:
        at.secrets["auth"] = TEST_AUTH
    at.switch_page(file)
    for name, value in (params or {}).items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, at.exception
    return at, [frame for frame, _stem in recorded]


def alerts(at: AppTest) -> list[str]:
    return [m.value for m in (*at.info, *at.warning, *at.caption)]


def all_cells(downloads: list[pd.DataFrame]) -> str:
    return "\n".join(f.astype(str).to_csv() for f in downloads)


def page_text(at: AppTest, downloads: list[pd.DataFrame]) -> str:
    """Every table, text and download of the page run."""
    tables = [d.value for d in at.dataframe if isinstance(d.value, pd.DataFrame)]
    return "\n".join([all_cells([*tables, *downloads]), *(m.value for m in at.markdown)])


def test_without_provider_everything_is_shown_as_before(monkeypatch: pytest.MonkeyPatch, app_db: Path,
                                                        register: dict[str, pd.DataFrame]) -> None:
    at, downloads = run_page(monkeypatch, "pages/procesmonitor.py", None, login=False)
    lessons = register["process_log"]["lessons"].dropna()
    assert len(lessons) and f"{len(lessons)} lessen gevonden." in [c.value for c in at.caption]
    text = all_cells(downloads)
    assert all(lesson in text for lesson in lessons)
    assert not [b for b in at.button if b.key == "access-login"]  # no login without a provider
    at, downloads = run_page(monkeypatch, "pages/interventiemonitor.py", None, login=False)
    assert all(name in page_text(at, downloads) for name in draft_names(register))
    at, _ = run_page(monkeypatch, "pages/interventiemonitor.py", None, login=False, params={"status": "idee"})
    assert not [m for m in alerts(at) if "Log in" in m or "niet openbaar" in m]


def test_without_provider_alleen_openbaar_hides_restricted_content(
        monkeypatch: pytest.MonkeyPatch, app_db: Path, tmp_path: Path, register: dict[str, pd.DataFrame]) -> None:
    text = (DEFAULT_CONFIG_DIR / "access.toml").read_text(encoding="utf-8")
    assert 'without_login = "alles openbaar"' in text
    access = tmp_path / "access.toml"
    access.write_text(text.replace('without_login = "alles openbaar"', 'without_login = "alleen openbaar"'),
                      encoding="utf-8")
    monkeypatch.setenv("WIJKMONITOR_ACCESS_CONFIG", str(access))
    at, downloads = run_page(monkeypatch, "pages/procesmonitor.py", None, login=False)
    assert any(m.startswith("De geleerde lessen zijn niet openbaar") and "niet ingesteld" in m for m in alerts(at))
    assert not any(lesson in all_cells(downloads) for lesson in register["process_log"]["lessons"].dropna())
    at, downloads = run_page(monkeypatch, "pages/interventiemonitor.py", None, login=False)
    assert downloads and not any(name in page_text(at, downloads) for name in draft_names(register))
    at, _ = run_page(monkeypatch, "pages/over-de-data.py", None, login=False)
    assert any("alleen openbaar" in m.value for m in at.markdown)


@pytest.mark.parametrize("who", ["publiek", "nijestee", "wij-groningen", "programmabureau", "publiek"])
def test_each_role_sees_its_own_lessons_on_the_procesmonitor(
        monkeypatch: pytest.MonkeyPatch, app_db: Path, register: dict[str, pd.DataFrame], who: str) -> None:
    # "publiek" runs again last: after the programme office has filled the caches.
    viewer = {"publiek": PUBLIC_VIEWER, "programmabureau": OFFICE}.get(who) or partner(who)
    at, downloads = run_page(monkeypatch, "pages/procesmonitor.py", viewer)
    mine = expected_lessons(register, viewer)
    everything = set(register["process_log"]["lessons"].dropna())
    text = all_cells(downloads) + "\n".join(m.value for m in at.markdown)
    assert {lesson for lesson in everything if lesson in text} == mine
    if who == "publiek":
        assert not mine and any(i.value.startswith("Log in om de geleerde lessen te zien") for i in at.info)
    elif who == "programmabureau":
        assert mine == everything
    else:
        other = expected_lessons(register, partner("wij-groningen" if who == "nijestee" else "nijestee"))
        assert mine and other - mine, "the example register should give the two partners different lessons"


@pytest.mark.parametrize("who", ["publiek", "nijestee", "programmabureau"])
def test_drafts_only_for_the_programme_office(monkeypatch: pytest.MonkeyPatch, app_db: Path,
                                              register: dict[str, pd.DataFrame], who: str) -> None:
    viewer = {"publiek": PUBLIC_VIEWER, "programmabureau": OFFICE}.get(who) or partner(who)
    drafts = draft_names(register)
    assert drafts
    at, downloads = run_page(monkeypatch, "pages/interventiemonitor.py", viewer)
    text = page_text(at, downloads)
    assert downloads
    assert all(name in text for name in drafts) == (who == "programmabureau")
    assert any(name in text for name in drafts) == (who == "programmabureau")


def test_over_de_data_says_who_sees_what(monkeypatch: pytest.MonkeyPatch, app_db: Path) -> None:
    at, _ = run_page(monkeypatch, "pages/over-de-data.py", None, login=False)
    assert any("alles openbaar" in m.value and "idee" in m.value for m in at.markdown)
    at, _ = run_page(monkeypatch, "pages/over-de-data.py", PUBLIC_VIEWER)
    assert any("wie inlogt ziet wat zijn rol toestaat" in m.value for m in at.markdown)


LOG_IN_DRAFTS = "Log in om interventies met status ‘idee’ te zien"
LOG_IN_LESSONS = "Log in om de geleerde lessen te zien"
LOG_IN_OPEN_INPUT = "Log in om wat bewoners inbrachten en nog niet beantwoord is"


@pytest.mark.parametrize(("file", "params", "question", "button"), [
    ("pages/interventiemonitor.py", {"status": "idee"}, LOG_IN_DRAFTS, "access-login-status-idee"),
    ("pages/procesmonitor.py", {}, LOG_IN_LESSONS, "access-login-lessen"),
    ("pages/procesmonitor.py", {"area": "groningen-noord"}, LOG_IN_OPEN_INPUT, "access-login-inbreng"),
    ("pages/wijkprofiel.py", {"area": "groningen-noord"}, LOG_IN_OPEN_INPUT, "access-login-inbreng"),
    ("pages/mijn-organisatie.py", {"partner": "gemeente"}, LOG_IN_DRAFTS, "access-login-status-idee"),
    ("pages/gegevens-bijwerken.py", {}, "Log in om gegevens bijwerken te zien", "access-login-required"),
])
def test_a_restricted_deep_link_asks_the_public_to_log_in(
        monkeypatch: pytest.MonkeyPatch, app_db: Path, register: dict[str, pd.DataFrame], file: str,
        params: dict[str, str], question: str, button: str) -> None:
    at, downloads = run_page(monkeypatch, file, PUBLIC_VIEWER, params=params)
    assert [m for m in alerts(at) if m.startswith(question)], alerts(at)
    assert [b for b in at.button if b.key == button]  # the question comes with its own login button
    text = page_text(at, downloads)
    assert not any(name in text for name in draft_names(register))
    assert not any(lesson in text for lesson in register["process_log"]["lessons"].dropna())


def test_a_link_to_drafts_shows_the_question_not_an_empty_list(monkeypatch: pytest.MonkeyPatch, app_db: Path
                                                               ) -> None:
    from wijkmonitor.texts import interventies as itxt

    at, _ = run_page(monkeypatch, "pages/interventiemonitor.py", PUBLIC_VIEWER, params={"status": "idee"})
    assert itxt.NONE_MATCH not in alerts(at)  # the page stops at the question
    assert not [h for h in at.header if h.value == itxt.H_CARDS]
    assert at.selectbox(key="interventie_status").value == "idee"  # the filter stays, so it can be changed
    at, _ = run_page(monkeypatch, "pages/interventiemonitor.py", OFFICE, params={"status": "idee"})
    assert not [m for m in alerts(at) if "idee" in m and ("Log in" in m or "niet beschikbaar" in m)]
    assert [h for h in at.header if h.value == itxt.H_CARDS]


@pytest.mark.parametrize(("who", "expected"), [
    ("burger", "De geleerde lessen zijn niet beschikbaar voor uw rol (ingelogd, zonder rol"),
    ("nijestee", "U ziet de geleerde lessen alleen bij de interventies waar uw organisatie bij hoort"),
    ("programmabureau", None),
])
def test_logged_in_viewers_are_told_what_their_role_does_not_see(
        monkeypatch: pytest.MonkeyPatch, app_db: Path, who: str, expected: str | None) -> None:
    viewer = {"burger": Viewer(email="burger@example.org"), "programmabureau": OFFICE}.get(who) or partner(who)
    at, _ = run_page(monkeypatch, "pages/procesmonitor.py", viewer)
    about_lessons = [m for m in alerts(at) if "geleerde lessen" in m]
    assert about_lessons == ([] if expected is None else [m for m in about_lessons if m.startswith(expected)])
    assert bool(about_lessons) == (expected is not None)
    assert not [b for b in at.button if b.key == "access-login-lessen"]  # logged in: no login question
