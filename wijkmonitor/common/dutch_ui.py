"""Dutch, accessible Streamlit chrome: document language, Dutch UI strings, Plotly template/config, tables.

Streamlit 1.67 has no language setting: `index.html` says `lang="en"` and widgets, the table toolbar, the
Plotly modebar and the map controls carry English texts and accessible names. This module is the single place
that turns them Dutch, so pages only call:

* `apply()` once per script run (`common.page.start` calls it): sets `<html lang="nl">`, hides the table
  toolbar, and translates the English texts Streamlit draws itself,
* `plotly_chart(fig, alt=...)`, `pydeck_chart(deck, alt=...)`, `dataframe(df, formats=...)` instead of the
  `st.` calls of the same name, and `common.page.downloads` (Dutch CSV + XLSX) beside every table,
* the `PLACEHOLDER_*` texts as `placeholder=` of selectbox, multiselect and text_input.

Everything but the three wrappers and `apply()` is pure and tested without a browser; the browser test in
`tests/browser/english_strings.py` checks the result on every page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import partial
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go

from wijkmonitor.common import fmt

# ----------------------------------------------------------------------------------------------- numbers

DECIMAL = ","
THOUSANDS = "."
MISSING = fmt.DASH  # what a cell without a figure shows, never "None", "nan" or "empty"
YEAR_RANGE = (1900, 2100)
MAX_DECIMALS = 3


# Named column formats for `dataframe(formats=...)`: kind -> (decimals, prefix, suffix).
NumberFormat = Literal["integer", "decimal1", "decimal2", "percent0", "percent1", "euro", "euro0"]
_FORMATS: dict[str, tuple[int, str, str]] = {
    "integer": (0, "", ""),
    "decimal1": (1, "", ""),
    "decimal2": (2, "", ""),
    "percent0": (0, "", "%"),  # values are already percentages (48.2), as in the CBS/RIVM tables
    "percent1": (1, "", "%"),
    "euro": (2, "€ ", ""),
    "euro0": (0, "€ ", ""),
}


def number_formatter(kind: NumberFormat) -> Any:
    """A one-argument formatter for pandas Styler.format: Dutch digits, MISSING for empty cells."""
    decimals, prefix, suffix = _FORMATS[kind]

    def shown(v: Any) -> str:
        text = fmt.number(v, decimals, missing=MISSING)
        return text if text == MISSING else f"{prefix}{text}{suffix}"

    return shown


def _is_year_column(name: str, column: pd.Series) -> bool:
    """A column of years ("Jaar", "Basisjaar", "Editie") shows 2024, never "2.024"."""
    if not pd.api.types.is_integer_dtype(column) or not re.search(r"jaar|editie", name, re.IGNORECASE):
        return False
    values = column.dropna()
    return bool(((values >= YEAR_RANGE[0]) & (values <= YEAR_RANGE[1])).all())


def _column_decimals(column: pd.Series) -> int:
    """The decimals a float column needs: tables hold figures already rounded to their indicator's precision,
    so the column shows them all alike (12,0 beside 12,5), without float noise."""
    places = 0
    for v in column.dropna():
        text = repr(round(float(v), MAX_DECIMALS))
        if "." in text and "e" not in text:
            places = max(places, len(text.split(".")[1].rstrip("0")))
    return min(places, MAX_DECIMALS)


def _year(value: object) -> str:
    return MISSING if fmt.is_missing(value) else str(int(value))  # type: ignore[call-overload]


def styled_table(df: pd.DataFrame, formats: Mapping[str, NumberFormat] | None = None) -> Any:
    """A Styler that shows `df` the Dutch way while its cells keep their numbers.

    st.dataframe draws a Styler's display strings but sorts on the underlying values, so a column sorted by
    the reader stays numeric (1.200 after 900), which pre-formatted text columns would not. Columns not named
    in `formats` get a default: years as written, other integers with a thousands dot, floats with the
    decimals the column holds, booleans ja/nee, and every empty cell MISSING.
    """
    formats = dict(formats or {})
    unknown = set(formats) - set(df.columns)
    if unknown:
        raise KeyError(f"dutch_ui.styled_table: onbekende kolommen {sorted(unknown)}")
    # One format() call with one formatter per column: each call resets the columns it is not given.
    formatters: dict[Any, Any] = {}
    for col in df.columns:
        kind: NumberFormat | None = formats.get(col)
        series = df[col]
        if kind is not None:
            formatters[col] = number_formatter(kind)
        elif pd.api.types.is_bool_dtype(series):
            formatters[col] = _yes_no
        elif _is_year_column(str(col), series):
            formatters[col] = _year
        elif pd.api.types.is_integer_dtype(series):
            formatters[col] = number_formatter("integer")
        elif pd.api.types.is_float_dtype(series):
            formatters[col] = partial(fmt.number, decimals=_column_decimals(series), missing=MISSING)
        else:
            formatters[col] = _text_or_missing
    return df.style.format(formatters)


def _yes_no(value: object) -> str:
    return "ja" if value is True else ("nee" if value is False else MISSING)


def _text_or_missing(value: object) -> object:
    return MISSING if fmt.is_missing(value) else value


# ------------------------------------------------------------------------------------------------ plotly

# WCAG 2.1 AA needs 4.5:1 for text. On white: #1f2328 is 15.8:1 (titles, legend), #4b5563 is 7.6:1 (ticks).
TEXT_COLOR = "#1f2328"
MUTED_TEXT_COLOR = "#4b5563"

MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip

# plotly.js bundled in Streamlit (3.x) ships only the "en" and "en-US" locales, so the Dutch one is given
# in the config. `format` drives month/day names on date axes and the default number separators; the
# dictionary covers the texts plotly.js can still show with the modebar off (double-click hints, errors).
PLOTLY_LOCALE_NL: dict[str, Any] = {
    "moduleType": "locale",
    "name": "nl",
    "dictionary": {
        "Autoscale": "Automatisch schalen",
        "Box Select": "Rechthoek selecteren",
        "Click to enter Colorscale title": "Klik om de titel van de kleurenschaal in te vullen",
        "Click to enter Plot title": "Klik om de titel van de grafiek in te vullen",
        "Click to enter X axis title": "Klik om de titel van de X-as in te vullen",
        "Click to enter Y axis title": "Klik om de titel van de Y-as in te vullen",
        "Compare data on hover": "Gegevens vergelijken bij aanwijzen",
        "Double-click on legend to isolate one trace": "Dubbelklik op de legenda om één reeks apart te tonen",
        "Double-click to zoom back out": "Dubbelklik om weer uit te zoomen",
        "Download plot": "Grafiek downloaden",
        "Download plot as a png": "Grafiek downloaden als PNG",
        "Download plot as a PNG": "Grafiek downloaden als PNG",
        "Lasso Select": "Lasso-selectie",
        "Pan": "Verschuiven",
        "Produced with Plotly.js": "Gemaakt met Plotly.js",
        "Reset axes": "Assen herstellen",
        "Reset view": "Beeld herstellen",
        "Show closest data on hover": "Dichtstbijzijnde gegevens tonen bij aanwijzen",
        "Snapshot succeeded": "Afbeelding gemaakt",
        "Sorry, there was a problem downloading your snapshot!": "Het downloaden van de afbeelding is mislukt.",
        "Taking snapshot - this may take a few seconds": "Afbeelding maken, een ogenblik geduld",
        "Toggle Spike Lines": "Hulplijnen aan/uit",
        "Zoom": "Zoomen",
        "Zoom in": "Inzoomen",
        "Zoom out": "Uitzoomen",
        "close:": "slot:",
        "high:": "hoog:",
        "low:": "laag:",
        "open:": "open:",
        "trace": "reeks",
        "new text": "nieuwe tekst",
    },
    "format": {
        "days": ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
        "shortDays": ["zo", "ma", "di", "wo", "do", "vr", "za"],
        "months": list(MONTHS_NL),
        "shortMonths": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
        "date": "%d-%m-%Y",
        "decimal": DECIMAL,
        "thousands": THOUSANDS,
    },
}

# The modebar is off: its eight buttons were eight English tab stops per chart, and a lay reader needs none
# of them (the data is offered as a Dutch CSV beside each chart). Zooming by scroll is off too, because a
# page that scrolls must not zoom a chart the pointer happens to pass.
PLOTLY_CONFIG: dict[str, Any] = {
    "locale": "nl",
    "locales": {"nl": PLOTLY_LOCALE_NL},
    "displayModeBar": False,
    "displaylogo": False,
    "scrollZoom": False,
    "showTips": False,
}


def _set_if_unset(obj: Any, path: str, value: object) -> None:
    """Set a (dotted) figure property unless the builder chose one: its own choice is its business,
    and the browser's contrast check catches a choice that is too light."""
    head, _, rest = path.partition(".")
    if rest:
        _set_if_unset(obj[head], rest, value)
    elif obj[head] is None:
        obj[head] = value


