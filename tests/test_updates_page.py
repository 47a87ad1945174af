"""The page glue of Gegevens bijwerken (wijkmonitor.updates.ui) in AppTest: who reaches the upload, and what
the page says without a login provider."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.bad_inputs.apptest import TEST_AUTH


def page(roles: tuple[str, ...], email: str | None) -> None:
    from wijkmonitor.access.roles import Viewer
    from wijkmonitor.updates.ui import render

    render(Viewer(roles=frozenset(roles), email=email))


def run(roles: tuple[str, ...] = (), email: str | None = None, *, login: bool = True) -> AppTest:
    at = AppTest.from_function(page, args=(roles, email), default_timeout=60)
    if login:
        at.secrets["auth"] = TEST_AUTH
    return at.run()


def texts(at: AppTest) -> str:
    return " ".join([*(m.value for m in at.markdown), *(i.value for i in at.info), *(w.value for w in at.warning),
                     *(c.value for c in at.caption), *(s.value for s in at.subheader)])


@pytest.fixture(autouse=True)
def _db(app_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The update store lives beside the database: give each test its own copy's folder.
    import shutil

    db = tmp_path / "data" / "wijkmonitor.duckdb"
    db.parent.mkdir()
    shutil.copyfile(app_db, db)
    monkeypatch.setenv("WIJKMONITOR_DB", str(db))


def test_without_provider_updating_is_off_and_says_so() -> None:
    at = run(("programmabureau",), "pb@groningen.example", login=False)
    assert not at.exception
    assert "Bijwerken in de browser staat uit" in texts(at)
    assert "Bestand kiezen" not in texts(at)


def test_the_public_is_asked_to_log_in() -> None:
    at = run()
    assert not at.exception
    assert "Log in om gegevens bijwerken te zien." in texts(at)
    assert [b.label for b in at.button] == ["Inloggen"]
    assert "Bestand kiezen" not in texts(at) and "Logboek" not in texts(at)


def test_a_partner_does_not_reach_the_upload() -> None:
    at = run(("partner:nijestee",), "m@nijestee.example")
    assert not at.exception
    assert "niet beschikbaar voor uw rol (partner: Nijestee)" in texts(at)
    assert "Bestand kiezen" not in texts(at)


def test_the_programme_office_reaches_upload_history_and_log() -> None:
    at = run(("programmabureau",), "pb@groningen.example")
    assert not at.exception
    shown = texts(at)
    assert "Bestand kiezen" in shown and "Eerdere versies" in shown and "Logboek" in shown
    assert "Hoogstens 10 MB." in shown
    assert "Er zijn nog geen eerdere versies bewaard." in shown and "Nog niets bijgewerkt." in shown


def test_the_page_file_without_provider() -> None:
    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "dashboard.py"), default_timeout=60)
    at.switch_page("pages/gegevens-bijwerken.py").run()
    assert not at.exception and not at.error
    assert "Bijwerken in de browser staat uit" in texts(at)
    # No login configured: the navigation is the public one, without this page and without a login button.
    assert "Inloggen" not in [b.label for b in at.button]
