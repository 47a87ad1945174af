"""Registers of issue 5: interventions, their results, and the process log (docs/registers.md).

A municipality keeps three registers, as one Excel workbook (worksheets `interventies`, `resultaten`,
`proceslog`) or as three CSV files; `config/registers.toml` says which files. The build calls

    spec = load_register_spec()            # None: no register configured -> empty_tables()
    tables = load_registers(spec, areas=..., buurten=..., programmes=..., themes=..., indicators=...)

and writes the five tables below. `load_registers` raises `RegisterError` (a `BuildError` carrying every
`Problem`: sheet or file, Excel row number with the header as row 1, column, Dutch message) when any row
has an error; warnings (e.g. spent > 1.5 x budget) come back in `RegisterTables.warnings`.

Tables (stable snake_case columns; `;`-joined columns keep the register's order):

interventions            intervention_id, name, description, areas (`;`-joined area ids / buurt codes),
                         theme_id, actielijn, spoor (Int64: 1, 2, 3), lead_partner, partners (`;`),
                         programmes (`;`), budget_eur (float), spent_eur (float), start_date, end_date
                         (datetime64), status, goal_indicators (`;` indicator codes), monitoring_type,
                         is_example (bool)
intervention_areas       intervention_id, area_id (renewal area id or None), buurt_code (or None)
intervention_programmes  intervention_id, programme_id
intervention_results     intervention_id, period (`2023`, `2023-Q2` or `2023-05-01`), period_start,
                         period_end (datetime64), year (Int64, of period_start), measure, value (float),
                         target (float), unit, source, is_example (bool)
process_log              date (datetime64), area (as resolved), area_id, buurt_code, activity_type,
                         participants, residents_reached, lived_experience_roles (Int64), raised, action,
                         decision_or_intervention_id (as written), intervention_id (set when that value is
                         an intervention id, else None), action_status, lessons, is_example (bool)

Text cells are kept verbatim (HTML or SQL in a cell is plain text: nothing here or in DuckDB interprets it;
pages must escape it when rendering). Budgets are totals per intervention and are not split over its
programmes: a sum per programme counts an intervention under every programme it names.
"""

from __future__ import annotations

from wijkmonitor.registers.cli import validate_main
from wijkmonitor.registers.loader import (
    SPENT_WARNING_FACTOR,
    TABLE_COLUMNS,
    RegisterTables,
    check_registers,
    empty_tables,
    load_registers,
    validate_registers,
)
from wijkmonitor.registers.problems import ERROR, WARNING, Problem, RegisterError
from wijkmonitor.registers.schema import INTERVENTIONS, PROCESS_LOG, RESULTS, SHEETS
from wijkmonitor.registers.spec import (
    DEFAULT_REGISTERS_TOML,
    RegisterSource,
    RegisterSpec,
    load_register_spec,
)

__all__ = [
    "DEFAULT_REGISTERS_TOML",
    "ERROR",
    "INTERVENTIONS",
    "PROCESS_LOG",
    "RESULTS",
    "SHEETS",
    "SPENT_WARNING_FACTOR",
    "TABLE_COLUMNS",
    "WARNING",
    "Problem",
    "RegisterError",
    "RegisterSource",
    "RegisterSpec",
    "RegisterTables",
    "check_registers",
    "empty_tables",
    "load_register_spec",
    "load_registers",
    "validate_main",
    "validate_registers",
]