def dutch_layout(fig: go.Figure) -> go.Figure:
    """A copy of `fig` with Dutch separators and text dark enough for 4.5:1 on white.

    Laid on the layout itself, not as a template: with theme="streamlit" (kept, so charts share the app's
    font and colours) Streamlit replaces the figure's template in the browser, but explicit layout values
    stay. Its default axis text is #808495-ish grey, 3.7:1 on white.
    """
    out = go.Figure(fig)
    layout = out.layout
    if layout.separators is None:
        layout.separators = DECIMAL + THOUSANDS  # plotly's order: decimal, then thousands
    for path in ("font.color", "title.font.color", "legend.font.color", "legend.title.font.color",
                 "hoverlabel.font.color"):
        _set_if_unset(layout, path, TEXT_COLOR)
    _set_if_unset(layout, "hoverlabel.bgcolor", "#ffffff")
    _set_if_unset(layout, "hoverlabel.bordercolor", MUTED_TEXT_COLOR)

    def axis(ax: Any) -> None:
        _set_if_unset(ax, "tickfont.color", MUTED_TEXT_COLOR)
        _set_if_unset(ax, "title.font.color", TEXT_COLOR)

    out.for_each_xaxis(axis)
    out.for_each_yaxis(axis)
    for annotation in layout.annotations:
        _set_if_unset(annotation, "font.color", TEXT_COLOR)
    for trace in out.data:
        if "colorbar" in trace and trace.colorbar is not None:  # type: ignore[operator]
            _set_if_unset(trace.colorbar, "tickfont.color", MUTED_TEXT_COLOR)
    return out


