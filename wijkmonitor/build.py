"""Build the DuckDB indicator file from the configured sources.

The build writes a new file beside the target and swaps it in with `os.replace` only when every step
succeeded, so a running dashboard never sees a half-built file and a failed build loses nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from wijkmonitor import __version__, cbs
from wijkmonitor.adapters import SourceFrame, checks
from wijkmonitor.adapters.boundaries import read_boundaries
from wijkmonitor.adapters.csvtable import TableLayout, read_csvtable
from wijkmonitor.adapters.kwbmap import read_kwbmap
from wijkmonitor.adapters.longcsv import read_longcsv
from wijkmonitor.adapters.odata import read_odata
from wijkmonitor.adapters.statline import read_statline
from wijkmonitor.adapters.wide import read_wide
from wijkmonitor.build_steps import combined_cache, source_cache
from wijkmonitor.build_steps.areas import (
    area_tables,
    buurt_lists,
    check_areas,
    definition_versions,
    unit_members,
    wijk_coverage,
)
from wijkmonitor.build_steps.derived import add_rates, derived_tables, gemeente_wijken
from wijkmonitor.build_steps.partners import intervention_partners, partner_table, read_partners
from wijkmonitor.build_steps.programme import build_info, coverage_table, goal_tables, read_goals
from wijkmonitor.build_steps.registers import register_tables
from wijkmonitor.build_steps.source_cache import sha256_of
from wijkmonitor.comparison.build import build_tables as build_comparison
from wijkmonitor.config import (
    DEFAULT_BOUNDARIES,
    DEFAULT_CONFIG_DIR,
    ProgrammeConfig,
    Source,
    load_config,
)
from wijkmonitor.db import SCHEMA_VERSION
from wijkmonitor.errors import BuildError
from wijkmonitor.fetch.manifest import with_fetched_sources
from wijkmonitor.fetch.regions import read_region_names
from wijkmonitor.partners import Partners

SQL_DIR = Path(__file__).parent / "sql"
AGE_LABELS = {
    "totaal": "Alle inwoners",
    "18plus": "18 jaar en ouder",
    "18-64": "18 tot 65 jaar",
    "65plus": "65 jaar en ouder",
}
Progress = Callable[[str], None]
# Missing cells are staged with their part + this offset, so a value's part is always the lowest of its key.
MISSING_PART_OFFSET = 16384


@dataclass(frozen=True)
class BuildOptions:
    source: str
    db: Path
    gemeente: str | None = None
    all_regions: bool = False
    config_dir: Path = DEFAULT_CONFIG_DIR
    boundaries: Path = DEFAULT_BOUNDARIES
    workers: int = 2


@dataclass
class SourceStat:
    source_id: str
    adapter: str
    path: str
    sha256: str
    rows: int
    values: int
    boundary_year: int | None = None
    notes: list[checks.Note] = field(default_factory=list)  # not a column of build_sources


@dataclass
class BuildSummary:
    db: Path
    gemeente: str
    seconds: float = 0.0
    sources: list[SourceStat] = field(default_factory=list)
    observations: int = 0
    regions: int = 0
    boundaries: int = 0
    area_values: int = 0
    gaps: int = 0
    unknown_region_rows: int = 0
    identical_duplicates: int = 0
    uncatalogued: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[checks.Note] = field(default_factory=list)  # rows changed on purpose outside the sources

    def lines(self) -> list[str]:
        out = [
            f"Klaar in {self.seconds:.1f} s: {self.db}",
            f"  gemeente {self.gemeente}; {self.observations:,} waarden; {self.regions:,} gebieden; "
            f"{self.boundaries:,} grenzen; {self.area_values:,} gebiedswaarden; {self.gaps:,} kloofrijen",
        ]
        if self.identical_duplicates:
            out.append(f"  {self.identical_duplicates:,} dubbele rijen met gelijke waarde samengevoegd")
        if self.unknown_region_rows:
            out.append(f"  let op: {self.unknown_region_rows:,} rijen met een regiocode die niet in de grenzen staat")
        if self.uncatalogued:
            names = ", ".join(self.uncatalogued[:8])
            out.append(f"  {len(self.uncatalogued)} indicatoren niet in de catalogus: {names}")
        out += [f"  let op: {note}" for note in [*(n for s in self.sources for n in s.notes), *self.notes]]
        out += [f"  waarschuwing: {w}" for w in self.warnings]
        return out




def _is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def _files_for(source: Source, root: Path, gemeente: str | None) -> list[Path]:
    if gemeente is not None and gemeente in source.gemeente_extracts:
        extract = root / source.gemeente_extracts[gemeente]
        if extract.exists():
            return [extract]
    files: list[Path] = []
    for pattern in source.paths:
        try:
            matches = sorted(root.glob(pattern))
        except (ValueError, NotImplementedError) as exc:  # an absolute or empty pattern
            raise BuildError(f"pad {pattern!r} moet relatief zijn aan de bronmap", file=root,
                             column=f"sources.{source.id}.paths") from exc
        if not matches:
            raise BuildError(f"bronbestand ontbreekt (bron '{source.id}')", file=root / pattern)
        files += matches
    return files


def _read_one(source: Source, path: Path, gemeente: str | None, aliases: dict[str, str], root: Path) -> SourceFrame:
    checks.source_file(path)
    if source.adapter == "statline":
        props = root / source.data_properties if source.data_properties else None
        return read_statline(path, source_id=source.id, gemeente=gemeente, data_properties=props,
                             period=source.period)
    if source.adapter == "longcsv":
        return read_longcsv(path, source_id=source.id, gemeente=gemeente)
    if source.adapter == "wide":
        return read_wide(path, source_id=source.id, gemeente=gemeente)
    if source.adapter == "regionnames":
        return read_region_names(path, source_id=source.id, gemeente=gemeente)
    if source.adapter == "csvtable":
        layout = TableLayout(code_columns=source.code_columns, name_columns=source.name_columns,
                             year_column=source.year_column, year=source.year, include=source.include,
                             exclude=source.exclude, scale=source.scale)
        return read_csvtable(path, source_id=source.id, layout=layout, aliases=aliases, gemeente=gemeente)
    return read_kwbmap(path, source_id=source.id, year=int(source.year or 0), aliases=aliases, gemeente=gemeente)


_compact = source_cache.compact


def _read_compact(source: Source, path: Path, gemeente: str | None, aliases: dict[str, str],
                  root: Path) -> SourceFrame:
    return _compact(_read_one(source, path, gemeente, aliases, root))


def cache_settings(source: Source, gemeente: str | None, aliases: dict[str, str], root: Path) -> dict[str, object]:
    """Everything besides the file's bytes that a parsed source depends on (see `source_cache`).

    StatLine tables use only these few settings, so the comparison pool, which reads the same national files,
    finds the entries a national build left (`statline_settings`)."""
    if source.adapter == "statline":
        props = root / source.data_properties if source.data_properties else None
        if props is not None:
            checks.source_file(props)
        return source_cache.statline_settings(source.id, gemeente, source.period,
                                              sha256_of(props) if props is not None else None)
    return {"adapter": source.adapter, "spec": repr(source), "gemeente": gemeente,
            "aliases": sorted(aliases.items())}


def _probe(source: Source, path: Path, gemeente: str | None, aliases: dict[str, str],
           root: Path) -> tuple[str, bool] | None:
    """(sha256, whether the cache holds the parsed file), or None when the file will be refused anyway."""
    try:
        checks.source_file(path)
        sha = sha256_of(path)
        return sha, source_cache.has(path, sha, cache_settings(source, gemeente, aliases, root))
    except BuildError:
        return None


def _read_job(source: Source, path: Path, gemeente: str | None, aliases: dict[str, str],
              root: Path) -> tuple[source_cache.Entry, str]:
    """The parsed file (from the cache when it holds it) and the file's SHA-256."""
    checks.source_file(path)  # before hashing: a pipe or a device is refused, not read
    sha = sha256_of(path)
    settings = cache_settings(source, gemeente, aliases, root)
    entry = source_cache.entry(path, sha, settings, lambda: _read_compact(source, path, gemeente, aliases, root))
    return entry, sha


