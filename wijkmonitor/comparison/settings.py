"""Settings of the comparison groups, read from config/comparison.toml (see the comments there)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wijkmonitor.common.tomlfile import read_toml
from wijkmonitor.errors import BuildError

FILE_NAME = "comparison.toml"
AGE_GROUPS = ("totaal", "18plus", "18-64", "65plus")


@dataclass(frozen=True)
class ComparisonSettings:
    source: str
    age_group: str
    indicators: tuple[str, ...]
    k: int
    min_population: float
    population_indicator: str
    exclude_own_gemeente: bool
    max_abs_smd: float
    min_group_size: int
    file: Path


def _get(table: dict[str, Any], key: str, kind: type | tuple[type, ...], file: Path) -> Any:
    if key not in table:
        raise BuildError(f"verplichte sleutel '{key}' ontbreekt", file=file, column=f"comparison.{key}")
    value = table[key]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    # bool is an int in Python; `k = true` must not pass as 1.
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise BuildError(f"waarde {value!r} heeft het verkeerde type", file=file, column=f"comparison.{key}")
    return value


def load_settings(config_dir: Path) -> ComparisonSettings | None:
    """The settings, or None when the configuration has no comparison.toml (then no groups are built)."""
    path = config_dir / FILE_NAME
    if not path.exists():
        return None
    table = read_toml(path).get("comparison")
    if not isinstance(table, dict):
        raise BuildError("tabel [comparison] ontbreekt", file=path, column="comparison")
    indicators = _get(table, "indicators", list, path)
    if not indicators or not all(isinstance(i, str) and i for i in indicators):
        raise BuildError("noem minstens één indicatorcode", file=path, column="comparison.indicators")
    if len(set(indicators)) != len(indicators):
        raise BuildError("een indicator staat twee keer in de lijst", file=path, column="comparison.indicators")
    age_group = _get(table, "age_group", str, path)
    if age_group not in AGE_GROUPS:
        raise BuildError(f"leeftijdsgroep {age_group!r} is onbekend; kies uit: {', '.join(AGE_GROUPS)}",
                         file=path, column="comparison.age_group")
    k = _get(table, "k", int, path)
    min_group_size = _get(table, "min_group_size", int, path)
    max_abs_smd = float(_get(table, "max_abs_smd", (int, float), path))
    min_population = float(_get(table, "min_population", (int, float), path))
    for key, number in (("k", k), ("min_group_size", min_group_size), ("max_abs_smd", max_abs_smd)):
        if number <= 0:
            raise BuildError(f"moet groter dan 0 zijn (nu {number})", file=path, column=f"comparison.{key}")
    if min_population < 0:
        raise BuildError("mag niet negatief zijn", file=path, column="comparison.min_population")
    return ComparisonSettings(
        source=_get(table, "source", str, path),
        age_group=age_group,
        indicators=tuple(indicators),
        k=k,
        min_population=min_population,
        population_indicator=_get(table, "population_indicator", str, path),
        exclude_own_gemeente=_get(table, "exclude_own_gemeente", bool, path),
        max_abs_smd=max_abs_smd,
        min_group_size=min_group_size,
        file=path,
    )
