"""Profile figures as tables: comparison with the city, ontwikkelkompas, key figures, registers, exports.

Pure pandas on the rows of the profiel_* queries; the page and the downloads show what these return.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import pandas as pd

from wijkmonitor.common import fmt
from wijkmonitor.texts import profiel as txt

TOTAL_AGE = "totaal"


def available_ages(values: pd.DataFrame) -> list[str]:
    """Age groups with figures for this unit, in display order ('totaal' rides along with every choice)."""
    ages = values.drop_duplicates("age_group").sort_values("age_order")
    return [str(a) for a in ages["age_group"] if a != TOTAL_AGE]


def for_age(values: pd.DataFrame, age_group: str) -> pd.DataFrame:
    return values[values["age_group"].isin([age_group, TOTAL_AGE])]


def themes(values: pd.DataFrame) -> list[tuple[str, str]]:
    """(theme_id, theme name) in theme order, only themes with rows."""
    ordered = values.drop_duplicates("theme_id").sort_values("theme_order")
    return [(str(t), str(n)) for t, n in zip(ordered["theme_id"], ordered["theme_name"], strict=True)]


def position_counts(values: pd.DataFrame) -> dict[str, int]:
    counts = values["position"].value_counts()
    return {p: int(counts.get(p, 0)) for p in txt.POSITION}


def compass_counts(values: pd.DataFrame) -> dict[str, int]:
    counts = values["judgement"].value_counts()
    return {j: int(counts.get(j, 0)) for j in txt.COMPASS}


def _label(row: Mapping[Hashable, Any], with_age: bool) -> str:
    label = str(row["label"])
    if with_age and row["age_group"] != TOTAL_AGE:
        return f"{label} ({row['age_label']})"
    return label


def comparison_table(rows: pd.DataFrame, unit_name: str, city_name: str) -> pd.DataFrame:
    """One theme's indicators: unit value, city value, difference and position in words."""
    records = []
    for row in rows.to_dict("records"):
        unit, decimals = str(row["unit"]), int(row["decimals"])
        records.append({
            txt.COL_INDICATOR: _label(row, with_age=False),
            unit_name: fmt.value(row["value"], unit, decimals),
            city_name: fmt.value(row["city_value"], unit, decimals),
            txt.COL_GAP: fmt.difference(row["gap"], unit, decimals, signed=True),
            txt.COL_POSITION: txt.position_text(row["position"]),
            txt.COL_YEAR: str(row["year"]),
        })
    return pd.DataFrame.from_records(records)


def compass_table(rows: pd.DataFrame, unit_name: str, *, with_age: bool = False) -> pd.DataFrame:
    """The ontwikkelkompas: per indicator with a previous edition, the unit's and the city's change."""
    records = []
    for row in rows[rows["prev_year"].notna()].to_dict("records"):
        unit, decimals = str(row["unit"]), int(row["decimals"])
        records.append({
            txt.COL_THEME: row["theme_name"],
            txt.COL_INDICATOR: _label(row, with_age=with_age),
            txt.COL_PERIOD: txt.PERIOD.format(prev=int(row["prev_year"]), year=int(row["year"])),
            txt.COL_CHANGE.format(name=unit_name): fmt.difference(row["change"], unit, decimals, signed=True),
            txt.COL_CITY_CHANGE: fmt.difference(row["city_change"], unit, decimals, signed=True),
            txt.COL_DEVELOPMENT: txt.compass_text(row["judgement"]),
        })
    return pd.DataFrame.from_records(records)


def context_table(context: pd.DataFrame) -> pd.DataFrame:
    """Key figures; the city column only when the sources have a city figure for at least one of them."""
    with_city = bool(context["city_value"].notna().any()) if not context.empty else False
    records = []
    for row in context.to_dict("records"):
        unit, decimals = str(row["unit"]), int(row["decimals"])
        record = {
            txt.COL_INDICATOR: row["label"],
            txt.COL_VALUE: fmt.value(row["value"], unit, decimals),
        }
        if with_city:
            record[txt.COL_CITY] = fmt.value(row["city_value"], unit, decimals)
        record[txt.COL_YEAR] = str(row["year"])
        records.append(record)
    return pd.DataFrame.from_records(records)


