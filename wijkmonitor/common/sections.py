"""Drawing pieces the register pages' sections share: a row of metrics, a table in an expander with its
downloads, and the opening of a filtered register page (title, link messages, filters, note)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common import page

F = TypeVar("F")


@dataclass(frozen=True)
class Metric:
    label: str
    value: str
    note: str | None = None  # shown under the number
    help: str | None = None  # tooltip


def metrics(shown: Sequence[Metric]) -> None:
    for column, metric in zip(st.columns(len(shown)), shown, strict=True):
        column.metric(metric.label, metric.value, help=metric.help)
        if metric.note:
            column.caption(metric.note)


def table(frame: pd.DataFrame, title: str, file_stem: str, key: str, *, label: str) -> None:
    """A table in an expander with the Dutch download buttons."""
    with st.expander(title):
        nl.dataframe(frame)
        page.downloads(frame, label=label, file_stem=file_stem, key=key)


def heading(title: str, intro: str) -> DeltaGenerator:
    """Title and intro; returns the slot under them where the page puts the voorbeelddata label once it knows."""
    st.title(title)
    st.write(intro)
    return st.empty()


def filters(link_messages: Iterable[str], widgets: Callable[[], F], note: str) -> F:
    """What a link asked for and could not be given, then the filter widgets (which write the URL), then the
    note on how the area filter counts."""
    for message in link_messages:
        st.warning(message, icon=":material/link_off:")
    chosen = widgets()
    st.caption(note)
    return chosen
