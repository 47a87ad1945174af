"""Benchmarks for Wijkmonitor, printed as one plain-text table.

    uv run python benchmarks/run.py [--source DIR] [--reps 5] [--skip-build] [--skip-national]

Measures, for a Groningen build (tmp/g.duckdb) and a national RIVM build (tmp/nl.duckdb):
* `wijkmonitor build`: wall time, CPU time (user+sys, worker processes included), the machine's load average
  before and after, and peak memory. Run it twice to see a warm build: parsed sources, the merged
  observations and the national comparison pool are cached in data/cache/ (or $WIJKMONITOR_CACHE) under their
  files' checksums (`--builds-only` measures only the builds);
* every page in pages/: cold script run (first run in a fresh process) and warm run (median of reruns), with
  streamlit's AppTest;
* the precomputed gap queries through `wijkmonitor.db.run`, against a naive pandas baseline that reads the
  long indicator CSV on every call and computes the gaps itself.

Progress and error details go to stderr; stdout carries only the table. A stage that fails shows
"fout: ..." in its cells instead of stopping the run.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
TMP = REPO / "tmp"
LOGS = REPO / "artifacts" / "benchmarks"
DEFAULT_SOURCE = REPO.parent / "shared" / "data"
BUILD_TIMEOUT_S = 3600  # the national build reads 8 XLSX files of ~3.5 MB on 2 cores
PAGE_TIMEOUT_S = 900
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
T = TypeVar("T")


@dataclass(frozen=True)
class Target:
    """One database to benchmark against: how to build it and where it lives."""

    column: str
    db: Path
    build_args: tuple[str, ...]


TARGETS = (
    Target("Groningen (tmp/g.duckdb)", TMP / "g.duckdb", ()),
    Target("Nederland RIVM (tmp/nl.duckdb)", TMP / "nl.duckdb", ("--gemeente", "GM0363", "--all-regions")),
)


# ------------------------------------------------------------------------------------------------ hooks


def gap_queries() -> dict[str, tuple[str, dict[str, object]]]:
    """HOOK: the named gap queries to time, as label -> (query name, parameters).

    Keep in step with queries/*.sql: `gap_by_area` is what the Gebiedsmonitor asks for one selection,
    `gap_areas_all` is every area x indicator x age group x year (the same scope as the baseline).
    """
    return {
        "gap_by_area (Eenzaam, 18plus, 2020)": (
            "gap_by_area",
            {"indicator": "Eenzaam", "age_group": "18plus", "year": 2020},
        ),
        "gap_areas_all (alle indicatoren)": ("gap_areas_all", {}),
    }


# ------------------------------------------------------------------------------------------------ table


@dataclass
class Table:
    columns: list[str]
    rows: list[tuple[str, list[str]]] = field(default_factory=list)

    def add(self, label: str, *cells: str) -> None:
        width = len(self.columns) - 1
        self.rows.append((label, (list(cells) + [""] * width)[:width]))

    def render(self) -> str:
        all_rows = [(self.columns[0], self.columns[1:]), *self.rows]
        widths = [max(len(label) for label, _ in all_rows)]
        for i in range(len(self.columns) - 1):
            widths.append(max(len(cells[i]) for _, cells in all_rows))
        lines = []
        for n, (label, cells) in enumerate(all_rows):
            parts = [label.ljust(widths[0])] + [c.ljust(w) for c, w in zip(cells, widths[1:], strict=True)]
            lines.append("  ".join(parts).rstrip())
            if n == 0:
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def failure(exc: BaseException) -> str:
    """Short table cell for a failed stage; the full message goes to stderr."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    log(f"  fout: {text}")
    return "fout: " + (text if len(text) <= 60 else text[:57] + "...")


def seconds(s: float) -> str:
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


def megabytes(kb: float) -> str:
    return f"{kb / 1024:.0f} MB"


# ------------------------------------------------------------------------------------------------ build


@dataclass
class BuildResult:
    seconds: float
    max_rss_kb: int  # largest single process in the build's tree (kernel figure, exact)
    peak_tree_kb: int  # sum over the whole process group, sampled: worker processes run side by side
    comparison: str = "n.v.t."  # the comparison-group step's own time and cache state, from the build log
    cpu_seconds: float = 0.0  # user + sys of the build and its reaped worker processes: on a shared machine
    # this says more than the wall time, which grows with the neighbours' load
    load: tuple[float, float] = (0.0, 0.0)  # 1-minute load average before and after the build


def comparison_step(log_text: str) -> str:
    """The comparison step's time from the build log line '- vergelijkingsgroepen: ..., pool <state>, in 0.73 s'."""
    for line in log_text.splitlines():
        if "- vergelijkingsgroepen:" in line and " in " in line:
            took = line.rsplit(" in ", 1)[1].strip()
            state = "cache warm" if "uit de cache" in line else "cache koud" if "gelezen" in line else "geen pool"
            return f"{took} ({state})"
    return "n.v.t."


def _group_rss_kb(pgid: int) -> int:
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as f:
                # the command name may contain spaces, so count fields from after its closing paren
                fields = f.read().rsplit(")", 1)[1].split()
            if int(fields[2]) != pgid:
                continue
            with open(f"/proc/{entry.name}/statm", encoding="ascii") as f:
                total += int(f.read().split()[1]) * PAGE_SIZE // 1024
        except (OSError, IndexError, ValueError):
            continue  # the process ended while we looked
    return total


def wijkmonitor_command() -> list[str]:
    script = Path(sys.executable).parent / "wijkmonitor"
    return [str(script)] if script.exists() else [sys.executable, "-m", "wijkmonitor.cli"]


def measure_build(target: Target, source: Path) -> BuildResult:
    target.db.parent.mkdir(parents=True, exist_ok=True)
    cmd = [
        *wijkmonitor_command(),
        "build",
        "--db",
        str(target.db),
        "--source",
        str(source),
        *target.build_args,
    ]
    log(f"$ {' '.join(cmd)}")
    # Logs under artifacts/ (git-ignored); tmp/ only holds *.duckdb files, which are ignored too.
    LOGS.mkdir(parents=True, exist_ok=True)
    out_path = LOGS / f"build-{target.db.stem}.log"
    load_before = os.getloadavg()[0]
    with out_path.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd,
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, _group_rss_kb(proc.pid))
                done.wait(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        timer = threading.Timer(BUILD_TIMEOUT_S, lambda: os.killpg(proc.pid, signal.SIGKILL))
        timer.start()
        try:
            # wait4 rather than Popen.wait: it returns this child's own rusage, whereas
            # getrusage(RUSAGE_CHILDREN) would report the maximum over every child reaped so far.
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
            done.set()
            sampler.join()
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        # The last line of a traceback or of the CLI's "FOUT:" message says what went wrong.
        lines = out_path.read_text(encoding="utf-8", errors="replace").strip().splitlines() or ["(geen uitvoer)"]
        raise RuntimeError(f"code {proc.returncode}: {lines[-1]} (log: {out_path.relative_to(REPO)})")
    log_text = out_path.read_text(encoding="utf-8", errors="replace")
    # wait4's usage includes the children the build itself reaped (its worker processes).
    cpu = usage.ru_utime + usage.ru_stime
    return BuildResult(elapsed, int(usage.ru_maxrss), peak, comparison_step(log_text), cpu,
                       (load_before, os.getloadavg()[0]))


# ------------------------------------------------------------------------------------------------ pages


def page_files() -> list[Path]:
    return sorted(p for p in (REPO / "pages").glob("*.py") if not p.name.startswith("_"))


# Streamlit's message when a page calls st.page_link / st.switch_page without st.navigation around it.
NEEDS_NAVIGATION = "Could not find page"


def page_worker(page: Path, reps: int, via_dashboard: bool) -> None:
    """Run in a fresh process: time one page's first run and its reruns, print JSON on stdout."""
    from streamlit.testing.v1 import AppTest

    if via_dashboard:
        at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=PAGE_TIMEOUT_S)
        at.switch_page(str(page.relative_to(REPO)))
    else:
        at = AppTest.from_file(str(page), default_timeout=PAGE_TIMEOUT_S)
    start = time.perf_counter()
    at.run()
    cold = time.perf_counter() - start
    warm = []
    for _ in range(reps):
        start = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - start)
    result: dict[str, Any] = {
        "cold": cold,
        "warm": warm,
        "exception": [e.message for e in at.exception],
        "errors": [e.value for e in at.error],
        "via_dashboard": via_dashboard,
    }
    print(json.dumps(result))


def _run_worker(page: Path, db: Path, reps: int, via_dashboard: bool) -> dict[str, Any]:
    env = {**os.environ, "WIJKMONITOR_DB": str(db)}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--page-worker", str(page), "--reps", str(reps)]
    if via_dashboard:
        cmd.append("--via-dashboard")
    done = subprocess.run(
        cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=PAGE_TIMEOUT_S, check=False
    )
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or [f"code {done.returncode}"]
        raise RuntimeError(tail[0])
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure_page(page: Path, db: Path, reps: int) -> dict[str, Any]:
    """Time the page file on its own; a page that links to others needs st.navigation, so it is then run
    through dashboard.py in a second fresh process (the first one's imports would make "cold" warm)."""
    result = _run_worker(page, db, reps, via_dashboard=False)
    if result["exception"] and NEEDS_NAVIGATION in result["exception"][0]:
        result = _run_worker(page, db, reps, via_dashboard=True)
    if result["exception"]:
        raise RuntimeError(f"uitzondering: {result['exception'][0]}")
    for message in result["errors"]:
        log(f"  st.error op {page.name} ({db.name}): {message}")
    return result


# ------------------------------------------------------------------------------------------------ gaps


def median_time(fn: Callable[[], T], reps: int) -> tuple[float, T]:
    result = fn()  # first call opens the connection / fills the OS cache; not what a user waits for each time
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def naive_baseline(source: Path) -> Callable[[], pd.DataFrame]:
    """The gap of every buurt of each renewal area to the city value, for every indicator, recomputed from
    the CSV on every call: what a page would do without the build's precomputed `gaps` table."""
    programme = tomllib.loads((REPO / "config" / "programme.toml").read_text(encoding="utf-8"))
    city_code = programme["gemeente"]["code"]
    areas = {a["id"]: a for a in programme["areas"]}

    def members(area_id: str) -> list[str]:
        area = areas[area_id]
        return list(area.get("buurten", [])) + [b for sub in area.get("includes", []) for b in members(sub)]

    pairs = pd.DataFrame(
        [(area_id, b) for area_id in areas for b in members(area_id)], columns=["area_id", "region_code"]
    )
    csv = source / "indicators" / "groningen_indicators_long.csv"

    def run() -> pd.DataFrame:
        long = pd.read_csv(csv, dtype={"region_code": str})
        city = long.loc[long["region_code"] == city_code, ["year", "indicator_code", "value"]]
        buurten = long.merge(pairs, on="region_code")
        gaps = buurten.merge(city.rename(columns={"value": "city_value"}), on=["year", "indicator_code"])
        gaps["gap"] = gaps["value"] - gaps["city_value"]
        return gaps

    return run


# ------------------------------------------------------------------------------------------------ main


def build_rows(table: Table, targets: tuple[Target, ...], args: argparse.Namespace) -> dict[Path, bool]:
    """Build each database and add time and memory rows; return which databases can be used further."""
    usable: dict[Path, bool] = {}
    times: list[str] = []
    rss: list[str] = []
    tree: list[str] = []
    comparison: list[str] = []
    cpu: list[str] = []
    load: list[str] = []
    for target in targets:
        if args.skip_build:
            usable[target.db] = target.db.exists()
            note = "overgeslagen" if target.db.exists() else "fout: bestand ontbreekt"
            times.append(note)
            rss.append(note)
            tree.append(note)
            comparison.append(note)
            cpu.append(note)
            load.append(note)
            continue
        log(f"build {target.column}")
        try:
            result = measure_build(target, args.source)
        except Exception as exc:
            cell = failure(exc)
            times.append(cell)
            rss.append(cell)
            tree.append(cell)
            comparison.append(cell)
            cpu.append(cell)
            load.append(cell)
            usable[target.db] = False
            continue
        usable[target.db] = True
        times.append(seconds(result.seconds))
        rss.append(megabytes(result.max_rss_kb))
        tree.append(megabytes(result.peak_tree_kb))
        comparison.append(result.comparison)
        cpu.append(seconds(result.cpu_seconds))
        load.append(f"{result.load[0]:.1f} / {result.load[1]:.1f} op {os.cpu_count()} kernen")
    table.add("build: tijd", *times)
    table.add("build: cpu-tijd (user+sys, met werkprocessen)", *cpu)
    table.add("build: belasting machine (load 1 min, voor / na)", *load)
    table.add("build: waarvan vergelijkingsgroepen", *comparison)
    table.add("build: piekgeheugen grootste proces", *rss)
    table.add("build: piekgeheugen alle processen (steekproef)", *tree)
    return usable


NO_DATABASE = "fout: geen database"


def cells_per_target(
    targets: tuple[Target, ...],
    usable: dict[Path, bool],
    measure: Callable[[Target], tuple[str, str]],
    on_error: Callable[[str], tuple[str, str]],
) -> tuple[list[str], list[str]]:
    """Two table cells per target (e.g. cold and warm) from `measure`; `on_error` gives the cells for a
    target without a database or whose measurement failed (the failure in words), so one row never stops the
    report."""
    first: list[str] = []
    second: list[str] = []
    for target in targets:
        if not usable[target.db]:
            cells = on_error(NO_DATABASE)
        else:
            try:
                cells = measure(target)
            except Exception as exc:
                cells = on_error(failure(exc))
        first.append(cells[0])
        second.append(cells[1])
    return first, second


def page_rows(table: Table, targets: tuple[Target, ...], usable: dict[Path, bool], reps: int) -> None:
    for page in page_files():
        def measure(target: Target, page: Path = page) -> tuple[str, str]:
            log(f"pagina {page.name} op {target.db.name}")
            result = measure_page(page, target.db, reps)
            # A page that only shows an error is fast for the wrong reason: say so in the cell.
            flag = " (st.error)" if result["errors"] else ""
            flag += " (via dashboard.py)" if result["via_dashboard"] else ""
            return seconds(result["cold"]) + flag, seconds(statistics.median(result["warm"])) + flag

        cold_cells, warm_cells = cells_per_target(targets, usable, measure, lambda cell: (cell, cell))
        table.add(f"pagina {page.stem}: koud", *cold_cells)
        table.add(f"pagina {page.stem}: warm (mediaan {reps}x)", *warm_cells)


def gap_rows(
    table: Table, targets: tuple[Target, ...], usable: dict[Path, bool], args: argparse.Namespace
) -> None:
    baseline_s: float | None = None
    log("naïeve baseline (pandas, CSV per aanroep)")
    try:
        baseline_s, frame = median_time(naive_baseline(args.source), args.reps)
        baseline_cell = f"{seconds(baseline_s)} ({len(frame)} rijen)"
    except Exception as exc:
        baseline_cell = failure(exc)
    table.add(f"baseline pandas: gaps buurten van gebieden (mediaan {args.reps}x)", baseline_cell, "n.v.t.")

    query_reps = max(args.reps, 20)  # milliseconds each: more repetitions for a stable median
    for label, (name, params) in gap_queries().items():
        def measure(target: Target, name: str = name, params: dict[str, Any] = params) -> tuple[str, str]:
            from wijkmonitor.db import run

            log(f"vraag {name} op {target.db.name}")
            took, result = median_time(partial(run, target.db, name, **params), query_reps)
            # The baseline CSV holds Groningen only; a ratio against the national file would mislead.
            comparable = target is TARGETS[0] and baseline_s is not None and took > 0
            ratio = f"{baseline_s / took:.0f}x" if comparable and baseline_s else "n.v.t."
            return f"{seconds(took)} ({len(result)} rijen)", ratio

        cells, ratios = cells_per_target(targets, usable, measure, lambda cell: (cell, ""))
        table.add(f"vraag {label} (mediaan {query_reps}x)", *cells)
        table.add(f"  verhouding baseline / {name}", *ratios)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--source", type=Path, default=Path(os.environ.get("WIJKMONITOR_SOURCE", DEFAULT_SOURCE))
    )
    parser.add_argument("--reps", type=int, default=5, help="herhalingen voor warme metingen (mediaan)")
    parser.add_argument("--skip-build", action="store_true", help="bestaande tmp/*.duckdb gebruiken")
    parser.add_argument("--skip-national", action="store_true", help="alleen Groningen")
    parser.add_argument("--builds-only", action="store_true", help="alleen de builds, geen pagina's en vragen")
    parser.add_argument("--page-worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--via-dashboard", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.page_worker:
        page_worker(args.page_worker, args.reps, args.via_dashboard)
        return 0

    targets = TARGETS[:1] if args.skip_national else TARGETS
    table = Table(["meting", *(t.column for t in targets)])
    usable = build_rows(table, targets, args)
    if not args.builds_only:
        page_rows(table, targets, usable, args.reps)
        gap_rows(table, targets, usable, args)
    print(table.render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
