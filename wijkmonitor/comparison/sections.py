"""The comparison page parts as Streamlit calls: render prepared views (`views.py`), no arithmetic here.

Shared by the Gebiedsmonitor (one indicator's comparison, the compass across all renewal areas) and the
Wijkprofiel ("Wat opvalt", the comparison per matching indicator with the group table, the area's compass).
The views' sentences are Markdown with data already escaped; names, labels and stored reasons that arrive here
raw go through `wijkmonitor.common.text` (st.table renders Markdown in its cells and headers too).
"""

from __future__ import annotations

import streamlit as st

from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import fmt, page
from wijkmonitor.common.text import markdown, markdown_frame, md_with
from wijkmonitor.comparison.views import AreaComparison, CompassView, IndicatorTrend
from wijkmonitor.texts import comparison as txt

COMPASS_TABLE_HEIGHT_PX = 500
ROW_HEIGHT_PX = 35  # Streamlit's dataframe row height: a short table gets no empty rows below it


def _tolerance_text(tolerance: float) -> str:
    return fmt.number(tolerance, 1)


def wat_opvalt(sentences: list[str]) -> None:
    st.subheader(txt.H_OPVALT, anchor="wat-opvalt")
    st.markdown("\n".join(f"* {sentence}" for sentence in sentences))
    st.caption(txt.OPVALT_HELP)


def _trend(item: IndicatorTrend, key: str) -> None:
    if item.figure is None:
        st.info(item.sentence, icon=":material/info:")
        return
    st.markdown(item.sentence)
    nl.plotly_chart(item.figure, alt=item.alt, key=key)
    with st.expander(txt.TABLE_TREND):
        st.table(markdown_frame(item.table), hide_index=True)


def indicator_comparison(item: IndicatorTrend | None, area_name: str, *, key: str) -> None:
    """Gebiedsmonitor: the chosen indicator for the chosen renewal area against its comparison group."""
    if item is None:
        return
    st.subheader(md_with(txt.H_COMPARISON_AREA, area=area_name), anchor="vergelijking")
    st.caption(txt.COMPARISON_INTRO)
    _trend(item, key)


def area_comparison(view: AreaComparison, tolerance_limit: str, *, key: str) -> None:
    """Wijkprofiel: the indication per matching indicator, the group and its balance; or the stored reason."""
    st.subheader(txt.H_COMPARISON, anchor="vergelijking")
    st.caption(txt.COMPARISON_INTRO)
    if not view.shown:
        st.info(markdown(view.reason), icon=":material/info:")
        if len(view.balance_table):
            with st.expander(txt.H_BALANCE):
                st.caption(txt.BALANCE_HELP.format(limit=tolerance_limit))
                st.table(markdown_frame(view.balance_table), hide_index=True)
        return
    st.markdown(view.note)
    st.caption(md_with(txt.COMPARISON_AGE, age=fmt.lower_first(view.age_label)) + " " + txt.TREND_TABS_HELP)
    if view.trends:
        for tab, item in zip(st.tabs([markdown(t.label) for t in view.trends]), view.trends, strict=True):
            with tab:
                _trend(item, f"{key}_{item.code}")
    st.markdown(f"#### {txt.H_GROUP}")
    st.caption(markdown(view.reason) + " " + txt.GROUP_TABLE_HELP)
    st.dataframe(view.group_table, hide_index=True, width="stretch", key=f"{key}_group")
    st.caption(txt.GROUP_NO_LINKS)
    page.downloads(view.group_table, label=txt.DOWNLOAD_GROUP, key=f"{key}_dl",
                   file_stem=f"vergelijkingsgroep_{view.area_id}")
    with st.expander(txt.H_BALANCE):
        st.caption(txt.BALANCE_HELP.format(limit=tolerance_limit))
        st.table(markdown_frame(view.balance_table), hide_index=True)


def _compass(view: CompassView, key: str) -> None:
    if view.figure is None:
        st.info(view.message or "", icon=":material/explore:")
        if len(view.table):
            st.dataframe(view.table, hide_index=True, width="stretch", key=f"{key}_table")
        return
    picture, table = st.columns([5, 4], vertical_alignment="top")
    with picture:
        nl.plotly_chart(view.figure, alt=view.alt, key=key)
    with table:
        st.markdown(view.summary)
        # As tall as the picture and scrolling: two dozen indicators as a plain table would run far below it.
        height = min(COMPASS_TABLE_HEIGHT_PX, ROW_HEIGHT_PX * (len(view.table) + 1) + 3)
        st.dataframe(view.table, hide_index=True, height=height, width="stretch", key=f"{key}_table")


def area_compass(view: CompassView | None, area_name: str, tolerance: float, *, key: str) -> None:
    st.subheader(txt.H_COMPASS_AREA, anchor="ontwikkelkompas")
    st.caption(txt.COMPASS_HELP.format(tolerance=_tolerance_text(tolerance)))
    if view is None:
        st.info(txt.COMPASS_EMPTY.format(year="de laatste editie"), icon=":material/explore:")
        return
    _compass(view, key)


def indicator_compass(view: CompassView | None, label: str, tolerance: float, *, key: str) -> None:
    """Gebiedsmonitor: one indicator across all renewal areas."""
    if view is None:
        return
    st.header(md_with(txt.H_COMPASS_ALL, indicator=label), divider="gray", anchor="ontwikkelkompas")
    st.caption(txt.COMPASS_ALL_HELP.format(tolerance=_tolerance_text(tolerance)))
    _compass(view, key)
    if len(view.table):
        page.downloads(view.table, label=txt.DOWNLOAD_COMPASS, key=f"{key}_dl",
                       file_stem=f"ontwikkelkompas_{key.removeprefix('gebied_kompas_')}")
