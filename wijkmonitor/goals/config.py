"""Goals from `config/goals.toml`: read, check against the catalogue, and hand out as frozen dataclasses.

Every problem is collected (not only the first), and each names the key it is about, so the programme office
can fix the file in one go. The catalogue the goals are checked against comes either from the configuration
(`Catalogue.from_config`, for a check before the build) or from the built database (`Catalogue.from_frames`,
what the dashboard uses, so the goals always match the data on screen).
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from wijkmonitor.common.text import strip_controls
from wijkmonitor.config import DEFAULT_CONFIG_DIR, ProgrammeConfig
from wijkmonitor.errors import DataUnavailable
from wijkmonitor.texts import doelen as txt

# Keys whose text is shown as written (ids and references are checked as they are).
_SHOWN_TEXT = frozenset({"title", "note", "name", "kind"})

DEFAULT_GOALS = DEFAULT_CONFIG_DIR / "goals.toml"
TARGET_TYPES = ("value", "gap_at_most", "gap_factor")
# The age groups of the data contract (docs/architecture.md); kept here so checking the goals needs no database.
AGE_GROUPS = ("totaal", "18plus", "18-64", "65plus")
ALL_AREAS = "all"
PROGRAMME_AREA_KIND = "programmagebied"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_GOAL_KEYS = {
    "id", "title", "theme", "indicator", "age_group", "areas", "baseline_year", "target_year", "target_type",
    "target", "partners", "example", "note",
}
_PARTNER_KEYS = {"id", "name", "kind"}
_STATUS_KEYS = {"on_track", "at_risk"}
_TOP_KEYS = {"status", "partners", "goals"}


class GoalsConfigError(DataUnavailable):
    """goals.toml is unusable; carries every problem found, each naming its key."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        lines = "\n".join(f"- {p}" for p in problems)
        super().__init__(txt.CONFIG_ERRORS.format(path=path, n=len(problems)) + "\n" + lines)


@dataclass(frozen=True)
class Thresholds:
    on_track: float = 0.95
    at_risk: float = 0.6


@dataclass(frozen=True)
class Partner:
    id: str
    name: str
    kind: str = ""


@dataclass(frozen=True)
class Goal:
    id: str
    title: str
    theme: str
    indicator: str
    age_group: str
    areas: tuple[str, ...]  # resolved: "all" becomes the ids of every renewal area
    all_areas: bool
    baseline_year: int
    target_year: int
    target_type: str
    target: float
    partners: tuple[str, ...]
    example: bool
    note: str = ""

    @property
    def is_gap(self) -> bool:
        return self.target_type != "value"


@dataclass(frozen=True)
class GoalsConfig:
    thresholds: Thresholds
    partners: tuple[Partner, ...]
    goals: tuple[Goal, ...]
    path: Path

    def goal(self, goal_id: str) -> Goal | None:
        return next((g for g in self.goals if g.id == goal_id), None)

    def partner_names(self) -> dict[str, str]:
        return {p.id: p.name for p in self.partners}


@dataclass(frozen=True)
class Catalogue:
    """What goals may refer to: indicator polarity and aggregation, renewal areas and their kind, themes."""

    indicators: Mapping[str, tuple[str, str]]  # code -> (polarity, aggregation)
    areas: Mapping[str, str]  # area id -> kind, in configuration order
    themes: frozenset[str]
    age_groups: frozenset[str] = frozenset(AGE_GROUPS)

    @classmethod
    def from_config(cls, config: ProgrammeConfig) -> Catalogue:
        return cls(
            indicators={c: (i.polarity, i.aggregation) for c, i in config.indicators.items()},
            areas={a.id: a.kind for a in config.areas},
            themes=frozenset(t.id for t in config.themes),
        )

    @classmethod
    def from_frames(cls, indicators: pd.DataFrame, areas: pd.DataFrame, themes: pd.DataFrame) -> Catalogue:
        """From the database tables `indicators`, `renewal_areas` (sorted) and `themes`."""
        return cls(
            indicators={
                str(c): (str(p), str(a))
                for c, p, a in zip(indicators["indicator_code"], indicators["polarity"],
                                   indicators["aggregation"], strict=True)
            },
            areas={str(a): str(k) for a, k in zip(areas["area_id"], areas["kind"], strict=True)},
            themes=frozenset(str(t) for t in themes["theme_id"]),
        )

    def renewal_areas(self) -> tuple[str, ...]:
        return tuple(a for a, kind in self.areas.items() if kind != PROGRAMME_AREA_KIND)


def _hint(value: str, candidates: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(candidates), n=1, cutoff=0.6)
    return txt.CONFIG_DID_YOU_MEAN.format(suggestion=close[0]) if close else ""