# ---------------------------------------------------------------------------------- browser-side fixes

# Exact English texts Streamlit 1.67 (BaseWeb, glide-data-grid, maplibre) renders itself, as text or as an
# accessible name, mapped to Dutch. Attribute values and whole text nodes are compared after trimming.
UI_TRANSLATIONS: dict[str, str] = {
    # app chrome
    "Skip to main content": "Naar de hoofdinhoud",
    "Sidebar": "Zijbalk",
    "App pages": "Pagina's",
    "Collapse sidebar": "Zijbalk inklappen",
    "Expand sidebar": "Zijbalk uitklappen",
    "Open sidebar": "Zijbalk openen",
    "Close sidebar": "Zijbalk sluiten",
    "Link to heading": "Link naar dit kopje",
    "Running...": "Bezig...",
    "Running": "Bezig",
    "Stop": "Stoppen",
    "Connecting": "Verbinden",
    "Please wait...": "Even geduld...",
    "Main menu": "Hoofdmenu",
    "Dismiss": "Sluiten",
    "Close": "Sluiten",
    # select / multiselect
    "Open": "Openen",
    "Choose an option": "Kies een optie",
    "Choose options": "Kies een of meer opties",
    "No results": "Geen resultaten",
    "No options to select": "Geen opties",
    "Select all": "Alles selecteren",
    "Clear all": "Alles wissen",
    "Clear value": "Wissen",
    "Clear": "Wissen",
    "Delete": "Verwijderen",
    "Remove": "Verwijderen",
    # text / number input
    "Press Enter to apply": "Druk op Enter om toe te passen",
    "Press Enter to submit form": "Druk op Enter om het formulier te versturen",
    "Increment": "Verhogen",
    "Decrement": "Verlagen",
    "Show password text": "Wachtwoord tonen",
    "Hide password text": "Wachtwoord verbergen",
    # date input
    "Choose date": "Kies een datum",
    "Previous month": "Vorige maand",
    "Use arrow keys to navigate dates. Enter to select. Escape to close.":
        "Kies een datum met de pijltjestoetsen, Enter om te selecteren, Escape om te sluiten.",
    "Next month": "Volgende maand",
    # file uploader
    "Upload": "Bestand kiezen",
    "file upload": "bestand kiezen",
    "Drag and drop file here": "Sleep een bestand hierheen",
    "Drag and drop files here": "Sleep bestanden hierheen",
    "Browse files": "Bladeren",
    "Delete file": "Bestand verwijderen",
    # st.dataframe column menu
    "Sort ascending": "Oplopend sorteren",
    "Sort descending": "Aflopend sorteren",
    "Pin column": "Kolom vastzetten",
    "Unpin column": "Kolom losmaken",
    "Hide column": "Kolom verbergen",
    "Autosize": "Breedte aanpassen",
    "Dataframe column menu": "Kolommenu",
    "Copy column name": "Kolomnaam kopiëren",
    "Statistics": "Statistieken",
    "Format": "Opmaak",
    "Automatic": "Automatisch",
    "Localized": "Landinstelling",
    "Plain": "Zonder opmaak",
    "Percent": "Procent",
    "Accounting": "Boekhouding",
    "Scientific": "Wetenschappelijk",
    "Engineering": "Technisch",
    "Count": "Aantal",
    "Distinct": "Verschillend",
    "Average": "Gemiddelde",
    "Median": "Mediaan",
    "Sum": "Som",
    "Standard deviation": "Standaardafwijking",
    "Range": "Bereik",
    "Values": "Waarden",
    "Empty": "Leeg",
    "Based on sample": "Op basis van een steekproef",
    "Average length": "Gemiddelde lengte",
    "Minimum length": "Minimale lengte",
    "Maximum length": "Maximale lengte",
    "Distribution histogram": "Verdeling",
    "Top values frequency chart": "Meest voorkomende waarden",
    "Clear selection": "Selectie wissen",
    "No data": "Geen gegevens",
    "No content": "Geen inhoud",
    "Type to search": "Typ om te zoeken",
    "Close Search": "Zoeken sluiten",
    "Next Result": "Volgend resultaat",
    "Previous Result": "Vorig resultaat",
    "Failed to export data as CSV": "Exporteren als CSV is mislukt",
    "Duration": "Duur",
    # element toolbar (tables, charts), in case a page shows it
    "Fullscreen": "Volledig scherm",
    "Close fullscreen": "Volledig scherm sluiten",
    "Exit fullscreen": "Volledig scherm sluiten",
    "Download as CSV": "Downloaden als CSV",
    "Search": "Zoeken",
    "Show/hide columns": "Kolommen tonen of verbergen",
    "empty": "leeg",
    # maps (maplibre / mapbox controls inside st.pydeck_chart)
    "Map": "Kaart",
    "Zoom In": "Inzoomen",
    "Zoom Out": "Uitzoomen",
    "Zoom in": "Inzoomen",
    "Zoom out": "Uitzoomen",
    "Reset bearing to north": "Kaart naar het noorden draaien",
    "Drag to rotate map, click to reset north": "Sleep om de kaart te draaien, klik voor het noorden",
    "Toggle attribution": "Bronvermelding tonen of verbergen",
    "Mapbox logo": "Mapbox-logo",
    "MapLibre logo": "MapLibre-logo",
    "Use ctrl + scroll to zoom the map": "Gebruik Ctrl + scrollen om in te zoomen",
    "Use two fingers to move the map": "Gebruik twee vingers om de kaart te verschuiven",
}

