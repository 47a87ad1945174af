"""What a reader sees of a Markdown source.

The kernel escapes data text for Markdown with backslashes (`Nieuw\\-Noord`, `56\\,7\\%`); Streamlit renders them away.
Page tests that compare text with figures from the raw files compare what is shown, through these functions.
"""

from __future__ import annotations

import re

import pandas as pd

_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def rendered(markdown: str) -> str:
    return _ESCAPED.sub(r"\1", markdown)


def rendered_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A table as `st.table` shows it: escaped cells and headers read as their text."""
    out = frame.copy()
    out.columns = [rendered(c) if isinstance(c, str) else c for c in out.columns]
    for column in out.columns:
        out[column] = out[column].map(lambda v: rendered(v) if isinstance(v, str) else v)
    return out
