"""Browser checks for a Dutch, accessible page: document language, English UI strings, chart text contrast.

`assert_dutch(page)` reads what a reader sees (visible text nodes) and what a screen reader announces
(aria-label, title, placeholder, alt, aria-valuetext, Plotly's data-title, and the cells of st.dataframe's
canvas table) and fails on any English Streamlit/Plotly/map UI text from the lists below. `chart_text_contrast`
computes the contrast of every Plotly SVG text against the chart background. Import them like the harness:
`from english_strings import assert_dutch, assert_chart_contrast`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from playwright.sync_api import Page

# Whole-phrase hits anywhere in a text or name (case-sensitive: Dutch text may contain "zoom" or "open").
ENGLISH_PHRASES: tuple[str, ...] = (
    # Streamlit widgets
    "Choose an option", "Choose options", "No results", "No options to select", "Select all", "Clear all",
    "options available", "option available", "results available", "Press Enter to apply",
    "Press Enter to submit", "Drag and drop file", "Browse files", "per file", "file upload", "Choose date",
    "Drag and drop files", "Delete file", "Use arrow keys", "Previous month", "Next month", "Increment", "Decrement",
    "Show password", "Hide password",
    # Streamlit chrome
    "Skip to main content", "Collapse sidebar", "Expand sidebar", "Open sidebar", "Close sidebar", "App pages",
    "Link to heading", "Running...", "Deploy", "Rerun", "Clear cache", "Main menu", "Print", "Record a screencast",
    "Settings", "About", "Made with Streamlit", "Please wait", "Connecting", "Connection error",
    # element toolbar and tables
    "Download as CSV", "Show/hide columns", "Fullscreen", "Close fullscreen", "Exit fullscreen",
    # Plotly modebar and tips
    "Download plot", "Autoscale", "Reset axes", "Reset view", "Zoom in", "Zoom out", "Box Select",
    "Lasso Select", "Toggle Spike Lines", "Sort ascending", "Sort descending", "Pin column", "Unpin column",
    "Hide column", "Autosize", "Dataframe column menu", "Copy column name", "Standard deviation",
    "Based on sample", "Average length", "Minimum length", "Maximum length", "Distribution histogram",
    "Top values", "Clear selection", "No data", "No content", "Type to search", "Close Search", "Next Result",
    "Previous Result", "Failed to", "percentile", "Show closest data", "Compare data on hover", "Produced with Plotly",
    "Double-click", "Click to enter", "Snapshot succeeded", "Taking snapshot",
    # maps
    "Zoom In", "Zoom Out", "Toggle attribution", "Reset bearing", "Drag to rotate", "Mapbox logo",
    "MapLibre logo", "to zoom the map", "to move the map",
    # months and days that Dutch spells differently (Dutch writes them lower-case)
    "January", "February", "March", "June", "July", "August", "October",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)

# Texts that are English only when they are the whole text or name: as words they also occur in Dutch
# ("Open data", "Stop met roken", "Kaart"): "Open", "Map", "Search", ...
ENGLISH_WHOLE: frozenset[str] = frozenset({
    "Open", "Close", "Dismiss", "Clear", "Clear value", "Delete", "Remove", "Search", "Map", "Sidebar",
    "Upload", "Stop", "Running", "Pan", "Zoom", "empty", "None", "nan", "NaN", "NaT", "<NA>",
    "null", "undefined", "true", "false", "True", "False", "Yes", "No", "Submit", "Cancel", "Apply", "Reset",
    "Loading...", "Loading", "Error", "Statistics", "Format", "Automatic", "Localized", "Plain", "Percent",
    "Accounting", "Scientific", "Engineering", "Count", "Distinct", "Average", "Median", "Sum", "Range",
    "Values", "Empty", "Duration",
})  # fmt: skip

# English date axis ticks ("Mar 2024", "Oct 12"): Dutch plotly gives "mrt 2024", "okt 12".
_ENGLISH_DATE = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,4}\b")
# A decimal point: digits, a point, then one, two or more than three digits. "12.345" (Dutch thousands)
# is not a hit; "48.25", "2.5" and "0.125000" are.
_DECIMAL_POINT = re.compile(r"(?<![\d.,\w])-?\d+\.(?:\d{1,2}|\d{4,})(?![\d.,\w])")

_PHRASES = re.compile("|".join(rf"(?<!\w){re.escape(p)}(?!\w)" for p in ENGLISH_PHRASES))

# Collects (kind, where, text) for every visible text node and every accessible-name attribute. Hidden
# content (display:none, visibility:hidden, aria-hidden) is skipped: nobody reads or hears it. Material icon
# ligatures ("keyboard_arrow_right") are glyph names, drawn as icons and hidden from screen readers.
_COLLECT_JS = """
() => {
  const ATTRS = ['aria-label', 'title', 'placeholder', 'aria-placeholder', 'alt', 'aria-valuetext',
                 'aria-roledescription', 'aria-description', 'data-title'];
  const out = [];
  const hidden = (el) => {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      if (e.getAttribute('aria-hidden') === 'true' || e.hidden) return true;
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden') return true;
    }
    return false;
  };
  const where = (el) => {
    const c = el.closest('[data-testid]');
    return (c ? c.getAttribute('data-testid') : el.tagName.toLowerCase());
  };
  const icon = (el) => !!el.closest('[data-testid="stIconMaterial"], .material-symbols-rounded, [translate="no"]');
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) walk(el.shadowRoot);
      if (hidden(el)) continue;
      for (const a of ATTRS) {
        const v = el.getAttribute(a);
        if (v && v.trim()) out.push(['attr:' + a, where(el), v.trim()]);
      }
    }
    const tw = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = tw.nextNode(); n; n = tw.nextNode()) {
      const t = (n.nodeValue || '').trim();
      const p = n.parentElement;
      if (!t || !p || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(p.tagName) || icon(p) || hidden(p)) continue;
      out.push(['text', where(p), t]);
    }
  };
  walk(document);
  return {lang: document.documentElement.lang, items: out};
}
"""

# st.dataframe draws on a canvas; glide-data-grid keeps an accessible table of the visible cells inside it.
_GRID_CELLS_JS = """
() => Array.from(document.querySelectorAll('[data-testid="stDataFrame"] table [role="gridcell"], '
                                         + '[data-testid="stDataFrame"] table td'))
        .map(td => (td.textContent || '').trim()).filter(t => t)
