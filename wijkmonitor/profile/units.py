"""The units a profile can be made for (renewal areas, wijken, buurten) and the `area=` link parameter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from wijkmonitor.texts import profiel as txt

MAX_PARAM_LENGTH = 64


@dataclass(frozen=True)
class Unit:
    code: str  # area id (slug), wijk code or buurt code
    unit_type: str  # area | wijk | buurt
    name: str
    kind: str  # wijkvernieuwingswijk | programmagebied | wijk | buurt
    parent_name: str | None = None

    @property
    def kind_label(self) -> str:
        if self.unit_type == "area":
            return txt.UNIT_KIND["programmagebied" if self.kind == "programmagebied" else "area"]
        return txt.UNIT_KIND[self.unit_type]

    @property
    def label(self) -> str:
        if self.unit_type == "buurt" and self.parent_name:
            return txt.UNIT_OPTION_WITH_PARENT.format(kind=self.kind_label, name=self.name, parent=self.parent_name)
        if self.unit_type == "wijk":
            return txt.UNIT_OPTION_WITH_PARENT.format(kind=self.kind_label, name=self.name, parent=self.code)
        return txt.UNIT_OPTION.format(kind=self.kind_label, name=self.name)


def area_names(units: Sequence[Unit]) -> dict[str, str]:
    """Names for register area references: renewal area ids and buurt codes (a buurt with its wijk)."""
    return {
        u.code: f"{u.name} ({u.parent_name})" if u.unit_type == "buurt" and u.parent_name else u.name
        for u in units
    }


def units_from_frame(frame: pd.DataFrame) -> tuple[Unit, ...]:
    """From the query profile_units (already in display order)."""
    return tuple(
        Unit(code=str(code), unit_type=str(unit_type), name=str(name), kind=str(kind),
             parent_name=None if pd.isna(parent) else str(parent))
        for code, unit_type, name, kind, parent in zip(
            frame["unit_code"], frame["unit_type"], frame["name"], frame["kind"], frame["parent_name"], strict=True)
    )


def resolve(raw: object, units: Sequence[Unit]) -> tuple[Unit | None, str | None]:
    """The unit a link asks for: (unit, rejected raw value). Codes match case-insensitively (bu00141000)."""
    if raw is None:
        return None, None
    text = str(raw).strip()
    if not text:
        return None, None
    if len(text) <= MAX_PARAM_LENGTH:
        folded = text.casefold()
        for unit in units:
            if unit.code.casefold() == folded:
                return unit, None
    return None, text

