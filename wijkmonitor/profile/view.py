"""Everything one profile shows, prepared once per unit, age group and data version (pure, no Streamlit)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from wijkmonitor.common import fmt
from wijkmonitor.profile import tables
from wijkmonitor.profile.charts import theme_figure
from wijkmonitor.profile.units import Unit
from wijkmonitor.texts import profiel as txt


@dataclass(frozen=True)
class ThemeBlock:
    theme_id: str
    name: str
    figure: go.Figure
    table: pd.DataFrame
    alt: str


@dataclass(frozen=True)
class ProfileView:
    unit: Unit
    age_group: str
    age_label: str
    city_name: str
    meta: Mapping[str, str]
    values: pd.DataFrame  # every compared figure of the unit, all age groups (for the downloads)
    shown: pd.DataFrame  # the chosen age group plus 'totaal'
    themes: tuple[ThemeBlock, ...]
    compass: pd.DataFrame
    context: pd.DataFrame  # raw key figures
    context_table: pd.DataFrame
    interventions: pd.DataFrame | None  # None: the database has no register tables
    process: pd.DataFrame | None
    interventions_table: pd.DataFrame  # Dutch display versions (empty without registers)
    process_table: pd.DataFrame
    has_example_registers: bool
    summary: str
    compass_summary: str
    method_note: str | None
    unweighted: bool
    ages: tuple[str, ...]  # age groups with figures, in display order ('totaal' always shows)
    age_labels: Mapping[str, str]

    def default_age(self, preferred: str) -> str:
        return preferred if preferred in self.ages or not self.ages else self.ages[0]

    @property
    def title(self) -> str:
        return txt.HEADER.format(name=self.unit.name)

    @property
    def subtitle(self) -> str:
        return txt.SUBHEADER.format(kind=self.unit.kind_label, age=self.age_label, city=self.city_name)

    @property
    def data_version(self) -> str:
        return txt.DATA_VERSION.format(built_at=fmt.moment_words(self.meta.get("built_at")))

    @property
    def compass_help(self) -> str:
        tolerance = fmt.number(float(self.meta.get("gap_tolerance", "0.5")), 1, missing=fmt.DASH)
        return txt.SECTION_COMPASS_HELP.format(tolerance=tolerance, unit="procentpunt")

    @property
    def file_stem(self) -> str:
        return txt.FILE_STEM.format(code=self.unit.code.lower())


def _has_examples(*frames: pd.DataFrame | None) -> bool:
    """Any register row marked as example data (is_example) needs the visible Voorbeelddata label."""
    present = [f for f in frames if f is not None and not f.empty]
    return any(bool(f["is_example"].fillna(False).astype(bool).any()) for f in present)


def _method_note(unit: Unit, shown: pd.DataFrame) -> tuple[str | None, bool]:
    if unit.unit_type != "area" or shown.empty:
        return None, False
    methods = set(shown["method"].dropna())
    members = int(shown["n_members"].max())
    if "ongewogen" in methods:
        return txt.METHOD_UNWEIGHTED.format(name=unit.name, n=members), True
    years = sorted({int(y) for y in shown["weight_year"].dropna()})
    weight_years = ", ".join(str(y) for y in years)
    used = int(shown["n_used"].max())
    if used < members:
        # No indicator has figures for every buurt: count only the buurten with figures.
        return txt.METHOD_WEIGHTED_PARTIAL.format(used=used, n=members, weight_years=weight_years,
                                                  verb="heeft" if used == 1 else "hebben"), False
    note = txt.METHOD_WEIGHTED.format(n=members, weight_years=weight_years)
    if (shown["n_used"] < shown["n_members"]).any():
        note += " " + txt.MEMBERS_MISSING
    return note, False


def build_profile(
    *,
    unit: Unit,
    age_group: str,
    values: pd.DataFrame,
    context: pd.DataFrame,
    interventions: pd.DataFrame | None,
    process: pd.DataFrame | None,
    meta: Mapping[str, str],
    age_labels: Mapping[str, str],
    area_names: Mapping[str, str] | None = None,
) -> ProfileView:
    """From the queries profile_values, profile_context, profile_interventions, profile_process, build_meta.

    `area_names` turns the register's area ids and buurt codes into names (from profile_units).
    """
    city_name = meta.get("gemeente_name", "")
    shown = tables.for_age(values, age_group)
    blocks = []
    for theme_id, name in tables.themes(shown):
        rows = shown[shown["theme_id"] == theme_id]
        blocks.append(ThemeBlock(
            theme_id=theme_id, name=name, figure=theme_figure(rows, unit.name, city_name),
            table=tables.comparison_table(rows, unit.name, city_name),
            alt=txt.CHART_ALT.format(theme=name, name=unit.name),
        ))
    tolerance = fmt.number(float(meta.get("gap_tolerance", "0.5")), 1, missing=fmt.DASH)
    counts = tables.position_counts(shown)
    summary = txt.SUMMARY.format(
        n=len(shown), name=unit.name, worse=counts["slechter"], better=counts["beter"], equal=counts["gelijk"],
        neutral=counts["neutraal"], tolerance=tolerance, unit="procentpunt",
    )
    kompas = tables.compass_counts(shown)
    compass_summary = txt.COMPASS_SUMMARY.format(
        name=unit.name, better=kompas["verbeterd"], worse=kompas["verslechterd"], equal=kompas["gelijk"],
    )
    note, unweighted = _method_note(unit, shown)
    return ProfileView(
        unit=unit, age_group=age_group, age_label=age_labels.get(age_group, age_group), city_name=city_name,
        meta=dict(meta), values=values, shown=shown, themes=tuple(blocks),
        compass=tables.compass_table(shown, unit.name), context=context,
        context_table=tables.context_table(context), interventions=interventions, process=process,
        interventions_table=(tables.interventions_table(interventions, area_names) if interventions is not None
                             else pd.DataFrame()),
        process_table=tables.process_table(process, area_names) if process is not None else pd.DataFrame(),
        has_example_registers=_has_examples(interventions, process),
        summary=summary, compass_summary=compass_summary, method_note=note, unweighted=unweighted,
        ages=tuple(tables.available_ages(values)),
        age_labels=dict(zip(values["age_group"], values["age_label"], strict=True)),
    )