def national_names(config: ProgrammeConfig, source: str) -> pd.DataFrame:
    """Wijk and gemeente names of the whole country, with the boundary year of their indeling: from the national
    files of every source that names regions (`name_columns`), never from a gemeente extract. For the comparison
    group, whose national source names no buurten. Read through the source cache, so a build that already
    parsed these files (or a national build) reads only their small side entries."""
    columns = ["region_code", "name", "boundary_year"]
    if _is_url(source):
        return pd.DataFrame(columns=columns)
    root, aliases, parts = Path(source), config.alias_map(), []
    for spec in config.sources:
        if spec.adapter != "csvtable" or not spec.name_columns:
            continue
        for path in _files_for(spec, root, None):
            entry, _ = _read_job(spec, path, None, aliases, root)
            names = entry.frame.regions
            parts.append(names[names["region_code"].astype(str).str[:2].isin(["WK", "GM"])].assign(
                boundary_year=spec.boundary_year))
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)[columns].astype({"boundary_year": "Int64"})


def iter_sources(
    config: ProgrammeConfig, source: str, gemeente: str | None, progress: Progress, workers: int
) -> Iterator[tuple[SourceStat, source_cache.Entry]]:
    """Read every configured source in order; XLSX files are parsed in parallel because parsing dominates."""
    aliases = config.alias_map()
    if _is_url(source):
        for spec in config.sources:
            if spec.adapter != "statline" or not spec.odata_table:
                progress(f"- {spec.id}: niet via OData te halen, overgeslagen")
                continue
            entry = source_cache.in_memory(_compact(read_odata(source, spec.odata_table, source_id=spec.id,
                                                               gemeente=gemeente)))
            frame = entry.frame
            progress(f"- {spec.id}: {frame.rows_read:,} rijen, {entry.values:,} waarden (OData)")
            yield SourceStat(spec.id, "odata", str(frame.files[0]), "", frame.rows_read,
                             entry.values, spec.boundary_year, frame.notes), entry
        return
    root = Path(source)
    if not root.is_dir():
        raise BuildError("bronmap bestaat niet", file=root)
    jobs = [(spec, path) for spec in config.sources for path in _files_for(spec, root, gemeente)]
    # XLSX files the cache does not hold are parsed in worker processes; the rest is read in order, so the
    # first refusal is still that of the first bad file.
    hashes = {index: _probe(spec, path, gemeente, aliases, root) for index, (spec, path) in enumerate(jobs)
              if path.suffix.lower() == ".xlsx"}
    heavy = [index for index, cached in hashes.items() if cached is None or not cached[1]]
    with ProcessPoolExecutor(max_workers=max(1, min(workers, len(heavy)))) as pool:
        futures = {}
        if len(heavy) > 1 and workers > 1:
            futures = {i: pool.submit(_read_job, jobs[i][0], jobs[i][1], gemeente, aliases, root) for i in heavy}
        for index, (spec, path) in enumerate(jobs):
            entry, sha = futures.pop(index).result() if index in futures else _read_job(
                spec, path, gemeente, aliases, root)
            frame = entry.frame
            stat = SourceStat(spec.id, spec.adapter, str(path), sha, frame.rows_read,
                              entry.values, spec.boundary_year, frame.notes)
            progress(f"- {spec.id}: {path.name}: {stat.rows:,} rijen gelezen, {stat.values:,} waarden")
            yield stat, entry


