"""Dutch strings of the Programma-overzicht and the Gebiedsmonitor (templates use str.format fields)."""

# --- units and numbers
PERCENT_POINT = "procentpunt"
CITY = "de stad"

# --- words for the gap, its position and its change (values of gaps.position / trend / judgement)
POSITION_WORDS = {
    "slechter": "slechter dan de stad",
    "beter": "beter dan de stad",
    "gelijk": "ongeveer gelijk aan de stad",
    "neutraal": "",
}
TREND_SYMBOL = {"kleiner": "▼", "groter": "▲", "gelijk": "="}
TREND_WORDS = {
    "kleiner": "kleiner geworden",
    "groter": "groter geworden",
    "gelijk": "ongeveer gelijk gebleven",
}
TREND_SHORT = {"kleiner": "kloof kleiner", "groter": "kloof groter", "gelijk": "kloof gelijk"}
JUDGEMENT_WORDS = {"verbeterd": "verbeterd", "verslechterd": "verslechterd", "gelijk": "gelijk", "neutraal": ""}
NO_PREVIOUS_SHORT = "geen eerdere meting"
HIGHER = "hoger"
DIRECTION_WORSE = "slechter"
DIRECTION_BETTER = "beter"
DIRECTION_EQUAL = "gelijk"
LOWER = "lager"

# --- sentences (sentences.py)
S_NOW = "In {name} is {value} {label}, in de stad {city}"
S_NOW_OTHER_UNIT = "In {name} is {label} {value}, in de stad {city}"
S_GAP_WORSE = ": een kloof van {gap} (slechter dan de stad)."
S_GAP_BETTER = ": {gap} beter dan de stad."
S_GAP_EQUAL = ": ongeveer gelijk aan de stad (verschil {gap})."
S_GAP_NEUTRAL = ": {gap} {direction} dan de stad."
S_GAP_ZERO = ": precies gelijk aan de stad."
S_PREV_DIFF = " In {year} was {name} {gap} {direction} dan de stad"
S_PREV_EQUAL = " In {year} was {name} ongeveer gelijk aan de stad (verschil {gap})"
S_PREV_ZERO = " In {year} was {name} precies gelijk aan de stad."
# The move since the previous edition (gaps.judgement) and what happened to a kloof (gaps.kloof).
S_MOVED = {
    "verbeterd": "; {name} is dus {movement}",
    "verslechterd": "; {name} is dus {movement}",
    "gelijk": "; {name} is dus {movement}",
}
S_KLOOF = {
    "kleiner": ": de kloof is kleiner geworden.",
    "groter": ": de kloof is groter geworden.",
    "gelijk": ": de kloof is ongeveer even groot gebleven.",
    "gesloten": ": de kloof van toen is gesloten.",
    "ontstaan": ": er is een kloof ontstaan.",
}
S_NO_PREVIOUS = " Er is geen eerdere meting om mee te vergelijken."
S_MISSING_VALUE = "Voor {name} zijn er in {year} geen gegevens over ‘{label}’ (in de stad: {city})."
S_MISSING_VALUE_NO_CITY = "Voor {name} en voor de stad zijn er in {year} geen gegevens over ‘{label}’."
S_MISSING_CITY = "In {name} is {value} {label}; voor de stad is er in {year} geen cijfer, dus geen kloof."
NOUN_GAP = "de kloof"
NOUN_DIFF = "het verschil"

# --- how an area value was made
METHOD_WEIGHTED = "Gewogen gemiddelde van de buurten (gewogen met {weight} {weight_year})"
METHOD_UNWEIGHTED = "Ongewogen gemiddelde van de buurten (er zijn geen inwonertallen per buurt)"
METHOD_MEMBERS = "; {used} van de {members} buurten {verb} gegevens."
METHOD_ALL_MEMBERS = "; alle {members} buurten hebben gegevens."
METHOD_ONE_MEMBER = "; het gebied is één buurt."
WEIGHT_LABELS = {"AantalInwoners": "inwoners"}
REGION_VALUE = "Cijfer van het CBS/RIVM voor deze {level} zelf."

