"""Wijkmonitor entry page: navigation over the monitors. Run with `streamlit run dashboard.py`."""

import streamlit as st

from wijkmonitor.texts import common as txt
from wijkmonitor.ui.common import pin_snapshot

st.set_page_config(page_title=txt.APP_TITLE, page_icon=":material/location_city:", layout="wide")

navigation = st.navigation(
    {
        txt.NAV_OVERVIEW: [
            st.Page("app_pages/overzicht.py", title=txt.PAGE_OVERVIEW, icon=":material/dashboard:", default=True),
        ],
        txt.NAV_MONITORS: [
            st.Page("app_pages/gebiedsmonitor.py", title=txt.PAGE_GEBIED, icon=":material/map:",
                    url_path="gebiedsmonitor"),
            st.Page("app_pages/interventiemonitor.py", title=txt.PAGE_INTERVENTIE, icon=":material/construction:",
                    url_path="interventiemonitor"),
            st.Page("app_pages/procesmonitor.py", title=txt.PAGE_PROCES, icon=":material/groups:",
                    url_path="procesmonitor"),
        ],
        txt.NAV_TARGETS: [
            st.Page("app_pages/doelen.py", title=txt.PAGE_DOELEN, icon=":material/flag:", url_path="doelen"),
            st.Page("app_pages/wijkprofiel.py", title=txt.PAGE_WIJKPROFIEL, icon=":material/home_pin:",
                    url_path="wijkprofiel"),
        ],
        txt.NAV_ABOUT: [
            st.Page("app_pages/over-de-data.py", title=txt.PAGE_OVER, icon=":material/info:", url_path="over-de-data"),
        ],
    }
)
pin_snapshot()
navigation.run()
