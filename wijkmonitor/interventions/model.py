"""The intervention register as the pages use it: lists split, places resolved to renewal areas, one budget
"bucket" per intervention.

Where an intervention works comes from `interventions_areas`: the register names renewal areas, a programme area
(Groningen-Noord) or single buurten, and each is resolved to the wijk-level renewal areas it lies in. For the
open begroting every intervention gets exactly one bucket, so a sum over buckets never counts a euro twice:
its area when it works in one area only, the programme area when that is all it names, else 'shared'.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from wijkmonitor.common.areas import PROGRAMME_AREA, Areas, areas_from_frame
from wijkmonitor.common.text import plain, split_list
from wijkmonitor.texts import interventies as txt

# Bucket kinds, in the order the open begroting lists them.
BUCKET_KINDS = ("area", "programme_area", "shared", "outside", "none")
SHARED = "_shared"
OUTSIDE = "_outside"
NONE = "_none"


@dataclass(frozen=True)
class Bucket:
    key: str  # area id, programme area id, or SHARED / OUTSIDE / NONE
    label: str
    kind: str  # one of BUCKET_KINDS


def bucket_of(places: pd.DataFrame, areas: Areas) -> Bucket:
    """The one place an intervention's budget is shown under (`places`: its `interventions_areas` rows)."""
    if places.empty:
        return Bucket(NONE, txt.BUCKET_NONE, "none")
    area_ids = {str(a) for a in places["area_id"].dropna()}
    outside = bool(((places["named_kind"] == "buurt") & places["area_id"].isna()).any())
    named = {str(c) for c in places["named_code"]}
    programme_named = {str(c) for c in places.loc[places["named_kind"] == PROGRAMME_AREA, "named_code"]}
    if len(area_ids) == 1 and not outside and not programme_named:
        area_id = next(iter(area_ids))
        return Bucket(area_id, areas.name(area_id), "area")
    if len(programme_named) == 1 and named == programme_named:
        code = next(iter(programme_named))
        return Bucket(code, areas.name(code), "programme_area")
    if not area_ids:
        return Bucket(OUTSIDE, txt.BUCKET_OUTSIDE, "outside")
    return Bucket(SHARED, txt.BUCKET_SHARED, "shared")


def place_label(row: Mapping[Any, Any]) -> str:
    if row["named_kind"] == "buurt":
        return txt.BUURT_LABEL.format(name=plain(row["named_name"]), code=plain(row["named_code"]))
    return plain(row["named_name"])


@dataclass(frozen=True)
class PartnerList:
    """The partner list (`partners_all`): id -> name in configuration order. Which partners an intervention
    names is resolved at build time (`interventions_partners`), collective names included."""

    names: Mapping[str, str] = field(default_factory=dict)


def partner_list(frame: pd.DataFrame) -> PartnerList:
    return PartnerList({str(p): plain(n) for p, n in zip(frame["partner_id"], frame["name"], strict=True)})


@dataclass(frozen=True)
class Register:
    """Query rows of the intervention register, prepared once per database file.

    `interventions` holds the `interventions_list` columns plus: `lead_list`/`partner_list`/`programme_list`/
    `goal_list` (tuples), `area_ids` (frozenset of wijk-level renewal areas it works in), `named` (frozenset of
    the codes the register names), `has_outside` (it also names buurten outside every renewal area), `partner_ids`
    (frozenset of the partner ids it names, lead or partner), `lead_ids` (the lead partner's id),
    `partner_via` (partner id -> the collective name it is named by, e.g. 'woningcorporaties'), `places`
    (readable list of what it names), `bucket`, `bucket_label`, `bucket_kind`.
    """

    interventions: pd.DataFrame
    places: pd.DataFrame
    programmes: pd.DataFrame
    results: pd.DataFrame
    indicator_labels: Mapping[str, str] = field(default_factory=dict)
    areas: Areas = field(default_factory=Areas)
    partners: PartnerList = field(default_factory=PartnerList)

    @property
    def empty(self) -> bool:
        return self.interventions.empty

    def programme_names(self) -> dict[str, str]:
        rows = self.programmes.drop_duplicates("programme_id").sort_values("programme_order")
        return {str(p): plain(n) for p, n in zip(rows["programme_id"], rows["programme_name"], strict=True)}


