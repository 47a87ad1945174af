"""Build step: the comparison groups and their figures, written as `comparison_*` tables.

Called once from `wijkmonitor.build` after the gaps are computed. Everything a page needs is stored here (the
group, its balance at the baseline, its value per indicator and edition, and the verdict), so pages only read.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from wijkmonitor.comparison import matching
from wijkmonitor.comparison.pool import Pool, load_pool, source_files
from wijkmonitor.comparison.settings import ComparisonSettings, load_settings
from wijkmonitor.comparison.wording import in_sentence
from wijkmonitor.config import Area, ProgrammeConfig
from wijkmonitor.errors import BuildError
from wijkmonitor.texts import comparison as txt

Progress = Callable[[str], None]

AREA_COLUMNS = ["area_id", "baseline_year", "age_group", "indicators", "k", "n_members", "n_members_matched",
                "group_size", "mean_distance", "max_distance", "max_abs_smd", "verdict", "reason", "method",
                "weight_year"]
GROUP_COLUMNS = ["area_id", "buurt_code", "name", "gemeente_code", "gemeente_name", "wijk_code", "wijk_name",
                 "wijk_name_year", "label", "matched_to", "distance", "rank", "weight"]
BALANCE_COLUMNS = ["area_id", "indicator_code", "age_group", "year", "area_value", "group_value", "national_mean",
                   "national_sd", "smd", "balanced"]
VALUE_COLUMNS = ["area_id", "indicator_code", "age_group", "year", "value", "n_buurten", "group_size"]
# Column types, so that a skipped comparison still writes typed (empty) tables the queries can read.
TYPES: dict[str, dict[str, str]] = {
    "comparison_areas": {"area_id": "VARCHAR", "baseline_year": "INTEGER", "age_group": "VARCHAR",
                         "indicators": "VARCHAR", "k": "INTEGER", "n_members": "INTEGER",
                         "n_members_matched": "INTEGER", "group_size": "INTEGER", "mean_distance": "DOUBLE",
                         "max_distance": "DOUBLE", "max_abs_smd": "DOUBLE", "verdict": "VARCHAR",
                         "reason": "VARCHAR", "method": "VARCHAR", "weight_year": "INTEGER"},
    "comparison_groups": {"area_id": "VARCHAR", "buurt_code": "VARCHAR", "name": "VARCHAR",
                          "gemeente_code": "VARCHAR", "gemeente_name": "VARCHAR", "wijk_code": "VARCHAR",
                          "wijk_name": "VARCHAR", "wijk_name_year": "INTEGER", "label": "VARCHAR",
                          "matched_to": "VARCHAR",
                          "distance": "DOUBLE", "rank": "INTEGER", "weight": "DOUBLE"},
    "comparison_balance": {"area_id": "VARCHAR", "indicator_code": "VARCHAR", "age_group": "VARCHAR",
                           "year": "INTEGER", "area_value": "DOUBLE", "group_value": "DOUBLE",
                           "national_mean": "DOUBLE", "national_sd": "DOUBLE", "smd": "DOUBLE",
                           "balanced": "BOOLEAN"},
    "comparison_values": {"area_id": "VARCHAR", "indicator_code": "VARCHAR", "age_group": "VARCHAR",
                          "year": "INTEGER", "value": "DOUBLE", "n_buurten": "INTEGER", "group_size": "INTEGER"},
    "comparison_meta": {"key": "VARCHAR", "value": "VARCHAR"},
}


@dataclass
class ComparisonResult:
    areas: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=AREA_COLUMNS))
    groups: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=GROUP_COLUMNS))
    balance: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=BALANCE_COLUMNS))
    values: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=VALUE_COLUMNS))
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    """What the matching needs besides the pool: who may not be in a group, and the member weights."""

    excluded: frozenset[str]  # buurten of every renewal area in the configuration
    own_gemeente: str | None  # the focus gemeente's code when all its buurten are left out
    population: dict[str, float]  # latest known population per buurt code
    weights: dict[str, dict[int, float]]  # buurt code -> year -> weight (the build's weight indicator)
    labels: dict[str, str]  # indicator code -> label, for the reasons people read


def build_tables(con: duckdb.DuckDBPyConnection, config: ProgrammeConfig, source: str, config_dir: Path,
                 gemeente: str, progress: Progress, names: Callable[[], pd.DataFrame] | None = None) -> None:
    """The one call from the build: compute and write the tables (empty, with the reason, when skipped).
    `names` gives the national wijk and gemeente names (region_code, name, boundary_year), read only when a
    group is formed."""
    started, cpu_started = time.perf_counter(), time.process_time()
    result = compute(con, config, source, config_dir, gemeente, progress, names)
    write_tables(con, result)
    seconds = time.perf_counter() - started
    # CPU time beside wall time: on a shared machine the wall time says more about the neighbours.
    cpu = time.process_time() - cpu_started
    shown = int((result.areas["verdict"] == "ok").sum()) if len(result.areas) else 0
    # benchmarks/run.py reads this line for the comparison step's time: keep "vergelijkingsgroepen" and "in".
    progress(f"- vergelijkingsgroepen: {len(result.areas)} gebieden, {shown} met een vergelijking, "
             f"pool {result.meta.get('pool_cache', 'niet gelezen')}, cpu {cpu:.2f} s, in {seconds:.2f} s")


def compute(con: duckdb.DuckDBPyConnection, config: ProgrammeConfig, source: str, config_dir: Path,
            gemeente: str, progress: Progress,
            names: Callable[[], pd.DataFrame] | None = None) -> ComparisonResult:
    settings = load_settings(config_dir)
    if settings is None:
        return ComparisonResult(meta={"skipped": txt.SKIP_NO_SETTINGS})
    areas = config.areas if gemeente == config.gemeente_code else ()
    if not areas:
        return ComparisonResult(meta={"skipped": txt.SKIP_NO_AREAS})
    spec = next((s for s in config.sources if s.id == settings.source), None)
    if spec is None:
        raise BuildError(f"bron {settings.source!r} staat niet in sources.toml", file=settings.file,
                         column="comparison.source")
    if source.startswith(("http://", "https://")):
        return ComparisonResult(meta={"skipped": txt.SKIP_URL})
    files = source_files(Path(source), spec.paths)
    if not files:
        return ComparisonResult(meta={"skipped": txt.SKIP_NO_FILES.format(source=spec.id,
                                                                          patterns=", ".join(spec.paths))})
    pool = load_pool(files, spec.id, progress)
    context = load_context(con, config, settings, gemeente)
    result = match_areas(con, pool, areas, settings, context)
    if len(result.groups):
        result.groups = label_groups(result.groups, names() if names is not None else None, spec.boundary_year)
    result.meta.update({
        "source": spec.id,
        "files": str(len(files)),
        "pool_cache": "uit de cache" if pool.from_cache else "gelezen en in de cache gezet",
        "gemeente_code": gemeente,
        # the limits the verdicts used, so pages can say them without reading the configuration
        "max_abs_smd": f"{settings.max_abs_smd:g}",
        "min_group_size": str(settings.min_group_size),
    })
    return result


def load_context(con: duckdb.DuckDBPyConnection, config: ProgrammeConfig, settings: ComparisonSettings,
                 gemeente: str) -> Context:
    excluded = {b for area in config.areas for b in area.buurten}
    population = dict(con.execute(
        "select region_code, arg_max(value, year) from observations "
        "where indicator_code = $indicator and age_group = 'totaal' and region_code like 'BU%' group by 1",
        {"indicator": settings.population_indicator},
    ).fetchall())
    weights: dict[str, dict[int, float]] = {}
    for code, year, weight in con.execute(
        "select region_code, year, value from observations "
        "where indicator_code = $indicator and age_group = 'totaal' and value > 0 and region_code like 'BU%'",
        {"indicator": config.weight_indicator},
    ).fetchall():
        weights.setdefault(code, {})[int(year)] = float(weight)
    own = gemeente if settings.exclude_own_gemeente else None
    labels = {code: in_sentence(ind.label) for code, ind in config.indicators.items()}
    return Context(frozenset(excluded), own, population, weights, labels)


def member_weights(members: list[str], weights: dict[str, dict[int, float]], year: int) -> tuple[pd.Series,
                                                                                               int | None]:
    """The members' population in the year nearest the baseline in which every member has one (ties: earlier),
    the same rule as the area values; equal weights when no such year exists."""
    years = set.intersection(*(set(weights.get(m, {})) for m in members))
    if not years:
        return pd.Series(1.0, index=members), None
    chosen = min(years, key=lambda y: (abs(y - year), y))
    return pd.Series([weights[m][chosen] for m in members], index=members), chosen


def candidate_mask(codes: pd.Index, context: Context, settings: ComparisonSettings) -> tuple[np.ndarray, str]:
    in_area = codes.isin(list(context.excluded))
    in_own = (codes.str[2:6] == context.own_gemeente[2:6]) if context.own_gemeente else np.zeros(len(codes), bool)
    population = np.array([context.population.get(c, np.nan) for c in codes.tolist()], dtype=float)
    known = ~np.isnan(population)
    small = known & (np.nan_to_num(population) < settings.min_population)
    keep = ~(np.asarray(in_area) | np.asarray(in_own) | small)
    note = txt.POPULATION_NOTE.format(minimum=settings.min_population, indicator=settings.population_indicator,
                                      known=int(known.sum()), excluded=int(small.sum()),
                                      unknown=int((~known).sum()))
    return keep, note


@dataclass(frozen=True)
class Baseline:
    """One edition's matching data, shared by every area with that baseline year."""

    complete: pd.DataFrame  # buurten with every matching figure (rows) x matching indicators
    position: dict[str, int]  # buurt code -> row in complete
    mean: pd.Series
    sd: pd.Series
    z: np.ndarray  # complete, standardised
    candidates: np.ndarray  # row numbers allowed in a group
    note: str


