"""Dutch strings of the Interventiemonitor (templates use str.format fields)."""

TITLE = "Interventiemonitor"
INTRO = (
    "Welke interventies lopen er in de wijkvernieuwing, waar, met welk geld en met welk resultaat? De gegevens "
    "komen uit het interventieregister en het resultatenregister dat het programmabureau bijhoudt."
)
NO_REGISTER = (
    "Er is geen interventieregister ingelezen. Zet het register in config/registers.toml en bouw opnieuw; zie "
    "docs/registers.md."
)
NONE_MATCH = "Geen interventies bij deze keuze. Kies bij een of meer filters 'alle'."

# --- filters
FILTERS = "Filters"
W_AREA = "Gebied"
W_THEME = "Thema"
W_ACTIELIJN = "Actielijn"
W_SPOOR = "Spoor"
W_PARTNER = "Partner (trekker of partner)"
W_PROGRAMME = "Programma"
W_STATUS = "Status"
ALL_AREAS = "Alle gebieden"
ALL_THEMES = "Alle thema's"
ALL_ACTIELIJNEN = "Alle actielijnen"
ALL_SPOREN = "Alle sporen"
ALL_PARTNERS = "Alle partners"
ALL_PROGRAMMES = "Alle programma's"
ALL_STATUSES = "Alle statussen"
SPOOR_LABEL = "Spoor {spoor}: {label}"
SPOOR_CARD = "{spoor} ({label})"
AREA_FILTER_NOTE = (
    "Bij een gekozen gebied tellen ook interventies mee die in meer gebieden werken, zoals interventies voor "
    "heel Groningen-Noord, en interventies in één buurt van het gebied."
)
RESET = "Alle filters wissen"

# --- deep links
PARAM_WHAT = {"area": "het gebied", "programme": "het programma", "status": "de status", "theme": "het thema",
              "actielijn": "de actielijn", "spoor": "het spoor", "partner": "de partner"}
PARAM_UNKNOWN = "De link vraagt om {what} ‘{value}’, maar dat kent Wijkmonitor niet. Getoond: {fallback}."
PARAM_TOO_LONG = "(een te lange waarde)"

# --- summary
H_SUMMARY = "In deze selectie"
M_COUNT = "Interventies"
M_BUDGET = "Budget"
M_SPENT = "Uitgegeven"
M_EXAMPLE = "voorbeelddata"
SPENT_SHARE = "{share} van het budget"
WITHOUT_BUDGET = "{n} zonder bedrag in het register"
SUMMARY_NOTE = (
    "Elke interventie telt hier één keer mee, met haar hele budget, ook als ze meer programma's of gebieden noemt."
)

# --- map
H_MAP = "Waar werken de interventies?"
MAP_ALT = (
    "Kaart van de wijkvernieuwingsgebieden in {gemeente}: per gebied het aantal interventies dat er werkt. "
    "De tabel onder de kaart geeft dezelfde cijfers."
)
MAP_NOTE = (
    "Hoe donkerder het gebied, hoe meer interventies er werken; het aantal staat bij de naam waar die past "
    "zonder andere te overlappen, en altijd in de tooltip en de tabel. Interventies voor meer gebieden of voor "
    "heel Groningen-Noord tellen in elk "
    "gebied waar ze werken. Een oranje stip is een interventie in één buurt. Buurtgrenzen {year}, zonder "
    "achtergrondkaart. Het filter ‘Gebied’ geldt niet voor de kaart; het gekozen gebied is zwart omlijnd. Klik "
    "op een gebied om het te kiezen."
)
NO_MAP = "Er zijn geen grenzen van de wijkvernieuwingsgebieden om een kaart te tekenen."
TIP_COUNT = "{n} interventies werken hier"
TIP_COUNT_ONE = "1 interventie werkt hier"
TIP_ONLY = "alleen in dit gebied: {n}, budget {budget}"
TIP_SHARED = "ook in andere gebieden: {n}, samen {budget} (niet te verdelen per gebied)"
TIP_BUURT = "in de buurt {buurt}: {name}"
TIP_EXAMPLE = "bedragen: voorbeelddata"
TABLE_MAP = "Tabel bij de kaart"
COL_AREA = "Gebied"
COL_WORKING = "Interventies die hier werken"
COL_ONLY = "Alleen in dit gebied"
COL_SHARED = "Ook in andere gebieden"