def _yes_no(flag: object) -> str:
    return txt.YES if bool(flag) else txt.NO


def _date(value: Any) -> str:
    if value is None or pd.isna(value):
        return ""
    return pd.Timestamp(value).strftime("%d-%m-%Y")


def _areas(codes: Any, names: Mapping[str, str]) -> str:
    """'selwerd;BU00141000' -> 'Selwerd, Selwerd (BU00141000)': names where known, codes otherwise."""
    if codes is None or pd.isna(codes):
        return ""
    return ", ".join(names.get(c, c) for c in str(codes).split(";") if c)


def interventions_table(frame: pd.DataFrame, area_names: Mapping[str, str] | None = None) -> pd.DataFrame:
    names = area_names or {}
    records = []
    for row in frame.to_dict("records"):
        records.append({
            txt.COL_NAME: row["name"],
            txt.COL_STATUS: row["status"] or "",
            txt.COL_THEME: row["theme_name"] or row["theme_id"] or "",
            txt.COL_LEAD: "" if pd.isna(row["lead_partner"]) else row["lead_partner"],
            txt.COL_AREAS: _areas(row["areas"], names),
            txt.COL_START: _date(row["start_date"]),
            txt.COL_END: _date(row["end_date"]),
            txt.COL_BUDGET: fmt.number(row["budget_eur"], 0, missing=fmt.DASH),
            txt.COL_EXAMPLE: _yes_no(row["is_example"]),
        })
    return pd.DataFrame.from_records(records)


def process_table(frame: pd.DataFrame, area_names: Mapping[str, str] | None = None) -> pd.DataFrame:
    names = area_names or {}
    records = []
    for row in frame.to_dict("records"):
        records.append({
            txt.COL_DATE: _date(row["date"]),
            txt.COL_AREAS: _areas(row["area"], names),
            txt.COL_ACTIVITY: row["activity_type"],
            txt.COL_PARTICIPANTS: fmt.number(row["participants"], 0, missing=fmt.DASH),
            txt.COL_REACHED: fmt.number(row["residents_reached"], 0, missing=fmt.DASH),
            txt.COL_RAISED: "" if pd.isna(row["raised"]) else row["raised"],
            txt.COL_ACTION: "" if pd.isna(row["action"]) else row["action"],
            txt.COL_EXAMPLE: _yes_no(row["is_example"]),
        })
    return pd.DataFrame.from_records(records)


def export_values(values: pd.DataFrame, unit_name: str) -> pd.DataFrame:
    """Every compared figure of the unit (all age groups) with raw numbers, for CSV and Excel."""
    out = pd.DataFrame({
        txt.COL_THEME: values["theme_name"],
        txt.COL_CODE: values["indicator_code"],
        txt.COL_INDICATOR: values["label"],
        txt.COL_UNIT: values["unit"],
        txt.COL_AGE: values["age_label"],
        txt.COL_YEAR: values["year"],
        unit_name: values["value"],
        txt.COL_CITY: values["city_value"],
        txt.COL_GAP: values["gap"],
        txt.COL_POSITION: values["position"].map(lambda p: txt.POSITION.get(p, ("", ""))[1]),
        txt.COL_PREV_YEAR: values["prev_year"],
        txt.COL_PREV_VALUE: values["prev_value"],
        txt.COL_PREV_CITY: values["prev_city_value"],
        txt.COL_CHANGE.format(name=unit_name): values["change"],
        txt.COL_CITY_CHANGE: values["city_change"],
        txt.COL_DEVELOPMENT: values["judgement"].map(lambda j: txt.COMPASS.get(j, ("", ""))[1]),
        txt.COL_METHOD: values["method"],
        txt.COL_SOURCE: values["source"],
    })
    return out.reset_index(drop=True)
