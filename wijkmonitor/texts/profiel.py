"""Strings of the Wijkprofiel page, its downloads and its print version (Dutch)."""

from __future__ import annotations

TITLE = "Wijkprofiel"
INTRO = (
    "Alle indicatoren van één buurt, wijk of wijkvernieuwingsgebied naast het stedelijk gemiddelde, gegroepeerd "
    "per thema, met het **ontwikkelkompas**: is het gebied sinds de vorige meting beter of slechter "
    "ontwikkeld dan de stad? Net als het wijkkompas van de gemeente."
)
CHOOSE_UNIT = "Gebied"
CHOOSE_AGE = "Leeftijdsgroep"
UNIT_KIND = {
    "area": "Wijkvernieuwingsgebied",
    "programmagebied": "Programmagebied",
    "wijk": "Wijk",
    "buurt": "Buurt",
}
UNIT_OPTION = "{kind}: {name}"
UNIT_OPTION_WITH_PARENT = "{kind}: {name} ({parent})"
UNKNOWN_UNIT = "Het gebied '{value}' uit de link bestaat niet of heeft geen cijfers; {default} wordt getoond."
NO_UNITS = "Er zijn geen gebieden met cijfers die met de stad te vergelijken zijn."
HEADER = "{name}"
SUBHEADER = "{kind} · {age} · vergeleken met {city}"
DATA_VERSION = "Cijfers bijgewerkt op {built_at}."
# A downloaded profile travels without the app: it names the program version that made it.
EXPORT_VERSION = "Gemaakt met Wijkmonitor {version}."
SUMMARY = (
    "Op {n} indicatoren is {name} **{worse} keer slechter**, **{better} keer beter** en {equal} keer gelijk "
    "aan het stedelijk gemiddelde (verschil kleiner dan {tolerance} {unit}); {neutral} indicatoren krijgen "
    "geen oordeel."
)
METHOD_WEIGHTED = (
    "De waarden van dit gebied zijn een gewogen gemiddelde van {n} buurten, gewogen naar het aantal inwoners "
    "({weight_years})."
)
METHOD_WEIGHTED_PARTIAL = (
    "{used} van de {n} buurten {verb} gegevens: de waarden van dit gebied zijn een gewogen gemiddelde van die "
    "buurten, gewogen naar het aantal inwoners ({weight_years})."
)
METHOD_UNWEIGHTED = (
    "Let op: de waarden van {name} zijn een **ongewogen** gemiddelde van {n} buurten, omdat er geen inwonertal "
    "per buurt beschikbaar is. Grote en kleine buurten tellen even zwaar."
)
MEMBERS_MISSING = (
    "Voor sommige indicatoren ontbreken buurten: dan is het gemiddelde berekend over de buurten met een waarde."
)

SECTION_COMPARE = "Vergeleken met de stad"
SECTION_COMPARE_HELP = (
    "Per indicator de waarde van het gebied (gekleurde vorm) en van de hele gemeente (zwart streepje). Vorm en "
    "woord zeggen of het gebied beter of slechter scoort; de kleur alleen is nooit de boodschap."
)
SECTION_COMPASS = "Ontwikkelkompas"
SECTION_COMPASS_HELP = (
    "Per indicator de verandering van het gebied sinds de vorige meting, naast de verandering van de stad in "
    "dezelfde periode. **Beter** betekent: het gebied ontwikkelde zich gunstiger dan de stad (bijvoorbeeld "
    "eenzaamheid steeg minder hard), **slechter**: ongunstiger. Verschillen kleiner dan {tolerance} "
    "{unit} heten gelijk: de cijfers zijn schattingen met een marge."
)
COMPASS_SUMMARY = (
    "Sinds de vorige meting ontwikkelde {name} zich op {better} indicatoren beter en op {worse} slechter dan de "
    "stad; {equal} gelijk."
)
COMPASS_NONE = "Voor deze leeftijdsgroep is er geen eerdere meting om mee te vergelijken."
SECTION_CONTEXT = "Kerncijfers"
SECTION_CONTEXT_HELP = (
    "Aantallen, oppervlakten en percentages waarvoor geen stadscijfer in de bronnen staat (zoals de CBS-kaart "
    "van 2017): niet vergeleken met de stad, wel met het jaar van de meting."
)
SECTION_REGISTERS = "Interventies en procesactiviteiten"
REGISTERS_HELP = (
    "Wat er in dit gebied loopt, uit het interventieregister en het proceslogboek. Ook interventies voor een "
    "groter gebied waar dit gebied bij hoort (zoals Groningen-Noord) staan erbij."
)
NO_REGISTERS = "Dit gegevensbestand bevat (nog) geen interventieregister of proceslogboek."
NO_INTERVENTIONS = "Geen interventies geregistreerd voor dit gebied."
NO_PROCESS = "Geen procesactiviteiten geregistreerd voor dit gebied."
INTERVENTIONS = "Interventies"
PROCESS = "Procesactiviteiten"
EXAMPLE_INTERVENTIONS = (
    "Rijen met 'ja' in de kolom Voorbeelddata zijn illustratief: bedragen, datums en bereik zijn geen echte "
    "cijfers."
)
SECTION_DOWNLOADS = "Downloaden en afdrukken"
DOWNLOAD_HTML = "Profiel als HTML-bestand"
DOWNLOAD_CSV = "Alle cijfers (CSV)"
DOWNLOAD_XLSX = "Alle cijfers (Excel)"
PRINT_HINT = (
    "Afdrukken of als PDF bewaren: gebruik de afdrukfunctie van de browser (Ctrl+P of Cmd+P). Menu, knoppen en "
    "keuzelijsten vallen dan weg en de grafieken passen op A4."
)
FILE_STEM = "wijkprofiel-{code}"
SOURCES = (
    "Bronnen: RIVM/GGD'en/CBS, Gezondheidsmonitor Volwassenen en Ouderen (kleine-gebiedsschattingen, "
    "StatLine 50090NED, wijk- en buurtindeling 2020); CBS Kerncijfers wijken en buurten en CBS/PDOK "
    "Wijk- en buurtkaart (CC BY 4.0). Zie de pagina Over de data."
)

