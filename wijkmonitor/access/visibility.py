"""What a viewer may see of the registers: rows and cells withheld by the rules in `config/access.toml`.

Pure: DataFrames in, DataFrames out, no Streamlit. The data-loading layer calls

    vis = visibility_for(viewer, config, interventions)   # the full, unfiltered interventions table
    frame = apply(vis, query_frame, "process_log")

and caches the result under `viewer.visibility_key`, so a frame cut for one partner is never handed to
another. Withheld cells become missing (the column stays, so pages keep working); `hidden_columns` names the
columns withheld in every row, which downloads leave out altogether.

Fail closed: when a rule's `where` column is not in the frame, every row counts as matching.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from wijkmonitor.access.config import AccessConfig, PartnerList, VisibilityRule
from wijkmonitor.access.roles import Viewer

# Tables whose rows belong to one intervention: they disappear with it. `intervention_partners` is the build's
# resolution of the register's partner names (no rule can name it: it only follows its intervention).
_CHILD_TABLES = ("intervention_results", "intervention_areas", "intervention_programmes", "intervention_partners")
# Where the process log mentions an intervention (the query adds its name).
_MENTIONS = ("intervention_id", "decision_or_intervention_id", "intervention_name")
_PARTNER_COLUMNS = ("lead_partner", "partners")


@dataclass(frozen=True)
class Visibility:
    viewer: Viewer
    config: AccessConfig
    links: Mapping[str, frozenset[str]]  # intervention_id -> ids of the partners it names
    hidden_interventions: frozenset[str]


def _names_index(partners: PartnerList) -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for partner in partners.partners:
        for name in (partner.name, *partner.register_names):
            index.setdefault(name.strip().lower(), set()).add(partner.id)
    return {name: frozenset(ids) for name, ids in index.items()}


def partners_named(cells: Iterable[object], partners: PartnerList) -> frozenset[str]:
    """Partner ids named in register cells such as `lead_partner` and `partners` (`;`-joined)."""
    index = _names_index(partners)
    found: set[str] = set()
    for cell in cells:
        if not isinstance(cell, str):
            continue
        for name in cell.split(";"):
            found |= index.get(name.strip().lower(), frozenset())
    return frozenset(found)


def partner_links(interventions: pd.DataFrame, partners: PartnerList) -> dict[str, frozenset[str]]:
    columns = [c for c in _PARTNER_COLUMNS if c in interventions.columns]
    return {
        str(row["intervention_id"]): partners_named((row[c] for c in columns), partners)
        for _, row in interventions.iterrows()
    }


def _row_partners(frame: pd.DataFrame, vis: Visibility) -> pd.Series:
    columns = [c for c in _PARTNER_COLUMNS if c in frame.columns]
    if columns:
        return frame[columns].apply(lambda r: partners_named(r.tolist(), vis.config.partners), axis=1)
    # The process log names its intervention in intervention_id (set by the build when the register's
    # decision_or_intervention_id is a known id); some queries carry only the latter.
    column = next((c for c in ("intervention_id", "decision_or_intervention_id") if c in frame.columns), None)
    if column is not None:
        return frame[column].map(lambda i: vis.links.get(i, frozenset()) if isinstance(i, str) else frozenset())
    return pd.Series([frozenset()] * len(frame), index=frame.index, dtype=object)


def _allowed(rule: VisibilityRule, viewer: Viewer, row_partners: pd.Series) -> pd.Series:
    if viewer.is_programme_office:
        return pd.Series(True, index=row_partners.index)
    if rule.audience == "partners":
        return pd.Series(viewer.is_partner, index=row_partners.index)
    if rule.audience == "betrokken":
        mine = viewer.partner_ids
        return row_partners.map(lambda ids: bool(ids & mine)).astype(bool)
    return pd.Series(False, index=row_partners.index)


def _matches(rule: VisibilityRule, frame: pd.DataFrame) -> pd.Series:
    mask = pd.Series(True, index=frame.index)
    for column, values in rule.where.items():
        if column not in frame.columns:
            continue  # fail closed: cannot tell, so the rule covers the row
        wanted = {v.strip().lower() for v in values}
        cells = frame[column].map(lambda v: "" if v is None or (not isinstance(v, str) and pd.isna(v)) else
                                  str(v).strip().lower())
        mask &= cells.isin(wanted)
    return mask


def _withheld_rows(rules: Iterable[VisibilityRule], frame: pd.DataFrame, vis: Visibility) -> pd.Series:
    row_partners = _row_partners(frame, vis)
    withheld = pd.Series(False, index=frame.index)
    for rule in rules:
        if not rule.columns:
            withheld |= _matches(rule, frame) & ~_allowed(rule, vis.viewer, row_partners)
    return withheld


def visibility_for(viewer: Viewer, config: AccessConfig, interventions: pd.DataFrame) -> Visibility:
    """The visibility of one viewer, from the full interventions table of the current build."""
    links = partner_links(interventions, config.partners)
    vis = Visibility(viewer, config, links, frozenset())
    hidden = _withheld_rows(config.rules_for("interventions"), interventions, vis)
    ids = frozenset(str(i) for i in interventions.loc[hidden, "intervention_id"]) if len(interventions) else frozenset()
    return Visibility(viewer, config, links, ids)


def apply(vis: Visibility, frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """`frame` (a query on register `table`) as `vis.viewer` may see it: a new frame, the input is untouched."""
    out = frame.copy()
    if vis.viewer.is_programme_office:
        return out
    if vis.hidden_interventions:
        if table in ("interventions", *_CHILD_TABLES) and "intervention_id" in out.columns:
            out = out[~out["intervention_id"].isin(vis.hidden_interventions)]
        else:
            mentions = pd.Series(False, index=out.index)
            for column in ("intervention_id", "decision_or_intervention_id"):
                if column in out.columns:
                    mentions |= out[column].isin(vis.hidden_interventions)
            for column in _MENTIONS:
                if column in out.columns:
                    out[column] = out[column].astype(object)
                    out.loc[mentions, column] = None
    rules = vis.config.rules_for(table)
    out = out[~_withheld_rows(rules, out, vis)]
    row_partners = _row_partners(out, vis)
    for rule in rules:
        present = [c for c in rule.columns if c in out.columns]
        if not present:
            continue
        withhold = _matches(rule, out) & ~_allowed(rule, vis.viewer, row_partners)
        for column in present:
            out[column] = out[column].astype(object)
            out.loc[withhold, column] = None
    return out.reset_index(drop=True)


def hidden_columns(vis: Visibility, table: str) -> frozenset[str]:
    """Columns of `table` the viewer sees in no row at all (a rule without `where` they are not in the
    audience of): left out of downloads instead of shipped empty."""
    if vis.viewer.is_programme_office:
        return frozenset()
    hidden: set[str] = set()
    for rule in vis.config.rules_for(table):
        if rule.where or not rule.columns:
            continue
        if rule.audience == "programmabureau" or not vis.viewer.is_partner:
            hidden |= set(rule.columns)
    return frozenset(hidden)


def for_download(vis: Visibility, frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """What a download of `frame` may hold: the visible rows and cells, without the wholly withheld columns."""
    out = apply(vis, frame, table)
    return out.drop(columns=[c for c in hidden_columns(vis, table) if c in out.columns])
