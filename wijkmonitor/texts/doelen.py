"""Strings of the Doelen page, the goal configuration checks and the progress status (Dutch)."""

from __future__ import annotations

# --- goals.toml checks -------------------------------------------------------------------------------
CONFIG_ERRORS = "Het doelenbestand {path} bevat {n} fout(en); pas het bestand aan:"
CONFIG_PROBLEM = "{where}, sleutel '{key}'"
CONFIG_FILE_LEVEL = "bestand"
CONFIG_MISSING_FILE = "het bestand bestaat niet"
CONFIG_BAD_TOML = "geen geldige TOML: {error}"
CONFIG_UNKNOWN_KEY = "onbekende sleutel (tikfout?)"
CONFIG_MISSING = "verplichte waarde ontbreekt"
CONFIG_NOT_TEXT = "verwacht tekst, kreeg {value!r}"
CONFIG_NOT_YEAR = "verwacht een jaartal (bijv. 2030), kreeg {value!r}"
CONFIG_NOT_NUMBER = "verwacht een getal, kreeg {value!r}"
CONFIG_NOT_BOOL = "verwacht true of false, kreeg {value!r}"
CONFIG_NOT_TABLE = "verwacht een tabel met sleutels"
CONFIG_NOT_LIST = "verwacht een lijst"
CONFIG_BAD_ID = "'{value}' is geen geldige code; gebruik kleine letters, cijfers en streepjes"
CONFIG_DUPLICATE_ID = "de code '{id}' komt twee keer voor"
CONFIG_UNKNOWN_THEME = "onbekend thema '{value}' (niet in programme.toml)"
CONFIG_UNKNOWN_INDICATOR = "onbekende indicator '{value}' (niet in indicators.toml)"
CONFIG_NOT_COMPARABLE = (
    "indicator '{value}' wordt niet met de stad vergeleken (geen percentage of gewogen gemiddelde); "
    "kies een indicator met aggregation = \"weighted_mean\""
)
CONFIG_NEUTRAL = "indicator '{value}' is neutraal (hoger is niet beter of slechter); een doel heeft een richting nodig"
CONFIG_UNKNOWN_AGE = "onbekende leeftijdsgroep '{value}'; kies uit 18plus, 18-64, 65plus of totaal"
CONFIG_AREAS_FORM = "geef \"all\" of een lijst met gebied-id's uit programme.toml"
CONFIG_UNKNOWN_AREA = "onbekend gebied '{value}' (niet in programme.toml)"
CONFIG_TARGET_BEFORE_BASELINE = "het doeljaar {target} ligt niet na het basisjaar {baseline}"
CONFIG_UNKNOWN_TARGET_TYPE = "onbekend soort doel '{value}'; kies uit value, gap_at_most of gap_factor"
CONFIG_GAP_FACTOR = "bij gap_factor is target een factor van 0 tot 1 (0,5 = kloof gehalveerd), kreeg {value}"
CONFIG_GAP_NEGATIVE = "bij gap_at_most is target een kloof van 0 of meer, kreeg {value}"
CONFIG_PARTNERS_FORM = "geef een lijst met partner-id's uit config/partners.toml"
CONFIG_UNKNOWN_PARTNER = "onbekende partner '{value}' (niet in config/partners.toml)"
CONFIG_THRESHOLDS = (
    "de drempels moeten voldoen aan 0 < at_risk < on_track; nu at_risk = {at_risk}, on_track = {on_track}"
)

