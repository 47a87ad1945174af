"""Cached data calls of the Doelen page: query rows and the goals as built, fed to the pure view."""

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


def built_goals() -> config.GoalsConfig:
    """The goals as the build wrote them: an edited goals.toml shows after the next build, with its figures."""
    return config.goals_from_tables(query("goals_built"), query("goal_partners_built"), query("goals_thresholds"))


@cached(max_entries=4)
def view() -> GoalsView:
    return build_view(
        indicators=query("goals_indicators"), areas=query("renewal_areas_all"), themes=query("themes_all"),
        ages=query("age_groups"), series=query("goals_series"), config=built_goals(),
        # The interventions linked to goals as this run's viewer may see them: no draft reaches a goal's list
        # for someone who may not see it (issue 14); `cached` keys by visibility class.
        interventions=query_for_viewer("interventions_list"), places=query_for_viewer("interventions_areas"),
    )


def empty_progress() -> pd.DataFrame:
    """The progress table's columns without rows (a build without goals)."""
    return pd.DataFrame(columns=PROGRESS_COLUMNS)
