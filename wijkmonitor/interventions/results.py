"""Results against targets: per intervention and measure the latest period with a measured value."""

from __future__ import annotations

import pandas as pd

from wijkmonitor.common import fmt
from wijkmonitor.common.text import plain
from wijkmonitor.texts import interventies as txt

LATEST_COLUMNS = ["intervention_id", "name", "measure", "period", "period_end", "value", "target", "unit",
                  "source", "is_example", "share"]


def latest(results: pd.DataFrame, interventions: pd.DataFrame) -> pd.DataFrame:
    """One row per intervention and measure: the latest period with a value (its target beside it); a measure
    that only has targets so far keeps its latest target with value missing ('nog niet gemeten').
    `share` is value / target (None without a target or value)."""
    rows = results[results["intervention_id"].isin(interventions["intervention_id"])]
    if rows.empty:
        return pd.DataFrame(columns=LATEST_COLUMNS)
    rows = rows.assign(_has_value=rows["value"].notna()).sort_values(
        ["intervention_id", "measure", "_has_value", "period_end", "period"]
    )
    picked = rows.groupby(["intervention_id", "measure"], sort=False).tail(1)
    names = dict(zip(interventions["intervention_id"], interventions["name"], strict=True))
    out = picked.assign(
        name=picked["intervention_id"].map(names).map(plain),
        share=pd.Series([None if fmt.is_missing(v) or fmt.is_missing(t) or float(t) == 0 else float(v) / float(t)
                         for v, t in zip(picked["value"], picked["target"], strict=True)],
                        index=picked.index, dtype="Float64"),
    )
    return out[LATEST_COLUMNS].sort_values(["name", "measure"]).reset_index(drop=True)


def table(rows: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        txt.COL_INTERVENTION: rows["name"],
        txt.COL_MEASURE: rows["measure"].map(plain),
        txt.COL_PERIOD: rows["period"].map(plain),
        txt.COL_VALUE: rows["value"].map(lambda v: fmt.measured(v, missing=txt.NOT_MEASURED)),
        txt.COL_TARGET: rows["target"].map(lambda v: fmt.measured(v, missing="")),
        txt.COL_UNIT: rows["unit"].map(plain),
        txt.COL_SHARE: [fmt.share(v, t, missing="") for v, t in zip(rows["value"], rows["target"], strict=True)],
        txt.COL_SOURCE: rows["source"].map(plain),
        txt.COL_EXAMPLE: rows["is_example"].map(fmt.example_mark),
    })
