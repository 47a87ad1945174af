"""Page state in the URL (`st.query_params`), for deep links any page can reuse.

A URL is input from anyone: a value is only used after it has been matched against the page's own list of
allowed options (so it reaches SQL, if at all, as a known value bound as a parameter), and a rejected value is
echoed back in a message only after it has been shortened and made inert for Markdown.

The pure helpers (`clean`, `choose`; `inert` is in `wijkmonitor.common.text`) need no running app; `incoming`,
`publish` and `ensure` work on
`st.query_params` and `st.session_state`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import streamlit as st

from wijkmonitor.common.text import inert

T = TypeVar("T")
MAX_LENGTH = 64


def clean(raw: object) -> str | None:
    """The raw parameter as a stripped string, or None when absent or empty."""
    if raw is None:
        return None
    if isinstance(raw, list | tuple):
        raw = raw[-1] if raw else None
        if raw is None:
            return None
    text = str(raw).strip()
    return text or None




@dataclass(frozen=True)
class Choice(Generic[T]):
    value: T
    rejected: str | None = None  # the raw value that was not allowed (None when absent or accepted)


def choose(
    raw: object,
    allowed: Sequence[T],
    default: T,
    *,
    parse: Callable[[str], T | None] | None = None,
) -> Choice[T]:
    """Match a raw parameter against the allowed options; fall back to `default` when absent or not allowed.

    `parse` turns the text into an option (e.g. `int` for years); it may raise ValueError or return None.
    Without it, text matches an option exactly or, failing that, case-insensitively (CBS codes are upper case,
    people type lower case).
    """
    text = clean(raw)
    if text is None:
        return Choice(default)
    if len(text) > MAX_LENGTH:
        return Choice(default, rejected=text)
    candidate: T | None
    if parse is not None:
        try:
            candidate = parse(text)
        except (TypeError, ValueError):
            candidate = None
        if candidate is not None and candidate in allowed:
            return Choice(candidate)
        return Choice(default, rejected=text)
    for option in allowed:
        if str(option) == text:
            return Choice(option)
    folded = text.casefold()
    for option in allowed:
        if str(option).casefold() == folded:
            return Choice(option)
    return Choice(default, rejected=text)


def rejected_notice(rejected: str, *, template: str, what: str, fallback: str, too_long: str) -> str:
    """The page's Dutch notice for a link value it did not allow (`template` with `{what}`, `{value}`,
    `{fallback}`): the value echoed inert, or `too_long` for a value longer than any option could be."""
    value = inert(rejected) if len(rejected) <= MAX_LENGTH else too_long
    return template.format(what=what, value=value, fallback=fallback)


def parse_year(text: str) -> int | None:
    """Only a plain four-digit year is a year ('2020'); '2020.0', '+2020' or '２０２０' are not."""
    return int(text) if re.fullmatch(r"[0-9]{4}", text) else None


# ----------------------------------------------------------------------------------------- with Streamlit


def read(names: Sequence[str]) -> dict[str, str]:
    """The page's parameters as they are in the URL now (the last value when a name is repeated)."""
    out: dict[str, str] = {}
    for name in names:
        values = st.query_params.get_all(name)
        value = clean(values)
        if value is not None:
            out[name] = value
    return out


def incoming(names: Sequence[str], memo_key: str) -> dict[str, str] | None:
    """The URL's parameters when they are news to this page (first visit, a shared link, an edited address);
    None when the URL still says what the page itself last wrote there, or says nothing at all on a later run
    (Streamlit clears the query string on a page switch; the page keeps its own state then)."""
    current = read(names)
    memo = st.session_state.get(memo_key)
    if memo is None:
        return current
    if current == memo or not current:
        return None
    return current


def publish(values: Mapping[str, str], memo_key: str, names: Sequence[str] = ()) -> None:
    """Write the page's state to the URL (only what changed, so the browser history is not flooded) and remove
    each of the page's `names` that is no longer set: a cleared filter must leave the address bar too, or its
    stale value would come back as news on the next run and in every copied link."""
    for name in names:
        if name not in values and name in st.query_params:
            del st.query_params[name]
    for name, value in values.items():
        if st.query_params.get(name) != value:
            st.query_params[name] = value
    st.session_state[memo_key] = dict(values)


def ensure(key: str, options: Sequence[object], default: object) -> None:
    """Give a keyed widget a valid value before it is drawn: keep the user's choice when it is still an option."""
    if not options:
        return
    if key not in st.session_state or st.session_state[key] not in options:
        st.session_state[key] = default
