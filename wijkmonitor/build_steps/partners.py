"""Build step: the partner list and which partners each intervention names, checked against
`config/partners.toml`.

Every name in the interventions register's `lead_partner` and `partners` columns must be a partner id, name or
alias; a name that is not is an error located as in Excel (file, row, column) with the nearest partner as a
suggestion, so "Lefeir" does not silently become a partner nobody can find.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from wijkmonitor.common.text import split_list
from wijkmonitor.partners import Partners, load_partners
from wijkmonitor.registers import load_register_spec
from wijkmonitor.registers.problems import ERROR, Problem, RegisterError

PARTNER_COLUMNS = ["partner_id", "name", "kind", "members", "sort_order"]
LINK_COLUMNS = ["intervention_id", "partner_id", "role", "named_as"]
ROLES = (("lead_partner", "lead"), ("partners", "partner"))


def read_partners(config_dir: Path) -> Partners:
    return load_partners(config_dir / "partners.toml")


def partner_table(partners: Partners) -> pd.DataFrame:
    return pd.DataFrame([{"partner_id": p.id, "name": p.name, "kind": p.kind, "members": ";".join(p.members),
                          "sort_order": i} for i, p in enumerate(partners.partners)], columns=PARTNER_COLUMNS)


def _register_place(config_dir: Path) -> tuple[str, str | None]:
    """(sheet, file) of the interventions register as `Problem` names them."""
    spec = load_register_spec(config_dir / "registers.toml")
    source = spec.interventions if spec is not None else None
    if source is None:
        return "interventies", None
    if source.sheet:
        return source.sheet, source.path.name
    return source.path.name, None


def intervention_partners(interventions: pd.DataFrame, partners: Partners, config_dir: Path) -> pd.DataFrame:
    """One row per intervention and partner it names (lead or partner); raises RegisterError listing every
    name that is not in the partner list. Without a partner list (no partners.toml) nothing is checked."""
    if not partners.partners or interventions.empty:
        return pd.DataFrame(columns=LINK_COLUMNS)
    rows: list[dict[str, str]] = []
    problems: list[Problem] = []
    sheet, file = _register_place(config_dir)
    for position, record in enumerate(interventions.to_dict("records")):
        for column, role in ROLES:
            for named in split_list(record[column]):
                partner_id = partners.resolve(named)
                if partner_id is None:
                    suggestion = partners.suggest(named)
                    hint = f"; bedoelt u ‘{suggestion}’?" if suggestion else \
                        "; voeg de partner toe aan config/partners.toml (id, name, aliases)"
                    problems.append(Problem(sheet=sheet, row=position + 2, column=column, level=ERROR, file=file,
                                            message=f"onbekende partner ‘{named}’{hint}"))
                    continue
                if not any(r["intervention_id"] == record["intervention_id"] and r["partner_id"] == partner_id
                           for r in rows):
                    rows.append({"intervention_id": record["intervention_id"], "partner_id": partner_id,
                                 "role": role, "named_as": named})
    if problems:
        raise RegisterError(problems)
    return pd.DataFrame(rows, columns=LINK_COLUMNS)
