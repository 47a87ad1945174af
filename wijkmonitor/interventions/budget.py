"""The open begroting: totals, budget per programme and per area, as numbers (for CSV) and as Dutch tables.

Two ways of summing, each said on the page:
* per programme, an intervention counts under every programme it names, with its whole budget (the register
  does not split budgets over programmes), so programme sums may add up to more than the total;
* per area, every intervention counts exactly once, in its bucket (`model.bucket_of`): its area, the programme
  area it names, or 'more areas together'. Buckets add up to the total; nothing is split by guesswork.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from wijkmonitor.common import fmt
from wijkmonitor.common.text import for_reader, plain
from wijkmonitor.interventions.model import BUCKET_KINDS, Register
from wijkmonitor.texts import interventies as txt


@dataclass(frozen=True)
class Totals:
    n: int
    budget: float | None  # None when no intervention has a budget
    spent: float | None
    n_without_budget: int
    n_example: int


def _sum(values: pd.Series) -> float | None:
    present = pd.to_numeric(values, errors="coerce").dropna()
    return float(present.sum()) if len(present) else None


def totals(frame: pd.DataFrame) -> Totals:
    """Every intervention once, with its whole budget."""
    return Totals(
        n=len(frame),
        budget=_sum(frame["budget_eur"]),
        spent=_sum(frame["spent_eur"]),
        n_without_budget=int(frame["budget_eur"].isna().sum()),
        n_example=int(frame["is_example"].fillna(False).astype(bool).sum()),
    )


def _aggregate(group: pd.DataFrame) -> dict[str, object]:
    return {
        "n": len(group),
        "budget": _sum(group["budget_eur"]),
        "spent": _sum(group["spent_eur"]),
        "n_without_budget": int(group["budget_eur"].isna().sum()),
        "n_example": int(group["is_example"].fillna(False).astype(bool).sum()),
    }


PROGRAMME_COLUMNS = ["programme_id", "programme_name", "programme_order", "n", "budget", "spent",
                     "n_without_budget", "n_example", "programme_budget", "budget_note"]


def per_programme(frame: pd.DataFrame, register: Register) -> pd.DataFrame:
    """One row per programme that at least one of these interventions names (programme configuration order)."""
    links = register.programmes.dropna(subset=["intervention_id"])
    links = links[links["intervention_id"].isin(frame["intervention_id"])]
    if links.empty:
        return pd.DataFrame(columns=PROGRAMME_COLUMNS)
    joined = links.merge(frame[["intervention_id", "budget_eur", "spent_eur", "is_example"]], on="intervention_id")
    rows = []
    for (programme_id, name, order), group in joined.groupby(
        ["programme_id", "programme_name", "programme_order"], sort=True
    ):
        first = group.iloc[0]
        rows.append({
            "programme_id": programme_id, "programme_name": plain(name), "programme_order": int(str(order)),
            **_aggregate(group),
            "programme_budget": None if fmt.is_missing(first["programme_budget_eur"])
            else float(first["programme_budget_eur"]),
            "budget_note": for_reader(first["budget_note"]),
        })
    return pd.DataFrame(rows, columns=PROGRAMME_COLUMNS).sort_values("programme_order").reset_index(drop=True)


AREA_COLUMNS = ["key", "label", "kind", "order", "n", "budget", "spent", "n_without_budget", "n_example",
                "n_shared", "shared_budget", "n_working"]


def per_area(frame: pd.DataFrame, register: Register) -> pd.DataFrame:
    """One row per bucket: every wijk-level renewal area (also those without interventions, so that the open
    begroting shows a zero), then programme areas, 'more areas together' and the rest, when they occur.

    n/budget/spent: the interventions in this bucket (each intervention in exactly one bucket). For areas also
    n_shared/shared_budget: interventions that work here too but sit in another bucket (whole budgets, not
    divided, for information only) and n_working = n + n_shared.
    """
    areas = register.areas
    # Plain lists instead of repeated boolean indexing: the frame carries set-valued columns that make
    # every pandas selection copy slowly, and this runs for every area on every new selection.
    slim = frame[["bucket", "bucket_label", "bucket_kind", "area_ids", "budget_eur", "spent_eur", "is_example"]]
    records = slim.to_dict("records")
    rows: list[dict[str, object]] = []
    for position, area_id in enumerate(areas.wijk_ids):
        mine = pd.DataFrame([r for r in records if r["bucket"] == area_id], columns=slim.columns)
        shared = [r["budget_eur"] for r in records if area_id in r["area_ids"] and r["bucket"] != area_id]
        rows.append({
            "key": area_id, "label": areas.name(area_id), "kind": "area", "order": position, **_aggregate(mine),
            "n_shared": len(shared), "shared_budget": _sum(pd.Series(shared, dtype=float)),
        })
    others = slim[slim["bucket_kind"] != "area"]
    for (key, label, kind), group in others.groupby(["bucket", "bucket_label", "bucket_kind"], sort=False):
        order = 1000 * (BUCKET_KINDS.index(str(kind)) + 1) + areas.order(str(key))
        rows.append({"key": key, "label": label, "kind": kind, "order": order, **_aggregate(group),
                     "n_shared": 0, "shared_budget": None})
    out = pd.DataFrame(rows, columns=AREA_COLUMNS[:-1])
    out["n_working"] = out["n"] + out["n_shared"]
    return out.sort_values("order").reset_index(drop=True)


def shared_list(frame: pd.DataFrame) -> pd.DataFrame:
    """The interventions that are not in one area's bucket, with the places they name."""
    shared = frame[frame["bucket_kind"] != "area"].sort_values(["bucket_kind", "name"])
    return pd.DataFrame({
        txt.COL_INTERVENTION: shared["name"].map(plain),
        txt.COL_AREA: shared["bucket_label"],
        txt.COL_PLACES: shared["places"],
        txt.COL_BUDGET: shared["budget_eur"].map(fmt.euro),
        txt.COL_SPENT: shared["spent_eur"].map(fmt.euro),
        txt.COL_EXAMPLE: shared["is_example"].map(fmt.example_mark),
    })


