"""Shared parts of the browser benchmarks: a Streamlit server, headless Chromium, and "fully drawn".

Used by `load_test.py` and `browser_timings.py` (run them as scripts: this folder is then on `sys.path`).

Fully drawn, as `wait_drawn` decides it in the page itself (polled every 50 ms, no round trip per poll):
* a script run has been seen since the action began (for a fresh page: any run), so the state before the
  rerun is never mistaken for the result;
* Streamlit is connected, its script state is `notRunning`, the status widget does not say "Running", and no
  spinner or skeleton (lazy-loaded element placeholder) is on the page;
* every visible plotly chart (`stPlotlyChart`) holds a `.js-plotly-plot` with its `svg.main-svg` drawn, and
  every visible pydeck chart (`stDeckGlJsonChart`) holds a `canvas`; charts in closed tabs and expanders are
  not drawn by Streamlit until opened, so they do not count;
* all of that holds without interruption for `quiet_ms` (a page may rerun right after its first run, e.g.
  to publish its URL parameters). The drawn time is the *start* of that quiet stretch, not its end.

A `goto` only waits for the server's first byte (wait_until="commit"); loading Streamlit's JavaScript is part
of the time until drawn, bounded by the same page timeout.
"""

from __future__ import annotations

import contextlib
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.async_api import Browser, BrowserContext, Page, Playwright, ViewportSize

# The server helpers are shared with tests/browser (see that module for why they live in the package).
from wijkmonitor.devtools import streamlit_server as server