# --- open begroting
H_BUDGET = "Open begroting"
BUDGET_INTRO = (
    "Wat de interventies kosten en wat er tot nu toe is uitgegeven, per financierend programma en per gebied."
)
H_BUDGET_PROGRAMME = "Per programma"
PROGRAMME_NOTE = (
    "Het budget van een interventie is haar totaal; het register verdeelt het niet over de programma's. Een "
    "interventie die twee programma's noemt, telt daarom bij allebei mee met haar hele budget: samen tellen de "
    "staven op tot {sum}, meer dan het totaal van {total}."
)
PROGRAMME_FILTER_NOTE = (
    "Met het filter op {programme} staan hier ook de andere programma's die deze interventies mee "
    "financieren."
)
PROGRAMME_NOTE_SIMPLE = (
    "Het budget van een interventie is haar totaal; het register verdeelt het niet over de programma's. Een "
    "interventie die meer programma's noemt, telt bij elk daarvan mee met haar hele budget."
)
H_BUDGET_AREA = "Per gebied"
AREA_BUDGET_NOTE = (
    "Om niets dubbel te tellen staat elke interventie hier precies één keer: bij haar gebied als ze in één "
    "gebied werkt (ook als ze maar één buurt ervan noemt), bij Groningen-Noord als ze voor heel Groningen-Noord "
    "is, en anders bij ‘Meer gebieden samen’. Het register verdeelt die bedragen niet over de gebieden, dus wij "
    "ook niet. Samen tellen de staven op tot het totaal van {total}. De tabel noemt per gebied ook de "
    "interventies die er daarnaast werken. Het filter ‘Gebied’ geldt niet voor deze grafiek; het gekozen gebied "
    "staat vet."
)
BUCKET_SHARED = "Meer gebieden samen"
SHARED_NOTE = "+ {n} die ook elders werken"
BUCKET_OUTSIDE = "Buiten de wijkvernieuwingsgebieden"
BUCKET_NONE = "Zonder gebied"
CHART_BUDGET = "Budget"
CHART_SPENT = "Uitgegeven"
CHART_EURO_AXIS = "euro"
TABLE_PROGRAMME = "Tabel: budget per programma"
TABLE_AREA = "Tabel: budget per gebied"
TABLE_SHARED = "Welke interventies werken in meer gebieden?"
COL_PROGRAMME = "Programma"
COL_N = "Aantal interventies"
COL_BUDGET = "Budget (euro)"
COL_SPENT = "Uitgegeven (euro)"
COL_SPENT_SHARE = "Uitgegeven (% van budget)"
COL_NO_BUDGET = "Zonder bedrag"
COL_PROGRAMME_BUDGET = "Programmabudget volgens de documenten (euro)"
COL_PROGRAMME_NOTE = "Toelichting programma"
COL_EXAMPLE = "Voorbeelddata"
COL_SHARED_N = "Daarnaast: interventies die ook elders werken"
COL_SHARED_BUDGET = "Hun budget samen, niet verdeeld (euro)"
COL_INTERVENTION = "Interventie"
COL_PLACES = "Gebieden en buurten"
TOTAL_ROW = "Totaal (elke interventie één keer)"
EXAMPLE_ALL = "ja"
EXAMPLE_SOME = "deels ({n} van {total})"
EXAMPLE_MARK = "✓"
UNKNOWN = "onbekend"

# --- voorbeelddata per section (appended to the section's note)
AMOUNTS_EXAMPLE = "De bedragen zijn voorbeelddata."
AMOUNTS_EXAMPLE_SOME = "Bedragen van {n} van de {total} interventies zijn voorbeelddata (zie de tabel)."
RESULTS_EXAMPLE = "De resultaten zijn voorbeelddata."
RESULTS_EXAMPLE_SOME = "{n} van de {total} metingen zijn voorbeelddata (zie de tabel)."

