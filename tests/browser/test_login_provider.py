"""Logging in through a real OpenID Connect provider (oauth2-mock-server on a loopback port) in Chromium.

The provider issues ID tokens with e-mail and groups claims per test user; Streamlit's st.login does the
code flow; wijkmonitor.access turns the claims into roles. Everything runs on the dashboard itself
(`streamlit run dashboard.py`): the Procesmonitor's lessons (shown and downloaded) per role, the deep link to
Gegevens bijwerken per role, and an upload with rollback there.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser_harness import ARTIFACTS, REPO, wait_until_settled
from playwright.sync_api import Browser, Page

from wijkmonitor.devtools import streamlit_server as server

pytestmark = pytest.mark.browser

NODE_PROVIDER = Path(__file__).with_name("oidc_provider.mjs")
START_TIMEOUT_S = 90
USERS = {
    "nijestee": {"email": "medewerker@nijestee.example", "name": "Medewerker Nijestee",
                 "groups": ["wijkmonitor-nijestee"]},
    "wij": {"email": "medewerker@wij.example", "name": "Medewerker WIJ", "groups": ["wijkmonitor-wij-groningen"]},
    "programmabureau": {"email": "pb@groningen.example", "name": "Programmabureau",
                        "groups": ["wijkmonitor-programmabureau"]},
    "burger": {"email": "burger@example.org", "name": "Een bewoner", "groups": []},
}


@dataclass(frozen=True)
class Provider:
    url: str


@pytest.fixture(scope="module")
def oidc_provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Provider]:
    """oauth2-mock-server (node_modules, installed by npm ci in scripts/_setup.sh) on a free loopback port."""
    from wijkmonitor.access.login import missing_login_packages

    if missing_login_packages():
        pytest.fail(f"st.login kan niet werken: Python-pakketten {missing_login_packages()} ontbreken "
                    "(streamlit[auth] vraagt httpx)")
    if not (REPO / "node_modules" / "oauth2-mock-server").is_dir():
        pytest.fail("node_modules/oauth2-mock-server ontbreekt: draai scripts/test.sh (npm ci)")
    folder = tmp_path_factory.mktemp("oidc")
    users = folder / "users.json"
    users.write_text(json.dumps(USERS), encoding="utf-8")
    port = server.free_port()
    log = ARTIFACTS / f"oidc-provider-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}.log"
    url = f"http://127.0.0.1:{port}"
    with _started(), server.running(["node", str(NODE_PROVIDER), str(port), str(users)],
                                    ready_url=url + "/.well-known/openid-configuration", log=log, cwd=REPO,
                                    timeout_s=START_TIMEOUT_S):
        yield Provider(url)


def secrets_toml(app_port: int, provider: Provider, *, cookie_secret: str | None) -> str:
    lines = ["[auth]", f'redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"']
    if cookie_secret is not None:
        lines.append(f'cookie_secret = "{cookie_secret}"')
    lines += ['client_id = "wijkmonitor"', 'client_secret = "test-geheim"',
              f'server_metadata_url = "{provider.url}/.well-known/openid-configuration"']
    return "\n".join(lines) + "\n"


@contextlib.contextmanager
def _started() -> Iterator[None]:
    """A server that does not come up fails the test with the end of its log (no traceback to read)."""
    try:
        yield
    except server.ServerDidNotStart as exc:
        pytest.fail(str(exc))


@contextlib.contextmanager
def login_app(secrets: Path, db: Path, port: int, name: str) -> Iterator[str]:
    """dashboard.py with the login secrets on `port` (the redirect uri in `secrets` names it); yields its url."""
    log = ARTIFACTS / f"streamlit-{name}-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}.log"
    with _started(), server.streamlit("dashboard.py", db=db, log=log, cwd=REPO, timeout_s=START_TIMEOUT_S,
                                      port=port, extra_args=["--secrets.files", str(secrets)]) as (url, _proc):
        yield url


@pytest.fixture(scope="module")
def dashboard_url(oidc_provider: Provider, groningen_db: Path, tmp_path_factory: pytest.TempPathFactory
                  ) -> Iterator[str]:
    port = server.free_port()
    secrets = tmp_path_factory.mktemp("secrets") / "secrets.toml"
    secrets.write_text(secrets_toml(port, oidc_provider, cookie_secret="t" * 48), encoding="utf-8")
    with login_app(secrets, groningen_db, port, "login-dashboard") as url:
        yield url


def visible_lessons(groningen_db: Path, roles: frozenset[str]) -> list[str]:
    """The lessons (one per activity) a viewer with these roles may see, from the rules in config/access.toml."""
    from wijkmonitor import db
    from wijkmonitor.access import Viewer, apply, load_access_config, visibility_for
    from wijkmonitor.common.text import plain

    config = load_access_config()
    vis = visibility_for(Viewer(roles=roles), config, db.run(groningen_db, "interventions_list"))
    return [plain(v) for v in apply(vis, db.run(groningen_db, "process_log"), "process_log")["lessons"].dropna()]


def expected_lessons(groningen_db: Path, roles: frozenset[str]) -> set[str]:
    return set(visible_lessons(groningen_db, roles))


def _page_as(browser: Browser, provider: Provider, user: str | None) -> Page:
    context = browser.new_context(locale="nl-NL")
    context.set_default_timeout(30_000)
    if user is not None:
        context.add_cookies([{"name": "mock_oidc_user", "value": user, "url": provider.url}])
    return context.new_page()


def _signed_in_as(page: Page) -> str:
    """The role in the sidebar's "Ingelogd als <naam> (<rol>)"; "" when nobody is logged in."""
    wait_until_settled(page)
    caption = page.get_by_text(re.compile(r"^Ingelogd als "))
    if caption.count() == 0:
        return ""
    # The role itself may hold parentheses ("ingelogd, zonder rol (ziet wat het publiek ziet)").
    found = re.match(r"^Ingelogd als .*? \((.*)\)$", caption.inner_text().strip(), flags=re.S)
    return found.group(1) if found else ""