# --- map sentence and legend
S_MAP = "{where} ({level_plural}, {year}): {worse} slechter dan de stad, {better} beter en {equal} ongeveer gelijk."
S_MAP_NEUTRAL = "{where} ({level_plural}, {year}): {higher} hoger dan de stad, {lower} lager en {equal} gelijk."
S_WHERE_MAP = "Op de kaart"
S_WHERE_TABLE = "In de tabel"
S_MAP_SMALL = " {count} met heel weinig inwoners worden niet bij naam genoemd (kleine buurt)."
S_MAP_SMALL_MIN = " {count} met minder dan {min} inwoners worden niet bij naam genoemd (kleine buurt)."
S_MAP_MISSING = " Voor {missing} zijn er geen gegevens (grijs)."
S_MAP_EXTREMES = " Het grootste verschil in het nadeel: {name} ({value}, {gap} slechter dan de stad)."
S_MAP_NO_SHAPE = (
    " {count} met gegevens staan niet op de kaart: hun code komt niet voor in de grenzen van {year}; ze staan "
    "wel in de tabel."
)
LEVEL_SINGULAR = {"buurt": "buurt", "wijk": "wijk", "area": "wijkvernieuwingsgebied", "gemeente": "gemeente"}
LEVEL_PLURAL = {"buurt": "buurten", "wijk": "wijken", "area": "wijkvernieuwingsgebieden", "gemeente": "gemeenten"}
LEGEND_TITLE = "Verschil met de stad ({city})"
LEGEND_TITLE_NEUTRAL = "Waarde (stad: {city})"
LEGEND_WORSE = "{low} tot {high} slechter"
LEGEND_WORSE_OPEN = "{low} of meer slechter"
LEGEND_BETTER = "{low} tot {high} beter"
LEGEND_BETTER_OPEN = "{low} of meer beter"
LEGEND_EQUAL = "minder dan {high} verschil"
LEGEND_RANGE = "{low} tot {high}"
LEGEND_RANGE_OPEN_LOW = "lager dan {high}"
LEGEND_RANGE_OPEN_HIGH = "{low} of hoger"
LEGEND_VALUES = "({low} tot {high})"
LEGEND_VALUES_OPEN_LOW = "(lager dan {high})"
LEGEND_VALUES_OPEN_HIGH = "({low} of hoger)"
LEGEND_MISSING = "geen gegevens"
# Why a region has no figure (area_monitor_map.missing_reason): never one grey for all reasons.
MISSING_REASONS = {
    "geheim": "niet gepubliceerd / geheim",
    "niet gepubliceerd": "niet gepubliceerd / geheim",
    "niet gemeten": "niet gemeten in dat jaar",
    "grens gewijzigd": "grens gewijzigd (code bestond niet in de indeling van dat jaar)",
    "geen gegevens": "geen gegevens",
}
S_MAP_MISSING_REASONS = " Geen cijfer voor {missing}: {reasons}."
LEGEND_OUTLINE = "dikke rand: wijkvernieuwingsgebied"
LEGEND_SELECTED = "blauwe rand: gekozen gebied"
TOOLTIP_VALUE = "{value}"
TOOLTIP_CITY = "stad: {city}"
TOOLTIP_GAP = "verschil: {gap} ({position})"
TOOLTIP_GAP_NEUTRAL = "verschil: {gap}"
TOOLTIP_MISSING = "geen gegevens"
TOOLTIP_TITLE_AREA = "{name} (in {area})"
MAP_ALT = "Kaart van {gemeente}: {level_plural} gekleurd naar het verschil met de stad bij ‘{label}’ in {year}."
MAP_ALT_OVERVIEW = "Kaart van {gemeente} met de wijkvernieuwingsgebieden omlijnd en benoemd."
MAP_BOUNDARY_NOTE = "Kaart met {level_singular}grenzen {boundary_year} (CBS/PDOK), zonder achtergrondkaart."
MAP_CLICK_HINT = (
    "Klik op een {level_singular} om de grafieken hieronder voor die {level_singular} te tonen. Namen van "
    "wijkvernieuwingsgebieden die elkaar zouden overlappen staan niet op de kaart maar in de tooltip."
)
NO_MAP = "Voor deze gemeente zijn geen grenzen ingelezen, dus er is geen kaart; de tabellen en grafieken werken wel."
MAP_NO_LEVEL = "Er zijn geen {level_singular}grenzen ingelezen, dus er is geen kaart op dit niveau."

