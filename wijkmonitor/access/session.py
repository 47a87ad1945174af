"""Streamlit glue of the login: who is looking, the login/logout controls, role-filtered register queries.

The only module of `wijkmonitor.access` that imports Streamlit; the decisions are made by the pure modules
(`login`, `roles`, `visibility`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from wijkmonitor.access import notices, visibility
from wijkmonitor.access.config import (
    ALL_OPEN,
    PARTNER_PREFIX,
    PROGRAMME_OFFICE,
    AccessConfig,
    default_paths,
    load_access_config,
)
from wijkmonitor.access.login import (
    LOGIN_OFF,
    LoginMisconfigured,
    LoginSettings,
    check_login_packages,
    login_settings,
)
from wijkmonitor.access.roles import PUBLIC_VIEWER, Viewer, role_label, viewer_from_claims
from wijkmonitor.errors import BuildError
from wijkmonitor.texts import toegang

# The named queries that read a register, and which register table each one's rows belong to. Pages get
# these only through `register_query`, never through `common.data.query`.
REGISTER_QUERIES: dict[str, str] = {
    "interventions_list": "interventions",
    "interventions_areas": "intervention_areas",
    "interventions_programmes": "intervention_programmes",
    "interventions_results": "intervention_results",
    "interventions_partners": "intervention_partners",
    "process_log": "process_log",
    "profile_interventions": "interventions",
    "profile_process": "process_log",
    "area_monitor_intervention_markers": "interventions",
}


def _stamp(path: Path) -> tuple[str, int]:
    try:
        return (str(path), path.stat().st_mtime_ns)
    except FileNotFoundError:
        return (str(path), 0)


@st.cache_resource(max_entries=4, show_spinner=False)
def _access_config(access: tuple[str, int], partners: tuple[str, int]) -> AccessConfig:
    return load_access_config(Path(access[0]), Path(partners[0]))


def access_config() -> AccessConfig:
    """config/access.toml, re-read when it or partners.toml changes; raises BuildError."""
    access, partners = default_paths()
    return _access_config(_stamp(access), _stamp(partners))


def _auth_section() -> Mapping[str, Any] | None:
    try:
        section = st.secrets.get("auth")
    except (FileNotFoundError, st.errors.StreamlitSecretNotFoundError):
        return None
    if section is None:
        return None
    return dict(section.to_dict() if hasattr(section, "to_dict") else section)


def settings() -> LoginSettings:
    return login_settings(_auth_section(), access_config())


def check_startup() -> LoginSettings:
    """First call of every script run: stop the app, with the reason in Dutch, when login is set up unsafely
    or the access configuration is wrong."""
    try:
        login = settings()
        check_login_packages(login)
        return login
    except (LoginMisconfigured, BuildError) as exc:
        st.error(f"Het dashboard start niet. {exc}", icon=":material/lock:")
        st.stop()
    return LOGIN_OFF  # unreachable: st.stop raises


def current_viewer() -> Viewer:
    """Who is logged in (the public without a provider): decides which pages someone reaches."""
    if not settings().enabled:
        return PUBLIC_VIEWER
    return viewer_from_claims(st.user.to_dict(), access_config())


# Without a provider and with login.without_login = "alles openbaar" the registers are shown whole, as before
# logins existed: the data is then cut for a viewer that may see everything (nobody gets a role by it: pages
# still ask `current_viewer`).
UNRESTRICTED = Viewer(roles=frozenset({PROGRAMME_OFFICE}))


def data_viewer() -> Viewer:
    """Whose visibility the register data of this script run is cut for."""
    if settings().enabled:
        return current_viewer()
    return UNRESTRICTED if access_config().login.without_login == ALL_OPEN else PUBLIC_VIEWER


def login_controls(viewer: Viewer) -> None:
    """Inloggen / naam, rol en Uitloggen, for the shared navigation (the sidebar)."""
    login = settings()
    if not login.enabled:
        return
    if not viewer.is_logged_in:
        if st.button("Inloggen", key="access-login", icon=":material/login:"):
            st.login(login.provider) if login.provider else st.login()
        return
    st.caption(f"Ingelogd als {viewer.name or viewer.email} ({role_label(viewer, access_config())})")
    if st.button("Uitloggen", key="access-logout", icon=":material/logout:"):
        st.logout()


def require_login(viewer: Viewer, allowed: bool, what: str) -> None:
    """Stop a restricted page before it reads anything: a deep link to it shows only this message."""
    if allowed:
        return
    login = settings()
    if not login.enabled:
        st.info(f"{what} is niet beschikbaar: inloggen is voor dit dashboard niet ingesteld.")
    elif viewer.is_logged_in:
        st.warning(f"{what} is niet beschikbaar voor uw rol ({role_label(viewer, access_config())}).")
    else:
        st.warning(f"Log in om {what.lower()} te zien.")
        if st.button("Inloggen", key="access-login-required", icon=":material/login:"):
            st.login(login.provider) if login.provider else st.login()
    st.stop()


def withheld_notice(subject: notices.Subject) -> notices.Withheld:
    """Say on the page, in Dutch, that `subject` is restricted for this run's viewer: "Log in om ... te zien"
    with a login button, or why their role does not see it. Nothing when they see all of it. The caller skips
    its section when the result's `seen` is "niets" (a deep link then shows only the question)."""
    w = notices.withheld(access_config(), data_viewer(), subject)
    login = settings()
    viewer = current_viewer()
    text = notices.message(w, login_enabled=login.enabled, logged_in=viewer.is_logged_in,
                           is_partner=viewer.is_partner, role=role_label(viewer, access_config()))
    if text is None:
        return w
    if login.enabled and not viewer.is_logged_in:
        st.info(text, icon=":material/lock:")
        if st.button(toegang.LOG_IN_BUTTON, key=f"access-login-{subject.key}", icon=":material/login:"):
            st.login(login.provider) if login.provider else st.login()
    elif w.seen == "niets":
        st.info(text, icon=":material/lock:")
    else:
        st.caption(text)
    return w