def lessons_download(page: Page) -> set[str]:
    """The lessons in the Procesmonitor's CSV download (what leaves the page as a file)."""
    import csv
    import io

    from playwright.sync_api import Download
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.get_by_text("Tabel met de gevonden lessen").click()
    wait_until_settled(page)
    download: Download | None = None
    # On a loaded machine a click that lands while the page reruns is lost: one more try before failing.
    for attempt in range(2):
        try:
            with page.expect_download(timeout=45_000) as info:
                page.get_by_role("button", name="Download deze tabel (CSV)").click()
            download = info.value
            break
        except PlaywrightTimeout:
            if attempt:
                page.screenshot(path=str(ARTIFACTS / "login-lessons-download.png"), full_page=True)
                raise
            wait_until_settled(page)
    assert download is not None
    text = Path(download.path()).read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    column = next(c for c in rows[0] if c.lower().startswith("les")) if rows else ""
    return {r[column] for r in rows if r.get(column)}


def login(page: Page, app: str) -> None:
    page.goto(app, wait_until="domcontentloaded")
    wait_until_settled(page)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(re.escape(app) + r"/?(\?.*)?$"), timeout=60_000)
    page.get_by_role("button", name="Uitloggen").wait_for(timeout=60_000)


LOG_IN_FOR_LESSONS = "Log in om de geleerde lessen te zien"
ROLES = {"nijestee": "partner:nijestee", "wij": "partner:wij-groningen", "programmabureau": "programmabureau",
         "burger": None}


