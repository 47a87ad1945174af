"""Streamlit calls that show text from data, with the escaping of their sink built in, so that a page cannot
forget it: `table` (st.table renders Markdown in every cell), `heading` and `md` (our own Markdown template,
data values escaped). Pure escaping lives in `wijkmonitor.common.text`.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from wijkmonitor.common.text import markdown, markdown_frame, md_with


def table(frame: pd.DataFrame, **kwargs: Any) -> None:
    """st.table with every text cell and header shown as written."""
    st.table(markdown_frame(frame), **kwargs)


def heading(value: Any, level: int = 4) -> None:
    """A Markdown heading (`####`) whose text is data, e.g. a theme or area name."""
    st.markdown(f"{'#' * level} {markdown(value)}")


def md(template: str, /, **data: Any) -> None:
    """st.markdown of one of our own templates, the data values escaped."""
    st.markdown(md_with(template, **data))
