"""Everything one section of a page shows, composed from the builders: map, trend, all areas, overview.

Pure functions of query rows, so a section can be tested without Streamlit and cached whole by `load`
(a warm rerun then only looks up finished figures, sentences and tables).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

from wijkmonitor.area_monitor import charts, colours, maps, overview, sentences, tables
from wijkmonitor.area_monitor.options import Indicator


@dataclass(frozen=True)
class MapView:
    deck: pdk.Deck | None  # None when this level has no boundaries (e.g. a national build)
    legend_html: str
    sentence: str
    table: pd.DataFrame
    boundary_year: int | None


def city_value(rows: pd.DataFrame, city_rows: pd.DataFrame, year: int) -> float | None:
    """The city's value in this year: from the map rows, or the city series when no region has a value."""
    present = rows["city_value"].dropna() if "city_value" in rows else pd.Series(dtype=float)
    if len(present):
        return float(present.iloc[0])
    match = city_rows[city_rows["year"] == year]["city_value"].dropna()
    return float(match.iloc[0]) if len(match) else None


def map_view(
    rows: pd.DataFrame,
    city_rows: pd.DataFrame,
    ind: Indicator,
    age_label: str,
    year: int,
    level: str,
    areas: pd.DataFrame,
    selected: str | None,
    members: dict[str, str] | None = None,
    min_population: int | None = None,
) -> MapView:
    """The choropleth with its legend, sentence and table (`rows`: `area_monitor_map`, `areas`: `maps.dissolve`,
    `members`: buurt code -> renewal area, only meaningful on the buurt level)."""
    boundary_years = rows["boundary_year"].dropna()
    boundary_year = int(boundary_years.iloc[0]) if len(boundary_years) else None
    table = tables.map_table(rows, ind, age_label, year)
    sentence = sentences.map_sentence(rows, ind, level, year, boundary_year, min_population)
    if rows.empty or rows["geojson"].isna().all():
        return MapView(None, "", sentence, table, None)
    scale = colours.scale_for(rows["value"], city_value(rows, city_rows, year), ind.polarity, ind.unit, ind.decimals)
    deck = maps.choropleth(rows, scale, ind, areas, selected, members if level == "buurt" else None)
    reasons = (sorted(str(r) for r in rows.loc[rows["geojson"].notna(), "missing_reason"].dropna().unique())
               if "missing_reason" in rows else None)
    return MapView(deck, colours.legend_html(scale, missing=reasons or None), sentence, table, boundary_year)


@dataclass(frozen=True)
class TrendView:
    figure: go.Figure | None  # None when the unit has no value in any edition
    sentence: str
    method_note: str
    markers_sentence: str
    example_markers: bool
    table: pd.DataFrame
    markers_table: pd.DataFrame | None


def trend_view(
    unit_name: str,
    unit_type: str,
    city_name: str,
    ind: Indicator,
    age_label: str,
    year: int,
    unit_rows: pd.DataFrame,
    city_rows: pd.DataFrame,
    markers: pd.DataFrame,
) -> TrendView:
    """One unit against the city: the chart, its sentences and its table (`markers`: intervention rows)."""
    has_values = bool(unit_rows["value"].notna().any()) if "value" in unit_rows else False
    figure = (charts.trend_figure(unit_rows, city_rows, ind, unit_name, city_name, charts.aimed_markers(markers))
              if has_values else None)
    table = tables.trend_table(unit_rows, city_rows, ind, unit_name, age_label)
    return TrendView(
        figure=figure,
        sentence=sentences.trend_sentence(unit_name, ind, year, unit_rows, city_rows),
        method_note=sentences.trend_method_note(unit_rows, year) if unit_type == "area" else "",
        markers_sentence=sentences.markers_sentence(markers, ind, drawn=figure is not None),
        example_markers=bool(markers["is_example"].fillna(False).astype(bool).any()) if len(markers) else False,
        table=table,
        markers_table=tables.markers_table(markers) if len(markers) else None,
    )


@dataclass(frozen=True)
class AreasView:
    figure: go.Figure | None  # None without renewal areas
    sentence: str
    method_note: str
    table: pd.DataFrame


def areas_view(
    area_rows: pd.DataFrame,
    city_rows: pd.DataFrame,
    ind: Indicator,
    age_label: str,
    year: int,
    names: dict[str, str],
    kinds: dict[str, str],
) -> AreasView:
    """Small multiples of every renewal area, largest gap first (`area_rows`: `gap_areas_all` of one indicator)."""
    if area_rows.empty:
        empty = pd.DataFrame()
        return AreasView(None, "", "", empty)
    order = charts.sort_areas(area_rows[area_rows["year"] == year], ind.polarity)
    order += [a for a in names if a not in order and a in set(area_rows["area_id"])]
    figure = charts.multiples_figure(area_rows, city_rows, ind, order, names, year)
    table = tables.multiples_table(area_rows, order, ind, age_label)
    return AreasView(figure, sentences.areas_sentence(area_rows, kinds, ind, year),
                     sentences.areas_method_note(area_rows, year), table)


@dataclass(frozen=True)
class OverviewView:
    matrix: overview.Matrix
    summary: list[str]
    html: str
    notes: list[str]
    years: str
    table: pd.DataFrame


def overview_view(m: overview.Matrix) -> OverviewView:
    table = overview.matrix_table(m)
    return OverviewView(m, overview.summary(m), overview.matrix_html(m), overview.notes(m), overview.years_text(m),
                        table)
