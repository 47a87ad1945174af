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


def run_page(monkeypatch: pytest.MonkeyPatch, file: str, viewer: Viewer | None, *, login: bool = True
             ) -> tuple[AppTest, list[pd.DataFrame]]:
    recorded = record_downloads(monkeypatch)
    if viewer is not None:
        monkeypatch.setattr(session, "current_viewer", lambda: viewer)
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    if login:
        at.secrets["auth"] = TEST_AUTH
    at.switch_page(file)
    at.run()
    assert not at.exception, at.exception
    return at, [frame for frame, _stem in recorded]


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


def test_without_provider_alleen_openbaar_hides_restricted_content(
        monkeypatch: pytest.MonkeyPatch, app_db: Path, tmp_path: Path, register: dict[str, pd.DataFrame]) -> None:
    text = (DEFAULT_CONFIG_DIR / "access.toml").read_text(encoding="utf-8")
    assert 'without_login = "alles openbaar"' in text
    access = tmp_path / "access.toml"
    access.write_text(text.replace('without_login = "alles openbaar"', 'without_login = "alleen openbaar"'),
                      encoding="utf-8")
    monkeypatch.setenv("WIJKMONITOR_ACCESS_CONFIG", str(access))
    at, downloads = run_page(monkeypatch, "pages/procesmonitor.py", None, login=False)
    assert "Bij deze keuze zijn geen lessen vastgelegd." in [i.value for i in at.info]
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
        assert not mine and "Bij deze keuze zijn geen lessen vastgelegd." in [i.value for i in at.info]
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