# Texts with a variable part: (JavaScript regular expression source, Dutch replacement with $1...).
UI_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"^1 option available\.?$", "1 optie beschikbaar."),
    (r"^(\d+) options available\.?$", "$1 opties beschikbaar."),
    (r"^Fullscreen: (.*)$", "Volledig scherm: $1"),
    (r"^Choose date, (.*)$", "Kies een datum, $1"),
    (r"^(\d+)(?:st|nd|rd|th) percentile$", "$1e percentiel"),
    (r"^(\d+) results? available\.?$", "$1 resultaten beschikbaar."),
    (r"^day, (.*)$", "dag, $1"),
    (r"^month, (.*)$", "maand, $1"),
    (r"^year, (.*)$", "jaar, $1"),
    (r"^(.*) — start$", "$1, begin"),
    (r"^(.*) — end$", "$1, eind"),
    (r"^(\d+)MB per file(.*)$", "Maximaal $1 MB per bestand$2"),
    (r"^Limit (\d+)MB per file(.*)$", "Maximaal $1 MB per bestand$2"),
    (r"^Remove (.*)$", "$1 verwijderen"),
    (r"^Delete (.*)$", "$1 verwijderen"),
)

MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# Attributes that make up an element's accessible name, tooltip or placeholder.
TRANSLATED_ATTRIBUTES = ("aria-label", "title", "placeholder", "aria-placeholder", "aria-valuetext", "data-title",
                         "alt", "aria-roledescription", "aria-description")

