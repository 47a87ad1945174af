"""Dutch strings of the Procesmonitor (templates use str.format fields)."""

TITLE = "Procesmonitor"
INTRO = (
    "Het goede gesprek: welke bijeenkomsten en activiteiten er met bewoners waren, hoeveel bewoners meededen, "
    "hoe ervaringskennis is ingezet en wat er gebeurde met wat bewoners inbrachten. De gegevens komen uit het "
    "proceslogboek van het programmabureau."
)
NO_REGISTER = (
    "Er is geen proceslogboek ingelezen. Zet het register in config/registers.toml en bouw opnieuw; zie "
    "docs/registers.md."
)
NONE_MATCH = "Geen activiteiten bij deze keuze. Kies een ander gebied, een andere periode of alle soorten."

# --- filters
W_AREA = "Gebied"
W_YEARS = "Periode"
W_TYPES = "Soort activiteit"
ALL_AREAS = "Alle gebieden"
TYPES_PLACEHOLDER = "Alle soorten"
AREA_FILTER_NOTE = (
    "Een activiteit hoort bij het gebied dat het proceslog noemt; een activiteit in één buurt hoort bij het "
    "gebied van die buurt. Groningen-Noord omvat de activiteiten in alle NPLV-wijken én die voor heel "
    "Groningen-Noord."
)
PARAM_WHAT = {"area": "het gebied", "years": "de jaren", "types": "het soort activiteit", "measure": "de maat"}
PARAM_ALL_YEARS = "alle jaren"
PARAM_ALL_TYPES = "alle soorten"
PARAM_DEFAULT_MEASURE = "aantal activiteiten"
PARAM_UNKNOWN = "De link vraagt om {what} ‘{value}’, maar dat kent Wijkmonitor niet. Getoond: {fallback}."
PARAM_TOO_LONG = "(een te lange waarde)"

WHOLE_AREA = "{name} als geheel"
ALL_TOGETHER = "{name}: alles samen"

# --- summary
M_ACTIVITIES = "Activiteiten"
M_PARTICIPANTS = "Deelnemers"
M_REACHED = "Bewoners bereikt"
M_LIVED = "Ervaringskennis ingezet"
M_EXAMPLE = "voorbeelddata"
LIVED_VALUE = "{share}"
LIVED_HELP = (
    "Het deel van de activiteiten waarbij minstens één bewoner met ervaringskennis (een ervaringsdeskundige) "
    "een rol had. Activiteiten waarbij dat niet is ingevuld, tellen niet mee."
)
UNKNOWN_COUNT = "bij {n} niet ingevuld"

# --- activities over time
H_TIME = "Activiteiten en bereik per gebied"
W_MEASURE = "Toon"
MEASURES = {
    "activities": "aantal activiteiten",
    "participants": "deelnemers",
    "reached": "bewoners bereikt",
}
TIME_NOTE = (
    "Per gebied en per jaar; het getal staat in elk vak, de kleur helpt alleen bij het vergelijken. Een leeg vak: "
    "geen activiteit in dat jaar."
)
TIME_MISSING = " Bij {n} activiteiten is het aantal {measure} niet ingevuld; die tellen niet mee (‘?’ of ‘onbekend’)."
TIME_MISSING_ONE = " Bij 1 activiteit is het aantal {measure} niet ingevuld; die telt niet mee (‘?’ of ‘onbekend’)."
TABLE_TIME = "Tabel bij de grafiek"
COL_AREA = "Gebied"
COL_YEAR = "Jaar"
TOTAL = "Totaal"

