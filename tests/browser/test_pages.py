"""Every page in a real browser: it renders, has a title, shows no crash and passes axe (WCAG 2.1 AA)."""

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
)
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("spec", PAGES, ids=[p.slug for p in PAGES])
def test_page_renders(page: Page, app_url: str, spec: PageSpec) -> None:
    open_page(page, app_url, spec.path)
    # Screenshot first: when an assertion below fails, the picture is what explains it.
    save_screenshot(page, spec.slug)

    # st.navigation silently shows the default page for an unknown url_path; catch that here.
    assert current_path(page).rstrip("/") == spec.path.rstrip("/"), (
        f"{spec.path} bestaat niet (Streamlit toont {current_path(page)})"
    )
    assert_no_exception(page)
    # The test database is complete, so any st.error on it is a defect, not a message for the reader.
    assert not error_messages(page), f"st.error op {spec.path}: {error_messages(page)}"
    assert headings(page, 1), f"geen h1 op {spec.path}"
    assert_accessible(page, spec.slug)
