"""Roles and visibility (issue 14): config/access.toml + partners.toml, logins to viewers, register filtering.

The filtering is checked on the real example register as the pages query it from a Groningen build.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from wijkmonitor import db
from wijkmonitor.access import (
    LOGIN_OFF,
    PUBLIC_VIEWER,
    AccessConfig,
    LoginMisconfigured,
    Viewer,
    apply,
    for_download,
    hidden_columns,
    load_access_config,
    login_settings,
    role_label,
    viewer_from_claims,
    visibility_for,
)
from wijkmonitor.access.config import PartnerList
from wijkmonitor.access.visibility import partners_named
from wijkmonitor.config import DEFAULT_CONFIG_DIR
from wijkmonitor.errors import BuildError

ACCESS = DEFAULT_CONFIG_DIR / "access.toml"
PARTNERS = DEFAULT_CONFIG_DIR / "partners.toml"
SECRET = "s" * 40
PROVIDER = {"client_id": "wijkmonitor", "client_secret": "geheim",
            "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}


@pytest.fixture(scope="module")
def config() -> AccessConfig:
    return load_access_config(ACCESS, PARTNERS)


@pytest.fixture(scope="module")
def frames(groningen_db: Path) -> dict[str, pd.DataFrame]:
    return {name: db.run(groningen_db, name) for name in ("interventions_list", "interventions_results", "process_log")}


def partner(pid: str) -> Viewer:
    return Viewer(roles=frozenset({f"partner:{pid}"}), email=f"{pid}@example.org")


OFFICE = Viewer(roles=frozenset({"programmabureau"}), email="pb@example.org")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "access.toml"
    path.write_text(text, encoding="utf-8")
    return path


# --- configuration --------------------------------------------------------------------------------------

def test_real_config_maps_every_partner_of_the_list(config: AccessConfig) -> None:
    partner_roles = {r.role.removeprefix("partner:") for r in config.roles if r.role.startswith("partner:")}
    assert partner_roles == config.partners.ids
    assert {"nijestee", "lefier", "de-huismeesters", "patrimonium", "wierden-en-borgen", "politie",
            "wij-groningen"} <= config.partners.ids
    assert any(r.role == "programmabureau" for r in config.roles)


@pytest.mark.parametrize(("text", "where", "words"), [
    ('[[roles]]\nrole = "partner:onbekend"\ngroups = ["g"]\n', "roles[0].role", "partner 'onbekend' staat niet"),
    ('[[roles]]\nrole = "beheerder"\ngroups = ["g"]\n', "roles[0].role", "rol 'beheerder' bestaat niet"),
    ('[[roles]]\nrole = "programmabureau"\n', "roles[0]", "geef 'emails' of 'groups' op"),
    ('[[roles]]\nrole = "programmabureau"\nemails = ["geen-adres"]\n', "roles[0].emails", "geen e-mailadres"),
    ('[[visibility]]\ntable = "budgetten"\naudience = "partners"\n', "visibility[0]", "tabel 'budgetten'"),
    ('[[visibility]]\ntable = "process_log"\ncolumns = ["lesson"]\naudience = "partners"\n', "visibility[0]",
     "kolom 'lesson' bestaat niet"),
    ('[[visibility]]\ntable = "interventions"\nwhere = { status = ["concept"] }\naudience = "programmabureau"\n',
     "visibility[0]", "waarde 'concept' komt in interventions.status niet voor"),
    ('[[visibility]]\ntable = "process_log"\naudience = "iedereen"\n', "visibility[0].audience", "kies uit"),
    ('[updates]\nkeep_builds = 0\n', "updates.keep_builds", ""),
    ('[login]\nprovider = "mijn_idp"\n', "login.provider", "kleine letters"),
    ('[loginn]\nprovider = "x"\n', "loginn", "onbekende sleutel"),
])
def test_config_mistakes_name_file_and_key(tmp_path: Path, text: str, where: str, words: str) -> None:
    with pytest.raises(BuildError) as caught:
        load_access_config(write(tmp_path, text), PARTNERS)
    assert caught.value.file == str(tmp_path / "access.toml")
    assert caught.value.column == where
    assert words in caught.value.message


def test_duplicate_partner_id_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "partners.toml"
    path.write_text('[[partners]]\nid = "a"\nname = "A"\n[[partners]]\nid = "a"\nname = "B"\n', encoding="utf-8")
    with pytest.raises(BuildError, match="partner-id 'a' staat er twee keer in"):
        load_access_config(write(tmp_path, ""), path)


def test_without_access_config_everything_is_public(tmp_path: Path) -> None:
    config = load_access_config(tmp_path / "ontbreekt.toml", PARTNERS)
    assert config.roles == () and config.visibility == ()


# --- logins ---------------------------------------------------------------------------------------------

def test_claims_to_roles(config: AccessConfig) -> None:
    assert viewer_from_claims({}, config) == PUBLIC_VIEWER
    assert viewer_from_claims({"is_logged_in": False, "groups": ["wijkmonitor-nijestee"]}, config) == PUBLIC_VIEWER
    nijestee = viewer_from_claims({"is_logged_in": True, "email": "A@Nijestee.nl", "groups": ["wijkmonitor-nijestee"]},
                                  config)
    assert nijestee.partner_ids == {"nijestee"} and nijestee.email == "a@nijestee.nl"
    assert nijestee.visibility_key == "partner:nijestee"
    two = viewer_from_claims({"is_logged_in": True, "email": "x@y.nl",
                              "groups": ["wijkmonitor-politie", "wijkmonitor-lefier"]}, config)
    assert two.visibility_key == "partner:lefier+partner:politie"
    office = viewer_from_claims({"is_logged_in": True, "email": "p@g.nl",
                                 "groups": ["wijkmonitor-programmabureau", "wijkmonitor-lefier"]}, config)
    assert office.is_programme_office and office.visibility_key == "programmabureau"
    nobody = viewer_from_claims({"is_logged_in": True, "email": "burger@example.org", "groups": "iets-anders"}, config)
    assert nobody.roles == frozenset() and nobody.visibility_key == "publiek" and nobody.is_logged_in
    assert role_label(nobody, config).startswith("ingelogd, zonder rol")
    assert role_label(two, config) == "partner: Lefier, Politie"


def test_email_only_counts_when_not_unverified(tmp_path: Path) -> None:
    config = load_access_config(
        write(tmp_path, '[[roles]]\nrole = "programmabureau"\nemails = ["pb@groningen.nl"]\n'), PARTNERS)
    claims = {"is_logged_in": True, "email": "PB@groningen.nl"}
    assert viewer_from_claims(claims, config).is_programme_office
    assert viewer_from_claims({**claims, "email_verified": True}, config).is_programme_office
    assert not viewer_from_claims({**claims, "email_verified": False}, config).roles


def test_login_settings(config: AccessConfig) -> None:
    assert login_settings(None, config) == LOGIN_OFF
    assert login_settings({"cookie_secret": SECRET}, config) == LOGIN_OFF  # secrets without a provider
    full = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": SECRET, **PROVIDER}
    assert login_settings(full, config).enabled and login_settings(full, config).provider is None
    with pytest.raises(LoginMisconfigured, match=r"cookiegeheim ontbreekt .*cookie_secret"):
        login_settings({k: v for k, v in full.items() if k != "cookie_secret"}, config)
    with pytest.raises(LoginMisconfigured, match="te kort: 5 tekens"):
        login_settings({**full, "cookie_secret": "kort!"}, config)
    with pytest.raises(LoginMisconfigured, match="redirect_uri"):
        login_settings({**full, "redirect_uri": "http://localhost:8501/"}, config)
    with pytest.raises(LoginMisconfigured, match="ontbreekt: client_secret"):
        login_settings({**full, "client_secret": ""}, config)


def test_named_provider(tmp_path: Path) -> None:
    config = load_access_config(write(tmp_path, '[login]\nprovider = "gemeente"\n'), PARTNERS)
    auth = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": SECRET, "gemeente": PROVIDER}
    assert login_settings(auth, config).provider == "gemeente"
    with pytest.raises(LoginMisconfigured, match=r"inlogaanbieder 'gemeente'.*alleen: anders"):
        login_settings({**auth, "gemeente": None, "anders": PROVIDER}, config)
    # A provider under another name but no cookie secret: still refused before anything else.
    with pytest.raises(LoginMisconfigured, match="cookiegeheim"):
        login_settings({"redirect_uri": auth["redirect_uri"], "anders": PROVIDER}, config)


# --- visibility on the real example register ------------------------------------------------------------

def test_partner_names_in_the_register() -> None:
    partners = load_access_config(ACCESS, PARTNERS).partners
    assert partners_named(["Gemeente Groningen", "woningcorporaties;WIJ Groningen"], partners) == {
        "gemeente", "nijestee", "lefier", "de-huismeesters", "patrimonium", "wierden-en-borgen", "wij-groningen"}
    assert partners_named([None, "De Huismeesters"], partners) == {"de-huismeesters"}
    assert partners_named(["bewoners Selwerd"], PartnerList(partners=())) == frozenset()


def test_public_sees_no_lessons_no_open_input_no_drafts(config: AccessConfig, frames: dict[str, pd.DataFrame]) -> None:
    interventions, results, log = frames["interventions_list"], frames["interventions_results"], frames["process_log"]
    assert log["lessons"].notna().sum() > 0 and (interventions["status"] == "idee").sum() == 1
    before = log.copy()
    vis = visibility_for(PUBLIC_VIEWER, config, interventions)
    draft = str(interventions.loc[interventions["status"] == "idee", "intervention_id"].iloc[0])
    assert vis.hidden_interventions == {draft}

    seen = apply(vis, interventions, "interventions")
    assert len(seen) == len(interventions) - 1 and draft not in set(seen["intervention_id"])
    seen_results = apply(vis, results, "intervention_results")
    assert draft not in set(seen_results["intervention_id"])
    assert len(seen_results) == len(results) - int((results["intervention_id"] == draft).sum())

    seen_log = apply(vis, log, "process_log")
    assert len(seen_log) == len(log)  # activities stay public
    assert seen_log["lessons"].isna().all()
    promised = seen_log["action_status"] == "toegezegd"
    assert promised.sum() == 5
    assert seen_log.loc[promised, "raised"].isna().all() and seen_log.loc[promised, "action"].isna().all()
    assert seen_log.loc[~promised, "raised"].notna().all()
    mentioned = set(seen_log["intervention_id"].dropna()) | set(seen_log["decision_or_intervention_id"].dropna())
    assert draft not in mentioned
    pd.testing.assert_frame_equal(log, before)  # the cached query frame is never changed in place


def test_each_partner_sees_only_their_own_lessons(config: AccessConfig, frames: dict[str, pd.DataFrame]) -> None:
    interventions, log = frames["interventions_list"], frames["process_log"]
    named: dict[str, set[str]] = {pid: set() for pid in ("nijestee", "wij-groningen", "politie")}
    for _, row in interventions.iterrows():
        for pid in partners_named([row["lead_partner"], row["partners"]], config.partners) & set(named):
            named[pid].add(row["intervention_id"])
    lessons = {}
    for pid in named:
        seen = apply(visibility_for(partner(pid), config, interventions), log, "process_log")
        visible = seen["lessons"].notna()
        assert set(seen.loc[visible, "intervention_id"]) <= named[pid]
        assert visible.sum() == (log["lessons"].notna() & log["intervention_id"].isin(named[pid])).sum()
        lessons[pid] = set(seen.loc[visible, "lessons"])
    # Real differences in the example register: the corporations and WIJ worked on different interventions.
    assert lessons["nijestee"] and lessons["wij-groningen"]
    assert lessons["nijestee"] != lessons["wij-groningen"]
    # Drafts stay with the programme office, also for partners.
    seen = apply(visibility_for(partner("nijestee"), config, interventions), interventions, "interventions")
    assert "idee" not in set(seen["status"])


def test_programme_office_sees_everything(config: AccessConfig, frames: dict[str, pd.DataFrame]) -> None:
    vis = visibility_for(OFFICE, config, frames["interventions_list"])
    for name, table in (("interventions_list", "interventions"), ("interventions_results", "intervention_results"),
                        ("process_log", "process_log")):
        pd.testing.assert_frame_equal(apply(vis, frames[name], table).reset_index(drop=True),
                                      frames[name].reset_index(drop=True))


def test_downloads_leave_out_wholly_withheld_columns(config: AccessConfig, frames: dict[str, pd.DataFrame]) -> None:
    interventions, log = frames["interventions_list"], frames["process_log"]
    public = visibility_for(PUBLIC_VIEWER, config, interventions)
    assert hidden_columns(public, "process_log") == {"lessons"}
    assert "lessons" not in for_download(public, log, "process_log").columns
    nijestee = visibility_for(partner("nijestee"), config, interventions)
    assert hidden_columns(nijestee, "process_log") == frozenset()
    download = for_download(nijestee, log, "process_log")
    assert download["lessons"].notna().sum() == apply(nijestee, log, "process_log")["lessons"].notna().sum() > 0


def test_rule_on_a_column_the_query_lacks_fails_closed(tmp_path: Path, frames: dict[str, pd.DataFrame]) -> None:
    config = load_access_config(write(tmp_path, (
        '[[visibility]]\ntable = "process_log"\ncolumns = ["lessons"]\nwhere = { action_status = ["gedaan"] }\n'
        'audience = "programmabureau"\n')), PARTNERS)
    log = frames["process_log"].drop(columns=["action_status"])
    seen = apply(visibility_for(partner("nijestee"), config, frames["interventions_list"]), log, "process_log")
    assert seen["lessons"].isna().all()


def test_login_packages_are_checked_only_when_login_is_on(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from wijkmonitor.access import login
    from wijkmonitor.access.login import LoginSettings, check_login_packages

    real = importlib.util.find_spec
    monkeypatch.setattr(login.importlib.util, "find_spec", lambda name: None if name == "httpx" else real(name))
    check_login_packages(LOGIN_OFF)  # no provider: nothing needed
    with pytest.raises(LoginMisconfigured, match=r"pakketten httpx ontbreken"):
        check_login_packages(LoginSettings(enabled=True))


def test_profile_process_query_without_intervention_id(config: AccessConfig, groningen_db: Path,
                                                       frames: dict[str, pd.DataFrame]) -> None:
    """The Wijkprofiel's process query carries only decision_or_intervention_id: partners still see the lessons
    of their own interventions, and a draft intervention is not mentioned."""
    areas = ("selwerd", "beijum", "vinkhuizen", "lewenborg")
    full = pd.concat([db.run(groningen_db, "profile_process", unit_code=a) for a in areas], ignore_index=True)
    assert "intervention_id" not in full.columns and full["lessons"].notna().any()
    interventions = frames["interventions_list"]
    nijestee = visibility_for(partner("nijestee"), config, interventions)
    seen = apply(nijestee, full, "process_log")
    mine = full["decision_or_intervention_id"].map(lambda i: bool(nijestee.links.get(i, frozenset()) & {"nijestee"}))
    assert (full["lessons"].notna() & mine).any() and (full["lessons"].notna() & ~mine).any()
    assert seen["lessons"].notna().sum() == (full["lessons"].notna() & mine).sum()
    assert apply(visibility_for(PUBLIC_VIEWER, config, interventions), full, "process_log")["lessons"].isna().all()


# --- notices: how much of a restricted kind of content a viewer sees -----------------------------------------

def test_how_much_each_viewer_sees_of_each_restricted_subject(config: AccessConfig) -> None:
    from wijkmonitor.access import notices

    drafts = notices.status_subject("idee", "idee")
    burger = Viewer(email="burger@example.org")
    seen = {(who, s.key): notices.withheld(config, v, s).seen
            for who, v in (("publiek", PUBLIC_VIEWER), ("burger", burger), ("partner", partner("nijestee")),
                           ("bureau", OFFICE))
            for s in (notices.LESSONS, notices.OPEN_INPUT, drafts, notices.status_subject("lopend", "lopend"))}
    # Lessons: no where, audience betrokken. Open input: only the rows with status toegezegd. Drafts: office.
    assert seen == {
        ("publiek", "lessen"): "niets", ("publiek", "inbreng"): "deels", ("publiek", "status-idee"): "niets",
        ("burger", "lessen"): "niets", ("burger", "inbreng"): "deels", ("burger", "status-idee"): "niets",
        ("partner", "lessen"): "deels", ("partner", "inbreng"): "deels", ("partner", "status-idee"): "niets",
        ("bureau", "lessen"): "alles", ("bureau", "inbreng"): "alles", ("bureau", "status-idee"): "alles",
        **{(who, "status-lopend"): "alles" for who in ("publiek", "burger", "partner", "bureau")},
    }
    assert notices.restricted_statuses(config) == ("idee",)


def test_notice_texts_ask_to_log_in_or_name_the_role(config: AccessConfig) -> None:
    from wijkmonitor.access import notices

    lessons = notices.withheld(config, PUBLIC_VIEWER, notices.LESSONS)
    drafts = notices.withheld(config, partner("nijestee"), notices.status_subject("idee", "idee"))
    mine = notices.withheld(config, partner("nijestee"), notices.LESSONS)
    assert notices.message(lessons, login_enabled=True, logged_in=False, is_partner=False, role="publiek") == (
        "Log in om de geleerde lessen te zien: die zijn er alleen voor de partners die bij de interventie horen "
        "en het programmabureau.")
    assert notices.message(lessons, login_enabled=False, logged_in=False, is_partner=False, role="publiek") == (
        "De geleerde lessen zijn niet openbaar: die zijn er alleen voor de partners die bij de interventie horen "
        "en het programmabureau. Inloggen is voor dit dashboard niet ingesteld.")
    assert notices.message(drafts, login_enabled=True, logged_in=True, is_partner=True,
                           role="partner: Nijestee") == (
        "Interventies met status ‘idee’ zijn niet beschikbaar voor uw rol (partner: Nijestee): die zijn er alleen "
        "voor het programmabureau.")
    assert (notices.message(mine, login_enabled=True, logged_in=True, is_partner=True, role="partner: Nijestee")
            or "").startswith("U ziet de geleerde lessen alleen bij de interventies waar uw organisatie bij hoort")
    everything = notices.withheld(config, OFFICE, notices.LESSONS)
    assert notices.message(everything, login_enabled=True, logged_in=True, is_partner=False,
                           role="programmabureau") is None


def test_a_rule_for_every_partner_is_no_notice_for_a_partner(tmp_path: Path) -> None:
    from wijkmonitor.access import notices

    path = write(tmp_path, '[[visibility]]\ntable = "process_log"\ncolumns = ["lessons"]\naudience = "partners"\n')
    config = load_access_config(path, PARTNERS)
    assert notices.withheld(config, partner("lefier"), notices.LESSONS).seen == "alles"
    assert notices.withheld(config, PUBLIC_VIEWER, notices.LESSONS).seen == "niets"
    assert notices.withheld(config, PUBLIC_VIEWER, notices.OPEN_INPUT).seen == "alles"
    assert notices.restricted_statuses(config) == ()


# --- every register query reaches a page only through the visibility filter ---------------------------------

REPO = Path(__file__).resolve().parents[1]
REGISTER_TABLES = ("interventions", "intervention_results", "intervention_areas", "intervention_programmes",
                   "intervention_partners", "process_log")


def _reads_register(sql: str) -> bool:
    import re

    body = "\n".join(line.split("--", 1)[0] for line in sql.splitlines())
    return bool(re.search(r"\b(?:from|join)\s+(" + "|".join(REGISTER_TABLES) + r")\b", body, flags=re.I))


def test_every_query_on_a_register_table_is_a_register_query() -> None:
    from wijkmonitor.access.session import REGISTER_QUERIES

    reading = {p.stem for p in (REPO / "queries").glob("*.sql") if _reads_register(p.read_text(encoding="utf-8"))}
    assert reading == set(REGISTER_QUERIES)
    assert {"interventions_partners", "profile_process", "area_monitor_intervention_markers"} <= reading


def test_no_page_code_runs_a_register_query_unfiltered() -> None:
    """`common.data.query` (the unfiltered kernel call) never gets a register query's name outside
    `access.session`, which cuts every such frame for the viewer's roles."""
    import ast

    from wijkmonitor.access.session import REGISTER_QUERIES

    files = [REPO / "dashboard.py", *(REPO / "pages").glob("*.py"), *(REPO / "wijkmonitor").rglob("*.py")]
    offenders = []
    for path in files:
        if path.relative_to(REPO).as_posix() in ("wijkmonitor/access/session.py",):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            first = node.args[0]
            if name in ("query", "_cached") and isinstance(first, ast.Constant) and first.value in REGISTER_QUERIES:
                offenders.append(f"{path.relative_to(REPO)}:{node.lineno} {first.value}")
    assert not offenders
