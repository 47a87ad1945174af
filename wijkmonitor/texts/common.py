"""Strings shared by every page."""

APP_TITLE = "Wijkmonitor"
APP_SUBTITLE = "Monitor wijkvernieuwing en Nationaal Programma Leefbaarheid en Veiligheid"
DATA_UNAVAILABLE = "De gegevens zijn nu niet beschikbaar."
NO_DATA = "geen gegevens"
EXAMPLE_DATA_LABEL = "Voorbeelddata"
EXAMPLE_DATA_NOTE = (
    "Let op: bedragen, datums, bereik en resultaten in dit register zijn voorbeelddata ter illustratie, "
    "geen echte cijfers."
)
PARAM_IGNORED = "De parameter '{name}' met waarde '{value}' in de link is onbekend; de standaard wordt gebruikt."
NAV_OVERVIEW = "Overzicht"
NAV_MONITORS = "Monitors"
NAV_TARGETS = "Doelen en profielen"
NAV_ABOUT = "Over"
PAGE_OVERVIEW = "Programma-overzicht"
PAGE_GEBIED = "Gebiedsmonitor"
PAGE_INTERVENTIE = "Interventiemonitor"
PAGE_PROCES = "Procesmonitor"
PAGE_DOELEN = "Doelen"
PAGE_MIJN_ORGANISATIE = "Mijn organisatie"
PAGE_WIJKPROFIEL = "Wijkprofiel"
PAGE_OVER = "Over de data"
PAGE_UPDATES = "Gegevens bijwerken"
DOWNLOAD_CSV = "Download deze tabel (CSV)"
BUILT_AT = "Cijfers bijgewerkt op {built_at}. Welke bestanden en versies dat zijn, staat op de pagina Over de data."
AT_TIME = "{date} om {time}"
PERCENT_POINT = "procentpunt"
UNKNOWN = "onbekend"
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
DOWNLOAD_XLSX = "Download als Excel (XLSX)"
