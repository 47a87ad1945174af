"""How much of a restricted kind of content a viewer sees, and the Dutch sentence that asks them to log in.

Pure: the rules of `config/access.toml` and a viewer in, a `Withheld` out. Pages use it (through
`session.withheld_notice`) so that a direct link to something restricted ("/interventiemonitor?status=idee",
the lessons on the Procesmonitor) says "Log in om ... te zien" instead of showing an empty section that looks
as if nothing was recorded. The decision depends on roles and rules only, never on the rows: the notice itself
says nothing about what is withheld.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from wijkmonitor.access.config import AccessConfig, VisibilityRule
from wijkmonitor.access.roles import Viewer
from wijkmonitor.texts import toegang as txt

Seen = Literal["alles", "deels", "niets"]
_ORDER: dict[Seen, int] = {"alles": 0, "deels": 1, "niets": 2}


@dataclass(frozen=True)
class Subject:
    """A kind of restricted content: register `table`, and either a `column` or rows `where` column=value."""

    key: str
    what: str  # Dutch noun phrase for "Log in om {what} te zien"
    table: str
    column: str | None = None
    where: tuple[str, str] | None = None


LESSONS = Subject("lessen", txt.WHAT_LESSONS, "process_log", column="lessons")
OPEN_INPUT = Subject("inbreng", txt.WHAT_OPEN_INPUT, "process_log", column="raised")


def status_subject(status: str, label: str) -> Subject:
    """Interventions with one status (the draft status 'idee' in the shipped rules)."""
    return Subject(f"status-{status}", txt.WHAT_STATUS.format(status=label), "interventions",
                   where=("status", status))


@dataclass(frozen=True)
class Withheld:
    subject: Subject
    seen: Seen  # "deels": only some rows (the viewer's own interventions, or rows outside a rule's `where`)
    audience: str  # who may see it, in Dutch ("" when the viewer sees everything)
    audience_key: str = ""  # the rule's audience ("betrokken", ...)


def _applies(rule: VisibilityRule, subject: Subject) -> bool:
    if subject.column is not None:
        return subject.column in rule.columns
    if subject.where is not None:
        column, value = subject.where
        return not rule.columns and value.strip().lower() in {v.strip().lower() for v in rule.where.get(column, ())}
    return False


def _seen(rule: VisibilityRule, viewer: Viewer) -> Seen:
    if viewer.is_programme_office:
        return "alles"
    if rule.audience == "partners":
        return "alles" if viewer.is_partner else "niets"
    if rule.audience == "betrokken" and viewer.is_partner:
        return "deels"
    return "niets"


def withheld(config: AccessConfig, viewer: Viewer, subject: Subject) -> Withheld:
    """How much of `subject` the rules let `viewer` see. A rule with a `where` on other columns than the
    subject's withholds only some rows: the viewer then sees the rest ("deels")."""
    seen: Seen = "alles"
    audience = ""
    for rule in config.rules_for(subject.table):
        if not _applies(rule, subject):
            continue
        this = _seen(rule, viewer)
        if this == "niets" and subject.column is not None and rule.where:
            this = "deels"
        if _ORDER[this] > _ORDER[seen] or (this != "alles" and not audience):
            seen, audience = max(seen, this, key=_ORDER.__getitem__), rule.audience
    return Withheld(subject, seen, txt.AUDIENCES.get(audience, ""), audience)


def message(w: Withheld, *, login_enabled: bool, logged_in: bool, is_partner: bool, role: str) -> str | None:
    """The Dutch sentence for the page; None when the viewer sees everything of the subject."""
    if w.seen == "alles":
        return None
    if not login_enabled:
        return txt.NOT_PUBLIC.format(what=_capital(w.subject.what), audience=w.audience)
    if not logged_in:
        return txt.LOG_IN.format(what=w.subject.what, audience=w.audience)
    if w.seen == "deels" and w.audience_key == "betrokken" and is_partner:
        return txt.PARTLY.format(what=w.subject.what, audience=w.audience)
    return txt.NOT_FOR_ROLE.format(what=_capital(w.subject.what), role=role, audience=w.audience)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def restricted_statuses(config: AccessConfig) -> tuple[str, ...]:
    """The intervention statuses whose rows a rule withholds (the draft status 'idee' in the shipped rules)."""
    found: dict[str, None] = {}
    for rule in config.rules_for("interventions"):
        if not rule.columns:
            found.update(dict.fromkeys(rule.where.get("status", ())))
    return tuple(found)
