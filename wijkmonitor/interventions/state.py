"""Page state of the Interventiemonitor and the Procesmonitor: the URL <-> widget wiring, the map click and
the card pagination, so the pages only place widgets. Uses Streamlit (session state, query parameters); the
parsing it relies on is pure and tested in `filters` and `process`.

Every filter a user sets is in the address bar through the kernel's `url_state`, and a copied link gives the
same selection on a fresh session (tested per page with AppTest).
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import url_state as params
from wijkmonitor.interventions import cards, process
from wijkmonitor.interventions.filters import ALL, LINK_PARAMS, Filters, Options, parse_link, to_link
from wijkmonitor.interventions.maps import AREAS_LAYER
from wijkmonitor.texts import interventies as itxt
from wijkmonitor.texts import proces as ptxt

# ------------------------------------------------------------------------------------- Interventiemonitor

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


# ------------------------------------------------------------------------------------------- Procesmonitor

PROCESS_MEMO = "proces_url_state"
PROCESS_PARAMS = ("area", "years", "types", "measure")
K_AREA, K_YEARS, K_TYPES, K_MEASURE = "proces_area", "proces_years", "proces_types", "proces_measure"


def process_link(opts: process.ProcessOptions) -> list[str]:
    """Apply a Procesmonitor link that is news: area, years ('2019-2023'), types ('a,b'), measure."""
    news = params.incoming(PROCESS_PARAMS, PROCESS_MEMO)
    if news is None:
        return []
    chosen, messages = process.parse_link(news, opts)
    st.session_state[K_AREA] = chosen.area
    if len(opts.years) > 1:
        st.session_state[K_YEARS] = (chosen.first_year, chosen.last_year)
    st.session_state[K_TYPES] = list(chosen.activity_types)
    st.session_state[K_MEASURE] = chosen.measure
    return messages


def process_widgets(opts: process.ProcessOptions) -> process.ProcessFilters:
    col_area, col_years, col_types = st.columns([2, 2, 3])
    params.ensure(K_AREA, list(opts.areas), process.ALL)
    col_area.selectbox(ptxt.W_AREA, list(opts.areas), format_func=opts.areas.__getitem__, key=K_AREA,
                       placeholder=nl.PLACEHOLDER_SELECT)
    first, last = opts.years[0], opts.years[-1]
    if len(opts.years) > 1:
        # The default makes it a range slider; a link's years come in through session state (only a log line).
        first, last = col_years.select_slider(ptxt.W_YEARS, opts.years, value=(first, last), key=K_YEARS)
    kept = [t for t in st.session_state.get(K_TYPES) or [] if t in opts.activity_types]
    st.session_state[K_TYPES] = kept
    types = col_types.multiselect(ptxt.W_TYPES, opts.activity_types, key=K_TYPES,
                                  placeholder=ptxt.TYPES_PLACEHOLDER)
    params.ensure(K_MEASURE, list(ptxt.MEASURES), "activities")
    return process.ProcessFilters(area=st.session_state[K_AREA], first_year=int(first), last_year=int(last),
                                  activity_types=tuple(types))


def publish_process(filters: process.ProcessFilters, opts: process.ProcessOptions) -> None:
    """Write the Procesmonitor's state (after the measure radio has been drawn) to the URL."""
    params.publish(process.to_link(filters, st.session_state[K_MEASURE], opts), PROCESS_MEMO, PROCESS_PARAMS)


