"""The data contract: every table the build writes and the columns pages may rely on.

`wijkmonitor.db` checks an opened file against it, the docs test checks `docs/architecture.md` against it, and
the build test checks a real build. Change it together with `SCHEMA_VERSION` in `db.py`.
"""

from __future__ import annotations

TABLES: dict[str, tuple[str, ...]] = {
    "age_groups": ("age_group", "label", "sort_order"),
    "area_members": ("area_id", "buurt_code", "boundary_year"),
    "area_members_by_data_year": ("area_id", "data_year", "definition_year", "buurt_code"),
    "area_values": (
        "area_id", "indicator_code", "age_group", "year", "value", "method", "weight_indicator", "weight_year",
        "n_members", "n_used", "boundary_year", "definition_year", "basis",
    ),
    "area_wijk_coverage": (
        "area_id", "boundary_year", "whole_wijken", "wijk_codes", "partial_wijk_codes", "missing_buurt_codes",
        "note",
    ),
    "boundaries": ("region_code", "name", "level", "year", "geojson", "lon", "lat"),
    "build_info": (
        "schema_version", "built_at", "tool_version", "gemeente_code", "gemeente_name", "is_configured_gemeente",
        "source", "all_regions", "weight_indicator", "gap_tolerance", "area_boundary_year", "area_boundary_years",
        "boundary_licence", "unknown_region_rows", "goals_on_track", "goals_at_risk",
    ),
    "build_meta": ("key", "value"),
    "build_sources": ("source_id", "adapter", "path", "sha256", "rows", "values", "boundary_year"),
    "city_values": (
        "gemeente_code", "indicator_code", "age_group", "year", "value", "boundary_year", "city_method",
        "weight_indicator", "weight_year", "n_wijken",
    ),
    "comparison_areas": (
        "area_id", "baseline_year", "age_group", "indicators", "k", "n_members", "n_members_matched", "group_size",
        "mean_distance", "max_distance", "max_abs_smd", "verdict", "reason", "method", "weight_year",
    ),
    "comparison_balance": (
        "area_id", "indicator_code", "age_group", "year", "area_value", "group_value", "national_mean",
        "national_sd", "smd", "balanced",
    ),
    "comparison_groups": (
        "area_id", "buurt_code", "name", "gemeente_code", "gemeente_name", "wijk_code", "wijk_name", "wijk_name_year",
        "label", "matched_to", "distance", "rank", "weight",
    ),
    "comparison_meta": ("key", "value"),
    "comparison_values": ("area_id", "indicator_code", "age_group", "year", "value", "n_buurten", "group_size"),
    "coverage": (
        "theme_id", "goal_id", "indicator_code", "levels", "years", "first_year", "newest_year", "has_figures",
        "wanted_sources", "note", "sort_order",
    ),
    "definition_changes": ("unit_type", "unit_code", "from_year", "to_year", "note"),
    "definition_versions": ("unit_type", "unit_code", "boundary_year", "version"),
    "gaps": (
        "unit_type", "unit_code", "unit_name", "gemeente_code", "indicator_code", "age_group", "year", "value",
        "city_value", "city_method", "gap", "gap_rel", "disadvantage", "prev_year", "prev_gap", "gap_change",
        "trend", "judgement", "position", "prev_position", "kloof", "method", "weight_indicator", "weight_year",
        "n_members", "n_used", "basis", "boundary_year", "city_boundary_year", "unit_changed", "city_changed",
        "trend_break", "population", "population_year", "is_small",
    ),
    "gemeente_wijken": ("boundary_year", "wijk_code"),
    "goal_partners": ("partner_id", "name", "kind", "sort_order"),
    "goals": (
        "goal_id", "title", "theme_id", "indicator_code", "age_group", "areas", "all_areas", "baseline_year",
        "target_year", "target_type", "target", "partners", "example", "note", "sort_order",
    ),
    "indicators": (
        "indicator_code", "label", "unit", "theme_id", "polarity", "definition", "source", "licence", "decimals",
        "aggregation", "headline", "sort_order", "in_catalogue", "lowest_level", "numerator", "denominator",
        "denominator_year", "per", "national_deviation", "tolerance",
    ),
    "intervention_areas": ("intervention_id", "area_id", "buurt_code"),
    "intervention_partners": ("intervention_id", "partner_id", "role", "named_as", "collective"),
    "intervention_programmes": ("intervention_id", "programme_id"),
    "intervention_results": (
        "intervention_id", "period", "period_start", "period_end", "year", "measure", "value", "target", "unit",
        "source", "is_example",
    ),
    "interventions": (
        "intervention_id", "name", "description", "areas", "theme_id", "actielijn", "spoor", "lead_partner",
        "partners", "programmes", "budget_eur", "spent_eur", "start_date", "end_date", "status", "goal_indicators",
        "monitoring_type", "is_example",
    ),
    "map_years": ("level", "year"),
    "national_comparison": (
        "unit_type", "unit_code", "unit_name", "indicator_code", "age_group", "year", "value", "deviation_indicator",
        "deviation", "national_reference", "position_nl", "city_method",
    ),
    "missing_values": ("region_code", "indicator_code", "age_group", "year", "reason", "symbol", "source_id"),
    "observations": ("region_code", "year", "indicator_code", "age_group", "value", "source_id", "boundary_year"),
    "process_log": (
        "date", "area", "area_id", "buurt_code", "activity_type", "participants", "residents_reached",
        "lived_experience_roles", "raised", "action", "decision_or_intervention_id", "intervention_id",
        "action_status", "lessons", "is_example",
    ),
    "partners": ("partner_id", "name", "kind", "register_names", "sort_order"),
    "programmes": ("programme_id", "name", "kind", "period", "budget_eur", "budget_note", "sort_order"),
    "rate_values": (
        "unit_type", "unit_code", "indicator_code", "year", "value", "numerator", "numerator_indicator",
        "denominator", "denominator_indicator", "denominator_year", "per", "n_buurten", "n_with_denominator",
        "boundary_year",
    ),
    "regions": ("region_code", "name", "level", "parent_code", "gemeente_code", "boundary_year"),
    "renewal_areas": (
        "area_id", "name", "kind", "is_programme_area", "programmes", "first_year", "cbs_wijk", "gemeente_code",
        "boundary_year", "boundary_years", "sort_order",
    ),
    "themes": ("theme_id", "name", "subgoals", "nplv", "wanted_sources", "sort_order"),
    "unit_members": ("unit_type", "unit_code", "boundary_year", "buurt_code"),
}
