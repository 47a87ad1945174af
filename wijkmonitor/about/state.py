"""Page state of Over de data: the part shown (`?tab=`) and the catalogue's theme filter (`?theme=`) in the URL,
so a link opens the same part with the same filter. `st.tabs` cannot be addressed from a link, so the parts are
a segmented control bound to the URL by the kernel's `url_state`."""

from __future__ import annotations

import streamlit as st

from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import url_state as params
from wijkmonitor.common.text import inert, markdown, plain
from wijkmonitor.texts import over as txt

# URL value -> label, in page order; the values are Dutch because they are read in the address bar.
TABS = {"indicatoren": txt.TAB_CATALOGUE, "dekking": txt.TAB_COVERAGE, "edities": txt.TAB_EDITIONS,
        "berekeningen": txt.TAB_METHODS, "bouw": txt.TAB_BUILD}
DEFAULT_TAB = "indicatoren"
TAB_MEMO, K_TAB = "over_tab_url_state", "over_tab"
THEME_MEMO, K_THEME, KEPT = "over_theme_url_state", "over_theme", "over_theme_kept"


def tab() -> str:
    """The part of the page to show (a link that is news sets it; a Dutch note for one the page lacks)."""
    chosen, rejected = params.segmented(txt.W_TAB, "tab", list(TABS), DEFAULT_TAB, key=K_TAB, memo_key=TAB_MEMO,
                                        format_func=TABS.__getitem__)
    if rejected is not None:
        st.warning(txt.TAB_UNKNOWN.format(value=inert(rejected), fallback=markdown(TABS[DEFAULT_TAB])),
                   icon=":material/link_off:")
    return chosen


def _theme_link(theme_names: dict[str, str]) -> None:
    news = params.incoming(("theme",), THEME_MEMO)
    if news is None:
        return
    chosen = params.choose(news.get("theme"), list(theme_names), None)
    st.session_state[K_THEME] = st.session_state[KEPT] = chosen.value
    if chosen.rejected is not None:
        st.warning(txt.THEME_UNKNOWN.format(value=inert(chosen.rejected)), icon=":material/link_off:")


def theme(theme_names: dict[str, str]) -> str | None:
    """The catalogue's theme filter (None: all themes), bound to `?theme=`."""
    options: list[str | None] = [None, *theme_names]
    _theme_link(theme_names)
    # Streamlit forgets a widget's value while another part is shown: the filter is kept beside it.
    params.ensure(K_THEME, options, st.session_state.get(KEPT))
    value: str | None = st.selectbox(
        txt.FILTER_THEME, options, key=K_THEME, placeholder=nl.PLACEHOLDER_SELECT,
        format_func=lambda t: txt.ALL_THEMES if t is None else plain(theme_names[t]))
    st.session_state[KEPT] = value
    _publish_theme()
    return value


def keep_theme(theme_names: dict[str, str]) -> None:
    """On the other parts: the theme filter stays in the URL (and a link's theme is taken), so a copied link
    keeps it."""
    _theme_link(theme_names)
    _publish_theme()


def _publish_theme() -> None:
    kept = st.session_state.get(KEPT)
    params.publish({"theme": kept} if kept else {}, THEME_MEMO, ("theme",))
