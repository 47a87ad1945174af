"""Shared fixtures: a Groningen DuckDB file built once per test session from the real data in ../shared/data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from wijkmonitor.build import BuildOptions, build
from wijkmonitor.config import DEFAULT_SOURCE

SOURCE = Path(os.environ.get("WIJKMONITOR_SOURCE", str(DEFAULT_SOURCE)))


@pytest.fixture(scope="session")
def source_dir() -> Path:
    if not (SOURCE / "indicators").is_dir():
        pytest.fail(f"de brondata ontbreekt in {SOURCE}: de tests draaien op de echte data in ../shared/data")
    return SOURCE


@pytest.fixture(scope="session")
def groningen_db(tmp_path_factory: pytest.TempPathFactory, source_dir: Path) -> Path:
    """A Groningen build shared by all tests that only read it. Never modify this file in a test."""
    path = tmp_path_factory.mktemp("db") / "groningen.duckdb"
    build(BuildOptions(source=str(source_dir), db=path), progress=lambda _line: None)
    return path


@pytest.fixture()
def app_db(groningen_db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the dashboard (WIJKMONITOR_DB) at the session's Groningen file, for AppTest page tests."""
    monkeypatch.setenv("WIJKMONITOR_DB", str(groningen_db))
    yield groningen_db


@pytest.fixture()
def fresh_streamlit_caches() -> Iterator[None]:
    """Streamlit's caches emptied before the test (use with `pytest.mark.usefixtures`): a test may point
    WIJKMONITOR_DB at its own file; the caches are keyed by file, but each test starts clean anyway."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield
