"""One partner list (config/partners.toml) for registers, goals and filters (issue 11, item 5): every name in
the example register resolves, a corporation finds the rows that name "woningcorporaties", the goals use the
same ids, and a near miss stops the build with a Dutch suggestion."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from wijkmonitor.build_steps.partners import intervention_partners
from wijkmonitor.config import PROJECT_ROOT, load_config
from wijkmonitor.goals.config import Catalogue, load_goals
from wijkmonitor.partners import PartnersConfigError, load_partners, parse_partners
from wijkmonitor.registers.problems import RegisterError

CONFIG = PROJECT_ROOT / "config"
CORPORATIONS = {"nijestee", "lefier", "de-huismeesters", "patrimonium", "wierden-en-borgen"}


def register_names() -> set[str]:
    with (CONFIG / "registers" / "voorbeeld" / "interventies.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return {n.strip() for r in rows for n in [r["lead_partner"], *r["partners"].split(";")] if n.strip()}


def test_every_register_name_is_a_partner() -> None:
    partners = load_partners(CONFIG / "partners.toml")
    unknown = {n for n in register_names() if partners.resolve(n) is None}
    assert unknown == set()
    assert partners.resolve("woningcorporaties") == "woningcorporaties"
    assert partners.resolve("WIJ Beijum") == partners.resolve("stichting wij") == "wij-groningen"
    assert set(partners.get("woningcorporaties").members) == CORPORATIONS  # type: ignore[union-attr]
    assert partners.involves({"woningcorporaties"}, "lefier") == "group"
    assert partners.involves({"de-huismeesters"}, "de-huismeesters") == "direct"
    assert partners.involves({"politie"}, "lefier") is None


def test_goals_use_the_same_partner_list() -> None:
    goals = load_goals(Catalogue.from_config(load_config(CONFIG)), CONFIG / "goals.toml")
    ids = {p.id for p in goals.partners}
    assert ids == set(load_partners(CONFIG / "partners.toml").ids)
    assert {p for g in goals.goals for p in g.partners} <= ids
    assert CORPORATIONS <= {p for g in goals.goals for p in g.partners}


def test_near_misses_get_a_suggestion() -> None:
    partners = load_partners(CONFIG / "partners.toml")
    assert partners.suggest("Lefeir") == "Lefier"
    assert partners.suggest("Nijestede") == "Nijestee"
    assert partners.suggest("woningcorporatie") == "De woningcorporaties samen"
    assert partners.suggest("xyzzy") is None


def test_a_broken_partner_list_names_its_key() -> None:
    with pytest.raises(PartnersConfigError) as caught:
        parse_partners({"partners": [{"id": "Lefier!", "name": "Lefier"},
                                     {"id": "groep", "name": "Groep", "members": ["onbekend"]},
                                     {"id": "a", "name": "A", "aliases": ["Groep"]}]})
    message = str(caught.value)
    assert "partners[0], sleutel 'id'" in message
    assert "sleutel 'members': onbekende partner 'onbekend'" in message
    assert "de naam 'Groep' hoort al bij 'groep'" in message


def test_partner_tables_on_the_real_build(groningen_db: Path) -> None:
    with duckdb.connect(str(groningen_db), read_only=True) as con:
        partners = dict(con.execute("select partner_id, members from partners").fetchall())
        links = con.execute("select intervention_id, partner_id, role, named_as from intervention_partners"
                            ).fetchall()
    assert set(partners["woningcorporaties"].split(";")) == CORPORATIONS
    assert ("heerdenaanpak-atensheerd", "de-huismeesters", "lead", "De Huismeesters") in links
    assert ("buurt-fier-vinkhuizen", "woningcorporaties", "partner", "woningcorporaties") in links
    assert {p for _, p, _, _ in links} <= set(partners)


def test_a_misspelt_partner_is_an_error_with_a_suggestion() -> None:
    """The build step's check, on the example register with one name misspelt (the build stops on it before
    it writes anything: the last good database stays, see test_bad_input)."""
    with (CONFIG / "registers" / "voorbeeld" / "interventies.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    frame = pd.DataFrame([{"intervention_id": r["id"], "lead_partner": r["lead_partner"],
                           "partners": r["partners"] or None} for r in rows])
    frame.loc[0, "partners"] = "Lefeir;bewoners Selwerd"
    frame.loc[3, "lead_partner"] = "Gemeente Groninge"
    partners = load_partners(CONFIG / "partners.toml")
    with pytest.raises(RegisterError) as caught:
        intervention_partners(frame, partners, CONFIG)
    lines = [str(p) for p in caught.value.problems]
    assert lines == [
        "fout: bestand interventies.csv, rij 2, kolom partners: onbekende partner ‘Lefeir’; bedoelt u ‘Lefier’?",
        "fout: bestand interventies.csv, rij 5, kolom lead_partner: onbekende partner ‘Gemeente Groninge’; "
        "bedoelt u ‘Gemeente Groningen’?",
    ]
    links = intervention_partners(frame.iloc[1:3], partners, CONFIG)
    assert set(links["partner_id"]) == {"gemeente", "woningcorporaties", "bewoners"}
