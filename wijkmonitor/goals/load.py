"""Cached data calls of the Doelen page: query rows and goals.toml fed to the pure view."""

from __future__ import annotations

import pandas as pd

from wijkmonitor.access.session import query_for_viewer
from wijkmonitor.common.data import cached, query
from wijkmonitor.goals import config
from wijkmonitor.goals.table import PROGRESS_COLUMNS
from wijkmonitor.goals.view import GoalsView, build_view


def has_areas() -> bool:
    """False for a build of another gemeente than the configured one: no renewal areas, so no goals apply."""
    return not query("renewal_areas_all").empty


# config.DEFAULT_GOALS is looked up per call, so a test (or a later setting) can point it elsewhere.
def view() -> GoalsView:
    return _view(config.file_version(config.DEFAULT_GOALS))


@cached(max_entries=4)
def _view(goals_version: tuple[int, int]) -> GoalsView:
    # goals.toml's version is part of the key: an edited file gives a fresh view without a rebuild.
    return build_view(
        indicators=query("goals_indicators"), areas=query("renewal_areas_all"), themes=query("themes_all"),
        ages=query("age_groups"), series=query("goals_series"), goals_path=config.DEFAULT_GOALS,
        # The interventions linked to goals as this run's viewer may see them: no draft reaches a goal's list
        # for someone who may not see it (issue 14); `cached` keys by visibility class.
        interventions=query_for_viewer("interventions_list"), places=query_for_viewer("interventions_areas"),
    )


def empty_progress() -> pd.DataFrame:
    """The progress table's columns without rows (a build without goals)."""
    return pd.DataFrame(columns=PROGRESS_COLUMNS)
