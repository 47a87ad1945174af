"""Every page in a Dutch browser: it renders (its own path, an h1, no crash, no st.error), lang="nl", no English UI
text or accessible name, chart text >= 4.5:1, axe (WCAG 2.1 AA) clean.

A page is checked in several states, because much of Streamlit's English only exists while something is open:
with every expander open, on every tab, and with one popup of each widget kind open (a selectbox list, a
multiselect that finds nothing, a text input being typed in). The full-page screenshot is taken with the
expanders open, so the tables are in the picture too (artifacts/screenshots/nl-<page>.png).
"""

from __future__ import annotations

import pytest
from browser_harness import (
    PAGES,
    PageSpec,
    assert_accessible,
    assert_no_exception,
    current_path,
    error_messages,
    headings,
    open_page,
    save_screenshot,
    wait_until_settled,
)
from english_strings import assert_chart_contrast, findings, page_items
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

POPUP_WAIT_MS = 400  # BaseWeb opens its lists with a short animation


def _open_expanders(page: Page) -> None:
    summaries = page.locator('[data-testid="stExpander"] details:not([open]) > summary')
    for _ in range(summaries.count()):
        summary = summaries.nth(0)  # each click takes the opened one out of the selection
        if not summary.is_visible():
            break
        summary.click()
    wait_until_settled(page)


def _problems(page: Page, state: str) -> list[str]:
    lang, _ = page_items(page)
    out = [] if lang == "nl" else [f'{state}: <html lang="{lang}">']
    out += [f"{state}: {f}" for f in findings(page)]
    return out


def _states(page: Page) -> list[str]:
    """Bring the page into each state to check and collect what is not Dutch in it."""
    problems = _problems(page, "geladen")
    selects = page.locator('[data-testid="stSelectbox"] input')
    if selects.count() and selects.first.is_visible():
        selects.first.click()
        page.wait_for_timeout(POPUP_WAIT_MS)
        problems += _problems(page, "keuzelijst open")
        page.keyboard.press("Escape")
    multis = page.locator('[data-testid="stMultiSelect"] input')
    if multis.count() and multis.first.is_visible():
        multis.first.click()
        page.keyboard.type("qqzz")  # no option has this: Streamlit says "No results"
        page.wait_for_timeout(POPUP_WAIT_MS)
        problems += _problems(page, "meerkeuzelijst zonder resultaat")
        for _ in range(4):
            page.keyboard.press("Backspace")
        page.keyboard.press("Escape")
    texts = page.locator('[data-testid="stTextInput"] input')
    if texts.count() and texts.first.is_visible():
        texts.first.click()
        page.keyboard.type("a")  # while typing Streamlit shows "Press Enter to apply"
        page.wait_for_timeout(POPUP_WAIT_MS)
        problems += _problems(page, "tekstveld tijdens typen")
        page.keyboard.press("Backspace")
        page.locator("h1").first.click()  # leave the field without applying anything
    return problems


@pytest.mark.parametrize("spec", PAGES, ids=[p.slug for p in PAGES])
def test_page_renders_in_dutch_and_is_accessible(page: Page, app_url: str, spec: PageSpec) -> None:
    open_page(page, app_url, spec.path)
    # Screenshot first: when an assertion below fails, the picture is what explains it.
    save_screenshot(page, spec.slug)
    # An unknown url path silently shows the entry page; catch that here.
    assert current_path(page).rstrip("/") == spec.path.rstrip("/"), (
        f"{spec.path} bestaat niet (Streamlit toont {current_path(page)})"
    )
    assert_no_exception(page)
    # The test database is complete, so any st.error on it is a defect, not a message for the reader.
    assert not error_messages(page), f"st.error op {spec.path}: {error_messages(page)}"
    assert headings(page, 1), f"geen h1 op {spec.path}"

    _open_expanders(page)
    save_screenshot(page, f"nl-{spec.slug}")

    problems = _states(page)
    checked = assert_chart_contrast(page)
    tabs = page.locator('[data-testid="stTabs"] [role="tab"]')
    for index in range(1, tabs.count()):
        tab = tabs.nth(index)
        tab.click()
        wait_until_settled(page)
        _open_expanders(page)
        name = tab.inner_text().strip()
        problems += _problems(page, f"tab '{name}'")
        checked += assert_chart_contrast(page)
        save_screenshot(page, f"nl-{spec.slug}-tab{index + 1}")
    if tabs.count():
        tabs.first.click()
        wait_until_settled(page)

    assert not problems, f"niet-Nederlandse interface op {spec.path}:\n  " + "\n  ".join(dict.fromkeys(problems))
    if page.locator('[data-testid="stPlotlyChart"]').count():
        # A page with charts whose texts were not found means the contrast check looked at nothing.
        assert checked > 0, f"{spec.path}: grafieken, maar geen grafiektekst gevonden voor de contrastcontrole"
    assert_accessible(page, f"nl-{spec.slug}")
