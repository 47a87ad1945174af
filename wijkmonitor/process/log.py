"""The process log: filters, activities and reach per area and year, reach per 100 inhabitants, lived
experience, "jullie zeiden, wij deden" and the searchable lessons. Pure pandas on `process_log` rows.

Missing counts stay missing: a sum is over the activities that have the number, and the page says how many
do not; a share of activities with lived experience is over the activities where it was filled in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from wijkmonitor.common import fmt
from wijkmonitor.common.areas import Areas
from wijkmonitor.common.text import inert, markdown, plain, shorten
from wijkmonitor.common.url_state import MAX_LENGTH, choose, clean, parse_year
from wijkmonitor.texts import proces as txt

ALL = ""
MEASURE_COLUMNS = {"activities": None, "participants": "participants", "reached": "residents_reached"}


@dataclass(frozen=True)
class ProcessFilters:
    area: str = ALL
    first_year: int | None = None
    last_year: int | None = None
    activity_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProcessOptions:
    areas: dict[str, str]  # ALL first
    years: list[int]
    activity_types: list[str]


def prepare(log: pd.DataFrame, areas: Areas) -> pd.DataFrame:
    """`process_log` rows as the page shows them: an activity for a whole programme area (Groningen-Noord) is
    named '<area> als geheel', because that row holds only those activities, not those of its member areas."""
    programme_areas = {a.area_id: a.name for a in areas.options if a.is_programme_area}
    if not programme_areas:
        return log
    names = [txt.WHOLE_AREA.format(name=programme_areas[str(k)].split(" (")[0]) if str(k) in programme_areas
             else n for k, n in zip(log["area_key"], log["area_name"], strict=True)]
    return log.assign(area_name=names)


def total_row(area: str, areas: Areas) -> tuple[str, str] | None:
    """For a chosen programme area: the key and label of a row that adds up all its activities."""
    option = areas.get(area)
    if option is None or not option.is_programme_area:
        return None
    return option.area_id, txt.ALL_TOGETHER.format(name=option.name.split(" (")[0])


def options(log: pd.DataFrame, areas: Areas) -> ProcessOptions:
    """Areas: every configured renewal area, then places the log names outside them (e.g. a loose buurt)."""
    known = {a.area_id: a.name for a in areas.options}
    extra = {str(k): plain(n) for k, n in zip(log["area_key"], log["area_name"], strict=True) if str(k) not in known}
    years = sorted({int(y) for y in log["year"].dropna()})
    types = sorted({plain(t) for t in log["activity_type"] if plain(t)}, key=str.casefold)
    return ProcessOptions(areas={ALL: txt.ALL_AREAS, **known, **extra}, years=years, activity_types=types)


def apply(log: pd.DataFrame, filters: ProcessFilters, areas: Areas) -> pd.DataFrame:
    """Activities in the area (a programme area holds its own activities and those of its member areas), in
    the years, of the activity types (none chosen: all)."""
    keep = pd.Series(True, index=log.index)
    if filters.area:
        wanted = set(areas.members(filters.area)) | {filters.area}
        keep &= log["area_key"].isin(wanted)
    if filters.first_year is not None:
        keep &= log["year"].ge(filters.first_year)
    if filters.last_year is not None:
        keep &= log["year"].le(filters.last_year)
    if filters.activity_types:
        keep &= log["activity_type"].map(plain).isin(filters.activity_types)
    return log[keep.fillna(False).astype(bool)]


def _known_sum(values: pd.Series) -> int | None:
    present = pd.to_numeric(values, errors="coerce").dropna()
    return int(present.sum()) if len(present) else None


@dataclass(frozen=True)
class Summary:
    activities: int
    participants: int | None
    participants_unknown: int
    reached: int | None
    reached_unknown: int
    with_role: int
    lived_known: int
    lived_unknown: int
    n_example: int

    @property
    def lived_share(self) -> float | None:
        return self.with_role / self.lived_known if self.lived_known else None


def summary(rows: pd.DataFrame) -> Summary:
    roles = pd.to_numeric(rows["lived_experience_roles"], errors="coerce")
    return Summary(
        activities=len(rows),
        participants=_known_sum(rows["participants"]),
        participants_unknown=int(rows["participants"].isna().sum()),
        reached=_known_sum(rows["residents_reached"]),
        reached_unknown=int(rows["residents_reached"].isna().sum()),
        with_role=int((roles > 0).sum()),
        lived_known=int(roles.notna().sum()),
        lived_unknown=int(roles.isna().sum()),
        n_example=int(rows["is_example"].fillna(False).astype(bool).sum()),
    )


def _area_order(rows: pd.DataFrame) -> list[tuple[str, str]]:
    ordered = rows.assign(_o=rows["area_order"].fillna(10_000)).drop_duplicates("area_key").sort_values(
        ["_o", "area_name"])
    return [(str(k), plain(n)) for k, n in zip(ordered["area_key"], ordered["area_name"], strict=True)]


def per_area_year(rows: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Long table: area_key, area_name, year, value (count of activities, or the sum of participants or reach
    over the activities that have the number), unknown (activities without the number)."""
    column = MEASURE_COLUMNS[measure]
    out = []
    order = {k: i for i, (k, _) in enumerate(_area_order(rows))}
    for (key, name, year), group in rows.groupby(["area_key", "area_name", "year"], sort=False):
        if column is None:
            value: int | None = len(group)
            unknown = 0
        else:
            value = _known_sum(group[column])
            unknown = int(group[column].isna().sum())
        out.append({"area_key": key, "area_name": plain(name), "year": int(str(year)), "value": value,
                    "unknown": unknown, "order": order[str(key)]})
    frame = pd.DataFrame(out, columns=["area_key", "area_name", "year", "value", "unknown", "order"])
    return frame.sort_values(["order", "year"]).drop(columns="order").reset_index(drop=True)