class _Checker:
    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.problems: list[str] = []

    def problem(self, where: str, key: str | None, message: str) -> None:
        self.problems.append(txt.CONFIG_PROBLEM.format(where=where, key=key) if key else where)
        self.problems[-1] += f": {message}"

    def unknown_keys(self, table: Mapping[str, Any], allowed: set[str], where: str) -> None:
        for key in sorted(set(table) - allowed):
            self.problem(where, key, txt.CONFIG_UNKNOWN_KEY + _hint(key, allowed))

    def text(self, table: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str | None:
        value = table.get(key)
        if value is None or value == "":
            if required:
                self.problem(where, key, txt.CONFIG_MISSING)
            return None
        if not isinstance(value, str):
            self.problem(where, key, txt.CONFIG_NOT_TEXT.format(value=value))
            return None
        # Titles, notes and names are shown on pages: control and bidi characters never belong in them.
        return (strip_controls(value) if key in _SHOWN_TEXT else value).strip()

    def year(self, table: Mapping[str, Any], key: str, where: str) -> int | None:
        value = table.get(key)
        if value is None:
            self.problem(where, key, txt.CONFIG_MISSING)
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2100:
            self.problem(where, key, txt.CONFIG_NOT_YEAR.format(value=value))
            return None
        return value

    def number(self, table: Mapping[str, Any], key: str, where: str) -> float | None:
        value = table.get(key)
        if value is None:
            self.problem(where, key, txt.CONFIG_MISSING)
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(where, key, txt.CONFIG_NOT_NUMBER.format(value=value))
            return None
        return float(value)

    def thresholds(self, table: Mapping[str, Any]) -> Thresholds:
        if not isinstance(table, Mapping):
            self.problem("status", None, txt.CONFIG_NOT_TABLE)
            return Thresholds()
        self.unknown_keys(table, _STATUS_KEYS, "status")
        defaults = Thresholds()
        on_track = self.number({"on_track": defaults.on_track} | dict(table), "on_track", "status")
        at_risk = self.number({"at_risk": defaults.at_risk} | dict(table), "at_risk", "status")
        if on_track is None or at_risk is None:
            return defaults
        if not 0 < at_risk < on_track:
            self.problem("status", "at_risk", txt.CONFIG_THRESHOLDS.format(at_risk=at_risk, on_track=on_track))
            return defaults
        return Thresholds(on_track=on_track, at_risk=at_risk)

    def partners(self, raw: Any) -> tuple[Partner, ...]:
        if not isinstance(raw, list):
            self.problem("partners", None, txt.CONFIG_NOT_LIST)
            return ()
        partners: list[Partner] = []
        for index, entry in enumerate(raw):
            where = f"partners[{index}]"
            if not isinstance(entry, Mapping):
                self.problem(where, None, txt.CONFIG_NOT_TABLE)
                continue
            self.unknown_keys(entry, _PARTNER_KEYS, where)
            partner_id = self.text(entry, "id", where)
            name = self.text(entry, "name", where)
            if partner_id is None or name is None:
                continue
            if any(p.id == partner_id for p in partners):
                self.problem(where, "id", txt.CONFIG_DUPLICATE_ID.format(id=partner_id))
                continue
            partners.append(Partner(partner_id, name, self.text(entry, "kind", where, required=False) or ""))
        return tuple(partners)

    def choice(self, value: str | None, known: Iterable[str], where: str, key: str, message: str) -> str | None:
        if value is None:
            return None
        known = list(known)
        if value not in known:
            self.problem(where, key, message.format(value=value) + _hint(value, known))
            return None
        return value

    def areas(self, value: Any, where: str) -> tuple[tuple[str, ...], bool] | None:
        if value == ALL_AREAS:
            return self.catalogue.renewal_areas(), True
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value:
            self.problem(where, "areas", txt.CONFIG_AREAS_FORM)
            return None
        areas: list[str] = []
        for item in value:
            if not isinstance(item, str):
                self.problem(where, "areas", txt.CONFIG_NOT_TEXT.format(value=item))
                continue
            known = self.choice(item, self.catalogue.areas, where, "areas", txt.CONFIG_UNKNOWN_AREA)
            if known is not None and known not in areas:
                areas.append(known)
        return (tuple(areas), False) if areas else None

    def goal(self, entry: Mapping[str, Any], index: int, partner_ids: set[str], seen: set[str]) -> Goal | None:
        where = f"goals[{index}]"
        if not isinstance(entry, Mapping):
            self.problem(where, None, txt.CONFIG_NOT_TABLE)
            return None
        goal_id = self.text(entry, "id", where)
        if goal_id is not None:
            where = f"{where} ({goal_id})"
            if not _ID.match(goal_id):
                self.problem(where, "id", txt.CONFIG_BAD_ID.format(value=goal_id))
            elif goal_id in seen:
                self.problem(where, "id", txt.CONFIG_DUPLICATE_ID.format(id=goal_id))
            seen.add(goal_id)
        before = len(self.problems)
        self.unknown_keys(entry, _GOAL_KEYS, where)
        title = self.text(entry, "title", where)
        theme = self.choice(self.text(entry, "theme", where), self.catalogue.themes, where, "theme",
                            txt.CONFIG_UNKNOWN_THEME)
        indicator = self.choice(self.text(entry, "indicator", where), self.catalogue.indicators, where,
                                "indicator", txt.CONFIG_UNKNOWN_INDICATOR)
        if indicator is not None:
            polarity, aggregation = self.catalogue.indicators[indicator]
            if aggregation != "weighted_mean":
                self.problem(where, "indicator", txt.CONFIG_NOT_COMPARABLE.format(value=indicator))
            elif polarity == "neutral":
                self.problem(where, "indicator", txt.CONFIG_NEUTRAL.format(value=indicator))
        age_group = self.choice(self.text(entry, "age_group", where), sorted(self.catalogue.age_groups), where,
                                "age_group", txt.CONFIG_UNKNOWN_AGE)
        areas = self.areas(entry.get("areas"), where) if "areas" in entry else None
        if "areas" not in entry:
            self.problem(where, "areas", txt.CONFIG_MISSING)
        baseline_year = self.year(entry, "baseline_year", where)
        target_year = self.year(entry, "target_year", where)
        if baseline_year is not None and target_year is not None and target_year <= baseline_year:
            self.problem(where, "target_year",
                         txt.CONFIG_TARGET_BEFORE_BASELINE.format(target=target_year, baseline=baseline_year))
        target_type = self.choice(self.text(entry, "target_type", where), TARGET_TYPES, where, "target_type",
                                  txt.CONFIG_UNKNOWN_TARGET_TYPE)
        target = self.number(entry, "target", where)
        if target is not None and target_type == "gap_factor" and not 0 <= target < 1:
            self.problem(where, "target", txt.CONFIG_GAP_FACTOR.format(value=target))
        if target is not None and target_type == "gap_at_most" and target < 0:
            self.problem(where, "target", txt.CONFIG_GAP_NEGATIVE.format(value=target))
        partners = entry.get("partners")
        if not isinstance(partners, list) or not partners:
            self.problem(where, "partners", txt.CONFIG_PARTNERS_FORM)
            partners = []
        for partner in partners:
            self.choice(str(partner), partner_ids, where, "partners", txt.CONFIG_UNKNOWN_PARTNER)
        example = entry.get("example", False)
        if not isinstance(example, bool):
            self.problem(where, "example", txt.CONFIG_NOT_BOOL.format(value=example))
        if len(self.problems) > before or goal_id is None:
            return None
        assert title and theme and indicator and age_group and areas and target_type  # checked above
        assert baseline_year is not None and target_year is not None and target is not None
        return Goal(
            id=goal_id, title=title, theme=theme, indicator=indicator, age_group=age_group, areas=areas[0],
            all_areas=areas[1], baseline_year=baseline_year, target_year=target_year, target_type=target_type,
            target=target, partners=tuple(str(p) for p in partners), example=bool(example),
            note=self.text(entry, "note", where, required=False) or "",
        )


def parse_goals(data: Mapping[str, Any], catalogue: Catalogue, path: Path = DEFAULT_GOALS) -> GoalsConfig:
    """Check parsed TOML against the catalogue; raises GoalsConfigError listing every problem."""
    checker = _Checker(catalogue)
    checker.unknown_keys(data, _TOP_KEYS, txt.CONFIG_FILE_LEVEL)
    thresholds = checker.thresholds(data.get("status", {}))
    partners = checker.partners(data.get("partners", []))
    raw_goals = data.get("goals", [])
    goals: list[Goal] = []
    if not isinstance(raw_goals, list):
        checker.problem("goals", None, txt.CONFIG_NOT_LIST)
        raw_goals = []
    seen: set[str] = set()
    for index, entry in enumerate(raw_goals):
        goal = checker.goal(entry, index, {p.id for p in partners}, seen)
        if goal is not None:
            goals.append(goal)
    if checker.problems:
        raise GoalsConfigError(path, checker.problems)
    return GoalsConfig(thresholds=thresholds, partners=partners, goals=tuple(goals), path=path)


def load_goals(catalogue: Catalogue, path: Path = DEFAULT_GOALS) -> GoalsConfig:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError as exc:
        raise GoalsConfigError(path, [txt.CONFIG_MISSING_FILE]) from exc
    except tomllib.TOMLDecodeError as exc:
        raise GoalsConfigError(path, [txt.CONFIG_BAD_TOML.format(error=exc)]) from exc
    return parse_goals(data, catalogue, path)


def read_thresholds(path: Path = DEFAULT_GOALS) -> Thresholds:
    """Only the status thresholds (for pages that explain the method without showing goals)."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (FileNotFoundError, tomllib.TOMLDecodeError):
        return Thresholds()
    checker = _Checker(Catalogue(indicators={}, areas={}, themes=frozenset()))
    thresholds = checker.thresholds(data.get("status", {}))
    if checker.problems:
        raise GoalsConfigError(path, checker.problems)
    return thresholds


def file_version(path: Path = DEFAULT_GOALS) -> tuple[int, int]:
    """Changes when goals.toml is edited, so a cached check is redone; (0, 0) for a missing file."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return (0, 0)
    return (stat.st_mtime_ns, stat.st_size)
