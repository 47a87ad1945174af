"""Programme configuration: municipality, themes, programmes, renewal areas, indicator catalogue, sources.

Everything a municipality defines for itself lives in TOML files under `config/` and `geodata/`; this module
reads and checks them. A wrong value names the file and the key, so the office can fix it without a developer.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wijkmonitor.errors import BuildError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG_DIR = PROJECT_ROOT / "config"
DEFAULT_BOUNDARIES = PROJECT_ROOT / "geodata" / "boundaries.toml"
DEFAULT_SOURCE = PROJECT_ROOT.parent / "shared" / "data"
DEFAULT_DB = PROJECT_ROOT / "data" / "wijkmonitor.duckdb"

POLARITIES = ("higher_better", "lower_better", "neutral")
AGGREGATIONS = ("weighted_mean", "sum", "none")
ALLOWED_UNITS = (
    "%",
    "aantal",
    "ha",
    "inwoners per km²",
    "adressen per km²",
    "personen per huishouden",
    "klasse",
    "euro",
    "index",
    "rapportcijfer",
)
ADAPTERS = ("statline", "longcsv", "kwbmap", "wide")


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


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    subgoals: str
    nplv: bool


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


@dataclass(frozen=True)
class BoundarySpec:
    glob: str
    name_pattern: str
    preferred_variant: str
    code_property: str
    name_property: str
    licence: str


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

    def alias_map(self) -> dict[str, str]:
        """Every name an indicator has in some source, mapped to its catalogue code."""
        mapping = {code: code for code in self.indicators}
        for code, indicator in self.indicators.items():
            for alias in indicator.aliases:
                mapping[alias] = code
        return mapping


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as exc:
        raise BuildError("configuratiebestand ontbreekt", file=path) from exc
    except tomllib.TOMLDecodeError as exc:
        raise BuildError(f"geen geldige TOML: {exc}", file=path) from exc


def _require(table: dict[str, Any], key: str, *, file: Path, where: str) -> Any:
    if key not in table or table[key] in (None, ""):
        raise BuildError(f"verplichte sleutel '{key}' ontbreekt", file=file, column=f"{where}.{key}")
    return table[key]


def _choice(value: str, allowed: tuple[str, ...], *, file: Path, where: str) -> str:
    if value not in allowed:
        raise BuildError(
            f"waarde {value!r} is niet toegestaan; kies uit: {', '.join(allowed)}", file=file, column=where
        )
    return value


def _indicators(path: Path, theme_ids: set[str]) -> tuple[dict[str, Indicator], str]:
    data = _read_toml(path)
    defaults = data.get("defaults", {})
    indicators: dict[str, Indicator] = {}
    for code, entry in data.get("indicators", {}).items():
        where = f"indicators.{code}"
        theme = _require(entry, "theme", file=path, where=where)
        if theme not in theme_ids:
            raise BuildError(f"thema {theme!r} bestaat niet in programme.toml", file=path, column=f"{where}.theme")
        indicators[code] = Indicator(
            code=code,
            label=_require(entry, "label", file=path, where=where),
            unit=_choice(_require(entry, "unit", file=path, where=where), ALLOWED_UNITS, file=path,
                         where=f"{where}.unit"),
            theme=theme,
            polarity=_choice(_require(entry, "polarity", file=path, where=where), POLARITIES, file=path,
                             where=f"{where}.polarity"),
            definition=entry.get("definition", ""),
            source=entry.get("source", ""),
            licence=entry.get("licence", ""),
            decimals=int(entry.get("decimals", 1)),
            aggregation=_choice(entry.get("aggregation", "none"), AGGREGATIONS, file=path,
                                where=f"{where}.aggregation"),
            headline=bool(entry.get("headline", False)),
            aliases=tuple(entry.get("aliases", ())),
        )
    return indicators, str(defaults.get("weight_indicator", "AantalInwoners"))


def _areas(raw: list[dict[str, Any]], path: Path, programme_ids: set[str]) -> tuple[Area, ...]:
    by_id: dict[str, dict[str, Any]] = {}
    for index, entry in enumerate(raw):
        where = f"areas[{index}]"
        area_id = _require(entry, "id", file=path, where=where)
        if area_id in by_id:
            raise BuildError(f"gebied {area_id!r} staat twee keer in de configuratie", file=path, column=where)
        for programme in entry.get("programmes", []):
            if programme not in programme_ids:
                raise BuildError(f"programma {programme!r} bestaat niet", file=path,
                                 column=f"{where}.programmes")
        by_id[area_id] = entry
    areas = []
    for area_id, entry in by_id.items():
        buurten = list(entry.get("buurten", []))
        for included in entry.get("includes", []):
            if included not in by_id:
                raise BuildError(f"gebied {included!r} in 'includes' bestaat niet", file=path,
                                 column=f"areas.{area_id}.includes")
            buurten += [b for b in by_id[included].get("buurten", []) if b not in buurten]
        if not buurten:
            raise BuildError("gebied heeft geen buurten", file=path, column=f"areas.{area_id}.buurten")
        areas.append(
            Area(
                id=area_id,
                name=_require(entry, "name", file=path, where=f"areas.{area_id}"),
                buurten=tuple(buurten),
                cbs_wijk=entry.get("cbs_wijk", ""),
                programmes=tuple(entry.get("programmes", [])),
                first_year=int(_require(entry, "first_year", file=path, where=f"areas.{area_id}")),
                kind=entry.get("kind", "wijkvernieuwingswijk"),
            )
        )
    return tuple(areas)


def _sources(path: Path) -> tuple[Source, ...]:
    data = _read_toml(path)
    sources = []
    for index, entry in enumerate(data.get("sources", [])):
        where = f"sources[{index}]"
        sources.append(
            Source(
                id=_require(entry, "id", file=path, where=where),
                adapter=_choice(_require(entry, "adapter", file=path, where=where), ADAPTERS, file=path,
                                where=f"{where}.adapter"),
                title=entry.get("title", entry["id"]),
                paths=tuple(_require(entry, "paths", file=path, where=where)),
                licence=entry.get("licence", ""),
                gemeente_extracts=dict(entry.get("gemeente_extracts", {})),
                data_properties=entry.get("data_properties"),
                period=entry.get("period"),
                year=entry.get("year"),
                boundary_year=entry.get("boundary_year"),
                odata_table=entry.get("odata_table"),
            )
        )
    return tuple(sources)


def load_config(config_dir: Path = DEFAULT_CONFIG_DIR, boundaries: Path = DEFAULT_BOUNDARIES) -> ProgrammeConfig:
    programme_path = config_dir / "programme.toml"
    data = _read_toml(programme_path)
    gemeente = _require(data, "gemeente", file=programme_path, where="gemeente")
    themes = tuple(
        Theme(id=t["id"], name=t["name"], subgoals=t.get("subgoals", ""), nplv=bool(t.get("nplv", False)))
        for t in data.get("themes", [])
    )
    programmes = tuple(
        Programme(
            id=p["id"],
            name=p["name"],
            kind=p.get("kind", ""),
            period=p.get("period", ""),
            budget_eur=p.get("budget_eur"),
            budget_note=p.get("budget_note", ""),
        )
        for p in data.get("programmes", [])
    )
    indicators_path = config_dir / "indicators.toml"
    indicators, weight_indicator = _indicators(indicators_path, {t.id for t in themes})
    bspec = _read_toml(boundaries)
    gaps = data.get("gaps", {})
    return ProgrammeConfig(
        gemeente_code=_require(gemeente, "code", file=programme_path, where="gemeente"),
        gemeente_name=_require(gemeente, "name", file=programme_path, where="gemeente"),
        stable_tolerance=float(gaps.get("stable_tolerance", 0.5)),
        area_boundary_year=int(gaps.get("area_boundary_year", 2022)),
        weight_indicator=weight_indicator,
        themes=themes,
        programmes=programmes,
        areas=_areas(data.get("areas", []), programme_path, {p.id for p in programmes}),
        indicators=indicators,
        sources=_sources(config_dir / "sources.toml"),
        boundaries=BoundarySpec(
            glob=bspec["glob"],
            name_pattern=bspec["name_pattern"],
            preferred_variant=bspec.get("preferred_variant", ""),
            code_property=bspec.get("code_property", "statcode"),
            name_property=bspec.get("name_property", "statnaam"),
            licence=bspec.get("licence", ""),
        ),
        files=(programme_path, indicators_path, config_dir / "sources.toml", boundaries),
    )