def area_year_table(long: pd.DataFrame) -> pd.DataFrame:
    """Areas as rows, years as columns and a total: empty where the area had no activity that year,
    'onbekend' where it had activities but none with the number."""
    if long.empty:
        return pd.DataFrame(columns=[txt.COL_AREA])
    names = list(dict.fromkeys(long["area_name"]))
    years = sorted({int(y) for y in long["year"]})
    cells = {(n, int(y)): v for n, y, v in zip(long["area_name"], long["year"], long["value"], strict=True)}
    table = pd.DataFrame({txt.COL_AREA: names})
    for year in years:
        table[str(year)] = [fmt.count(cells[(n, year)], missing=txt.UNKNOWN) if (n, year) in cells else ""
                            for n in names]
    totals = []
    for name in names:
        values = [v for (n, _), v in cells.items() if n == name and not fmt.is_missing(v)]
        totals.append(fmt.count(sum(values)) if values else txt.UNKNOWN)
    table[txt.TOTAL] = totals
    return table


REACH_COLUMNS = ["area_key", "area_name", "activities", "reached", "reach_unknown", "inhabitants",
                 "inhabitants_year", "per_100", "n_example"]


def reach_vs_population(rows: pd.DataFrame, population: pd.DataFrame,
                        total: tuple[str, str] | None = None) -> pd.DataFrame:
    """Per area: residents reached (sum over activities with a number) against all inhabitants of the area
    (`process_population`); per_100 is None where either is unknown. `total` (key, label) adds a last row over
    all `rows` against that area's inhabitants (a chosen programme area with its member areas)."""
    pop = {str(a): (float(v), int(y)) for a, v, y in zip(population["area_id"], population["inhabitants"],
                                                         population["year"], strict=True)}
    out = []
    for key, name in _area_order(rows):
        group = rows[rows["area_key"] == key]
        reached = _known_sum(group["residents_reached"])
        inhabitants, year = pop.get(key, (None, None))
        per_100 = None if reached is None or not inhabitants else 100 * reached / inhabitants
        out.append({
            "area_key": key, "area_name": name, "activities": len(group), "reached": reached,
            "reach_unknown": int(group["residents_reached"].isna().sum()), "inhabitants": inhabitants,
            "inhabitants_year": year, "per_100": per_100,
            "n_example": int(group["is_example"].fillna(False).astype(bool).sum()),
        })
    if total is not None and len(out) > 1:
        key, label = total
        reached = _known_sum(rows["residents_reached"])
        inhabitants, year = pop.get(key, (None, None))
        out.append({
            "area_key": key, "area_name": label, "activities": len(rows), "reached": reached,
            "reach_unknown": int(rows["residents_reached"].isna().sum()), "inhabitants": inhabitants,
            "inhabitants_year": year,
            "per_100": None if reached is None or not inhabitants else 100 * reached / inhabitants,
            "n_example": int(rows["is_example"].fillna(False).astype(bool).sum()),
        })
    return pd.DataFrame(out, columns=REACH_COLUMNS)