# Table toolbar (Download as CSV, Search, Show/hide columns, Fullscreen) and chart fullscreen buttons: hidden,
# because pages offer Dutch download buttons and the toolbar added English tab stops to every element.
# The html container of `apply()` itself is taken out of the layout so it adds no gap at the top.
CSS = """
[data-testid="stElementToolbar"] { display: none !important; }
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] .wm-dutch-ui) { display: none; }
"""

_SCRIPT_TEMPLATE = """
(() => {
  const EXACT = __EXACT__;
  const PATTERNS = __PATTERNS__.map(([re, to]) => [new RegExp(re), to]);
  const MONTHS_EN = __MONTHS_EN__;
  const MONTHS_NL = __MONTHS_NL__;
  const ATTRS = __ATTRS__;
  const MAP_CANVAS_LABEL = __MAP_CANVAS_LABEL__;
  const doc = document;
  const dutch = (value) => {
    const t = value.trim();
    if (!t) return null;
    if (Object.prototype.hasOwnProperty.call(EXACT, t)) return value.replace(t, EXACT[t]);
    for (const [re, to] of PATTERNS) if (re.test(t)) return value.replace(t, t.replace(re, to));
    // date segments: "03 – March"
    const m = t.match(/^(\\d+) – ([A-Z][a-z]+)$/);
    if (m && MONTHS_EN.includes(m[2])) return m[1] + ' – ' + MONTHS_NL[MONTHS_EN.indexOf(m[2])];
    return null;
  };
  // User content (markdown, tables, charts' own texts) is Dutch already and never rewritten: only what
  // Streamlit draws around it. Charts' svg text and the data grid canvas are skipped for speed.
  const SKIP_TEXT = '[data-testid="stMarkdownContainer"], [data-testid="stHtml"], .main-svg, [data-testid="stCode"]';
  const fixElement = (el) => {
    for (const a of ATTRS) {
      const v = el.getAttribute(a);
      if (v === null) continue;
      const nl = dutch(v);
      if (nl !== null && nl !== v) el.setAttribute(a, nl);
    }
    // The map canvas (role=region, focusable, arrow keys pan): the figure around it carries the page's
    // description, so the canvas says how to use it instead of repeating "Map".
    const cls = el.classList;
    if (cls && (cls.contains('maplibregl-canvas') || cls.contains('mapboxgl-canvas'))
        && el.getAttribute('aria-label') !== MAP_CANVAS_LABEL) {
      el.setAttribute('aria-label', MAP_CANVAS_LABEL);
    }
  };
  // ... except the file uploader's button, whose label Streamlit draws as markdown.
  const ALWAYS = '[data-testid="stFileUploaderDropzone"]';
  // st.dataframe draws its cells on a canvas; the accessible table glide-data-grid keeps beside it holds the
  // raw values ("1250000.5"), which a Dutch screen reader misreads. Give them Dutch separators.
  const RAW_NUMBER = /^(-?)(\\d+)(?:\\.(\\d+))?$/;
  const written = new WeakMap();
  const dutchNumber = (t) => {
    const m = t.match(RAW_NUMBER);
    if (!m) return null;
    const int = m[2].length > 4 ? m[2].replace(/\\B(?=(\\d{3})+(?!\\d))/g, '.') : m[2];
    return m[1] + int + (m[3] ? ',' + m[3] : '');
  };
  const fixText = (node) => {
    const p = node.parentElement;
    if (p && p.closest('[data-testid="stDataFrame"] table')) {
      if (written.get(node) === node.nodeValue) return;  // ours: "12.345" must not be read as 12,345
      const nl = dutchNumber((node.nodeValue || '').trim());
      if (nl !== null) { node.nodeValue = nl; written.set(node, nl); }
      return;
    }
    if (!p || (p.closest(SKIP_TEXT) && !p.closest(ALWAYS))) return;
    const nl = dutch(node.nodeValue || '');
    if (nl !== null && nl !== node.nodeValue) node.nodeValue = nl;
  };
  // Plotly's svg holds thousands of nodes and none of Streamlit's texts: never walked.
  const SKIP_TREE = 'svg.main-svg';
  const fixTree = (root) => {
    if (root.nodeType === Node.TEXT_NODE) { fixText(root); return; }
    if (root.nodeType !== Node.ELEMENT_NODE || root.closest(SKIP_TREE)) return;
    const tw = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.nodeType === 1 && n.matches(SKIP_TREE))
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    for (let n = root; n; n = tw.nextNode()) {
      if (n.nodeType === Node.ELEMENT_NODE) fixElement(n); else fixText(n);
    }
  };
  window.__wmDutchUiFixTree = fixTree;  // for the browser test's timing and for a manual re-run
  const setLang = () => { if (doc.documentElement.lang !== 'nl') doc.documentElement.lang = 'nl'; };
  setLang();
  if (window.__wmDutchUi) return;  // one observer per browser tab, however often the script runs
  window.__wmDutchUi = true;
  fixTree(doc.body);
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') r.addedNodes.forEach(fixTree);
      else if (r.type === 'characterData') fixText(r.target);
      else if (r.type === 'attributes') {
        if (r.target === doc.documentElement) setLang(); else fixElement(r.target);
      }
    }
  }).observe(doc.documentElement, {
    subtree: true, childList: true, characterData: true, attributes: true,
    attributeFilter: ATTRS.concat(['lang']),
  });
})();
"""