def _example_word(n_example: object, n: object) -> str:
    n_ex, total = int(n_example), int(n)  # type: ignore[call-overload]
    if n_ex == 0:
        return ""
    return txt.EXAMPLE_ALL if n_ex == total else txt.EXAMPLE_SOME.format(n=n_ex, total=total)


def programme_table(rows: pd.DataFrame) -> pd.DataFrame:
    """The table behind the programme chart, in Dutch, euros written out."""
    return pd.DataFrame({
        txt.COL_PROGRAMME: rows["programme_name"],
        txt.COL_N: rows["n"].astype(int),
        txt.COL_BUDGET: rows["budget"].map(fmt.euro),
        txt.COL_SPENT: rows["spent"].map(fmt.euro),
        txt.COL_SPENT_SHARE: [fmt.share(s, b) for s, b in zip(rows["spent"], rows["budget"], strict=True)],
        txt.COL_NO_BUDGET: rows["n_without_budget"].astype(int),
        txt.COL_PROGRAMME_BUDGET: rows["programme_budget"].map(fmt.euro),
        txt.COL_PROGRAMME_NOTE: rows["budget_note"],
        txt.COL_EXAMPLE: [_example_word(e, n) for e, n in zip(rows["n_example"], rows["n"], strict=True)],
    })


def area_table(rows: pd.DataFrame, total: Totals) -> pd.DataFrame:
    """The table behind the area chart, with a total row that counts every intervention once."""
    table = pd.DataFrame({
        txt.COL_AREA: rows["label"],
        txt.COL_N: rows["n"].astype(int),
        txt.COL_BUDGET: rows["budget"].map(lambda v: fmt.euro(v, missing="€ 0")),
        txt.COL_SPENT: rows["spent"].map(lambda v: fmt.euro(v, missing="€ 0")),
        txt.COL_SPENT_SHARE: [fmt.share(s, b, missing="") for s, b in zip(rows["spent"], rows["budget"],
                                                                            strict=True)],
        txt.COL_SHARED_N: [str(int(n)) if k == "area" else "" for n, k in zip(rows["n_shared"], rows["kind"],
                                                                               strict=True)],
        txt.COL_SHARED_BUDGET: [fmt.euro(b, missing="") if k == "area" and n else ""
                                for b, n, k in zip(rows["shared_budget"], rows["n_shared"], rows["kind"],
                                                   strict=True)],
        txt.COL_EXAMPLE: [_example_word(e, n) for e, n in zip(rows["n_example"], rows["n"], strict=True)],
    })
    total_row = pd.DataFrame([{
        txt.COL_AREA: txt.TOTAL_ROW, txt.COL_N: total.n, txt.COL_BUDGET: fmt.euro(total.budget, missing="€ 0"),
        txt.COL_SPENT: fmt.euro(total.spent, missing="€ 0"),
        txt.COL_SPENT_SHARE: fmt.share(total.spent, total.budget, missing=""), txt.COL_SHARED_N: "",
        txt.COL_SHARED_BUDGET: "", txt.COL_EXAMPLE: _example_word(total.n_example, total.n),
    }])
    return pd.concat([table, total_row], ignore_index=True)