@dataclass
class Staged:
    """What the build keeps of the sources once their cells are in the staging table."""

    stats: list[SourceStat]
    regions: pd.DataFrame  # region_code, name as the sources publish them
    metadata: pd.DataFrame  # indicator_code, label, unit, decimals from DataProperties
    # staging.part -> (source position, source id, boundary year, file): the part numbers grow with the
    # source's position, so the lowest part of a key is its first source
    parts: list[tuple[int, str, int | None, str]] = field(default_factory=list)

    def file(self, part: object) -> str:
        return self.parts[int(str(part))][3] if part is not None else ""

    def table(self) -> pd.DataFrame:
        return pd.DataFrame(self.parts, columns=["source_order", "source_id", "boundary_year", "file"]).assign(
            part=range(len(self.parts))).astype({"part": "int16", "source_order": "int16", "boundary_year": "Int32"})


def _stage_entry(con: duckdb.DuckDBPyConnection, entry: source_cache.Entry, order: int, staged: Staged,
                 boundary_year: int | None) -> None:
    """Insert one source's cells; cached ones straight from their Parquet files (no pandas round trip)."""
    params = {"part_base": len(staged.parts)}
    staged.parts += [(order, source_id, boundary_year, file) for file, source_id in entry.parts]
    if entry.observations_file is not None:
        con.read_parquet(str(entry.observations_file)).create_view("_frame", replace=True)
        con.execute(_sql("staging_insert"), params)
        con.execute("drop view _frame")
    elif len(entry.frame.observations):
        con.register("_frame", entry.frame.observations)
        con.execute(_sql("staging_insert"), params)
        con.unregister("_frame")
    if not entry.missing_cells:
        return
    con.register("_missing_parts", pd.DataFrame({"source_id": entry.missing_sources,
                                                 "part": range(len(staged.parts),
                                                               len(staged.parts) + len(entry.missing_sources))}))
    staged.parts += [(order, source_id, boundary_year, "") for source_id in entry.missing_sources]
    if entry.missing_file is not None:
        con.read_parquet(str(entry.missing_file)).create_view("_missing", replace=True)
        con.execute(_sql("missing_insert"), {"offset": MISSING_PART_OFFSET})
        con.execute("drop view _missing")
    else:
        con.register("_missing", entry.frame.missing)
        con.execute(_sql("missing_insert"), {"offset": MISSING_PART_OFFSET})
        con.unregister("_missing")
    con.unregister("_missing_parts")


