"""Filters of the Interventiemonitor: the options, the deep link (`area`, `programme`, `status`), applying them.

An empty string means "all" for every filter. Options come from the whole register, so a filter never hides
another one's choices; a combination without interventions is answered with a message, not an empty widget.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace

import pandas as pd

from wijkmonitor.common.text import plain
from wijkmonitor.common.url_state import Choice, choose, rejected_notice
from wijkmonitor.interventions.model import Areas, Register
from wijkmonitor.registers.schema import SPOREN, STATUSES
from wijkmonitor.texts import interventies as txt

ALL = ""
# Every filter is in the URL (issue 9): the parameter names are the Filters fields.
LINK_PARAMS = ("area", "programme", "status", "theme", "actielijn", "spoor", "partner")


@dataclass(frozen=True)
class Filters:
    area: str = ALL
    theme: str = ALL
    actielijn: str = ALL
    spoor: str = ALL
    partner: str = ALL
    programme: str = ALL
    status: str = ALL

    def without_area(self) -> Filters:
        return replace(self, area=ALL)

    def key(self) -> tuple[str, ...]:
        return tuple(asdict(self).values())


@dataclass(frozen=True)
class Options:
    """Every filter's choices as {value: label}, ALL first (label 'Alle ...')."""

    areas: dict[str, str]
    themes: dict[str, str]
    actielijnen: dict[str, str]
    sporen: dict[str, str]
    partners: dict[str, str]
    programmes: dict[str, str]
    statuses: dict[str, str]


def _sorted_texts(values: pd.Series) -> list[str]:
    return sorted({plain(v) for v in values if plain(v)}, key=str.casefold)


def options(register: Register) -> Options:
    frame = register.interventions
    themes = frame.drop_duplicates("theme_id").sort_values(["theme_order", "theme_id"])
    # A partner is a choice when some intervention names it (directly or by a collective name).
    named = {p for ids in frame["partner_ids"] for p in ids}
    partners = {p: n for p, n in register.partners.names.items() if p in named}
    spoor_values = sorted({int(s) for s in frame["spoor"].dropna()})
    return Options(
        areas={ALL: txt.ALL_AREAS, **{a.area_id: a.name for a in register.areas.options}},
        themes={ALL: txt.ALL_THEMES, **{str(t): plain(n) or str(t) for t, n in
                                        zip(themes["theme_id"], themes["theme_name"], strict=True)}},
        actielijnen={ALL: txt.ALL_ACTIELIJNEN, **{a: a for a in _sorted_texts(frame["actielijn"])}},
        sporen={ALL: txt.ALL_SPOREN, **{str(s): txt.SPOOR_LABEL.format(spoor=s, label=SPOREN.get(s, ""))
                                        for s in spoor_values}},
        partners={ALL: txt.ALL_PARTNERS, **dict(sorted(partners.items(), key=lambda kv: kv[1].casefold()))},
        programmes={ALL: txt.ALL_PROGRAMMES, **register.programme_names()},
        statuses={ALL: txt.ALL_STATUSES, **{s: txt.STATUS_LABELS.get(s, s) for s in STATUSES}},
    )


def matches_area(area_ids: frozenset[str], named: frozenset[str], area: str, areas: Areas) -> bool:
    """An intervention works in `area` when it names it, or works in a renewal area the area contains."""
    return area in named or bool(area_ids & areas.members(area))


def _flags(frame: pd.DataFrame, values: list[bool]) -> pd.Series:
    return pd.Series(values, index=frame.index, dtype=bool)


def apply(register: Register, filters: Filters) -> pd.DataFrame:
    """The interventions that pass every filter (register order kept)."""
    frame = register.interventions
    keep = pd.Series(True, index=frame.index)
    if filters.area:
        keep &= _flags(frame, [matches_area(a, n, filters.area, register.areas)
                               for a, n in zip(frame["area_ids"], frame["named"], strict=True)])
    if filters.theme:
        keep &= frame["theme_id"].eq(filters.theme).fillna(False)
    if filters.actielijn:
        keep &= frame["actielijn"].map(plain).eq(filters.actielijn)
    if filters.spoor:
        keep &= frame["spoor"].astype("Int64").astype(str).eq(filters.spoor)
    if filters.partner:
        keep &= _flags(frame, [filters.partner in ids for ids in frame["partner_ids"]])
    if filters.programme:
        keep &= _flags(frame, [filters.programme in p for p in frame["programme_list"]])
    if filters.status:
        keep &= frame["status"].eq(filters.status).fillna(False)
    return frame[keep.fillna(False).astype(bool)]


def parse_one(
    raw: object,
    labels: Mapping[str, str],
    what: str,
    template: str = txt.PARAM_UNKNOWN,
    too_long: str = txt.PARAM_TOO_LONG,
) -> tuple[str, str | None]:
    """One deep-link value matched against the known values (`labels`: {value: label}, ALL first); an unknown
    value falls back to ALL with a short Dutch message that shows the value inert (escaped, shortened)."""
    choice: Choice[str] = choose(raw, [v for v in labels if v != ALL], ALL)
    if choice.rejected is None:
        return choice.value, None
    return choice.value, rejected_notice(choice.rejected, template=template, what=what,
                                         fallback=labels[choice.value].lower(), too_long=too_long)


def option_labels(opts: Options) -> dict[str, dict[str, str]]:
    """Each URL parameter with its allowed {value: label}."""
    return {"area": opts.areas, "programme": opts.programmes, "status": opts.statuses, "theme": opts.themes,
            "actielijn": opts.actielijnen, "spoor": opts.sporen, "partner": opts.partners}


def parse_link(raw: Mapping[str, str | None], opts: Options) -> tuple[dict[str, str], list[str]]:
    """The filters a link asks for (only known values; unknown ones fall back to 'all' with a message)."""
    chosen: dict[str, str] = {}
    messages: list[str] = []
    for name, labels in option_labels(opts).items():
        chosen[name], message = parse_one(raw.get(name), labels, txt.PARAM_WHAT[name])
        if message:
            messages.append(message)
    return chosen, messages


def to_link(filters: Filters) -> dict[str, str]:
    """The deep-link parameters of a selection (only those that are set), in LINK_PARAMS order."""
    values = asdict(filters)
    return {name: values[name] for name in LINK_PARAMS if values[name]}
