"""Helpers for the real-browser tests: open a Streamlit page, check it, photograph it, run axe on it.

Fixtures live in `conftest.py` beside this file; the functions here take a Playwright `Page` so that any
browser test can combine them. Import them as `from browser_harness import open_page, ...`: pytest puts
this folder on `sys.path` because it has no `__init__.py`.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
AXE_RESULTS = ARTIFACTS / "axe"
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"

# Chromium and its switches: wijkmonitor.devtools.streamlit_server (shared with the benchmarks).


@dataclass(frozen=True)
class PageSpec:
    """One page of the app as st.navigation serves it."""

    path: str  # url path as the browser asks for it; "/" is the default page
    title: str  # the page's name in the navigation, for reports
    slug: str  # file-name-safe name for screenshots and axe results


# The single list of pages every browser test iterates over; add a page here and all checks cover it.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("/", "Programma-overzicht", "programma-overzicht"),
    PageSpec("/gebiedsmonitor", "Gebiedsmonitor", "gebiedsmonitor"),
    PageSpec("/interventiemonitor", "Interventiemonitor", "interventiemonitor"),
    PageSpec("/procesmonitor", "Procesmonitor", "procesmonitor"),
    PageSpec("/doelen", "Doelen", "doelen"),
    PageSpec("/mijn-organisatie", "Mijn organisatie", "mijn-organisatie"),
    PageSpec("/wijkprofiel", "Wijkprofiel", "wijkprofiel"),
    PageSpec("/over-de-data", "Over de data", "over-de-data"),
)

# Folders written this session, reported once at the end by conftest's terminal summary: output printed
# inside a test is swallowed by pytest's capture, so a per-test print would never be seen.
written_folders: set[Path] = set()


# --------------------------------------------------------------------------------------------- loading

# True once Streamlit has connected, finished the script run and drawn everything. The status widget
# ("Running...", or "Bezig..." once dutch_ui has translated it) and the script-state attribute can
# disagree for a moment, so both are checked. Streamlit
# loads the code of heavier elements (sliders, multiselects, maps, charts) lazily and shows a grey
# stSkeleton until then, and plotly draws its svg after mounting: checking before that would screenshot
# and axe-test placeholders.
_SETTLED_JS = """
() => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app) return false;
    const state = app.getAttribute('data-test-script-state');
    if (state !== null && state !== 'notRunning') return false;
    const conn = app.getAttribute('data-test-connection-state');
    if (conn !== null && conn !== 'CONNECTED') return false;
    const status = document.querySelector('[data-testid="stStatusWidget"]');
    if (status && /Running|Bezig/i.test(status.textContent || '')) return false;
    if (document.querySelector('[data-testid="stSpinner"]')) return false;
    if (document.querySelector('[data-testid="stAppSkeleton"], [data-testid="stSkeleton"]')) return false;
    for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
        // a chart in a hidden tab is only drawn when its tab opens
        if (chart.offsetParent !== null && !chart.querySelector('.main-svg')) return false;
    }
    return true;
}
"""


def wait_until_settled(page: Page, *, timeout_ms: int = 60_000, quiet_ms: int = 500) -> None:
    """Wait until Streamlit has finished running and stays finished for `quiet_ms`.

    A page may trigger a rerun right after its first run (query parameters, session defaults), so a single
    "not running" glimpse is not enough.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    settled_since: float | None = None
    while True:
        now = time.monotonic()
        if page.evaluate(_SETTLED_JS):
            settled_since = settled_since or now
            if (now - settled_since) * 1000 >= quiet_ms:
                return
        else:
            settled_since = None
        if now > deadline:
            state = page.evaluate(
                "() => document.querySelector('[data-testid=\"stApp\"]')"
                "?.getAttribute('data-test-script-state') ?? 'geen stApp'"
            )
            raise AssertionError(
                f"Streamlit is na {timeout_ms / 1000:.0f} s niet klaar op {page.url} (script-state: {state})"
            )
        page.wait_for_timeout(100)


