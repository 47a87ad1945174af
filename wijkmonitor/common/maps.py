"""Map helpers every map of the dashboard shares: compact deck JSON, geometry parsing, a view that fits the
gemeente, renewal-area outlines dissolved from their buurten, and the outline-and-label layers.

No basemap means `map_provider=None` as well as `map_style=None`: in Streamlit 1.67 `map_style=None` alone
means "a Carto basemap in the app's theme", which needs the internet (offline it leaves a black map).
pydeck turns every string property into a JavaScript expression, so constant strings are quoted ("'pixels'").

The data travels inline in the deck's JSON, so geometries are parsed once, coordinates stay at the five
decimals the build stored (about a metre), and properties hold only what the tooltip shows.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd
import pydeck as pdk
import shapely
from pydeck.bindings.json_tools import default_serialize
from shapely.geometry import mapping, shape

from wijkmonitor.common.text import plain

RGB = tuple[int, int, int]
# ColorBrewer Blues, light to dark: the sequential fill of every map.
BLUES_5: tuple[RGB, ...] = ((239, 243, 255), (189, 215, 231), (107, 174, 214), (49, 130, 189), (8, 81, 156))
# The map column is about this wide on a laptop screen; the initial zoom fits the gemeente into it.
MAP_WIDTH_PX = 640
MAP_HEIGHT_PX = 560
LABEL_FONT = "'Source Sans Pro, Helvetica, Arial, sans-serif'"
# Dissolving independently simplified buurt shapes leaves hairline slivers between neighbours; growing and
# shrinking by ~10 m closes them without visibly moving the outline.
_SLIVER_DEG = 0.0001
TOOLTIP_STYLE = {
    "backgroundColor": "white",
    "color": "#1a1a1a",
    "fontSize": "0.85rem",
    "border": "1px solid #6b6b6b",
    "padding": "0.4rem 0.5rem",
    "maxWidth": "22rem",
}
_OUTLINE_RGB = [40, 40, 40]
_SELECTED_RGB = [0, 0, 0]


class CompactDeck(pdk.Deck):  # type: ignore[misc]
    """A Deck whose JSON has no indentation: Streamlit sends `to_json()` as it is, and pydeck's two-space
    indent would more than double the map payload."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def parse_geometry(raw: Any) -> dict[str, Any] | None:
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        return None
    if isinstance(raw, dict):
        return raw
    parsed = json.loads(str(raw))
    return parsed.get("geometry", parsed) if parsed.get("type") == "Feature" else parsed


def _round_coords(coords: Any) -> Any:
    if isinstance(coords, float | int):
        return round(float(coords), 5)
    return [_round_coords(c) for c in coords]


def _positions(geometry: Mapping[str, Any]) -> Iterable[tuple[float, float]]:
    def walk(coords: Any) -> Iterable[tuple[float, float]]:
        if coords and isinstance(coords[0], float | int):
            yield float(coords[0]), float(coords[1])
        else:
            for c in coords:
                yield from walk(c)

    yield from walk(geometry.get("coordinates", []))


