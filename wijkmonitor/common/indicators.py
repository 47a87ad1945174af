"""The indicator catalogue and the units every page chooses from (themes, indicators, age groups, years, from
the `indicator_options` and `units` queries), and the short words for a unit's figure that tables on several
pages share (position, method, coverage, why a wijk-only source has no value).

Nothing here names an indicator or a theme: the catalogue comes from the database (and so from config), and
defaults are rules (first headline indicator, the age group with the latest edition, the latest year).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from wijkmonitor.common import fmt
from wijkmonitor.texts import common as ctxt
from wijkmonitor.texts import gebied as txt

NO_THEME_ID = "_overig"
LEVELS = ("buurt", "wijk")


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    unit: str
    polarity: str
    decimals: int
    headline: bool
    definition: str
    source: str
    theme_id: str
    theme_name: str
    lowest_level: str = "buurt"  # the finest level the source publishes (wijk for the Leefbaarometer)
    denominator: str = ""  # rates: the indicator divided by (AantalInwoners) ...
    denominator_year: int | None = None  # ... and its year
    national_deviation: str = ""  # the indicator holding the deviation from the national reference

    @property
    def levels(self) -> tuple[str, ...]:
        """The map levels this indicator has figures for: a wijk-only source has no buurt map."""
        return tuple(level for level in LEVELS if LEVELS.index(level) >= LEVELS.index(self.lowest_level)) \
            if self.lowest_level in LEVELS else LEVELS

    @property
    def denominator_text(self) -> str:
        """'inwonertal 1 januari 2024' for a rate, '' otherwise."""
        if self.denominator and self.denominator_year is not None:
            base = txt.DENOMINATOR_WORDS.get(self.denominator, self.denominator)
            return txt.RATE_BASE.format(base=base, year=self.denominator_year)
        return ""

    @property
    def unit_text(self) -> str:
        """The unit as a reader needs it: a rate names its denominator and the year of it."""
        base = self.denominator_text
        return txt.RATE_UNIT.format(unit=self.unit, base=base) if base else self.unit


def map_level(requested: str | None, ind: Indicator) -> tuple[str, str | None]:
    """The level to draw, and a Dutch message when the requested one has no figures for this indicator."""
    allowed = ind.levels
    if requested in allowed:
        return str(requested), None
    chosen = allowed[0]
    if requested in LEVELS:
        return chosen, txt.LEVEL_NOT_PUBLISHED.format(
            label=ind.label, asked=txt.LEVEL_PLURAL[str(requested)], level=txt.LEVEL_PLURAL[chosen])
    return chosen, None


@dataclass(frozen=True)
class AgeGroup:
    code: str
    label: str
    years: tuple[int, ...]


@dataclass(frozen=True)
class Catalog:
    indicators: dict[str, Indicator]
    ages: dict[str, dict[str, AgeGroup]]  # indicator code -> age code -> age group, in age order
    themes: dict[str, str] = field(default_factory=dict)  # theme id -> name, in theme order

    @property
    def empty(self) -> bool:
        return not self.indicators

    def theme_indicators(self, theme_id: str) -> list[str]:
        return [code for code, ind in self.indicators.items() if ind.theme_id == theme_id]

    def age_groups(self, indicator: str) -> list[str]:
        return list(self.ages.get(indicator, {}))

    def years(self, indicator: str, age: str) -> list[int]:
        group = self.ages.get(indicator, {}).get(age)
        return list(group.years) if group else []

    def age_label(self, indicator: str, age: str) -> str:
        group = self.ages.get(indicator, {}).get(age)
        return group.label if group else age

    def default_indicator(self, theme_id: str | None = None) -> str:
        codes = self.theme_indicators(theme_id) if theme_id else list(self.indicators)
        headline = [c for c in codes if self.indicators[c].headline]
        return (headline or codes)[0]

    def default_age(self, indicator: str) -> str:
        groups = list(self.ages[indicator].values())
        # The most recent edition wins; among equals the first in the configured age order (18plus before
        # 65plus), because the programme's questions are about all adults unless said otherwise.
        latest = max(max(g.years) for g in groups)
        return next(g.code for g in groups if max(g.years) == latest)

    def default_year(self, indicator: str, age: str) -> int:
        return max(self.years(indicator, age))

    def headline_choices(self) -> list[tuple[str, str, int]]:
        """(indicator, age group, latest year) of every headline indicator, in theme and catalogue order."""
        out = []
        for code, ind in self.indicators.items():
            if ind.headline:
                age = self.default_age(code)
                out.append((code, age, self.default_year(code, age)))
        return out


def _years(raw: Any) -> tuple[int, ...]:
    if raw is None:
        return ()
    return tuple(sorted(int(y) for y in list(raw)))


def _text(raw: Any) -> str:
    return "" if raw is None or (isinstance(raw, float) and pd.isna(raw)) else str(raw)


def _int(raw: Any) -> int | None:
    return None if raw is None or fmt.is_missing(raw) else int(raw)


def catalog(frame: pd.DataFrame) -> Catalog:
    """Build the catalogue from `indicator_options` rows (already in theme, indicator and age order)."""
    indicators: dict[str, Indicator] = {}
    ages: dict[str, dict[str, AgeGroup]] = {}
    themes: dict[str, str] = {}
    for row in frame.itertuples(index=False):
        years = _years(row.years)
        if not years:
            continue
        code = str(row.indicator_code)
        theme_id = _text(row.theme_id) or NO_THEME_ID
        theme_name = _text(row.theme_name) or txt.NO_THEME
        if code not in indicators:
            indicators[code] = Indicator(
                code=code, label=_text(row.label) or code, unit=_text(row.unit), polarity=_text(row.polarity),
                decimals=int(str(row.decimals)) if not fmt.is_missing(row.decimals) else 1, headline=bool(row.headline),
                definition=_text(row.definition), source=_text(row.source), theme_id=theme_id,
                theme_name=theme_name, lowest_level=_text(getattr(row, "lowest_level", None)) or "buurt",
                denominator=_text(getattr(row, "denominator", None)),
                denominator_year=_int(getattr(row, "denominator_year", None)),
                national_deviation=_text(getattr(row, "national_deviation", None)),
            )
            themes.setdefault(theme_id, theme_name)
        ages.setdefault(code, {})[str(row.age_group)] = AgeGroup(str(row.age_group), _text(row.age_label), years)
    return Catalog(indicators=indicators, ages=ages, themes=themes)


def unit_label(unit_type: str, name: str, code: str) -> str:
    return txt.UNIT_LABELS.get(unit_type, "{name}").format(name=name, code=code)


@dataclass(frozen=True)
class Units:
    """The units a trend can be shown for: renewal areas first, then wijken and buurten."""

    codes: tuple[str, ...]
    names: dict[str, str]
    types: dict[str, str]
    kinds: dict[str, str]

    @property
    def empty(self) -> bool:
        return not self.codes

    def label(self, code: str) -> str:
        return unit_label(self.types.get(code, ""), self.names.get(code, code), code)

    def areas(self) -> list[str]:
        return [c for c in self.codes if self.types[c] == "area"]

    def default(self) -> str | None:
        return self.codes[0] if self.codes else None


def units(frame: pd.DataFrame) -> Units:
    codes = tuple(str(c) for c in frame["unit_code"])
    return Units(
        codes=codes,
        names=dict(zip(codes, (str(n) for n in frame["unit_name"]), strict=True)),
        types=dict(zip(codes, (str(t) for t in frame["unit_type"]), strict=True)),
        kinds=dict(zip(codes, (_text(k) for k in frame["kind"]), strict=True)),
    )


def first_valid(candidates: Iterable[Any], allowed: Iterable[Any]) -> Any:
    allowed_list = list(allowed)
    for candidate in candidates:
        if candidate in allowed_list:
            return candidate
    return allowed_list[0] if allowed_list else None


# ------------------------------------------------------------------------------ words for a unit's figure

Row = Mapping[str, Any]


def row_value(row: Row | None, key: str) -> Any:
    """A field of a query row, None when missing (a text stays as it is)."""
    if row is None:
        return None
    value = row.get(key)
    return None if fmt.is_missing(value) and not isinstance(value, str) else value


def position_word(position: Any, gap: Any, value: Any) -> str:
    if fmt.is_missing(value):
        return ctxt.NO_DATA
    if position == "neutraal" or not isinstance(position, str):
        if fmt.is_missing(gap):
            return ""
        return txt.HIGHER if float(gap) > 0 else txt.LOWER if float(gap) < 0 else "gelijk"
    return position


def method_short(row: Row | None) -> str:
    """The 'Berekening' column: 'gewogen met inwoners 2017' or 'ongewogen gemiddelde'; empty for regions."""
    method = row_value(row, "method")
    if method is None:
        return ""
    indicator = row_value(row, "weight_indicator")
    weight = txt.WEIGHT_LABELS.get(str(indicator), str(indicator or ""))
    weight_year = row_value(row, "weight_year")
    return txt.METHOD_LABELS.get(str(method), str(method)).format(
        weight=weight, weight_year=int(weight_year) if weight_year else ""
    ).strip()


def members_short(row: Row | None) -> str:
    used, members = row_value(row, "n_used"), row_value(row, "n_members")
    if used is None or members is None:
        return ""
    return f"{int(used)} van {int(members)}"


def wijk_notes(notes: pd.DataFrame) -> dict[str, str]:
    """area_id -> the note of its newest definition year (`wijk_notes` rows)."""
    out: dict[str, str] = {}
    for row in fmt.records(notes.sort_values(["area_id", "boundary_year"]) if len(notes) else notes):
        out[str(row["area_id"])] = str(row["note"])
    return out


def why_missing(ind: Indicator, area_id: str, area_name: str, notes: dict[str, str]) -> str | None:
    """Why a renewal area has no value: a wijk-only source and buurten that are not whole wijken."""
    if ind.lowest_level != "wijk" or area_id not in notes:
        return None
    return txt.WHY_NO_AREA_VALUE.format(name=area_name, note=notes[area_id])
