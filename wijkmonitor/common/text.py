"""Text from data or a link is data, never markup: escape it for Markdown and HTML, strip control characters,
shorten long texts.

One function per sink: `markdown` (st.markdown, st.header, st.caption, alerts, st.table cells, widget labels),
`md_with` (one of our own Markdown templates filled with data values), `markdown_frame` (a table for st.table),
`html_text` (HTML: st.html, pydeck tooltips, the profile's HTML export), `plotly_text` (plotly's pseudo-HTML in
labels, hover texts and titles), `plain` (plain-text widgets: selectbox options, dataframe cells, pydeck text
layers) and `file_part` (a piece of a download's file name).

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
_MD_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!|<>~$:&\"'=^%@/;,?")
LIMIT = 200
INERT_LIMIT = 40
ELLIPSIS = "…"


def _control_class() -> re.Pattern[str]:
    # Every Cc and Cf character of the Basic Multilingual Plane plus the few Cf ranges above it (format
    # controls, tag characters), as one character class: a regex runs in C on long texts such as GeoJSON.
    chars = [chr(i) for i in range(0x10000) if unicodedata.category(chr(i)) in ("Cc", "Cf") and chr(i) not in "\n\t"]
    ranges = "".join(re.escape(c) for c in chars)
    return re.compile(f"[{ranges}\U000110BD\U000110CD\U00013430-\U0001343F\U0001BCA0-\U0001BCA3"
                      f"\U0001D173-\U0001D17A\U000E0001\U000E0020-\U000E007F]")


CONTROL = _control_class()


def strip_controls(text: str) -> str:
    """Drop control (Cc) and format (Cf: bidi overrides, zero-width) characters; keep newlines and tabs."""
    return CONTROL.sub("", text)


def displayable(frame: Any) -> Any:
    """A query result with control and bidi characters dropped from every text column (the database keeps
    data verbatim; what a page reads from it never carries them to the screen)."""
    for column in frame.columns:
        series = frame[column]
        if series.dtype == object or str(series.dtype).startswith("str"):
            texts = series.map(lambda v: isinstance(v, str) and CONTROL.search(v) is not None)
            if texts.any():
                frame[column] = series.map(lambda v: CONTROL.sub("", v) if isinstance(v, str) else v)
    return frame


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


def plotly_text(value: Any) -> str:
    """Text for plotly's pseudo-HTML (titles, tick and legend labels, hover texts, `%{customdata}`): `<b>`,
    `<a href>` and `<br>` from data become visible letters. Quotes stay as they are: plotly decodes `&lt;`,
    `&gt;` and `&amp;` but shows `&quot;` literally."""
    return html.escape(" ".join(plain(value).split()), quote=False)


class Ours(str):
    """A text we wrote ourselves (a formatted number, a Dutch word from `texts`): `md_with` leaves it as is."""


def md_with(template: str, /, **data: Any) -> str:
    """One of our own Markdown templates (it may use **bold**) filled with data values that show as written:
    every text value is escaped with `markdown`, except numbers and `Ours(...)` texts."""
    return template.format(**{k: v if isinstance(v, int | float | Ours) and not isinstance(v, bool) else markdown(v)
                              for k, v in data.items()})


# A cell needs escaping only when it holds a character Markdown or Streamlit acts on inside a line, or starts
# like a block (list, heading, quote); "56,7%", "Nieuw-Noord" and "(18 jaar)" stay as they are.
_ACTIVE = re.compile(r"[\\`*_\[\]<>$:~|!&^@=]|^\s*([-+#>]|\d+[.)])")


def markdown_frame(frame: Any) -> Any:
    """A copy of a DataFrame for `st.table`, which renders Markdown in every cell and header: text escaped."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or str(out[column].dtype).startswith("str"):
            out[column] = out[column].map(lambda v: markdown(v) if isinstance(v, str) and _ACTIVE.search(v) else
                                          plain(v) if isinstance(v, str) else v)
    out.columns = [markdown(c) if isinstance(c, str) and plain(c) else c for c in out.columns]
    return out


def md_to_html(md: str) -> str:
    """Our own short Markdown (**bold**, backslash escapes from `markdown`, hard breaks) as safe HTML, for the
    self-contained HTML export: data escaped by `markdown` shows as written, never as a tag."""
    out: list[str] = []
    bold = False
    i = 0
    while i < len(md):
        char = md[i]
        if char == "\\" and i + 1 < len(md) and md[i + 1] in _MD_ESCAPABLE:
            out.append(html.escape(md[i + 1]))
            i += 2
        elif md.startswith("**", i):
            out.append("</strong>" if bold else "<strong>")
            bold = not bold
            i += 2
        elif md.startswith("  \n", i):
            out.append("<br>")
            i += 3
        else:
            out.append(html.escape(char))
            i += 1
    if bold:
        out.append("</strong>")
    return "".join(out)


_UNSAFE_FILE = re.compile(r"[^0-9A-Za-z._-]+")


def file_part(value: Any, limit: int = 60) -> str:
    """A piece of a download's file name: letters, digits, `.`, `_`, `-` only (no path, no control or bidi
    characters that would disguise the extension), never starting with a dot or dash."""
    ascii_text = unicodedata.normalize("NFKD", plain(value)).encode("ascii", "ignore").decode()
    return _UNSAFE_FILE.sub("-", ascii_text).strip(".-_")[:limit] or "bestand"


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