# --- page: Gebiedsmonitor
GEBIED_TITLE = "Gebiedsmonitor"
GEBIED_INTRO = (
    "Hoe staan de wijken ervoor ten opzichte van het stedelijk gemiddelde, en wordt de kloof kleiner? "
    "Kies een indicator; klik op de kaart of kies hieronder een gebied voor de ontwikkeling door de jaren."
)
W_THEME = "Thema"
W_INDICATOR = "Indicator"
W_AGE = "Leeftijdsgroep"
W_YEAR = "Jaar"
W_LEVEL = "Kaartniveau"
W_AREA = "Gebied voor de grafieken"
LEVEL_LABELS = {"buurt": "Buurten", "wijk": "Wijken"}
UNIT_LABELS = {
    "area": "Wijkvernieuwingsgebied: {name}",
    "wijk": "Wijk: {name} ({code})",
    "buurt": "Buurt: {name} ({code})",
}
NO_THEME = "Overig"
H_MAP = "Kaart: {label} ({age}, {year})"
H_MAP_TABLE = "Alle {level_plural}: {label} ({age}, {year})"
H_TREND = "Ontwikkeling in {name}"
H_MULTIPLES = "Alle wijkvernieuwingsgebieden: {label} ({age})"
TABLE_MAP = "Tabel bij de kaart"
TABLE_TREND = "Tabel bij de grafiek"
TABLE_MULTIPLES = "Tabel bij de kleine grafieken"
DEFINITION = "**{label}** ({unit_word}): {definition} Bron: {source}."
UNIT_WORD = {"%": "percentage"}
NO_OPTIONS = "Er zijn geen indicatoren die met de stad kunnen worden vergeleken in dit gegevensbestand."
NO_AREAS = "Er zijn voor deze gemeente geen wijkvernieuwingsgebieden ingesteld, dus er zijn geen kleine grafieken."
NO_TREND = "Voor {name} zijn er geen gegevens over ‘{label}’ ({age})."
NO_MARKERS = ""
MARKERS_NOTE = "Verticale stippellijnen: start van interventies in dit gebied die ‘{label}’ als doel noemen: {names}."
MARKERS_NO_CHART = "In het register staan {count} {noun} in dit gebied; ze staan in de tabel bij de grafiek."
MARKERS_OTHERS = " Nog {count} andere interventies in dit gebied staan in de tabel bij de grafiek."
MARKERS_NONE_AIMED = (
    "In dit gebied {verb} {count} {noun} in het register, maar geen ervan noemt ‘{label}’ als doel (zie de tabel "
    "bij de grafiek)."
)
MARKERS_EXAMPLE = "De interventies bij deze grafiek komen uit het voorbeeldregister, niet uit een echt register."
MAP_SELECTED = "Gekozen op de kaart: {name}."

# --- deep links
PARAM_UNKNOWN = "De link noemt {what} ‘{value}’, die bestaat hier niet; {fallback} wordt getoond."
PARAM_WHAT = {
    "indicator": "de indicator",
    "age": "de leeftijdsgroep",
    "year": "het jaar",
    "area": "het gebied",
    "level": "het kaartniveau",
}
PARAM_TOO_LONG = "(te lange waarde)"

