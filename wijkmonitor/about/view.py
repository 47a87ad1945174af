"""Tables for the Over de data page: the catalogue behind every profile and goal, its editions, the build.

Pure pandas on the over_* queries: Dutch column names and words for codes; no Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from wijkmonitor.common import fmt
from wijkmonitor.texts import doelen as doelen_txt
from wijkmonitor.texts import over as txt


def catalogue_table(catalogue: pd.DataFrame, age_labels: Mapping[str, str]) -> pd.DataFrame:
    ages = catalogue["age_groups"].fillna("").map(
        lambda codes: ", ".join(age_labels.get(c, c) for c in codes.split(";") if c)
    )
    return pd.DataFrame({
        txt.COL_THEME: catalogue["theme_name"],
        txt.COL_INDICATOR: catalogue["label"],
        txt.COL_CODE: catalogue["indicator_code"],
        txt.COL_UNIT: catalogue["unit"],
        txt.COL_POLARITY: catalogue["polarity"].map(txt.POLARITY),
        txt.COL_AGGREGATION: catalogue["aggregation"].map(txt.AGGREGATION),
        txt.COL_DEFINITION: catalogue["definition"],
        txt.COL_SOURCE: catalogue["source"],
        txt.COL_LICENCE: catalogue["licence"],
        txt.COL_AGES: ages,
        txt.COL_YEARS: catalogue["years"],
    }).reset_index(drop=True)


def attribution(catalogue: pd.DataFrame, boundary_licence: str | None) -> list[str]:
    """One line per distinct source and licence, as it should be credited."""
    pairs = catalogue[["source", "licence"]].drop_duplicates()
    lines = [f"{s} — {lic}" for s, lic in zip(pairs["source"], pairs["licence"], strict=True) if s]
    if boundary_licence:
        lines.append(boundary_licence)
    return lines


def _with_count(years: Any, n: Any) -> str:
    """'2012, 2016, 2020 (128 in 2020)': the years, and how many units have a value in the latest one."""
    if years is None or pd.isna(years):
        return ""
    if n is None or pd.isna(n):
        return str(years)
    return txt.UNITS_IN_LATEST.format(years=years, n=int(n), latest=str(years).split(", ")[-1])


def editions_table(editions: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for row in editions.to_dict("records"):
        rows.append({
            txt.COL_INDICATOR: row["label"],
            txt.COL_AGE: row["age_label"],
            txt.COL_GEMEENTE: row["years_gemeente"] or "",
            txt.COL_WIJK: _with_count(row["years_wijk"], row["n_wijk"]),
            txt.COL_BUURT: _with_count(row["years_buurt"], row["n_buurt"]),
            txt.COL_AREA: _with_count(row["years_area"], row["n_area"]),
        })
    return pd.DataFrame.from_records(rows)


def boundaries_table(boundaries: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        txt.COL_LEVEL: boundaries["level"].map(lambda level: txt.LEVELS.get(level, level)),
        txt.COL_BOUNDARY_YEARS: boundaries["years"],
        txt.COL_MAP_YEAR: boundaries["map_year"].astype("Int64").astype(str),
    })


def sources_table(sources: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        txt.COL_SOURCE_ID: sources["source_id"],
        txt.COL_ADAPTER: [txt.ADAPTER_NAMES.get(str(a), str(a)) for a in sources["adapter"]],
        txt.COL_PATH: sources["path"],
        txt.COL_SHA: sources["sha256"],
        txt.COL_ROWS: sources["rows"].map(lambda n: fmt.number(n, 0, missing=fmt.DASH)),
        txt.COL_VALUES: sources["values"].map(lambda n: fmt.number(n, 0, missing=fmt.DASH)),
    })


def build_facts(meta: Mapping[str, str]) -> pd.DataFrame:
    """When, with which version, for which gemeente and from which folder the data were built."""
    weight = meta.get("weight_indicator", "")
    values = {
        "built_at": fmt.moment(meta.get("built_at")), "version": meta.get("tool_version", "?"),
        "schema": meta.get("schema_version", "?"), "gemeente": meta.get("gemeente_name", "?"),
        "code": meta.get("gemeente_code", "?"), "source": meta.get("source", "?"),
        "weight": f"inwoners ({weight})" if weight else "?",
        "tolerance": fmt.number(float(meta.get("gap_tolerance", "0.5")), 1, missing=fmt.DASH),
    }
    return pd.DataFrame([(label, value.format(**values)) for label, value in txt.BUILD_FACTS],
                        columns=["", " "])


def _method(n_weighted: int, n_unweighted: int) -> str:
    if n_unweighted and n_weighted:
        return txt.METHOD_MIXED
    return txt.METHOD_UNWEIGHTED if n_unweighted else txt.METHOD_WEIGHTED


def weighting_table(weighting: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for row in weighting.to_dict("records"):
        rows.append({
            txt.COL_AREA_NAME: row["name"],
            txt.COL_MEMBERS: str(int(row["n_members"])),
            txt.COL_METHOD: _method(int(row["n_weighted"]), int(row["n_unweighted"])),
            txt.COL_WEIGHT_YEARS: row["weight_years"] or "",
        })
    return pd.DataFrame.from_records(rows)


def unweighted_areas(weighting: pd.DataFrame) -> list[str]:
    return [str(n) for n, u in zip(weighting["name"], weighting["n_unweighted"], strict=True) if u]


def _levels(raw: Any) -> str:
    codes = [c for c in str(raw).split(";") if c] if not fmt.is_missing(raw) else []
    return ", ".join(txt.LEVEL_WORDS[c] for c in txt.LEVEL_WORDS if c in codes)


def _years(raw: Any) -> str:
    return ", ".join(y for y in str(raw).split(";") if y) if not fmt.is_missing(raw) else ""


def coverage_table(coverage: pd.DataFrame, goals: bool = False) -> pd.DataFrame:
    """Per theme (or per goal) every indicator with figures: levels, years and newest edition; a theme or goal
    without figures keeps its row, with the build's note naming the sources that would fill it
    (`coverage_themes` rows)."""
    rows = coverage[coverage["goal_id"].notna() if goals else coverage["goal_id"].isna()]
    records = []
    for row in fmt.records(rows):
        has = bool(row.get("has_figures")) if not fmt.is_missing(row.get("has_figures")) else False
        record = {txt.COL_THEME: row.get("theme_name") or row.get("theme_id") or ""}
        if goals:
            record[txt.COL_GOAL] = row.get("goal_title") or row.get("goal_id") or ""
        else:
            record[txt.COL_NPLV] = txt.HAS_FIGURES[bool(row.get("nplv"))] if not fmt.is_missing(row.get("nplv")) \
                else ""
        record.update({
            txt.COL_INDICATOR: (row.get("label") or row.get("indicator_code") or "") if has else "",
            txt.COL_HAS_FIGURES: txt.HAS_FIGURES[has],
            txt.COL_LEVELS: _levels(row.get("levels")) if has else "",
            txt.COL_YEARS: _years(row.get("years")) if has else "",
            txt.COL_NEWEST: str(int(row["newest_year"])) if has and not fmt.is_missing(row.get("newest_year"))
            else "",
            txt.COL_MISSING: "" if has else str(row.get("note") or ""),
        })
        records.append(record)
    return pd.DataFrame.from_records(records)


@dataclass(frozen=True)
class AboutView:
    """Everything the Over de data page shows, built once per data version."""

    catalogue: pd.DataFrame  # display table, all themes
    catalogue_themes: pd.Series  # theme id per catalogue row, for the theme filter
    theme_names: dict[str, str]
    attribution: list[str]
    editions: pd.DataFrame
    boundaries: pd.DataFrame
    sources: pd.DataFrame
    weighting: pd.DataFrame
    unweighted: list[str]
    build_facts: pd.DataFrame
    methods: str
    status_method: str
    coverage_themes: pd.DataFrame | None = None  # None: an older file without the coverage table
    coverage_goals: pd.DataFrame | None = None

    def catalogue_for(self, theme: str | None) -> pd.DataFrame:
        return self.catalogue if theme is None else self.catalogue[self.catalogue_themes == theme]


def _status_method(thresholds: pd.DataFrame) -> str:
    """How a goal's status is judged, with the thresholds the build took from goals.toml (query goals_thresholds)."""
    if thresholds.empty:
        return ""
    row = thresholds.iloc[0]
    return doelen_txt.method_text(float(row["on_track"]), float(row["at_risk"]))