def prepare_baseline(wide: pd.DataFrame, settings: ComparisonSettings, context: Context) -> Baseline | str:
    """The national profiles of one edition, standardised over every buurt that has them; or the missing
    indicator's code."""
    missing = [i for i in settings.indicators if i not in wide.columns]
    if missing:
        return missing[0]
    complete = wide[list(settings.indicators)].dropna()
    z, mean, sd = matching.standardise(complete, complete)
    keep, note = candidate_mask(complete.index, context, settings)
    candidates = np.flatnonzero(keep)
    return Baseline(complete, {c: i for i, c in enumerate(complete.index.tolist())}, mean, sd, z.to_numpy(), candidates,
                    f"{len(complete)} buurten met alle matchingcijfers, {len(candidates)} kandidaten; {note}")


def match_areas(con: duckdb.DuckDBPyConnection, pool: Pool, areas: tuple[Area, ...],
                settings: ComparisonSettings, context: Context) -> ComparisonResult:
    editions = pool.editions(settings.age_group)
    result = ComparisonResult()
    area_rows, group_parts, balance_rows = [], [], []
    baselines: dict[int, Baseline | str] = {}
    for area in areas:
        year = max((y for y in editions if y <= area.first_year), default=None)
        row: dict[str, object] = {
            "area_id": area.id, "baseline_year": year, "age_group": settings.age_group,
            "indicators": ";".join(settings.indicators), "k": settings.k, "n_members": len(area.buurten),
            "n_members_matched": 0, "group_size": 0, "verdict": "geen_basis",
        }
        area_rows.append(row)
        if year is None:
            row["reason"] = txt.VERDICT_NO_BASELINE.format(first_year=area.first_year)
            continue
        if year not in baselines:
            baselines[year] = prepare_baseline(pool.profiles(year, settings.age_group, settings.indicators),
                                               settings, context)
        base = baselines[year]
        if isinstance(base, str):
            row["reason"] = txt.VERDICT_MISSING_INDICATOR.format(indicator=base, year=year)
            continue
        result.meta[f"pool_{year}"] = base.note
        members = [b for b in area.buurten if b in base.position]
        if not members:
            row["reason"] = txt.VERDICT_NO_MEMBERS.format(area=area.name, year=year)
            continue
        weights, weight_year = member_weights(members, context.weights, year)
        group = match_members(base, members, weights, settings.k)
        group_parts.append(group.assign(area_id=area.id, rank=range(1, len(group) + 1)))
        member_values = base.complete.loc[members]
        group_values_ = base.complete.loc[group["candidate"]]
        w_members = weights.fillna(0.0).to_numpy()
        area_mean = member_values.mul(w_members, axis=0).sum() / w_members.sum()
        group_mean = group_values_.mul(group["weight"].to_numpy(), axis=0).sum() / group["weight"].sum()
        smd = (area_mean - group_mean) / base.sd
        for indicator in settings.indicators:
            balance_rows.append({
                "area_id": area.id, "indicator_code": indicator, "age_group": settings.age_group, "year": year,
                "area_value": float(area_mean[indicator]), "group_value": float(group_mean[indicator]),
                "national_mean": float(base.mean[indicator]), "national_sd": float(base.sd[indicator]),
                "smd": float(smd[indicator]), "balanced": bool(abs(smd[indicator]) <= settings.max_abs_smd),
            })
        worst_indicator = str(smd.abs().idxmax())
        worst_abs = float(smd.abs().max())
        row.update({
            "n_members_matched": len(members), "group_size": len(group),
            "mean_distance": float(np.average(group["distance"], weights=group["weight"])),
            "max_distance": float(group["distance"].max()), "max_abs_smd": worst_abs,
            "method": (txt.METHOD_WEIGHTED.format(year=weight_year) if weight_year is not None
                       else txt.METHOD_UNWEIGHTED),
            "weight_year": weight_year,
        })
        row.update(verdict(len(group), worst_abs, context.labels.get(worst_indicator, worst_indicator), year, area,
                           settings))
        if len(members) < len(area.buurten):
            row["reason"] = f"{row['reason']} " + txt.VERDICT_PARTIAL.format(
                matched=len(members), n=len(area.buurten), year=year)
    result.areas = pd.DataFrame(area_rows).reindex(columns=AREA_COLUMNS)
    if group_parts:
        groups = pd.concat(group_parts, ignore_index=True).rename(
            columns={"candidate": "buurt_code", "targets": "matched_to"})
        groups["gemeente_code"] = "GM" + groups["buurt_code"].str[2:6]
        groups["gemeente_name"] = groups["gemeente_code"].map(pool.gemeente_names)
        groups["name"] = None  # the national source names gemeenten only, not buurten
        result.groups = label_groups(groups, None, None)
        result.values = pool.group_values(con, result.groups)
    result.balance = pd.DataFrame(balance_rows, columns=BALANCE_COLUMNS)
    return result


