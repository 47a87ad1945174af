"""'Wat opvalt': three to five plain sentences about one area, generated from its figures.

Input: rows of the `comparison_area_gaps` query (every edition of the area against the city) and, optionally,
the comparison sentence of `trend.trend_sentence`. The sentences are Markdown: names and labels from data are
escaped by `md_with`, our own formatted numbers pass as `Ours`. Only indicators with a direction are judged;
"kloof" is used only where the area is worse than the city, "vooruit/achteruit ten opzichte van de stad" by
polarity (the `judgement` of the gaps table).
"""

from __future__ import annotations

import pandas as pd

from wijkmonitor.common import fmt
from wijkmonitor.common.text import Ours, md_with
from wijkmonitor.comparison.wording import in_sentence
from wijkmonitor.texts import comparison as txt

MAX_GAPS = 2


def _latest(gaps: pd.DataFrame) -> pd.DataFrame:
    """Each indicator's latest edition with a city comparison."""
    rows = gaps[gaps["value"].notna() & gaps["city_value"].notna()]
    return rows.sort_values("year").groupby("indicator_code", sort=False).tail(1)


def _ranked(rows: pd.DataFrame, column: str, ascending: bool) -> pd.DataFrame:
    # Percentages first: a difference in percentage points cannot be ranked against one in euros or counts.
    return rows.assign(_other_unit=rows["unit"] != "%").sort_values(["_other_unit", column],
                                                                    ascending=[True, ascending])


def gap_sentences(gaps: pd.DataFrame, area_name: str) -> list[str]:
    latest = _latest(gaps)
    directed = latest[latest["polarity"] != "neutral"]
    worse = _ranked(directed[directed["position"] == "slechter"], "disadvantage", ascending=False)
    if worse.empty:
        if directed.empty:
            return []
        return [md_with(txt.OPVALT_NO_GAP, year=int(directed["year"].max()), area=area_name)]
    sentences = []
    for n, row in enumerate(fmt.records(worse.head(MAX_GAPS))):
        template = txt.OPVALT_GAP if n == 0 else txt.OPVALT_GAP_NEXT
        sentences.append(md_with(
            template, indicator=in_sentence(row["label"]),
            value=Ours(fmt.value(row["value"], row["unit"], row["decimals"])),
            city=Ours(fmt.value(row["city_value"], row["unit"], row["decimals"])), year=int(row["year"]),
            gap=Ours(fmt.difference(row["disadvantage"], row["unit"], row["decimals"]))))
    return sentences


def change_sentences(gaps: pd.DataFrame) -> list[str]:
    """The largest move forward and the largest move backward relative to the city since the previous edition."""
    latest = _latest(gaps)
    moved = latest[latest["disadvantage_change"].notna()]
    sentences = []
    for judgement, template, ascending in (("verbeterd", txt.OPVALT_IMPROVED, True),
                                           ("verslechterd", txt.OPVALT_WORSENED, False)):
        rows = _ranked(moved[moved["judgement"] == judgement], "disadvantage_change", ascending)
        if rows.empty:
            continue
        row = fmt.records(rows.head(1))[0]
        sentences.append(md_with(
            template, indicator=in_sentence(row["label"]), prev=int(row["prev_year"]), year=int(row["year"]),
            change=Ours(fmt.difference(abs(row["disadvantage_change"]), row["unit"], row["decimals"])),
            value=Ours(fmt.value(row["value"], row["unit"], row["decimals"]))))
    return sentences


def wat_opvalt(gaps: pd.DataFrame, area_name: str, comparison_sentence: str | None = None) -> list[str]:
    """Up to five sentences: the largest gaps, the largest moves forward and backward relative to the city, and
    the comparison-group indication when one is given."""
    sentences = gap_sentences(gaps, area_name) + change_sentences(gaps)
    if comparison_sentence:
        sentences.append(comparison_sentence)
    return sentences[:5] if sentences else [md_with(txt.OPVALT_EMPTY, area=area_name)]


def comparison_indicator(gaps: pd.DataFrame, matching_codes: list[str]) -> str | None:
    """Which indicator the comparison sentence of "Wat opvalt" is about: among the indicators with a direction
    and a latest edition, the one where the area lags the city most, preferring the matching indicators (the
    group was chosen to resemble the area on those). None when the area has no such indicator."""
    latest = _latest(gaps)
    directed = latest[(latest["polarity"] != "neutral") & latest["disadvantage"].notna()]
    if directed.empty:
        return None
    preferred = directed[directed["indicator_code"].isin(matching_codes)]
    chosen = _ranked(preferred if len(preferred) else directed, "disadvantage", ascending=False)
    return str(chosen["indicator_code"].iloc[0])