def view_state(geometries: Iterable[Mapping[str, Any]], width: int = MAP_WIDTH_PX,
               height: int = MAP_HEIGHT_PX) -> pdk.ViewState:
    """Centre and zoom that fit all geometries in a map of about width x height pixels (Web Mercator)."""
    points = [p for g in geometries for p in _positions(g)]
    if not points:
        return pdk.ViewState(longitude=5.3, latitude=52.2, zoom=6)
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]

    def merc(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    dx = max((max(lons) - min(lons)) / 360, 1e-6)
    dy = max((merc(max(lats)) - merc(min(lats))) / (2 * math.pi), 1e-6)
    # deck.gl's zoom 0 shows the world in 512 pixels (not the 256 of raster tiles).
    zoom = min(math.log2(width / 512 / dx), math.log2(height / 512 / dy)) - 0.1
    centre_y = (merc(max(lats)) + merc(min(lats))) / 2
    centre_lat = math.degrees(2 * math.atan(math.exp(centre_y)) - math.pi / 2)
    return pdk.ViewState(
        longitude=round((max(lons) + min(lons)) / 2, 5), latitude=round(centre_lat, 5),
        zoom=round(min(zoom, 16.0), 2), min_zoom=8, max_zoom=16,
    )


def dissolve(outlines: pd.DataFrame) -> pd.DataFrame:
    """One outline per renewal area from its buurten (`area_outlines` rows), with a point for its label."""
    out = []
    for (area_id, area_name), group in outlines.groupby(["area_id", "area_name"], sort=False):
        shapes = [shape(g) for g in (parse_geometry(raw) for raw in group["geojson"]) if g is not None]
        if not shapes:
            continue
        merged = shapely.union_all(shapes).buffer(_SLIVER_DEG).buffer(-_SLIVER_DEG)
        label_point = merged.point_on_surface()
        geometry = mapping(merged)
        out.append({
            "area_id": area_id, "area_name": area_name,
            "geometry": {"type": geometry["type"], "coordinates": _round_coords(geometry["coordinates"])},
            "lon": round(label_point.x, 5), "lat": round(label_point.y, 5),
            "boundary_year": int(group["boundary_year"].iloc[0]),
        })
    return pd.DataFrame(out, columns=["area_id", "area_name", "geometry", "lon", "lat", "boundary_year"])


def membership(outlines: pd.DataFrame) -> dict[str, str]:
    """Buurt code -> the renewal area(s) it belongs to, for the tooltip."""
    out: dict[str, list[str]] = {}
    for code, name in zip(outlines["region_code"], outlines["area_name"], strict=True):
        out.setdefault(str(code), []).append(str(name))
    return {code: ", ".join(names) for code, names in out.items()}


def _pixel(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    """Web Mercator pixel position at this zoom (deck.gl: 512 pixels for the world at zoom 0)."""
    world = 512 * 2 ** zoom
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return (lon + 180) / 360 * world, (1 - y / math.pi) / 2 * world


def spaced(labels: Sequence[tuple[str, float, float]], zoom: float, *, char_px: float = 7.5,
           height_px: float = 18, gap_px: float = 4) -> list[int]:
    """The indices of the labels (text, lon, lat; most important first) that fit beside each other at the
    map's first zoom: a label that would overlap one already placed is left out.

    deck.gl's collision filter does this in the browser, but not where WebGL lacks what it needs (headless and
    some office browsers show every name on top of each other); this is the same rule, decided here, so the
    first view is readable everywhere. The names left out are in the tooltip and in the table.
    """
    placed: list[tuple[float, float, float, float]] = []
    kept = []
    for index, (text, lon, lat) in enumerate(labels):
        x, y = _pixel(lon, lat, zoom)
        half_w, half_h = (char_px * len(text) + 6) / 2 + gap_px, height_px / 2 + gap_px
        box = (x - half_w, y - half_h, x + half_w, y + half_h)
        if all(box[2] <= b[0] or box[0] >= b[2] or box[3] <= b[1] or box[1] >= b[3] for b in placed):
            placed.append(box)
            kept.append(index)
    return kept


def outline_layers(areas: pd.DataFrame, selected: Mapping[str, Any] | None,
                    selected_id: str | None = None, *, zoom: float | None = None) -> list[pdk.Layer]:
    """The renewal areas outlined and named (the chosen one first; at `zoom`, only names that do not overlap),
    and the chosen region or area outlined in black on a white halo."""
    layers = []
    if not areas.empty:
        layers.append(pdk.Layer(
            "GeoJsonLayer",
            id="gebied-area-outlines",
            data={"type": "FeatureCollection", "features": [
                {"type": "Feature", "geometry": g, "properties": {}} for g in areas["geometry"]
            ]},
            stroked=True, filled=False, get_line_color=_OUTLINE_RGB, line_width_min_pixels=2.5,
            line_width_units="'pixels'", get_line_width=2.5, pickable=False,
        ))
    if selected is not None:
        # A white halo under a black line stands out on every fill colour, without adding a hue to the map.
        for suffix, colour, width in (("halo", [255, 255, 255], 7), ("line", _SELECTED_RGB, 3.5)):
            layers.append(pdk.Layer(
                "GeoJsonLayer",
                id=f"gebied-selected-{suffix}",
                data={"type": "FeatureCollection", "features": [
                    {"type": "Feature", "geometry": selected, "properties": {}}
                ]},
                stroked=True, filled=False, get_line_color=colour, line_width_units="'pixels'",
                get_line_width=width, line_width_min_pixels=width, pickable=False,
            ))
    if not areas.empty:
        # The northern renewal areas lie close together: at city scale their names would overlap. The chosen
        # area comes first, then configuration order; `spaced` keeps the names that fit at the first zoom, and
        # where the browser can, deck.gl's collision filter does the same while zooming.
        names = [(str(a), plain(n), float(lon), float(lat)) for a, n, lon, lat in
                 zip(areas["area_id"], areas["area_name"], areas["lon"], areas["lat"], strict=True)]
        names.sort(key=lambda item: item[0] != selected_id)
        shown = (spaced([(n, lon, lat) for _a, n, lon, lat in names], zoom) if zoom is not None
                 else range(len(names)))
        layers.append(pdk.Layer(
            "TextLayer",
            id="gebied-area-labels",
            # Drawn as letters, not HTML: plain text under its own key, so no tooltip template can pick it up.
            data=[{"label": names[i][1], "position": [names[i][2], names[i][3]], "priority": -rank}
                  for rank, i in enumerate(shown)],
            get_position="position", get_text="label", get_size=13, size_units="'pixels'",
            get_color=[20, 20, 20], font_family=LABEL_FONT, font_weight=600, background=True,
            get_background_color=[255, 255, 255, 225], background_padding=[3, 1, 3, 1],
            get_text_anchor="'middle'", get_alignment_baseline="'center'", pickable=False,
            extensions=[{"@@type": "CollisionFilterExtension"}], collision_enabled=True,
            get_collision_priority="priority",
        ))
    return layers