# --- trend chart
CHART_CITY = "Stad ({name})"
CHART_GAP = "verschil met de stad"
CHART_CITY_SHORT = "stad"
CHART_AREA = "gebied"
CHART_Y = "{label} ({unit})"
CHART_X = "Jaar (editie)"
CHART_ALT_TREND = "Lijngrafiek: ‘{label}’ in {name} en in de stad, per editie; het verschil is gearceerd."
CHART_ALT_MULTIPLES = "Kleine grafieken: ‘{label}’ per wijkvernieuwingsgebied en in de stad, per editie."
S_MULTIPLES = "‘{label}’: "
S_MULTIPLES_NO_PREV = "Voor ‘{label}’ is er nog geen eerdere meting, dus nog geen ontwikkeling van de kloof."
S_MULTIPLES_BEHIND = (
    " {behind} van de {total} scoren in {year} slechter dan de stad; het grootst is de kloof in {worst} ({gap})."
)
S_MULTIPLES_NEUTRAL = (
    "In {changed} van de {total} wijkvernieuwingsgebieden is het verschil met de stad bij ‘{label}’ sinds "
    "{since} kleiner geworden, in {widening} groter."
)
SINCE_PREVIOUS = "de vorige meting"
AREAS_WEIGHTED = "Gebiedswaarden zijn gemiddelden van hun buurten, {how}"
AREAS_UNWEIGHTED = "ongewogen bij {names} (geen inwonertallen per buurt)"
AREAS_PARTIAL = "{name}: {used} van de {members} buurten met gegevens"
MULTIPLES_SORT_NOTE = "Gesorteerd van de grootste naar de kleinste kloof in {year}; de stad is de grijze lijn."

# --- table columns (screen and CSV)
COL_NAME = "Gebied"
COL_CODE = "Code"
COL_TYPE = "Soort"
COL_INDICATOR = "Indicator"
COL_AGE = "Leeftijdsgroep"
COL_YEAR = "Jaar"
COL_VALUE = "Waarde"
COL_CITY = "Stad"
COL_CITY_METHOD = "Stadscijfer"
COL_GAP = "Verschil met de stad"
COL_POSITION = "Ten opzichte van de stad"
COL_PREV_YEAR = "Vorige meting"
COL_PREV_GAP = "Verschil toen"
COL_TREND = "Kloof sinds vorige meting"
COL_JUDGEMENT = "Ten opzichte van de stad sinds vorige meting"
COL_METHOD = "Berekening"
COL_SMALL = "Kleine buurt"
SMALL_MARK = "ja, te weinig inwoners om bij naam te noemen"
TOOLTIP_SMALL = "kleine buurt ({population} inwoners in {year})"
COL_MEMBERS = "Buurten met gegevens"
COL_BOUNDARY_YEAR = "Grenzen van"
COL_UNIT = "Eenheid"
COL_THEME = "Thema"
COL_INTERVENTION = "Interventie"
COL_START = "Start"
COL_STATUS = "Status"
COL_AIMS = "Noemt deze indicator als doel"
H_MARKERS = "Interventies in dit gebied"
METHOD_LABELS = {"gewogen": "gewogen met {weight} {weight_year}", "ongewogen": "ongewogen gemiddelde"}
DOWNLOAD_MAP = "Download de tabel bij de kaart (CSV)"
DOWNLOAD_TREND = "Download de tabel bij de grafiek (CSV)"
DOWNLOAD_MULTIPLES = "Download de tabel bij de kleine grafieken (CSV)"
DOWNLOAD_OVERVIEW = "Download het overzicht (CSV)"

