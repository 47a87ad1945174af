"""Run a page of the dashboard in Streamlit's AppTest and keep what a reader would see.

Pages run through `dashboard.py` (the entry page of Streamlit's `pages/` folder), as the server serves them:
`st.page_link` needs the multipage app around a page. Query strings are given as typed in the address bar and
decoded as the server decodes them (`parse_qs`: `+` becomes a space). The database is the file named by
`WIJKMONITOR_DB` at the time of the run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from wijkmonitor.common import dutch_ui
from wijkmonitor.common import page as kernel_page

REPO = Path(__file__).resolve().parents[2]
DASHBOARD = REPO / "dashboard.py"
PAGE_TIMEOUT_S = 60
# `[auth]` secrets that let st.login be configured without a reachable provider (port 9: nothing answers), for
# pages that draw the login button; the login itself is tested in tests/browser/test_login_provider.py.
TEST_AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "c" * 40,
    "client_id": "wijkmonitor",
    "client_secret": "geheim",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}


def page_files() -> list[str]:
    """Every page of the app as `AppTest.switch_page` takes it: `dashboard.py` and `pages/<name>.py`."""
    return ["dashboard.py", *sorted(f"pages/{p.name}" for p in (REPO / "pages").glob("*.py"))]


@dataclass(frozen=True)
class PageRun:
    page: str
    exceptions: tuple[str, ...]
    errors: tuple[str, ...]
    warnings: tuple[str, ...]
    infos: tuple[str, ...]
    query_params: dict[str, object]
    # What the page shows as its choice: widget values and headings (a fallback must equal the default run).
    state: tuple[tuple[object, ...], ...]
    # Every table and dataframe on the page as CSV text, in page order: the figures a reader gets.
    tables: tuple[str, ...]
    # Bodies the browser renders as HTML (st.html, markdown with unsafe_allow_html): where register text or a
    # link value would be dangerous if it appeared unescaped.
    raw_html: tuple[str, ...]
    # Bodies Streamlit interprets as Markdown (markdown, captions, alerts): text from a register or a link that
    # appears here verbatim is formatted (`*`, `_`, `[..](..)`, `$..$`) instead of shown as written.
    markdown: tuple[str, ...]

    @property
    def messages(self) -> tuple[str, ...]:
        return self.errors + self.warnings + self.infos


def record_downloads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[pd.DataFrame, str]]:
    """Every table the pages run from now on offer for download (a copy, with its file stem); the buttons are
    still drawn, so what is recorded is what leaves the page as a file."""
    seen: list[tuple[pd.DataFrame, str]] = []
    original = kernel_page.downloads

    def recording(frame: pd.DataFrame, *, label: str, file_stem: str, key: str) -> None:
        seen.append((frame.copy(), file_stem))
        original(frame, label=label, file_stem=file_stem, key=key)

    monkeypatch.setattr(kernel_page, "downloads", recording)
    return seen


def open_app(page: str, /, **params: str | list[str]) -> AppTest:
    """Run one page (`dashboard.py` or `pages/<name>.py`) inside the multipage app with these URL parameters."""
    at = AppTest.from_file(str(DASHBOARD), default_timeout=PAGE_TIMEOUT_S)
    if page != "dashboard.py":
        at.switch_page(page)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def run_page(page: str, query: str = "", *, timeout: float = PAGE_TIMEOUT_S) -> PageRun:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=timeout)
    if page != "dashboard.py":
        at.switch_page(page)
    for name, values in parse_qs(query, keep_blank_values=True).items():
        at.query_params[name] = values[-1] if len(values) == 1 else values
    at.run()
    tables = [frame.value.to_csv(index=False) for frame in at.dataframe]
    tables += [table.value.to_csv(index=False) for table in at.table]
    # The kernel's own Dutch-UI element (fixed text, its script on purpose) is no body that could carry input;
    # any other HTML body still counts, so a value that reaches the browser as markup is still caught.
    own = dutch_ui.page_html()
    raw_html = [h.value for h in at.html if h.value != own] + [m.value for m in at.markdown if m.proto.allow_html]
    markdown = [m.value for m in at.markdown if not m.proto.allow_html] + [c.value for c in at.caption]
    markdown += [str(getattr(a, "value", "")) for kind in ("error", "warning", "info", "success") for a in at.get(kind)]
    return PageRun(
        page=page,
        exceptions=tuple(e.message for e in at.exception),
        errors=tuple(str(e.value) for e in at.error),
        warnings=tuple(str(w.value) for w in at.warning),
        infos=tuple(str(i.value) for i in at.info),
        query_params=dict(at.query_params),
        state=(
            tuple(s.value for s in at.selectbox),
            tuple(r.value for r in at.radio),
            tuple(h.value for h in at.header),
            tuple(h.value for h in at.subheader),
        ),
        tables=tuple(tables),
        raw_html=tuple(raw_html),
        markdown=tuple(markdown),
    )
