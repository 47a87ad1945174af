"""The tables behind the maps and charts: the same frame is shown (st.dataframe) and downloaded (CSV).

Columns have Dutch names with their unit, numbers are rounded to the indicator's decimals, and words replace
codes, so the table can be read without the chart (screen readers) and opened in Excel as it is.
"""

from __future__ import annotations

import pandas as pd

from wijkmonitor.area_monitor import colours
from wijkmonitor.common import fmt, verdict
from wijkmonitor.common.indicators import Indicator, members_short, method_short, position_word
from wijkmonitor.texts import gebied as txt

# Columns holding years: shown as plain numbers, never with a thousands separator ("2.016").
YEAR_COLUMNS = frozenset({txt.COL_YEAR, txt.COL_PREV_YEAR, txt.COL_BOUNDARY_YEAR})


def _with_unit(column: str, unit: str) -> str:
    return f"{column} ({unit})" if unit else column


def value_column(ind: Indicator) -> str:
    return _with_unit(txt.COL_VALUE, ind.unit)


def city_column(ind: Indicator) -> str:
    return _with_unit(txt.COL_CITY, ind.unit)


def gap_column(ind: Indicator) -> str:
    return _with_unit(txt.COL_GAP, fmt.gap_unit(ind.unit))


def prev_gap_column(ind: Indicator) -> str:
    return _with_unit(txt.COL_PREV_GAP, fmt.gap_unit(ind.unit))


def _round(series: pd.Series, decimals: int) -> pd.Series:
    return pd.to_numeric(series, errors="coerce").astype("Float64").round(decimals)


def _is_small(rows: pd.DataFrame) -> pd.Series:
    if "is_small" not in rows:
        return pd.Series(False, index=rows.index)
    return rows["is_small"].astype("boolean").fillna(False).astype(bool)


def map_table(rows: pd.DataFrame, ind: Indicator, age_label: str, year: int) -> pd.DataFrame:
    """One row per region on (or beside) the map, the largest disadvantage first; small buurten (gaps.is_small)
    after the others, marked, so a buurt of five people never tops the ranking."""
    ordered = rows.assign(
        _key=rows["gap"].abs() if ind.polarity == "neutral" else rows["disadvantage"],
        _small=_is_small(rows),
    ).sort_values(["_small", "_key", "name"], ascending=[True, False, True], na_position="last")
    d = ind.decimals
    return pd.DataFrame({
        txt.COL_NAME: ordered["name"].astype(str),
        txt.COL_CODE: ordered["region_code"].astype(str),
        value_column(ind): _round(ordered["value"], d),
        city_column(ind): _round(ordered["city_value"], d),
        gap_column(ind): _round(ordered["gap"], d),
        txt.COL_POSITION: [colours.missing_label(m) if fmt.is_missing(v) and isinstance(m, str)
                           else position_word(p, g, v)
                           for p, g, v, m in zip(ordered["position"], ordered["gap"], ordered["value"],
                                                 ordered.get("missing_reason", pd.Series(None, index=ordered.index)),
                                                 strict=True)],
        txt.COL_PREV_YEAR: pd.to_numeric(ordered["prev_year"], errors="coerce").astype("Int64"),
        prev_gap_column(ind): _round(ordered["prev_gap"], d),
        txt.COL_JUDGEMENT: [verdict.badge({"judgement": j}) for j in ordered["judgement"]],
        txt.COL_TREND: [verdict.kloof_words(k) for k in ordered.get("kloof", pd.Series(None, index=ordered.index))],
        txt.COL_SMALL: [txt.SMALL_MARK if s else "" for s in ordered["_small"]],
        txt.COL_BOUNDARY_YEAR: pd.to_numeric(ordered["boundary_year"], errors="coerce").astype("Int64"),
        txt.COL_INDICATOR: ind.label,
        txt.COL_AGE: age_label,
        txt.COL_YEAR: year,
    }).reset_index(drop=True)


def trend_table(
    unit_rows: pd.DataFrame, city_rows: pd.DataFrame, ind: Indicator, unit_name: str, age_label: str
) -> pd.DataFrame:
    """One row per edition: the unit's value (or 'geen gegevens'), the city's, the gap and how it changed."""
    city = city_rows[["year", "city_value"]].dropna(subset=["year"]).astype({"year": int})
    unit = unit_rows.drop(columns=["city_value"], errors="ignore").astype({"year": int})
    merged = city.merge(unit, on="year", how="outer").sort_values("year")
    for column in ("value", "gap", "position", "trend", "kloof", "judgement", "method", "weight_indicator",
                   "weight_year", "n_members", "n_used", "prev_year", "prev_gap"):
        if column not in merged:
            merged[column] = None
    d = ind.decimals
    records = fmt.records(merged)
    return pd.DataFrame({
        txt.COL_NAME: unit_name,
        txt.COL_YEAR: merged["year"].astype(int).to_numpy(),
        value_column(ind): _round(merged["value"], d).to_numpy(),
        city_column(ind): _round(merged["city_value"], d).to_numpy(),
        gap_column(ind): _round(merged["gap"], d).to_numpy(),
        txt.COL_POSITION: [position_word(r["position"], r["gap"], r["value"]) for r in records],
        txt.COL_JUDGEMENT: [verdict.badge(r) for r in records],
        txt.COL_TREND: [verdict.kloof_words(r.get("kloof")) for r in records],
        txt.COL_METHOD: [method_short(r) for r in records],
        txt.COL_MEMBERS: [members_short(r) for r in records],
        txt.COL_INDICATOR: ind.label,
        txt.COL_AGE: age_label,
    })


def multiples_table(
    area_rows: pd.DataFrame, order: list[str], ind: Indicator, age_label: str
) -> pd.DataFrame:
    """All editions of all renewal areas, in the order of the small multiples."""
    rank = {area_id: i for i, area_id in enumerate(order)}
    rows = area_rows[area_rows["area_id"].isin(rank)].assign(_rank=lambda f: f["area_id"].map(rank))
    rows = rows.sort_values(["_rank", "year"])
    records = fmt.records(rows)
    d = ind.decimals
    return pd.DataFrame({
        txt.COL_NAME: rows["area_name"].astype(str).to_numpy(),
        txt.COL_YEAR: rows["year"].astype(int).to_numpy(),
        value_column(ind): _round(rows["value"], d).to_numpy(),
        city_column(ind): _round(rows["city_value"], d).to_numpy(),
        gap_column(ind): _round(rows["gap"], d).to_numpy(),
        txt.COL_POSITION: [position_word(r["position"], r["gap"], r["value"]) for r in records],
        txt.COL_JUDGEMENT: [verdict.badge({"judgement": r.get("judgement")}) for r in records],
        txt.COL_TREND: [verdict.kloof_words(r.get("kloof")) for r in records],
        txt.COL_METHOD: [method_short(r) for r in records],
        txt.COL_MEMBERS: [members_short(r) for r in records],
        txt.COL_INDICATOR: ind.label,
        txt.COL_AGE: age_label,
    })


def markers_table(markers: pd.DataFrame) -> pd.DataFrame:
    """The interventions in the selected area, and whether each names the indicator as a goal."""
    return pd.DataFrame({
        txt.COL_INTERVENTION: markers["name"].astype(str).to_numpy(),
        txt.COL_START: pd.to_datetime(markers["start_date"]).dt.strftime("%d-%m-%Y").to_numpy(),
        txt.COL_STATUS: markers["status"].astype(str).to_numpy(),
        txt.COL_AIMS: ["ja" if bool(a) else "nee" for a in markers["aims_at_indicator"].fillna(False)],
    })
