"""Logins, roles and what each role may see (issue 14).

* `config`: `config/access.toml` (login provider, role rules, visibility rules, update limits) and
  `config/partners.toml`, validated with pydantic; `load_access_config()` raises `BuildError` naming file and key.
* `login`: `login_settings(secrets["auth"], config)` -> `LoginSettings`; `LoginMisconfigured` when a provider is
  configured without (a long enough) cookie secret or redirect_uri.
* `roles`: `viewer_from_claims(st.user claims, config)` -> `Viewer` (roles, `visibility_key`).
* `visibility`: `visibility_for(viewer, config, interventions)`, `apply(vis, frame, table)`, `for_download`,
  `hidden_columns`: pure DataFrame filtering.
* `session`: the Streamlit glue (check_startup, current_viewer, login_controls, require_login, register_query).
"""

from wijkmonitor.access.config import (
    PARTNER_PREFIX,
    PROGRAMME_OFFICE,
    PUBLIC,
    AccessConfig,
    Partner,
    PartnerList,
    VisibilityRule,
    load_access_config,
    load_partners,
)
from wijkmonitor.access.login import LOGIN_OFF, LoginMisconfigured, LoginSettings, login_settings
from wijkmonitor.access.roles import PUBLIC_VIEWER, Viewer, role_label, viewer_from_claims
from wijkmonitor.access.visibility import Visibility, apply, for_download, hidden_columns, visibility_for

__all__ = [
    "LOGIN_OFF",
    "PARTNER_PREFIX",
    "PROGRAMME_OFFICE",
    "PUBLIC",
    "PUBLIC_VIEWER",
    "AccessConfig",
    "LoginMisconfigured",
    "LoginSettings",
    "Partner",
    "PartnerList",
    "Viewer",
    "Visibility",
    "VisibilityRule",
    "apply",
    "for_download",
    "hidden_columns",
    "load_access_config",
    "load_partners",
    "login_settings",
    "role_label",
    "viewer_from_claims",
    "visibility_for",
]
