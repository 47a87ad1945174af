"""From the claims of a login to a `Viewer`: which roles, and which visibility class the data is cached under."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wijkmonitor.access.config import PARTNER_PREFIX, PROGRAMME_OFFICE, PUBLIC, AccessConfig


@dataclass(frozen=True)
class Viewer:
    """Who is looking. `roles` is empty for the public; `email` only for display and the audit log."""

    roles: frozenset[str] = frozenset()
    email: str | None = None
    name: str | None = None

    @property
    def is_logged_in(self) -> bool:
        return self.email is not None or self.name is not None

    @property
    def is_programme_office(self) -> bool:
        return PROGRAMME_OFFICE in self.roles

    @property
    def partner_ids(self) -> frozenset[str]:
        return frozenset(r.removeprefix(PARTNER_PREFIX) for r in self.roles if r.startswith(PARTNER_PREFIX))

    @property
    def is_partner(self) -> bool:
        return bool(self.partner_ids)

    @property
    def visibility_key(self) -> str:
        """Everyone with the same key sees exactly the same data, so cached frames are shared per key and
        never across keys. The programme office sees everything, whatever partner roles it also holds."""
        if self.is_programme_office:
            return PROGRAMME_OFFICE
        if self.partner_ids:
            return "+".join(f"{PARTNER_PREFIX}{p}" for p in sorted(self.partner_ids))
        return PUBLIC


PUBLIC_VIEWER = Viewer()


def _claim_list(value: Any) -> list[str]:
    # Providers send groups as a list, some as one string; anything else is not a group.
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(v) for v in value if isinstance(v, str | int)]
    return []


def viewer_from_claims(claims: Mapping[str, Any], config: AccessConfig) -> Viewer:
    """The viewer for the ID-token claims of a login (what `st.user` holds). Not logged in: the public.

    An e-mail address only counts when the provider does not say it is unverified: otherwise anyone who can
    type someone else's address at a lax provider would get their role.
    """
    if not claims.get("is_logged_in", False):
        return PUBLIC_VIEWER
    email = claims.get("email")
    email = email.strip().lower() if isinstance(email, str) and email.strip() else None
    trusted_email = email if claims.get("email_verified", True) is not False else None
    groups = set(_claim_list(claims.get(config.login.groups_claim)))
    roles = {
        rule.role
        for rule in config.roles
        if (trusted_email is not None and trusted_email in rule.emails) or groups & set(rule.groups)
    }
    name = claims.get("name")
    return Viewer(
        roles=frozenset(roles),
        email=email,
        name=name if isinstance(name, str) else (email or str(claims.get("sub", "")) or None),
    )


def role_label(viewer: Viewer, config: AccessConfig) -> str:
    """Dutch description of what the viewer is, for the navigation."""
    if viewer.is_programme_office:
        return "programmabureau"
    if viewer.partner_ids:
        names = [config.partners.name_of(p) for p in sorted(viewer.partner_ids)]
        return "partner: " + ", ".join(names)
    return "publiek" if not viewer.is_logged_in else "ingelogd, zonder rol (ziet wat het publiek ziet)"
