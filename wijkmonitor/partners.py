"""The partner list (`config/partners.toml`): one set of ids and names for the registers, the goals and every
partner filter.

A register names partners as people write them ("woningcorporaties", "WIJ Beijum"); `Partners.resolve` maps
such a name to a partner id through the names and aliases, regardless of case. A group ("woningcorporaties")
stands for its members, so a corporation finds the rows that name the group. A name that matches nothing gets
the nearest partner as a Dutch suggestion ("bedoelt u ‘Lefier’?").
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wijkmonitor.config import DEFAULT_CONFIG_DIR
from wijkmonitor.errors import BuildError

DEFAULT_PARTNERS = DEFAULT_CONFIG_DIR / "partners.toml"
GROUP = "groep"
_KEYS = {"id", "name", "kind", "aliases", "members"}
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def fold(text: str) -> str:
    """Compare names without case and surrounding or doubled spaces."""
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Partner:
    id: str
    name: str
    kind: str = ""
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # a group's member ids

    @property
    def is_group(self) -> bool:
        return bool(self.members)


@dataclass(frozen=True)
class Partners:
    partners: tuple[Partner, ...] = ()

    @property
    def ids(self) -> list[str]:
        return [p.id for p in self.partners]

    def get(self, partner_id: str) -> Partner | None:
        return next((p for p in self.partners if p.id == partner_id), None)

    def name(self, partner_id: str) -> str:
        partner = self.get(partner_id)
        return partner.name if partner else partner_id

    def _spellings(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for p in self.partners:
            for spelling in (p.id, p.name, *p.aliases):
                out.setdefault(fold(spelling), p.id)
        return out

    def resolve(self, text: str) -> str | None:
        """The partner id a register name means, or None."""
        return self._spellings().get(fold(text))

    def suggest(self, text: str) -> str | None:
        """The display name of the nearest partner to an unknown name, or None when nothing is close."""
        spellings = self._spellings()
        close = difflib.get_close_matches(fold(text), list(spellings), n=1, cutoff=0.6)
        return self.name(spellings[close[0]]) if close else None

    def groups_of(self, partner_id: str) -> list[str]:
        return [p.id for p in self.partners if partner_id in p.members]

    def involves(self, named: Iterable[str], partner_id: str) -> str | None:
        """How a row naming the partner ids `named` involves `partner_id`: 'direct', 'group' (it names a group
        the partner belongs to, or a member of the chosen group) or None."""
        named = set(named)
        if partner_id in named:
            return "direct"
        partner = self.get(partner_id)
        if set(self.groups_of(partner_id)) & named or (partner is not None and set(partner.members) & named):
            return "group"
        return None


class PartnersConfigError(BuildError):
    """partners.toml is unusable; names the file and every problem with its key."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("het partnerbestand bevat fouten: " + "; ".join(problems), file=path)


def parse_partners(data: Mapping[str, Any], path: Path = DEFAULT_PARTNERS) -> Partners:
    problems: list[str] = []
    raw = data.get("partners", [])
    if not isinstance(raw, list):
        raise PartnersConfigError(path, ["sleutel 'partners': verwacht een lijst [[partners]]"])
    for key in sorted(set(data) - {"partners"}):
        problems.append(f"onbekende sleutel '{key}' (toegestaan: partners)")
    partners: list[Partner] = []
    for index, entry in enumerate(raw):
        where = f"partners[{index}]"
        if not isinstance(entry, dict):
            problems.append(f"{where}: verwacht een tabel met id, name, kind")
            continue
        for key in sorted(set(entry) - _KEYS):
            problems.append(f"{where}, sleutel '{key}': onbekend (toegestaan: {', '.join(sorted(_KEYS))})")
        partner_id, name = entry.get("id"), entry.get("name")
        if not isinstance(partner_id, str) or not _ID.fullmatch(partner_id):
            problems.append(f"{where}, sleutel 'id': verwacht kleine letters, cijfers en streepjes, "
                            f"bijvoorbeeld 'wij-groningen'")
            continue
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{where} ({partner_id}), sleutel 'name': verplicht")
            continue
        lists = {}
        for key in ("aliases", "members"):
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                problems.append(f"{where} ({partner_id}), sleutel '{key}': verwacht een lijst met tekst")
                value = []
            lists[key] = tuple(value)
        if any(p.id == partner_id for p in partners):
            problems.append(f"{where}, sleutel 'id': '{partner_id}' komt al eerder voor")
            continue
        partners.append(Partner(partner_id, name.strip(), str(entry.get("kind", "")), lists["aliases"],
                                lists["members"]))
    ids = {p.id for p in partners}
    for index, partner in enumerate(partners):
        for member in partner.members:
            if member not in ids:
                problems.append(f"partners[{index}] ({partner.id}), sleutel 'members': onbekende partner "
                                f"'{member}'")
    seen: dict[str, str] = {}
    for partner in partners:
        for spelling in (partner.name, *partner.aliases):
            owner = seen.setdefault(fold(spelling), partner.id)
            if owner != partner.id:
                problems.append(f"partner '{partner.id}': de naam '{spelling}' hoort al bij '{owner}'")
    if problems:
        raise PartnersConfigError(path, problems)
    return Partners(tuple(partners))


def load_partners(path: Path = DEFAULT_PARTNERS) -> Partners:
    """The partner list; an empty list when the file does not exist (a municipality without partners)."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return Partners()
    except tomllib.TOMLDecodeError as exc:
        raise PartnersConfigError(path, [f"geen geldige TOML: {exc}"]) from exc
    return parse_partners(data, path)
