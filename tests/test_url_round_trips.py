"""Every choice a page offers survives a copied link: set every filter, read the URL the page published, open
a fresh session with it and find the same state (AppTest through dashboard.py on the real Groningen build).
Doelen, Wijkprofiel, Interventiemonitor and Procesmonitor have theirs beside their other page tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.bad_inputs.apptest import open_app

GEBIED = "pages/gebiedsmonitor.py"
OVER = "pages/over-de-data.py"
MIJN = "pages/mijn-organisatie.py"


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def link(at: AppTest, *names: str) -> dict[str, str]:
    """The page's published parameters, as a copied address bar gives them."""
    assert set(names) <= set(at.query_params), (names, dict(at.query_params))
    out = {}
    for name in names:
        value = at.query_params[name]
        out[name] = value[-1] if isinstance(value, list) else value
    return out


def html_of(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def test_gebiedsmonitor_every_choice_round_trips(app_db: Path) -> None:
    at = open_app(GEBIED)
    # Each list follows the choice before it, so they are set in page order, with a run between.
    for key, value in (("gebied_indicator", "Mantelzorger"), ("gebied_age", "65plus"), ("gebied_year", 2016),
                       ("gebied_area", "beijum")):
        at.selectbox(key=key).set_value(value).run()
    at.radio(key="gebied_level").set_value("wijk").run()
    assert not at.exception and not at.error
    state = {key: at.selectbox(key=key).value
             for key in ("gebied_theme", "gebied_indicator", "gebied_age", "gebied_year", "gebied_area")}
    assert state["gebied_indicator"] == "Mantelzorger" and state["gebied_year"] == 2016
    copied_link = link(at, "indicator", "age", "year", "level", "area")
    assert copied_link == {"indicator": "Mantelzorger", "age": "65plus", "year": "2016", "level": "wijk",
                           "area": "beijum"}
    copied = open_app(GEBIED, **copied_link)
    assert not copied.exception and not [w for w in copied.warning if "bestaat hier niet" in w.value]
    assert {key: copied.selectbox(key=key).value for key in state} == state
    assert copied.radio(key="gebied_level").value == "wijk"
    assert [h.value for h in copied.header] == [h.value for h in at.header]


def test_overview_theme_round_trips(app_db: Path) -> None:
    at = open_app("dashboard.py")
    first = at.segmented_control(key="overzicht_theme").value
    at.segmented_control(key="overzicht_theme").set_value("veilig").run()
    assert not at.exception and first != "veilig"
    assert link(at, "theme") == {"theme": "veilig"}
    assert "Prettig en veilig samenleven</th>" in html_of(at)
    copied = open_app("dashboard.py", theme="veilig")
    assert not copied.exception and [w.value for w in copied.warning] == [w.value for w in at.warning]
    assert copied.segmented_control(key="overzicht_theme").value == "veilig"
    assert html_of(copied) == html_of(at)
    # A theme the overview does not have: the first theme, and a Dutch message naming the value.
    unknown = open_app("dashboard.py", theme="<b>x</b>")
    assert unknown.segmented_control(key="overzicht_theme").value == first
    assert any("het thema ‘\\<b\\>x\\<\\/b\\>’" in w.value for w in unknown.warning)


def test_over_de_data_part_and_theme_round_trip(app_db: Path) -> None:
    at = open_app(OVER)
    assert at.segmented_control(key="over_tab").value == "indicatoren"
    at.selectbox(key="over_theme").set_value("veilig").run()
    at.segmented_control(key="over_tab").set_value("edities").run()
    assert not at.exception and not at.error
    # The theme filter stays in the link while another part is shown.
    assert link(at, "tab", "theme") == {"tab": "edities", "theme": "veilig"}
    editions = next(d.value for d in at.dataframe if "Leeftijd" in d.value.columns)
    copied = open_app(OVER, tab="edities", theme="veilig")
    assert not copied.exception and [w.value for w in copied.warning] == [w.value for w in at.warning]
    assert copied.segmented_control(key="over_tab").value == "edities"
    assert next(d.value for d in copied.dataframe if "Leeftijd" in d.value.columns).equals(editions)
    copied.segmented_control(key="over_tab").set_value("indicatoren").run()
    assert copied.selectbox(key="over_theme").value == "veilig"
    assert set(copied.dataframe[0].value["Thema"]) == {"Prettig en veilig samenleven"}
    unknown = open_app(OVER, tab="alles")
    assert unknown.segmented_control(key="over_tab").value == "indicatoren"
    assert any("het onderdeel ‘alles’" in w.value for w in unknown.warning)


def test_mijn_organisatie_partner_round_trips(app_db: Path) -> None:
    at = open_app(MIJN)
    at.selectbox(key="mijn_organisatie_partner").set_value("lefier").run()
    assert not at.exception and not at.error
    assert link(at, "partner") == {"partner": "lefier"}
    copied = open_app(MIJN, **link(at, "partner"))
    assert not copied.exception and [w.value for w in copied.warning] == [w.value for w in at.warning]
    assert copied.selectbox(key="mijn_organisatie_partner").value == "lefier"
    assert [d.value.to_csv() for d in copied.dataframe] == [d.value.to_csv() for d in at.dataframe]
    # Back to no organisation: the parameter leaves the address bar too.
    at.selectbox(key="mijn_organisatie_partner").set_value(None).run()
    assert "partner" not in at.query_params
