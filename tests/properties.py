"""Shared strategies for the property-based tests (tests/test_properties_*.py): hostile cells and files.

Nothing here is a test. The strategies mix what real files hold (CBS codes, CBS symbols, Dutch and English
numbers) with what breaks parsers (non-finite and huge numbers, lower-case and padded codes, control and
right-to-left characters, markup, empty cells), so a few dozen examples per property reach the edges.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Fast and deterministic enough for every run: few examples, no per-example deadline (the machine is shared).
FAST = settings(max_examples=30, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

CODES = st.sampled_from(["GM9999", "BU99990001", "BU99990002", "WK999900", "NL01", "bu99990001", " GM9999 ",
                         "GM9999    ", "BU9999000", "gm 9999", "XX", "", "BU99990001\u200b", "ＧＭ9999"])
NUMBER_TEXT = st.sampled_from(["12", "12.5", "0", "-3", "100", "1e309", "inf", "-Infinity", "NaN", "9" * 400,
                               "1" * 20, "1.000", "1,5", "1.000,50", "1,000.50", "EUR 1.000.000,-", "€ 1.000,50",
                               "1.000.000", ".", "x", "-", "?", "", " ", "-99999999", "0x10", "1_000", "½"])
HOSTILE_TEXT = st.sampled_from(["<script>alert(1)</script>", "**vet**", "$x$", "'; drop table gaps; --",
                                "\u202egnirts", "a\x00b", "\x1b[31m", "=1+1", "Ünïcödé", "\r\n", ";", ",", '"'])
CELL = st.one_of(CODES, NUMBER_TEXT, HOSTILE_TEXT, st.text(max_size=12))
NUMBER_CELL = st.one_of(NUMBER_TEXT, st.floats(allow_nan=True, allow_infinity=True).map(repr),
                        st.integers(min_value=-10**30, max_value=10**30).map(str), st.text(max_size=8))
YEAR_CELL = st.one_of(st.sampled_from(["2016", "2020", "2099", "1850", "2020.0", "2020.5", "twintig", ""]),
                      st.integers(min_value=-5, max_value=10**6).map(str))


@contextmanager
def scratch() -> Iterator[Path]:
    """A fresh folder per example (pytest's tmp_path is shared by all examples of one test)."""
    with tempfile.TemporaryDirectory(prefix="wijkmonitor-prop-") as folder:
        yield Path(folder)
