"""Page state of the Interventiemonitor: the URL <-> widget wiring, the map click and the card pagination, so
the page only places widgets. Uses Streamlit (session state, query parameters); the parsing it relies on is
pure and tested in `filters`.

Every filter a user sets is in the address bar through the kernel's `url_state`, and a copied link gives the
same selection on a fresh session (tested per page with AppTest).
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import url_state as params
from wijkmonitor.interventions import cards
from wijkmonitor.interventions.filters import ALL, LINK_PARAMS, Filters, Options, parse_link, to_link
from wijkmonitor.interventions.maps import AREAS_LAYER
from wijkmonitor.texts import interventies as itxt

MEMO = "interventie_url_state"
KEYS = {name: f"interventie_{name}" for name in Filters.__dataclass_fields__}
K_MAP, K_PAGE = "interventie_map", "interventie_card_page"
WIDGETS = ("area", "programme", "status", "theme", "actielijn", "spoor", "partner")
LABELS = {"area": itxt.W_AREA, "programme": itxt.W_PROGRAMME, "status": itxt.W_STATUS, "theme": itxt.W_THEME,
          "actielijn": itxt.W_ACTIELIJN, "spoor": itxt.W_SPOOR, "partner": itxt.W_PARTNER}


def choices(opts: Options) -> dict[str, dict[str, str]]:
    return {"area": opts.areas, "programme": opts.programmes, "status": opts.statuses, "theme": opts.themes,
            "actielijn": opts.actielijnen, "spoor": opts.sporen, "partner": opts.partners}


def read_link(opts: Options) -> list[str]:
    """Apply a link that is news to the page to the widgets; the Dutch messages for values it did not know."""
    news = params.incoming(LINK_PARAMS, MEMO)
    if news is None:
        return []
    chosen, messages = parse_link(news, opts)
    st.session_state.update({KEYS[name]: value for name, value in chosen.items()})
    return messages


def filter_widgets(opts: Options) -> Filters:
    """The seven filters as select boxes (four a row) and a reset button; returns the selection and writes it
    to the URL."""
    options = choices(opts)
    columns = [*st.columns(4), *st.columns([1, 1, 1, 1], vertical_alignment="bottom")]
    for column, name in zip(columns, WIDGETS, strict=False):
        values = options[name]
        params.ensure(KEYS[name], list(values), ALL)
        column.selectbox(LABELS[name], list(values), format_func=values.__getitem__, key=KEYS[name],
                         placeholder=nl.PLACEHOLDER_SELECT)
    columns[len(WIDGETS)].button(itxt.RESET, on_click=reset_filters, key="interventie_reset",
                                 icon=":material/filter_alt_off:")
    filters = Filters(**{name: st.session_state[KEYS[name]] for name in WIDGETS})
    params.publish(to_link(filters), MEMO, LINK_PARAMS)
    return filters


def reset_filters() -> None:
    for key in KEYS.values():
        st.session_state[key] = ALL


def select_from_map(areas: Sequence[str]) -> None:
    """A click on an area of the map chooses it in the area filter (`areas`: the area filter's values)."""
    objects = st.session_state[K_MAP].selection.objects.get(AREAS_LAYER) or []
    code = (objects[0].get("properties") or {}).get("code") if objects else None
    if code in areas:
        st.session_state[KEYS["area"]] = code


def card_page(all_cards: Sequence[cards.Card]) -> tuple[Sequence[cards.Card], str | None]:
    """The cards of the chosen page and the 'kaart x-y van n' line (None with one page only)."""
    pages = cards.page_count(len(all_cards))
    if pages <= 1:
        return cards.page(tuple(all_cards), 1), None
    numbers = list(range(1, pages + 1))
    params.ensure(K_PAGE, numbers, 1)
    number = st.segmented_control(itxt.CARDS_PAGE, numbers, key=K_PAGE, required=True) or 1
    first = (number - 1) * cards.PAGE_SIZE + 1
    note = itxt.CARDS_PAGE_NOTE.format(first=first, last=min(first + cards.PAGE_SIZE - 1, len(all_cards)),
                                       n=len(all_cards))
    return cards.page(tuple(all_cards), number), note