# --- status -------------------------------------------------------------------------------------------
# Symbol and word together: the status never rests on colour alone.
STATUS_LABELS = {
    "doel_gehaald": "doel gehaald",
    "behouden": "goed gebleven",
    "op_koers": "op koers",
    "risico": "risico",
    "niet_op_koers": "niet op koers",
    "onvoldoende_gegevens": "onvoldoende gegevens",
}
STATUS_SYMBOLS = {
    "doel_gehaald": "★",
    "behouden": "=",
    "op_koers": "✓",
    "risico": "!",
    "niet_op_koers": "✗",
    "onvoldoende_gegevens": "?",
}
STATUS_COLOURS = {
    "doel_gehaald": "#1a7f37",
    "behouden": "#1a7f37",
    "op_koers": "#2f7d32",
    "risico": "#9a6700",
    "niet_op_koers": "#b42318",
    "onvoldoende_gegevens": "#57606a",
}
REASONS = {
    "geen_basiswaarde": "Er is geen waarde in het basisjaar {baseline_year}.",
    "alleen_basisjaar": "Er is nog alleen een meting uit het basisjaar {baseline_year}; een tweede meting is nodig.",
    "streefwaarde_gehaald": "De laatste meting ({latest_year}) haalt de streefwaarde al.",
    "weer_onder_streefwaarde": (
        "In het basisjaar {baseline_year} was dit gebied al minstens zo goed als de streefwaarde; het doel was "
        "dat zo te houden, maar in {latest_year} is het daar niet meer."
    ),
    "al_goed_gebleven": (
        "In het basisjaar {baseline_year} was dit gebied al minstens zo goed als de streefwaarde; het doel is "
        "dat zo te houden, en in {latest_year} is dat gelukt."
    ),
    "doeljaar_verstreken": "Het doeljaar {target_year} is voorbij en de streefwaarde is niet gehaald.",
    "snel_genoeg": "De vooruitgang is snel genoeg: {ratio} van het nodige tempo.",
    "te_langzaam": "De vooruitgang is te langzaam: {ratio} van het nodige tempo.",
    "veel_te_langzaam": "De vooruitgang is veel te langzaam: {ratio} van het nodige tempo.",
    "verkeerde_kant_op": "De ontwikkeling gaat de verkeerde kant op.",
}


def status_text(status: str) -> str:
    return f"{STATUS_SYMBOLS[status]} {STATUS_LABELS[status]}"


# --- targets in words ---------------------------------------------------------------------------------
TARGET_VALUE_LOWER = "{indicator} hooguit {target} in {target_year}"
TARGET_VALUE_HIGHER = "{indicator} minstens {target} in {target_year}"
TARGET_GAP_AT_MOST = "Achterstand op het stadsgemiddelde hooguit {target} in {target_year}"
TARGET_GAP_ZERO = "Achterstand op het stadsgemiddelde weggewerkt in {target_year}"
TARGET_GAP_FACTOR = "Achterstand op het stadsgemiddelde {factor} in {target_year} (ten opzichte van {baseline_year})"
GAP_FACTOR_WORDS = {0.5: "gehalveerd", 0.25: "met driekwart verkleind", 0.0: "weggewerkt"}
GAP_FACTOR_GENERIC = "teruggebracht tot {percent} van de achterstand"
BASELINE_NOTE = "basisjaar {baseline_year}"
PERCENTAGE_POINT = "procentpunt"
PERCENTAGE_POINTS_SHORT = "pp"

# --- page ---------------------------------------------------------------------------------------------
TITLE = "Doelen"
INTRO = (
    "Welke doelen heeft de maatschappelijke coalitie gesteld, wie is eigenaar, en liggen de wijken op koers? "
    "Per doel en gebied vergelijken we de vooruitgang sinds het basisjaar met de vooruitgang die nodig is om "
    "het doel op tijd te halen."
)
EXAMPLE_LABEL = "Voorbeelddoelen"
EXAMPLE_NOTE = (
    "De programmadocumenten noemen thema's en het doel 'de kloof met het stedelijk gemiddelde dichten', maar "
    "geen getallen. De streefwaarden op deze pagina zijn daarom voorbeelden ter illustratie, geen afgesproken "
    "doelen. De metingen zelf zijn echte cijfers (RIVM/GGD'en/CBS)."
)
EXAMPLE_TAG = "voorbeeldstreefwaarde"
FILTER_PARTNER = "Partner"
FILTER_THEME = "Thema"
FILTER_AREA = "Gebied"
ALL_PARTNERS = "Alle partners"
ALL_THEMES = "Alle thema's"
ALL_AREAS = "Alle gebieden"
NO_GOALS = "Geen doelen voor deze keuze. Kies een andere partner, een ander thema of een ander gebied."
UNKNOWN_GOAL = "Het doel '{goal}' uit de link bestaat niet (meer); alle doelen worden getoond."
ONE_GOAL = "U ziet één doel uit een link."
SHOW_ALL = "Alle doelen tonen"
TAB_GOALS = "Per doel"
TAB_TABLE = "Tabel"
TAB_METHOD = "Hoe bepalen we de status?"
SUMMARY = "{goals}, {pairs}: {counts}."


