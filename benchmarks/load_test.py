"""Load test: many browser sessions on one Streamlit server while the database is rebuilt three times.

    uv run python benchmarks/load_test.py [--sessions 20] [--duration 120] [--db tmp/loadtest.duckdb]

One headless Chromium with one context per session (each its own cookies, cache and Streamlit session). Each
session opens a page by its url, then loops until the duration is over: think for a moment, then either
click a sidebar link to another page or change a widget in the main area (a selectbox option, a radio
choice, a pill or segment, a toggle, or a click on the map), and wait until the page is fully drawn (see
browser_bench.py). Meanwhile `wijkmonitor build` rebuilds the same --db three times, spread over the run;
the build swaps the file atomically, so no session should notice anything but new data. The run ends by
itself after --duration (and after the third rebuild, at most --max-duration), with only loopback traffic.

Errors (goal 0): Streamlit exception boxes, st.error boxes, a lost connection, a page not drawn within
--page-timeout, a navigation that lands on another page, uncaught JavaScript errors, failed or >= 400 HTTP
responses, a failed rebuild. Failures of the driver itself (an element that went away under the click) are
counted apart as "harness".

Progress goes to stderr; stdout carries the tables. Server log: artifacts/benchmarks/load-test-server.log.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import os
import random
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import browser_bench as bb
from playwright.async_api import Browser, Error, Page, async_playwright

DEFAULT_DB = bb.TMP / "loadtest.duckdb"
STREAMLIT_PROBES = ("/_stcore/health", "/_stcore/host-config")
MAIN = '[data-testid="stMain"]'
# Widgets a reader changes, by Streamlit's test ids; their Dutch labels name them in the report.
WIDGETS = {
    "selectbox": f'{MAIN} [data-testid="stSelectbox"]',
    "radio": f'{MAIN} [data-testid="stRadio"]',
    "knoppen": f'{MAIN} [data-testid="stButtonGroup"]',
    "schakelaar": f'{MAIN} [data-testid="stCheckbox"]',
    "kaart": f'{MAIN} [data-testid="stDeckGlJsonChart"]',
}


@dataclass
class Stats:
    times: dict[str, list[float]] = field(default_factory=lambda: collections.defaultdict(list))
    per_page: dict[str, list[float]] = field(default_factory=lambda: collections.defaultdict(list))
    errors: collections.Counter[str] = field(default_factory=collections.Counter)
    error_samples: dict[str, str] = field(default_factory=dict)
    harness: collections.Counter[str] = field(default_factory=collections.Counter)
    widget_labels: collections.Counter[str] = field(default_factory=collections.Counter)
    no_rerun: int = 0
    blocked: list[str] = field(default_factory=list)
    rebuilds: list[tuple[float, float, int]] = field(default_factory=list)  # start offset, seconds, exit code

    def error(self, kind: str, detail: str) -> None:
        self.errors[kind] += 1
        self.error_samples.setdefault(kind, detail[:300])
        bb.log(f"  FOUT {kind}: {detail[:200]}")


class Session:
    def __init__(self, n: int, browser: Browser, url: str, paths: list[str], stats: Stats, args: argparse.Namespace):
        self.n, self.browser, self.url, self.paths, self.stats, self.args = n, browser, url, paths, stats, args
        self.rng = random.Random(args.seed * 1000 + n)
        self.names: dict[str, str] = {}

    async def run(self, over: Callable[[], bool]) -> None:
        context = await bb.new_context(self.browser, self.stats.blocked)
        page = await context.new_page()
        page.on("pageerror", lambda exc: self.stats.error("javascript", str(exc)))
        page.on("requestfailed", lambda req: self._failed(req.url, req.failure or ""))
        page.on("response", lambda resp: self._status(resp.url, resp.status))
        try:
            await asyncio.sleep(self.n * self.args.ramp / max(1, self.args.sessions))
            loaded = await self.first_visit(page, self.rng.choice(self.paths))
            while not over():
                await asyncio.sleep(self.rng.uniform(*self.args.think))
                if over():
                    break
                if not loaded:  # a user whose page did not load tries again
                    loaded = await self.first_visit(page, self.rng.choice(self.paths))
                    continue
                try:
                    if self.rng.random() < self.args.nav_share:
                        await self.navigate(page)
                    else:
                        await self.change_widget(page)
                except Error as exc:
                    self.stats.harness[type(exc).__name__] += 1
                    bb.log(f"  sessie {self.n}: driver: {str(exc).splitlines()[0][:160]}")
                    with contextlib.suppress(Error):
                        await page.keyboard.press("Escape")  # close a selectbox list left open
        finally:
            await context.close()

    def _failed(self, url: str, why: str) -> None:
        # aborted by our own loopback guard, or cancelled because the page moved on: not the server's fault
        if bb.NOT_LOOPBACK.match(url) or "ERR_ABORTED" in why:
            return
        self.stats.error("http mislukt", f"{url} {why}")

    def _status(self, url: str, status: int) -> None:
        # Streamlit's frontend first asks for its endpoints under the page's path (in case the app is served
        # under a base path) and falls back to the root on 404: normal, not a failed load.
        if status == 404 and url.split("?")[0].endswith(STREAMLIT_PROBES):
            return
        if status >= 400:
            self.stats.error(f"http {status}", url)

    async def first_visit(self, page: Page, path: str) -> bool:
        """Open `path` by its url; False when the page did not even load (counted as an error)."""
        since = bb.wall_ms()
        try:
            await page.goto(self.url + path, wait_until="commit", timeout=self.args.page_timeout * 1000)
        except Error as exc:
            self.stats.error("laden mislukt", f"{path}: {str(exc).splitlines()[0]}")
            return False
        await self.measure(page, since, "eerste bezoek", path)
        if not self.names:
            self.names = dict(await bb.sidebar_links(page))
        return True

    async def navigate(self, page: Page) -> None:
        here = bb.current_path(page)
        target = self.rng.choice([p for p in self.paths if p != here])
        since = bb.wall_ms()
        try:
            await bb.click_sidebar_link(page, target, self.names.get(target))
        except bb.NoSidebarLink as exc:
            # What a user would meet too (a sidebar without the page's link): an error, not the end of the run.
            self.stats.error("geen link in de zijbalk", f"op {here}: {exc}")
            return
        await self.measure(page, since, "navigatie", target)
        if bb.current_path(page) != target:
            self.stats.error("verkeerde pagina", f"link naar {target} gaf {bb.current_path(page)}")

    async def change_widget(self, page: Page) -> None:
        candidates = []
        for kind, selector in WIDGETS.items():
            found = page.locator(selector)
            for i in range(await found.count()):
                if await found.nth(i).is_visible():
                    candidates.append((kind, found.nth(i)))
        if not candidates:
            await self.navigate(page)
            return
        kind, widget = self.rng.choice(candidates)
        label = (await widget.locator('[data-testid="stWidgetLabel"]').all_inner_texts() or [kind])[0].strip()
        path = bb.current_path(page)
        since = bb.wall_ms()
        if kind == "selectbox":
            await widget.locator('[role="combobox"], input').first.click()
            options = page.locator('[role="listbox"] [role="option"]:not([aria-selected="true"])')
            await options.first.wait_for(state="visible", timeout=10_000)
            count = await options.count()
            since = bb.wall_ms()  # the choice, not opening the list, starts the rerun
            await options.nth(self.rng.randrange(count)).click()
        elif kind == "radio":
            choices = widget.locator("label:has(input:not(:checked))")
            if not await choices.count():
                return
            await choices.nth(self.rng.randrange(await choices.count())).click()
        elif kind == "knoppen":
            buttons = widget.locator("button")
            await buttons.nth(self.rng.randrange(await buttons.count())).click()
        elif kind == "schakelaar":
            await widget.locator("label").first.click()
        else:  # a click somewhere on the map selects the region under it, if any
            box = await widget.bounding_box()
            if box is None:
                return
            await page.mouse.click(
                box["x"] + box["width"] * self.rng.uniform(0.3, 0.7),
                box["y"] + box["height"] * self.rng.uniform(0.3, 0.7),
            )
        self.stats.widget_labels[f"{self.names.get(path, path)}: {label}"] += 1
        await self.measure(page, since, "widget", path)

    async def measure(self, page: Page, since: float, kind: str, path: str) -> None:
        drawn = await bb.wait_drawn(page, since, timeout_ms=self.args.page_timeout * 1000)
        if not drawn.ok:
            self.stats.error("niet getekend", f"{path} na {self.args.page_timeout} s ({drawn.reason})")
        else:
            if drawn.rerun:
                self.stats.times[kind].append(drawn.seconds)
                self.stats.per_page[path].append(drawn.seconds)
            else:
                self.stats.no_rerun += 1
        for message in await bb.page_errors(page):
            kind_ = message.split(":", 1)[0]
            self.stats.error(kind_, f"{path}: {message}")


async def rebuilds(args: argparse.Namespace, stats: Stats, start: float) -> None:
    """Three rebuilds of the database the server reads, at 1/4, 2/4 and 3/4 of the duration."""
    for k in range(1, args.rebuilds + 1):
        await asyncio.sleep(max(0.0, start + args.duration * k / (args.rebuilds + 1) - time.monotonic()))
        began = time.monotonic()
        bb.log(f"herbouw {k} van {args.db}")
        with (bb.LOGS / f"load-test-build-{k}.log").open("wb") as out:
            proc = await asyncio.create_subprocess_exec(
                *bb.wijkmonitor_command(), "build", "--db", str(args.db), "--source", str(args.source),
                cwd=bb.REPO, stdout=out, stderr=out, stdin=asyncio.subprocess.DEVNULL, start_new_session=True,
            )  # fmt: skip
            try:
                code = await proc.wait()
            except asyncio.CancelledError:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                raise
        stats.rebuilds.append((began - start, time.monotonic() - began, code))
        if code != 0:
            stats.error("herbouw mislukt", f"wijkmonitor build gaf code {code} (zie {out.name})")


async def main_async(args: argparse.Namespace) -> int:
    bb.ensure_db(args.db, args.source, keep=args.keep_db)
    stats = Stats()
    with bb.streamlit_server(args.entry, args.db, "load-test-server") as (url, server):
        async with async_playwright() as pw:
            browser = await bb.launch(pw)
            paths = list(bb.APP_PATHS)
            start = time.monotonic()
            bb.log(f"{args.sessions} sessies tegen {url} gedurende {args.duration} s")
            builder = asyncio.create_task(rebuilds(args, stats, start))

            def over() -> bool:
                # sessions go on until the last rebuild is done, so every rebuild happens under load
                now = time.monotonic() - start
                return now >= args.max_duration or (now >= args.duration and builder.done())

            sessions = [Session(n, browser, url, paths, stats, args).run(over) for n in range(args.sessions)]
            try:
                # a hard bound on top: an action in flight may still need up to --page-timeout
                await asyncio.wait_for(asyncio.gather(*sessions), timeout=args.max_duration + args.page_timeout)
            except TimeoutError:
                stats.error(
                    "niet op tijd gestopt", f"sessies na {args.max_duration + args.page_timeout:.0f} s afgebroken"
                )
            if not builder.done():
                builder.cancel()
                stats.error("herbouw niet klaar", f"na {args.max_duration:.0f} s liepen nog herbouwen")
            elapsed = time.monotonic() - start
            await browser.close()
        server_mb = bb.peak_rss_mb(server.pid)
    report(args, stats, elapsed, server_mb)
    return 0 if not stats.errors else 1


def report(args: argparse.Namespace, stats: Stats, elapsed: float, server_mb: float | None) -> None:
    print(f"Belastingtest: {args.sessions} sessies, {elapsed:.0f} s, {len(stats.rebuilds)} herbouw(en)")
    print("Tijd tot volledig getekend (zie benchmarks/browser_bench.py):\n")
    rows = []
    every = [t for ts in stats.times.values() for t in ts]
    for kind, values in [*sorted(stats.times.items()), ("alles", every)]:
        if values:
            rows.append([kind, str(len(values)), bb.fmt_s(bb.median_or_none(values)),
                         bb.fmt_s(bb.percentile(values, 95)), bb.fmt_s(max(values))])  # fmt: skip
    print(bb.render_table(["soort", "aantal", "mediaan", "p95", "max"], rows))
    print()
    page_rows = [
        [path, str(len(v)), bb.fmt_s(bb.median_or_none(v)), bb.fmt_s(bb.percentile(v, 95))]
        for path, v in sorted(stats.per_page.items())
    ]
    print(bb.render_table(["pagina", "aantal", "mediaan", "p95"], page_rows))
    print()
    error_rows = [[k, str(n), stats.error_samples[k][:100]] for k, n in stats.errors.most_common()]
    print(f"Fouten: {sum(stats.errors.values())} (doel 0)")
    if error_rows:
        print(bb.render_table(["soort", "aantal", "eerste voorbeeld"], error_rows))
    print(f"Driverfouten (harness, geen app-fout): {sum(stats.harness.values())} {dict(stats.harness)}")
    print(f"Acties zonder rerun (keuze veranderde niets): {stats.no_rerun}")
    print(f"Geblokkeerde niet-loopback-verzoeken: {len(stats.blocked)} {sorted(set(stats.blocked))[:3]}")
    for k, (at, secs, code) in enumerate(stats.rebuilds, 1):
        print(f"Herbouw {k}: begon op {at:.0f} s, duurde {bb.fmt_s(secs)}, code {code}")
    print(f"Piekgeheugen server (VmHWM): {'-' if server_mb is None else f'{server_mb:.0f} MB'}")
    print(f"Gebruikte widgets: {len(stats.widget_labels)} verschillende, "
          f"bijv. {', '.join(k for k, _ in stats.widget_labels.most_common(6))}")  # fmt: skip


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sessions", type=int, default=20, help="gelijktijdige browsersessies (standaard 20)")
    p.add_argument("--duration", type=float, default=120, help="seconden dat de sessies doorgaan (standaard 120)")
    p.add_argument(
        "--max-duration",
        type=float,
        default=None,
        help="harde grens in seconden (standaard duration + 2 x page-timeout + 30)",
    )
    p.add_argument("--db", type=Path, default=DEFAULT_DB, help="database (gebouwd als ze ontbreekt; wordt herbouwd)")
    p.add_argument("--source", type=Path, default=bb.DEFAULT_SOURCE, help="brondata voor de builds")
    p.add_argument("--entry", type=Path, default=bb.default_entry(), help="script voor streamlit run")
    p.add_argument("--rebuilds", type=int, default=3, help="aantal herbouwen tijdens de run (standaard 3)")
    p.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=(1.0, 3.0),
        metavar=("MIN", "MAX"),
        help="denktijd tussen acties in seconden (standaard 1 3)",
    )
    p.add_argument("--nav-share", type=float, default=0.35, help="aandeel acties dat naar een andere pagina gaat")
    p.add_argument("--ramp", type=float, default=10, help="seconden waarover de sessies beginnen")
    p.add_argument("--page-timeout", type=float, default=60, help="seconden tot een pagina als niet getekend telt")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--keep-db", action="store_true", help="een bestaande --db gebruiken in plaats van eerst te bouwen")
    args = p.parse_args(argv)
    if args.max_duration is None:
        args.max_duration = args.duration + 2 * args.page_timeout + 30
    args.db = args.db.resolve()
    return args


if __name__ == "__main__":
    sys.exit(asyncio.run(main_async(parse_args())))
