"""Property-based tests (issue 12, item 6): the URL parser turns any query value into an allowed option or
the default, and shows a rejected value only short, on one line and without Markdown."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from tests.properties import FAST, HOSTILE_TEXT
from wijkmonitor.common.text import INERT_LIMIT, inert
from wijkmonitor.common.url_state import choose, parse_year

ALLOWED = ["selwerd", "de-hoogte", "BU00141000", "2020"]
raw_values = st.one_of(st.none(), HOSTILE_TEXT, st.text(max_size=80),
                       st.sampled_from([*ALLOWED, "SELWERD", " 2020 "]),
                       st.lists(st.text(max_size=10), max_size=3), st.integers(), st.floats())


@FAST
@given(raw=raw_values)
def test_choose_gives_an_allowed_option_or_the_default(raw: object) -> None:
    choice = choose(raw, ALLOWED, "selwerd")
    assert choice.value in ALLOWED
    if choice.rejected is not None:
        assert choice.value == "selwerd"


@FAST
@given(raw=raw_values, years=st.lists(st.integers(min_value=1990, max_value=2030), min_size=1, max_size=5))
def test_years_from_a_link_are_known_years(raw: object, years: list[int]) -> None:
    choice = choose(raw, years, years[-1], parse=parse_year)
    assert choice.value in years


@FAST
@given(text=st.text(max_size=30))
def test_parse_year_accepts_only_four_ascii_digits(text: str) -> None:
    year = parse_year(text)
    assert year is None or (re.fullmatch(r"[0-9]{4}", text) and year == int(text))


@FAST
@given(text=st.one_of(HOSTILE_TEXT, st.text(max_size=200)))
def test_inert_is_short_one_line_and_without_markup(text: str) -> None:
    shown = inert(text)
    assert "\n" not in shown and "\r" not in shown
    assert len(shown.replace("\\", "")) <= INERT_LIMIT
    # Every Markdown character is escaped: removing the escapes leaves no bare one behind.
    assert not re.search(r"(?<!\\)[*_`\[\]<>$]", shown)
    # Control and direction-changing characters (NUL, ESC, U+202E) never reach the reader.
    assert not any(unicodedata.category(c) in ("Cc", "Cf") for c in shown)