def reach_table(reach: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        txt.COL_AREA: reach["area_name"],
        txt.COL_ACTIVITIES: reach["activities"].astype(int),
        txt.COL_REACHED: reach["reached"].map(lambda v: fmt.count(v, missing=txt.UNKNOWN)),
        txt.COL_REACH_UNKNOWN: reach["reach_unknown"].astype(int),
        txt.COL_INHABITANTS: reach["inhabitants"].map(lambda v: fmt.count(v, missing=txt.UNKNOWN)),
        txt.COL_INHABITANTS_YEAR: reach["inhabitants_year"].map(lambda v: txt.UNKNOWN if fmt.is_missing(v)
                                                                else str(int(v))),
        txt.COL_PER_100: reach["per_100"].map(lambda v: txt.UNKNOWN if fmt.is_missing(v)
                                              else fmt.number(v, 1)),
        txt.COL_EXAMPLE: [_example_word(e, n) for e, n in zip(reach["n_example"], reach["activities"],
                                                               strict=True)],
    })


def _example_word(n_example: object, n: object) -> str:
    n_ex, total = int(n_example), int(n)  # type: ignore[call-overload]
    if n_ex == 0:
        return ""
    return "ja" if n_ex == total else f"deels ({n_ex} van {total})"


def lived_by_type(rows: pd.DataFrame) -> pd.DataFrame:
    """Per activity type: activities with at least one role for lived experience, of those where it is known."""
    roles = pd.to_numeric(rows["lived_experience_roles"], errors="coerce")
    frame = rows.assign(_roles=roles, _type=rows["activity_type"].map(plain))
    out = []
    for kind, group in frame.groupby("_type", sort=True):
        known = int(group["_roles"].notna().sum())
        with_role = int((group["_roles"] > 0).sum())
        out.append({
            txt.COL_TYPE: kind, txt.COL_ACTIVITIES: len(group), txt.COL_KNOWN: known,
            txt.COL_WITH_ROLE: with_role, txt.COL_SHARE: fmt.share(with_role, known, missing=txt.UNKNOWN),
            txt.COL_ROLES: int(group["_roles"].sum()) if known else 0,
            txt.COL_EXAMPLE: _example_word(group["is_example"].fillna(False).astype(bool).sum(), len(group)),
        })
    return pd.DataFrame(out)


@dataclass(frozen=True)
class SaidDid:
    """One "jullie zeiden, wij deden" item; every text field already escaped for st.markdown."""

    head: str
    said: str  # shortened to text.LIMIT characters
    did: str
    full: str | None  # said and did in full, when either was shortened
    status: str
    action_status: str  # raw value, for filtering
    link_label: str  # txt.LINKED_INTERVENTION / txt.LINKED_DECISION, or ''
    link: str
    is_example: bool