def stage_observations(
    con: duckdb.DuckDBPyConnection, sources: Iterable[tuple[SourceStat, source_cache.Entry]],
    aliases: dict[str, str], stage: bool = True,
) -> Staged:
    """Append every source's values and missing cells to the staging table; keep only the small parts of each
    source in memory. Indicator aliases (CBS map attributes, re-publishers' names) are mapped to catalogue
    codes on the way in. Registers `_parts` (part -> source id and boundary year) for the later steps.
    With `stage=False` only the small parts are collected (the combined cache holds the merged cells)."""
    if stage:
        con.execute(_sql("staging"))
        con.register("_aliases", pd.DataFrame(list(aliases.items()), columns=["alias", "code"]))
    staged = Staged([], pd.DataFrame(columns=["region_code", "name"]),
                    pd.DataFrame(columns=["indicator_code", "label", "unit", "decimals"]))
    names, metadata = [], []
    for order, (stat, entry) in enumerate(sources):
        if stage:
            _stage_entry(con, entry, order, staged, stat.boundary_year)
        staged.stats.append(stat)
        names.append(entry.frame.regions)
        metadata.append(entry.frame.metadata)
    if len(staged.parts) >= MISSING_PART_OFFSET:
        raise BuildError(f"te veel bestanden en bronnen in één build ({len(staged.parts)}; hoogstens "
                         f"{MISSING_PART_OFFSET - 1})", column="sources")
    if stage:
        con.register("_parts", staged.table())
    if names:
        staged.regions = pd.concat(names, ignore_index=True)
    if any(not m.empty for m in metadata):
        staged.metadata = pd.concat([m for m in metadata if not m.empty], ignore_index=True)
    return staged


