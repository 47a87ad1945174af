"""Build step: renewal areas per boundary year, whole-wijk coverage and definition changes (trend breaks).

CBS renumbers buurten and wijken between editions, and a municipality can grow (Groningen took in Haren and
Ten Boer on 1 January 2019). Every value keeps the boundary year of its source; this step knows which buurten
each wijk, gemeente and renewal area had in each boundary year, so that the gaps can mark where a series crosses
a change of definition instead of silently comparing two different territories.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import duckdb
import pandas as pd

from wijkmonitor.config import Area, ProgrammeConfig
from wijkmonitor.errors import BuildError

BuurtLists = Mapping[int, frozenset[str]]


def nearest_year(years: Iterable[int], year: int) -> int:
    """The first year at or after `year`, else the latest before it (codes rarely vanish the year after)."""
    ordered = sorted(years)
    later = [y for y in ordered if y >= year]
    return later[0] if later else ordered[-1]


def buurt_lists(con: duckdb.DuckDBPyConnection, boundaries: pd.DataFrame,
                config: ProgrammeConfig) -> dict[int, frozenset[str]]:
    """Buurt codes per boundary year: the boundary layer of that year, else the buurten of the sources marked
    `lists_all_regions` (the 2017 key figures, the 2024 police and population tables). Other sources leave out
    buurten without a published figure, so their codes would make a wijk look smaller than it is."""
    lists: dict[int, frozenset[str]] = {
        int(year): frozenset(group["region_code"])
        for year, group in boundaries[boundaries["level"] == "buurt"].groupby("year")
    }
    complete = [s.id for s in config.sources if s.lists_all_regions]
    published = con.execute(
        "select boundary_year, list(distinct region_code) from observations "
        "where region_code like 'BU%' and list_contains($sources, source_id) group by boundary_year",
        {"sources": complete},
    ).fetchall() if complete else []
    for year, codes in published:
        lists.setdefault(int(year), frozenset(codes))
    return lists


def _suggestion(code: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(code, sorted(known), n=1, cutoff=0.8)
    return f"; bedoelde u {close[0]}?" if close else ""


def check_areas(config: ProgrammeConfig, lists: BuurtLists, region_codes: set[str]) -> None:
    """Every member buurt of every area exists in the buurt indeling of each year the area is defined in."""
    fallback = frozenset(c for c in region_codes if c.startswith("BU"))
    for area in config.areas:
        for year, members in area.buurten_by_year.items():
            known = lists.get(year, fallback)
            for code in members:
                if code not in known:
                    key = "buurten" if year == config.area_boundary_year else f"buurten_by_year.{year}"
                    raise BuildError(
                        f"gebied '{area.id}' noemt buurt {code}, die niet bestaat in de buurtindeling {year} "
                        f"(gebied {area.name}){_suggestion(code, known)}",
                        file=config.files[0], column=f"areas.{area.id}.{key}",
                    )


def definition_year(area: Area, data_year: int) -> int:
    return nearest_year(area.buurten_by_year, data_year)


def area_tables(config: ProgrammeConfig, gemeente: str, data_years: Iterable[int]) -> dict[str, pd.DataFrame]:
    """`renewal_areas`, `area_members` (the members in the default boundary year, the definition pages draw and
    list) and `area_members_by_data_year` (which members an area has for values of each boundary year present in
    the data). Every definition year is in `unit_members`."""
    areas = config.areas if gemeente == config.gemeente_code else ()
    renewal = pd.DataFrame(
        [
            {"area_id": a.id, "name": a.name, "kind": a.kind, "is_programme_area": a.kind == "programmagebied",
             "programmes": ";".join(a.programmes), "first_year": a.first_year, "cbs_wijk": a.cbs_wijk,
             "gemeente_code": gemeente, "boundary_year": config.area_boundary_year,
             "boundary_years": ";".join(str(y) for y in sorted(a.buurten_by_year)), "sort_order": i}
            for i, a in enumerate(areas)
        ],
        columns=["area_id", "name", "kind", "is_programme_area", "programmes", "first_year", "cbs_wijk",
                 "gemeente_code", "boundary_year", "boundary_years", "sort_order"],
    ).astype({"is_programme_area": "bool"})
    members = pd.DataFrame(
        [{"area_id": a.id, "buurt_code": b, "boundary_year": config.area_boundary_year} for a in areas
         for b in a.buurten],
        columns=["area_id", "buurt_code", "boundary_year"],
    )
    by_data = pd.DataFrame(
        [{"area_id": a.id, "data_year": d, "definition_year": definition_year(a, d), "buurt_code": b}
         for a in areas for d in sorted(set(data_years)) for b in a.buurten_by_year[definition_year(a, d)]],
        columns=["area_id", "data_year", "definition_year", "buurt_code"],
    )
    return {"renewal_areas": renewal, "area_members": members, "area_members_by_data_year": by_data}


def wijk_coverage(config: ProgrammeConfig, gemeente: str, lists: BuurtLists,
                  names: Mapping[str, str]) -> pd.DataFrame:
    """Per area and definition year: do its buurten make up whole wijken? A wijk-only source (Leefbaarometer)
    gives the area a value only then; `note` says why not otherwise, in words a page can show."""
    rows = []
    areas = config.areas if gemeente == config.gemeente_code else ()
    for area in areas:
        for year, members in sorted(area.buurten_by_year.items()):
            known = lists.get(year) or lists.get(nearest_year(lists, year), frozenset()) if lists else frozenset()
            wijken = sorted({"WK" + b[2:8] for b in members})
            missing = {w: sorted(b for b in known if b.startswith("BU" + w[2:8]) and b not in members)
                       for w in wijken}
            partial = [w for w in wijken if missing[w]]
            whole = not partial and bool(known)
            if whole:
                note = ""
            else:
                parts = [f"{names.get(w, w)} (zonder {', '.join(names.get(b, b) for b in missing[w])})"
                         for w in partial]
                note = (f"{area.name} beslaat geen hele wijken: " + "; ".join(parts) + ". Deze bron is er alleen "
                        "per wijk, dus voor dit gebied is geen waarde te berekenen.") if partial else (
                        "de buurtindeling van dit jaar is onbekend")
            rows.append({"area_id": area.id, "boundary_year": year, "whole_wijken": whole,
                         "wijk_codes": ";".join(wijken), "partial_wijk_codes": ";".join(partial),
                         "missing_buurt_codes": ";".join(b for w in partial for b in missing[w]), "note": note})
    return pd.DataFrame(rows, columns=["area_id", "boundary_year", "whole_wijken", "wijk_codes",
                                       "partial_wijk_codes", "missing_buurt_codes", "note"]).astype(
        {"whole_wijken": "bool"})


@dataclass(frozen=True)
class Versions:
    """Which definition a unit has in each boundary year, and the changes between consecutive ones."""

    versions: pd.DataFrame  # unit_type, unit_code, boundary_year, version
    changes: pd.DataFrame  # unit_type, unit_code, from_year, to_year, note


def definition_versions(config: ProgrammeConfig, gemeente: str, lists: BuurtLists, data_years: Iterable[int],
                        names: Mapping[str, str]) -> Versions:
    years = sorted(set(data_years))
    rows: list[dict[str, object]] = []
    changes: list[dict[str, object]] = []

    def add(unit_type: str, code: str, signature: dict[int, tuple[str, ...]], reason: dict[int, str]) -> None:
        previous: tuple[int, tuple[str, ...]] | None = None
        for year in years:
            rows.append({"unit_type": unit_type, "unit_code": code, "boundary_year": year,
                         "version": ";".join(signature[year])})
            if previous is not None and previous[1] != signature[year]:
                changes.append({"unit_type": unit_type, "unit_code": code, "from_year": previous[0],
                                "to_year": year, "note": reason[year]})
            previous = (year, signature[year])

    focus = "BU" + gemeente[2:6]
    if lists:
        wijk_codes = {"WK" + b[2:8] for codes in lists.values() for b in codes if b.startswith(focus)}
        for wijk in sorted(wijk_codes):
            signature, reason = {}, {}
            last: tuple[str, ...] | None = None
            for year in years:
                known = lists[nearest_year(lists, year)]
                signature[year] = tuple(sorted(b for b in known if b.startswith("BU" + wijk[2:8])))
                added = sorted(set(signature[year]) - set(last or ()))
                dropped = sorted(set(last or ()) - set(signature[year]))
                reason[year] = _change_note(added, dropped, names)
                last = signature[year]
            add("wijk", wijk, signature, reason)
    notes = {c.year: c.note for c in config.boundaries.territory_changes if c.region == gemeente}
    add("gemeente", gemeente,
        {y: tuple(str(c) for c in sorted(notes) if c <= y) for y in years},
        {y: "; ".join(notes[c] for c in sorted(notes) if c <= y) for y in years})
    if gemeente == config.gemeente_code:
        for area in config.areas:
            signature = {y: tuple(sorted(area.buurten_by_year[definition_year(area, y)])) for y in years}
            reason = {}
            for i, y in enumerate(years):
                before = set(signature[years[i - 1]]) if i else set()
                reason[y] = _change_note(sorted(set(signature[y]) - before), sorted(before - set(signature[y])),
                                         names)
            add("area", area.id, signature, reason)
    return Versions(
        pd.DataFrame(rows, columns=["unit_type", "unit_code", "boundary_year", "version"]),
        pd.DataFrame(changes, columns=["unit_type", "unit_code", "from_year", "to_year", "note"]),
    )


def _change_note(added: list[str], dropped: list[str], names: Mapping[str, str]) -> str:
    parts = []
    if added:
        parts.append("erbij: " + ", ".join(names.get(b, b) for b in added))
    if dropped:
        parts.append("eraf: " + ", ".join(names.get(b, b) for b in dropped))
    return "andere buurtindeling (" + "; ".join(parts) + ")" if parts else ""


def unit_members(config: ProgrammeConfig, lists: BuurtLists, gemeente: str) -> pd.DataFrame:
    """Which buurten make up each renewal area, wijk and the gemeente, per boundary year: one table for the
    pages, so none of them derives membership from codes."""
    prefix = "BU" + gemeente[2:6]
    rows = [
        {"unit_type": level, "unit_code": code, "boundary_year": year, "buurt_code": b}
        for year, codes in sorted(lists.items())
        for b in sorted(codes) if b.startswith(prefix)
        for level, code in (("wijk", "WK" + b[2:8]), ("gemeente", gemeente))
    ]
    areas = [
        {"unit_type": "area", "unit_code": a.id, "boundary_year": year, "buurt_code": b}
        for a in (config.areas if gemeente == config.gemeente_code else ())
        for year, buurten in sorted(a.buurten_by_year.items()) for b in buurten
    ]
    return pd.DataFrame(areas + rows, columns=["unit_type", "unit_code", "boundary_year", "buurt_code"]).astype(
        {"boundary_year": "int64"})
