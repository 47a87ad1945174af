"""The Gebiedsmonitor's choropleth: pure, from query rows to a pydeck Deck, always without a basemap.

The shared pieces (compact JSON, geometry, fitted view, renewal-area outlines) are in `wijkmonitor.common.maps`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import pydeck as pdk

from wijkmonitor.area_monitor import colours
from wijkmonitor.area_monitor.colours import Scale
from wijkmonitor.common import fmt
from wijkmonitor.common.indicators import Indicator
from wijkmonitor.common.maps import (
    MAP_HEIGHT_PX,
    TOOLTIP_STYLE,
    CompactDeck,
    outline_layers,
    parse_geometry,
    view_state,
)
from wijkmonitor.common.text import html_text
from wijkmonitor.texts import gebied as txt

__all__ = ["MAP_HEIGHT_PX", "REGIONS_LAYER", "choropleth"]

REGIONS_LAYER = "gebied-regions"


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
            # The tooltip is HTML (deck.gl puts it in innerHTML): names from the boundary file are escaped.
            "properties": {"code": row["region_code"], "name": html_text(row["name"]), "fill": [r, g, b, 235],
                           "title": html_text(txt.TOOLTIP_TITLE_AREA.format(name=row["name"],
                                                                            area=members[row["region_code"]]))
                           if members and row["region_code"] in members else html_text(row["name"]),
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
    view = view_state(geometries)
    return CompactDeck(
        layers=[regions, *outline_layers(areas, selected_geometry, selected, zoom=view.zoom)],
        initial_view_state=view,
        map_style=None,
        map_provider=None,
        tooltip={
            "html": "<b>{title}</b><br/>{tip_value}<br/>{tip_city}<br/>{tip_gap}",
            "style": TOOLTIP_STYLE,
        },
    )