def combine_observations(con: duckdb.DuckDBPyConnection, staged: Staged) -> int:
    """One value per region, year, indicator and age group; conflicting duplicates stop the build.

    Returns how many identical duplicate rows were merged (the same figure published in two sources). Keeps
    `observations_grouped` for `missing_values.sql`; `finish_staging` drops it.
    """
    con.execute(_sql("observations_grouped"))
    conflict = con.execute(_sql("staging_conflict")).fetchall()
    if conflict:
        (region, year, indicator, age, first_value, first_part, first_row) = conflict[0]
        (*_, second_value, second_part, second_row) = conflict[-1]
        raise BuildError(
            f"dubbele rij voor {region}, {year}, {indicator} ({age}) met verschillende waarden: "
            f"{first_value:g} ({staged.file(first_part)}, rij {first_row}) en {second_value:g}",
            file=staged.file(second_part), row=int(second_row), column=indicator,
        )
    con.execute(_sql("observations"))
    con.execute(_sql("missing_cells"), {"offset": MISSING_PART_OFFSET})
    # fetchall, not fetchone: an unfinished result blocks the next `register` on this connection
    ((merged,),) = con.execute("select coalesce(sum(n - 1), 0) from observations_grouped where n > 1").fetchall()
    con.execute("drop table observations_grouped")
    con.execute("drop table staging")
    con.unregister("_parts")
    con.unregister("_aliases")
    return int(merged)


def percent_codes(config: ProgrammeConfig) -> list[str]:
    return [code for code, indicator in config.indicators.items() if indicator.unit == "%"]


def merge_sources(con: duckdb.DuckDBPyConnection, sources: list[tuple[SourceStat, source_cache.Entry]],
                  config: ProgrammeConfig, progress: Progress, merged: combined_cache.Merged) -> tuple[Staged, int]:
    """`observations` and the table `missing_cells` from the sources: already in the database file when it
    started as a copy of the combined cache (`merged.duplicates` set), else staged, checked and merged (and
    cached). Returns what the build keeps of the sources and the number of merged identical duplicates."""
    aliases = config.alias_map()
    if merged.duplicates is not None:
        progress("- samengevoegde waarden uit de cache (bronnen en instellingen ongewijzigd)")
        return stage_observations(con, sources, aliases, stage=False), merged.duplicates
    staged = stage_observations(con, sources, aliases)
    sources.clear()  # sources only in memory can be large: let them go once staged
    checks.percentages_in_range((staged.file(part), row, indicator, value) for part, row, indicator, value
                                in con.execute(_sql("staging_out_of_range"),
                                               {"codes": percent_codes(config)}).fetchall())
    duplicates = combine_observations(con, staged)
    combined_cache.store(con, merged.name, duplicates)
    return staged, duplicates


def finish_staging(con: duckdb.DuckDBPyConnection) -> None:
    """Why values are missing (after the rates, which may fill a listed cell)."""
    con.execute(_sql("missing_values"))
    con.execute("drop table missing_cells")


def boundary_year_for(years: list[int], year: int) -> int:
    """The first boundary year at or after a table's indeling year, else the latest before it.

    A table in indeling 2020 may use codes that did not exist in 2019, but codes rarely vanish the year after.
    """
    later = [y for y in years if y >= year]
    return min(later) if later else max(years)


def count_unknown_regions(keys: pd.DataFrame, boundaries: pd.DataFrame, config: ProgrammeConfig) -> int:
    """Rows whose region code is not in its level's boundaries of the matching year: kept, but counted.

    `keys` holds region_code, source_id, year and n (the number of values with that key).
    """
    if boundaries.empty or keys.empty:
        return 0
    source_years = {s.id: s.boundary_year for s in config.sources}
    known = boundaries.groupby(["level", "year"])["region_code"].agg(set).to_dict()
    years_by_level: dict[str, list[int]] = {}
    for level, year in known:
        years_by_level.setdefault(level, []).append(year)
    unknown = 0
    levels = keys["region_code"].str[:2].map({"GM": "gemeente", "WK": "wijk", "BU": "buurt"})
    for (level, source_id, year), group in keys.groupby([levels, "source_id", "year"]):
        if level not in years_by_level:
            continue
        target = source_years.get(str(source_id)) or int(year)
        codes = known[(level, boundary_year_for(years_by_level[level], int(target)))]
        unknown += int(group.loc[~group["region_code"].isin(codes), "n"].sum())
    return unknown


