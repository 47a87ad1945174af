"""The one rule for talking about gaps, worded; the rule itself is computed in wijkmonitor/sql/gaps.sql.

* `judgement` (every unit, by polarity): vooruit- / achteruitgegaan / gelijk gebleven ten opzichte van de stad.
* `kloof` (only where the unit was or is worse than the city): kleiner / groter / gelijk / gesloten / ontstaan.
* `trend` (the change of |gap|) is never a headline: a lead over the city that shrinks is a step back.

Arrows: ▲ forward, ▼ back, = equal, on every page, always with words beside them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from wijkmonitor.common import fmt
from wijkmonitor.texts import verdict as txt

ARROWS = txt.ARROWS
MOVEMENT_SHORT = txt.MOVEMENT_SHORT


def _word(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def arrow(judgement: Any) -> str:
    return txt.ARROWS.get(str(judgement), "") if _word(judgement) else ""


def movement(judgement: Any) -> str:
    """'vooruitgegaan ten opzichte van de stad'; '' without a previous edition."""
    return txt.MOVEMENT.get(str(judgement), "") if _word(judgement) else ""


def movement_short(judgement: Any) -> str:
    """'vooruit t.o.v. de stad' for a matrix cell; '' without a previous edition."""
    return txt.MOVEMENT_CELL.get(str(judgement), "") if _word(judgement) else ""


def kloof_words(kloof: Any) -> str:
    """'kloof gesloten', 'kloof kleiner geworden', ...; '' where there was and is no kloof."""
    return txt.KLOOF.get(str(kloof), "") if _word(kloof) else ""


def badge(row: Mapping[str, Any]) -> str:
    """Arrow and words for one gaps row: '▲ vooruitgegaan ten opzichte van de stad; kloof kleiner geworden'."""
    judgement = _word(row.get("judgement"))
    if judgement is None:
        return ""
    words = movement(judgement)
    symbol = arrow(judgement)
    kloof = kloof_words(row.get("kloof"))
    text = txt.BADGE_WITH_KLOOF if kloof else txt.BADGE
    return text.format(arrow=symbol, movement=words, kloof=kloof).strip()


@dataclass(frozen=True)
class Counts:
    """The rule applied to a set of units (one row each, with a previous edition)."""
    total: int = 0
    better: int = 0
    worse: int = 0
    equal: int = 0
    behind_before: int = 0  # had a kloof at the previous edition
    closed: int = 0
    smaller: int = 0
    larger: int = 0
    stable: int = 0
    new: int = 0


def counts(rows: Iterable[Mapping[str, Any]]) -> Counts:
    """Count units by judgement and by kloof; units without a previous edition or neutral ones are left out."""
    judged = [r for r in rows if _word(r.get("judgement")) in ("verbeterd", "verslechterd", "gelijk")]
    kloof = [str(r.get("kloof")) for r in judged if _word(r.get("kloof"))]
    return Counts(
        total=len(judged),
        better=sum(1 for r in judged if r["judgement"] == "verbeterd"),
        worse=sum(1 for r in judged if r["judgement"] == "verslechterd"),
        equal=sum(1 for r in judged if r["judgement"] == "gelijk"),
        behind_before=sum(1 for k in kloof if k != "ontstaan"),
        closed=kloof.count("gesloten"), smaller=kloof.count("kleiner"), larger=kloof.count("groter"),
        stable=kloof.count("gelijk"), new=kloof.count("ontstaan"),
    )


def since(rows: Iterable[Mapping[str, Any]]) -> str:
    years = sorted({int(r["prev_year"]) for r in rows if not fmt.is_missing(r.get("prev_year"))})
    return str(years[0]) if len(years) == 1 else txt.SINCE_PREVIOUS


def summary(rows: Iterable[Mapping[str, Any]], noun: str = "gebieden") -> str:
    """'Sinds 2016 zijn 4 van de 12 gebieden vooruitgegaan ten opzichte van de stad, ... Van de 10 met een kloof in
    2016 is die in 0 gesloten, in 4 kleiner, ...'; '' when no unit has a previous edition."""
    rows = list(rows)
    c = counts(rows)
    if not c.total:
        return ""
    prev = since(r for r in rows if _word(r.get("judgement")))
    prev_text = prev if prev != txt.SINCE_PREVIOUS else txt.SINCE_PREVIOUS
    out = txt.SUMMARY_MOVEMENT.format(since=prev, better=c.better, total=c.total, noun=noun, worse=c.worse,
                                      equal=c.equal)
    if c.behind_before:
        out += txt.SUMMARY_KLOOF.format(behind=c.behind_before, prev=prev_text, closed=c.closed, smaller=c.smaller,
                                        larger=c.larger, stable=c.stable)
    else:
        out += txt.SUMMARY_NO_KLOOF.format(noun=noun, prev=prev_text)
    if c.new:
        out += txt.SUMMARY_NEW.format(new=c.new)
    return out


def legend(tolerance: str) -> str:
    return txt.LEGEND.format(tolerance=tolerance)