def build_register(
    interventions: pd.DataFrame,
    places: pd.DataFrame,
    programmes: pd.DataFrame,
    results: pd.DataFrame,
    indicator_labels: pd.DataFrame,
    area_options: pd.DataFrame,
    partner_links: pd.DataFrame | None = None,
    partners: pd.DataFrame | None = None,
) -> Register:
    """Prepare the query frames (`interventions_list`, `interventions_areas`, `interventions_programmes`,
    `interventions_results`, `interventions_indicator_labels`, `area_options`,
    `interventions_partners`, `partners_all`)."""
    areas = areas_from_frame(area_options)
    frame = interventions.copy()
    by_partner: dict[str, list[str]] = {}
    leads: dict[str, list[str]] = {}
    via: dict[str, dict[str, str]] = {}
    if partner_links is not None:
        for link in partner_links.to_dict("records"):
            intervention_id, partner_id = str(link["intervention_id"]), str(link["partner_id"])
            by_partner.setdefault(intervention_id, []).append(partner_id)
            if link["role"] == "lead":
                leads.setdefault(intervention_id, []).append(partner_id)
            if bool(link["collective"]):
                via.setdefault(intervention_id, {})[partner_id] = plain(link["named_as"])
    by_id = {str(k): g for k, g in places.groupby("intervention_id", sort=False)} if not places.empty else {}
    empty_places = places.iloc[0:0]
    buckets = [bucket_of(by_id.get(str(i), empty_places), areas) for i in frame["intervention_id"]]
    labels: list[str] = []
    area_sets: list[frozenset[str]] = []
    named_sets: list[frozenset[str]] = []
    outside_flags: list[bool] = []
    for intervention_id, register_areas in zip(frame["intervention_id"], frame["areas"], strict=True):
        rows = by_id.get(str(intervention_id), empty_places)
        names = {str(r["named_code"]): place_label(r) for r in rows.to_dict("records")}
        order = split_list(register_areas)
        ordered = [names[c] for c in order if c in names] + [v for c, v in names.items() if c not in order]
        labels.append("; ".join(dict.fromkeys(ordered)))
        area_sets.append(frozenset(str(a) for a in rows["area_id"].dropna()))
        named_sets.append(frozenset(names))
        outside_flags.append(bool(((rows["named_kind"] == "buurt") & rows["area_id"].isna()).any()))
    def column(values: list[Any]) -> pd.Series:
        # Object columns holding tuples and sets: pandas must not try to unpack them.
        return pd.Series(values, index=frame.index, dtype=object)

    frame = frame.assign(
        lead_list=column([tuple(split_list(v)) for v in frame["lead_partner"]]),
        partner_list=column([tuple(split_list(v)) for v in frame["partners"]]),
        programme_list=column([tuple(split_list(v)) for v in frame["programmes"]]),
        goal_list=column([tuple(split_list(v)) for v in frame["goal_indicators"]]),
        area_ids=column(area_sets),
        named=column(named_sets),
        has_outside=outside_flags,
        partner_ids=column([frozenset(by_partner.get(str(i), ())) for i in frame["intervention_id"]]),
        lead_ids=column([frozenset(leads.get(str(i), ())) for i in frame["intervention_id"]]),
        partner_via=column([via.get(str(i), {}) for i in frame["intervention_id"]]),
        places=labels,
        bucket=[b.key for b in buckets],
        bucket_label=[b.label for b in buckets],
        bucket_kind=[b.kind for b in buckets],
    )
    label_map = {str(c): plain(lbl) for c, lbl in zip(indicator_labels["indicator_code"], indicator_labels["label"],
                                                      strict=True)}
    known = partner_list(partners) if partners is not None else PartnerList()
    return Register(frame, places, programmes, results, label_map, areas, known)