# --- page: Programma-overzicht
OVERVIEW_TITLE = "Programma-overzicht"
OVERVIEW_QUESTION = "Gaan de wijken vooruit ten opzichte van de stad, en wordt de kloof kleiner?"
OVERVIEW_INTRO_CITY = "Kernindicatoren van de stad {gemeente}. Laatste meting: {years}."
OVERVIEW_INTRO = (
    "Per wijkvernieuwingsgebied de kernindicatoren van elk thema, vergeleken met de stad {gemeente}. "
    "Laatste meting: {years}. Een pijl laat zien of het gebied sinds de vorige meting vooruit (▲) of achteruit "
    "(▼) is gegaan ten opzichte van de stad, of gelijk bleef (=); van een kloof is alleen sprake waar het gebied "
    "slechter scoort dan de stad."
)
OVERVIEW_SUMMARY = "{label} ({age}, {year}): {behind} van de {total} wijken scoren slechter dan de stad. "
OVERVIEW_SUMMARY_TREND = (
    "Sinds {since} is de kloof in {closing} van de {total} wijken kleiner geworden, in {widening} groter en in "
    "{stable} gelijk gebleven."
)
OVERVIEW_COMPARED = " (vergeleken met {years})"
OVERVIEW_SUMMARY_NO_PREV = "Er is nog geen eerdere meting om mee te vergelijken."
H_SUMMARY = "In het kort"
H_MATRIX = "Alle wijken en kernindicatoren"
H_OVERVIEW_MAP = "De wijkvernieuwingsgebieden"
MATRIX_CAPTION = (
    "Wijkvernieuwingsgebieden (rijen) en kernindicatoren (kolommen), laatste meting. Per cel: de waarde, het "
    "verschil met de stad, of het gebied sinds de vorige meting vooruit of achteruit ging ten opzichte van de "
    "stad, en wat er met een kloof gebeurde."
)
MATRIX_AREA = "Gebied"
MATRIX_HEADER = "{label}"
MATRIX_HEADER_SUB = "{age}, {year}; stad: {city}"
MATRIX_POSITION = {
    "slechter": "slechter dan de stad",
    "beter": "beter dan de stad",
    "gelijk": "gelijk aan de stad",
    "hoger": "hoger dan de stad",
    "lager": "lager dan de stad",
}
MATRIX_COVERAGE = "{used} van {members} buurten met gegevens"
MATRIX_CELL_TREND = "{symbol} {words} sinds {since}"
MATRIX_CELL_NO_PREV = "geen eerdere meting"
MATRIX_CELL_MISSING = "geen gegevens"
MATRIX_LINK_TITLE = "{area}: {label} in de Gebiedsmonitor"
MATRIX_THEME_ROW = "Thema: {theme}"
MATRIX_PROGRAMME_AREA = "{name}"
MATRIX_LEGEND = (
    "Leeswijzer: ▲ vooruit ten opzichte van de stad, ▼ achteruit, = gelijk gebleven (binnen {tolerance}); "
    "‘kloof’ alleen waar een gebied slechter scoort dan de stad (of scoorde: ‘kloof gesloten’); "
    "‘slechter’ of ‘beter’ zegt hoe het gebied er nu voor staat ten opzichte van de stad. De kleur van een "
    "cel herhaalt dat: oranje is slechter, paars is beter. Klik op een cel voor de kaart en de ontwikkeling "
    "in de Gebiedsmonitor."
)
NOTE_UNWEIGHTED = "{name}: ongewogen gemiddelde van {members} buurten (er zijn geen inwonertallen per buurt)."
NOTE_PARTIAL = "{name}: {used} van de {members} buurten {verb} gegevens bij {indicators}."
NOTE_WEIGHTED = "De overige gebiedswaarden zijn gemiddelden van de buurten, gewogen met {weight} {years}."
H_NOTES = "Zo zijn de cijfers berekend"
NO_RENEWAL_AREAS = (
    "Voor deze gemeente zijn geen wijkvernieuwingsgebieden ingesteld (config/programme.toml). Hieronder de "
    "kernindicatoren voor de stad zelf."
)
NO_HEADLINES = "Er zijn geen kernindicatoren (headline = true) met gegevens in dit bestand."
OVERVIEW_CITY_TABLE = "Kernindicatoren van de stad"
TO_GEBIEDSMONITOR = "[Naar de Gebiedsmonitor](gebiedsmonitor) voor de kaart en de ontwikkeling per indicator."
OVERVIEW_MAP_NOTE = "Buurtgrenzen {year} (CBS/PDOK); de wijkvernieuwingsgebieden zijn omlijnd."
OVERVIEW_PROGRAMME_AREAS = "Programmagebied (samen)"
W_MATRIX_THEME = "Thema"
MATRIX_THEME_HELP = "Eén thema tegelijk, zodat de tabel leesbaar blijft; kies hierboven een ander thema."
OVERVIEW_THEME_UNKNOWN = (
    "De link vraagt om het thema ‘{value}’, maar dat staat niet in het overzicht. Getoond: {fallback}."
)

