"""The partner list (`config/partners.toml`, read and validated by `wijkmonitor.access.config`): one set of ids
and names for the registers, the goals, the login roles and every partner filter.

A register names partners as people write them ("woningcorporaties", "WIJ Beijum"); `register_names` maps such
a name to partner ids, regardless of case. A name listed under several partners is collective
("woningcorporaties" under each of the five corporations, seed 001): a row that names it counts for each of them,
shown as "via woningcorporaties". A name that matches nothing but is close to a partner gets the nearest partner
as a Dutch suggestion ("bedoelt u ‘Lefier’?").
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from wijkmonitor.access.config import PartnerList
from wijkmonitor.access.config import load_partners as _load_list
from wijkmonitor.config import DEFAULT_CONFIG_DIR

DEFAULT_PARTNERS = DEFAULT_CONFIG_DIR / "partners.toml"
SUGGESTION_CUTOFF = 0.75  # difflib ratio: 'Lefeir' ~ 'Lefier' (0,83), 'KAW' is not near anything


def fold(text: str) -> str:
    """Compare names without case and surrounding or doubled spaces."""
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Partner:
    id: str
    name: str
    kind: str = ""
    register_names: tuple[str, ...] = ()


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

    def _index(self) -> dict[str, tuple[str, ...]]:
        index: dict[str, list[str]] = {}
        for p in self.partners:
            for spelling in dict.fromkeys(fold(s) for s in (p.id, p.name, *p.register_names)):
                index.setdefault(spelling, []).append(p.id)
        return {k: tuple(v) for k, v in index.items()}

    def resolve(self, text: str) -> tuple[str, ...]:
        """The partner ids a register name means (several for a collective name); () when unknown."""
        return self._index().get(fold(text), ())

    def is_collective(self, text: str) -> bool:
        return len(self.resolve(text)) > 1

    def suggest(self, text: str) -> str | None:
        """The display name of the nearest partner to an unknown name, or None when nothing is close."""
        index = self._index()
        close = difflib.get_close_matches(fold(text), list(index), n=1, cutoff=SUGGESTION_CUTOFF)
        if not close:
            return None
        ids = index[close[0]]
        return self.name(ids[0]) if len(ids) == 1 else close[0]


def from_list(partner_list: PartnerList) -> Partners:
    return Partners(tuple(Partner(p.id, p.name, p.kind, tuple(p.register_names)) for p in partner_list.partners))


def load_partners(path: Path = DEFAULT_PARTNERS) -> Partners:
    """The partner list; an empty list when the file does not exist (a municipality without partners).
    A malformed file raises BuildError naming file and key (from the access loader)."""
    if not path.exists():
        return Partners()
    return from_list(_load_list(path))