# Positions against the city and the ontwikkelkompas: symbol and word, never colour alone.
POSITION = {
    "beter": ("▲", "beter dan de stad"),
    "slechter": ("▼", "slechter dan de stad"),
    "gelijk": ("=", "gelijk aan de stad"),
    "neutraal": ("○", "geen oordeel"),
}
POSITION_COLOURS = {"beter": "#2166ac", "slechter": "#b35806", "gelijk": "#57606a", "neutraal": "#8c959f"}
POSITION_MARKERS = {"beter": "triangle-up", "slechter": "triangle-down", "gelijk": "square", "neutraal": "circle-open"}
# The one arrow meaning of every page (common.verdict): ▲ forward relative to the city, ▼ back.
COMPASS = {
    "verbeterd": ("▲", "vooruit t.o.v. de stad"),
    "verslechterd": ("▼", "achteruit t.o.v. de stad"),
    "gelijk": ("=", "gelijk gebleven t.o.v. de stad"),
    "neutraal": ("○", "geen oordeel"),
}


def position_text(position: str | None) -> str:
    if position not in POSITION:
        return ""
    symbol, word = POSITION[position]
    return f"{symbol} {word}"


def compass_text(judgement: str | None) -> str:
    if judgement not in COMPASS:
        return ""
    symbol, word = COMPASS[judgement]
    return f"{symbol} {word}"


# Chart
CHART_CITY = "{city} (stad)"
CHART_ALT = "Puntgrafiek thema {theme}: waarden van {name} naast het stedelijk gemiddelde per indicator."
CHART_X = "Percentage"

# Table columns
COL_INDICATOR = "Indicator"
COL_AGE = "Leeftijd"
COL_YEAR = "Jaar"
COL_CITY = "Stad"
COL_GAP = "Verschil"
COL_POSITION = "Ten opzichte van de stad"
COL_PERIOD = "Periode"
COL_CHANGE = "Verandering {name}"
COL_CITY_CHANGE = "Verandering stad"
COL_RELATIVE = "Verschil in ontwikkeling"
COL_DEVELOPMENT = "Ontwikkeling"
COL_VALUE = "Waarde"
COL_THEME = "Thema"
COL_UNIT = "Eenheid"
COL_PREV_YEAR = "Vorig jaar"
COL_PREV_VALUE = "Vorige waarde"
COL_PREV_CITY = "Vorige waarde stad"
COL_METHOD = "Berekening"
COL_CODE = "Code"
COL_SOURCE = "Bron"
COL_NAME = "Naam"
COL_STATUS = "Status"
COL_LEAD = "Trekker"
COL_AREAS = "Gebieden"
COL_START = "Start"
COL_END = "Einde"
COL_BUDGET = "Budget (euro)"
COL_EXAMPLE = "Voorbeelddata"
COL_DATE = "Datum"
COL_ACTIVITY = "Soort activiteit"
COL_PARTICIPANTS = "Deelnemers"
COL_REACHED = "Bewoners bereikt"
COL_LIVED = "Ervaringsdeskundigen"
COL_RAISED = "Ingebracht"
COL_ACTION = "Actie"
COL_ACTION_STATUS = "Status actie"
YES = "ja"
NO = "nee"
PERIOD = "{prev}–{year}"
NO_PREVIOUS = "geen eerdere meting"

# Export
SHEET_COMPARE = "Vergelijking met de stad"
SHEET_COMPASS = "Ontwikkelkompas"
SHEET_CONTEXT = "Kerncijfers"
SHEET_INTERVENTIONS = "Interventies"
SHEET_PROCESS = "Procesactiviteiten"
SHEET_ABOUT = "Over dit profiel"
ABOUT_ROWS = (
    ("Gebied", "{name} ({code})"),
    ("Soort gebied", "{kind}"),
    ("Gegevens gebouwd op", "{built_at}"),
    ("Wijkmonitor-versie", "{version}"),
    ("Leeftijdsgroepen", "alle leeftijdsgroepen met cijfers (op het scherm één tegelijk)"),
    ("Bronnen", "{sources}"),
)
HTML_TITLE = "Wijkprofiel {name}"
HTML_GENERATED = "Gemaakt met Wijkmonitor {version}. Gegevens gebouwd op {built_at}."

WIJK_ONLY_WHY = "Geen cijfers van de Leefbaarometer voor dit gebied: {note}"
CITY_COMPUTED_NOTE = (
    "Heeft een bron geen cijfer voor de gemeente (zoals de Leefbaarometer), dan is het stadscijfer berekend uit "
    "de wijken, gewogen met inwoners; cijfers per 1.000 inwoners zijn voor de stad berekend uit de buurten."
)
