"""Build step: the register tables: the interventions and process registers, or empty tables without them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from wijkmonitor.config import ProgrammeConfig
from wijkmonitor.registers import empty_tables, load_register_spec, load_registers


def register_tables(
    config: ProgrammeConfig,
    config_dir: Path,
    gemeente: str,
    buurten: set[str],
    indicators: set[str],
    progress: Callable[[str], None],
) -> dict[str, pd.DataFrame]:
    """The registers belong to the configured municipality; any other build gets the empty tables."""
    spec = load_register_spec(config_dir / "registers.toml")
    if spec is None or gemeente != config.gemeente_code:
        return empty_tables().as_dict()
    tables = load_registers(
        spec,
        areas={area.id: area.buurten for area in config.areas},
        buurten=buurten,
        programmes={p.id for p in config.programmes},
        themes={t.id for t in config.themes},
        indicators=indicators,
    )
    progress(
        f"- registers: {len(tables.interventions)} interventies, {len(tables.intervention_results)} resultaten, "
        f"{len(tables.process_log)} regels proceslog"
    )
    for warning in tables.warnings:
        progress(f"  waarschuwing: {warning}")
    return tables.as_dict()