# --- timeline
H_TIMELINE = "Tijdlijn"
TIMELINE_NOTE = (
    "Elke balk loopt van de begindatum tot de einddatum van een interventie. De status staat achter de naam en "
    "is te zien aan kleur en patroon (zie de legenda). Een balk zonder einddatum loopt door tot vandaag."
)
TIMELINE_EXAMPLE = "De datums zijn voorbeelddata."
TIMELINE_EXAMPLE_SOME = "Datums van {n} van de {total} interventies zijn voorbeelddata (‘voorbeeld’ bij het aanwijzen)."
TIMELINE_MISSING = "Zonder begindatum, dus niet in de tijdlijn: {names}."
TODAY = "vandaag"
HOVER_START = "begin"
HOVER_END = "einde"
HOVER_NO_END = "einddatum nog niet bekend"
TIMELINE_NO_END = "geen einddatum"
HOVER_STATUS = "status"
HOVER_EXAMPLE = "datums: voorbeelddata"
TABLE_TIMELINE = "Tabel bij de tijdlijn"
COL_START = "Begindatum"
COL_END = "Einddatum"
COL_STATUS = "Status"
OPEN_END_LEGEND = "zonder einddatum"

# --- results
H_RESULTS = "Resultaten tegenover de streefwaarden"
RESULTS_NOTE = (
    "Per meting de laatste periode met een gemeten waarde, tegenover de streefwaarde voor diezelfde periode. "
    "De grafiek toont de waarde als percentage van de streefwaarde; 100% is de streefwaarde. Metingen zonder "
    "streefwaarde staan alleen in de tabel."
)
NO_RESULTS = "Voor deze interventies staan geen resultaten in het resultatenregister."
CHART_OF_TARGET = "% van de streefwaarde"
TARGET_LINE = "streefwaarde"
RESULT_TEXT = "{value} van {target} ({share})"
TABLE_RESULTS = "Tabel: alle laatste metingen"
COL_MEASURE = "Meting"
COL_PERIOD = "Periode"
COL_VALUE = "Waarde"
COL_TARGET = "Streefwaarde"
COL_UNIT = "Eenheid"
COL_SHARE = "% van streefwaarde"
COL_SOURCE = "Bron"
NOT_MEASURED = "nog niet gemeten"

# --- cards
H_CARDS = "De interventies"
CARDS_NOTE = "{n} interventies, op naam. Klik op ‘Lees verder’ voor de hele omschrijving."
CARDS_PAGE = "Pagina"
CARDS_PAGE_NOTE = "Interventie {first} tot en met {last} van {n}."
CARD_EXAMPLE = " (voorbeelddata)"
CARD_EXAMPLE_NOTE = "Bedragen, datums en resultaten van deze interventie zijn voorbeelddata."
READ_MORE = "Lees verder"
F_AREAS = "Gebieden"
F_THEME = "Thema"
F_ACTIELIJN = "Actielijn"
F_SPOOR = "Spoor"
F_LEAD = "Trekker"
F_PARTNERS = "Partners"
F_PROGRAMMES = "Programma's"
F_BUDGET = "Budget"
F_SPENT = "Uitgegeven"
F_PERIOD = "Looptijd"
F_STATUS = "Status"
F_GOALS = "Doelindicatoren"
F_MONITORING = "Soort monitoring"
F_RESULTS = "Resultaten"
PERIOD_RANGE = "{start} tot {end}"
PERIOD_FROM = "vanaf {start}, einddatum nog niet bekend"
NOT_FILLED = "niet ingevuld"
BUURT_LABEL = "buurt {name}"  # never the raw CBS code: readers know the name
RESULT_LINE = "{period}: {measure}: {value}{target}{example}"
RESULT_TARGET = " (streefwaarde {target})"
RESULT_EXAMPLE = " (voorbeeld)"
RESULT_ONLY_TARGET = "{period}: {measure}: streefwaarde {target}{example}"
MONITORING_LABELS = {"resultaat": "resultaat", "proces": "proces", "impact": "impact"}

STATUS_LABELS = {
    "idee": "idee",
    "voorbereiding": "in voorbereiding",
    "lopend": "lopend",
    "afgerond": "afgerond",
    "gestopt": "gestopt",
}
DOWNLOAD = "Download deze tabel (CSV)"

