"""The national pool: every Dutch buurt's figures from the national source files, cached between builds.

Parsing the eight national XLSX files takes tens of seconds; a Groningen build reads only its gemeente extract
and must stay fast. The buurt rows are therefore kept as a Parquet file in the cache directory, keyed on each
source file's path, size and modification time, and read again only when one of them changes.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from wijkmonitor.adapters import checks
from wijkmonitor.adapters.statline import read_statline
from wijkmonitor.build_steps import source_cache
from wijkmonitor.config import PROJECT_ROOT
from wijkmonitor.errors import BuildError

# Bump when the cached layout or the way it is derived changes, so old caches are not read.
CACHE_VERSION = 2
POOL_COLUMNS = ["region_code", "year", "age_group", "indicator_code", "value"]


KEY_COLUMNS = ["region_code", "year", "age_group"]


@dataclass(frozen=True)
class Pool:
    """The national buurt figures, wide: one row per buurt, edition and age group, one column per indicator
    (~100,000 rows). Read whole from the cache; a matching edition or a group is then a row filter."""

    wide: pd.DataFrame
    gemeente_names: dict[str, str]
    from_cache: bool

    def profiles(self, year: int, age_group: str, indicators: tuple[str, ...]) -> pd.DataFrame:
        """Buurten (rows) x the indicators the edition has (columns); missing stays NaN."""
        rows = self.wide[(self.wide["year"] == year) & (self.wide["age_group"] == age_group)]
        present = [i for i in indicators if i in rows.columns and rows[i].notna().any()]
        return rows.set_index("region_code")[present]

    def editions(self, age_group: str) -> list[int]:
        return sorted(int(y) for y in self.wide.loc[self.wide["age_group"] == age_group, "year"].unique())

    def group_values(self, con: duckdb.DuckDBPyConnection, groups: pd.DataFrame) -> pd.DataFrame:
        """Per area, indicator, age group and edition: the weighted mean over the group buurten that have a
        value (weights renormalised over those), how many had one, and the group's size.
        `groups`: area_id, buurt_code, weight."""
        subset = self.wide[self.wide["region_code"].isin(set(groups["buurt_code"]))]
        con.register("_groups", groups[["area_id", "buurt_code", "weight"]])
        con.register("_subset", subset)
        try:
            return con.execute(
                "with long as (unpivot _subset on columns(* exclude (region_code, year, age_group)) "
                "into name indicator_code value value), "
                "sizes as (select area_id, count(*) as group_size from _groups group by 1) "
                "select g.area_id, p.indicator_code, p.age_group, p.year::integer as year, "
                "sum(p.value * g.weight) / sum(g.weight) as value, "
                "count(*)::integer as n_buurten, any_value(s.group_size)::integer as group_size "
                "from long as p inner join _groups as g on g.buurt_code = p.region_code "
                "inner join sizes as s on s.area_id = g.area_id "
                "group by all order by g.area_id, p.indicator_code, p.age_group, year",
            ).df()
        finally:
            con.unregister("_groups")
            con.unregister("_subset")


def cache_dir() -> Path:
    """`WIJKMONITOR_CACHE` overrides the default data/cache/ (git-ignored, never committed)."""
    value = os.environ.get("WIJKMONITOR_CACHE")
    return Path(value) if value else PROJECT_ROOT / "data" / "cache"


def cache_key(files: list[Path]) -> str:
    stamp = [CACHE_VERSION] + [[str(p.resolve()), p.stat().st_size, p.stat().st_mtime_ns] for p in files]
    return hashlib.sha256(json.dumps(stamp).encode()).hexdigest()[:20]


def _read_buurten(path: Path, source_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    # Through the build's cache of parsed files: a national build leaves exactly these entries, and a pool
    # read here serves the next national build.
    checks.source_file(path)
    frame = source_cache.cached(
        path, source_cache.sha256_of(path), source_cache.statline_settings(source_id, None, None, None),
        lambda: source_cache.compact(read_statline(path, source_id=source_id, gemeente=None)))
    obs = frame.observations
    obs = obs.loc[obs["region_code"].str.startswith("BU"), POOL_COLUMNS]
    names = frame.regions
    return obs.astype({"region_code": "category", "age_group": "category", "indicator_code": "category",
                       "year": "int16"}), names


def _parse(files: list[Path], source_id: str, workers: int) -> tuple[pd.DataFrame, dict[str, str]]:
    with ProcessPoolExecutor(max_workers=max(1, min(workers, len(files)))) as pool:
        parts = list(pool.map(_read_buurten, files, [source_id] * len(files)))
    obs = pd.concat([p[0] for p in parts], ignore_index=True)
    for column in ("region_code", "age_group", "indicator_code"):
        obs[column] = obs[column].astype(str).astype("category")
    names = pd.concat([p[1] for p in parts], ignore_index=True).drop_duplicates("region_code")
    return obs, dict(zip(names["region_code"].astype(str), names["name"].astype(str), strict=True))


def load_pool(files: list[Path], source_id: str, progress: Callable[[str], None], workers: int = 2) -> Pool:
    """The pool from the cache when the files are unchanged, else parsed and written to the cache."""
    directory = cache_dir()
    key = cache_key(files)
    data_file = directory / f"pool-{source_id}-{key}.parquet"
    names_file = directory / f"pool-{source_id}-{key}-gemeenten.json"
    if data_file.exists() and names_file.exists():
        try:
            names = json.loads(names_file.read_text(encoding="utf-8"))
            return Pool(pd.read_parquet(data_file), names, from_cache=True)
        except (OSError, ValueError) as exc:
            progress(f"  cache onleesbaar ({exc}); landelijke bestanden opnieuw gelezen")
    progress(f"  {len(files)} landelijke bestanden lezen (eenmalig; daarna uit de cache in {directory})")
    obs, names = _parse(files, source_id, workers)
    wide = to_wide(obs)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for old in directory.glob(f"pool-{source_id}-*"):
            # Another build (a parallel test worker) may be writing its temp file right now: leave it alone.
            if ".tmp-" not in old.name:
                old.unlink(missing_ok=True)
        # Write beside the target and rename, so a build killed halfway leaves no half-written cache.
        tmp = data_file.with_name(data_file.name + f".tmp-{os.getpid()}")
        wide.to_parquet(tmp, index=False)
        os.replace(tmp, data_file)
        names_file.write_text(json.dumps(names, ensure_ascii=False), encoding="utf-8")
    except OSError as exc:
        raise BuildError(f"de cache van de landelijke buurtcijfers kan niet worden geschreven ({exc}); "
                         "zet WIJKMONITOR_CACHE op een schrijfbare map", file=directory) from exc
    return Pool(wide, names, from_cache=False)


def to_wide(obs: pd.DataFrame) -> pd.DataFrame:
    """Long buurt rows to one row per buurt, edition and age group; an unpublished figure stays NaN."""
    wide = obs.astype({"region_code": str, "age_group": str, "indicator_code": str}).pivot_table(
        index=KEY_COLUMNS, columns="indicator_code", values="value", aggfunc="first").reset_index()
    wide.columns.name = None
    return wide.astype({"year": "int64"}).sort_values(KEY_COLUMNS, ignore_index=True)


def source_files(root: Path, patterns: tuple[str, ...]) -> list[Path]:
    files = sorted({p for pattern in patterns for p in root.glob(pattern)})
    for path in files:
        if not os.access(path, os.R_OK):
            raise BuildError("bronbestand is niet leesbaar", file=path)
    return files
