"""One partner list (config/partners.toml) for registers, goals, login roles and filters (issue 11, item 5):
the example register's names resolve, a corporation finds the rows that name "woningcorporaties", the goals
use the same ids, and a near miss stops the build with a Dutch suggestion."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from wijkmonitor.build_steps.partners import intervention_partners
from wijkmonitor.config import PROJECT_ROOT, load_config
from wijkmonitor.goals.config import Catalogue, load_goals
from wijkmonitor.partners import load_partners
from wijkmonitor.registers.problems import RegisterError

CONFIG = PROJECT_ROOT / "config"
CORPORATIONS = {"nijestee", "lefier", "de-huismeesters", "patrimonium", "wierden-en-borgen"}


def register_rows() -> list[dict[str, str]]:
    with (CONFIG / "registers" / "voorbeeld" / "interventies.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_register_names_resolve_to_partners() -> None:
    partners = load_partners(CONFIG / "partners.toml")
    assert set(partners.resolve("woningcorporaties")) == CORPORATIONS and partners.is_collective("Woningcorporaties")
    assert partners.resolve("WIJ Beijum") == partners.resolve("stichting wij") == ("wij-groningen",)
    assert partners.resolve("De Huismeesters") == ("de-huismeesters",)
    assert partners.resolve("Gemeente  groningen") == ("gemeente",)
    # Names that resemble no partner are no coalition partner (they stay register text): none is a near miss.
    names = {n.strip() for r in register_rows() for n in [r["lead_partner"], *r["partners"].split(";")] if n.strip()}
    outside = {n for n in names if not partners.resolve(n)}
    assert outside == {"KAW", "Oude Bieb", "Scheepsraad", "WerkPro", "kinderopvang", "wijkbedrijven"}
    assert all(partners.suggest(n) is None for n in outside)


def test_goals_use_the_same_partner_list() -> None:
    goals = load_goals(Catalogue.from_config(load_config(CONFIG)), CONFIG / "goals.toml")
    ids = {p.id for p in goals.partners}
    assert ids == set(load_partners(CONFIG / "partners.toml").ids)
    assert {p for g in goals.goals for p in g.partners} <= ids
    assert {p for g in goals.goals for p in g.partners} >= CORPORATIONS


def test_near_misses_get_a_suggestion() -> None:
    partners = load_partners(CONFIG / "partners.toml")
    assert partners.suggest("Lefeir") == "Lefier"
    assert partners.suggest("Nijestede") == "Nijestee"
    assert partners.suggest("woningcorporatie") == "woningcorporaties"
    assert partners.suggest("xyzzy") is None


def test_a_misspelt_partner_is_an_error_with_a_suggestion() -> None:
    """The build step's check, on the example register with two names misspelt (the build stops on it before
    it writes anything, so the last good database stays)."""
    frame = pd.DataFrame([{"intervention_id": r["id"], "lead_partner": r["lead_partner"],
                           "partners": r["partners"] or None} for r in register_rows()])
    frame.loc[0, "partners"] = "Lefeir;bewoners Selwerd"
    frame.loc[3, "lead_partner"] = "Gemeente Groninge"
    partners = load_partners(CONFIG / "partners.toml")
    with pytest.raises(RegisterError) as caught:
        intervention_partners(frame, partners, CONFIG)
    lines = [str(p) for p in caught.value.problems]
    assert lines == [
        "fout: bestand interventies.csv, rij 2, kolom partners: onbekende partner ‘Lefeir’; bedoelt u ‘Lefier’? "
        "(of voeg de naam toe aan config/partners.toml)",
        "fout: bestand interventies.csv, rij 5, kolom lead_partner: onbekende partner ‘Gemeente Groninge’; "
        "bedoelt u ‘Gemeente Groningen’? (of voeg de naam toe aan config/partners.toml)",
    ]
    warnings: list[str] = []
    links = intervention_partners(frame.iloc[[1, 6]], partners, CONFIG, warnings.append)
    assert set(links["partner_id"]) == {"gemeente", "bewoners", "wij-groningen"} | CORPORATIONS
    # Heerdenaanpak: De Huismeesters leads (named directly), not 'via' a collective name.
    direct = links[(links["intervention_id"] == "heerdenaanpak-atensheerd")].set_index("partner_id")
    assert direct.loc["de-huismeesters", "role"] == "lead" and not direct.loc["de-huismeesters", "collective"]
    assert warnings == []


def test_partner_tables_on_the_real_build(groningen_db: Path) -> None:
    with duckdb.connect(str(groningen_db), read_only=True) as con:
        partners = {r[0] for r in con.execute("select partner_id from partners").fetchall()}
        links = con.execute("select intervention_id, partner_id, role, named_as, collective "
                            "from intervention_partners").fetchall()
    assert CORPORATIONS | {"gemeente", "politie", "wij-groningen"} <= partners
    assert ("heerdenaanpak-atensheerd", "de-huismeesters", "lead", "De Huismeesters", False) in links
    assert ("buurt-fier-vinkhuizen", "lefier", "partner", "woningcorporaties", True) in links
    assert {p for _, p, _, _, _ in links} <= partners
