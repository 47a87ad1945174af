"""Map builders: pure functions from query rows to a pydeck Deck, always without a basemap.

No basemap means `map_provider=None` as well as `map_style=None`: in Streamlit 1.67 `map_style=None` alone
means "a Carto basemap in the app's theme", which needs the internet (offline it leaves a black map).
pydeck turns every string property into a JavaScript expression, so constant strings are quoted ("'pixels'").

The data travels inline in the deck's JSON, so geometries are parsed once, coordinates stay at the five
decimals the build stored (about a metre), and properties hold only what the tooltip shows.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd
import pydeck as pdk
import shapely
from pydeck.bindings.json_tools import default_serialize
from shapely.geometry import mapping, shape

from wijkmonitor.area_monitor import colours
from wijkmonitor.area_monitor.colours import Scale
from wijkmonitor.area_monitor.options import Indicator
from wijkmonitor.common import fmt
from wijkmonitor.texts import gebied as txt

REGIONS_LAYER = "gebied-regions"
# The map column is about this wide on a laptop screen; the initial zoom fits the gemeente into it.
MAP_WIDTH_PX = 640
MAP_HEIGHT_PX = 560
_LABEL_FONT = "'Source Sans Pro, Helvetica, Arial, sans-serif'"
# Dissolving independently simplified buurt shapes leaves hairline slivers between neighbours; growing and
# shrinking by ~10 m closes them without visibly moving the outline.
_SLIVER_DEG = 0.0001
_TOOLTIP_STYLE = {
    "backgroundColor": "white",
    "color": "#1a1a1a",
    "fontSize": "0.85rem",
    "border": "1px solid #6b6b6b",
    "padding": "0.4rem 0.5rem",
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


def _outline_layers(areas: pd.DataFrame, selected: Mapping[str, Any] | None,
                    selected_id: str | None = None) -> list[pdk.Layer]:
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
        # The northern renewal areas lie close together: at city scale their names would overlap, so the
        # collision filter hides a label until the user zooms in (the chosen area's label always wins).
        layers.append(pdk.Layer(
            "TextLayer",
            id="gebied-area-labels",
            data=[{"name": n, "position": [lon, lat], "priority": 1000 if a == selected_id else -i}
                  for i, (a, n, lon, lat) in enumerate(zip(areas["area_id"], areas["area_name"], areas["lon"],
                                                           areas["lat"], strict=True))],
            get_position="position", get_text="name", get_size=13, size_units="'pixels'",
            get_color=[20, 20, 20], font_family=_LABEL_FONT, font_weight=600, background=True,
            get_background_color=[255, 255, 255, 225], background_padding=[3, 1, 3, 1],
            get_text_anchor="'middle'", get_alignment_baseline="'center'", pickable=False,
            extensions=[{"@@type": "CollisionFilterExtension"}], collision_enabled=True,
            get_collision_priority="priority",
        ))
    return layers


def _city(city: Any, method: Any, ind: Indicator) -> str:
    """'stad: 4,16 score (berekend uit de wijken)': a computed city value says so wherever it is shown."""
    text = fmt.value(city, ind.unit, ind.decimals)
    word = txt.CITY_METHOD_WORDS.get(str(method)) if isinstance(method, str) else None
    return txt.TOOLTIP_CITY.format(city=txt.CITY_WITH_METHOD.format(city=text, method=word) if word else text)


def _tooltip_lines(row: Mapping[str, Any], ind: Indicator) -> dict[str, str]:
    value, city, gap = row.get("value"), row.get("city_value"), row.get("gap")
    if fmt.is_missing(value):
        return {
            "tip_value": colours.missing_label(row.get("missing_reason")),
            "tip_city": _city(city, row.get("city_method"), ind) if not fmt.is_missing(city) else "",
            "tip_gap": "",
        }
    gap_text = fmt.difference(gap, ind.unit, ind.decimals, signed=True)
    small = ""
    if row.get("is_small") in (True, 1) and not fmt.is_missing(row.get("population")):
        small = " · " + txt.TOOLTIP_SMALL.format(population=fmt.count(row["population"]),
                                                year=int(row["population_year"]))
    position = row.get("position")
    words = txt.POSITION_WORDS.get(str(position), "") if isinstance(position, str) else ""
    return {
        "tip_value": txt.TOOLTIP_VALUE.format(value=fmt.value(value, ind.unit, ind.decimals)) + small,
        "tip_city": _city(city, row.get("city_method"), ind),
        "tip_gap": (txt.TOOLTIP_GAP.format(gap=gap_text, position=words) if words
                    else txt.TOOLTIP_GAP_NEUTRAL.format(gap=gap_text)) if not fmt.is_missing(gap) else "",
    }


def choropleth(
    rows: pd.DataFrame,
    scale: Scale,
    ind: Indicator,
    areas: pd.DataFrame,
    selected: str | None = None,
    members: Mapping[str, str] | None = None,
) -> pdk.Deck:
    """Regions of one level coloured by their difference from the city; renewal areas outlined and named.

    `rows` are `area_monitor_map` rows (regions without a boundary are skipped), `areas` is `dissolve` output,
    `selected` an area id or region code to outline, `members` buurt code -> renewal area name (`membership`).
    """
    features = []
    geometries = []
    selected_geometry: dict[str, Any] | None = None
    for row in fmt.records(rows):
        geometry = parse_geometry(row.get("geojson"))
        if geometry is None:
            continue
        geometries.append(geometry)
        r, g, b = (scale.colour(row.get("value")) if not fmt.is_missing(row.get("value"))
                   else colours.missing_colour(row.get("missing_reason")))
        features.append({
            "type": "Feature",
            "geometry": geometry,
            "properties": {"code": row["region_code"], "name": row["name"], "fill": [r, g, b, 235],
                           "title": txt.TOOLTIP_TITLE_AREA.format(name=row["name"], area=members[row["region_code"]])
                           if members and row["region_code"] in members else row["name"],
                           **_tooltip_lines(row, ind)},
        })
        if selected is not None and row["region_code"] == selected:
            selected_geometry = geometry
    if selected is not None and selected_geometry is None and not areas.empty:
        match = areas[areas["area_id"] == selected]
        if not match.empty:
            selected_geometry = match["geometry"].iloc[0]
    regions = pdk.Layer(
        "GeoJsonLayer",
        id=REGIONS_LAYER,
        data={"type": "FeatureCollection", "features": features},
        stroked=True, filled=True, get_fill_color="properties.fill", get_line_color=[255, 255, 255],
        line_width_units="'pixels'", get_line_width=0.6, line_width_min_pixels=0.6,
        pickable=True, auto_highlight=True, highlight_color=[0, 0, 0, 60],
    )
    return CompactDeck(
        layers=[regions, *_outline_layers(areas, selected_geometry, selected)],
        initial_view_state=view_state(geometries),
        map_style=None,
        map_provider=None,
        tooltip={
            "html": "<b>{title}</b><br/>{tip_value}<br/>{tip_city}<br/>{tip_gap}",
            "style": _TOOLTIP_STYLE,
        },
    )


def overview(base: pd.DataFrame, areas: pd.DataFrame) -> pdk.Deck:
    """The city's buurten in light grey with the renewal areas tinted, outlined and named."""
    base_features = []
    geometries = []
    for row in fmt.records(base):
        geometry = parse_geometry(row.get("geojson"))
        if geometry is None:
            continue
        geometries.append(geometry)
        base_features.append({"type": "Feature", "geometry": geometry, "properties": {"name": row["name"]}})
    layers = [
        pdk.Layer(
            "GeoJsonLayer",
            id="overview-buurten",
            data={"type": "FeatureCollection", "features": base_features},
            stroked=True, filled=True, get_fill_color=[236, 236, 236], get_line_color=[255, 255, 255],
            line_width_units="'pixels'", get_line_width=0.6, pickable=False,
        )
    ]
    if not areas.empty:
        layers.append(pdk.Layer(
            "GeoJsonLayer",
            id="overview-areas",
            data={"type": "FeatureCollection", "features": [
                {"type": "Feature", "geometry": g, "properties": {"name": n}}
                for g, n in zip(areas["geometry"], areas["area_name"], strict=True)
            ]},
            stroked=False, filled=True, get_fill_color=[254, 224, 182, 230], pickable=True,
        ))
    layers += _outline_layers(areas, None)
    return CompactDeck(
        layers=layers,
        initial_view_state=view_state(geometries, width=460, height=420),
        map_style=None,
        map_provider=None,
        tooltip={"html": "<b>{name}</b>", "style": _TOOLTIP_STYLE},
    )
