"""Browser timings: each page's time until every chart and map has drawn, next to a floor app.

    uv run python benchmarks/browser_timings.py [--reps 5] [--warmup 1] [--db tmp/loadtest.duckdb]

Two servers run side by side: the app on the database, and benchmarks/floor_app.py (one pydeck map and two
plotly charts in bare Streamlit) on the same database. For every page, and for the floor page, in each
repetition:
* first visit: a fresh browser context (empty cache, new Streamlit session) opens the page's url directly;
* in-app navigation: in a context that has the origin page drawn, click the sidebar link to the page. The
  origin is the start page "/" (for "/" itself: the last page of the list); for the floor app its "/" page.
"Fully drawn" is defined in browser_bench.py. Pages and floor are measured interleaved in each repetition,
so a busy moment of the machine hits both. The table gives the median over --reps and the ratio to the
floor's median for the same kind of visit. Warm-up repetitions (not counted) fill Streamlit's caches, so
the figures are for a server that has seen the page before.

Progress goes to stderr; stdout carries the table. A page that fails shows "fout" and the script exits 1.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import sys
from pathlib import Path

import browser_bench as bb
from playwright.async_api import Browser, Error, async_playwright

FLOOR_APP = Path(__file__).resolve().parent / "floor_app.py"
FLOOR = "vloer (kaart + 2 grafieken)"


async def first_visit(browser: Browser, url: str, args: argparse.Namespace) -> float:
    context = await bb.new_context(browser, [])
    try:
        page = await context.new_page()
        since = bb.wall_ms()
        await page.goto(url, wait_until="commit", timeout=args.page_timeout * 1000)
        drawn = await bb.wait_drawn(page, since, timeout_ms=args.page_timeout * 1000)
        errors = await bb.page_errors(page)
        if not drawn.ok or errors:
            raise RuntimeError(f"{url}: {drawn.reason or ''} {errors}".strip())
        return drawn.seconds
    finally:
        await context.close()


async def navigation(browser: Browser, base: str, origin: str, target: str, args: argparse.Namespace) -> float:
    context = await bb.new_context(browser, [])
    try:
        page = await context.new_page()
        since = bb.wall_ms()
        await page.goto(base + origin, wait_until="commit", timeout=args.page_timeout * 1000)
        if not (await bb.wait_drawn(page, since, timeout_ms=args.page_timeout * 1000)).ok:
            raise RuntimeError(f"beginpagina {origin} niet getekend")
        since = bb.wall_ms()
        await bb.click_sidebar_link(page, target)
        drawn = await bb.wait_drawn(page, since, timeout_ms=args.page_timeout * 1000)
        errors = await bb.page_errors(page)
        if not drawn.ok or errors or bb.current_path(page) != target:
            raise RuntimeError(f"{origin} -> {target} ({bb.current_path(page)}): {drawn.reason} {errors}")
        return drawn.seconds
    finally:
        await context.close()


async def main_async(args: argparse.Namespace) -> int:
    bb.ensure_db(args.db, args.source, keep=args.keep_db)
    first: dict[str, list[float]] = collections.defaultdict(list)
    nav: dict[str, list[float]] = collections.defaultdict(list)
    failed: dict[str, str] = {}
    names: dict[str, str] = {}
    with (
        bb.streamlit_server(args.entry, args.db, "browser-timings-app") as (app_url, _),
        bb.streamlit_server(FLOOR_APP, args.db, "browser-timings-floor") as (floor_url, _),
    ):
        async with async_playwright() as pw:
            browser = await bb.launch(pw)
            paths = list(bb.APP_PATHS)
            # (label, base url, path, origin for navigation)
            targets = [(p, app_url, p, "/" if p != "/" else paths[-1]) for p in paths]
            targets.append((FLOOR, floor_url, "/vloer", "/"))
            for rep in range(args.warmup + args.reps):
                counted = rep >= args.warmup
                bb.log(f"herhaling {rep + 1 - args.warmup if counted else 'opwarmen'}")
                for label, base, path, origin in targets:
                    try:
                        t_first = await first_visit(browser, base + path, args)
                        t_nav = await navigation(browser, base, origin, path, args)
                    except (Error, RuntimeError) as exc:
                        failed.setdefault(label, " ".join(str(exc).split())[:200])
                        bb.log(f"  fout {label}: {exc}")
                        continue
                    bb.log(f"  {label}: eerste bezoek {t_first:.2f} s, navigatie {t_nav:.2f} s")
                    if counted:
                        first[label].append(t_first)
                        nav[label].append(t_nav)
            # the pages' names as the sidebar shows them, for the table only
            with contextlib.suppress(Error):
                page = await (await bb.new_context(browser, [])).new_page()
                await page.goto(app_url, wait_until="commit", timeout=args.page_timeout * 1000)
                await bb.wait_drawn(page, 0, timeout_ms=args.page_timeout * 1000)
                names = dict(await bb.sidebar_links(page))
            await browser.close()
    report(args, first, nav, failed, names)
    return 1 if failed else 0


def report(
    args: argparse.Namespace,
    first: dict[str, list[float]],
    nav: dict[str, list[float]],
    failed: dict[str, str],
    names: dict[str, str],
) -> None:
    floor_first = bb.median_or_none(first.get(FLOOR, []))
    floor_nav = bb.median_or_none(nav.get(FLOOR, []))

    def ratio(value: float | None, floor: float | None) -> str:
        return "-" if value is None or not floor else f"{value / floor:.1f}x".replace(".", ",")

    rows = []
    for label in [*bb.APP_PATHS, FLOOR]:
        f, n = bb.median_or_none(first.get(label, [])), bb.median_or_none(nav.get(label, []))
        shown = label if label == FLOOR else f"{label} ({names.get(label, '?')})"
        rows.append([shown, str(len(first.get(label, []))), bb.fmt_s(f), ratio(f, floor_first),
                     bb.fmt_s(n), ratio(n, floor_nav), "fout" if label in failed else ""])  # fmt: skip
    print(f"Tijd tot alle grafieken en kaarten getekend: mediaan over {args.reps} herhalingen "
          f"(na {args.warmup} opwarmronde(n)); verhouding = pagina / vloer\n")  # fmt: skip
    print(bb.render_table(["pagina", "n", "eerste bezoek", "/vloer", "navigatie", "/vloer", ""], rows))
    for label, why in failed.items():
        print(f"fout {label}: {why}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--reps", type=int, default=5, help="getelde herhalingen (standaard 5)")
    p.add_argument("--warmup", type=int, default=1, help="herhalingen vooraf die niet meetellen (standaard 1)")
    p.add_argument("--db", type=Path, default=bb.TMP / "loadtest.duckdb", help="database (gebouwd als ze ontbreekt)")
    p.add_argument("--source", type=Path, default=bb.DEFAULT_SOURCE, help="brondata als de database gebouwd wordt")
    p.add_argument("--entry", type=Path, default=bb.default_entry(), help="script voor streamlit run")
    p.add_argument("--page-timeout", type=float, default=60, help="seconden tot een pagina als niet getekend telt")
    p.add_argument("--keep-db", action="store_true", help="een bestaande --db gebruiken in plaats van eerst te bouwen")
    args = p.parse_args(argv)
    args.db = args.db.resolve()
    return args


if __name__ == "__main__":
    sys.exit(asyncio.run(main_async(parse_args())))
