"""Cached data call of Over de data: query rows (with the goals' status thresholds as built) fed to the view."""

from __future__ import annotations

from wijkmonitor.about.view import AboutView, build_about
from wijkmonitor.common.data import cached, meta, query


@cached(max_entries=4)
def view() -> AboutView:
    return build_about(
        meta=meta(), catalogue=query("about_catalogue"), ages=query("age_groups"),
        editions=query("about_editions"), boundaries=query("about_boundaries"), sources=query("about_sources"),
        weighting=query("about_weighting"), thresholds=query("goals_thresholds"),
        coverage=query("coverage_themes"),
    )
