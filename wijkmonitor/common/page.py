"""The first call of every page: page config, the per-run database snapshot and the sectioned navigation.

The pages live in Streamlit's own `pages/` folder (the entry page is `dashboard.py`), so a deep link such as
`/gebiedsmonitor?area=selwerd` runs the right file on a fresh server by construction. Streamlit's automatic
page list is hidden (`client.showSidebarNavigation = false`); `start` draws the Dutch one in its place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pandas as pd
import streamlit as st

from wijkmonitor.access import session
from wijkmonitor.common import dutch_ui, export, fmt
from wijkmonitor.common.data import pin_snapshot
from wijkmonitor.texts import common as txt


@dataclass(frozen=True)
class PageInfo:
    id: str  # the url path ("" for the entry page)
    file: str  # as st.page_link and AppTest.switch_page take it
    title: str
    icon: str
    section: str


PAGES: tuple[PageInfo, ...] = (
    PageInfo("", "dashboard.py", txt.PAGE_OVERVIEW, ":material/dashboard:", txt.NAV_OVERVIEW),
    PageInfo("gebiedsmonitor", "pages/gebiedsmonitor.py", txt.PAGE_GEBIED, ":material/map:", txt.NAV_MONITORS),
    PageInfo("interventiemonitor", "pages/interventiemonitor.py", txt.PAGE_INTERVENTIE, ":material/construction:",
             txt.NAV_MONITORS),
    PageInfo("procesmonitor", "pages/procesmonitor.py", txt.PAGE_PROCES, ":material/groups:", txt.NAV_MONITORS),
    PageInfo("doelen", "pages/doelen.py", txt.PAGE_DOELEN, ":material/flag:", txt.NAV_TARGETS),
    PageInfo("mijn-organisatie", "pages/mijn-organisatie.py", txt.PAGE_MIJN_ORGANISATIE, ":material/handshake:",
             txt.NAV_TARGETS),
    PageInfo("wijkprofiel", "pages/wijkprofiel.py", txt.PAGE_WIJKPROFIEL, ":material/home_pin:", txt.NAV_TARGETS),
    PageInfo("over-de-data", "pages/over-de-data.py", txt.PAGE_OVER, ":material/info:", txt.NAV_ABOUT),
)
# Only in the navigation when logging in is configured; the page itself says why updating is off otherwise.
UPDATES = PageInfo("gegevens-bijwerken", "pages/gegevens-bijwerken.py", txt.PAGE_UPDATES, ":material/upload_file:",
                   txt.NAV_ABOUT)
_BY_ID = {p.id: p for p in (*PAGES, UPDATES)}
FAVICON = "🏘️"


def info(page_id: str) -> PageInfo:
    """The page with this url path; a KeyError names a page id that is not in PAGES (a programming error)."""
    return _BY_ID[page_id]


def start(page_id: str) -> PageInfo:
    """Set the page config, pin the snapshot this run reads, draw the navigation; return the page's info."""
    page = info(page_id)
    # Not page.icon: Streamlit fetches a ":material/...:" favicon from Google's font server, and nothing may be
    # requested from outside the machine. An emoji favicon is drawn locally (an inline SVG data URL).
    st.set_page_config(page_title=f"{page.title} · {txt.APP_TITLE}", page_icon=FAVICON, layout="wide")
    # Before anything is drawn (also the startup refusal below): lang="nl" and the Dutch names of Streamlit's
    # own controls on every page.
    dutch_ui.apply()
    # Refuses to go on (Dutch message, st.stop) when a login provider is configured unsafely.
    login = session.check_startup()
    pin_snapshot()
    _navigation(with_updates=login.enabled)
    if login.enabled:
        with st.sidebar:
            session.login_controls(session.current_viewer())
    return page


def _navigation(*, with_updates: bool) -> None:
    with st.sidebar:
        st.markdown(f"**{txt.APP_TITLE}**")
        section = None
        for page in (*PAGES, UPDATES) if with_updates else PAGES:
            if page.section != section:
                section = page.section
                st.caption(section)
            # Not disabled for the current page: Streamlit marks the active link itself, and a disabled link's
            # grey text fails WCAG AA contrast.
            st.page_link(page.file, label=page.title, icon=page.icon)


def built_note(meta: dict[str, str]) -> None:
    """When the figures were last built, in words; the file names, versions and checksums are on Over de data."""
    st.caption(txt.BUILT_AT.format(built_at=fmt.moment_words(meta.get("built_at"))))


def downloads(frame: pd.DataFrame, *, label: str, file_stem: str, key: str) -> None:
    """The table as shown, as CSV (Dutch Excel) and as XLSX; each file is only built when it is asked for."""
    csv_col, xlsx_col = st.columns(2)
    csv_col.download_button(label, partial(export.csv_bytes, frame), file_name=f"{file_stem}.csv", mime="text/csv",
                            key=f"{key}_csv", icon=":material/download:", on_click="ignore")
    xlsx_col.download_button(
        txt.DOWNLOAD_XLSX, partial(export.table_xlsx, frame, label[:31]), file_name=f"{file_stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"{key}_xlsx",
        icon=":material/table_view:", on_click="ignore",
    )
