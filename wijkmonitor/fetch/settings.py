"""`config/fetch.toml`: which StatLine tables and PDOK boundary layers `wijkmonitor fetch` downloads."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from wijkmonitor.common.tomlfile import read_toml, repeated, validate
from wijkmonitor.config import DEFAULT_CONFIG_DIR
from wijkmonitor.fetch.errors import FetchError

DEFAULT_FETCH_CONFIG = DEFAULT_CONFIG_DIR / "fetch.toml"
TABLE_ID = r"^\d{5}[A-Z]{3}$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class TableSpec(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_A-Z]+$", description="letters, cijfers en _")
    table: str = Field(pattern=TABLE_ID, description="een StatLine-tabelcode zoals 85984NED")
    title: str
    catalog: str = Field(pattern=r"^[a-z0-9.-]+$", description="een catalogusnaam zoals opendata.cbs.nl")
    boundary_year: int = Field(ge=1990, le=2100)
    year: int | None = Field(default=None, ge=1990, le=2100)
    region_dimension: str = "WijkenEnBuurten"
    filter: str | None = None
    multi_year: bool = False
    # The table has a row for every region of the indeling (not only those with a figure): the build may take
    # its buurt list as the indeling of that boundary year.
    lists_all_regions: bool = False
    licence: str = ""

    @model_validator(mode="after")
    def _year_or_multi(self) -> TableSpec:
        if (self.year is None) == self.multi_year:
            return self
        raise ValueError("geef 'year' (één editie) óf 'multi_year = true' (meerdere perioden), niet beide of geen")


class BoundarySpec(_Strict):
    url: str = Field(pattern=r"^https?://.*\{year\}", description="een http(s)-adres met {year} erin")
    layers: dict[str, str]
    first_year: int = Field(ge=1990, le=2100)
    page_size: int = Field(default=1000, ge=1, le=10000)
    licence: str = ""

    @model_validator(mode="after")
    def _known_levels(self) -> BoundarySpec:
        unknown = set(self.layers) - {"gemeente", "wijk", "buurt"}
        if unknown:
            raise ValueError(f"onbekend niveau {sorted(unknown)[0]!r}; kies uit gemeente, wijk, buurt")
        return self


class FetchConfig(_Strict):
    retries: int = Field(default=3, ge=0, le=20)
    retry_wait_s: float = Field(default=2.0, ge=0, le=600)
    timeout_s: float = Field(default=120, gt=0, le=3600)
    boundaries: BoundarySpec
    tables: list[TableSpec]

    @model_validator(mode="after")
    def _unique(self) -> FetchConfig:
        twice = repeated(spec.id for spec in self.tables)
        if twice is not None:
            raise ValueError(f"bron-id {twice!r} staat twee keer in de lijst")
        return self

    def edition_years(self) -> list[int]:
        return sorted(t.year for t in self.tables if t.year is not None)


def load_fetch_config(path: Path = DEFAULT_FETCH_CONFIG) -> FetchConfig:
    return validate(FetchConfig, read_toml(path, error=FetchError), path, error=FetchError)