def goals_count(n: int) -> str:
    return "1 doel" if n == 1 else f"{n} doelen"


def pairs_count(n: int) -> str:
    return "1 combinatie van doel en gebied" if n == 1 else f"{n} combinaties van doel en gebied"

GOAL_TARGET = "**Doel:** {target}."
GOAL_INDICATOR = "**Indicator:** {indicator} ({age}); bron RIVM/GGD'en/CBS."
GOAL_PARTNERS = "**Eigenaar:** {partners}."
GOAL_THEME = "**Thema:** {theme}."
GOAL_NOTE = "**Herkomst:** {note}"
GOAL_LINK = "Link naar dit doel"
GOAL_PROFILE_LINK = "Wijkprofiel {area}"
CHART_ALT = "Grafiek bij doel '{title}': gemeten waarden, nodige koers en streefwaarde per gebied."
AREA_STATUS_LINE = "**{area}:** {status}. {reason}"
DOWNLOAD_TABLE = "Download de voortgang (CSV)"
TABLE_FILE = "wijkmonitor-doelen-voortgang"

# Chart
CHART_MEASURED = "Gemeten"
CHART_PATH = "Nodige koers"
CHART_KEEP = "Grens om vast te houden (was al goed)"
CHART_TARGET = "Streefwaarde"
CHART_CITY = "stadsgemiddelde"
CHART_Y_GAP = "Achterstand op de stad ({unit})"
CHART_Y_VALUE = "{indicator} ({unit})"
CHART_HOVER_YEAR = "jaar"

# Table columns
COL_GOAL = "Doel"
COL_AREA = "Gebied"
COL_STATUS = "Status"
COL_INDICATOR = "Indicator"
COL_AGE = "Leeftijd"
COL_MEASURE = "Gemeten grootheid"
COL_BASELINE = "Basis"
COL_BASELINE_YEAR = "Basisjaar"
COL_LATEST = "Laatste"
COL_LATEST_YEAR = "Laatste jaar"
COL_TARGET = "Streefwaarde"
COL_TARGET_YEAR = "Doeljaar"
COL_NEEDED = "Nodig per jaar"
COL_ACHIEVED = "Gehaald per jaar"
COL_RATIO = "Verhouding"
COL_EXPECTED = "Volgens koers nu"
COL_EXPLANATION = "Toelichting"
COL_PARTNERS = "Eigenaar"
COL_THEME = "Thema"
COL_EXAMPLE = "Voorbeeldstreefwaarde"
COL_LINK = "Link"
MEASURE_VALUE = "waarde"
MEASURE_GAP = "achterstand op de stad"
YES = "ja"
NO = "nee"

# --- method -------------------------------------------------------------------------------------------
METHOD_TITLE = "Hoe bepalen we de status?"