def said_did(rows: pd.DataFrame) -> tuple[SaidDid, ...]:
    """Every activity where residents raised something or something was done, newest first. The link is the
    intervention it led to (by name) when the log names a known intervention, else the decision as written."""
    items = []
    ordered = rows.sort_values("date", ascending=False, kind="stable")
    for row in ordered.to_dict("records"):
        raised, action = plain(row["raised"]), plain(row["action"])
        if not raised and not action:
            continue
        status = plain(row["action_status"])
        intervention = plain(row["intervention_name"]) if plain(row["intervention_id"]) else ""
        decision = plain(row["decision_or_intervention_id"])
        if intervention:
            link_label, link = txt.LINKED_INTERVENTION, markdown(intervention)
        elif decision:
            link_label, link = txt.LINKED_DECISION, markdown(decision)
        else:
            link_label, link = "", ""
        example = bool(row["is_example"])
        said, did = shorten(raised), shorten(action)
        full = None
        if said.truncated or did.truncated:
            full = f"**{txt.SAID}:** {markdown(raised)}\n\n**{txt.DID}:** {markdown(action)}"
        items.append(SaidDid(
            head=txt.ITEM_HEAD.format(date=fmt.date(row["date"]), area=markdown(row["area_name"]),
                                      activity=markdown(row["activity_type"])) + (txt.ITEM_EXAMPLE if example
                                                                                    else ""),
            said=markdown(said.short) if raised else f"*{txt.NOT_FILLED}*",
            did=markdown(did.short) if action else f"*{txt.NOT_FILLED}*",
            full=full,
            status=txt.ITEM_STATUS.format(status=markdown(txt.ACTION_STATUS_LABELS.get(status, status))
                                          if status else txt.NO_STATUS),
            action_status=status,
            link_label=link_label,
            link=link,
            is_example=example,
        ))
    return tuple(items)


def filter_said_did(items: tuple[SaidDid, ...], statuses: tuple[str, ...]) -> tuple[SaidDid, ...]:
    """Items whose action status is one of `statuses` (none chosen: all)."""
    if not statuses:
        return items
    return tuple(i for i in items if i.action_status in statuses)


def status_counts(items: tuple[SaidDid, ...]) -> Mapping[str, int]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item.action_status] = counts.get(item.action_status, 0) + 1
    return counts


LESSON_COLUMNS = [txt.COL_DATE, txt.COL_AREA, txt.COL_ACTIVITY, txt.COL_LESSON, txt.COL_EXAMPLE]


def lessons(rows: pd.DataFrame, term: str) -> pd.DataFrame:
    """Lessons learned, newest first, whose text (or area or activity type) contains `term` regardless of case.
    The term is matched here in pandas, literally (no regular expression), and never reaches SQL."""
    with_lesson = rows[rows["lessons"].map(plain) != ""].sort_values("date", ascending=False, kind="stable")
    needle = " ".join(term.split()).casefold()
    if needle:
        haystack = (with_lesson["lessons"].map(plain) + "\n" + with_lesson["area_name"].map(plain) + "\n"
                    + with_lesson["activity_type"].map(plain)).str.casefold()
        with_lesson = with_lesson[haystack.str.contains(needle, regex=False)]
    return pd.DataFrame({
        txt.COL_DATE: with_lesson["date"].map(fmt.date),
        txt.COL_AREA: with_lesson["area_name"].map(plain),
        txt.COL_ACTIVITY: with_lesson["activity_type"].map(plain),
        txt.COL_LESSON: with_lesson["lessons"].map(plain),
        txt.COL_EXAMPLE: with_lesson["is_example"].map(fmt.example_mark),
    }, columns=LESSON_COLUMNS).reset_index(drop=True)


@dataclass(frozen=True)
class Lesson:
    """One lesson for the list; text already escaped for st.markdown."""

    head: str
    text: str  # shortened
    full: str | None  # the whole lesson when it was shortened
    is_example: bool


