"""Build step: values the sources do not publish as such but the pages need without arithmetic.

Rates as ratios of sums (crimes per 1,000 inhabitants for buurten, wijken, renewal areas and the city alike),
area values from member buurten or from whole wijken, the city reference (own figure or computed from the
wijken, flagged in `city_method`), the gaps with their trend breaks, and the comparison with the Netherlands.
Every statement lives in `wijkmonitor/sql/`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import duckdb
import pandas as pd

from wijkmonitor.build_steps.areas import BuurtLists
from wijkmonitor.config import ProgrammeConfig

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"


def sql(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def add_rates(con: duckdb.DuckDBPyConnection, config: ProgrammeConfig) -> int:
    """Write `rate_values` and add the region rates to `observations`; returns the number of rate rows."""
    specs = pd.DataFrame(
        [{"indicator_code": i.code, "numerator": i.numerator, "denominator": i.denominator,
          "denominator_year": i.denominator_year, "per": i.per}
         for i in config.indicators.values() if i.aggregation == "rate"],
        columns=["indicator_code", "numerator", "denominator", "denominator_year", "per"],
    ).astype({"denominator_year": "int64", "per": "float64"})
    con.register("_rate_specs", specs)
    con.execute(sql("rate_values"))
    con.unregister("_rate_specs")
    con.execute(sql("rate_observations"))
    row = con.execute("select count(*) from rate_values").fetchone()
    return int(row[0]) if row else 0


def gemeente_wijken(boundaries: pd.DataFrame, lists: BuurtLists, gemeente: str,
                    data_years: list[int], observed: Mapping[int, set[str]]) -> pd.DataFrame:
    """The wijken of the gemeente in each boundary year of the data: that year's wijk layer, else the wijken of
    that year's buurten, else the wijken the sources of that indeling published."""
    prefix = "WK" + gemeente[2:6]
    layer = boundaries[(boundaries["level"] == "wijk") & boundaries["region_code"].str.startswith(prefix)]
    by_layer = {int(y): set(g["region_code"]) for y, g in layer.groupby("year")}
    rows = []
    for year in data_years:
        if year in by_layer:
            codes = by_layer[year]
        elif year in lists:
            codes = {"WK" + b[2:8] for b in lists[year] if b.startswith("BU" + gemeente[2:6])}
        else:
            codes = {c for c in observed.get(year, set()) if c.startswith(prefix)}
        rows += [{"boundary_year": year, "wijk_code": c} for c in sorted(codes)]
    return pd.DataFrame(rows, columns=["boundary_year", "wijk_code"]).astype({"boundary_year": "int64"})


def derived_tables(con: duckdb.DuckDBPyConnection, config: ProgrammeConfig, gemeente: str) -> dict[str, int]:
    """Run the derived statements in order, on the tables the build has written; returns row counts."""
    weight = {"weight_indicator": config.weight_indicator}
    con.execute(sql("area_values"), weight)
    con.execute(sql("area_rates"))
    con.execute(sql("area_values_wijken"), weight)
    con.execute(sql("city_values"), {"gemeente": gemeente, **weight})
    con.execute(sql("gaps"), {"tolerance": config.stable_tolerance, "gemeente": gemeente, **weight,
                              "min_population": config.min_population_named})
    con.execute(sql("national_comparison"), {"tolerance": config.stable_tolerance})
    counts = {}
    for name in ("area_values", "city_values", "gaps", "national_comparison"):
        row = con.execute(f"select count(*) from {name}").fetchone()
        counts[name] = int(row[0]) if row else 0
    return counts
