"""A Proefstad build whose every text from data is hostile: region names in the boundary file, area, theme,
programme and municipality names and indicator labels in the configuration, goal titles, notes and partner
names in goals.toml and partners.toml, and every text column of the three registers.

Each text carries markup that Markdown, Streamlit's extensions, HTML, plotly or a spreadsheet would act on, and
control characters that reorder or hide what the reader sees. A page is inert when all of it shows up as the
letters written (or with the control characters dropped), and none of it becomes an element.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.fixtures_build import INDICATORS, PROGRAMME, make_municipality
from tests.test_registers import good_intervention, good_log, good_result
from wijkmonitor.build import BuildOptions, build
from wijkmonitor.common.text import plain
from wijkmonitor.registers import INTERVENTIONS, PROCESS_LOG, RESULTS

# Markup a data text must never produce, each with a word that tells a failure apart from an escaped text.
BOLD = "**vetgedrukt**"
LINK = "[klik](http://x)"
COLOUR = ":red[kleur]"
LATEX = "$\\frac{1}{2}$"
IMAGE = "<img src=x onerror=alert(1)>"
TAG = "<b>tag</b>"
ANCHOR = '<a href="http://x">anker</a>'
MARKUP = (BOLD, LINK, COLOUR, LATEX, IMAGE, TAG, ANCHOR)
# Characters that must not reach the screen at all.
CONTROLS = ("\u202e", "\u2066", "\u200b", "\x00", "\x1b", "\x85", "\x07")
FORMULAS = ('=HYPERLINK("http://x")', "@SUM(A1)", "+1+1", "-2+3", "\t=1+1", "\r=1+1")


def hostile(word: str) -> str:
    """A name that is readable (`word` first) and carries every kind of markup and control character."""
    return f"{word} {BOLD} {LINK} {COLOUR} {LATEX} {IMAGE} {TAG} {ANCHOR} \u202e{word}\u202c \x00\x1b[31m\x07"


def toml_text(text: str) -> str:
    """A TOML basic string for `text`: control characters as \\u escapes (TOML forbids them raw)."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


NAMES = {
    "gemeente": hostile("Proefstad"),
    "theme": hostile("Meedoen"),
    "programme": hostile("Wijkvernieuwing"),
    "area_noord": hostile("Noord"),
    "area_zuid": '=HYPERLINK("http://x") Zuid',
    "label_eenzaam": hostile("Eenzaam"),
    "buurt_1": hostile("Noord-Oost"),
    "buurt_2": "@SUM(A1) Noord-West",
    "buurt_3": "-2+3 Zuid \u202eZuid",
    "goal_title": hostile("Doel"),
    "goal_note": hostile("Notitie"),
    "partner": hostile("Partner"),
    "intervention": hostile("Interventie"),
    "description": hostile("Beschrijving"),
    "lead_partner": '=HYPERLINK("http://x") Trekker',
    "partners": hostile("Partner A") + ";" + "+1+1 Partner B",
    "actielijn": hostile("Actielijn"),
    "measure": hostile("Maat"),
    "result_source": "@SUM(A1) bron",
    "raised": hostile("Opgehaald"),
    "action": hostile("Actie"),
    "lessons": hostile("Les"),
}


def _programme() -> str:
    text = PROGRAMME
    for old, key in (('name = "Proefstad"', "gemeente"), ('name = "Maatschappelijk meedoen"', "theme"),
                     ('name = "Wijkvernieuwing"', "programme"), ('name = "Noord"', "area_noord"),
                     ('name = "Zuid"', "area_zuid")):
        assert old in text, old
        text = text.replace(old, f"name = {toml_text(NAMES[key])}")
    return text


def _indicators() -> str:
    return INDICATORS.replace('label = "Eenzaam"', f"label = {toml_text(NAMES['label_eenzaam'])}")


def _goals() -> str:
    return f"""
[status]
on_track = 0.95
at_risk = 0.6

[[partners]]
id = "partner"
name = {toml_text(NAMES["partner"])}
kind = "gemeente"

[[goals]]
id = "eenzaamheid-noord"
title = {toml_text(NAMES["goal_title"])}
theme = "meedoen"
indicator = "Eenzaam"
age_group = "18plus"
areas = ["noord"]
baseline_year = 2016
target_year = 2030
target_type = "gap_at_most"
target = 0
partners = ["partner"]
example = true
note = {toml_text(NAMES["goal_note"])}
"""


def _partners() -> str:
    # The register names this partner twice (its hostile first name arrives without control characters), so
    # the build links it and Mijn organisatie shows its hostile name.
    return f"""
[[partners]]
id = "partner"
name = {toml_text(NAMES["partner"])}
kind = "gemeente"
register_names = [{toml_text(plain(NAMES["partners"].split(";")[0]))}, "+1+1 Partner B"]
"""


def _write(path: Path, header: tuple[str, ...] | list[str], row: dict[str, str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerow([row.get(name, "") for name in header])


def _registers(folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    rows = {
        INTERVENTIONS: good_intervention(
            id="wijkbedrijf-noord", areas="noord", theme="meedoen", programmes="wijkvernieuwing",
            goal_indicators="Eenzaam", name=NAMES["intervention"], description=NAMES["description"],
            lead_partner=NAMES["lead_partner"], partners=NAMES["partners"], actielijn=NAMES["actielijn"]),
        RESULTS: good_result(intervention_id="wijkbedrijf-noord", measure=NAMES["measure"],
                             source=NAMES["result_source"]),
        PROCESS_LOG: good_log(area="noord", decision_or_intervention_id="wijkbedrijf-noord", raised=NAMES["raised"],
                              action=NAMES["action"], lessons=NAMES["lessons"]),
    }
    lines = ["[registers]"]
    for key, sheet in (("interventions", INTERVENTIONS), ("results", RESULTS), ("process_log", PROCESS_LOG)):
        path = folder / f"{sheet.sheet}.csv"
        _write(path, sheet.names, rows[sheet])
        lines.append(f'{key} = "{path}"')
    return "\n".join(lines) + "\n"


def make_hostile(root: Path) -> tuple[Path, Path]:
    """Write and build hostile Proefstad under `root`; returns the database file and the config folder (its
    goals.toml is what the Doelen page reads)."""
    config_dir, boundaries, source = make_municipality(root, programme=_programme(), indicators=_indicators())
    (config_dir / "goals.toml").write_text(_goals(), encoding="utf-8")
    (config_dir / "partners.toml").write_text(_partners(), encoding="utf-8")
    (config_dir / "registers.toml").write_text(_registers(config_dir / "registers"), encoding="utf-8")
    geo = source / "geo" / "proefstad_buurt_2022.geojson"
    data = json.loads(geo.read_text(encoding="utf-8"))
    for feature, key in zip(data["features"], ("buurt_1", "buurt_2", "buurt_3"), strict=True):
        feature["properties"]["statnaam"] = NAMES[key]
    geo.write_text(json.dumps(data), encoding="utf-8")
    db = root / "hostile.duckdb"
    build(BuildOptions(source=str(source), db=db, config_dir=config_dir, boundaries=boundaries, workers=1),
          progress=lambda _line: None)
    return db, config_dir
