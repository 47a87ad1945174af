"""Boundaries: GeoJSON per level and year. Boundaries change between years, so each is kept with its year."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import shapely

from wijkmonitor import cbs
from wijkmonitor.config import BoundarySpec
from wijkmonitor.errors import BuildError

COLUMNS = ["region_code", "name", "level", "year", "geojson", "lon", "lat"]
# 5 decimals is about 1 m: far finer than the generalised CBS map, and it halves the map payload.
PRECISION = 5


def _geometry_json(geometry: shapely.Geometry) -> str:
    rounded = shapely.set_precision(geometry, 10**-PRECISION)
    return json.dumps(shapely.geometry.mapping(rounded), separators=(",", ":"))


def read_boundaries(source_dir: Path, spec: BoundarySpec, gemeente: str | None) -> tuple[pd.DataFrame, list[Path]]:
    pattern = re.compile(spec.name_pattern)
    chosen: dict[tuple[str, int], tuple[Path, bool]] = {}
    for path in sorted(source_dir.glob(spec.glob)):
        match = pattern.match(path.name)
        if not match:
            continue
        key = (match["level"], int(match["year"]))
        preferred = bool(match["variant"]) and match["variant"] == spec.preferred_variant
        if key not in chosen or preferred:
            chosen[key] = (path, preferred)
    rows = []
    for (level, year), (path, _) in sorted(chosen.items()):
        try:
            features = json.loads(path.read_text(encoding="utf-8"))["features"]
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError) as exc:
            raise BuildError(f"grenzenbestand onleesbaar ({exc})", file=path) from exc
        for index, feature in enumerate(features):
            props = feature.get("properties") or {}
            code = str(props.get(spec.code_property, "")).strip()
            if not cbs.is_region_code(code):
                raise BuildError(f"regiocode {code!r} is geen CBS-code", file=path, row=index + 1,
                                 column=spec.code_property)
            if gemeente is not None and (cbs.gemeente_of(code) or code) != gemeente:
                continue
            geometry = shapely.geometry.shape(feature["geometry"])
            point = geometry.representative_point()
            rows.append((code, str(props.get(spec.name_property, code)).strip(), level, year,
                         _geometry_json(geometry), round(point.x, PRECISION), round(point.y, PRECISION)))
    return pd.DataFrame(rows, columns=COLUMNS), [path for path, _ in chosen.values()]