# --- the chosen area: only here / shared (issue 11, item 3)
M_ALL_BUDGET = "Budget van alle interventies"
M_ALL_BUDGET_HELP = "Elke interventie in deze selectie telt één keer mee, met haar hele budget."
M_AREA_COUNT = "Interventies in {area}"
M_AREA_COUNT_NOTE = "{only} alleen hier, {shared} ook elders"
M_ONLY = "Alleen in {area}"
M_ONLY_NOTE = "{n} interventies die alleen hier werken"
M_SHARED = "Gedeeld met andere gebieden"
M_SHARED_NOTE = "hele budgetten van {n} interventies die ook elders werken, niet verdeeld"
M_TOGETHER = "Samen, in en rond {area}"
M_TOGETHER_HELP = (
    "Alleen hier plus gedeeld: elke interventie die (ook) in dit gebied werkt één keer, met haar hele budget. "
    "Hoeveel daarvan in dit gebied terechtkomt, staat niet in het register."
)
H_BUDGET_SPLIT = "{area}: alleen hier en gedeeld met andere gebieden"
SPLIT_NOTE = (
    "Links in de samenvatting staat het totaal van alle interventies die in {area} werken: {together}. Daarvan "
    "werken interventies met samen {only} alleen in {area}; dat bedrag staat ook bij {area} in de grafiek ‘Per "
    "gebied’. De overige {shared} is het hele budget van interventies die ook in andere gebieden werken "
    "(bijvoorbeeld voor heel Groningen-Noord); het register zegt niet welk deel daarvan in {area} wordt "
    "besteed, dus verdelen wij het niet."
)
SPLIT_ONLY = "Alleen in {area}"
SPLIT_SHARED = "Gedeeld met andere gebieden (hele budgetten)"
SPLIT_TOGETHER = "Samen: alles wat (ook) in {area} werkt"
SPLIT_N = "{n} interventies"
TABLE_SPLIT = "Tabel: alleen hier en gedeeld"
COL_PART = "Deel"

# --- programme budgets from the documents next to the register
H_BUDGET_SOURCES = "Programmabudget en wat het register eronder begroot"
SOURCES_NOTE = (
    "Het programmabudget komt uit de programmadocumenten (NPG: 20 mln; Regio Deal: 15 mln; coalitieakkoord: "
    "2 mln per jaar 2022-2026). Daarnaast staat wat de interventies in het register onder dat programma "
    "begroten, met hun hele budget (een interventie met twee programma's telt bij allebei mee), dus de twee "
    "zijn geen optelsom van elkaar. Programma's zonder bekend bedrag staan alleen in de tabel."
)
SOURCES_EXAMPLE = "De registerbedragen zijn voorbeelddata."
CHART_PROGRAMME_BUDGET = "Programmabudget (documenten)"
CHART_REGISTER_BUDGET = "Begroot in het register"
COL_REGISTER_BUDGET = "Begroot in het register onder dit programma (euro)"
COL_REGISTER_SHARE = "Register als % van het programmabudget"
TABLE_SOURCES = "Tabel: programmabudget en register"
PROGRAMME_COUNTS = "Per programma telt elke interventie mee bij elk programma dat ze noemt."

# Accessible names of the charts (screen readers announce them; the table beside each chart has the figures).
CHART_ALT_PROGRAMMES = ("Staafgrafiek: budget van de gekozen interventies per programma; de cijfers staan in de tabel "
                        "eronder.")
CHART_ALT_AREAS = "Staafgrafiek: budget van de gekozen interventies per gebied; de cijfers staan in de tabel eronder."
CHART_ALT_TIMELINE = ("Tijdlijn: looptijd van elke interventie, met de status als woord achter de naam en als patroon; "
                      "de tabel eronder geeft dezelfde gegevens.")
CHART_ALT_RESULTS = "Grafiek: laatste meting van elk resultaat tegenover de streefwaarde; de cijfers staan in de tabel."
CHART_ALT_SPLIT = (
    "Staafgrafiek: budget van de interventies alleen in dit gebied en van de interventies die ook elders werken; "
    "de cijfers staan in de tabel eronder."
)
CHART_ALT_SOURCES = (
    "Staafgrafiek: budget van elk programma volgens de programmadocumenten naast wat het register eronder "
    "begroot; de cijfers staan in de tabel eronder."
)
