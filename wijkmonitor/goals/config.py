"""Goals from `config/goals.toml`: read, check against the catalogue, and hand out as frozen dataclasses.

Every problem is collected (not only the first), and each names the key it is about, so the programme office
can fix the file in one go. The catalogue the goals are checked against comes either from the configuration
(`Catalogue.from_config`, for a check before the build) or from the built database (`Catalogue.from_frames`,
what the dashboard uses, so the goals always match the data on screen).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import pandas as pd
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from wijkmonitor.common.text import plain, split_list, strip_controls
from wijkmonitor.common.tomlfile import hint, read_toml
from wijkmonitor.config import DEFAULT_CONFIG_DIR, ProgrammeConfig
from wijkmonitor.errors import BuildError, DataUnavailable
from wijkmonitor.partners import DEFAULT_PARTNERS, load_partners
from wijkmonitor.texts import doelen as txt

DEFAULT_GOALS = DEFAULT_CONFIG_DIR / "goals.toml"
TARGET_TYPES = ("value", "gap_at_most", "gap_factor")
# The age groups of the data contract (docs/architecture.md); kept here so checking the goals needs no database.
AGE_GROUPS = ("totaal", "18plus", "18-64", "65plus")
ALL_AREAS = "all"
PROGRAMME_AREA_KIND = "programmagebied"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


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


# --- the schema: every key a typed, named field --------------------------------------------------------
# Strict: TOML already types its values, so "2030" (text) is not a year and 1 is not `true`. A string is not
# silently a list either (pydantic would otherwise not, but a hand-written loop would read it letter by letter).

_Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_Year = Annotated[int, Field(ge=1900, le=2100)]
# Titles, names and notes are shown on pages: control and bidi characters never belong in them.
_Clean = AfterValidator(lambda value: strip_controls(value).strip())
_Shown = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), _Clean]
_ShownOptional = Annotated[str, _Clean]


class _Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class StatusSchema(_Schema):
    on_track: float = Thresholds.on_track
    at_risk: float = Thresholds.at_risk


class PartnerSchema(_Schema):
    id: _Text
    name: _Shown
    kind: _ShownOptional = ""


class GoalSchema(_Schema):
    id: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, pattern=_ID.pattern)]
    title: _Shown
    theme: _Text
    indicator: _Text
    age_group: _Text
    areas: Literal["all"] | Annotated[list[_Text], Field(min_length=1)] | _Text
    baseline_year: _Year
    target_year: _Year
    target_type: Literal["value", "gap_at_most", "gap_factor"]
    target: float
    partners: Annotated[list[_Text], Field(min_length=1)]
    example: bool = False
    note: _ShownOptional = ""


_TOP_SCHEMA = {"status": StatusSchema, "partners": PartnerSchema, "goals": GoalSchema}
# Messages for a wrong form, by key, where the general one ("verwacht een lijst") would not say what to write.
_FORM_BY_KEY = {"areas": txt.CONFIG_AREAS_FORM, "partners": txt.CONFIG_PARTNERS_FORM}


def _message(error: Any, model: type[BaseModel]) -> tuple[str | None, str]:
    """(key, Dutch message) for one pydantic error of `model`."""
    loc = [part for part in error["loc"] if isinstance(part, str)]
    key = loc[0] if loc else None
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        return key, txt.CONFIG_UNKNOWN_KEY + hint(str(key), model.model_fields)
    if kind == "missing" or (kind == "string_too_short" and not loc[1:]):
        return key, txt.CONFIG_MISSING
    if key in _FORM_BY_KEY and kind in ("list_type", "too_short", "string_type", "literal_error", "string_too_short"):
        return key, _FORM_BY_KEY[key]
    if key == "id" and kind == "string_pattern_mismatch":
        return key, txt.CONFIG_BAD_ID.format(value=value)
    if key == "target_type":
        return key, txt.CONFIG_UNKNOWN_TARGET_TYPE.format(value=value) + hint(str(value), TARGET_TYPES)
    if key and key.endswith("_year"):
        return key, txt.CONFIG_NOT_YEAR.format(value=value)
    if kind.startswith("float") or kind.startswith("int"):
        return key, txt.CONFIG_NOT_NUMBER.format(value=value)
    if kind.startswith("bool"):
        return key, txt.CONFIG_NOT_BOOL.format(value=value)
    if kind.startswith("string") or kind == "str_type":
        return key, txt.CONFIG_NOT_TEXT.format(value=value)
    if kind in ("model_type", "dict_type"):
        return key, txt.CONFIG_NOT_TABLE
    if kind == "list_type":
        return key, txt.CONFIG_NOT_LIST
    return key, f"{error['msg']} ({value!r})"


_S = TypeVar("_S", bound=BaseModel)


class _Checker:
    """Validates each part against its schema, then checks what the schema cannot know: the catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.problems: list[str] = []

    def problem(self, where: str, key: str | None, message: str) -> None:
        self.problems.append(txt.CONFIG_PROBLEM.format(where=where, key=key) if key else where)
        self.problems[-1] += f": {message}"

    def validate(self, schema: type[_S], raw: Any, where: str) -> _S | None:
        if not isinstance(raw, Mapping):
            self.problem(where, None, txt.CONFIG_NOT_TABLE)
            return None
        try:
            return schema.model_validate(dict(raw))
        except ValidationError as exc:
            said: set[tuple[str | None, str]] = set()
            for error in exc.errors():
                key, message = _message(error, schema)
                if (key, message) not in said:  # areas fails every branch of its union with one cause
                    said.add((key, message))
                    self.problem(where, key, message)
            return None

    def thresholds(self, raw: Any) -> Thresholds:
        status = self.validate(StatusSchema, raw, "status")
        if status is None:
            return Thresholds()
        if not 0 < status.at_risk < status.on_track:
            self.problem("status", "at_risk",
                         txt.CONFIG_THRESHOLDS.format(at_risk=status.at_risk, on_track=status.on_track))
            return Thresholds()
        return Thresholds(on_track=status.on_track, at_risk=status.at_risk)

    def partners(self, raw: Any) -> tuple[Partner, ...]:
        if not isinstance(raw, list):
            self.problem("partners", None, txt.CONFIG_NOT_LIST)
            return ()
        partners: list[Partner] = []
        for index, entry in enumerate(raw):
            where = f"partners[{index}]"
            partner = self.validate(PartnerSchema, entry, where)
            if partner is None:
                continue
            if any(p.id == partner.id for p in partners):
                self.problem(where, "id", txt.CONFIG_DUPLICATE_ID.format(id=partner.id))
                continue
            partners.append(Partner(partner.id, partner.name, partner.kind.strip()))
        return tuple(partners)

    def known(self, value: str, known: Iterable[str], where: str, key: str, message: str) -> str | None:
        options = list(known)
        if value not in options:
            self.problem(where, key, message.format(value=value) + hint(value, options))
            return None
        return value

    def areas(self, value: str | list[str], where: str) -> tuple[tuple[str, ...], bool] | None:
        if value == ALL_AREAS:
            return self.catalogue.renewal_areas(), True
        items = [value] if isinstance(value, str) else value  # one area id as text is that one area
        areas: list[str] = []
        for item in items:
            if self.known(item, self.catalogue.areas, where, "areas", txt.CONFIG_UNKNOWN_AREA) and item not in areas:
                areas.append(item)
        return (tuple(areas), False) if len(areas) == len(set(items)) else None

    def goal(self, entry: Any, index: int, partner_ids: set[str], seen: set[str]) -> Goal | None:
        where = f"goals[{index}]"
        raw_id = entry.get("id") if isinstance(entry, Mapping) else None
        if isinstance(raw_id, str) and raw_id.strip():
            where = f"{where} ({raw_id.strip()})"
            if raw_id.strip() in seen:
                self.problem(where, "id", txt.CONFIG_DUPLICATE_ID.format(id=raw_id.strip()))
            seen.add(raw_id.strip())
        before = len(self.problems)
        schema = self.validate(GoalSchema, entry, where)
        if schema is None:
            return None
        catalogue = self.catalogue
        self.known(schema.theme, catalogue.themes, where, "theme", txt.CONFIG_UNKNOWN_THEME)
        indicator = self.known(schema.indicator, catalogue.indicators, where, "indicator",
                               txt.CONFIG_UNKNOWN_INDICATOR)
        if indicator is not None:
            polarity, aggregation = catalogue.indicators[indicator]
            if aggregation != "weighted_mean":
                self.problem(where, "indicator", txt.CONFIG_NOT_COMPARABLE.format(value=indicator))
            elif polarity == "neutral":
                self.problem(where, "indicator", txt.CONFIG_NEUTRAL.format(value=indicator))
        self.known(schema.age_group, sorted(catalogue.age_groups), where, "age_group", txt.CONFIG_UNKNOWN_AGE)
        areas = self.areas(schema.areas, where)
        if schema.target_year <= schema.baseline_year:
            self.problem(where, "target_year", txt.CONFIG_TARGET_BEFORE_BASELINE.format(
                target=schema.target_year, baseline=schema.baseline_year))
        target = schema.target
        if not math.isfinite(target):
            self.problem(where, "target", txt.CONFIG_NOT_NUMBER.format(value=target))
        elif schema.target_type == "gap_factor" and not 0 <= target < 1:
            self.problem(where, "target", txt.CONFIG_GAP_FACTOR.format(value=target))
        elif schema.target_type == "gap_at_most" and target < 0:
            self.problem(where, "target", txt.CONFIG_GAP_NEGATIVE.format(value=target))
        for partner in schema.partners:
            self.known(partner, partner_ids, where, "partners", txt.CONFIG_UNKNOWN_PARTNER)
        if len(self.problems) > before or areas is None:
            return None
        return Goal(
            id=schema.id, title=schema.title, theme=schema.theme, indicator=schema.indicator,
            age_group=schema.age_group, areas=areas[0], all_areas=areas[1], baseline_year=schema.baseline_year,
            target_year=schema.target_year, target_type=schema.target_type, target=target,
            partners=tuple(schema.partners), example=schema.example, note=schema.note.strip(),
        )


