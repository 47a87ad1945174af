"""The three register formats: sheet names, columns, required values and allowed choices.

One definition serves the loader, the empty templates (`templates.py`) and the documentation
(`docs/registers.md`). Column names are English snake_case; labels and help texts are Dutch.
"""

from __future__ import annotations

from dataclasses import dataclass

# Kinds of cell: how a value is read and checked (see loader.py).
TEXT = "text"  # free text, kept exactly as written (stripped)
ID = "id"  # identifier text
TEXT_LIST = "text_list"  # free text items separated by ';'
AREA_LIST = "area_list"  # renewal area ids or CBS buurt codes separated by ';'
AREA = "area"  # one renewal area id or CBS buurt code
PROGRAMME_LIST = "programme_list"
THEME = "theme"
INDICATOR_LIST = "indicator_list"
SPOOR = "spoor"
AMOUNT = "amount"  # euros, >= 0
NUMBER = "number"  # any number
COUNT = "count"  # whole number >= 0
DATE = "date"
PERIOD = "period"  # a year, a quarter (2023-Q2) or a date
BOOL = "bool"
CHOICE = "choice"

STATUSES = ("idee", "voorbereiding", "lopend", "afgerond", "gestopt")
MONITORING_TYPES = ("resultaat", "proces", "impact")
ACTION_STATUSES = ("toegezegd", "in uitvoering", "gedaan", "niet gedaan")
SPOREN = {1: "voortzetten en opschalen", 2: "koppelkansen", 3: "systeemdoorbraken"}
# Suggested activity types for the process log; other values are allowed (the list is open).
ACTIVITY_TYPES = (
    "bewonersavond",
    "wijkagenda-gesprek",
    "reflectiemoment",
    "enquete",
    "burgerbegroting",
    "huisbezoeken",
    "wijkschouw",
    "werksessie",
    "raadsbijeenkomst",
)
TRUE_WORDS = ("true", "waar", "ja", "j", "yes", "y", "1", "x")
FALSE_WORDS = ("false", "onwaar", "nee", "n", "no", "0")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    required: bool
    label: str  # Dutch name of the column
    help: str  # Dutch explanation, shown in the template and docs
    example: str = ""
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sheet:
    key: str  # interventions | results | process_log
    sheet: str  # worksheet name in the workbook, and default CSV file stem
    label: str  # Dutch name of the register
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


def _example_column(help_text: str) -> Column:
    """`is_example`: marks illustrative rows, shown as "Voorbeelddata" (never presented as real figures)."""
    return Column("is_example", BOOL, False, "voorbeelddata", help_text, "false", choices=("true", "false"))


INTERVENTIONS = Sheet(
    key="interventions",
    sheet="interventies",
    label="interventieregister",
    columns=(
        Column(
            "id",
            ID,
            True,
            "code",
            "Unieke, korte code van de interventie (bijv. wijkbedrijf-selwerd). "
            "Resultaten verwijzen hiernaar.",
            "wijkbedrijf-selwerd",
        ),
        Column("name", TEXT, True, "naam", "Naam van de interventie.", "Wijkbedrijf Selwerd"),
        Column(
            "description",
            TEXT,
            False,
            "omschrijving",
            "Korte omschrijving in gewone taal.",
            "Plek voor initiatieven uit de wijk, volgens de wijklogica.",
        ),
        Column(
            "areas",
            AREA_LIST,
            True,
            "gebieden",
            "Wijkvernieuwingsgebieden (id uit config/programme.toml) of CBS-buurtcodes (BU + 8 cijfers), "
            "gescheiden door ;",
            "selwerd;BU00141001",
        ),
        Column(
            "theme",
            THEME,
            True,
            "thema",
            "Thema-id uit config/programme.toml (bijv. meedoen, veilig).",
            "meedoen",
        ),
        Column(
            "actielijn",
            TEXT,
            False,
            "actielijn",
            "Actielijn uit het uitvoeringsprogramma (bijv. Werk in de wijk, Energietransitie).",
            "Werk in de wijk",
        ),
        Column(
            "spoor",
            SPOOR,
            False,
            "spoor",
            "1 = voortzetten en opschalen, 2 = koppelkansen, 3 = systeemdoorbraken.",
            "1",
            choices=("1", "2", "3"),
        ),
        Column(
            "lead_partner",
            TEXT,
            False,
            "trekker",
            "De partner die de interventie trekt.",
            "Gemeente Groningen",
        ),
        Column(
            "partners",
            TEXT_LIST,
            False,
            "partners",
            "Andere partners, gescheiden door ;",
            "KAW;WIJ Groningen",
        ),
        Column(
            "programmes",
            PROGRAMME_LIST,
            True,
            "programma's",
            "Financierende programma's (id uit config/programme.toml), gescheiden door ;",
            "wijkvernieuwing;regiodeal",
        ),
        Column(
            "budget_eur",
            AMOUNT,
            False,
            "budget (euro)",
            "Totaal budget in euro's, zonder euroteken.",
            "250000",
        ),
        Column(
            "spent_eur", AMOUNT, False, "uitgegeven (euro)", "Tot nu toe uitgegeven, in euro's.", "120000"
        ),
        Column(
            "start_date",
            DATE,
            False,
            "begindatum",
            "Datum als jjjj-mm-dd (of een Excel-datum).",
            "2021-03-01",
        ),
        Column(
            "end_date",
            DATE,
            False,
            "einddatum",
            "Datum als jjjj-mm-dd; leeg als nog niet bekend.",
            "2025-12-31",
        ),
        Column(
            "status",
            CHOICE,
            True,
            "status",
            "idee, voorbereiding, lopend, afgerond of gestopt.",
            "lopend",
            choices=STATUSES,
        ),
        Column(
            "goal_indicators",
            INDICATOR_LIST,
            False,
            "doelindicatoren",
            "Indicatorcodes uit config/indicators.toml waar de interventie aan moet bijdragen, "
            "gescheiden door ;",
            "Eenzaam;MoeiteMetRondkomen",
        ),
        Column(
            "monitoring_type",
            CHOICE,
            False,
            "soort monitoring",
            "Wat de interventiemonitor volgt: resultaat, proces of impact.",
            "resultaat",
            choices=MONITORING_TYPES,
        ),
        _example_column("true als de cijfers in deze rij illustratief zijn (voorbeelddata), anders false."),
    ),
)

