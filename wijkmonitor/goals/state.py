"""Page state of Doelen: the filters (partner, theme, area, status) and the one-goal link in the URL through
the kernel's `url_state`, so a copied link gives the same selection. Uses Streamlit; the view is pure."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import url_state as params
from wijkmonitor.common.text import inert
from wijkmonitor.goals.config import Goal
from wijkmonitor.goals.view import GoalsView
from wijkmonitor.texts import doelen as txt

MEMO = "doelen_url_state"
NAMES = ("partner", "theme", "area", "status")
K_STATUS = "doelen_status"


@dataclass(frozen=True)
class Selection:
    goals: tuple[Goal, ...]
    area: str | None
    statuses: tuple[str, ...]
    one_goal: bool


def _parse_statuses(raw: str | None, allowed: list[str]) -> tuple[list[str], list[str]]:
    if not raw:
        return [], []
    chosen, rejected = [], []
    for part in raw.split(","):
        choice = params.choose(part, allowed, None)
        if choice.value is not None and choice.value not in chosen:
            chosen.append(choice.value)
        elif choice.rejected is not None:
            rejected.append(choice.rejected)
    return chosen, rejected


def linked_goal(view: GoalsView) -> Goal | None:
    """The goal of a /doelen?goal=<id> link (a message for an unknown id)."""
    goal_param = st.query_params.get("goal")
    linked = view.config.goal(goal_param) if goal_param else None
    if goal_param and linked is None:
        st.info(txt.UNKNOWN_GOAL.format(goal=inert(goal_param)), icon=":material/link_off:")
    return linked


def one_goal(goal: Goal) -> Selection:
    # A page switch through st.page_link clears the address bar; write the goal back so it can be copied.
    st.query_params["goal"] = goal.id
    st.caption(txt.ONE_GOAL)
    if st.button(txt.SHOW_ALL, key="doelen_show_all", icon=":material/list:"):
        del st.query_params["goal"]
        st.rerun()
    return Selection((goal,), None, (), True)


def filters(view: GoalsView) -> Selection:
    """The four filters, read from a link that is news and written back to the URL."""
    options = {"partner": view.partners_in_use(), "theme": view.themes_in_use(), "area": view.areas_in_use()}
    statuses = view.statuses_in_use()
    news = params.incoming(NAMES, MEMO)
    if news is not None:
        rejected: list[str] = []
        for name, allowed in options.items():
            chosen = params.choose(news.get(name), list(allowed), None)
            st.session_state[f"doelen_{name}"] = chosen.value
            if chosen.rejected is not None:
                rejected.append(chosen.rejected)
        st.session_state[K_STATUS], bad = _parse_statuses(news.get("status"), statuses)
        for value in [*rejected, *bad]:
            st.info(txt.UNKNOWN_FILTER.format(value=inert(value)), icon=":material/link_off:")
    partner_col, theme_col, area_col, status_col = st.columns(4)
    partner = partner_col.selectbox(
        txt.FILTER_PARTNER, [None, *options["partner"]], key="doelen_partner", placeholder=nl.PLACEHOLDER_SELECT,
        format_func=lambda p: txt.ALL_PARTNERS if p is None else view.labels.partner_names.get(p, p),
    )
    theme = theme_col.selectbox(
        txt.FILTER_THEME, [None, *options["theme"]], key="doelen_theme", placeholder=nl.PLACEHOLDER_SELECT,
        format_func=lambda t: txt.ALL_THEMES if t is None else view.labels.theme_names.get(t, t),
    )
    area = area_col.selectbox(
        txt.FILTER_AREA, [None, *options["area"]], key="doelen_area", placeholder=nl.PLACEHOLDER_SELECT,
        format_func=lambda a: txt.ALL_AREAS if a is None else view.labels.area_names.get(a, a),
    )
    st.session_state[K_STATUS] = [s for s in st.session_state.get(K_STATUS) or [] if s in statuses]
    chosen_statuses = status_col.multiselect(txt.FILTER_STATUS, statuses, key=K_STATUS,
                                             format_func=txt.status_text, placeholder=txt.STATUS_PLACEHOLDER)
    values = {"partner": partner, "theme": theme, "area": area,
              "status": ",".join(chosen_statuses) if chosen_statuses else None}
    params.publish({k: v for k, v in values.items() if v}, MEMO, NAMES)
    return Selection(view.goals(partner=partner, theme=theme, area=area), area, tuple(chosen_statuses), False)
