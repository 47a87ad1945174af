"""`config/access.toml` and `config/partners.toml`, validated with pydantic.

Every mistake becomes a `BuildError` that names the file and the key (`roles[2].role`), in Dutch, so the app
can refuse to start with a message a programme office can act on.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from wijkmonitor.common.tomlfile import read_toml, repeated, validate
from wijkmonitor.config import DEFAULT_CONFIG_DIR
from wijkmonitor.errors import BuildError
from wijkmonitor.registers.loader import TABLE_COLUMNS
from wijkmonitor.registers.schema import ACTION_STATUSES, MONITORING_TYPES, STATUSES

PROGRAMME_OFFICE = "programmabureau"
PUBLIC = "publiek"
PARTNER_PREFIX = "partner:"
Audience = Literal["partners", "betrokken", "programmabureau"]
AUDIENCES: tuple[str, ...] = ("partners", "betrokken", "programmabureau")
# What the dashboard shows when no login provider is configured (login.without_login).
ALL_OPEN: Final = "alles openbaar"  # everything the registers hold, as before logins existed (the default)
ONLY_PUBLIC: Final = "alleen openbaar"  # what the public sees with a provider: restricted content stays hidden
WithoutLogin = Literal["alles openbaar", "alleen openbaar"]
ACCESS_ENV = "WIJKMONITOR_ACCESS_CONFIG"
PARTNERS_ENV = "WIJKMONITOR_PARTNERS_CONFIG"
# Columns whose values come from a fixed list in the register schema: a `where` on them must use those values,
# else a typo ("concept" for a status the register does not know) would silently withhold nothing.
_CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("interventions", "status"): STATUSES,
    ("interventions", "monitoring_type"): MONITORING_TYPES,
    ("process_log", "action_status"): ACTION_STATUSES,
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Partner(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="alleen kleine letters, cijfers en streepjes")
    name: str = Field(min_length=1)
    kind: str = ""
    register_names: tuple[str, ...] = ()


class PartnerList(_Strict):
    partners: tuple[Partner, ...]

    @model_validator(mode="after")
    def _unique(self) -> PartnerList:
        twice = repeated(p.id for p in self.partners)
        if twice is not None:
            raise ValueError(f"partner-id '{twice}' staat er twee keer in")
        return self

    @property
    def ids(self) -> set[str]:
        return {p.id for p in self.partners}

    def name_of(self, partner_id: str) -> str:
        return next((p.name for p in self.partners if p.id == partner_id), partner_id)


class Login(_Strict):
    provider: str = Field(default="default", pattern=r"^[A-Za-z0-9-]+$",
                          description="een naam van letters (hoofd- of kleine letters), cijfers en streepjes")
    groups_claim: str = "groups"
    # The visibility rules need a login to tell viewers apart; without a provider this says whether the
    # dashboard shows everything (as it did before logins) or only what the public would see.
    without_login: WithoutLogin = ALL_OPEN


class RoleRule(_Strict):
    role: str
    emails: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()

    @field_validator("role")
    @classmethod
    def _role_shape(cls, value: str) -> str:
        if value != PROGRAMME_OFFICE and not value.startswith(PARTNER_PREFIX):
            raise ValueError(f"rol '{value}' bestaat niet; gebruik '{PROGRAMME_OFFICE}' of 'partner:<partner-id>'")
        return value

    @field_validator("emails")
    @classmethod
    def _emails(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for email in value:
            if "@" not in email or email.strip() != email:
                raise ValueError(f"'{email}' is geen e-mailadres")
        return tuple(e.lower() for e in value)


class VisibilityRule(_Strict):
    table: str
    audience: Audience
    columns: tuple[str, ...] = ()
    where: dict[str, tuple[str, ...]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _known_names(self) -> VisibilityRule:
        if self.table not in TABLE_COLUMNS:
            raise ValueError(f"tabel '{self.table}' bestaat niet; kies uit {', '.join(TABLE_COLUMNS)}")
        known = TABLE_COLUMNS[self.table]
        for column in (*self.columns, *self.where):
            if column not in known:
                raise ValueError(f"kolom '{column}' bestaat niet in {self.table}; kies uit {', '.join(known)}")
        for column, values in self.where.items():
            allowed = _CHOICES.get((self.table, column))
            wrong = [v for v in values if allowed is not None and v not in allowed and v != ""]
            if wrong:
                raise ValueError(
                    f"waarde {wrong[0]!r} komt in {self.table}.{column} niet voor; kies uit {', '.join(allowed or ())}"
                )
        return self


class Updates(_Strict):
    max_upload_mb: float = Field(default=10, gt=0, le=200)
    keep_builds: int = Field(default=5, ge=1, le=50)
    own_figures_source: str = "gemeente_long"

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)


class AccessConfig(_Strict):
    login: Login = Login()
    roles: tuple[RoleRule, ...] = ()
    visibility: tuple[VisibilityRule, ...] = ()
    updates: Updates = Updates()
    partners: PartnerList = PartnerList(partners=())

    def rules_for(self, table: str) -> tuple[VisibilityRule, ...]:
        return tuple(r for r in self.visibility if r.table == table)


def load_partners(path: Path) -> PartnerList:
    return validate(PartnerList, read_toml(path), path)


def default_paths(config_dir: Path = DEFAULT_CONFIG_DIR) -> tuple[Path, Path]:
    """access.toml and partners.toml; tests and deployments may point elsewhere with environment variables."""
    access = Path(os.environ.get(ACCESS_ENV) or config_dir / "access.toml")
    partners = Path(os.environ.get(PARTNERS_ENV) or config_dir / "partners.toml")
    return access, partners


def load_access_config(path: Path | None = None, partners_path: Path | None = None) -> AccessConfig:
    """Read and check access.toml against partners.toml. A missing access.toml means: everything public,
    nobody has a role (the dashboard as it was before logins)."""
    default_access, default_partners = default_paths()
    path = path or default_access
    partners_path = partners_path or default_partners
    partners = load_partners(partners_path) if partners_path.exists() else PartnerList(partners=())
    if not path.exists():
        return AccessConfig(partners=partners)
    config = validate(AccessConfig, {**read_toml(path), "partners": partners}, path)
    for index, rule in enumerate(config.roles):
        partner = rule.role.removeprefix(PARTNER_PREFIX)
        if rule.role.startswith(PARTNER_PREFIX) and partner not in partners.ids:
            raise BuildError(
                f"partner '{partner}' staat niet in {partners_path.name}; bekend: {', '.join(sorted(partners.ids))}",
                file=path,
                column=f"roles[{index}].role",
            )
        if not rule.emails and not rule.groups:
            raise BuildError("geef 'emails' of 'groups' op", file=path, column=f"roles[{index}]")
    return config