def open_page(page: Page, app_url: str, path: str, *, timeout_ms: int = 60_000) -> Page:
    """Open `path` on the running app and return the page once Streamlit has finished rendering it."""
    page.goto(app_url.rstrip("/") + path, wait_until="domcontentloaded", timeout=timeout_ms)
    page.wait_for_selector('[data-testid="stApp"]', state="attached", timeout=timeout_ms)
    wait_until_settled(page, timeout_ms=timeout_ms)
    return page


def current_path(page: Page) -> str:
    """The url path the browser shows now; Streamlit rewrites it to "/" for a page it does not know."""
    return re.sub(r"^https?://[^/]+", "", page.url).split("?")[0].split("#")[0] or "/"


# ------------------------------------------------------------------------------------------ assertions

# Words that mark an st.error as a crash report rather than a deliberate message to the reader.
_CRASH = re.compile(
    r"traceback|exception|error:|keyerror|typeerror|valueerror|attributeerror|"
    r"er ging iets mis|onverwachte fout|interne fout|crash",
    re.IGNORECASE,
)


def error_messages(page: Page) -> list[str]:
    """Texts of every st.error box on the page."""
    return [t.strip() for t in page.locator('[data-testid="stAlertContentError"]').all_inner_texts()]


def assert_no_exception(page: Page) -> None:
    """Fail when the page shows a Streamlit exception box or an st.error that reports a crash."""
    exceptions = page.locator('[data-testid="stException"]')
    if exceptions.count():
        raise AssertionError(
            f"Streamlit-uitzondering op {page.url}:\n" + "\n---\n".join(exceptions.all_inner_texts())
        )
    crashes = [m for m in error_messages(page) if _CRASH.search(m)]
    if crashes:
        raise AssertionError(f"st.error meldt een crash op {page.url}:\n" + "\n---\n".join(crashes))


def headings(page: Page, level: int = 1) -> list[str]:
    """Visible texts of the h<level> elements in the main area (the sidebar is not the page)."""
    return [
        t.strip() for t in page.locator(f'[data-testid="stMain"] h{level}').all_inner_texts() if t.strip()
    ]


# ------------------------------------------------------------------------------------------ screenshots

# Streamlit scrolls inside its own container, not the document, so Playwright's full_page alone only
# captures one viewport. Growing the viewport to the content height first gives the whole page.
_CONTENT_HEIGHT_JS = """
() => Math.max(
    document.documentElement.scrollHeight,
    ...['[data-testid="stAppViewContainer"]', '[data-testid="stMain"]', '[data-testid="stSidebarContent"]']
        .map(s => document.querySelector(s)?.scrollHeight ?? 0)
)
"""
_MAX_SCREENSHOT_HEIGHT = 12_000  # Chromium refuses far larger surfaces; a page this long is a bug anyway


