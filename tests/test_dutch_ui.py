"""The Dutch-UI kernel without a browser: numbers, tables, CSV, Plotly layout and the page script's tables."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from wijkmonitor.common import dutch_ui as nl

sys.path.insert(0, str(Path(__file__).parent / "browser"))
import english_strings as es  # a helper module beside the browser tests; it needs no fixtures


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        ("decimal1", 1234567.891, "1.234.567,9"),
        ("decimal1", -0.04, "0,0"),  # no "-0,0": a change that is not there
        ("integer", -1234.5, "−1.235"),  # typographic minus, half away from zero
        ("decimal1", 0.25, "0,3"),  # half up, as CBS and the GGD round, not binary/banker's 0,2
        ("percent0", 48, "48%"),
        ("euro0", 1250000.4, "€ 1.250.000"),
        ("decimal1", None, nl.MISSING),
        ("percent1", float("nan"), nl.MISSING),
    ],
)
def test_number_formatter_uses_the_kernel_format(kind: nl.NumberFormat, value: float | None,
                                                 expected: str) -> None:
    assert nl.number_formatter(kind)(value) == expected


def test_styled_table_shows_dutch_numbers_and_keeps_numeric_values() -> None:
    df = pd.DataFrame({
        "Buurt": ["Selwerd", None],
        "Inwoners": [12345, 8100],
        "Eenzaam (%)": [48.25, float("nan")],
        "Budget": [1250000.5, 480000.0],
    })  # fmt: skip
    styler = nl.styled_table(df, {"Eenzaam (%)": "percent1", "Budget": "euro"})
    shown = styler.to_string(delimiter="|").splitlines()[1:]
    assert [line.split("|")[1:] for line in shown] == [
        ["Selwerd", "12.345", "48,3%", "€ 1.250.000,50"],
        [nl.MISSING, "8.100", nl.MISSING, "€ 480.000,00"],
    ]
    # st.dataframe sorts on these, so they must stay numbers
    assert styler.data["Inwoners"].dtype.kind == "i"
    assert styler.data["Budget"].dtype.kind == "f"


def test_styled_table_names_unknown_columns() -> None:
    with pytest.raises(KeyError, match="onbekende kolommen"):
        nl.styled_table(pd.DataFrame({"a": [1]}), {"b": "integer"})


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


@pytest.mark.parametrize("colour", [nl.TEXT_COLOR, nl.MUTED_TEXT_COLOR])
def test_text_colours_reach_aa_on_white(colour: str) -> None:
    assert (1.05) / (_luminance(colour) + 0.05) >= 4.5


def test_dutch_layout_sets_unset_text_properties_only() -> None:
    fig = go.Figure(go.Bar(x=["a"], y=[1.5]))
    fig.update_layout(yaxis={"tickfont": {"color": "#000000"}}, xaxis2={"anchor": "y"})
    out = nl.dutch_layout(fig)
    assert out.layout.separators == ",."
    assert out.layout.xaxis.tickfont.color == nl.MUTED_TEXT_COLOR
    assert out.layout.xaxis2.tickfont.color == nl.MUTED_TEXT_COLOR  # every subplot axis
    assert out.layout.yaxis.tickfont.color == "#000000"  # the builder's own choice stays
    assert fig.layout.separators is None  # the caller's figure is not changed


def test_plotly_config_is_dutch_and_has_no_modebar() -> None:
    config = nl.PLOTLY_CONFIG
    assert config["locale"] == "nl" and config["displayModeBar"] is False
    fmt = config["locales"]["nl"]["format"]
    assert len(fmt["months"]) == len(fmt["shortMonths"]) == 12 and len(fmt["days"]) == 7
    assert (fmt["decimal"], fmt["thousands"]) == (",", ".")


def test_every_translation_is_caught_when_untranslated_and_passes_when_translated() -> None:
    # The browser checker must flag each English text the page script replaces, and accept its Dutch form.
    missed = [en for en in nl.UI_TRANSLATIONS if es.english_in(en) is None]
    assert missed == []
    still_english = {en: n for en, n in nl.UI_TRANSLATIONS.items() if es.english_in(n) is not None}
    assert still_english == {}


def test_patterns_translate_what_the_checker_flags() -> None:
    samples = ["3 options available.", "1 option available.", "200MB per file • CSV", "Fullscreen: Kaart",
               "25th percentile", "Choose date, maart 2024"]
    for sample in samples:
        assert es.english_in(sample) is not None, sample
        dutch = next(re.sub(p, _py(r), sample) for p, r in nl.UI_PATTERNS
                     if re.search(p, sample))
        assert es.english_in(dutch) is None, dutch


def _py(replacement: str) -> str:
    return re.sub(r"\$(\d)", r"\\\1", replacement)


def test_browser_script_embeds_valid_tables() -> None:
    script = nl.browser_script()
    assert "__" not in script.replace("__wmDutchUi", "")  # every placeholder replaced
    exact = json.loads(script.split("const EXACT = ", 1)[1].split(";\n", 1)[0])
    assert exact == nl.UI_TRANSLATIONS
    assert "documentElement.lang = 'nl'" in script


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Open data van het CBS", False),  # "Open" as a Dutch word
        ("Open", True),
        ("Kaart", False),
        ("Map", True),
        ("mrt 2024", False),
        ("Mar 2024", True),
        ("Choose an option", True),
        ("12.345 inwoners", False),
    ],
)
def test_checker_tells_english_ui_from_dutch(text: str, english: bool) -> None:
    assert (es.english_in(text) is not None) is english


@pytest.mark.parametrize(("text", "flag"), [("48.25", True), ("2.5", True), ("12.345", False), ("48,3%", False)])
def test_checker_finds_decimal_points(text: str, flag: bool) -> None:
    assert (es.decimal_point_in(text) is not None) is flag


def test_styled_table_defaults_keep_years_and_the_columns_own_decimals() -> None:
    df = pd.DataFrame({"Jaar": [2020, 2024], "Inwoners": [12345, 800], "Waarde": [12.0, 7.25],
                       "Nodig per jaar": [1.5, None]})
    shown = nl.styled_table(df).to_string(delimiter="|").splitlines()[1:]
    assert [line.split("|")[1:] for line in shown] == [
        ["2020", "12.345", "12,00", "1,5"],
        ["2024", "800", "7,25", nl.MISSING],
    ]


def test_code_columns_are_not_shown() -> None:
    df = pd.DataFrame({"Gebied": ["Selwerd"], "Code": ["BU00141000"], "Waarde": [1.0]})
    assert nl.shown_columns(df) == ["Gebied", "Waarde"]
    assert nl.shown_columns(df, codes=True) == ["Gebied", "Code", "Waarde"]


def test_build_moment_in_words_for_readers() -> None:
    from wijkmonitor.common import fmt

    assert fmt.moment_words("2026-12-01T21:08:05+00:00") == "1 december 2026 om 22:08"  # Dutch winter time
    assert fmt.moment_words("geen datum") == fmt.UNKNOWN
    assert fmt.moment("geen datum") == "geen datum"