RESULTS = Sheet(
    key="results",
    sheet="resultaten",
    label="resultatenregister",
    columns=(
        Column(
            "intervention_id",
            ID,
            True,
            "interventiecode",
            "De code (id) van de interventie in het werkblad interventies.",
            "wijkbedrijf-selwerd",
        ),
        Column(
            "period",
            PERIOD,
            True,
            "periode",
            "Een jaar (2023), een kwartaal (2023-Q2) of een datum (2023-05-01).",
            "2023",
        ),
        Column("measure", TEXT, True, "meting", "Wat er gemeten is.", "deelnemers wijkgilde"),
        Column(
            "value",
            NUMBER,
            False,
            "waarde",
            "Gemeten waarde (een getal). Leeg als er alleen een streefwaarde is.",
            "42",
        ),
        Column("target", NUMBER, False, "streefwaarde", "Streefwaarde voor deze periode (een getal).", "50"),
        Column(
            "unit",
            TEXT,
            False,
            "eenheid",
            "Eenheid van waarde en streefwaarde (aantal, %, euro, ...).",
            "aantal",
        ),
        Column("source", TEXT, False, "bron", "Waar het cijfer vandaan komt.", "registratie wijkbedrijf"),
        _example_column("true als het cijfer illustratief is, anders false."),
    ),
)

PROCESS_LOG = Sheet(
    key="process_log",
    sheet="proceslog",
    label="proceslogboek",
    columns=(
        Column(
            "date", DATE, True, "datum", "Datum van de bijeenkomst of activiteit (jjjj-mm-dd).", "2024-03-12"
        ),
        Column("area", AREA, True, "gebied", "Eén wijkvernieuwingsgebied (id) of CBS-buurtcode.", "selwerd"),
        Column(
            "activity_type",
            TEXT,
            True,
            "soort activiteit",
            "Bijv. bewonersavond, wijkagenda-gesprek, reflectiemoment, enquete, burgerbegroting.",
            "bewonersavond",
        ),
        Column("participants", COUNT, False, "deelnemers", "Aantal deelnemers (geheel getal).", "35"),
        Column(
            "residents_reached",
            COUNT,
            False,
            "bewoners bereikt",
            "Aantal bereikte bewoners (geheel getal).",
            "120",
        ),
        Column(
            "lived_experience_roles",
            COUNT,
            False,
            "ervaringsdeskundigen in een rol",
            "Aantal bewoners met ervaringskennis in een rol (ervaringsdeskundigen), geheel getal.",
            "3",
        ),
        Column("raised", TEXT, False, "ingebracht", "Wat bewoners inbrachten.", "Te weinig speelplekken"),
        Column("action", TEXT, False, "actie", "Wat ermee is gedaan.", "Opgenomen in de wijkagenda"),
        Column(
            "decision_or_intervention_id",
            TEXT,
            False,
            "besluit of interventie",
            "Het besluit, of de code (id) van de interventie die eruit voortkwam.",
            "speel-chillplekken-selwerd",
        ),
        Column(
            "action_status",
            CHOICE,
            False,
            "status actie",
            "toegezegd, in uitvoering, gedaan of niet gedaan.",
            "toegezegd",
            choices=ACTION_STATUSES,
        ),
        Column("lessons", TEXT, False, "lessen", "Wat we ervan leerden.", "Eerder jongeren zelf uitnodigen"),
        _example_column("true als de gegevens illustratief zijn, anders false."),
    ),
)

SHEETS: tuple[Sheet, ...] = (INTERVENTIONS, RESULTS, PROCESS_LOG)
SHEETS_BY_KEY = {s.key: s for s in SHEETS}
