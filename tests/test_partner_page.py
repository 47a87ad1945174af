"""Mijn organisatie on the real build with the example register: a corporation finds its goals and the
interventions that name the corporations together; the choice is in the URL."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.bad_inputs.apptest import open_app
from wijkmonitor.config import PROJECT_ROOT
from wijkmonitor.texts import mijn_organisatie as txt

PAGE = "pages/mijn-organisatie.py"


def register_rows() -> list[dict[str, str]]:
    with (PROJECT_ROOT / "config" / "registers" / "voorbeeld" / "interventies.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def table(at, column: str):  # type: ignore[no-untyped-def]
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_lefier_sees_its_goals_and_the_corporations_interventions(app_db: Path) -> None:
    at = open_app(PAGE, partner="lefier")
    assert not at.exception and not at.error
    assert at.selectbox(key="mijn_organisatie_partner").value == "lefier"
    expected = {r["name"] for r in register_rows() if "woningcorporaties" in r["partners"].split(";")}
    interventions = table(at, txt.COL_ROLE)
    assert set(interventions[txt.COL_INTERVENTION]) == expected and len(expected) == 8
    assert set(interventions[txt.COL_ROLE]) == {"via woningcorporaties"}
    goals = table(at, txt.COL_REASON)
    assert {"Minder eenzame ouderen: kloof hooguit 3 procentpunt", "Minder ernstige geluidhinder door buren"} \
        == set(goals[txt.COL_GOAL])
    assert any("Voorbeelddata" in w.value for w in at.warning)
    assert at.query_params["partner"] == "lefier"


def test_de_huismeesters_leads_atensheerd(app_db: Path) -> None:
    at = open_app(PAGE, partner="de-huismeesters")
    interventions = table(at, txt.COL_ROLE).set_index(txt.COL_INTERVENTION)
    assert interventions.loc["Heerdenaanpak Atensheerd (Ontwikkelend Beheer)", txt.COL_ROLE] == txt.ROLE_LEAD


def test_unknown_partner_in_the_link(app_db: Path) -> None:
    at = open_app(PAGE, partner="<script>x</script>")
    assert not at.exception
    assert at.selectbox(key="mijn_organisatie_partner").value is None
    assert any(w.value.startswith("De link vraagt om de organisatie") for w in at.warning)