def label_groups(groups: pd.DataFrame, names: pd.DataFrame | None, indeling: int | None) -> pd.DataFrame:
    """Give every group buurt a label a reader can place: the national source names no buurten, so the buurt is
    "buurt in wijk <wijk>, <gemeente>", the wijk named from the national file whose indeling is nearest to the
    pool's (`indeling`, ties: the later one) and that year stated when it differs; never a bare code.
    `names`: region_code, name, boundary_year (None: gemeente names only)."""
    groups = groups.copy()
    groups["wijk_code"] = "WK" + groups["buurt_code"].str[2:8]
    known = names if names is not None else pd.DataFrame(columns=["region_code", "name", "boundary_year"])
    known = known.dropna(subset=["name"])
    known = known[known["name"].astype(str).str.strip() != ""]

    def nearest(level_codes: pd.Series) -> tuple[dict[str, str], dict[str, int | None]]:
        rows = known[known["region_code"].isin(set(level_codes))].copy()
        target = indeling if indeling is not None else 0
        year = rows["boundary_year"].astype("float64")
        rows["_distance"] = (year - target).abs().fillna(1e9)
        rows["_later"] = -year.fillna(0)
        rows = rows.sort_values(["region_code", "_distance", "_later"]).drop_duplicates("region_code")
        return (dict(zip(rows["region_code"], rows["name"].astype(str).str.strip(), strict=True)),
                {c: (None if pd.isna(y) else int(y)) for c, y in zip(rows["region_code"], rows["boundary_year"],
                                                                      strict=True)})

    wijk_names, wijk_years = nearest(groups["wijk_code"])
    gemeente_names, _ = nearest(groups["gemeente_code"])
    groups["wijk_name"] = groups["wijk_code"].map(wijk_names)
    groups["wijk_name_year"] = groups["wijk_code"].map(wijk_years).astype("Int64")
    missing_gemeente = groups["gemeente_name"].isna()
    groups.loc[missing_gemeente, "gemeente_name"] = groups.loc[missing_gemeente, "gemeente_code"].map(gemeente_names)
    labels = []
    for row in groups.itertuples(index=False):
        gemeente = row.gemeente_name if isinstance(row.gemeente_name, str) else None
        wijk = row.wijk_name if isinstance(row.wijk_name, str) else None
        year = None if pd.isna(row.wijk_name_year) else int(row.wijk_name_year)
        if wijk and gemeente:
            labels.append((txt.GROUP_LABEL_WIJK if year in (None, indeling) else txt.GROUP_LABEL_WIJK_YEAR).format(
                wijk=wijk, gemeente=gemeente, year=year))
        elif gemeente:
            labels.append(txt.GROUP_LABEL_GEMEENTE.format(gemeente=gemeente))
        else:
            labels.append(txt.GROUP_LABEL_CODE.format(code=row.buurt_code))
    groups["label"] = labels
    return groups[GROUP_COLUMNS]