REPO = Path(__file__).resolve().parents[1]
TMP = REPO / "tmp"
LOGS = REPO / "artifacts" / "benchmarks"
DEFAULT_SOURCE = REPO.parent / "shared" / "data"
CHROMIUM = server.CHROMIUM
CHROMIUM_ARGS = [
    *server.CHROMIUM_ARGS,
    # Only loopback traffic: every other host fails to resolve, inside
    # Chromium, so no request needs a round trip through the Playwright driver to be stopped.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
SERVER_START_TIMEOUT_S = 120
VIEWPORT: ViewportSize = {"width": 1280, "height": 900}

# The app's pages by url path; names are read from the sidebar links at run time. Only paths are fixed here,
# so the scripts do not care whether the pages come from st.navigation or from a pages/ folder.
APP_PATHS: tuple[str, ...] = (
    "/",
    "/gebiedsmonitor",
    "/interventiemonitor",
    "/procesmonitor",
    "/doelen",
    "/wijkprofiel",
    "/over-de-data",
)

# Requests that are not loopback: they fail by the resolver rule above and are counted, not errors.
NOT_LOOPBACK = re.compile(r"^(?!(https?|wss?)://(127\.0\.0\.1|localhost)(:\d+)?/)[a-z]+://")

# Records every change of Streamlit's script state with its time, in every document the context opens.
INIT_JS = """
(() => {
    window.__wmStateChanges = [];
    const record = () => window.__wmStateChanges.push(performance.timeOrigin + performance.now());
    new MutationObserver(record).observe(document, {
        subtree: true, attributes: true, attributeFilter: ['data-test-script-state'],
    });
})();
"""

WAIT_DRAWN_JS = """
async ([since, quietMs, timeoutMs, noRunGraceMs]) => {
    const now = () => performance.timeOrigin + performance.now();
    const visible = (el) => el.offsetParent !== null || el.getClientRects().length > 0;
    const problem = () => {
        const app = document.querySelector('[data-testid="stApp"]');
        if (!app) return 'geen stApp';
        const conn = app.getAttribute('data-test-connection-state');
        if (conn !== null && conn !== 'CONNECTED') return 'verbinding ' + conn;
        const state = app.getAttribute('data-test-script-state');
        if (state !== 'notRunning') return 'script ' + state;
        const status = document.querySelector('[data-testid="stStatusWidget"]');
        if (status && /Running/i.test(status.textContent || '')) return 'Running';
        if (document.querySelector('[data-testid="stSpinner"]')) return 'spinner';
        if (document.querySelector('[data-testid="stAppSkeleton"]')) return 'app-skeleton';
        const skeletons = document.querySelectorAll('[data-testid="stSkeleton"]');
        if (skeletons.length) return skeletons.length + ' skeleton(s)';
        for (const c of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
            if (visible(c) && !c.querySelector('.js-plotly-plot svg.main-svg')) return 'plotly';
        }
        for (const c of document.querySelectorAll('[data-testid="stDeckGlJsonChart"]')) {
            if (visible(c) && !c.querySelector('canvas')) return 'pydeck';
        }
        return null;
    };
    const start = now();
    let runSeen = false;
    let quietSince = null;
    let last = 'nog niet gekeken';
    const trace = [];
    while (true) {
        const t = now();
        const changes = window.__wmStateChanges || [];
        if (!runSeen && changes.some((c) => c >= since)) runSeen = true;
        const was = last;
        last = problem();
        if (last !== was) trace.push(Math.round(t - start) + 'ms:' + (last ?? 'klaar'));
        if (last !== null && last.startsWith('script ')) runSeen = true;
        const ready = last === null && (runSeen || t - start > noRunGraceMs);
        if (ready) {
            if (quietSince === null) quietSince = t;
            if (t - quietSince >= quietMs) {
                return {ok: true, at: quietSince, rerun: runSeen};
            }
        } else {
            quietSince = null;
        }
        if (t - start > timeoutMs) {
            const why = last ?? (runSeen ? 'geen rust' : 'geen rerun');
            return {ok: false, at: t, rerun: runSeen, reason: why + ' [' + trace.slice(-6).join(', ') + ']'};
        }
        await new Promise((r) => setTimeout(r, 50));
    }
}
"""

# What the page shows that counts as an error: exception boxes, every st.error box (under load even a
# deliberate "niet beschikbaar" message is a failure), and a lost connection.
ERRORS_JS = """
() => {
    const texts = (sel) => [...document.querySelectorAll(sel)].map((e) => (e.innerText || '').trim());
    const out = [];
    for (const t of texts('[data-testid="stException"]')) out.push('uitzondering: ' + t);
    for (const t of texts('[data-testid="stAlertContentError"]')) out.push('foutmelding: ' + t);
    const app = document.querySelector('[data-testid="stApp"]');
    const conn = app && app.getAttribute('data-test-connection-state');
    if (conn && conn !== 'CONNECTED') out.push('verbinding: ' + conn);
    return out;
}
"""

# Sidebar links as (url path, visible name). Material icons render as ligature text inside the link, so
# the icon's element is left out of the name.
SIDEBAR_LINKS_JS = """
() => [...document.querySelectorAll('[data-testid="stSidebar"] a[href]')].map((a) => {
    const clone = a.cloneNode(true);
    clone.querySelectorAll('[data-testid="stIconMaterial"], [data-testid="stIconEmoji"]').forEach((i) => i.remove());
    return [new URL(a.href).pathname, (clone.innerText || '').trim()];
})
"""


@dataclass(frozen=True)
class Drawn:
    ok: bool
    seconds: float
    rerun: bool
    reason: str = ""


def wall_ms() -> float:
    """Wall clock in ms, comparable with the page's performance.timeOrigin + now() on the same machine."""
    return time.time() * 1000


async def wait_drawn(
    page: Page, since_ms: float, *, quiet_ms: int = 500, timeout_ms: int = 60_000, no_run_grace_ms: int = 3000
) -> Drawn:
    """Seconds from `since_ms` (wall clock, see wall_ms) until the page is fully drawn (module docstring).

    Take `since_ms` just before the action (goto, click). `no_run_grace_ms`: an action that starts no rerun
    at all (an option that was already chosen) is accepted once the page has been ready that long.
    """
    result: dict[str, Any] = await page.evaluate(WAIT_DRAWN_JS, [since_ms, quiet_ms, timeout_ms, no_run_grace_ms])
    return Drawn(
        ok=bool(result["ok"]),
        seconds=max(0.0, (float(result["at"]) - since_ms) / 1000),
        rerun=bool(result["rerun"]),
        reason=str(result.get("reason", "")),
    )


async def page_errors(page: Page) -> list[str]:
    errors: list[str] = await page.evaluate(ERRORS_JS)
    return [" ".join(e.split())[:300] for e in errors]


async def sidebar_links(page: Page) -> list[tuple[str, str]]:
    links: list[list[str]] = await page.evaluate(SIDEBAR_LINKS_JS)
    return [(p.rstrip("/") or "/", name) for p, name in links]


class NoSidebarLink(RuntimeError):
    """The sidebar holds no link to the page asked for."""


async def click_sidebar_link(page: Page, path: str, name: str | None = None) -> None:
    """Click the sidebar link to `path` (matched by href), or by its visible name when no href matches."""
    links = page.locator('[data-testid="stSidebar"] a[href]')
    for i in range(await links.count()):
        link = links.nth(i)
        href = await link.evaluate("(a) => new URL(a.href).pathname")
        if (href.rstrip("/") or "/") == path:
            await link.click()
            return
    if name and await links.filter(has_text=name).count():
        await links.filter(has_text=name).first.click()
        return
    raise NoSidebarLink(f"geen link naar {path} in de zijbalk ({await links.count()} links)")


def current_path(page: Page) -> str:
    return (re.sub(r"^https?://[^/]+", "", page.url).split("?")[0].split("#")[0]).rstrip("/") or "/"


async def launch(pw: Playwright) -> Browser:
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} ontbreekt: installeer het Debian-pakket chromium")
    return await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


