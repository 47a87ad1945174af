"""Mijn organisatie drawn with Streamlit: the partner choice bound to `?partner=`, and one table section each for
the partner's goals, interventions and results, from the view the page has already built."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import page
from wijkmonitor.common import url_state as params
from wijkmonitor.common.text import inert
from wijkmonitor.texts import mijn_organisatie as txt

MEMO, KEY = "mijn_organisatie_url_state", "mijn_organisatie_partner"


def choose_partner(choices: dict[str, str]) -> str | None:
    """The organisation selectbox: a new `?partner=` sets it (a Dutch note for one not in the list), then the
    widget leads and the URL follows; None until someone is chosen."""
    news = params.incoming(("partner",), MEMO)
    if news is not None:
        chosen = params.choose(news.get("partner"), list(choices), None)
        st.session_state[KEY] = chosen.value
        if chosen.rejected is not None:
            st.warning(txt.UNKNOWN.format(value=inert(chosen.rejected)), icon=":material/link_off:")
    params.ensure(KEY, [None, *choices], None)
    partner: str | None = st.selectbox(txt.W_PARTNER, [None, *choices], key=KEY, placeholder=nl.PLACEHOLDER_SELECT,
                                       format_func=lambda p: txt.PLACEHOLDER if p is None else choices[p])
    params.publish({"partner": partner} if partner else {}, MEMO, ("partner",))
    return partner


def table(frame: pd.DataFrame, *, empty: str, key: str, file_stem: str) -> bool:
    """The table with its downloads, or `empty` when there is nothing; True when the table was shown."""
    if frame.empty:
        st.info(empty)
        return False
    nl.dataframe(frame, key=f"mijn_{key}")
    page.downloads(frame, label=txt.DOWNLOAD, file_stem=file_stem, key=f"mijn_dl_{key}")
    return True
