"""Cached data access for pages and the single place where `DataUnavailable` becomes `st.error`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import streamlit as st

from wijkmonitor import db
from wijkmonitor.config import db_path_from_env
from wijkmonitor.errors import DataUnavailable
from wijkmonitor.texts import common as txt


def db_path() -> Path:
    return db_path_from_env()


@st.cache_data(ttl=3600, max_entries=512, show_spinner=False)
def _cached(name: str, stamp: tuple[int, int, int], path: str, params: tuple[tuple[str, object], ...]) -> pd.DataFrame:
    # `stamp` is part of the cache key so that a rebuilt file is never answered from the old cache.
    return db.run(Path(path), name, **dict(params))


def query(name: str, **params: object) -> pd.DataFrame:
    """Run a named query (cached per file version); raises DataUnavailable."""
    path = db_path()
    return _cached(name, db.file_stamp(path), str(path), tuple(sorted(params.items())))


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