def method_text(on_track: float, at_risk: float) -> str:
    """The status method in plain Dutch, with the thresholds from goals.toml."""
    on = f"{on_track:.2f}".replace(".", ",")
    risk = f"{at_risk:.2f}".replace(".", ",")
    return f"""
Voor elk doel en elk gebied vergelijken we **de vooruitgang die is geboekt** met **de vooruitgang die nodig is**
om het doel op tijd te halen. Zo werken ook het Open SDG-platform van de Verenigde Naties en Statistics Canada.

1. **Nodig per jaar** = (streefwaarde − waarde in het basisjaar) ÷ (doeljaar − basisjaar).
2. **Gehaald per jaar** = (laatste meting − waarde in het basisjaar) ÷ (jaar van de laatste meting − basisjaar).
3. **Verhouding** = gehaald per jaar ÷ nodig per jaar. Een verhouding van 1 betekent: precies het nodige tempo.

We tellen altijd in de goede richting: bij eenzaamheid of moeite met rondkomen is *daling* vooruitgang,
bij vrijwilligerswerk of ervaren gezondheid *stijging*.

| status | wanneer |
|---|---|
| ★ doel gehaald | de laatste meting haalt de streefwaarde al |
| = goed gebleven | de streefwaarde was in het basisjaar al gehaald (kloofdoel: al even goed of beter dan de stad) \
en is dat nog steeds; dan is er geen pad om te lopen, alleen een grens om niet over te gaan |
| ✓ op koers | verhouding {on} of meer |
| ! risico | verhouding van {risk} tot {on} |
| ✗ niet op koers | verhouding onder {risk}, de ontwikkeling gaat de verkeerde kant op, of een gebied dat al \
goed was is onder de streefwaarde gezakt |
| ? onvoldoende gegevens | er is nog geen meting na het basisjaar (met één meting zeggen we niets over een tempo) |

**Doelen over de kloof met de stad.** Dan volgen we niet het percentage zelf maar de *achterstand op het
stadsgemiddelde*: het verschil tussen gebied en stad in procentpunten, zo gedraaid dat een positief getal
'slechter dan de stad' betekent. 'Kloof hooguit 2 procentpunt' betekent: achterstand 2 of minder;
'kloof gehalveerd' betekent: hooguit de helft van de achterstand in het basisjaar. Was een gebied in het
basisjaar al even goed of beter dan de stad, dan is het doel: zo blijven. Een kloofdoel kan dus ook
dichtbij komen doordat de stad verslechtert; kijk daarom ook naar de waarden zelf in de grafiek.

**Kanttekeningen.** De cijfers van RIVM/GGD'en/CBS zijn schattingen voor kleine gebieden met een
onzekerheidsmarge, en er zijn maar drie edities (2012, 2016, 2020). Een status is een signaal voor het
gesprek, geen oordeel. De drempels ({on} en {risk}) staan in config/goals.toml.
"""
NO_AREAS_IN_BUILD = (
    "Dit gegevensbestand is gebouwd voor een gemeente zonder ingestelde vernieuwingswijken, dus er gelden hier geen "
    "doelen. Doelen staan in config/goals.toml en horen bij de gemeente uit config/programme.toml."
)
UNKNOWN_FILTER = "De link vraagt om ‘{value}’, maar dat is hier geen keuze; dat filter staat nu op alles."

# --- area x goal matrix, interventions per goal, status filter (issue 11, item 4)
TAB_MATRIX = "Gebied × doel"
MATRIX_INTRO = (
    "Per gebied de status van elk doel. Kies een of meer statussen om alleen die te zien, bijvoorbeeld "
    "‘niet op koers’. Een leeg vak: het doel geldt niet voor dat gebied of heeft een andere status."
)
COL_AREA_MATRIX = "Gebied"
FILTER_STATUS = "Status"
STATUS_PLACEHOLDER = "Alle statussen"
MATRIX_NONE = "Geen gebied heeft bij deze doelen een van de gekozen statussen."
LINKED = "**{area}:** {names}"
LINKED_EXAMPLE = "voorbeelddata"
LINKED_NONE = "**{area}:** geen interventie in het register noemt deze indicator voor dit gebied."
LINKED_HEADING = "Interventies die aan dit doel werken (ze noemen de indicator en werken in het gebied):"
LINKED_PAGE = "Naar de Interventiemonitor voor {area}"
MATRIX_FILE = "doelen_gebied_x_doel"
