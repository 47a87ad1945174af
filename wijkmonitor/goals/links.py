"""Which interventions work on a goal in an area: those whose `goal_indicators` name the goal's indicator and
that work in the area (named directly, through one of its buurten, or through Groningen-Noord as a whole).
Pure pandas on the `interventions_list` and `interventions_areas` query rows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from wijkmonitor.common.text import plain, split_list


@dataclass(frozen=True)
class LinkedIntervention:
    intervention_id: str
    name: str
    is_example: bool


LinkIndex = Mapping[tuple[str, str], tuple[LinkedIntervention, ...]]  # (indicator, area) -> interventions


def link_index(interventions: pd.DataFrame, places: pd.DataFrame) -> LinkIndex:
    areas_of: dict[str, set[str]] = {}
    for intervention_id, area_id in zip(places["intervention_id"], places["area_id"], strict=True):
        if not pd.isna(area_id):
            areas_of.setdefault(str(intervention_id), set()).add(str(area_id))
    out: dict[tuple[str, str], list[LinkedIntervention]] = {}
    for record in interventions.to_dict("records"):
        item = LinkedIntervention(str(record["intervention_id"]), plain(record["name"]),
                                  bool(record.get("is_example")))
        for indicator in split_list(record.get("goal_indicators")):
            for area in sorted(areas_of.get(item.intervention_id, ())):
                out.setdefault((indicator, area), []).append(item)
    return {key: tuple(sorted(items, key=lambda i: i.name.casefold())) for key, items in out.items()}