def match_members(base: Baseline, members: list[str], weights: pd.Series, k: int) -> pd.DataFrame:
    rows = [base.position[m] for m in members]
    index, distance = matching.nearest(base.z[rows], base.z[base.candidates], k)
    matches = pd.DataFrame({
        "target": np.repeat(members, index.shape[1]),
        "candidate": base.complete.index.to_numpy()[base.candidates[index.ravel()]],
        "distance": distance.ravel(),
    })
    return matching.neighbour_weights(matches, weights)


def verdict(size: int, worst_abs: float, worst_indicator: str, year: int, area: Area,
            settings: ComparisonSettings) -> dict[str, str]:
    places = 2
    # A difference just over the limit must not print as the limit itself ("0,25 (grens 0,25)").
    while places < 4 and worst_abs > settings.max_abs_smd and round(worst_abs, places) <= settings.max_abs_smd:
        places += 1
    smd_text = f"{worst_abs:.{places}f}".replace(".", ",")
    if size < settings.min_group_size:
        return {"verdict": "te_klein",
                "reason": txt.VERDICT_TOO_SMALL.format(n=size, minimum=settings.min_group_size)}
    if worst_abs > settings.max_abs_smd:
        return {"verdict": "slechte_match", "reason": txt.VERDICT_POOR.format(
            year=year, area=area.name, indicator=worst_indicator, smd=smd_text,
            limit=f"{settings.max_abs_smd:g}".replace(".", ","))}
    return {"verdict": "ok", "reason": txt.VERDICT_OK.format(n=size, year=year, area=area.name, smd=smd_text)}


def write_tables(con: duckdb.DuckDBPyConnection, result: ComparisonResult) -> None:
    tables = {
        "comparison_areas": result.areas,
        "comparison_groups": result.groups,
        "comparison_balance": result.balance,
        "comparison_values": result.values,
        "comparison_meta": pd.DataFrame(sorted(result.meta.items()), columns=["key", "value"]),
    }
    for name, frame in tables.items():
        types = TYPES[name]
        columns = ", ".join(f'"{c}" {t}' for c, t in types.items())
        con.execute(f'create or replace table "{name}" ({columns})')
        if len(frame):
            con.register("_comparison", frame[list(types)])
            con.execute(f'insert into "{name}" select * from _comparison')
            con.unregister("_comparison")