def save_screenshot(page: Page, name: str) -> Path:
    """Save a full-page PNG as artifacts/screenshots/<name>.png and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    viewport = page.viewport_size or {"width": 1280, "height": 900}
    height = min(int(page.evaluate(_CONTENT_HEIGHT_JS)), _MAX_SCREENSHOT_HEIGHT)
    try:
        if height > viewport["height"]:
            page.set_viewport_size({"width": viewport["width"], "height": height})
            # Plotly and pydeck redraw on resize; give them a moment so the picture is not half drawn.
            page.wait_for_timeout(400)
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(viewport)
    written_folders.add(SCREENSHOTS)
    return path


# --------------------------------------------------------------------------------------- accessibility

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = ("serious", "critical")

# Streamlit's own interface around the app: header, toolbar, main menu, status widget, sidebar controls.
# The project cannot change their markup, so findings that only touch these are not the app's.
STREAMLIT_CHROME = ", ".join(
    f'[data-testid="{t}"]'
    for t in (
        "stHeader",
        "stToolbar",
        "stToolbarActions",
        "stMainMenu",
        "stMainMenuPopover",
        "stAppDeployButton",
        "stStatusWidget",
        "stDecoration",
        "stSidebarHeader",
        "stSidebarNav",  # the page menu st.navigation builds from the page list
        "stSidebarCollapseButton",
        "stExpandSidebarButton",
        "stSidebarResizeHandle",
        "stConnectionStatus",
        "stToastContainer",
    )
)

# Rules whose findings are accepted when (and only when) every node they flag lies in STREAMLIT_CHROME,
# each with the reason it is not ours to fix. A rule not listed here fails even inside Streamlit's chrome,
# so a new problem is seen and judged before it is added. Checked with Streamlit 1.67 and axe-core 4.14.1
# (a probe app with header, main menu, flat navigation and the usual widgets and charts had no other
# WCAG 2.1 A/AA violations in the chrome).
# Revisited with the Dutch UI (issue 11): the two excuses for st.navigation's sectioned menu ("list",
# "listitem") are gone, because the app draws its own navigation with st.page_link and Streamlit's menu is
# not rendered any more (test_deep_links asserts that). No Streamlit finding is excused today.
STREAMLIT_OWN: dict[str, str] = {}

# Runs axe and marks each flagged node with whether it sits in Streamlit's chrome, resolved in the page
# itself: a CSS path from axe alone cannot tell whose markup it is.
_AXE_RUN_JS = """
async ([tags, chrome]) => {
    const results = await axe.run(document, {
        runOnly: {type: 'tag', values: tags},
        resultTypes: ['violations'],
    });
    for (const v of results.violations) {
        for (const n of v.nodes) {
            // More than one selector means an iframe or shadow root: never Streamlit's chrome.
            const t = n.target || [];
            const sel = t.length === 1 && typeof t[0] === 'string' ? t[0] : null;
            let el = null;
            try { el = sel ? document.querySelector(sel) : null; } catch (e) { el = null; }
            n.inStreamlitChrome = !!(el && el.closest(chrome));
        }
    }
    return results;
}
"""


def run_axe(page: Page, name: str) -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.1 A/AA) on the page, write artifacts/axe/<name>.json, return the violations."""
    if not AXE_JS.is_file():
        raise AssertionError(f"{AXE_JS} ontbreekt: draai `npm ci` (scripts/test.sh doet dat)")
    page.add_script_tag(path=str(AXE_JS))
    results: dict[str, Any] = page.evaluate(_AXE_RUN_JS, [AXE_TAGS, STREAMLIT_CHROME])
    AXE_RESULTS.mkdir(parents=True, exist_ok=True)
    (AXE_RESULTS / f"{name}.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    written_folders.add(AXE_RESULTS)
    violations: list[dict[str, Any]] = results.get("violations", [])
    return violations


def without_streamlit_own(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop the nodes of STREAMLIT_OWN rules that lie in Streamlit's chrome, and violations left empty."""
    kept: list[dict[str, Any]] = []
    for v in violations:
        if v["id"] not in STREAMLIT_OWN:
            kept.append(v)
            continue
        ours = [n for n in v["nodes"] if not n.get("inStreamlitChrome")]
        if ours:
            kept.append({**v, "nodes": ours})
    return kept


def blocking(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The violations that fail a test: serious or critical impact."""
    return [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]


def axe_report(violations: list[dict[str, Any]], *, max_nodes: int = 5) -> str:
    """Readable text for people fixing the page: rule, impact, what to do, where."""
    lines: list[str] = []
    for v in violations:
        lines.append(f"[{v.get('impact')}] {v['id']}: {v.get('help')} ({v.get('helpUrl')})")
        for n in v["nodes"][:max_nodes]:
            target = " ".join(str(t) for t in n.get("target", []))
            summary = (n.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    - {target}\n      {summary}")
        if len(v["nodes"]) > max_nodes:
            lines.append(f"    ... en nog {len(v['nodes']) - max_nodes} elementen")
    return "\n".join(lines)


def assert_accessible(page: Page, name: str) -> list[dict[str, Any]]:
    """Run axe, ignore Streamlit's own chrome, fail on serious/critical findings; return the rest."""
    remaining = without_streamlit_own(run_axe(page, name))
    bad = blocking(remaining)
    if bad:
        raise AssertionError(
            f"axe: {len(bad)} ernstige toegankelijkheidsproblemen op {page.url} "
            f"(alle resultaten: {AXE_RESULTS / (name + '.json')}):\n{axe_report(bad)}"
        )
    return remaining
