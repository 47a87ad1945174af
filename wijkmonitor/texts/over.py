"""Strings of the Over de data page (Dutch)."""

from __future__ import annotations

TITLE = "Over de data"
INTRO = (
    "Waar de cijfers vandaan komen, wat ze betekenen en hoe het dashboard ermee rekent: de indicatoren met hun "
    "definitie en bron, welke jaren er per niveau zijn, wanneer en uit welke bestanden de gegevens zijn "
    "gebouwd, en hoe kloof, weging en status worden berekend."
)
TAB_CATALOGUE = "Indicatoren"
TAB_EDITIONS = "Edities per niveau"
TAB_METHODS = "Berekeningen"
TAB_BUILD = "Bouw en bronnen"
W_TAB = "Onderdeel"
TAB_UNKNOWN = "De link vraagt om het onderdeel ‘{value}’, maar dat heeft deze pagina niet. Getoond: {fallback}."
THEME_UNKNOWN = "De link vraagt om het thema ‘{value}’, maar dat staat niet in de catalogus. Getoond: alle thema's."

# Catalogue
CATALOGUE_HELP = (
    "Alle indicatoren met cijfers in deze versie. **Richting** zegt wat beter is; bij neutrale indicatoren "
    "(zoals samenstelling van de bevolking) geeft het dashboard geen oordeel."
)
FILTER_THEME = "Thema"
ALL_THEMES = "Alle thema's"
POLARITY = {
    "higher_better": "hoger is beter",
    "lower_better": "lager is beter",
    "neutral": "neutraal (geen oordeel)",
}
AGGREGATION = {
    "weighted_mean": "gewogen gemiddelde van de buurten; vergeleken met de stad",
    "sum": "som van de buurten",
    "none": "niet samengevoegd",
}
COL_THEME = "Thema"
COL_INDICATOR = "Indicator"
COL_CODE = "Code"
COL_UNIT = "Eenheid"
COL_POLARITY = "Richting"
COL_AGGREGATION = "Voor gebieden"
COL_DEFINITION = "Definitie"
COL_SOURCE = "Bron"
COL_LICENCE = "Licentie en bronvermelding"
COL_AGES = "Leeftijdsgroepen"
COL_YEARS = "Jaren"
COL_AGE = "Leeftijd"
COL_GEMEENTE = "Gemeente"
COL_WIJK = "Wijken"
COL_BUURT = "Buurten"
COL_AREA = "Wijkvernieuwingsgebieden"
UNITS_IN_LATEST = "{years} ({n} in {latest})"
DOWNLOAD_CATALOGUE = "Download de indicatorenlijst (CSV)"
DOWNLOAD_EDITIONS = "Download de edities (CSV)"
DOWNLOAD_SOURCES = "Download de bronnenlijst (CSV)"
CATALOGUE_FILE = "wijkmonitor-indicatoren"
ATTRIBUTION_TITLE = "Bronvermelding"
ATTRIBUTION_HELP = "Wie deze cijfers overneemt, vermeldt de bron zo:"

# Editions
EDITIONS_HELP = (
    "Per indicator en leeftijdsgroep de jaren met cijfers, per niveau. Tussen haakjes: voor hoeveel wijken, "
    "buurten of gebieden er in het laatste jaar een cijfer is. RIVM-cijfers gebruiken de wijk- en "
    "buurtindeling van 2020; de 18-64-editie van 2020 ontbreekt in de bron."
)
BOUNDARIES_TITLE = "Grenzen"
BOUNDARIES_HELP = (
    "Grenzen van CBS/PDOK (gegeneraliseerde wijk- en buurtkaart). Tussen haakjes het aantal vlakken. Kaarten "
    "tekenen de grenzen van het kaartjaar; wijkvernieuwingsgebieden zijn sets buurten volgens de indeling van "
    "dat jaar."
)
LEVELS = {"gemeente": "Gemeente", "wijk": "Wijken", "buurt": "Buurten"}
COL_LEVEL = "Niveau"
COL_BOUNDARY_YEARS = "Jaren (aantal vlakken)"
COL_MAP_YEAR = "Kaartjaar"

