"""Cached data call of Over de data: query rows and the status thresholds fed to the pure view."""

from __future__ import annotations

from wijkmonitor.about.view import AboutView, build_about
from wijkmonitor.common.data import cached, meta, query
from wijkmonitor.goals import config


# config.DEFAULT_GOALS is looked up per call, so a test (or a later setting) can point it elsewhere.
def view() -> AboutView:
    return _view(config.file_version(config.DEFAULT_GOALS))


@cached(max_entries=4)
def _view(goals_version: tuple[int, int]) -> AboutView:
    return build_about(
        meta=meta(), catalogue=query("about_catalogue"), ages=query("age_groups"),
        editions=query("about_editions"), boundaries=query("about_boundaries"), sources=query("about_sources"),
        weighting=query("about_weighting"), thresholds=config.read_thresholds(config.DEFAULT_GOALS),
        coverage=query("coverage_themes"),
    )
