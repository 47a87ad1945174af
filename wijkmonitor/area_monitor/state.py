"""Page state of the Gebiedsmonitor: URL -> widgets -> URL, and the map click, so the page only places widgets.
Uses Streamlit (session state, query parameters); the parsing it relies on is pure and tested in `links`.

Every choice (theme, indicator, age group, year, map level, area) is in the address bar through the kernel's
`url_state`, and a copied link gives the same selection on a fresh session (tested with AppTest).
"""

from __future__ import annotations

import streamlit as st

from wijkmonitor.area_monitor import links, maps
from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import url_state as params
from wijkmonitor.common.indicators import Catalog, Units, map_level
from wijkmonitor.common.text import plain
from wijkmonitor.texts import gebied as txt

MEMO = "gebied_url_state"
K_THEME, K_INDICATOR, K_AGE, K_YEAR, K_LEVEL, K_AREA, K_MAP_ROUND = (
    "gebied_theme", "gebied_indicator", "gebied_age", "gebied_year", "gebied_level", "gebied_area", "gebied_map_round",
)


def map_key() -> str:
    """The map's widget key: a new one after every click, see `select_from_map`."""
    return f"gebied_map_{st.session_state.get(K_MAP_ROUND, 0)}"


def select_from_map(units: Units) -> None:
    """A click on a region of the map selects it for the charts, like the selectbox does."""
    objects = st.session_state[map_key()].selection.objects.get(maps.REGIONS_LAYER) or []
    code = (objects[0].get("properties") or {}).get("code") if objects else None
    if code in units.codes:
        st.session_state[K_AREA] = code
    # Streamlit dims every unselected region while a selection is active, which would no longer match the
    # legend; a fresh key draws the map anew, and the chosen region keeps its own black outline.
    st.session_state[K_MAP_ROUND] = st.session_state.get(K_MAP_ROUND, 0) + 1


def read_link(catalog: Catalog, units: Units) -> list[str]:
    """Apply a link that is news to the widgets; the Dutch messages for values it did not know."""
    news = params.incoming(links.PARAMS, MEMO)
    if news is None:
        return []
    chosen, messages = links.parse(news, catalog, units)
    st.session_state.update({K_THEME: chosen.theme, K_INDICATOR: chosen.indicator, K_AGE: chosen.age,
                             K_YEAR: chosen.year, K_LEVEL: chosen.level})
    if chosen.area is not None:
        st.session_state[K_AREA] = chosen.area
    return messages


def widgets(catalog: Catalog, units: Units) -> links.Selection:
    """Theme, indicator, age group, year and map level in one row (each list follows the choice before it),
    and the area; returns the selection and writes it to the URL. The area's selectbox is drawn by the trend
    section (`area_widget`), where it belongs."""
    # The theme gets the room its longest name needs ('Prettig en veilig samenleven').
    col_theme, col_indicator, col_age, col_year, col_level = st.columns([3, 3.5, 2, 1.2, 1.8])
    params.ensure(K_THEME, list(catalog.themes), next(iter(catalog.themes)))
    theme = col_theme.selectbox(txt.W_THEME, list(catalog.themes), format_func=lambda t: plain(catalog.themes[t]),
                                key=K_THEME, placeholder=nl.PLACEHOLDER_SELECT)
    indicator_options = catalog.theme_indicators(theme)
    params.ensure(K_INDICATOR, indicator_options, catalog.default_indicator(theme))
    indicator = col_indicator.selectbox(
        txt.W_INDICATOR, indicator_options, format_func=lambda c: plain(catalog.indicators[c].label),
        key=K_INDICATOR, placeholder=nl.PLACEHOLDER_SELECT,
    )
    age_options = catalog.age_groups(indicator)
    params.ensure(K_AGE, age_options, catalog.default_age(indicator))
    age = col_age.selectbox(txt.W_AGE, age_options, format_func=lambda a: plain(catalog.age_label(indicator, a)),
                            key=K_AGE, placeholder=nl.PLACEHOLDER_SELECT)
    year_options = sorted(catalog.years(indicator, age), reverse=True)
    params.ensure(K_YEAR, year_options, catalog.default_year(indicator, age))
    year = col_year.selectbox(txt.W_YEAR, year_options, key=K_YEAR, placeholder=nl.PLACEHOLDER_SELECT)
    # A wijk-only source (Leefbaarometer) has no buurt map: the level follows the indicator, and says why.
    chosen_level, level_message = map_level(st.session_state.get(K_LEVEL), catalog.indicators[indicator])
    st.session_state[K_LEVEL] = chosen_level
    level = col_level.radio(txt.W_LEVEL, list(catalog.indicators[indicator].levels),
                            format_func=txt.LEVEL_LABELS.__getitem__, horizontal=True, key=K_LEVEL)
    if level_message:
        st.info(level_message, icon=":material/layers:")
    if not units.empty:
        params.ensure(K_AREA, list(units.codes), units.default())
    selection = links.Selection(theme=theme, indicator=indicator, age=age, year=int(year), level=level,
                                area=st.session_state.get(K_AREA))
    params.publish(links.to_params(selection), MEMO)
    return selection


def area_widget(units: Units) -> None:
    st.selectbox(txt.W_AREA, list(units.codes), format_func=lambda c: plain(units.label(c)), key=K_AREA,
                 placeholder=nl.PLACEHOLDER_SELECT)