# Build
BUILD_TITLE = "Deze versie van de gegevens"
ACCESS_TITLE = "Wie ziet wat"
BUILD_FACTS = (
    ("Gebouwd op", "{built_at}"),
    ("Wijkmonitor-versie", "{version}"),
    ("Opbouw (schema)", "versie {schema}"),
    ("Gemeente", "{gemeente} ({code})"),
    ("Bronmap", "{source}"),
    ("Weging", "{weight}"),
    ("Marge voor 'gelijk'", "{tolerance} procentpunt"),
)
SOURCES_TITLE = "Gelezen bestanden"
SOURCES_HELP = (
    "Elk bestand met zijn SHA-256-controlegetal: wie hetzelfde bestand heeft, krijgt hetzelfde getal. Rijen "
    "en waarden zijn wat de bouw eruit las (grenzen tellen als vlakken, niet als rijen)."
)
COL_SOURCE_ID = "Bron"
COL_ADAPTER = "Soort"
# The build's reader of each file, in words (the configuration names them "csvtable", "statline", ...).
ADAPTER_NAMES = {
    "statline": "CBS StatLine-tabel",
    "longcsv": "tabel, één waarde per regel",
    "kwbmap": "CBS Kerncijfers wijken en buurten",
    "csvtable": "tabel",
    "wide": "tabel, één kolom per indicator",
    "boundaries": "kaartgrenzen",
}
COL_PATH = "Bestand"
COL_SHA = "SHA-256"
COL_ROWS = "Rijen"
COL_VALUES = "Waarden"
REBUILD = (
    "Nieuwe cijfers? Bouw het bestand opnieuw met `wijkmonitor build`; het dashboard leest de nieuwe versie "
    "vanzelf."
)

# Methods
WEIGHTING_TITLE = "Weging van wijkvernieuwingsgebieden"
COL_AREA_NAME = "Gebied"
COL_MEMBERS = "Buurten"
COL_METHOD = "Berekening"
COL_WEIGHT_YEARS = "Weegjaar inwoners"
METHOD_WEIGHTED = "gewogen naar inwoners"
METHOD_UNWEIGHTED = "ongewogen gemiddelde (geen inwonertal per buurt)"
METHOD_MIXED = "deels gewogen, deels ongewogen"
UNWEIGHTED_WARNING = "Let op: {areas} krijgt een ongewogen gemiddelde. Grote en kleine buurten tellen daar even zwaar."
STATUS_TITLE = "Status van doelen"


def methods_text(tolerance: str, weight_indicator: str) -> str:
    """Gaps and weighting in plain Dutch; the tolerance and weight come from the build."""
    return f"""
### De kloof met de stad

Het doel van de wijkvernieuwing is **de kloof met het stedelijk gemiddelde dichten**. Voor elke buurt, wijk en
elk wijkvernieuwingsgebied vergelijken we een indicator met de hele gemeente in hetzelfde jaar:

* **Verschil** = waarde van het gebied − waarde van de gemeente. Bij percentages is dat in *procentpunten*:
  56,7% tegen 48,6% is een verschil van 8,1 procentpunt (niet 8,1%).
* **Achterstand** = hetzelfde verschil, zo gedraaid dat een positief getal *slechter dan de stad* betekent.
  Bij eenzaamheid (lager is beter) is 8,1 procentpunt meer eenzamen een achterstand van +8,1; bij
  vrijwilligerswerk (hoger is beter) is 2,9 procentpunt minder vrijwilligers een achterstand van +2,9.
  Neutrale indicatoren krijgen geen achterstand en geen oordeel.
* **Beter / slechter / gelijk**: een verschil kleiner dan {tolerance} procentpunt heet *gelijk*. De
  RIVM-cijfers zijn schattingen voor kleine gebieden met een marge, geen tellingen.
* **Vooruit of achteruit ten opzichte van de stad** (▲ / ▼ / =, op elke pagina dezelfde betekenis): of het
  gebied zich sinds de vorige meting gunstiger (▲) of ongunstiger (▼) ontwikkelde dan de stad, met dezelfde marge.
* **Kloof**: alleen waar een gebied slechter scoort dan de stad. *Kloof kleiner* of *groter* zegt wat er met
  die achterstand gebeurde; *kloof gesloten* betekent dat het gebied eerst slechter scoorde en nu niet meer. Een
  gebied dat beter scoort dan de stad heeft geen kloof: krimpt zijn voorsprong, dan is het achteruitgegaan.
* **Kleine buurt**: een buurt met minder inwoners dan de drempel in de configuratie (100) wordt nooit bij naam
  genoemd in rangschikkingen en zinnen, en heet in tabellen en op de kaart "kleine buurt".
* **Geen cijfer**: *niet gepubliceerd / geheim* (de bron geeft "." of "x"), *niet gemeten in dat jaar* (de
  indicator zat niet in die editie) of *grens gewijzigd* (de code bestond niet in de indeling van dat jaar).
* **Ontwikkelkompas** (wijkprofiel): de verandering van het gebied sinds de vorige meting, naast de
  verandering van de stad in dezelfde periode: ▲ vooruit of ▼ achteruit ten opzichte van de stad; binnen de
  marge gelijk.

### Van buurten naar een wijkvernieuwingsgebied

Een wijkvernieuwingsgebied is een set CBS-buurten (config/programme.toml). Percentages van het gebied zijn
een **gewogen gemiddelde** van de buurten: een buurt met twee keer zoveel inwoners telt twee keer zo zwaar.
Het gewicht is het aantal inwoners (`{weight_indicator}`) uit het jaar dat het dichtst bij het meetjaar ligt
en waarin álle buurten van het gebied een inwonertal hebben (CBS Wijk- en buurtkaart 2017, CBS 85984NED
2024). Ten Boer hoort pas sinds 2019 bij de gemeente Groningen en staat niet op de kaart van 2017; het krijgt
daarom de inwoners van 2024 als gewicht. Is er geen enkel jaar met een inwonertal voor elke buurt, dan nemen
we het **ongewogen** gemiddelde en zeggen dat erbij. Aantallen (zoals inwoners) worden alleen opgeteld als
elke buurt een waarde heeft. Ontbreekt een buurt voor een indicator,
dan is het gemiddelde berekend over de buurten die wel een waarde hebben.

### Cijfers per 1.000 inwoners en bronnen die er alleen per wijk zijn

* **Per 1.000 inwoners** (zoals geregistreerde misdrijven): de som van de tellingen gedeeld door de som van
  de inwoners van dezelfde buurten, maal 1.000; voor buurten, wijken, gebieden en de stad op dezelfde manier.
  Bij elk cijfer staat welk inwonertal (en van welk jaar) de noemer is.
* **Alleen per wijk** (de Leefbaarometer): een gebied krijgt alleen een waarde als zijn buurten samen hele
  wijken zijn; anders zegt de pagina waarom niet. Heeft de bron geen cijfer voor de gemeente, dan is het
  cijfer van de stad **berekend uit de wijken** (gewogen met inwoners) en staat dat overal bij.
"""