# --- reach compared with inhabitants
H_REACH = "Bereik vergeleken met het aantal inwoners"
REACH_NOTE = (
    "Vergelijkingsbasis: alle inwoners van het gebied (alle leeftijden, dus niet alleen volwassenen; een aantal "
    "volwassenen per gebied is er niet), CBS, opgeteld over de buurten van het gebied, in {years}. Het bereik telt "
    "per activiteit: wie twee keer kwam, telt twee keer. Het is dus een bereik per 100 inwoners, geen deel van de "
    "bewoners. ‘Onbekend’: geen inwonertal voor dat gebied. ‘Als geheel’: activiteiten voor het hele gebied, "
    "niet voor één wijk ervan."
)
CHART_PER_100 = "bereikt per 100 inwoners"
REACH_COUNTS = "{reached} bereikt, {inhabitants} inwoners"
REACH_COUNTS_UNKNOWN = "{reached} bereikt, inwonertal onbekend"
COL_ACTIVITIES = "Activiteiten"
COL_REACHED = "Bewoners bereikt"
COL_REACH_UNKNOWN = "Activiteiten zonder bereik"
COL_INHABITANTS = "Inwoners (alle leeftijden)"
COL_INHABITANTS_YEAR = "Jaar inwoners"
COL_PER_100 = "Bereikt per 100 inwoners"
COL_EXAMPLE = "Voorbeelddata"
UNKNOWN = "onbekend"
TABLE_REACH = "Tabel: bereik per gebied"

# --- lived experience
H_LIVED = "Ervaringskennis"
LIVED_SENTENCE = (
    "Bij {with_role} van de {known} activiteiten waarvan het bekend is ({share}) had minstens één bewoner met "
    "ervaringskennis een rol."
)
LIVED_UNKNOWN = " Bij {n} activiteiten is niet ingevuld of er ervaringsdeskundigen een rol hadden."
LIVED_NONE_KNOWN = "Bij geen van deze activiteiten is ingevuld of er ervaringsdeskundigen een rol hadden."
COL_TYPE = "Soort activiteit"
COL_WITH_ROLE = "Met ervaringsdeskundigen in een rol"
COL_KNOWN = "Activiteiten waarvan bekend"
COL_SHARE = "Deel"
COL_ROLES = "Rollen samen"
TABLE_LIVED = "Tabel: ervaringskennis per soort activiteit"

# --- jullie zeiden, wij deden
H_SAID_DID = "Jullie zeiden, wij deden"
SAID_DID_INTRO = "Wat bewoners inbrachten en wat ermee is gedaan, de nieuwste eerst."
W_ACTION_STATUS = "Status van de actie"
SAID = "Jullie zeiden"
DID = "Wij deden"
LINKED_INTERVENTION = "Leidde tot de interventie"
LINKED_DECISION = "Besluit"
NOTHING_SAID = "Niets ingebracht bij deze keuze."
ITEM_HEAD = "{date} · {area} · {activity}"
ITEM_STATUS = "Status: {status}"
ITEM_EXAMPLE = " · voorbeelddata"
ACTION_STATUS_LABELS = {
    "toegezegd": "toegezegd",
    "in uitvoering": "in uitvoering",
    "gedaan": "gedaan",
    "niet gedaan": "niet gedaan",
}
NO_STATUS = "geen status"
NOT_FILLED = "niet ingevuld"
SHOWN_OF = "{shown} van de {n} getoond."
SHOW_ALL = "Toon alle {n}"

# --- lessons
H_LESSONS = "Lessen"
W_SEARCH = "Zoek in de lessen"
SEARCH_PLACEHOLDER = "bijvoorbeeld: jongeren"
LESSONS_FOUND = "{n} lessen gevonden."
LESSONS_FOUND_ONE = "1 les gevonden."
LESSONS_NONE = "Geen lessen gevonden met ‘{term}’."
LESSONS_EMPTY = "Bij deze keuze zijn geen lessen vastgelegd."
TABLE_LESSONS = "Tabel met de gevonden lessen"
READ_MORE = "Lees verder"
COL_DATE = "Datum"
COL_LESSON = "Les"
COL_ACTIVITY = "Activiteit"
DOWNLOAD = "Download deze tabel (CSV)"

# Accessible names of the charts (screen readers announce them; the table beside each chart has the figures).
CHART_ALT_HEATMAP = "Warmtekaart: {measure} per gebied en per jaar; de cijfers staan in de tabel eronder."
CHART_ALT_REACH = "Grafiek: bereik per gebied vergeleken met het aantal inwoners; de cijfers staan in de tabel eronder."