def lesson_items(found: pd.DataFrame) -> tuple[Lesson, ...]:
    """The rows of `lessons(...)` as list items."""
    items = []
    for row in found.to_dict("records"):
        lesson = shorten(row[txt.COL_LESSON])
        example = row[txt.COL_EXAMPLE] == "✓"
        items.append(Lesson(
            head=txt.ITEM_HEAD.format(date=row[txt.COL_DATE], area=markdown(row[txt.COL_AREA]),
                                      activity=markdown(row[txt.COL_ACTIVITY])) + (txt.ITEM_EXAMPLE if example
                                                                                   else ""),
            text=markdown(lesson.short),
            full=markdown(lesson.full) if lesson.truncated else None,
            is_example=example,
        ))
    return tuple(items)


# ------------------------------------------------------------------------------------------------ the link


@dataclass(frozen=True)
class ProcessLink:
    area: str
    first_year: int
    last_year: int
    activity_types: tuple[str, ...]
    measure: str


def _message(what: str, raw: str, fallback: str) -> str:
    value = inert(raw) if len(raw) <= MAX_LENGTH else txt.PARAM_TOO_LONG
    return txt.PARAM_UNKNOWN.format(what=what, value=value, fallback=fallback)


def parse_link(raw: Mapping[str, str | None], opts: ProcessOptions) -> tuple[ProcessLink, list[str]]:
    """The Procesmonitor selection a link asks for: `area`, `years` ('2019-2023' or '2021'), `types` (activity
    types separated by commas) and `measure`. Unknown values fall back to the default with a Dutch message."""
    messages: list[str] = []
    area_choice = choose(raw.get("area"), [a for a in opts.areas if a != ALL], ALL)
    if area_choice.rejected is not None:
        messages.append(_message(txt.PARAM_WHAT["area"], area_choice.rejected, opts.areas[ALL].lower()))
    first, last = (opts.years[0], opts.years[-1]) if opts.years else (0, 0)
    years = clean(raw.get("years"))
    if years is not None:
        parts = years.split("-")
        wanted = [int(p) for p in parts if parse_year(p) is not None]
        if len(wanted) == len(parts) and 1 <= len(wanted) <= 2 and all(y in opts.years for y in wanted) \
                and wanted[0] <= wanted[-1]:
            first, last = wanted[0], wanted[-1]
        else:
            messages.append(_message(txt.PARAM_WHAT["years"], years, txt.PARAM_ALL_YEARS))
    types: list[str] = []
    raw_types = clean(raw.get("types"))
    if raw_types is not None:
        if len(raw_types) > 20 * MAX_LENGTH:
            messages.append(_message(txt.PARAM_WHAT["types"], raw_types, txt.PARAM_ALL_TYPES))
        else:
            for part in raw_types.split(","):
                choice = choose(part, opts.activity_types, "")
                if choice.value and choice.value not in types:
                    types.append(choice.value)
                elif choice.rejected is not None:
                    messages.append(_message(txt.PARAM_WHAT["types"], choice.rejected, txt.PARAM_ALL_TYPES))
    measure = choose(raw.get("measure"), list(txt.MEASURES), "activities")
    if measure.rejected is not None:
        messages.append(_message(txt.PARAM_WHAT["measure"], measure.rejected, txt.PARAM_DEFAULT_MEASURE))
    return ProcessLink(area_choice.value, first, last, tuple(types), measure.value), messages


def to_link(filters: ProcessFilters, measure: str, opts: ProcessOptions) -> dict[str, str]:
    """The URL parameters of a selection (defaults left out, so a plain page keeps a plain address)."""
    out: dict[str, str] = {}
    if filters.area:
        out["area"] = filters.area
    if opts.years and (filters.first_year, filters.last_year) != (opts.years[0], opts.years[-1]):
        out["years"] = (str(filters.first_year) if filters.first_year == filters.last_year
                        else f"{filters.first_year}-{filters.last_year}")
    if filters.activity_types:
        out["types"] = ",".join(filters.activity_types)
    if measure != "activities":
        out["measure"] = measure
    return out
