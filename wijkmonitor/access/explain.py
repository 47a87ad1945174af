"""Who sees what, in plain Dutch: for Over de data and Gegevens bijwerken. Pure: the rules of
`config/access.toml` in, Markdown out.
"""

from __future__ import annotations

from wijkmonitor.access.config import ALL_OPEN, AccessConfig, VisibilityRule
from wijkmonitor.common.text import markdown
from wijkmonitor.registers.schema import SHEETS

_TABLES = {
    "interventions": "interventies",
    "intervention_results": "resultaten van interventies",
    "intervention_areas": "gebieden van interventies",
    "intervention_programmes": "programma's van interventies",
    "process_log": "het proceslog",
}
_SHEET_OF = {"interventions": "interventions", "intervention_results": "results", "process_log": "process_log"}
_AUDIENCES = {
    "partners": "alleen voor ingelogde partners en het programmabureau",
    "betrokken": "alleen voor de partners die bij de interventie horen en het programmabureau",
    "programmabureau": "alleen voor het programmabureau",
}
SETTING = "config/access.toml, sleutel login.without_login"


def _column_label(table: str, column: str) -> str:
    sheet = next((s for s in SHEETS if s.key == _SHEET_OF.get(table)), None)
    if sheet is not None and column in sheet.names:
        return sheet.column(column).label
    return column


def _either(values: tuple[str, ...]) -> str:
    return " of ".join(f"‘{v}’" for v in values)


def _rule(rule: VisibilityRule) -> str:
    table = _TABLES.get(rule.table, rule.table)
    if rule.columns:
        names = [f"‘{_column_label(rule.table, c)}’" for c in rule.columns]
        labels = " en ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
        what = f"in {table} de kolom{'men' if len(rule.columns) > 1 else ''} {labels}"
    else:
        what = table
    if rule.where:
        conditions = " en ".join(
            f"{_column_label(rule.table, c).lower()} {_either(values)}"
            for c, values in rule.where.items()
        )
        what += f" met {conditions}"
    return f"- {markdown(what[0].upper() + what[1:])}: {_AUDIENCES[rule.audience]}."


def restricted_list(config: AccessConfig) -> str:
    """One line per rule; an empty string when nothing is restricted."""
    return "\n".join(_rule(r) for r in config.visibility)


def who_sees_what(config: AccessConfig, *, login_enabled: bool) -> str:
    """The paragraph for Over de data: what is public, and what depends on logging in or on the setting."""
    rules = restricted_list(config)
    if not rules:
        return "Alles in de registers is openbaar: config/access.toml schermt niets af."
    draft = (" De status ‘idee’ is in het interventieregister de conceptstatus: zo'n interventie is nog niet "
             "besloten.")
    if login_enabled:
        return ("Iedereen ziet de openbare gegevens. Wat hieronder staat is afgeschermd; wie inlogt ziet wat zijn "
                "rol toestaat. Een partner ziet de eigen afgeschermde gegevens, niet die van een andere partner; "
                f"het programmabureau ziet alles.{draft} Ook downloads volgen deze regels.\n\n{rules}")
    if config.login.without_login == ALL_OPEN:
        return ("Voor dit dashboard is geen inloggen ingesteld. Daarom ziet iedereen alles wat in de registers "
                "staat, ook wat met inloggen afgeschermd zou zijn:\n\n"
                f"{rules}\n\n{draft.strip()} Dit is ingesteld in {SETTING} = \"alles openbaar\". Met \"alleen "
                "openbaar\" blijft het afgeschermde ook zonder inloggen verborgen.")
    return ("Voor dit dashboard is geen inloggen ingesteld. Het toont alleen wat openbaar is; dit blijft "
            f"verborgen:\n\n{rules}\n\n{draft.strip()} Dit is ingesteld in {SETTING} = \"alleen openbaar\".")


def updating_off(config: AccessConfig) -> str:
    """Why Gegevens bijwerken is off, and what everybody sees meanwhile."""
    seen = ("ziet iedereen alles wat in de registers staat" if config.login.without_login == ALL_OPEN
            else "toont het dashboard alleen wat openbaar is")
    return ("Bijwerken in de browser staat uit: voor dit dashboard is geen inlogaanbieder ingesteld "
            "(.streamlit/secrets.toml). De gegevens worden dan op de server bijgewerkt met `wijkmonitor build`. "
            f"Zonder inloggen {seen} ({SETTING} = \"{config.login.without_login}\"; zie Over de data).")
