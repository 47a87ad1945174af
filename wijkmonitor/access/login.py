"""Is logging in configured, and configured safely? Pure checks on the `[auth]` section of secrets.toml.

Streamlit's st.login reads `[auth]` (redirect_uri, cookie_secret, and either client_id / client_secret /
server_metadata_url directly, the provider "default", or those under `[auth.<name>]`). Streamlit itself only
complains once someone presses "Inloggen"; the dashboard checks at start so that a provider configured
without a cookie secret stops the app with a Dutch message instead of running with a login that fails.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wijkmonitor.access.config import AccessConfig
from wijkmonitor.errors import WijkmonitorError

PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
# Streamlit signs the identity cookie with this secret; shorter than 32 characters is guessable.
MIN_COOKIE_SECRET = 32
SECRETS_FILE = ".streamlit/secrets.toml"


class LoginMisconfigured(WijkmonitorError):
    """A provider is configured but the login cannot be safe or cannot work; the app must not start."""


@dataclass(frozen=True)
class LoginSettings:
    enabled: bool
    provider: str | None = None  # the argument for st.login: None for the provider "default"


LOGIN_OFF = LoginSettings(enabled=False)


def _provider_sections(auth: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    sections = {name: value for name, value in auth.items() if isinstance(value, Mapping)}
    if any(key in auth for key in PROVIDER_KEYS):
        sections["default"] = auth
    return {name: s for name, s in sections.items() if any(key in s for key in PROVIDER_KEYS)}


def login_settings(auth: Mapping[str, Any] | None, config: AccessConfig) -> LoginSettings:
    """LOGIN_OFF without a provider; raises LoginMisconfigured for a provider that cannot be used safely."""
    if not auth:
        return LOGIN_OFF
    sections = _provider_sections(auth)
    if not sections:
        return LOGIN_OFF
    where = f"{SECRETS_FILE}, [auth]"
    secret = auth.get("cookie_secret")
    if not isinstance(secret, str) or not secret.strip():
        raise LoginMisconfigured(
            f"Inloggen is ingesteld maar het cookiegeheim ontbreekt ({where}, sleutel cookie_secret). Het "
            "dashboard start niet zonder: zonder geheim kan iedereen zich als een ander voordoen. Zet een lange "
            "willekeurige tekst in cookie_secret, bijvoorbeeld de uitvoer van: "
            "python -c \"import secrets; print(secrets.token_urlsafe(48))\""
        )
    if len(secret.strip()) < MIN_COOKIE_SECRET:
        raise LoginMisconfigured(
            f"Het cookiegeheim in {where} (sleutel cookie_secret) is te kort: {len(secret.strip())} tekens, "
            f"nodig zijn er minstens {MIN_COOKIE_SECRET}."
        )
    redirect = auth.get("redirect_uri")
    if not isinstance(redirect, str) or not redirect.rstrip("/").endswith("/oauth2callback"):
        raise LoginMisconfigured(
            f"Inloggen is ingesteld maar redirect_uri in {where} ontbreekt of eindigt niet op /oauth2callback "
            "(bijvoorbeeld https://wijkmonitor.groningen.nl/oauth2callback)."
        )
    name = config.login.provider
    section = sections.get(name)
    if section is None:
        raise LoginMisconfigured(
            f"config/access.toml noemt inlogaanbieder '{name}' (login.provider), maar {SECRETS_FILE} heeft "
            f"alleen: {', '.join(sorted(sections))}."
        )
    missing = [key for key in PROVIDER_KEYS if not section.get(key)]
    if missing:
        place = "[auth]" if name == "default" else f"[auth.{name}]"
        raise LoginMisconfigured(f"In {SECRETS_FILE}, {place} ontbreekt: {', '.join(missing)}.")
    return LoginSettings(enabled=True, provider=None if name == "default" else name)


# What st.login imports when someone presses "Inloggen" (the extra streamlit[auth]): checked at start, so a
# missing package stops the app with a message instead of a traceback after the first click.
LOGIN_PACKAGES = ("authlib", "httpx")


def missing_login_packages() -> list[str]:
    return [name for name in LOGIN_PACKAGES if importlib.util.find_spec(name) is None]


def check_login_packages(settings: LoginSettings) -> None:
    missing = missing_login_packages() if settings.enabled else []
    if missing:
        raise LoginMisconfigured(
            f"Inloggen is ingesteld, maar de Python-pakketten {', '.join(missing)} ontbreken (nodig voor st.login: "
            "streamlit[auth]). Installeer ze of haal de inlogaanbieder uit .streamlit/secrets.toml."
        )
