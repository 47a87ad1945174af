"""The shape of programme.toml, indicators.toml, sources.toml and boundaries.toml as pydantic models.

Strict and closed: every key has a type, an unknown key is refused (with the nearest known key as a
suggestion), and a text where a list belongs is refused instead of being read letter by letter.
`wijkmonitor.common.tomlfile.validate` turns pydantic's first error into a Dutch sentence and the dotted key it is
about; a field's `description` names the form its pattern asks for.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

Polarity = Literal["higher_better", "lower_better", "neutral"]
Aggregation = Literal["weighted_mean", "sum", "rate", "none"]
Unit = Literal[
    "%", "aantal", "ha", "inwoners per km²", "adressen per km²", "personen per huishouden", "klasse", "euro",
    "x 1.000 euro", "index", "rapportcijfer", "score", "per 1.000 inwoners",
]
Adapter = Literal["statline", "longcsv", "kwbmap", "csvtable", "wide"]
Level = Literal["buurt", "wijk", "gemeente"]
POLARITIES: tuple[str, ...] = get_args(Polarity)
AGGREGATIONS: tuple[str, ...] = get_args(Aggregation)
ALLOWED_UNITS: tuple[str, ...] = get_args(Unit)
ADAPTERS: tuple[str, ...] = get_args(Adapter)


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class GemeenteModel(_Closed):
    code: str = Field(pattern=r"^GM\d{4}$", description="een CBS-gemeentecode zoals GM0014")
    name: str = Field(min_length=1)


class GapsModel(_Closed):
    stable_tolerance: float = 0.5
    area_boundary_year: int = 2022
    # Further boundary years the renewal areas are defined and checked in (members from `buurten_by_year`, else
    # the same buurten as in area_boundary_year).
    area_boundary_years: list[int] = []
    # Buurten with fewer inhabitants than this are never named in rankings or headline sentences.
    min_population_named: int = Field(default=100, ge=0)


class ThemeModel(_Closed):
    id: str
    name: str
    subgoals: str = ""
    nplv: bool = False
    # Sources that would give this theme figures (named on the coverage line while it has none).
    wanted_sources: list[str] = []


class ProgrammeModel(_Closed):
    id: str
    name: str
    kind: str = ""
    period: str = ""
    budget_eur: float | None = None
    # A yearly budget (coalitieakkoord: '2 mln per jaar t/m 2026'): the total is this times the years of
    # `period` ('2022-2026' = 5 years), unless `budget_eur` says otherwise.
    budget_eur_per_year: float | None = None
    budget_note: str = ""


class AreaModel(_Closed):
    id: str
    name: str
    buurten: list[str] = []
    # Other boundary years with other buurt codes: {"2024" = ["BU...", ...]}.
    buurten_by_year: dict[str, list[str]] = {}
    includes: list[str] = []
    cbs_wijk: str = ""
    programmes: list[str] = []
    first_year: int
    kind: str = "wijkvernieuwingswijk"


class ProgrammeFile(_Closed):
    gemeente: GemeenteModel
    gaps: GapsModel = GapsModel()
    themes: list[ThemeModel] = []
    programmes: list[ProgrammeModel] = []
    areas: list[AreaModel] = []


class DefaultsModel(_Closed):
    weight_indicator: str = "AantalInwoners"


class IndicatorModel(_Closed):
    label: str = Field(min_length=1)
    unit: Unit
    theme: str
    polarity: Polarity
    definition: str = ""
    source: str = ""
    licence: str = ""
    decimals: int = Field(default=1, ge=0, le=4)
    aggregation: Aggregation = "none"
    headline: bool = False
    aliases: list[str] = []
    lowest_level: Level = "buurt"
    numerator: str | None = None
    denominator: str | None = None
    denominator_year: int | None = None
    per: float = 1000.0
    national_deviation: str | None = None
    tolerance: float | None = None


class IndicatorsFile(_Closed):
    defaults: DefaultsModel = DefaultsModel()
    indicators: dict[str, IndicatorModel] = {}


class SourceModel(_Closed):
    id: str
    adapter: Adapter
    title: str | None = None
    paths: list[str] = Field(min_length=1)
    licence: str = ""
    gemeente_extracts: dict[str, str] = {}
    data_properties: str | None = None
    period: str | None = None
    year: int | None = None
    boundary_year: int | None = None
    odata_table: str | None = None
    # The source has a row for every buurt of its indeling (also where the figure is 0), so its buurt codes are
    # that boundary year's buurt list where no boundary file of that year exists.
    lists_all_regions: bool = False
    # csvtable: where a wide CSV keeps its keys (see wijkmonitor/adapters/csvtable.py).
    code_columns: list[str] = []
    name_columns: list[str] = []
    year_column: str | None = None
    include: dict[str, list[str]] = {}
    exclude: dict[str, list[str]] = {}
    scale: dict[str, float] = {}


class SourcesFile(_Closed):
    sources: list[SourceModel] = []


class TerritoryChangeModel(_Closed):
    region: str = Field(pattern=r"^(GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})$",
                        description="een CBS-code (GM0014, WK001401 of BU00140100)")
    year: int
    note: str = ""


class BoundariesFile(_Closed):
    glob: str
    name_pattern: str
    preferred_variant: str = ""
    code_property: str = "statcode"
    name_property: str = "statnaam"
    licence: str = ""
    territory_changes: list[TerritoryChangeModel] = []
