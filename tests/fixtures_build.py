"""Small hand-made municipalities for build tests: a config folder and a source folder written in code."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from wijkmonitor.config import DEFAULT_BOUNDARIES

PROGRAMME = """
[gemeente]
code = "GM9999"
name = "Proefstad"

[gaps]
stable_tolerance = 0.5
area_boundary_year = 2022

[[themes]]
id = "meedoen"
name = "Maatschappelijk meedoen"
nplv = true

[[themes]]
id = "bevolking"
name = "Bevolking"
nplv = false

[[programmes]]
id = "wijkvernieuwing"
name = "Wijkvernieuwing"

[[areas]]
id = "noord"
name = "Noord"
buurten = ["BU99990001", "BU99990002"]
programmes = ["wijkvernieuwing"]
first_year = 2018

[[areas]]
id = "zuid"
name = "Zuid"
buurten = ["BU99990003"]
programmes = ["wijkvernieuwing"]
first_year = 2018
"""

INDICATORS = """
[defaults]
weight_indicator = "AantalInwoners"

[indicators.Eenzaam]
label = "Eenzaam"
unit = "%"
theme = "meedoen"
polarity = "lower_better"
aggregation = "weighted_mean"
headline = true

[indicators.Vrijwilligerswerk]
label = "Doet vrijwilligerswerk"
unit = "%"
theme = "meedoen"
polarity = "higher_better"
aggregation = "weighted_mean"

[indicators.AantalInwoners]
label = "Aantal inwoners"
unit = "aantal"
theme = "bevolking"
polarity = "neutral"
aggregation = "sum"
aliases = ["AANT_INW"]
"""

SOURCES = """
[[sources]]
id = "enquete"
adapter = "longcsv"
paths = ["indicators/long.csv"]
boundary_year = 2022
"""

# region, year, indicator, value (age 18+ for percentages, population in 2017 without age)
LONG_ROWS = [
    ("GM9999", 2016, "Eenzaam|age_18+", "15"),
    ("GM9999", 2020, "Eenzaam|age_18+", "12"),
    ("BU99990001", 2016, "Eenzaam|age_18+", "10"),
    ("BU99990002", 2016, "Eenzaam|age_18+", "30"),
    ("BU99990001", 2020, "Eenzaam|age_18+", "10"),
    ("BU99990002", 2020, "Eenzaam|age_18+", "20"),
    ("BU99990003", 2016, "Eenzaam|age_18+", "."),
    ("BU99990003", 2020, "Eenzaam|age_18+", "11"),
    ("GM9999", 2020, "Vrijwilligerswerk|age_18+", "30"),
    ("BU99990001", 2020, "Vrijwilligerswerk|age_18+", "20"),
    ("BU99990002", 2020, "Vrijwilligerswerk|age_18+", "x"),
    ("BU99990001", 2017, "AantalInwoners", "100"),
    ("BU99990002", 2017, "AantalInwoners", "300"),
]


def _square(x: float, y: float) -> dict[str, object]:
    ring = [[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def write_long_csv(path: Path, rows: list[tuple[str, int, str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["region_code,year,indicator_code,value"] + [f"{r},{y},{i},{v}" for r, y, i, v in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_municipality(root: Path, *, rows: list[tuple[str, int, str, str]] | None = None,
                      programme: str = PROGRAMME, indicators: str = INDICATORS,
                      sources: str = SOURCES) -> tuple[Path, Path, Path]:
    """Write config, boundaries spec and source data; returns (config_dir, boundaries_toml, source_dir)."""
    config_dir = root / "config"
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "programme.toml").write_text(textwrap.dedent(programme), encoding="utf-8")
    (config_dir / "indicators.toml").write_text(textwrap.dedent(indicators), encoding="utf-8")
    (config_dir / "sources.toml").write_text(textwrap.dedent(sources), encoding="utf-8")
    source = root / "source"
    write_long_csv(source / "indicators" / "long.csv", LONG_ROWS if rows is None else rows)
    geo = source / "geo"
    geo.mkdir(parents=True, exist_ok=True)
    buurten = {"BU99990001": "Noord-Oost", "BU99990002": "Noord-West", "BU99990003": "Zuid"}
    features = [
        {"type": "Feature", "properties": {"statcode": code, "statnaam": name}, "geometry": _square(i * 0.01, 0)}
        for i, (code, name) in enumerate(buurten.items())
    ]
    (geo / "proefstad_buurt_2022.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8"
    )
    return config_dir, DEFAULT_BOUNDARIES, source