# The whole round (public before, logged in, public again after logging out) once; the other roles only log
# in: the public view itself is the same for all of them and is also checked without a browser.
@pytest.mark.parametrize(("user", "label", "whole_round"), [
    ("nijestee", "partner: Nijestee", True),
    ("wij", "partner: WIJ Groningen", False),
    ("programmabureau", "programmabureau", False),
    ("burger", "ingelogd, zonder rol", False),
])
def test_each_role_sees_its_own_lessons_on_the_procesmonitor(
        chromium_browser: Browser, oidc_provider: Provider, dashboard_url: str, groningen_db: Path,
        user: str, label: str, whole_round: bool) -> None:
    role = ROLES[user]
    mine = expected_lessons(groningen_db, frozenset({role}) if role else frozenset())
    everything = expected_lessons(groningen_db, frozenset({"programmabureau"}))
    page = _page_as(chromium_browser, oidc_provider, user)
    try:
        if whole_round:
            page.goto(dashboard_url + "/procesmonitor", wait_until="domcontentloaded")
            wait_until_settled(page)
            assert _signed_in_as(page) == ""
            assert page.get_by_text(LOG_IN_FOR_LESSONS).count() == 1
            assert not any(lesson in page.content() for lesson in everything)
        login(page, dashboard_url)
        assert _signed_in_as(page).startswith(label)
        page.goto(dashboard_url + "/procesmonitor", wait_until="domcontentloaded")
        wait_until_settled(page)
        if not mine:
            assert role is None
            assert page.get_by_text("De geleerde lessen zijn niet beschikbaar voor uw rol").count() == 1
            assert not any(lesson in page.content() for lesson in everything)
        else:
            n = len(visible_lessons(groningen_db, frozenset({role}) if role else frozenset()))
            found = f"{n} lessen gevonden." if n > 1 else "1 les gevonden."
            assert page.get_by_text(found).count() == 1
            assert lessons_download(page) == mine
            content = page.content()
            assert not any(lesson in content for lesson in everything - mine)
        if not whole_round:
            return
        page.get_by_role("button", name="Uitloggen").click()
        page.get_by_role("button", name="Inloggen").first.wait_for(timeout=60_000)
        page.goto(dashboard_url + "/procesmonitor", wait_until="domcontentloaded")
        wait_until_settled(page)
        assert _signed_in_as(page) == ""
        assert page.get_by_text(LOG_IN_FOR_LESSONS).count() == 1
        assert not any(lesson in page.content() for lesson in everything)
    finally:
        page.context.close()


def test_partners_see_different_lessons(groningen_db: Path) -> None:
    nijestee = expected_lessons(groningen_db, frozenset({"partner:nijestee"}))
    wij = expected_lessons(groningen_db, frozenset({"partner:wij-groningen"}))
    everything = expected_lessons(groningen_db, frozenset({"programmabureau"}))
    # The browser test above is only meaningful when the example register gives the partners different lessons.
    assert nijestee and wij and nijestee != wij and nijestee | wij <= everything
    assert not expected_lessons(groningen_db, frozenset())


@pytest.mark.parametrize(("user", "words"), [
    (None, "Log in om gegevens bijwerken te zien"),
    ("burger", "niet beschikbaar voor uw rol"),
    ("nijestee", "niet beschikbaar voor uw rol"),
])
def test_a_deep_link_to_the_update_page_shows_nothing_but_the_login_question(
        chromium_browser: Browser, oidc_provider: Provider, dashboard_url: str, user: str | None, words: str
) -> None:
    page = _page_as(chromium_browser, oidc_provider, user)
    try:
        if user:
            login(page, dashboard_url)
        page.goto(dashboard_url + "/gegevens-bijwerken", wait_until="domcontentloaded")
        wait_until_settled(page)
        assert page.get_by_text(words).count() == 1
        assert page.locator('[data-testid="stFileUploader"]').count() == 0
        assert page.get_by_text("Logboek").count() == 0 and page.get_by_text("Eerdere versies").count() == 0
    finally:
        page.context.close()


def draft_names(groningen_db: Path) -> set[str]:
    from wijkmonitor import db

    frame = db.run(groningen_db, "interventions_list")
    return set(frame.loc[frame["status"] == "idee", "name"])


def test_a_deep_link_to_drafts_asks_to_log_in_and_shows_them_after(
        chromium_browser: Browser, oidc_provider: Provider, dashboard_url: str, groningen_db: Path) -> None:
    drafts = draft_names(groningen_db)
    assert drafts, "the example register should hold a draft (status idee)"
    link = dashboard_url + "/interventiemonitor?status=idee"
    page = _page_as(chromium_browser, oidc_provider, "programmabureau")
    try:
        page.goto(link, wait_until="domcontentloaded")
        wait_until_settled(page)
        assert page.get_by_text("Log in om interventies met status ‘idee’ te zien").count() == 1
        assert not any(name in page.content() for name in drafts)
        # The question's own button logs in; Streamlit returns to the start page after the provider.
        page.locator('[data-testid="stMain"]').get_by_role("button", name="Inloggen").click()
        page.wait_for_url(re.compile(re.escape(dashboard_url) + r"/?(\?.*)?$"), timeout=60_000)
        page.get_by_role("button", name="Uitloggen").wait_for(timeout=60_000)
        page.goto(link, wait_until="domcontentloaded")
        wait_until_settled(page)
        assert _signed_in_as(page) == "programmabureau"
        assert page.get_by_text("Log in om interventies met status").count() == 0
        content = page.content()
        assert all(name in content for name in drafts)
    finally:
        page.context.close()