"""


@dataclass(frozen=True)
class Finding:
    kind: str  # "text", "attr:aria-label", ..., "cell"
    where: str  # data-testid of the nearest Streamlit element
    text: str
    why: str

    def __str__(self) -> str:
        return f"{self.why}: {self.text!r} ({self.kind} in {self.where})"


def english_in(text: str) -> str | None:
    """Why `text` is English UI text, or None."""
    if text in ENGLISH_WHOLE:
        return "Engelse tekst"
    match = _PHRASES.search(text) or _ENGLISH_DATE.search(text)
    return f"Engels '{match.group(0)}'" if match else None


def decimal_point_in(text: str) -> str | None:
    match = _DECIMAL_POINT.search(text)
    return f"decimale punt '{match.group(0)}'" if match else None


def page_items(page: Page) -> tuple[str, list[tuple[str, str, str]]]:
    """The document language and every (kind, where, text) a reader sees or a screen reader announces."""
    collected = page.evaluate(_COLLECT_JS)
    items = [tuple(i) for i in collected["items"]]
    items += [("cell", "stDataFrame", t) for t in page.evaluate(_GRID_CELLS_JS)]
    return str(collected["lang"]), items  # type: ignore[return-value]


def findings(page: Page, *, numbers: bool = True) -> list[Finding]:
    """English UI strings (and with `numbers`, decimal points in tables and charts) on the page as it is now."""
    _, items = page_items(page)
    found: list[Finding] = []
    for kind, where, text in items:
        why = english_in(text)
        if why is None and numbers and (kind == "cell" or where in ("stPlotlyChart", "stMetric", "stSlider")):
            why = decimal_point_in(text)
        if why:
            found.append(Finding(kind, where, text, why))
    return found


def assert_dutch(page: Page, *, numbers: bool = True) -> None:
    """Fail unless <html lang="nl"> and no English UI text or accessible name is on the page."""
    lang, _ = page_items(page)
    problems = [] if lang == "nl" else [f'<html lang="{lang}"> in plaats van lang="nl"']
    problems += [str(f) for f in findings(page, numbers=numbers)]
    if problems:
        unique = list(dict.fromkeys(problems))
        raise AssertionError(f"niet-Nederlandse interface op {page.url}:\n  " + "\n  ".join(unique))


# ------------------------------------------------------------------------------------- chart contrast

# For every Plotly svg <text>: its fill (with fill-opacity and ancestor opacity) blended over the chart's
# paper colour (the first .main-svg's background, else the nearest opaque page background), or over its bar
# for a label inside a bar, then the WCAG contrast ratio. Texts with no glyphs or that are invisible are
# skipped.
_CONTRAST_JS = """
() => {
  const rgba = (c) => {
    const m = (c || '').match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(',').map(s => parseFloat(s));
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const pageBg = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) return c;
    }
    return [255, 255, 255, 1];
  };
  const out = [];
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (chart.offsetParent === null) continue;  // in a closed tab or expander
    const paper = chart.querySelector('svg.main-svg');
    let bg = paper ? rgba(getComputedStyle(paper).backgroundColor) : null;
    if (!bg || bg[3] === 0) bg = pageBg(chart);
    for (const t of chart.querySelectorAll('svg text')) {
      const txt = (t.textContent || '').trim();
      if (!txt) continue;
      const s = getComputedStyle(t);
      if (s.display === 'none' || s.visibility === 'hidden') continue;
      const fill = rgba(s.fill);
      if (!fill) continue;
      let alpha = fill[3] * parseFloat(s.fillOpacity || '1');
      for (let e = t; e && e !== chart; e = e.parentElement) alpha *= parseFloat(getComputedStyle(e).opacity || '1');
      if (alpha === 0) continue;
      // A label inside a bar is read against the bar, not the paper: the bar's path beside it in its point group.
      let under = bg;
      const bar = (t.classList.contains('bartext-inside') && t.closest('g.point'))
        ? t.closest('g.point').querySelector('path') : null;
      if (bar) {
        const bs = getComputedStyle(bar);
        const bf = rgba(bs.fill);
        if (bf) {
          const ba = bf[3] * parseFloat(bs.fillOpacity || '1');
          under = [0, 1, 2].map(i => bf[i] * ba + bg[i] * (1 - ba));
        }
      }
      const shown = [0, 1, 2].map(i => fill[i] * alpha + under[i] * (1 - alpha));
      out.push({text: txt.slice(0, 60), cls: t.getAttribute('class') || '', ratio: ratio(shown, under),
                chart: chart.getAttribute('aria-label') || ''});
    }
  }
  return out;
}
"""

MIN_TEXT_CONTRAST = 4.5  # WCAG 2.1 AA 1.4.3, normal-size text; chart labels are small


def chart_text_contrast(page: Page) -> list[dict[str, object]]:
    """Every visible Plotly text with its contrast ratio against the chart background."""
    result: list[dict[str, object]] = page.evaluate(_CONTRAST_JS)
    return result


def assert_chart_contrast(page: Page, minimum: float = MIN_TEXT_CONTRAST) -> int:
    """Fail when a chart text is below `minimum`:1; return how many texts were checked (0 is suspicious)."""
    texts = chart_text_contrast(page)
    low = [t for t in texts if float(str(t["ratio"])) < minimum]
    if low:
        lines = [f"{float(str(t['ratio'])):.2f}:1 {t['text']!r} ({t['cls']}, grafiek {t['chart']!r})" for t in low]
        raise AssertionError(
            f"grafiektekst onder {minimum}:1 op {page.url}:\n  " + "\n  ".join(dict.fromkeys(lines))
        )
    return len(texts)


# ------------------------------------------------------------------------------------------- tab stops

_FOCUSABLE_JS = """
(selector) => Array.from(document.querySelectorAll(selector)).map(root => {
  const all = root.querySelectorAll('a[href], button, input, select, textarea, [tabindex], canvas[tabindex]');
  return Array.from(all).filter(e => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0
                                     && getComputedStyle(e).visibility !== 'hidden').length;
})
"""


def tab_stops(page: Page, selector: str) -> list[int]:
    """Keyboard tab stops inside each element matching `selector` (e.g. one count per chart)."""
    counts: list[int] = page.evaluate(_FOCUSABLE_JS, selector)
    return counts
