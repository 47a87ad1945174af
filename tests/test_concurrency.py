"""Concurrency (issue 3, item 6): eight sessions read one DuckDB file while rebuilds swap it underneath.

The dashboard serves every session from threads of one process, sharing `wijkmonitor.db`'s connections and
Streamlit's caches; these tests do the same. Two known states of the Proefstad municipality (A: the rows of
`tests/fixtures_build.py`; B: the same rows with other values, so every figure differs) are built into one
file. Eight reader threads loop over `wijkmonitor.db.run` and two AppTest sessions rerun the Gebiedsmonitor,
while the main thread rebuilds the file three times, alternating A, B, A. Each AppTest session runs in a process
of its own: AppTest drives one global Streamlit runtime per process and is not made for two sessions in
threads of one process (that combination failed about one run in three, inside AppTest, not in Wijkmonitor);
the server's own sessions share threads, which the eight reader threads exercise. Asserted:

* no exception and no st.error in any thread; every thread ends within its time limit;
* every query answer is exactly one of the two complete states (never a mix, never empty), and every page
  run that does not overlap a rebuild shows exactly one state in all its tables;
* a read that starts after a rebuild has finished and ends before the next one starts sees the new state
  (no stale connection or cache entry survives a swap); after the last rebuild, new reads return it.

`test_a_page_run_reads_one_state...` swaps the file between two queries of one page run: dashboard.py pins
one file version per run, so the page must still show one state.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tests.bad_inputs.apptest import PageRun, run_page
from tests.fixtures_build import LONG_ROWS, make_municipality
from wijkmonitor import db
from wijkmonitor.build import BuildOptions, build

READERS = 8
PAGE_SESSIONS = 2
FIRST, REBUILDS = "B", ("A", "B", "A")  # the state the file starts in, then each rebuild's state
REBUILD_GAP_S = 0.5  # reading time before each rebuild and after the last one
READ_PAUSE_S = 0.02  # between two queries of one reader: a busy session, not a spin loop
PAGE_PAUSE_S = 0.1  # between two reruns of one page session
MAX_READS = 5_000  # per thread: a bound even if the stop signal never came
READ_DEADLINE_S = 40.0  # no thread reads longer than this, whatever happens in the main thread
JOIN_TIMEOUT_S = 30.0
PAGE_START_TIMEOUT_S = 180.0  # a fresh process imports streamlit, pandas and plotly: slow on a busy machine
PAGE = "pages/gebiedsmonitor.py"
PAGE_QUERY = "area=noord&indicator=Eenzaam&age=18plus&year=2020"
QUERIES: tuple[tuple[str, dict[str, object]], ...] = (
    ("gap_by_area", {"indicator": "Eenzaam", "age_group": "18plus", "year": 2020}),
    ("gap_trend_unit", {"unit_code": "noord", "indicator": "Eenzaam", "age_group": "18plus"}),
)


def _bumped(rows: list[tuple[str, int, str, str]]) -> list[tuple[str, int, str, str]]:
    """State B: every percentage moves, the city by 2 and each buurt by 5, so values and gaps all differ."""
    out = []
    for region, year, indicator, value in rows:
        if indicator.startswith("AantalInwoners") or not value.replace(".", "", 1).isdigit():
            out.append((region, year, indicator, value))
        else:
            out.append((region, year, indicator, str(float(value) + (2 if region.startswith("GM") else 5))))
    return out


STATES = {"A": LONG_ROWS, "B": _bumped(LONG_ROWS)}


def _canonical(frame: pd.DataFrame) -> str:
    return frame.to_csv(index=False)


def _page_answer(run: PageRun) -> tuple[str, ...]:
    if run.exceptions or run.errors:
        raise AssertionError(f"pagina toont een fout: {run.exceptions or run.errors}")
    return run.tables


@dataclass
class Proefstad:
    """One live database file that can be rebuilt into state A or B, and the answers each state gives."""

    live: Path
    options: dict[str, BuildOptions]
    queries: dict[str, tuple[str, ...]] = field(default_factory=dict)
    page: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def rebuild(self, state: str) -> None:
        build(self.options[state], progress=lambda _line: None)

    def query_answers(self) -> tuple[str, ...]:
        return tuple(_canonical(db.run(self.live, name, **params)) for name, params in QUERIES)

    def page_answer(self) -> tuple[str, ...]:
        return _page_answer(run_page(PAGE, PAGE_QUERY))


@pytest.fixture(scope="module")
def proefstad(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Proefstad]:
    """Both states read one after the other with nobody else around; the file is left in state FIRST."""
    tmp_path = tmp_path_factory.mktemp("concurrency")
    live = tmp_path / "data" / "wijkmonitor.duckdb"
    options = {}
    for name, rows in STATES.items():
        config_dir, boundaries, source = make_municipality(tmp_path / name, rows=rows)
        options[name] = BuildOptions(source=str(source), db=live, config_dir=config_dir, boundaries=boundaries,
                                     workers=1)
    env = pytest.MonkeyPatch()
    env.setenv("WIJKMONITOR_DB", str(live))
    town = Proefstad(live, options)
    for state in sorted(STATES, key=lambda s: s == FIRST):
        town.rebuild(state)
        town.queries[state] = town.query_answers()
        town.page[state] = town.page_answer()
    for i, (name, _params) in enumerate(QUERIES):
        assert all(len(town.queries[s][i].splitlines()) > 1 for s in STATES), f"{name} geeft niets"
        assert town.queries["A"][i] != town.queries["B"][i], f"{name}: A en B zijn niet te onderscheiden"
    assert len(town.page["A"]) == len(town.page["B"]) > 0
    # Tables that do not depend on the state (method notes, a coverage table) cannot show a mix; two that do
    # suffice for the whole-page comparison below to catch one.
    assert sum(a != b for a, b in zip(town.page["A"], town.page["B"], strict=True)) >= 2, (
        "minstens twee tabellen op de pagina moeten in A en B verschillen")
    yield town
    env.undo()
    db.close_all()


def _page_process(live: str, out: str, ready: Any, stop: Any) -> None:
    """One page session in its own process: rerun the page until told to stop; write every read as JSON."""
    os.environ["WIJKMONITOR_DB"] = live
    reads: list[tuple[float, float, list[str]]] = []
    errors: list[str] = []
    deadline = time.monotonic() + PAGE_START_TIMEOUT_S + READ_DEADLINE_S
    for _ in range(MAX_READS):
        if stop.is_set() or time.monotonic() > deadline:
            break
        started = time.monotonic()  # CLOCK_MONOTONIC: one clock for every process of the machine
        try:
            answer = _page_answer(run_page(PAGE, PAGE_QUERY))
        except Exception:
            errors.append(traceback.format_exc())
            break
        reads.append((started, time.monotonic(), list(answer)))
        ready.set()
        time.sleep(PAGE_PAUSE_S)
    ready.set()
    Path(out).write_text(json.dumps({"reads": reads, "errors": errors}), encoding="utf-8")


@dataclass
class Read:
    started: float
    ended: float
    answer: tuple[str, ...]


@dataclass
class Session:
    name: str
    read: Callable[[], tuple[str, ...]]
    expected: dict[str, tuple[str, ...]]  # the answer in each complete state
    pause: float
    is_page: bool
    reads: list[Read] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def loop(self, stop: threading.Event, deadline: float) -> None:
        """Read until told to stop (or past the deadline or the limit); record answers and any exception."""
        for _ in range(MAX_READS):
            if stop.is_set() or time.monotonic() > deadline:
                return
            started = time.monotonic()
            try:
                answer = self.read()
            except Exception:
                self.errors.append(traceback.format_exc())
                return
            self.reads.append(Read(started, time.monotonic(), answer))
            time.sleep(self.pause)


def test_sessions_read_consistent_states_while_the_file_is_rebuilt(proefstad: Proefstad) -> None:
    town = proefstad
    town.rebuild(FIRST)
    sessions = []
    for i in range(READERS):
        index = i % len(QUERIES)
        name, params = QUERIES[index]

        def query(name: str = name, params: dict[str, object] = params) -> tuple[str, ...]:
            return (_canonical(db.run(town.live, name, **params)),)

        answers: dict[str, tuple[str, ...]] = {s: (town.queries[s][index],) for s in STATES}
        sessions.append(Session(f"lezer {i} ({name})", query, answers, READ_PAUSE_S, is_page=False))
    spawn = multiprocessing.get_context("spawn")  # never fork a process that holds DuckDB's threads
    page_stop = spawn.Event()
    page_sessions = []
    for i in range(PAGE_SESSIONS):
        session = Session(f"sessie {i} ({PAGE})", town.page_answer, town.page, PAGE_PAUSE_S, is_page=True)
        out = town.live.parent.parent / f"page-session-{i}.json"
        ready = spawn.Event()
        process = spawn.Process(target=_page_process, args=(str(town.live), str(out), ready, page_stop), daemon=True)
        process.start()
        page_sessions.append((session, process, ready, out))
    for session, _process, ready, _out in page_sessions:
        assert ready.wait(PAGE_START_TIMEOUT_S), f"{session.name} startte niet"

    stop = threading.Event()
    deadline = time.monotonic() + READ_DEADLINE_S
    threads = [threading.Thread(target=s.loop, args=(stop, deadline), daemon=True) for s in sessions]
    windows: list[tuple[float, float, str]] = []  # (start, end, state after) of every rebuild
    for thread in threads:
        thread.start()
    try:
        for state in REBUILDS:
            time.sleep(REBUILD_GAP_S)
            started = time.monotonic()
            town.rebuild(state)
            windows.append((started, time.monotonic(), state))
        time.sleep(REBUILD_GAP_S)
    finally:
        stop.set()
        page_stop.set()
        for thread in threads:
            thread.join(timeout=JOIN_TIMEOUT_S)
        for _session, process, _ready, _out in page_sessions:
            process.join(timeout=JOIN_TIMEOUT_S + PAGE_START_TIMEOUT_S)
            if process.is_alive():
                process.kill()
    assert not [s.name for s, t in zip(sessions, threads, strict=True) if t.is_alive()], "een sessie hangt"
    for session, process, _ready, out in page_sessions:
        assert process.exitcode == 0 and out.is_file(), f"{session.name} eindigde met code {process.exitcode}"
        result = json.loads(out.read_text(encoding="utf-8"))
        session.reads = [Read(start, end, tuple(answer)) for start, end, answer in result["reads"]]
        session.errors = result["errors"]
        out.unlink()
        sessions.append(session)

    errors = {s.name: s.errors[0] for s in sessions if s.errors}
    assert not errors, "uitzonderingen tijdens het herbouwen:\n" + "\n".join(f"{k}:\n{v}" for k, v in errors.items())

    def state_at(started: float, ended: float) -> str | None:
        """The state the file was in for the whole read; None when a rebuild overlapped it."""
        state = FIRST
        for begin, end, after in windows:
            if started < end and ended > begin:
                return None
            if end <= started:
                state = after
        return state

    wrong: list[str] = []
    for session in sessions:
        expected = session.expected
        assert session.reads, f"{session.name} las niets"
        seen = set()
        for read in session.reads:
            states = [s for s in STATES if read.answer == expected[s]]
            must = state_at(read.started, read.ended)
            if must is None and session.is_page:
                # Overlapping a swap, a page may read its queries from both files (the xfail test below); it
                # must still show every table, none of them empty.
                assert len(read.answer) == len(expected["A"]), f"{session.name}: andere tabellen op de pagina"
                assert all(len(table.splitlines()) > 1 for table in read.answer), f"{session.name}: lege tabel"
                continue
            if not states:
                wrong.append(f"{session.name}: geen van beide toestanden (mengsel of leeg):\n{read.answer}")
            elif must is not None and states[0] != must:
                wrong.append(f"{session.name}: las {states[0]} terwijl het bestand {must} was (verouderd)")
            seen.update(states)
        # The rebuilds happened while every reader was reading: each saw both states.
        if not session.is_page:
            assert seen == set(STATES), f"{session.name} zag alleen {seen}"
    assert not wrong, "\n".join(wrong[:10])

    # After the last rebuild new reads return the new state, in the data layer and on a fresh page.
    assert town.query_answers() == town.queries[REBUILDS[-1]]
    assert town.page_answer() == town.page[REBUILDS[-1]]
    assert [p.name for p in town.live.parent.iterdir()] == [town.live.name], "tijdelijke bestanden achtergebleven"


def test_a_page_run_reads_one_state_even_when_the_file_is_swapped_mid_run(
        proefstad: Proefstad, monkeypatch: pytest.MonkeyPatch) -> None:
    town = proefstad
    other = next(s for s in STATES if s != FIRST)
    # dashboard.py pins one file version per script run (common.data.pin_snapshot); every query runs on it.
    original = db.run_on
    swapped: list[str] = []

    def run_then_swap(snap: db.Snapshot, name: str, **params: object) -> pd.DataFrame:
        answer = original(snap, name, **params)
        if name == "gap_trend_unit" and not swapped:
            # The rebuild finishes exactly between the page's trend query and its city-line query.
            town.rebuild(other)
            swapped.append(name)
        return answer

    town.rebuild(FIRST)  # a new stamp: nothing of this run comes from the cache
    monkeypatch.setattr(db, "run_on", run_then_swap)
    tables = town.page_answer()
    monkeypatch.setattr(db, "run_on", original)
    assert swapped, "de pagina vroeg gap_trend_unit niet op: de test moet een ander moment kiezen"
    per_table = [next((s for s in STATES if table == town.page[s][i]), "geen van beide")
                 for i, table in enumerate(tables)]
    assert tables in (town.page["A"], town.page["B"]), (
        f"de pagina toont een mengsel van twee bestanden; tabel voor tabel: {per_table}")
