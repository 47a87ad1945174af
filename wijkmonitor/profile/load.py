"""Cached data calls of the Wijkprofiel: the choosable units and one prepared profile per unit and age group."""

from __future__ import annotations

import pandas as pd

from wijkmonitor.access.session import query_for_viewer
from wijkmonitor.common.data import cached, meta, query
from wijkmonitor.profile.units import Unit, area_names, units_from_frame
from wijkmonitor.profile.view import ProfileView, build_profile


@cached(max_entries=8)
def units() -> tuple[Unit, ...]:
    return units_from_frame(query("profile_units"))


def _registers(unit_code: str) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """Register rows for the unit, or None per register when this database file has no such table."""
    present = set(query("profile_register_tables")["table_name"])
    interventions = (query_for_viewer("profile_interventions", unit_code=unit_code)
                     if {"interventions", "intervention_areas"} <= present else None)
    process = query_for_viewer("profile_process", unit_code=unit_code) if "process_log" in present else None
    return interventions, process


@cached(max_entries=64)
def profile(unit: Unit, age_group: str) -> ProfileView:
    # One prepared profile per build, unit and age group: reruns only render.
    interventions, process = _registers(unit.code)
    ages = query("age_groups")
    return build_profile(
        unit=unit, age_group=age_group, values=query("profile_values", unit_code=unit.code),
        context=query("profile_context", unit_code=unit.code), interventions=interventions,
        process=process, meta=meta(), age_labels=dict(zip(ages["age_group"], ages["label"], strict=True)),
        area_names=area_names(units()),
    )