# --- data coverage, wijk-only sources, computed city values, rates, trend breaks (issue 10) -------------------
DENOMINATOR_WORDS = {"AantalInwoners": "inwonertal"}
RATE_BASE = "{base} 1 januari {year}"
RATE_UNIT = "{unit} ({base})"
RATE_HEADER = "noemer: {base}"
LEVEL_NOT_PUBLISHED = (
    "‘{label}’ is er alleen per wijk (de bron publiceert geen cijfers per buurt). Gevraagd waren de {asked}; "
    "de kaart toont de {level}."
)
CITY_METHOD_WORDS = {
    "berekend uit de wijken": "berekend uit de wijken",
    "berekend uit de buurten": "berekend uit de buurten",
}
CITY_WITH_METHOD = "{city} ({method})"
CITY_METHOD_NOTE = {
    "berekend uit de wijken": (
        "De bron heeft geen cijfer voor de gemeente: het cijfer van de stad is berekend uit de wijken, "
        "gewogen met inwoners."
    ),
    "berekend uit de buurten": (
        "Het cijfer van de stad is berekend uit de buurten: de som van de tellingen gedeeld door de som van de "
        "inwoners."
    ),
}
NEWEST_FIGURE = "Nieuwste cijfer: {year}."
NEWEST_FIGURE_OF = "Nieuwste cijfer van ‘{label}’: {year}."
MATRIX_CELL_WIJK_ONLY = "alleen per wijk"
NOTE_WIJK_ONLY = (
    "{label} is er alleen per wijk: een cijfer alleen voor gebieden die uit hele wijken bestaan ({with_value}). "
    "De andere gebieden beslaan geen hele wijken (‘alleen per wijk’ in de tabel; de Gebiedsmonitor zegt per "
    "gebied welke buurten ontbreken)."
)
NOTE_CITY_COMPUTED = "Het stadscijfer van {label} is {method}."
WHY_NO_AREA_VALUE = "Waarom geen cijfer voor {name}? {note}"
H_NATIONAL = "Vergeleken met Nederland"
NATIONAL_LINE = (
    "{name} in {year}: {value}, {deviation} ten opzichte van de landelijke referentie ({reference}): {position}."
)
NATIONAL_POSITION = {"beter": "beter dan Nederland", "slechter": "slechter dan Nederland",
                     "gelijk": "gelijk aan Nederland"}
NATIONAL_NOTE = (
    "De Leefbaarometer meet elke wijk tegen één vaste landelijke referentiewaarde; naast de vergelijking met "
    "de stad staat hier die met Nederland."
)
TREND_BREAK_MARK = "trendbreuk"
TREND_BREAK_SENTENCE = (
    "Let op: tussen {from_year} en {to_year} is de indeling veranderd ({notes}); de cijfers voor en na die "
    "breuk zijn niet helemaal vergelijkbaar."
)
COL_TREND_BREAK = "Trendbreuk"
H_COVERAGE = "Welke cijfers zijn er per thema?"
COVERAGE_HELP = (
    "Per thema van het programma: welke indicatoren de monitor heeft, voor welke jaren en niveaus, en de "
    "nieuwste editie. Een thema zonder cijfers zegt welke bronnen het zouden vullen."
)
COVERAGE_WITH_FIGURES = (
    "**{theme}**: {n} {indicator_word} ({labels}); jaren {first}–{newest}, nieuwste editie {newest}; "
    "niveaus: {levels}."
)
COVERAGE_WANTED = " Nog niet in de monitor: {sources}."
COVERAGE_NONE = "**{theme}**: {note}"
LEVEL_WORDS = {"buurt": "buurt", "wijk": "wijk", "gemeente": "gemeente", "area": "gebied"}
TREND_BREAK_UNKNOWN = "andere gebiedsindeling"
TREND_BREAK_CELL = "ja, ten opzichte van {prev_year}: {notes}"
COL_NATIONAL_REFERENCE = "Landelijke referentie"
COL_NATIONAL_DEVIATION = "Verschil met Nederland"
COL_NATIONAL_POSITION = "Ten opzichte van Nederland"
TABLE_NATIONAL = "Tabel: vergeleken met Nederland"
DOWNLOAD_NATIONAL = "Download de vergelijking met Nederland (CSV)"
