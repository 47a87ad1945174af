"""A deep link is the first thing a fresh server sees: every page opened that way shows its full layout.

Each case starts its own Streamlit server (`fresh_app_url`) and opens one page with parameters as its very first
request, the way a shared link arrives. Checked: the page keeps its url path (no "Page not found" dialog, no
fallback to the entry page), the sidebar holds the sectioned Dutch navigation with every page, the page's own
title is its h1, and every parameter is applied (the widget shows it, the address bar still says it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

import pytest
from browser_harness import assert_no_exception, current_path, headings, open_page, save_screenshot
from english_strings import assert_dutch
from playwright.sync_api import Page

from wijkmonitor.common.page import PAGES
from wijkmonitor.texts import common as txt

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class DeepLink:
    path: str
    query: str
    h1: str
    # widget label -> the text the widget must show once the link is applied
    shown: dict[str, str] = field(default_factory=dict)
    # a text the main area must contain once the link is applied (a heading naming the choice, a note)
    text: str = ""


LINKS = (
    DeepLink("/", "theme=veilig", "Programma-overzicht", text="stad: 4,16 score (berekend uit de wijken)"),
    DeepLink("/gebiedsmonitor", "indicator=Eenzaam&age=65plus&year=2016&level=wijk&area=beijum", "Gebiedsmonitor",
             {"Leeftijdsgroep": "65 jaar en ouder", "Jaar": "2016"}, "Ontwikkeling in Beijum"),
    DeepLink("/interventiemonitor", "area=beijum&status=lopend", "Interventiemonitor",
             {"Gebied": "Beijum", "Status": "lopend"}),
    DeepLink("/procesmonitor", "area=selwerd", "Procesmonitor", {"Gebied": "Selwerd"}),
    DeepLink("/doelen", "goal=eenzaamheid-ouderen", "Doelen", text="U ziet één doel uit een link."),
    DeepLink("/mijn-organisatie", "partner=lefier", "Mijn organisatie", {"Organisatie": "Lefier"}),
    DeepLink("/wijkprofiel", "area=lewenborg&age=65plus", "Wijkprofiel",
             {"Gebied": "Wijkvernieuwingsgebied: Lewenborg"}),
    DeepLink("/over-de-data", "tab=edities&theme=veilig", "Over de data", text="Grenzen"),
)


def test_every_page_has_a_deep_link_case() -> None:
    assert sorted(link.path for link in LINKS) == sorted("/" + p.id for p in PAGES)


@pytest.mark.parametrize("link", LINKS, ids=[link.path.strip("/") or "overzicht" for link in LINKS])
def test_first_request_is_a_deep_link(page: Page, fresh_app_url: str, link: DeepLink) -> None:
    open_page(page, fresh_app_url, f"{link.path}?{link.query}" if link.query else link.path)
    save_screenshot(page, "deeplink-" + (link.path.strip("/") or "overzicht"))

    assert current_path(page) == link.path, f"{link.path} werd {current_path(page)}"
    assert page.locator('[role="dialog"]').count() == 0, page.locator('[role="dialog"]').all_inner_texts()
    assert_no_exception(page)
    assert headings(page, 1)[:1] == [link.h1]

    sidebar = page.locator('[data-testid="stSidebar"]')
    # Streamlit's own list shows file names; it must be hidden in favour of ours.
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0
    nav_text = sidebar.inner_text()
    for section in (txt.NAV_OVERVIEW, txt.NAV_MONITORS, txt.NAV_TARGETS, txt.NAV_ABOUT):
        assert section in nav_text
    links = sidebar.locator('[data-testid="stPageLink"]')
    assert links.count() == len(PAGES)
    assert [t.strip().split("\n")[-1] for t in links.all_inner_texts()] == [p.title for p in PAGES]

    for label, value in link.shown.items():
        assert page.get_by_role("combobox", name=label).input_value() == value, label
    if link.text:
        assert link.text in page.locator('[data-testid="stMain"]').inner_text()
    shown_query = dict(parse_qsl(urlsplit(page.url).query))
    assert shown_query == dict(parse_qsl(link.query)), f"adresbalk {page.url}"
    # Dutch from the first request on: lang="nl" and no English UI text on a server that has served nothing yet.
    assert_dutch(page)