# --- coverage per theme and goal (issue 10) ------------------------------------------------------------------
TAB_COVERAGE = "Dekking per thema en doel"
COVERAGE_HELP = (
    "Per thema van het programma en per doel: welke indicatoren er zijn, voor welke jaren en niveaus, en de "
    "nieuwste editie. Een thema of doel zonder cijfers staat er ook, met de bronnen die het zouden vullen."
)
COVERAGE_THEMES_TITLE = "Per thema"
COVERAGE_GOALS_TITLE = "Per doel"
COL_GOAL = "Doel"
COL_LEVELS = "Niveaus"
COL_NEWEST = "Nieuwste editie"
COL_HAS_FIGURES = "Cijfers"
COL_MISSING = "Ontbreekt / bronnen die het zouden vullen"
COL_NPLV = "NPLV-thema"
HAS_FIGURES = {True: "ja", False: "nee"}
LEVEL_WORDS = {"buurt": "buurt", "wijk": "wijk", "gemeente": "gemeente", "area": "gebied"}
NO_COVERAGE = "Dit bestand heeft geen dekkingstabel; bouw het opnieuw met `wijkmonitor build`."
DOWNLOAD_COVERAGE = "Download de dekking per thema (CSV)"

# Where the programme facts come from, in plain words (cards and notes elsewhere no longer cite document numbers).
PROGRAMME_SOURCES_TITLE = "Waar komen de programmagegevens vandaan?"
PROGRAMME_SOURCES = (
    "De thema's, budgetten, doelen en partners van de wijkvernieuwing zijn overgenomen uit de documenten van de "
    "gemeente Groningen en het Nationaal Programma Leefbaarheid en Veiligheid (NPLV) Groningen-Noord: de "
    "begroting en jaarrekening (paragraaf wijkvernieuwing), de presentatie ‘Wijkvernieuwing op z’n Gronings’, "
    "het programmaplan Groningen-Noord en de gespreksnotitie voor de gemeenteraad uit 2016. Waar een document "
    "geen bedrag of streefwaarde noemt, staat dat er zo bij; de doelen met streefwaarden zijn voorbeelden "
    "(‘Voorbeelddata’)."
)
