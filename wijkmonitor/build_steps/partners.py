"""Build step: the partner list and which partners each intervention names, checked against
`config/partners.toml`.

Every name in the interventions register's `lead_partner` and `partners` columns is looked up in the partner
list. A name that is close to a partner but not one ("Lefeir") is an error, located as in Excel (file, row,
column) with the nearest partner as a suggestion, so a typo never silently hides a row from its partner. A
name that resembles nothing (a residents' group, a local foundation) is not a coalition partner: it stays in
the register text and the build names it once as a warning.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from wijkmonitor.common.text import split_list
from wijkmonitor.partners import Partners, load_partners
from wijkmonitor.registers import load_register_spec
from wijkmonitor.registers.problems import ERROR, Problem, RegisterError

PARTNER_COLUMNS = ["partner_id", "name", "kind", "register_names", "sort_order"]
LINK_COLUMNS = ["intervention_id", "partner_id", "role", "named_as", "collective"]
ROLES = (("lead_partner", "lead"), ("partners", "partner"))


def read_partners(config_dir: Path) -> Partners:
    return load_partners(config_dir / "partners.toml")


def partner_table(partners: Partners) -> pd.DataFrame:
    return pd.DataFrame([{"partner_id": p.id, "name": p.name, "kind": p.kind,
                          "register_names": ";".join(p.register_names), "sort_order": i}
                         for i, p in enumerate(partners.partners)], columns=PARTNER_COLUMNS)


def _register_place(config_dir: Path) -> tuple[str, str | None]:
    """(sheet, file) of the interventions register as `Problem` names them."""
    spec = load_register_spec(config_dir / "registers.toml")
    source = spec.interventions if spec is not None else None
    if source is None:
        return "interventies", None
    if source.sheet:
        return source.sheet, source.path.name
    return source.path.name, None


def intervention_partners(interventions: pd.DataFrame, partners: Partners, config_dir: Path,
                          warn: Callable[[str], None] = lambda _line: None) -> pd.DataFrame:
    """One row per intervention and partner it names (lead or partner; a collective name gives a row per
    partner it stands for); raises RegisterError listing every near miss. Without a partner list nothing is
    checked."""
    if not partners.partners or interventions.empty:
        return pd.DataFrame(columns=LINK_COLUMNS).astype({"collective": "bool"})
    rows: dict[tuple[str, str], dict[str, object]] = {}
    problems: list[Problem] = []
    others: dict[str, None] = {}
    sheet, file = _register_place(config_dir)
    for position, record in enumerate(interventions.to_dict("records")):
        for column, role in ROLES:
            for named in split_list(record[column]):
                ids = partners.resolve(named)
                if not ids:
                    suggestion = partners.suggest(named)
                    if suggestion is None:
                        others.setdefault(named, None)
                        continue
                    problems.append(Problem(sheet=sheet, row=position + 2, column=column, level=ERROR, file=file,
                                            message=f"onbekende partner ‘{named}’; bedoelt u ‘{suggestion}’? "
                                                    "(of voeg de naam toe aan config/partners.toml)"))
                    continue
                for partner_id in ids:
                    key = (str(record["intervention_id"]), partner_id)
                    # A partner named both directly and through a collective name counts directly.
                    if key not in rows or (rows[key]["collective"] and len(ids) == 1):
                        rows[key] = {"intervention_id": key[0], "partner_id": partner_id, "role": role,
                                     "named_as": named, "collective": len(ids) > 1}
                    elif role == "lead":
                        rows[key]["role"] = "lead"
    if problems:
        raise RegisterError(problems)
    if others:
        warn(f"  {len(others)} namen in het interventieregister staan niet in config/partners.toml en tellen "
             f"niet als partner: {', '.join(others)}")
    return pd.DataFrame(list(rows.values()), columns=LINK_COLUMNS).astype({"collective": "bool"})