def _canonical(viewer: Viewer) -> Viewer:
    """The viewer without name or address: everything cached is keyed by what it may see, not by who."""
    return Viewer(roles=frozenset(r for r in viewer.roles if r == PROGRAMME_OFFICE or r.startswith(PARTNER_PREFIX)))


@st.cache_resource(ttl=3600, max_entries=32, show_spinner=False)
def _visibility(file_stamp: tuple[int, int, int], key: str, roles: tuple[str, ...]) -> visibility.Visibility:
    from wijkmonitor.common.data import query

    return visibility.visibility_for(Viewer(roles=frozenset(roles)), access_config(), query("interventions_list"))


def viewer_visibility(viewer: Viewer) -> visibility.Visibility:
    from wijkmonitor.common.data import current_stamp

    canonical = _canonical(viewer)
    return _visibility(current_stamp(), canonical.visibility_key, tuple(sorted(canonical.roles)))


@st.cache_data(ttl=3600, max_entries=256, show_spinner=False)
def _filtered(name: str, file_stamp: tuple[int, int, int], key: str, roles: tuple[str, ...],
              params: tuple[tuple[str, object], ...]) -> pd.DataFrame:
    from wijkmonitor.common.data import query

    frame = query(name, **dict(params))
    if PROGRAMME_OFFICE in roles:
        # Sees everything: exactly the query's own frame, without reading the interventions for the rules.
        return frame
    vis = _visibility(file_stamp, key, roles)
    return visibility.apply(vis, frame, REGISTER_QUERIES[name])


def register_query(name: str, viewer: Viewer, **params: object) -> pd.DataFrame:
    """A register query as `viewer` may see it, cached per file version and visibility class."""
    from wijkmonitor.common.data import current_stamp

    if name not in REGISTER_QUERIES:
        raise KeyError(f"{name} is geen registervraag")
    canonical = _canonical(viewer)
    return _filtered(name, current_stamp(), canonical.visibility_key, tuple(sorted(canonical.roles)),
                     tuple(sorted(params.items())))


def viewer_roles() -> tuple[str, ...]:
    """The visibility class of this run's data as a hashable cache-key part: () for the public.

    Everything cached from register rows is keyed by it, so a frame cut for one class is never handed to a
    session of another."""
    return tuple(sorted(_canonical(data_viewer()).roles))


def query_for_viewer(name: str, **params: object) -> pd.DataFrame:
    """`register_query` for this script run's data viewer (see `data_viewer`)."""
    return register_query(name, data_viewer(), **params)
