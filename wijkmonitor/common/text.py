"""Text from data or a link is data, never markup: escape it for Markdown and HTML, strip control characters,
shorten long texts.

Registers keep cells verbatim, so a name may hold `<script>`, `**` or `:red[...]`; a URL may hold anything.
Everything a page puts in `st.markdown` goes through `markdown` (or `inert` for a rejected link value, which is
also cut short); everything that ends up in an HTML context (plotly labels and hover text, pydeck tooltips)
goes through `html_text`. All of them first drop control and bidirectional-formatting characters (NUL, ESC,
U+202E ...), which would otherwise reorder or hide what the reader sees.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all that Markdown, GFM or
# Streamlit's extensions (":material/...:", ":red[...]", "$math$") give a meaning to keeps the text literal.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'=^%@/;,?])")
LIMIT = 200
INERT_LIMIT = 40
ELLIPSIS = "…"


def strip_controls(text: str) -> str:
    """Drop control (Cc) and format (Cf: bidi overrides, zero-width) characters; keep newlines and tabs."""
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cf"))


def plain(value: Any) -> str:
    """A cell as text: '' for None, NaN or pd.NA, otherwise str(value) without control characters, stripped."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return ""
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    return strip_controls(str(value)).strip()


def markdown(value: Any) -> str:
    """Register text that renders as exactly itself in st.markdown: every special character escaped, each line
    on its own line (a hard break), leading spaces dropped so that no line becomes a code block."""
    lines = [_MD_SPECIAL.sub(r"\\\1", line.strip()) for line in plain(value).splitlines()]
    return "  \n".join(line for line in lines if line)


def inert(raw: Any, limit: int = INERT_LIMIT) -> str:
    """A rejected link value, safe inside a Markdown message: one short line, no markup, no control characters."""
    text = " ".join(plain(raw).split())
    if len(text) > limit:
        text = text[: limit - 1] + ELLIPSIS
    return _MD_SPECIAL.sub(r"\\\1", text)


def html_text(value: Any) -> str:
    """Register text for HTML contexts (plotly labels and hover, pydeck tooltips): tags become visible text."""
    return html.escape(" ".join(plain(value).split()), quote=True)


@dataclass(frozen=True)
class Shortened:
    short: str
    full: str

    @property
    def truncated(self) -> bool:
        return self.short != self.full


def shorten(value: Any, limit: int = LIMIT) -> Shortened:
    """The first `limit` characters, cut at a word boundary where one is near, with '…'; the whole text kept."""
    full = plain(value)
    if len(full) <= limit:
        return Shortened(full, full)
    cut = full[:limit]
    space = cut.rfind(" ")
    # Cut at the last space unless that throws away more than a fifth of the allowance (one very long word).
    if space >= limit * 0.8:
        cut = cut[:space]
    return Shortened(cut.rstrip(" ,;:.-") + ELLIPSIS, full)


def short_label(value: Any, limit: int = 42) -> str:
    """A chart label: at most `limit` characters (still plain text; escape it for its context)."""
    return shorten(value, limit).short


def split_list(value: Any) -> list[str]:
    """A `;`-joined register list as items, in register order, without empties or repeats."""
    seen: dict[str, None] = {}
    for item in plain(value).split(";"):
        item = item.strip()
        if item:
            seen.setdefault(item, None)
    return list(seen)


# "(seed 002)", "(seed 002, 003)", "(seed 002/003)": where a configured fact was read, in the build's own
# words. A lay reader cannot use them; Over de data says in plain words where programme facts come from.
_REF_NUMBERS = r"seeds?\s+\d{3}(?:\s*(?:,|/|en)\s*\d{3})*"
_BUILD_REF = re.compile(rf"\s*\(\s*{_REF_NUMBERS}\s*\)|[,;]?\s*\b{_REF_NUMBERS}", re.IGNORECASE)


def for_reader(value: Any) -> str:
    """Configured text as a reader sees it: `plain`, without the build's source references ("(seed 002)")."""
    return re.sub(r"\(\s*\)", "", _BUILD_REF.sub("", plain(value))).strip()
