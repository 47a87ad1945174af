"""The open begroting adds up on screen (issue 11, item 3): with an area chosen, what works only there and
what is shared with other areas, side by side, against hand sums from the example register; programme budgets
from the documents next to what the register budgets under them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from tests.test_interventions import _areas_config, _csv, amount, hand_works_in
from wijkmonitor import db
from wijkmonitor.config import programme_budget
from wijkmonitor.interventions import budget, filters, model, views
from wijkmonitor.interventions.filters import Filters
from wijkmonitor.texts import interventies as itxt


@pytest.fixture(scope="module")
def register(groningen_db: Path) -> model.Register:
    names = ["interventions_list", "interventions_areas", "interventions_programmes", "interventions_results",
             "interventions_indicator_labels", "area_options", "interventions_partners",
             "partners_all"]
    return model.build_register(*(db.run(groningen_db, name) for name in names))


def hand_only_in(areas_cell: str, area: str) -> bool:
    """A register row works only in `area`: everything it names is the area or one of its buurten."""
    _, of_buurt, programme_areas = _areas_config()
    named = [a for a in areas_cell.split(";") if a]
    return bool(named) and all(a not in programme_areas and of_buurt.get(a, a) == area for a in named)


def test_vinkhuizen_only_and_shared_add_up_to_the_total(register: model.Register) -> None:
    rows = [r for r in _csv("interventies.csv") if hand_works_in(r["areas"], "vinkhuizen")]
    only = [r for r in rows if hand_only_in(r["areas"], "vinkhuizen")]
    shared = [r for r in rows if not hand_only_in(r["areas"], "vinkhuizen")]
    split = budget.area_split(filters.apply(register, Filters(area="vinkhuizen")), register, "vinkhuizen")
    # The figures of the issue: EUR 7,19 mln in total, of which 480.000 (Buurt Fier) only in Vinkhuizen.
    assert split.together.budget == sum(amount(r["budget_eur"]) for r in rows) == 7_190_000
    assert split.only.budget == sum(amount(r["budget_eur"]) for r in only) == 480_000
    assert split.shared.budget == sum(amount(r["budget_eur"]) for r in shared) == 6_710_000
    assert (split.only.n, split.shared.n, split.together.n) == (len(only), len(shared), len(rows))
    # The 'only' part is exactly the Vinkhuizen bar of the chart per area.
    per_area = budget.per_area(filters.apply(register, Filters()), register).set_index("key")
    assert per_area.loc["vinkhuizen", "budget"] == split.only.budget


@pytest.mark.parametrize("area", ["selwerd", "beijum", "de-wijert", "indische-buurt-de-hoogte", "lewenborg",
                                  "paddepoel", "tuinwijk", "professorenbuurt", "oosterparkwijk", "ten-boer"])
def test_every_area_splits_like_the_hand_sums(register: model.Register, area: str) -> None:
    rows = [r for r in _csv("interventies.csv") if hand_works_in(r["areas"], area)]
    split = budget.area_split(filters.apply(register, Filters(area=area)), register, area)
    assert (split.together.budget or 0.0) == sum(amount(r["budget_eur"]) for r in rows)
    assert (split.only.budget or 0.0) == sum(amount(r["budget_eur"]) for r in rows if hand_only_in(r["areas"], area))
    assert (split.only.budget or 0.0) + (split.shared.budget or 0.0) == (split.together.budget or 0.0)


def test_metrics_say_what_they_count(register: model.Register) -> None:
    view = views.intervention_view(register, Filters(area="vinkhuizen"), pd.DataFrame(), pd.DataFrame(),
                                   dt.date(2026, 12, 1))
    shown = {m.label: m.value for m in view.metrics}
    assert shown["Alleen in Vinkhuizen"] == "€ 480.000"
    assert shown[itxt.M_SHARED] == "€ 6.710.000"
    assert shown["Samen, in en rond Vinkhuizen"] == "€ 7.190.000"
    assert "€ 480.000" in view.split_note and "€ 7.190.000" in view.split_note and "voorbeelddata" in view.split_note
    assert view.split_table is not None
    assert list(view.split_table.frame["Budget (euro)"]) == ["€ 480.000", "€ 6.710.000", "€ 7.190.000"]
    everything = views.intervention_view(register, Filters(), pd.DataFrame(), pd.DataFrame(), dt.date(2026, 12, 1))
    assert everything.split is None
    assert [m.label for m in everything.metrics] == [itxt.M_COUNT, itxt.M_ALL_BUDGET, itxt.M_SPENT]


def test_programme_budgets_from_the_documents_next_to_the_register(register: model.Register) -> None:
    rows = _csv("interventies.csv")
    view = views.intervention_view(register, Filters(area="vinkhuizen"), pd.DataFrame(), pd.DataFrame(),
                                   dt.date(2026, 12, 1))
    assert view.sources_table is not None
    table = view.sources_table.frame.set_index("Programma")
    assert table.loc["Nationaal Programma Groningen", itxt.COL_PROGRAMME_BUDGET] == "€ 20.000.000"
    assert table.loc["Regio Deal Groningen-Noord", itxt.COL_PROGRAMME_BUDGET] == "€ 15.000.000"
    # Coalitieakkoord: 2 mln a year, 2022 to 2026 included.
    assert table.loc["Coalitieakkoord 2022", itxt.COL_PROGRAMME_BUDGET] == "€ 10.000.000"
    # The register side is the whole register, whatever area is chosen (a programme budget is programme-wide).
    npg = sum(amount(r["budget_eur"]) for r in rows if "npg" in r["programmes"].split(";"))
    assert table.loc["Nationaal Programma Groningen", itxt.COL_REGISTER_BUDGET] == f"€ {npg:,.0f}".replace(",", ".")
    assert "voorbeelddata" in view.sources_note
    assert view.sources_figure is not None


def test_programme_budget_per_year_times_the_period() -> None:
    assert programme_budget(None, 2_000_000, "2022-2026") == 10_000_000
    assert programme_budget(15_000_000, None, "t/m 2024") == 15_000_000
    assert programme_budget(None, 2_000_000, "t/m 2026") is None
    assert programme_budget(None, None, "2022-2026") is None
