"""Everything "Mijn organisatie" shows for one partner, from plain frames (pure, no Streamlit):

* its goals: the goal x area rows of the Doelen progress table whose partners include it;
* its interventions: those that name it as lead or partner, also by a collective name ("via
  woningcorporaties": the register does not say which corporation, seed 001 says all five take part);
* their latest results against targets.

Register amounts and results are examples (`is_example`) and are labelled so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from wijkmonitor.common import fmt
from wijkmonitor.common.text import markdown, md_with, plain
from wijkmonitor.texts import mijn_organisatie as txt


@dataclass(frozen=True)
class PartnerView:
    partner_id: str
    name: str
    groups: tuple[str, ...]  # the collective names it is named by ('woningcorporaties')
    sentence: str
    goals: pd.DataFrame
    interventions: pd.DataFrame
    results: pd.DataFrame
    n_goals: int
    n_interventions: int
    has_example: bool


def options(names: Mapping[str, str], goal_partners: frozenset[str],
            intervention_partners: frozenset[str]) -> dict[str, str]:
    """The partners that have a goal or an intervention, by name."""
    found = {p: n for p, n in names.items() if p in goal_partners | intervention_partners}
    return dict(sorted(found.items(), key=lambda kv: kv[1].casefold()))


def partner_view(partner_id: str, names: Mapping[str, str], progress: pd.DataFrame, interventions: pd.DataFrame,
                 latest: pd.DataFrame) -> PartnerView:
    """`progress`: the Doelen progress table (goal x area); `interventions`: the register frame with
    partner_ids, lead_ids, partner_via, places, status, budget_eur, spent_eur, is_example; `latest`:
    results.latest rows."""
    goal_rows = progress[[partner_id in str(p).split(";") for p in progress["partners"]]]
    goals = pd.DataFrame({
        txt.COL_GOAL: goal_rows["goal_title"],
        txt.COL_AREA: goal_rows["area_name"],
        txt.COL_STATUS: goal_rows["status"].map(txt.status_text),
        txt.COL_REASON: goal_rows["reason_text"],
        txt.COL_WITH: goal_rows["partner_names"],
        txt.COL_EXAMPLE_TARGET: goal_rows["example"].map(lambda e: txt.EXAMPLE_TARGET if e else ""),
    })
    mine = interventions[[partner_id in ids for ids in interventions["partner_ids"]]]
    roles = []
    groups: dict[str, None] = {}
    for leads, via in zip(mine["lead_ids"], mine["partner_via"], strict=True):
        if partner_id in leads:
            roles.append(txt.ROLE_LEAD)
        elif partner_id in via:
            roles.append(txt.ROLE_VIA.format(group=via[partner_id]))
            groups.setdefault(via[partner_id], None)
        else:
            roles.append(txt.ROLE_PARTNER)
    table = pd.DataFrame({
        txt.COL_INTERVENTION: mine["name"].map(plain),
        txt.COL_ROLE: roles,
        txt.COL_PLACES: mine["places"],
        txt.COL_STATUS_INT: mine["status"].map(lambda s: txt.STATUS_LABELS.get(plain(s), plain(s))),
        txt.COL_BUDGET: mine["budget_eur"].map(fmt.euro),
        txt.COL_SPENT: mine["spent_eur"].map(fmt.euro),
        txt.COL_EXAMPLE: mine["is_example"].map(fmt.example_mark),
    })
    results = latest[latest["intervention_id"].isin(mine["intervention_id"])]
    result_table = pd.DataFrame({
        txt.COL_INTERVENTION: results["name"],
        txt.COL_MEASURE: results["measure"].map(plain),
        txt.COL_PERIOD: results["period"].map(plain),
        txt.COL_VALUE: results["value"].map(lambda v: fmt.measured(v, missing=txt.NOT_MEASURED)),
        txt.COL_TARGET: results["target"].map(lambda v: fmt.measured(v, missing="")),
        txt.COL_SHARE: [fmt.share(v, t, missing="") for v, t in zip(results["value"], results["target"],
                                                                      strict=True)],
        txt.COL_EXAMPLE: results["is_example"].map(fmt.example_mark),
    })
    n_goals = int(goal_rows["goal_id"].nunique())
    sentence = md_with(txt.SENTENCE, name=names.get(partner_id, partner_id), goals=n_goals,
                                   pairs=len(goal_rows), interventions=len(mine))
    if groups:
        sentence += " " + txt.GROUP_NOTE.format(groups="’, ‘".join(markdown(g) for g in groups))
    return PartnerView(
        partner_id=partner_id, name=names.get(partner_id, partner_id), groups=tuple(groups), sentence=sentence,
        goals=goals.reset_index(drop=True), interventions=table.reset_index(drop=True),
        results=result_table.reset_index(drop=True), n_goals=n_goals, n_interventions=len(mine),
        has_example=bool(mine["is_example"].astype(bool).any()) or bool(results["is_example"].astype(bool).any()),
    )