def _partners_path(goals_path: Path) -> Path:
    beside = goals_path.parent / "partners.toml"
    return beside if beside.exists() else DEFAULT_PARTNERS


def parse_goals(data: Mapping[str, Any], catalogue: Catalogue, path: Path = DEFAULT_GOALS) -> GoalsConfig:
    """Check parsed TOML against the schema and the catalogue; raises GoalsConfigError listing every problem."""
    checker = _Checker(catalogue)
    for key in sorted(set(data) - set(_TOP_SCHEMA)):
        checker.problem(txt.CONFIG_FILE_LEVEL, key, txt.CONFIG_UNKNOWN_KEY + hint(key, _TOP_SCHEMA))
    thresholds = checker.thresholds(data.get("status", {}))
    # The one partner list is config/partners.toml next to goals.toml; a goals file may still carry its own
    # [[partners]] (older configurations, tests).
    if "partners" in data:
        partners = checker.partners(data["partners"])
    else:
        partners = tuple(Partner(p.id, p.name, p.kind) for p in load_partners(_partners_path(path)).partners)
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
        data = read_toml(path, missing=txt.CONFIG_MISSING_FILE)
    except BuildError as exc:
        # Goals problems are listed together and shown on the page (DataUnavailable), not only in the build.
        raise GoalsConfigError(path, [exc.message]) from exc
    return parse_goals(data, catalogue, path)