def test_provider_without_cookie_secret_refuses_to_start(chromium_browser: Browser, oidc_provider: Provider,
                                                         groningen_db: Path, tmp_path: Path) -> None:
    port = server.free_port()
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(secrets_toml(port, oidc_provider, cookie_secret=None), encoding="utf-8")
    with login_app(secrets, groningen_db, port, "login-nosecret") as url:
        page = _page_as(chromium_browser, oidc_provider, None)
        try:
            page.goto(url, wait_until="domcontentloaded")
            wait_until_settled(page)
            error = page.locator('[data-testid="stAlertContentError"]').inner_text()
            assert "Het dashboard start niet" in error and "cookie_secret" in error
            assert page.get_by_role("button", name="Inloggen").count() == 0
        finally:
            page.context.close()


@pytest.fixture()
def update_app(oidc_provider: Provider, groningen_db: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The dashboard on its own copy of the database: the update tests change it."""
    import shutil

    db = tmp_path / "data" / "wijkmonitor.duckdb"
    db.parent.mkdir()
    shutil.copyfile(groningen_db, db)
    port = server.free_port()
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(secrets_toml(port, oidc_provider, cookie_secret="u" * 48), encoding="utf-8")
    with login_app(secrets, db, port, "login-update") as url:
        yield url, db


def _example_workbook(path: Path) -> Path:
    import csv

    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for sheet, name in (("interventies", "interventies.csv"), ("resultaten", "resultaten.csv"),
                        ("proceslog", "proceslog.csv")):
        with (REPO / "config" / "registers" / "voorbeeld" / name).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        if sheet == "interventies":
            rows[1][1] = "Wijkbedrijf Selwerd (via de browser)"
        ws = book.create_sheet(sheet)
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


def test_the_programme_office_updates_and_rolls_back(chromium_browser: Browser, oidc_provider: Provider,
                                                          update_app: tuple[str, Path], tmp_path: Path) -> None:
    import hashlib

    import duckdb

    app, db = update_app
    original = hashlib.sha256(db.read_bytes()).hexdigest()
    page = _page_as(chromium_browser, oidc_provider, "programmabureau")
    try:
        login(page, app)
        page.goto(app + "/gegevens-bijwerken", wait_until="domcontentloaded")
        wait_until_settled(page)
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
            str(_example_workbook(tmp_path / "registers 2025.xlsx")))
        page.get_by_text("Wat er verandert").wait_for(timeout=60_000)
        page.get_by_role("button", name="Bijwerken").click()
        try:
            page.get_by_text("Bijgewerkt met registers 2025.xlsx").wait_for(timeout=120_000)
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "login-update-failure.png"), full_page=True)
            raise
        with duckdb.connect(str(db), read_only=True) as con:
            name = con.execute("select name from interventions where intervention_id = 'wijkbedrijf-selwerd'")
            assert name.fetchone() == ("Wijkbedrijf Selwerd (via de browser)",)
        wait_until_settled(page)
        log = page.locator('[data-testid="stDataFrame"]').last
        assert log.count() == 1
        page.get_by_role("button", name="Terugzetten").first.click()
        page.get_by_text("staat weer klaar").wait_for(timeout=60_000)
        assert hashlib.sha256(db.read_bytes()).hexdigest() == original
    finally:
        page.context.close()
    audit = [line for line in (db.parent / "updates" / "audit.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(audit) == 2 and '"pb@groningen.example"' in audit[0] and '"gelukt"' in audit[0]
    assert '"terugzetten"' in audit[1]
