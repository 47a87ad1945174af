"""Register tables for the build: the interventions and process registers, or empty tables without them."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from wijkmonitor.config import ProgrammeConfig


def register_tables(config: ProgrammeConfig, gemeente: str, progress: Callable[[str], None]) -> dict[str, pd.DataFrame]:
    # Placeholder until the register loader lands: the build always writes the register tables.
    return {}
