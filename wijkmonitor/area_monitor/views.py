"""Everything one section of a page shows, composed from the builders: map, trend, all areas.

Pure functions of query rows, so a section can be tested without Streamlit and cached whole by `load`
(a warm rerun then only looks up finished figures, sentences and tables).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

from wijkmonitor.area_monitor import breaks, charts, colours, maps, sentences, tables
from wijkmonitor.common import fmt
from wijkmonitor.common.indicators import Indicator
from wijkmonitor.texts import gebied as txt


@dataclass(frozen=True)
class MapView:
    deck: pdk.Deck | None  # None when this level has no boundaries (e.g. a national build)
    legend_html: str
    sentence: str
    table: pd.DataFrame
    boundary_year: int | None
    city_note: str = ""  # how the city value was made, when it is not the gemeente's own figure
    newest: str = ""  # "Nieuwste cijfer: 2022."


def city_method(rows: pd.DataFrame) -> str:
    """The city_method of the rows (the same for every row of one indicator and year), 'eigen cijfer' if none."""
    methods = rows["city_method"].dropna() if "city_method" in rows else pd.Series(dtype=str)
    return str(methods.iloc[0]) if len(methods) else "eigen cijfer"


def city_note(rows: pd.DataFrame) -> str:
    return txt.CITY_METHOD_NOTE.get(city_method(rows), "")


def newest_text(years: object) -> str:
    """'Nieuwste cijfer: 2023.' from the years a chart shows (nothing without a year)."""
    clean = [int(str(y)) for y in list(years) if not fmt.is_missing(y)]  # type: ignore[call-overload]
    return txt.NEWEST_FIGURE.format(year=max(clean)) if clean else ""


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
    note = city_note(rows) or (city_note(city_rows[city_rows["year"] == year]) if "year" in city_rows else "")
    # The map shows one edition: its figures are as old as that year.
    newest = newest_text([year])
    if rows.empty or rows["geojson"].isna().all():
        return MapView(None, "", sentence, table, None, note, newest)
    scale = colours.scale_for(rows["value"], city_value(rows, city_rows, year), ind.polarity, ind.unit, ind.decimals)
    deck = maps.choropleth(rows, scale, ind, areas, selected, members if level == "buurt" else None)
    reasons = (sorted(str(r) for r in rows.loc[rows["geojson"].notna(), "missing_reason"].dropna().unique())
               if "missing_reason" in rows else None)
    return MapView(deck, colours.legend_html(scale, missing=reasons or None), sentence, table, boundary_year,
                   note, newest)


@dataclass(frozen=True)
class TrendView:
    figure: go.Figure | None  # None when the unit has no value in any edition
    sentence: str
    method_note: str
    markers_sentence: str
    example_markers: bool
    table: pd.DataFrame
    markers_table: pd.DataFrame | None
    break_sentence: str = ""  # the unit or the city changed territory between two editions
    city_note: str = ""
    newest: str = ""
    why_missing: str = ""  # a renewal area without a value for a wijk-only source: why


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
    changes: pd.DataFrame | None = None,
    unit_code: str = "",
    city_code: str | None = None,
    why_missing: str | None = None,
) -> TrendView:
    """One unit against the city: the chart, its sentences and its table (`markers`: intervention rows;
    `changes`: `area_monitor_definition_changes` rows, to mark trend breaks; `why_missing`: why an area has no
    value for a wijk-only source)."""
    has_values = bool(unit_rows["value"].notna().any()) if "value" in unit_rows else False
    found = breaks.breaks(unit_rows, changes if changes is not None else pd.DataFrame(), unit_code, city_code)
    figure = (charts.trend_figure(unit_rows, city_rows, ind, unit_name, city_name, charts.aimed_markers(markers))
              if has_values else None)
    if figure is not None and found:
        breaks.mark(figure, found)
    table = tables.trend_table(unit_rows, city_rows, ind, unit_name, age_label)
    if found:
        table[txt.COL_TREND_BREAK] = breaks.table_column(table[txt.COL_YEAR], found)
    shown_years = unit_rows.loc[unit_rows["value"].notna(), "year"] if has_values else pd.Series(dtype=int)
    return TrendView(
        figure=figure,
        sentence=sentences.trend_sentence(unit_name, ind, year, unit_rows, city_rows),
        method_note=sentences.trend_method_note(unit_rows, year) if unit_type == "area" else "",
        markers_sentence=sentences.markers_sentence(markers, ind, drawn=figure is not None),
        example_markers=bool(markers["is_example"].fillna(False).astype(bool).any()) if len(markers) else False,
        table=table,
        markers_table=tables.markers_table(markers) if len(markers) else None,
        break_sentence=breaks.sentence(found),
        city_note=city_note(unit_rows) or city_note(city_rows),
        newest=newest_text(list(shown_years) + list(city_rows.get("year", []))),
        why_missing="" if has_values else (why_missing or ""),
    )


@dataclass(frozen=True)
class AreasView:
    figure: go.Figure | None  # None without renewal areas
    sentence: str
    method_note: str
    table: pd.DataFrame
    newest: str = ""
    city_note: str = ""


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
    years = list(area_rows.loc[area_rows["value"].notna(), "year"])
    return AreasView(figure, sentences.areas_sentence(area_rows, kinds, ind, year),
                     sentences.areas_method_note(area_rows, year), table, newest_text(years),
                     city_note(area_rows))