async def new_context(browser: Browser, blocked: list[str]) -> BrowserContext:
    """A fresh context (own cache, own Streamlit session); its requests off loopback are added to `blocked`."""
    context = await browser.new_context(viewport=VIEWPORT, locale="nl-NL", timezone_id="Europe/Amsterdam")
    await context.add_init_script(INIT_JS)
    context.on("requestfailed", lambda req: blocked.append(req.url[:120]) if NOT_LOOPBACK.match(req.url) else None)
    return context


# ------------------------------------------------------------------------------------------- server


def default_entry() -> Path:
    """The script `streamlit run` starts: the one scripts/dashboard.sh names, else dashboard.py (see --entry)."""
    launcher = REPO / "scripts" / "dashboard.sh"
    text = launcher.read_text(encoding="utf-8") if launcher.is_file() else ""
    found = re.search(r"streamlit run\s+(\S+\.py)", text)
    return REPO / (found.group(1) if found else "dashboard.py")


@contextlib.contextmanager
def streamlit_server(entry: Path, db: Path, log_name: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run `streamlit run entry` on a free loopback port against `db`; yield its base url and process."""
    try:
        with server.streamlit(entry, db=db, log=LOGS / f"{log_name}.log", cwd=REPO,
                              timeout_s=SERVER_START_TIMEOUT_S) as running:
            yield running
    except server.ServerDidNotStart as exc:
        sys.exit(f"streamlit start niet ({entry}): {exc}")


def peak_rss_mb(pid: int) -> float | None:
    """The process's high-water mark of resident memory (VmHWM), in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def wijkmonitor_command() -> list[str]:
    script = Path(sys.executable).parent / "wijkmonitor"
    return [str(script)] if script.exists() else [sys.executable, "-m", "wijkmonitor.cli"]


def ensure_db(db: Path, source: Path, *, keep: bool) -> None:
    """Build `db` with the checkout's own code (an older file may have an older schema), unless `keep`."""
    if keep and db.is_file() and db.stat().st_size > 0:
        return
    db.parent.mkdir(parents=True, exist_ok=True)
    log(f"database {db} bouwen")
    subprocess.run([*wijkmonitor_command(), "build", "--db", str(db), "--source", str(source)], cwd=REPO, check=True)


# -------------------------------------------------------------------------------------------- output


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile: the value below which `q` percent of the measurements fall."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))  # ceil without floats
    return ordered[int(rank) - 1]


def fmt_s(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f} s".replace(".", ",")


def median_or_none(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def render_table(columns: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [columns, *rows]) for i in range(len(columns))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths).rstrip())
    for row in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)
