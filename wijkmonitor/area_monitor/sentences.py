"""Plain Dutch sentences beside every map and chart, written from `gaps` rows (never from colours).

Every function takes plain values or DataFrames and returns a string, so each case (worse or better than the
city, neutral indicator, no previous edition, missing value, missing city value) is tested without Streamlit.
The sentences are Markdown (pages show them with st.markdown and st.caption): names and labels from data are
escaped with `text.markdown` where they enter a sentence; `method_short` and `members_short` are table cells
and stay plain.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

import pandas as pd

from wijkmonitor.common import fmt, verdict
from wijkmonitor.common.indicators import Indicator, Row, method_short
from wijkmonitor.common.indicators import row_value as _get
from wijkmonitor.common.text import markdown
from wijkmonitor.texts import gebied as txt


def _now(name: str, ind: Indicator, value: Any, city: Any) -> str:
    template = txt.S_NOW if ind.unit == "%" else txt.S_NOW_OTHER_UNIT
    return template.format(
        name=name,
        value=fmt.value(value, ind.unit, ind.decimals),
        label=markdown(fmt.lower_first(ind.label)),
        city=fmt.value(city, ind.unit, ind.decimals),
    )


def _direction(gap: float, polarity: str) -> str:
    """How a signed gap reads: slechter/beter for indicators with a polarity, hoger/lager for neutral ones."""
    if polarity == "neutral":
        return txt.HIGHER if gap > 0 else txt.LOWER
    worse = gap > 0 if polarity == "lower_better" else gap < 0
    return "slechter" if worse else "beter"


def gap_sentence(name: str, ind: Indicator, year: int, row: Row | None, city_value: Any = None) -> str:
    """'In Selwerd is 56,7% eenzaam, in de stad 48,6%: een kloof van 8,1 procentpunt. In 2016 was die ...'"""
    value = _get(row, "value")
    city = _get(row, "city_value")
    if city is None:
        city = None if fmt.is_missing(city_value) else city_value
    name, label = markdown(name), markdown(fmt.lower_first(ind.label))
    if value is None:
        if city is None:
            return txt.S_MISSING_VALUE_NO_CITY.format(name=name, year=year, label=label)
        return txt.S_MISSING_VALUE.format(
            name=name, year=year, label=label, city=fmt.value(city, ind.unit, ind.decimals)
        )
    if city is None:
        return txt.S_MISSING_CITY.format(
            name=name, year=year, label=label, value=fmt.value(value, ind.unit, ind.decimals)
        )
    gap = float(_get(row, "gap") if _get(row, "gap") is not None else float(value) - float(city))
    position = _get(row, "position") or ("neutraal" if ind.polarity == "neutral" else None)
    amount = fmt.difference(gap, ind.unit, ind.decimals)
    out = _now(name, ind, value, city)
    if position == "slechter":
        out += txt.S_GAP_WORSE.format(gap=amount, name=name)
    elif position == "beter":
        out += txt.S_GAP_BETTER.format(gap=amount)
    elif position == "gelijk":
        out += txt.S_GAP_EQUAL.format(gap=amount)
    elif round(gap, ind.decimals) == 0:
        out += txt.S_GAP_ZERO
    else:
        out += txt.S_GAP_NEUTRAL.format(gap=amount, direction=_direction(gap, ind.polarity))
    return out + _change(name, ind, row, gap, position)


def _change(name: str, ind: Indicator, row: Row | None, gap: float, position: str | None) -> str:
    """The previous edition and the move since, by the one rule (common.verdict): vooruit/achteruit ten opzichte
    van de stad for every unit, and "kloof" only where the unit was or is behind the city."""
    prev_year, prev_gap, judgement = _get(row, "prev_year"), _get(row, "prev_gap"), _get(row, "judgement")
    if prev_year is None or prev_gap is None or judgement is None:
        return txt.S_NO_PREVIOUS
    prev = float(prev_gap)
    amount = fmt.difference(prev, ind.unit, ind.decimals)
    if ind.polarity == "neutral" or judgement == "neutraal":
        if round(prev, ind.decimals) == 0:
            return txt.S_PREV_ZERO.format(year=int(prev_year), name=name)
        return txt.S_PREV_DIFF.format(year=int(prev_year), name=name, gap=amount,
                                      direction=_direction(prev, ind.polarity)) + "."
    prev_position = _get(row, "prev_position")
    if prev_position == "gelijk":
        out = txt.S_PREV_EQUAL.format(year=int(prev_year), name=name, gap=amount)
    else:
        out = txt.S_PREV_DIFF.format(year=int(prev_year), name=name, gap=amount,
                                     direction=_direction(prev, ind.polarity))
    out += txt.S_MOVED.get(str(judgement), "").format(name=name, movement=verdict.movement(judgement))
    return out + txt.S_KLOOF.get(str(_get(row, "kloof")), ".")


def method_note(row: Row | None) -> str:
    """How an area value was made: weighted or not, and from how many of its buurten."""
    method = _get(row, "method")
    if method is None:
        return ""
    members = _get(row, "n_members")
    used = _get(row, "n_used")
    if method == "ongewogen":
        out = txt.METHOD_UNWEIGHTED
    else:
        weight = txt.WEIGHT_LABELS.get(str(_get(row, "weight_indicator")), str(_get(row, "weight_indicator") or ""))
        weight_year = _get(row, "weight_year")
        out = txt.METHOD_WEIGHTED.format(weight=weight, weight_year=int(weight_year) if weight_year else "")
    if members is None or used is None:
        return out + "."
    members, used = int(members), int(used)
    if members == 1:
        return out + txt.METHOD_ONE_MEMBER
    if used == members:
        return out + txt.METHOD_ALL_MEMBERS.format(members=members)
    verb = "heeft" if used == 1 else "hebben"
    return out + txt.METHOD_MEMBERS.format(used=used, members=members, verb=verb)


def _plural(count: int, level: str) -> str:
    word = txt.LEVEL_SINGULAR[level] if count == 1 else txt.LEVEL_PLURAL[level]
    return f"{count} {word}"


def _small(rows: pd.DataFrame) -> pd.Series:
    if "is_small" not in rows:
        return pd.Series(False, index=rows.index)
    return rows["is_small"].astype("boolean").fillna(False).astype(bool)


def map_sentence(rows: pd.DataFrame, ind: Indicator, level: str, year: int, boundary_year: int | None,
                 min_population: int | None = None) -> str:
    """What the map shows, in numbers: how many regions are behind, ahead, equal, or without data. A small buurt
    (gaps.is_small) is counted but never named."""
    has_value = rows["value"].notna()
    with_values = rows[has_value]
    total = len(with_values)
    on_map = rows["geojson"].notna() if "geojson" in rows else pd.Series(False, index=rows.index)
    where = txt.S_WHERE_MAP if on_map.any() else txt.S_WHERE_TABLE
    if ind.polarity == "neutral":
        higher = int((with_values["gap"].round(ind.decimals) > 0).sum())
        lower = int((with_values["gap"].round(ind.decimals) < 0).sum())
        out = txt.S_MAP_NEUTRAL.format(
            where=where, level_plural=txt.LEVEL_PLURAL[level], year=year, higher=higher, lower=lower,
            equal=total - higher - lower,
        )
    else:
        counts = Counter(with_values["position"].dropna())
        out = txt.S_MAP.format(
            where=where, level_plural=txt.LEVEL_PLURAL[level], year=year, worse=counts.get("slechter", 0),
            better=counts.get("beter", 0), equal=counts.get("gelijk", 0),
        )
        behind = with_values[with_values["disadvantage"].notna() & ~_small(with_values)]
        if not behind.empty and float(behind["disadvantage"].max()) > 0:
            worst = fmt.records(behind.sort_values("disadvantage", ascending=False).head(1))[0]
            out += txt.S_MAP_EXTREMES.format(
                name=markdown(worst["name"]), value=fmt.value(worst["value"], ind.unit, ind.decimals),
                gap=fmt.difference(worst["gap"], ind.unit, ind.decimals),
            )
    small = int((_small(rows) & has_value).sum())
    if small and ind.polarity != "neutral":
        out += (txt.S_MAP_SMALL if min_population is None else txt.S_MAP_SMALL_MIN).format(
            count=_plural(small, level), min=min_population)
    missing = int((on_map & ~has_value).sum())
    if missing and "missing_reason" in rows:
        reasons = Counter(txt.MISSING_REASONS.get(str(r), txt.LEGEND_MISSING)
                          for r in rows.loc[on_map & ~has_value, "missing_reason"])
        out += txt.S_MAP_MISSING_REASONS.format(
            missing=_plural(missing, level), reasons=", ".join(f"{n} {label}" for label, n in reasons.most_common()))
    elif missing:
        out += txt.S_MAP_MISSING.format(missing=_plural(missing, level))
    off_map = int((~on_map & has_value).sum())
    if off_map and on_map.any() and boundary_year:
        out += txt.S_MAP_NO_SHAPE.format(count=_plural(off_map, level), year=boundary_year)
    return out


def multiples_sentence(latest: pd.DataFrame, ind: Indicator, year: int) -> str:
    """The renewal areas together (one row per area for the chosen year): how many closed their gap."""
    label = markdown(fmt.lower_first(ind.label))
    rows = latest[latest["value"].notna()]
    total = len(rows)
    with_prev = rows[rows["judgement"].notna()]
    if with_prev.empty:
        out = txt.S_MULTIPLES_NO_PREV.format(label=label)
    elif ind.polarity != "neutral":
        out = txt.S_MULTIPLES.format(label=label) + verdict.summary(fmt.records(with_prev),
                                                                    noun=txt.LEVEL_PLURAL["area"])
    else:
        since_years = with_prev["prev_year"].dropna().astype(int).unique()
        since = str(since_years[0]) if len(since_years) == 1 else txt.SINCE_PREVIOUS
        counts = Counter(with_prev["trend"])
        out = txt.S_MULTIPLES_NEUTRAL.format(
            closing=counts.get("kleiner", 0), changed=counts.get("kleiner", 0), widening=counts.get("groter", 0),
            stable=counts.get("gelijk", 0), total=total, label=label, since=since,
        )
    if ind.polarity != "neutral" and total:
        behind = rows[rows["position"] == "slechter"]
        if not behind.empty:
            worst = fmt.records(behind.sort_values("disadvantage", ascending=False).head(1))[0]
            out += txt.S_MULTIPLES_BEHIND.format(
                behind=len(behind), total=total, year=year, worst=markdown(worst["area_name"]),
                gap=fmt.difference(worst["gap"], ind.unit, ind.decimals),
            )
    return out


def _year_row(rows: pd.DataFrame, year: int) -> dict[str, Any] | None:
    match = fmt.records(rows[rows["year"] == year])
    return match[0] if match else None


def trend_sentence(name: str, ind: Indicator, year: int, unit_rows: pd.DataFrame, city_rows: pd.DataFrame) -> str:
    """The gap sentence for one unit in the chosen year, from its trend rows and the city's."""
    city = _year_row(city_rows, year)
    return gap_sentence(name, ind, year, _year_row(unit_rows, year), city["city_value"] if city else None)


