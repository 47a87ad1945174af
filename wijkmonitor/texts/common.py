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
# Configuration files (wijkmonitor/common/tomlfile.py): the file is named before each message.
TOML_MISSING = "configuratiebestand ontbreekt"
TOML_DIRECTORY = "dit is een map, geen bestand"
TOML_NOT_REGULAR = "dit is geen gewoon bestand (maar bijvoorbeeld een pijp of apparaat)"
TOML_UNREADABLE = "het bestand kan niet worden gelezen ({reason})"
TOML_NOT_UTF8 = "het bestand is geen UTF-8 (byte {byte} is ongeldig); sla het op als UTF-8"
TOML_SYNTAX = "geen geldige TOML: {detail}"
TOML_SYNTAX_AT = "geen geldige TOML op regel {line}, kolom {column}: {detail}"
TOML_DID_YOU_MEAN = " (bedoelt u '{suggestion}'?)"
TOML_UNKNOWN_KEY = "onbekende sleutel {key!r}"
TOML_MISSING_KEY = "verplichte sleutel '{key}' ontbreekt"
TOML_NOT_ALLOWED = "waarde {value!r} is niet toegestaan; kies uit: {allowed}"
TOML_WRONG_TYPE = "verwacht {expected}, kreeg {value!r}"
TOML_WRONG_FORM = "waarde {value!r} heeft niet de juiste vorm; verwacht {form}"
TOML_FORM_UNKNOWN = "de vorm die de toelichting bij deze sleutel noemt"
TOML_EMPTY = "mag niet leeg zijn"
TOML_OUT_OF_RANGE = "waarde {value!r} moet {bound} {limit} zijn"
TOML_INVALID = "ongeldige waarde {value!r} ({detail})"
TOML_TYPE_NAMES = {
    "string_type": "tekst", "int_type": "een geheel getal", "int_parsing": "een geheel getal",
    "float_type": "een getal", "float_parsing": "een getal", "bool_type": "true of false",
    "bool_parsing": "true of false", "list_type": "een lijst, bijvoorbeeld [\"a\", \"b\"]",
    "tuple_type": "een lijst, bijvoorbeeld [\"a\", \"b\"]", "dict_type": "een tabel", "model_type": "een tabel",
}
TOML_BOUND_WORDS = {
    "greater_than": "groter dan", "greater_than_equal": "minstens", "less_than": "kleiner dan",
    "less_than_equal": "hoogstens",
}
