"""Build step: the programme's own tables: goals as they were at build time, coverage per theme and goal, and
the one-row `build_info`.

The goals are read here through `wijkmonitor.goals.config.load_goals`, so pages read them from the database
and always see the goals that belong to the figures on screen.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from wijkmonitor.config import ProgrammeConfig
from wijkmonitor.errors import BuildError, DataUnavailable
from wijkmonitor.goals.config import Catalogue, GoalsConfig, Thresholds, load_goals

LEVEL_ORDER = ("buurt", "wijk", "gemeente", "area")
GOAL_COLUMNS = ["goal_id", "title", "theme_id", "indicator_code", "age_group", "areas", "all_areas",
                "baseline_year", "target_year", "target_type", "target", "partners", "example", "note",
                "sort_order"]
COVERAGE_COLUMNS = ["theme_id", "goal_id", "indicator_code", "levels", "years", "first_year", "newest_year",
                    "has_figures", "wanted_sources", "note", "sort_order"]


def read_goals(config: ProgrammeConfig, config_dir: Path, gemeente: str) -> GoalsConfig | None:
    """The goals of the configured municipality; None without goals.toml or for another gemeente."""
    path = config_dir / "goals.toml"
    if gemeente != config.gemeente_code or not path.exists():
        return None
    try:
        return load_goals(Catalogue.from_config(config), path)
    except DataUnavailable as exc:
        raise BuildError(str(exc), file=path) from exc


def goal_tables(goals: GoalsConfig | None) -> dict[str, pd.DataFrame]:
    rows = [] if goals is None else [
        {"goal_id": g.id, "title": g.title, "theme_id": g.theme, "indicator_code": g.indicator,
         "age_group": g.age_group, "areas": ";".join(g.areas), "all_areas": g.all_areas,
         "baseline_year": g.baseline_year, "target_year": g.target_year, "target_type": g.target_type,
         "target": float(g.target), "partners": ";".join(g.partners), "example": g.example, "note": g.note,
         "sort_order": i}
        for i, g in enumerate(goals.goals)
    ]
    # The partners that own at least one goal (the whole list is the `partners` table).
    used = set() if goals is None else {p for g in goals.goals for p in g.partners}
    partners = [] if goals is None else [
        {"partner_id": p.id, "name": p.name, "kind": p.kind, "sort_order": i}
        for i, p in enumerate(goals.partners) if p.id in used
    ]
    return {
        "goals": pd.DataFrame(rows, columns=GOAL_COLUMNS).astype(
            {"all_areas": "bool", "example": "bool", "target": "float64"}),
        "goal_partners": pd.DataFrame(partners, columns=["partner_id", "name", "kind", "sort_order"]),
    }


def coverage_table(con: duckdb.DuckDBPyConnection, config: ProgrammeConfig, gemeente: str,
                   goals: GoalsConfig | None) -> pd.DataFrame:
    """Per theme and per goal: which indicators have figures, for which years and levels, and the newest edition.
    A theme without figures gets one row with `has_figures` false naming the sources that would fill it."""
    found = con.execute(
        "select o.indicator_code, r.level, o.year from observations as o "
        "inner join regions as r on r.region_code = o.region_code "
        "where r.gemeente_code = $gemeente and r.level in ('buurt', 'wijk') group by all "
        "union select indicator_code, 'gemeente', year from city_values group by all "
        "union select indicator_code, 'area', year from area_values group by all",
        {"gemeente": gemeente},
    ).df()
    per_indicator: dict[str, tuple[str, str, int, int]] = {}
    for code, group in found.groupby("indicator_code"):
        levels = ";".join(level for level in LEVEL_ORDER if level in set(group["level"]))
        years = sorted({int(y) for y in group["year"]})
        per_indicator[str(code)] = (levels, ";".join(map(str, years)), years[0], years[-1])
    rows: list[dict[str, object]] = []

    def add(theme_id: str, goal_id: str | None, codes: list[str], wanted: tuple[str, ...]) -> None:
        with_figures = [c for c in codes if c in per_indicator]
        for code in with_figures:
            levels, years, first, newest = per_indicator[code]
            rows.append({"theme_id": theme_id, "goal_id": goal_id, "indicator_code": code, "levels": levels,
                         "years": years, "first_year": first, "newest_year": newest, "has_figures": True,
                         "wanted_sources": ";".join(wanted), "note": "", "sort_order": len(rows)})
        if not with_figures:
            note = "Voor dit thema zijn nog geen cijfers in de monitor." if goal_id is None else (
                "Voor de indicator van dit doel zijn nog geen cijfers in de monitor.")
            if wanted:
                note += " Bronnen die het zouden vullen: " + "; ".join(wanted) + "."
            rows.append({"theme_id": theme_id, "goal_id": goal_id, "indicator_code": codes[0] if codes else None,
                         "levels": "", "years": "", "first_year": None, "newest_year": None, "has_figures": False,
                         "wanted_sources": ";".join(wanted), "note": note, "sort_order": len(rows)})

    wanted_by_theme = {t.id: t.wanted_sources for t in config.themes}
    for theme in config.themes:
        add(theme.id, None, [c for c, i in config.indicators.items() if i.theme == theme.id], theme.wanted_sources)
    for goal in goals.goals if goals else ():
        add(goal.theme, goal.id, [goal.indicator], wanted_by_theme.get(goal.theme, ()))
    return pd.DataFrame(rows, columns=COVERAGE_COLUMNS).astype(
        {"first_year": "Int64", "newest_year": "Int64", "has_figures": "bool"})


def build_info(config: ProgrammeConfig, meta: dict[str, str], goals: GoalsConfig | None) -> pd.DataFrame:
    """One row with what pages used to read from configuration or hard-code."""
    thresholds = goals.thresholds if goals else Thresholds()
    return pd.DataFrame([{
        "schema_version": int(meta["schema_version"]),
        "built_at": meta["built_at"],
        "tool_version": meta["tool_version"],
        "gemeente_code": meta["gemeente_code"],
        "gemeente_name": meta["gemeente_name"],
        "is_configured_gemeente": meta["gemeente_code"] == config.gemeente_code,
        "source": meta["source"],
        "all_regions": meta["all_regions"] == "true",
        "weight_indicator": config.weight_indicator,
        "gap_tolerance": float(config.stable_tolerance),
        "area_boundary_year": config.area_boundary_year,
        "area_boundary_years": ";".join(str(y) for y in config.area_years()),
        "boundary_licence": config.boundaries.licence,
        "unknown_region_rows": int(meta["unknown_region_rows"]),
        "goals_on_track": float(thresholds.on_track),
        "goals_at_risk": float(thresholds.at_risk),
    }])
