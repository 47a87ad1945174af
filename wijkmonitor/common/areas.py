"""The renewal areas a page filters on, each with the wijk-level renewal areas it contains (`area_options`
rows): shared by the Interventiemonitor, the Procesmonitor and Mijn organisatie."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from wijkmonitor.common.text import plain

PROGRAMME_AREA = "programmagebied"


@dataclass(frozen=True)
class AreaOption:
    area_id: str
    name: str
    kind: str
    members: frozenset[str]  # the wijk-level renewal areas it contains (itself for a wijk)

    @property
    def is_programme_area(self) -> bool:
        return self.kind == PROGRAMME_AREA


@dataclass(frozen=True)
class Areas:
    options: tuple[AreaOption, ...] = ()

    @property
    def ids(self) -> list[str]:
        return [a.area_id for a in self.options]

    @property
    def wijk_ids(self) -> list[str]:
        return [a.area_id for a in self.options if not a.is_programme_area]

    def get(self, area_id: str) -> AreaOption | None:
        return next((a for a in self.options if a.area_id == area_id), None)

    def name(self, area_id: str) -> str:
        option = self.get(area_id)
        return option.name if option else area_id

    def members(self, area_id: str) -> frozenset[str]:
        option = self.get(area_id)
        return option.members if option else frozenset({area_id})

    def order(self, area_id: str) -> int:
        ids = self.ids
        return ids.index(area_id) if area_id in ids else len(ids)


def areas_from_frame(frame: pd.DataFrame) -> Areas:
    """`area_options` rows -> Areas (configuration order kept)."""
    options = []
    for row in frame.to_dict("records"):
        members = row.get("member_areas")
        member_ids = frozenset(str(m) for m in members) if members is not None and len(members) else frozenset()
        options.append(AreaOption(
            area_id=str(row["area_id"]), name=plain(row["name"]), kind=plain(row["kind"]),
            members=member_ids or frozenset({str(row["area_id"])}),
        ))
    return Areas(tuple(options))