@dataclass(frozen=True)
class AreaSplit:
    """With one area chosen, the interventions that work there, in two parts that add up to `together`:
    `only` works in this area and nowhere else, `shared` works here and in other areas too (whole budgets: the
    register does not say which part is spent where, so nothing is divided)."""

    area: str
    area_name: str
    only: Totals
    shared: Totals
    together: Totals


def is_only_in(area_ids: frozenset[str], has_outside: bool, members: frozenset[str]) -> bool:
    return bool(area_ids) and not has_outside and area_ids <= members


def area_split(frame: pd.DataFrame, register: Register, area: str) -> AreaSplit:
    """`frame`: the interventions that pass every filter, the area filter included."""
    members = register.areas.members(area)
    only = pd.Series([is_only_in(a, bool(o), members) for a, o in zip(frame["area_ids"], frame["has_outside"],
                                                                         strict=True)],
                     index=frame.index, dtype=bool)
    return AreaSplit(area=area, area_name=register.areas.name(area), only=totals(frame[only]),
                     shared=totals(frame[~only]), together=totals(frame))


def split_rows(split: AreaSplit) -> pd.DataFrame:
    """The two parts as chart rows (key, label, budget, spent, n, n_example, note)."""
    rows = []
    for key, label, part in (("only", txt.SPLIT_ONLY.format(area=split.area_name), split.only),
                             ("shared", txt.SPLIT_SHARED, split.shared)):
        rows.append({"key": key, "label": label, "budget": part.budget, "spent": part.spent, "n": part.n,
                     "n_example": part.n_example, "note": txt.SPLIT_N.format(n=part.n)})
    return pd.DataFrame(rows)


def split_table(split: AreaSplit) -> pd.DataFrame:
    rows = [(txt.SPLIT_ONLY.format(area=split.area_name), split.only), (txt.SPLIT_SHARED, split.shared),
            (txt.SPLIT_TOGETHER.format(area=split.area_name), split.together)]
    return pd.DataFrame({
        txt.COL_PART: [label for label, _ in rows],
        txt.COL_N: [part.n for _, part in rows],
        txt.COL_BUDGET: [fmt.euro(part.budget, missing="€ 0") for _, part in rows],
        txt.COL_SPENT: [fmt.euro(part.spent, missing="€ 0") for _, part in rows],
        txt.COL_EXAMPLE: [_example_word(part.n_example, part.n) for _, part in rows],
    })


def programme_budget_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Each programme's own budget from the programme documents next to what the register budgets under it."""
    return pd.DataFrame({
        txt.COL_PROGRAMME: rows["programme_name"],
        txt.COL_PROGRAMME_BUDGET: rows["programme_budget"].map(fmt.euro),
        txt.COL_PROGRAMME_NOTE: rows["budget_note"],
        txt.COL_REGISTER_BUDGET: rows["budget"].map(lambda v: fmt.euro(v, missing="€ 0")),
        txt.COL_REGISTER_SHARE: [fmt.share(b, p, missing="") for b, p in zip(rows["budget"],
                                                                              rows["programme_budget"],
                                                                              strict=True)],
        txt.COL_N: rows["n"].astype(int),
        txt.COL_EXAMPLE: [_example_word(e, n) for e, n in zip(rows["n_example"], rows["n"], strict=True)],
    })