MAP_CANVAS_LABEL = "Interactieve kaart: verschuif met de pijltjestoetsen, zoom met plus en min"



def browser_script() -> str:
    """The JavaScript `apply()` runs in the page: lang="nl" and the translation observer."""
    return (
        _SCRIPT_TEMPLATE.replace("__EXACT__", json.dumps(UI_TRANSLATIONS, ensure_ascii=False))
        .replace("__PATTERNS__", json.dumps([list(p) for p in UI_PATTERNS], ensure_ascii=False))
        .replace("__MONTHS_EN__", json.dumps(list(MONTHS_EN)))
        .replace("__MONTHS_NL__", json.dumps(list(MONTHS_NL)))
        .replace("__ATTRS__", json.dumps(list(TRANSLATED_ATTRIBUTES)))
        .replace("__MAP_CANVAS_LABEL__", json.dumps(MAP_CANVAS_LABEL, ensure_ascii=False))
    )


def page_html() -> str:
    """The html `apply()` inserts: style, script and a marker the CSS uses to hide the container."""
    return f'<span class="wm-dutch-ui" hidden></span><style>{CSS}</style><script>{browser_script()}</script>'


# ------------------------------------------------------------------------------------ Streamlit wrappers

PLACEHOLDER_SELECT = "Kies een optie"
PLACEHOLDER_MULTISELECT = "Kies een of meer opties"
PLACEHOLDER_TEXT = "Typ om te zoeken"


def apply() -> None:
    """Call once per script run, before the page draws anything (`common.page.start` does)."""
    import streamlit as st

    st.html(page_html(), unsafe_allow_javascript=True)


def plotly_chart(fig: go.Figure, *, alt: str, key: str | None = None, **kwargs: Any) -> Any:
    """st.plotly_chart with the Dutch template and config, no modebar, and an accessible name."""
    import streamlit as st

    if not alt.strip():
        raise ValueError("dutch_ui.plotly_chart: alt (beschrijving voor schermlezers) is verplicht")
    config = {**PLOTLY_CONFIG, **kwargs.pop("config", {})}
    return st.plotly_chart(dutch_layout(fig), key=key, config=config, alt=alt, **kwargs)


def pydeck_chart(deck: Any, *, alt: str, **kwargs: Any) -> Any:
    """st.pydeck_chart with an accessible name; the map canvas gets the same name via `apply()`'s script."""
    import streamlit as st

    if not alt.strip():
        raise ValueError("dutch_ui.pydeck_chart: alt (beschrijving voor schermlezers) is verplicht")
    return st.pydeck_chart(deck, alt=alt, **kwargs)


# Columns that hold the database's own codes (CBS region codes, indicator ids). Product rule: codes stored in
# the DB are never shown raw, so the table on screen leaves them out; the download keeps them for analysts
# who join the file with other CBS data.
CODE_COLUMNS = frozenset({"Code"})


def shown_columns(df: pd.DataFrame, *, codes: bool = False) -> list[str]:
    """The columns a reader sees: all but CODE_COLUMNS (unless `codes`, for Over de data's catalogue)."""
    return [str(c) for c in df.columns if codes or str(c) not in CODE_COLUMNS]


def dataframe(df: pd.DataFrame, *, formats: Mapping[str, NumberFormat] | None = None, codes: bool = False,
              **kwargs: Any) -> Any:
    """st.dataframe showing Dutch numbers (sortable), MISSING for empty cells, no index, no code columns."""
    import streamlit as st

    kwargs.setdefault("hide_index", True)
    kwargs.setdefault("placeholder", MISSING)
    kwargs.setdefault("column_order", shown_columns(df, codes=codes))
    return st.dataframe(styled_table(df, formats), **kwargs)