def build_regions(codes: set[str], source_names: pd.DataFrame, boundaries: pd.DataFrame) -> pd.DataFrame:
    """Names from the latest boundary file, else from the sources, else the code itself."""
    codes = codes | set(boundaries["region_code"])
    names: dict[str, str] = dict(zip(source_names["region_code"], source_names["name"], strict=False))
    latest = boundaries.sort_values("year").drop_duplicates("region_code", keep="last")
    names.update(dict(zip(latest["region_code"], latest["name"], strict=False)))
    boundary_year = dict(zip(latest["region_code"], latest["year"], strict=False))
    rows = [
        {
            "region_code": code,
            "name": names.get(code) or code,
            "level": cbs.level_of(code),
            "parent_code": cbs.parent_of(code),
            "gemeente_code": cbs.gemeente_of(code),
            "boundary_year": boundary_year.get(code),
        }
        for code in sorted(codes)
    ]
    return pd.DataFrame(rows).astype({"boundary_year": "Int64"})


def indicator_table(
    config: ProgrammeConfig, codes: set[str], metadata: pd.DataFrame
) -> tuple[pd.DataFrame, list[str]]:
    """The catalogue, plus any indicator a source published that the catalogue lacks (labelled from metadata)."""
    rows = [
        {
            "indicator_code": ind.code, "label": ind.label, "unit": ind.unit, "theme_id": ind.theme,
            "polarity": ind.polarity, "definition": ind.definition, "source": ind.source, "licence": ind.licence,
            "decimals": ind.decimals, "aggregation": ind.aggregation, "headline": ind.headline,
            "sort_order": order, "in_catalogue": True, "lowest_level": ind.lowest_level,
            "numerator": ind.numerator, "denominator": ind.denominator, "denominator_year": ind.denominator_year,
            "per": ind.per if ind.aggregation == "rate" else None, "national_deviation": ind.national_deviation,
            "tolerance": ind.tolerance,
        }
        for order, ind in enumerate(config.indicators.values())
    ]
    meta = metadata.drop_duplicates("indicator_code").set_index("indicator_code")
    extra = sorted(codes - set(config.indicators))
    for order, code in enumerate(extra, start=len(rows)):
        label = meta["label"].get(code) if code in meta.index else None
        rows.append({
            "indicator_code": code, "label": label if isinstance(label, str) and label else code,
            "unit": str(meta["unit"].get(code) or "") if code in meta.index else "", "theme_id": None,
            "polarity": "neutral", "definition": "", "source": "", "licence": "", "decimals": 1,
            "aggregation": "none", "headline": False, "sort_order": order, "in_catalogue": False,
            "lowest_level": "buurt", "numerator": None, "denominator": None, "denominator_year": None, "per": None,
            "national_deviation": None, "tolerance": None,
        })
    return pd.DataFrame(rows).astype({"denominator_year": "Int64", "per": "float64", "tolerance": "float64",
                                      "numerator": "object", "denominator": "object",
                                      "national_deviation": "object"}), extra


def map_years(boundaries: pd.DataFrame, area_year: int) -> pd.DataFrame:
    """The boundary year each level's map uses: the one matching the renewal areas' buurt codes."""
    rows = [
        {"level": level, "year": boundary_year_for(sorted(set(group["year"])), area_year)}
        for level, group in boundaries.groupby("level")
    ]
    return pd.DataFrame(rows, columns=["level", "year"]).astype({"year": "int64"})


