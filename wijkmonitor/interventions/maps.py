"""Map builder: where the interventions work, per renewal area, on the dissolved area outlines (`common.maps`).

Pure: rows in, pydeck Deck out, always without a basemap (`map_style=None`). Tooltip text is HTML in deck.gl,
so every name in it is escaped first.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd
import pydeck as pdk

from wijkmonitor.common import fmt
from wijkmonitor.common.maps import BLUES_5, LABEL_FONT, TOOLTIP_STYLE, CompactDeck, spaced, view_state
from wijkmonitor.common.maps import parse_geometry as geometry_of
from wijkmonitor.common.text import html_text, plain
from wijkmonitor.texts import interventies as txt

AREAS_LAYER = "interventie-areas"
MAP_HEIGHT_PX = 520
_EMPTY_RGB = [240, 240, 240]
# pydeck turns a bare string argument into a JavaScript expression, so enum values are quoted literals.
_POINT_RGB = [213, 94, 0]  # Okabe-Ito vermillion: stands apart from the blue fills


def fill(n_working: int, most: int) -> list[int]:
    """Light grey for none, then four blues by share of the busiest area (the count is also on the label)."""
    if n_working <= 0 or most <= 0:
        return [*_EMPTY_RGB, 230]
    step = min(4, max(1, math.ceil(4 * n_working / most)))
    return [*BLUES_5[step], 230]


def _tip(row: Mapping[Any, Any]) -> str:
    n = int(row["n_working"])
    lines = [txt.TIP_COUNT_ONE if n == 1 else txt.TIP_COUNT.format(n=n)]
    lines.append(html_text(txt.TIP_ONLY.format(n=int(row["n"]), budget=fmt.euro(row["budget"], missing="€ 0"))))
    if int(row["n_shared"]):
        lines.append(html_text(txt.TIP_SHARED.format(n=int(row["n_shared"]),
                                                     budget=fmt.euro(row["shared_budget"], missing="€ 0"))))
    if int(row["n_example"]):
        lines.append(txt.TIP_EXAMPLE)
    return "<br/>".join(lines)


def intervention_map(
    shapes: pd.DataFrame,
    stats: pd.DataFrame,
    points: pd.DataFrame,
    base: pd.DataFrame,
    selected: frozenset[str] = frozenset(),
) -> pdk.Deck | None:
    """Renewal areas filled by the number of interventions that work there (name and number in the tooltip);
    one dot per buurt that interventions name on their own; `selected` areas outlined in black. Names with
    their number where they fit without overlapping (the chosen areas first, then the busiest).

    `shapes`: `common.maps.dissolve` rows; `stats`: `budget.per_area` rows of kind 'area' (key, n, budget,
    n_shared, shared_budget, n_working, n_example); `points`: lon, lat, buurt, names (already plain text);
    `base`: `base_map` rows (grey background), may be empty. None when there are no shapes.
    """
    if shapes.empty:
        return None
    by_key = {str(r["key"]): r for r in stats.to_dict("records")}
    most = int(stats["n_working"].max()) if not stats.empty else 0
    features = []
    labels = []
    outlines = []
    for row in shapes.to_dict("records"):
        area_id = str(row["area_id"])
        figures = by_key.get(area_id, {"n_working": 0, "n": 0, "budget": None, "n_shared": 0,
                                       "shared_budget": None, "n_example": 0})
        n = int(figures["n_working"])
        features.append({
            "type": "Feature", "geometry": row["geometry"],
            "properties": {"code": area_id, "tip_title": html_text(row["area_name"]), "tip_body": _tip(figures),
                           "fill": fill(n, most)},
        })
        # deck.gl's default font atlas is ASCII, so the separator is a plain colon.
        labels.append((area_id in selected, n, f"{plain(row['area_name'])}: {n}", row["lon"], row["lat"]))
        if area_id in selected:
            outlines.append({"type": "Feature", "geometry": row["geometry"], "properties": {}})
    layers = []
    if not base.empty:
        layers.append(pdk.Layer(
            "GeoJsonLayer", id="interventie-base",
            data={"type": "FeatureCollection", "features": [
                {"type": "Feature", "geometry": g, "properties": {}}
                for g in (geometry_of(raw) for raw in base["geojson"]) if g is not None
            ]},
            stroked=True, filled=True, get_fill_color=[250, 250, 250], get_line_color=[205, 205, 205],
            line_width_units="'pixels'", get_line_width=0.6, pickable=False,
        ))
    layers.append(pdk.Layer(
        "GeoJsonLayer", id=AREAS_LAYER, data={"type": "FeatureCollection", "features": features},
        stroked=True, filled=True, get_fill_color="properties.fill", get_line_color=[60, 60, 60],
        line_width_units="'pixels'", get_line_width=1.5, line_width_min_pixels=1.5, pickable=True,
        auto_highlight=True, highlight_color=[0, 0, 0, 50],
    ))
    if outlines:
        for suffix, colour, width in (("halo", [255, 255, 255], 7), ("line", [0, 0, 0], 3.5)):
            layers.append(pdk.Layer(
                "GeoJsonLayer", id=f"interventie-selected-{suffix}",
                data={"type": "FeatureCollection", "features": outlines}, stroked=True, filled=False,
                get_line_color=colour, line_width_units="'pixels'", get_line_width=width,
                line_width_min_pixels=width, pickable=False,
            ))
    if not points.empty:
        layers.append(pdk.Layer(
            "ScatterplotLayer", id="interventie-buurten",
            data=[{"position": [float(p["lon"]), float(p["lat"])], "tip_title": html_text(p["buurt"]),
                   "tip_body": "<br/>".join(html_text(n) for n in p["names"])}
                  for p in points.to_dict("records")],
            get_position="position", get_radius=7, radius_units="'pixels'", get_fill_color=[*_POINT_RGB, 255],
            stroked=True, get_line_color=[255, 255, 255], line_width_min_pixels=2, pickable=True,
        ))
    view = view_state(list(shapes["geometry"]), height=MAP_HEIGHT_PX)
    # The northern areas lie so close together that all names overlapped: the chosen areas, then the busiest,
    # keep a name where it fits at the first zoom. Every name and number is in the tooltip and the table.
    labels.sort(key=lambda item: (not item[0], -item[1]))
    placed = [labels[i] for i in spaced([(text, lon, lat) for _s, _n, text, lon, lat in labels], view.zoom)]
    if placed:
        layers.append(pdk.Layer(
            "TextLayer", id="interventie-labels", get_position="position", get_text="text",
            data=[{"text": text, "position": [lon, lat]} for _s, _n, text, lon, lat in placed],
            get_size=13, size_units="'pixels'", get_color=[20, 20, 20], font_weight=600, background=True,
            font_family=LABEL_FONT, get_background_color=[255, 255, 255, 220], background_padding=[3, 1, 3, 1],
            get_text_anchor="'middle'", get_alignment_baseline="'center'", pickable=False,
        ))
    return CompactDeck(
        layers=layers,
        initial_view_state=view,
        map_style=None,
        # Without this Streamlit 1.67 draws a Carto basemap, fetched from the internet.
        map_provider=None,
        tooltip={"html": "<b>{tip_title}</b><br/>{tip_body}", "style": TOOLTIP_STYLE},
    )


def buurt_points(frame: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """One row per buurt that these interventions name on their own: lon, lat, buurt (label), names."""
    rows = places[(places["named_kind"] == "buurt") & places["intervention_id"].isin(frame["intervention_id"])
                  & places["buurt_lon"].notna()]
    if rows.empty:
        return pd.DataFrame(columns=["lon", "lat", "buurt", "names"])
    names = dict(zip(frame["intervention_id"], frame["name"], strict=True))
    out = []
    for (code, name, lon, lat), group in rows.groupby(["named_code", "named_name", "buurt_lon", "buurt_lat"]):
        out.append({"lon": lon, "lat": lat, "buurt": txt.BUURT_LABEL.format(name=name, code=code),
                    "names": tuple(str(names[i]) for i in group["intervention_id"])})
    return pd.DataFrame(out)
