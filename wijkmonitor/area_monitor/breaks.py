"""Trend breaks: where a unit or the city changed territory between two editions, so a series must not be read
as one unbroken line.

`gaps.trend_break` says that the unit's (`unit_changed`) or the city's (`city_changed`) buurten differ between
an edition and its previous one; `definition_changes` holds the Dutch note per unit and pair of boundary years.
Pure functions: rows in, pairs, sentences, table columns and figure marks out.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from wijkmonitor.common import fmt
from wijkmonitor.texts import gebied as txt

BREAK_COLOUR = "#4d4d4d"


@dataclass(frozen=True)
class Break:
    prev_year: int
    year: int
    notes: tuple[str, ...]  # why: the unit's and/or the city's change of territory


def _true(raw: object) -> bool:
    return not fmt.is_missing(raw) and bool(raw)


def _notes(changes: pd.DataFrame, codes: list[str], prev_boundary: object, boundary: object) -> list[str]:
    """The notes of these units' changes that fall between two boundary years (all of them if unknown)."""
    if changes.empty:
        return []
    chosen = changes[changes["unit_code"].isin(codes)]
    if not fmt.is_missing(prev_boundary) and not fmt.is_missing(boundary):
        low, high = sorted((int(str(prev_boundary)), int(str(boundary))))
        chosen = chosen[(chosen["from_year"] >= low) & (chosen["to_year"] <= high)]
    return [str(n) for n in chosen["note"] if not fmt.is_missing(n)]


def breaks(unit_rows: pd.DataFrame, changes: pd.DataFrame, unit_code: str, city_code: str | None) -> list[Break]:
    """Every edition whose comparison with the previous one crosses a change of territory (`gap_trend_unit` rows,
    `area_monitor_definition_changes` rows)."""
    if unit_rows.empty or "trend_break" not in unit_rows:
        return []
    out: list[Break] = []
    by_year = {int(r["year"]): r for r in fmt.records(unit_rows)}
    for row in sorted(fmt.records(unit_rows), key=lambda r: int(r["year"])):
        if not _true(row.get("trend_break")) or fmt.is_missing(row.get("prev_year")):
            continue
        prev_year = int(row["prev_year"])
        prev = by_year.get(prev_year, {})
        notes: list[str] = []
        if _true(row.get("unit_changed")):
            notes += _notes(changes, [unit_code], prev.get("boundary_year"), row.get("boundary_year"))
        if _true(row.get("city_changed")) and city_code:
            notes += _notes(changes, [city_code], prev.get("city_boundary_year"), row.get("city_boundary_year"))
        out.append(Break(prev_year, int(row["year"]), tuple(dict.fromkeys(notes))))
    return out


def sentence(found: list[Break]) -> str:
    """One warning sentence per break, for under the chart and in the text."""
    return " ".join(
        txt.TREND_BREAK_SENTENCE.format(from_year=b.prev_year, to_year=b.year,
                                        notes="; ".join(b.notes) or txt.TREND_BREAK_UNKNOWN)
        for b in found
    )


def table_column(years: pd.Series, found: list[Break]) -> list[str]:
    """The 'Trendbreuk' column of a table with one row per edition: 'ja, sinds 2016: ...' or ''."""
    by_year = {b.year: b for b in found}
    out = []
    for year in years:
        b = by_year.get(int(year)) if not fmt.is_missing(year) else None
        out.append(txt.TREND_BREAK_CELL.format(prev_year=b.prev_year, notes="; ".join(b.notes) or
                                               txt.TREND_BREAK_UNKNOWN) if b else "")
    return out


def mark(figure: go.Figure, found: list[Break]) -> go.Figure:
    """A dashed vertical line with the label 'trendbreuk' between the two editions of every break."""
    for b in found:
        x = (b.prev_year + b.year) / 2
        figure.add_vline(x=x, line_dash="dash", line_color=BREAK_COLOUR, line_width=1.5,
                         annotation_text=txt.TREND_BREAK_MARK, annotation_position="top",
                         annotation_font_color=BREAK_COLOUR)
    return figure