def _sql(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def write_tables(con: duckdb.DuckDBPyConnection, tables: dict[str, pd.DataFrame]) -> None:
    for name, frame in tables.items():
        con.register("_frame", frame)
        con.execute(f'create table "{name}" as select * from _frame')
        con.unregister("_frame")


def build(options: BuildOptions, progress: Progress = print) -> BuildSummary:
    started = time.perf_counter()
    outer = progress

    def progress(line: str) -> None:
        outer(f"[{time.perf_counter() - started:5.1f} s] {line}")

    config = with_fetched_sources(load_config(options.config_dir, options.boundaries), options.source)
    gemeente = options.gemeente or config.gemeente_code
    if not cbs.is_region_code(gemeente) or not gemeente.startswith("GM"):
        raise BuildError(f"gemeentecode {gemeente!r} is ongeldig; verwacht GM gevolgd door vier cijfers",
                         column="--gemeente")
    options.db.parent.mkdir(parents=True, exist_ok=True)
    tmp = options.db.with_name(f".{options.db.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    con: duckdb.DuckDBPyConnection | None = None
    try:
        progress(f"Wijkmonitor {__version__}: bouwen voor {gemeente} uit {options.source}")
        row_filter = None if options.all_regions else gemeente
        # Every source first (cheap from the cache): the combined cache, when it holds this build, is the start
        # of the new database file.
        sources = list(iter_sources(config, options.source, row_filter, progress, options.workers))
        merged = combined_cache.Merged(combined_cache.key(
            [(entry.key, stat.source_id, stat.boundary_year) for stat, entry in sources], config.alias_map(),
            percent_codes(config)))
        merged.duplicates = combined_cache.restore(merged.name, tmp)
        # A national build must stay under 1 GB: DuckDB spills its big group-by to disk rather than grow.
        con = duckdb.connect(str(tmp), config={"memory_limit": "500MB", "preserve_insertion_order": False})
        summary = _build_into(con, config, gemeente, options, progress, sources, merged)
        con.close()
        os.replace(tmp, options.db)
    finally:
        if con is not None:
            con.close()
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)
    summary.seconds = time.perf_counter() - started
    return summary


def _build_into(
    con: duckdb.DuckDBPyConnection, config: ProgrammeConfig, gemeente: str, options: BuildOptions,
    progress: Progress, sources: list[tuple[SourceStat, source_cache.Entry]], merged: combined_cache.Merged,
) -> BuildSummary:
    summary = BuildSummary(db=options.db, gemeente=gemeente)
    staged, summary.identical_duplicates = merge_sources(con, sources, config, progress, merged)
    summary.sources, source_names, metadata = staged.stats, staged.regions, staged.metadata
    rates = add_rates(con, config)
    finish_staging(con)
    keys = con.execute(_sql("observation_keys")).df()
    if not (keys["region_code"] == gemeente).any():
        raise BuildError(f"geen enkele waarde gevonden voor gemeente {gemeente} in de bronnen",
                         column="--gemeente")
    summary.observations = int(keys["n"].sum())
    progress(f"- {summary.observations:,} waarden samengevoegd ({rates:,} verhoudingscijfers berekend)")
    if _is_url(options.source):
        boundaries, boundary_files = pd.DataFrame(columns=["region_code", "name", "level", "year", "geojson",
                                                           "lon", "lat"]), []
    else:
        boundaries, boundary_files = read_boundaries(Path(options.source), config.boundaries, gemeente,
                                                     notes=summary.notes)
    progress(f"- grenzen: {len(boundaries):,} vlakken uit {len(boundary_files)} bestanden")
    for path in boundary_files:
        summary.sources.append(SourceStat("grenzen", "boundaries", str(path), sha256_of(path), 0, 0))
    summary.unknown_region_rows = count_unknown_regions(keys, boundaries, config)
    region_codes = set(keys["region_code"])
    lists = buurt_lists(con, boundaries, config)
    if gemeente == config.gemeente_code:
        check_areas(config, lists, region_codes)
    regions = build_regions(region_codes, source_names, boundaries)
    names = dict(zip(regions["region_code"], regions["name"], strict=True))
    indicator_codes = {str(c) for c in con.execute("select distinct indicator_code from observations").fetchall()
                       for c in c}
    indicators, summary.uncatalogued = indicator_table(config, indicator_codes, metadata)
    data_years = sorted(int(y) for (y,) in con.execute(
        "select distinct boundary_year from observations").fetchall())
    observed = {int(y): set(codes) for y, codes in con.execute(
        "select boundary_year, list(distinct region_code) from observations where region_code like 'WK%' "
        "group by boundary_year").fetchall()}
    versions = definition_versions(config, gemeente, lists, data_years, names)
    gemeente_name = regions.loc[regions["region_code"] == gemeente, "name"]
    meta = {
        "schema_version": str(SCHEMA_VERSION),
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "tool_version": __version__,
        "gemeente_code": gemeente,
        "gemeente_name": str(gemeente_name.iloc[0]) if len(gemeente_name) else gemeente,
        "source": str(options.source),
        "all_regions": str(options.all_regions).lower(),
        "unknown_region_rows": str(summary.unknown_region_rows),
        "gap_tolerance": str(config.stable_tolerance),
        "min_population_named": str(config.min_population_named),
        "weight_indicator": config.weight_indicator,
        "boundary_licence": config.boundaries.licence,
    }
    goals = read_goals(config, options.config_dir, gemeente)
    tables = {
        "build_meta": pd.DataFrame(list(meta.items()), columns=["key", "value"]),
        "build_info": build_info(config, meta, goals),
        "build_sources": pd.DataFrame([vars(s) for s in summary.sources],
                                      columns=["source_id", "adapter", "path", "sha256", "rows", "values",
                                               "boundary_year"]).astype({"boundary_year": "Int64"}),
        "regions": regions,
        "boundaries": boundaries,
        "themes": pd.DataFrame([{"theme_id": t.id, "name": t.name, "subgoals": t.subgoals, "nplv": t.nplv,
                                 "wanted_sources": ";".join(t.wanted_sources), "sort_order": i}
                                for i, t in enumerate(config.themes)]),
        "programmes": pd.DataFrame([{"programme_id": p.id, "name": p.name, "kind": p.kind, "period": p.period,
                                     "budget_eur": p.budget_eur, "budget_note": p.budget_note, "sort_order": i}
                                    for i, p in enumerate(config.programmes)]).astype({"budget_eur": "float64"}),
        "indicators": indicators,
        "age_groups": pd.DataFrame([{"age_group": k, "label": v, "sort_order": i}
                                    for i, (k, v) in enumerate(AGE_LABELS.items())]),
        "map_years": map_years(boundaries, config.area_boundary_year),
        **area_tables(config, gemeente, data_years),
        "unit_members": unit_members(config, lists, gemeente),
        "area_wijk_coverage": wijk_coverage(config, gemeente, lists, names),
        "gemeente_wijken": gemeente_wijken(boundaries, lists, gemeente, data_years, observed),
        "definition_versions": versions.versions,
        "definition_changes": versions.changes,
        **goal_tables(goals),
    }
    buurten = set(regions.loc[regions["level"] == "buurt", "region_code"])
    tables.update(register_tables(config, options.config_dir, gemeente, buurten, set(indicators["indicator_code"]),
                                  progress))
    # Partners belong to the configured municipality, as the registers do.
    partners = read_partners(options.config_dir) if gemeente == config.gemeente_code else Partners()
    tables["partners"] = partner_table(partners)
    tables["intervention_partners"] = intervention_partners(tables["interventions"], partners, options.config_dir,
                                                            progress)
    summary.regions = len(regions)
    summary.boundaries = len(boundaries)
    progress("- tabellen schrijven en kloven berekenen")
    write_tables(con, tables)
    counts = derived_tables(con, config, gemeente)
    write_tables(con, {"coverage": coverage_table(con, config, gemeente, goals)})
    build_comparison(con, config, options.source, options.config_dir, gemeente, progress,
                     names=lambda: national_names(config, options.source))
    con.execute("checkpoint")
    summary.area_values, summary.gaps = counts["area_values"], counts["gaps"]
    return summary
