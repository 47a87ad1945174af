"""Boundaries: GeoJSON per level and year. Boundaries change between years, so each is kept with its year."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
import shapely.validation

from wijkmonitor import cbs
from wijkmonitor.adapters import checks
from wijkmonitor.config import BoundarySpec
from wijkmonitor.errors import BuildError

COLUMNS = ["region_code", "name", "level", "year", "geojson", "lon", "lat"]
# 5 decimals is about 1 m: far finer than the generalised CBS map, and it halves the map payload.
PRECISION = 5


def _geometry_json(geometry: shapely.Geometry) -> str:
    rounded = shapely.set_precision(geometry, 10**-PRECISION)
    return json.dumps(shapely.geometry.mapping(rounded), separators=(",", ":"))


def read_boundaries(source_dir: Path, spec: BoundarySpec, gemeente: str | None,
                    notes: list[checks.Note] | None = None) -> tuple[pd.DataFrame, list[Path]]:
    """Every chosen boundary file's features of the gemeente; codes written otherwise than CBS does are
    normalised and counted in `notes`."""
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
        data = checks.read_json(path)
        features = data.get("features") if isinstance(data, dict) else None
        if not isinstance(features, list):
            raise BuildError("geen GeoJSON FeatureCollection: de lijst 'features' ontbreekt", file=path)
        seen: dict[str, int] = {}
        changed: list[str] = []
        for number, feature in enumerate(features, start=1):
            if not isinstance(feature, dict) or not isinstance(feature.get("properties") or {}, dict):
                raise BuildError("vlak is geen GeoJSON Feature met 'properties'", file=path, row=number)
            props = feature.get("properties") or {}
            raw_code = props.get(spec.code_property)
            code = checks.normalise_code(raw_code)
            if not cbs.is_region_code(code):
                raise BuildError(f"regiocode {raw_code!r} is geen CBS-code", file=path, row=number,
                                 column=spec.code_property)
            if str(raw_code).strip() != code:
                changed.append(f"vlak {number}: {raw_code!r} werd {code}")
            if code in seen:
                raise BuildError(f"regiocode {code} staat twee keer in dit bestand (ook vlak {seen[code]})",
                                 file=path, row=number, column=spec.code_property)
            seen[code] = number
            if gemeente is not None and (cbs.gemeente_of(code) or code) != gemeente:
                continue
            geometry = boundary_geometry(feature.get("geometry"), file=path, row=number)
            point = geometry.representative_point()
            name = props.get(spec.name_property)
            rows.append((code, code if name is None or not str(name).strip() else str(name).strip(), level, year,
                         _geometry_json(geometry), round(point.x, PRECISION), round(point.y, PRECISION)))
        if changed and notes is not None:
            notes.append(checks.Note(str(path), f"regiocodes in {spec.code_property} naar CBS-schrijfwijze gezet",
                                     len(changed), changed[0]))
    return pd.DataFrame(rows, columns=COLUMNS), [path for path, _ in chosen.values()]


# GEOS's reasons (shapely.validation.explain_validity) in the words of the person who edits the file.
_REASONS = {
    "Ring Self-intersection": "een ring raakt of snijdt zichzelf",
    "Self-intersection": "de rand snijdt zichzelf",
    "Too few points": "een ring heeft te weinig punten",
    "Hole lies outside shell": "een gat ligt buiten het vlak",
    "Nested shells": "vlakken liggen in elkaar",
    "Interior is disconnected": "het vlak valt door zijn gaten in delen uiteen",
    "Nested holes": "gaten liggen in elkaar",
    "Invalid Coordinate": "een coördinaat is ongeldig",
    "Duplicate Rings": "een ring staat er twee keer in",
}


def boundary_geometry(raw: object, *, file: Path, row: int) -> shapely.Geometry:
    """A feature's geometry, refused unless it is a valid, non-empty (Multi)Polygon in WGS84 degrees."""
    if not isinstance(raw, dict):
        raise BuildError("vlak zonder geometrie (geometry is leeg of null)", file=file, row=row, column="geometry")
    kind = raw.get("type")
    if kind not in ("Polygon", "MultiPolygon"):
        raise BuildError(f"geometrie van type {kind!r}; verwacht Polygon of MultiPolygon", file=file, row=row,
                         column="geometry")
    try:
        geometry = shapely.geometry.shape(raw)
        coordinates = shapely.get_coordinates(geometry)
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, shapely.errors.ShapelyError) as exc:
        reason = "een ring heeft te weinig punten (minstens 4)" if "at least 4" in str(exc) else (
            f"de coördinaten zijn onleesbaar ({exc})")
        raise BuildError(f"ongeldige geometrie: {reason}", file=file, row=row, column="geometry") from exc
    if geometry.is_empty:
        raise BuildError("lege geometrie (geen coördinaten)", file=file, row=row, column="geometry")
    if not np.isfinite(coordinates).all():
        raise BuildError("ongeldige geometrie: een coördinaat is geen eindig getal", file=file, row=row,
                         column="geometry")
    if (np.abs(coordinates[:, 0]) > 180).any() or (np.abs(coordinates[:, 1]) > 90).any():
        raise BuildError("coördinaten liggen buiten lengte -180..180 en breedte -90..90: verwacht WGS84 "
                         "(graden), geen RD-meters", file=file, row=row, column="geometry")
    if not geometry.is_valid:
        reason = shapely.validation.explain_validity(geometry)
        kind_of, _, where = reason.partition("[")
        dutch = next((text for key, text in _REASONS.items() if kind_of.strip().startswith(key)), kind_of.strip())
        place = f" bij {where.rstrip(']')}" if where else ""
        raise BuildError(f"ongeldige geometrie: {dutch}{place}", file=file, row=row, column="geometry")
    return geometry
