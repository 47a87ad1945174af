"""Programme configuration: municipality, themes, programmes, renewal areas, indicator catalogue, sources.

Everything a municipality defines for itself lives in TOML files under `config/` and `geodata/`; this module
reads them through pydantic models (`config_models.py`), so every key is typed, an unknown key is refused with a
near-miss suggestion and a text where a list belongs is refused rather than read letter by letter. A wrong value
names the file and the key, so the office can fix it without a developer. The rest of the package sees frozen
dataclasses only.
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from wijkmonitor import config_models as m
from wijkmonitor.common.tomlfile import hint, read_toml, validate
from wijkmonitor.errors import BuildError

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG_DIR = PROJECT_ROOT / "config"
DEFAULT_BOUNDARIES = PROJECT_ROOT / "geodata" / "boundaries.toml"
DEFAULT_SOURCE = PROJECT_ROOT.parent / "shared" / "data"
DEFAULT_DB = PROJECT_ROOT / "data" / "wijkmonitor.duckdb"

_D = TypeVar("_D", bound="DataclassInstance")
POLARITIES = m.POLARITIES
AGGREGATIONS = m.AGGREGATIONS
ALLOWED_UNITS = m.ALLOWED_UNITS
ADAPTERS = m.ADAPTERS


def db_path_from_env(default: Path = DEFAULT_DB) -> Path:
    """The DuckDB file the dashboard and the build use: `WIJKMONITOR_DB` overrides the default."""
    value = os.environ.get("WIJKMONITOR_DB")
    return Path(value) if value else default


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    unit: str
    theme: str
    polarity: str
    definition: str
    source: str
    licence: str
    decimals: int
    aggregation: str
    headline: bool
    aliases: tuple[str, ...] = ()
    # The finest level the source publishes: a wijk-only source (Leefbaarometer) gives areas a value only
    # where their buurten make up whole wijken, and the city a value computed from the wijken.
    lowest_level: str = "buurt"
    # aggregation = "rate": value = sum(numerator) / sum(denominator in denominator_year) * per.
    numerator: str | None = None
    denominator: str | None = None
    denominator_year: int | None = None
    per: float = 1000.0
    # An indicator holding this one's deviation from the national reference (Leefbaarometer `afw`).
    national_deviation: str | None = None
    tolerance: float | None = None


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    subgoals: str
    nplv: bool
    wanted_sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Programme:
    id: str
    name: str
    kind: str
    period: str
    budget_eur: float | None
    budget_note: str


@dataclass(frozen=True)
class Area:
    id: str
    name: str
    buurten: tuple[str, ...]
    cbs_wijk: str
    programmes: tuple[str, ...]
    first_year: int
    kind: str = "wijkvernieuwingswijk"
    # The member buurten per boundary year (always holds the default `area_boundary_year`).
    buurten_by_year: dict[int, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Source:
    id: str
    adapter: str
    title: str
    paths: tuple[str, ...]
    licence: str = ""
    gemeente_extracts: dict[str, str] = field(default_factory=dict)
    data_properties: str | None = None
    period: str | None = None
    year: int | None = None
    boundary_year: int | None = None
    odata_table: str | None = None
    lists_all_regions: bool = False
    code_columns: tuple[str, ...] = ()
    name_columns: tuple[str, ...] = ()
    year_column: str | None = None
    include: dict[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: dict[str, tuple[str, ...]] = field(default_factory=dict)
    scale: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class TerritoryChange:
    region: str
    year: int
    note: str


@dataclass(frozen=True)
class BoundarySpec:
    glob: str
    name_pattern: str
    preferred_variant: str
    code_property: str
    name_property: str
    licence: str
    territory_changes: tuple[TerritoryChange, ...] = ()


@dataclass(frozen=True)
class ProgrammeConfig:
    gemeente_code: str
    gemeente_name: str
    stable_tolerance: float
    area_boundary_year: int
    weight_indicator: str
    themes: tuple[Theme, ...]
    programmes: tuple[Programme, ...]
    areas: tuple[Area, ...]
    indicators: dict[str, Indicator]
    sources: tuple[Source, ...]
    boundaries: BoundarySpec
    files: tuple[Path, ...]
    min_population_named: int = 100

    def alias_map(self) -> dict[str, str]:
        """Every name an indicator has in some source, mapped to its catalogue code."""
        mapping = {code: code for code in self.indicators}
        for code, indicator in self.indicators.items():
            for alias in indicator.aliases:
                mapping[alias] = code
        return mapping

    def area_years(self) -> tuple[int, ...]:
        """Every boundary year some renewal area is defined in."""
        return tuple(sorted({y for a in self.areas for y in a.buurten_by_year} | {self.area_boundary_year}))


def _frozen_value(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        return {key: _frozen_value(item) for key, item in value.items()}
    return value


def _frozen(cls: type[_D], model: BaseModel, **computed: Any) -> _D:
    """The frozen dataclass `cls` from the model's fields of the same names (lists as tuples, dicts copied), so a
    new key in config_models reaches the package by adding it to the dataclass; `computed` for the rest."""
    names = {f.name for f in dataclasses.fields(cls)} & set(type(model).model_fields) - set(computed)
    return cls(**{name: _frozen_value(getattr(model, name)) for name in names}, **computed)


def _indicators(path: Path, theme_ids: set[str]) -> tuple[dict[str, Indicator], str]:
    parsed = validate(m.IndicatorsFile, read_toml(path), path)
    indicators: dict[str, Indicator] = {}
    for code, entry in parsed.indicators.items():
        where = f"indicators.{code}"
        if entry.theme not in theme_ids:
            raise BuildError(f"thema {entry.theme!r} bestaat niet in programme.toml{hint(entry.theme, theme_ids)}",
                             file=path, column=f"{where}.theme")
        if entry.aggregation == "rate" and not (entry.numerator and entry.denominator and entry.denominator_year):
            raise BuildError("een indicator met aggregation = \"rate\" heeft numerator, denominator en "
                             "denominator_year nodig", file=path, column=where)
        indicators[code] = _frozen(Indicator, entry, code=code)
    for code, indicator in indicators.items():
        for key in ("numerator", "denominator", "national_deviation"):
            other = getattr(indicator, key)
            if other is not None and other not in indicators:
                raise BuildError(f"indicator {other!r} bestaat niet in de catalogus{hint(other, indicators)}",
                                 file=path, column=f"indicators.{code}.{key}")
    return indicators, parsed.defaults.weight_indicator


def _areas(parsed: m.ProgrammeFile, path: Path) -> tuple[Area, ...]:
    programme_ids = {p.id for p in parsed.programmes}
    default_year = parsed.gaps.area_boundary_year
    by_id: dict[str, m.AreaModel] = {}
    for index, entry in enumerate(parsed.areas):
        if entry.id in by_id:
            raise BuildError(f"gebied {entry.id!r} staat twee keer in de configuratie", file=path,
                             column=f"areas[{index}]")
        for programme in entry.programmes:
            if programme not in programme_ids:
                raise BuildError(f"programma {programme!r} bestaat niet{hint(programme, programme_ids)}",
                                 file=path, column=f"areas[{index}].programmes")
        by_id[entry.id] = entry

    def members(entry: m.AreaModel, year: int) -> list[str]:
        own = entry.buurten_by_year.get(str(year), entry.buurten) if year != default_year else entry.buurten
        out = list(own)
        for included in entry.includes:
            if included not in by_id:
                raise BuildError(f"gebied {included!r} in 'includes' bestaat niet{hint(included, by_id)}",
                                 file=path, column=f"areas.{entry.id}.includes")
            out += [b for b in members(by_id[included], year) if b not in out]
        return out

    years = ({default_year} | set(parsed.gaps.area_boundary_years)
             | {int(y) for e in parsed.areas for y in e.buurten_by_year if y.isdigit()})
    areas = []
    for area_id, entry in by_id.items():
        for year in entry.buurten_by_year:
            if not year.isdigit():
                raise BuildError(f"jaar {year!r} is geen jaartal", file=path, column=f"areas.{area_id}.buurten_by_year")
        by_year = {year: tuple(members(entry, year)) for year in sorted(years)}
        if not by_year[default_year]:
            raise BuildError("gebied heeft geen buurten", file=path, column=f"areas.{area_id}.buurten")
        areas.append(Area(
            id=area_id, name=entry.name, buurten=by_year[default_year], cbs_wijk=entry.cbs_wijk,
            programmes=tuple(entry.programmes), first_year=entry.first_year, kind=entry.kind,
            buurten_by_year={y: b for y, b in by_year.items() if b},
        ))
    return tuple(areas)


def _sources(path: Path) -> tuple[Source, ...]:
    parsed = validate(m.SourcesFile, read_toml(path), path)
    return tuple(_frozen(Source, s, title=s.title or s.id) for s in parsed.sources)


def _boundaries(path: Path) -> BoundarySpec:
    b = validate(m.BoundariesFile, read_toml(path), path)
    return _frozen(BoundarySpec, b, territory_changes=tuple(_frozen(TerritoryChange, c) for c in b.territory_changes))


def programme_budget(total: float | None, per_year: float | None, period: str) -> float | None:
    """A programme's whole budget: `total` when the documents give one, else a yearly amount times the years of
    a 'YYYY-YYYY' period (both ends included); None when neither is known."""
    if total is not None or per_year is None:
        return total
    years = re.fullmatch(r"\s*(\d{4})\s*-\s*(\d{4})\s*", period)
    if years is None or int(years[2]) < int(years[1]):
        return None
    return per_year * (int(years[2]) - int(years[1]) + 1)


def load_config(config_dir: Path = DEFAULT_CONFIG_DIR, boundaries: Path = DEFAULT_BOUNDARIES) -> ProgrammeConfig:
    programme_path = config_dir / "programme.toml"
    parsed = validate(m.ProgrammeFile, read_toml(programme_path), programme_path)
    themes = tuple(_frozen(Theme, t) for t in parsed.themes)
    programmes = tuple(_frozen(Programme, p, budget_eur=programme_budget(p.budget_eur, p.budget_eur_per_year, p.period))
                       for p in parsed.programmes)
    indicators_path = config_dir / "indicators.toml"
    indicators, weight_indicator = _indicators(indicators_path, {t.id for t in themes})
    return ProgrammeConfig(
        gemeente_code=parsed.gemeente.code,
        gemeente_name=parsed.gemeente.name,
        stable_tolerance=parsed.gaps.stable_tolerance,
        area_boundary_year=parsed.gaps.area_boundary_year,
        min_population_named=parsed.gaps.min_population_named,
        weight_indicator=weight_indicator,
        themes=themes,
        programmes=programmes,
        areas=_areas(parsed, programme_path),
        indicators=indicators,
        sources=_sources(config_dir / "sources.toml"),
        boundaries=_boundaries(boundaries),
        files=(programme_path, indicators_path, config_dir / "sources.toml", boundaries),
    )
