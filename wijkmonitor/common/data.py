"""Cached data access for pages and the single place where `DataUnavailable` becomes `st.error`."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ParamSpec, TypeVar

import pandas as pd
import streamlit as st

from wijkmonitor import db
from wijkmonitor.common.text import displayable
from wijkmonitor.config import db_path_from_env
from wijkmonitor.errors import DataUnavailable
from wijkmonitor.texts import common as txt


def db_path() -> Path:
    return db_path_from_env()


# Streamlit runs each script run in its own thread; the snapshot pinned here holds for that run only.
_run = threading.local()


def pin_snapshot() -> None:
    """Called at the start of every script run (dashboard.py): all queries of the run read one file version.

    Without it, a rebuild that swaps the file halfway through a run would give a page some tables from the old
    build and some from the new one.
    """
    try:
        _run.snapshot = db.snapshot(db_path())
    except DataUnavailable:
        _run.snapshot = None  # the page's own data_guard shows the message


def _current_snapshot() -> db.Snapshot:
    pinned: db.Snapshot | None = getattr(_run, "snapshot", None)
    if pinned is not None and pinned.path == db_path():
        return pinned
    return db.snapshot(db_path())


def current_stamp() -> tuple[int, int, int]:
    """The file version this script run reads: use it in cache keys of anything built from queries."""
    return _current_snapshot().stamp


@st.cache_data(ttl=3600, max_entries=512, show_spinner=False)
def _cached(name: str, stamp: tuple[int, int, int], path: str, params: tuple[tuple[str, object], ...]) -> pd.DataFrame:
    # `stamp` is part of the cache key so that a rebuilt file is never answered from the old cache.
    snap = _current_snapshot()
    if snap.stamp != stamp:
        snap = db.snapshot(Path(path))
    # Every text a page reads from the database leaves here without control or bidi characters.
    return displayable(db.run_on(snap, name, **dict(params)))


def query(name: str, **params: object) -> pd.DataFrame:
    """Run a named query (cached per file version); raises DataUnavailable."""
    snap = _current_snapshot()
    return _cached(name, snap.stamp, str(snap.path), tuple(sorted(params.items())))


P = ParamSpec("P")
R = TypeVar("R")


def cached(max_entries: int = 16, ttl: int = 3600) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Cache a loader per pinned build: `@cached(max_entries=64) def trend_view(area, ...)`.

    The stamp of the file this run reads is part of every key, so a rebuilt database is never answered from an
    old cache, and the bound (`max_entries`, `ttl`) keeps memory flat. Results are kept as they are
    (`st.cache_resource`: pickling a plotly Figure or pydeck Deck costs more than building it), so callers treat
    them as read-only. Arguments must be hashable by Streamlit (str, numbers, tuples, frozen dataclasses).
    """

    def decorate(loader: Callable[P, R]) -> Callable[P, R]:
        def keyed(stamp: tuple[int, int, int], roles: tuple[str, ...], *args: P.args, **kwargs: P.kwargs) -> R:
            # `roles` keys the result by what the viewer may see of the registers (issue 14).
            return loader(*args, **kwargs)

        # Streamlit keys a cache on module, qualified name and source: without these every loader
        # decorated here would share `keyed`'s cache.
        keyed.__module__ = loader.__module__
        keyed.__qualname__ = f"{loader.__qualname__}.cached"
        store = st.cache_resource(ttl=ttl, max_entries=max_entries, show_spinner=False)(keyed)

        @functools.wraps(loader)
        def load(*args: P.args, **kwargs: P.kwargs) -> R:
            from wijkmonitor.access.session import viewer_roles

            return store(current_stamp(), viewer_roles(), *args, **kwargs)

        return load

    return decorate


@contextmanager
def data_guard() -> Iterator[None]:
    """Show any DataUnavailable as one plain Dutch error and stop the page."""
    try:
        yield
    except DataUnavailable as exc:
        st.error(f"{txt.DATA_UNAVAILABLE} {exc}", icon=":material/error:")
        st.stop()


def meta() -> dict[str, str]:
    frame = query("build_meta")
    return dict(zip(frame["key"], frame["value"], strict=True))


def example_badge(text: str = txt.EXAMPLE_DATA_NOTE) -> None:
    """The visible label wherever illustrative register figures are shown."""
    st.warning(f"**{txt.EXAMPLE_DATA_LABEL}.** {text}", icon=":material/science:")