BUILT = Path("goals.toml (bij de bouw)")  # the path a GoalsConfig read back from the database carries


def thresholds_from_table(info: pd.DataFrame) -> Thresholds:
    """The thresholds the build wrote (query goals_thresholds); the defaults for a build without the row."""
    if info.empty:
        return Thresholds()
    row = info.iloc[0]
    return Thresholds(on_track=float(row["on_track"]), at_risk=float(row["at_risk"]))


def goals_from_tables(goals: pd.DataFrame, partners: pd.DataFrame, thresholds: pd.DataFrame) -> GoalsConfig:
    """The goals as the build checked and wrote them (queries goals_built, goal_partners_built, goals_thresholds).

    Pages read goals only from here, so the goals on screen always belong to the figures of the same build.
    """
    rows: list[dict[str, Any]] = [{str(k): v for k, v in r.items()} for r in goals.to_dict("records")]
    return GoalsConfig(
        thresholds=thresholds_from_table(thresholds),
        partners=tuple(Partner(str(r.partner_id), str(r.name), plain(r.kind)) for r in partners.itertuples()),
        goals=tuple(
            Goal(id=str(r["goal_id"]), title=str(r["title"]), theme=str(r["theme_id"]),
                 indicator=str(r["indicator_code"]), age_group=str(r["age_group"]), areas=tuple(split_list(r["areas"])),
                 all_areas=bool(r["all_areas"]), baseline_year=int(r["baseline_year"]),
                 target_year=int(r["target_year"]), target_type=str(r["target_type"]), target=float(r["target"]),
                 partners=tuple(split_list(r["partners"])), example=bool(r["example"]), note=plain(r["note"]))
            for r in rows
        ),
        path=BUILT,
    )