def build_about(
    *,
    meta: Mapping[str, str],
    catalogue: pd.DataFrame,
    ages: pd.DataFrame,
    editions: pd.DataFrame,
    boundaries: pd.DataFrame,
    sources: pd.DataFrame,
    weighting: pd.DataFrame,
    thresholds: pd.DataFrame,
    coverage: pd.DataFrame | None = None,
) -> AboutView:
    """From build_meta and the queries about_catalogue, age_groups, about_editions, about_boundaries,
    about_sources and about_weighting."""
    age_labels = dict(zip(ages["age_group"], ages["label"], strict=True))
    return AboutView(
        catalogue=catalogue_table(catalogue, age_labels),
        catalogue_themes=catalogue["theme_id"].reset_index(drop=True),
        theme_names=dict(zip(catalogue["theme_id"], catalogue["theme_name"], strict=True)),
        attribution=attribution(catalogue, meta.get("boundary_licence")),
        editions=editions_table(editions),
        boundaries=boundaries_table(boundaries),
        sources=sources_table(sources),
        weighting=weighting_table(weighting),
        unweighted=unweighted_areas(weighting),
        build_facts=build_facts(meta),
        methods=txt.methods_text(fmt.number(float(meta.get("gap_tolerance", "0.5")), 1, missing=fmt.DASH),
                                 meta.get("weight_indicator", "")),
        status_method=_status_method(thresholds),
        coverage_themes=None if coverage is None else coverage_table(coverage),
        coverage_goals=None if coverage is None else coverage_table(coverage, goals=True),
    )
