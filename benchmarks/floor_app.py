"""Floor app for browser_timings.py: what one pydeck map and two plotly charts cost in bare Streamlit.

    WIJKMONITOR_DB=tmp/loadtest.duckdb streamlit run benchmarks/floor_app.py

Two pages: "/" (a title and a sentence, the origin for in-app navigation) and "/vloer" with one map of the
gemeente's buurten (the boundaries table of a built database, read with plain DuckDB) and two plotly charts
over its observations, of the same height as the Gebiedsmonitor's. None of the project's code is used, and
nothing is cached beyond what Streamlit does by itself, so the page's own work per run is small: the gap
between an app page and this floor is what the app adds on top of Streamlit, plotly and deck.gl.
"""

from __future__ import annotations

import json
import os

import duckdb
import pandas as pd
import plotly.express as px
import pydeck as pdk
import streamlit as st

MAP_HEIGHT_PX = 560


@st.cache_data
def _boundaries(db: str) -> dict[str, object]:
    with duckdb.connect(db, read_only=True) as con:
        rows = con.execute(
            "select region_code, name, geojson from boundaries where level = 'buurt' qualify year = max(year) over ()"
        ).fetchall()
    features = [
        {"type": "Feature", "geometry": json.loads(geometry), "properties": {"code": code, "name": name}}
        for code, name, geometry in rows
    ]
    return {"type": "FeatureCollection", "features": features}


@st.cache_data
def _observations(db: str) -> pd.DataFrame:
    with duckdb.connect(db, read_only=True) as con:
        return con.execute(
            "select region_code, year, indicator_code, value from observations "
            "where age_group = (select min(age_group) from observations) and value is not null"
        ).df()


def start() -> None:
    st.title("Vloer: start")
    st.write("Beginpagina voor de navigatiemeting; de meting zelf is de pagina Vloer.")


def floor() -> None:
    db = os.environ["WIJKMONITOR_DB"]
    st.title("Vloer: kaart en twee grafieken")
    shapes = _boundaries(db)
    layer = pdk.Layer(
        "GeoJsonLayer", shapes, pickable=True, stroked=True, filled=True,
        get_fill_color=[31, 119, 180, 140], get_line_color=[255, 255, 255], line_width_min_pixels=1,
    )  # fmt: skip
    view = pdk.ViewState(latitude=53.22, longitude=6.57, zoom=11)
    deck = pdk.Deck(layers=[layer], initial_view_state=view, map_style=None, map_provider=None)
    st.pydeck_chart(deck, height=MAP_HEIGHT_PX)

    data = _observations(db)
    first = data[data["indicator_code"] == data["indicator_code"].min()]
    regions = sorted(first["region_code"].unique())[:8]
    trend = first[first["region_code"].isin(regions)].sort_values("year")
    st.plotly_chart(px.line(trend, x="year", y="value", color="region_code", markers=True, height=420))
    latest = first[first["year"] == first["year"].max()].sort_values("value")
    st.plotly_chart(px.bar(latest, x="region_code", y="value", height=420))


st.navigation([st.Page(start, title="Start", default=True), st.Page(floor, title="Vloer", url_path="vloer")]).run()
