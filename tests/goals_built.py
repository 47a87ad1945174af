"""The goals of a test database as the pages read them (from the build, not from goals.toml)."""

from __future__ import annotations

from pathlib import Path

from wijkmonitor import db
from wijkmonitor.goals.config import GoalsConfig, goals_from_tables


def built_goals(path: Path) -> GoalsConfig:
    return goals_from_tables(db.run(path, "goals_built"), db.run(path, "goal_partners_built"),
                             db.run(path, "goals_thresholds"))