def trend_method_note(unit_rows: pd.DataFrame, year: int) -> str:
    """How a renewal area's value of this year was made (or of its latest year with a value); '' for regions."""
    row = _year_row(unit_rows, year)
    if row is None or fmt.is_missing(row.get("value")):
        with_method = fmt.records(unit_rows.dropna(subset=["method"])) if "method" in unit_rows else []
        row = with_method[-1] if with_method else None
    return method_note(row) if row is not None else ""


def areas_sentence(area_rows: pd.DataFrame, kinds: Mapping[str, str], ind: Indicator, year: int) -> str:
    """`multiples_sentence` over the renewal areas of one year, leaving out areas made of other areas."""
    latest = area_rows[area_rows["year"] == year]
    counted = latest[latest["area_id"].map(lambda a: kinds.get(a, "") != "programmagebied")]
    return multiples_sentence(counted, ind, year)


def markers_sentence(markers: pd.DataFrame, ind: Indicator, drawn: bool = True) -> str:
    """Which interventions the vertical lines are, and that the others are in the table; '' without any.

    `drawn` is False when there is no chart to draw lines on (no values): then only the count is given."""
    if markers.empty:
        return ""
    aimed = markers[markers["aims_at_indicator"].fillna(False).astype(bool)]
    label = markdown(fmt.lower_first(ind.label))
    if not drawn:
        count = len(markers)
        return txt.MARKERS_NO_CHART.format(count=count, noun="interventie" if count == 1 else "interventies")
    if aimed.empty:
        count = len(markers)
        return txt.MARKERS_NONE_AIMED.format(
            verb="staat" if count == 1 else "staan", count=count,
            noun="interventie" if count == 1 else "interventies", label=label,
        )
    # Register names are data: escaped, since this sentence is shown as Markdown (st.caption).
    names = ", ".join(f"{markdown(n)} ({pd.Timestamp(d).year})"
                      for n, d in zip(aimed["name"], aimed["start_date"], strict=True))
    out = txt.MARKERS_NOTE.format(label=label, names=names)
    others = len(markers) - len(aimed)
    if others:
        out += txt.MARKERS_OTHERS.format(count=others)
    return out


def areas_method_note(area_rows: pd.DataFrame, year: int) -> str:
    """How the renewal areas' values of one year were made, in one line: the weighting, and the exceptions
    (unweighted areas, areas where not every buurt had data)."""
    rows = fmt.records(area_rows[area_rows["year"] == year])
    if not rows:
        return ""
    weights = sorted({method_short(r) for r in rows if r.get("method") == "gewogen"})
    parts = [txt.AREAS_WEIGHTED.format(how=" / ".join(weights))] if weights else []
    unweighted = [markdown(r["area_name"]) for r in rows if r.get("method") == "ongewogen"]
    if unweighted:
        parts.append(txt.AREAS_UNWEIGHTED.format(names=", ".join(unweighted)))
    partial = [txt.AREAS_PARTIAL.format(name=markdown(r["area_name"]), used=int(r["n_used"]),
                                        members=int(r["n_members"]))
               for r in rows if not fmt.is_missing(r.get("n_used")) and int(r["n_used"]) < int(r["n_members"])]
    if partial:
        parts.append("; ".join(partial))
    return "; ".join(parts) + "."
