"""The Programma-overzicht's map: pure, rows in, pydeck Deck out, without a basemap."""

from __future__ import annotations

import pandas as pd
import pydeck as pdk

from wijkmonitor.common import fmt
from wijkmonitor.common.maps import TOOLTIP_STYLE, CompactDeck, outline_layers, parse_geometry, view_state
from wijkmonitor.common.text import html_text

MAP_HEIGHT_PX = 420


def programme_map(base: pd.DataFrame, areas: pd.DataFrame) -> pdk.Deck:
    """The city's buurten in light grey with the renewal areas tinted, outlined and named."""
    base_features = []
    geometries = []
    for row in fmt.records(base):
        geometry = parse_geometry(row.get("geojson"))
        if geometry is None:
            continue
        geometries.append(geometry)
        base_features.append({"type": "Feature", "geometry": geometry, "properties": {"name": html_text(row["name"])}})
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
                {"type": "Feature", "geometry": g, "properties": {"name": html_text(n)}}
                for g, n in zip(areas["geometry"], areas["area_name"], strict=True)
            ]},
            stroked=False, filled=True, get_fill_color=[254, 224, 182, 230], pickable=True,
        ))
    view = view_state(geometries, width=460, height=MAP_HEIGHT_PX)
    layers += outline_layers(areas, None, zoom=view.zoom)
    return CompactDeck(
        layers=layers,
        initial_view_state=view,
        map_style=None,
        map_provider=None,
        tooltip={"html": "<b>{name}</b>", "style": TOOLTIP_STYLE},
    )
