"""goals.toml: the shipped file is valid, and every kind of mistake gets a Dutch message naming its key."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest

from wijkmonitor.config import load_config
from wijkmonitor.goals.config import (
    DEFAULT_GOALS,
    Catalogue,
    GoalsConfigError,
    load_goals,
    parse_goals,
)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue.from_config(load_config())


@pytest.fixture(scope="module")
def shipped() -> dict[str, Any]:
    with DEFAULT_GOALS.open("rb") as handle:
        return tomllib.load(handle)


def problems(data: dict[str, Any], catalogue: Catalogue) -> list[str]:
    with pytest.raises(GoalsConfigError) as caught:
        parse_goals(data, catalogue)
    return caught.value.problems


def with_goal(shipped: dict[str, Any], **changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(shipped)
    data["goals"] = [data["goals"][0] | changes]
    return data


def test_shipped_goals_are_valid_examples(catalogue: Catalogue) -> None:
    config = load_goals(catalogue)
    assert len(config.goals) >= 5
    assert all(g.example for g in config.goals), "the seeds give no numbers: every shipped target is an example"
    assert {g.target_type for g in config.goals} == {"value", "gap_at_most", "gap_factor"}
    assert {p.name for p in config.partners} >= {
        "Nijestee", "Lefier", "De Huismeesters", "Patrimonium", "Wierden en Borgen", "Politie", "WIJ Groningen",
    }
    assert config.thresholds.on_track == 0.95 and config.thresholds.at_risk == 0.6


def test_all_areas_means_every_renewal_area_but_not_programme_areas(catalogue: Catalogue) -> None:
    config = load_goals(catalogue)
    everywhere = next(g for g in config.goals if g.all_areas)
    assert "selwerd" in everywhere.areas and "ten-boer" in everywhere.areas
    assert "groningen-noord" not in everywhere.areas


def test_unknown_indicator_is_named_with_its_key_and_a_suggestion(shipped: dict[str, Any],
                                                                   catalogue: Catalogue) -> None:
    found = problems(with_goal(shipped, indicator="Eenzam"), catalogue)
    assert found == [
        "goals[0] (eenzaamheid-kloof-gehalveerd), sleutel 'indicator': onbekende indicator 'Eenzam' "
        "(niet in indicators.toml) (bedoelt u 'Eenzaam'?)"
    ]


def test_unknown_area_age_theme_and_partner(shipped: dict[str, Any], catalogue: Catalogue) -> None:
    found = problems(
        with_goal(shipped, areas=["selwerd", "selwerdd"], age_group="18+", theme="wonen", partners=["nijesteee"]),
        catalogue,
    )
    text = "\n".join(found)
    assert "sleutel 'areas': onbekend gebied 'selwerdd' (niet in programme.toml) (bedoelt u 'selwerd'?)" in text
    assert "sleutel 'age_group': onbekende leeftijdsgroep '18+'" in text
    assert "sleutel 'theme': onbekend thema 'wonen'" in text
    assert ("sleutel 'partners': onbekende partner 'nijesteee' (niet in config/partners.toml) "
            "(bedoelt u 'nijestee'?)") in text
    assert len(found) == 4


def test_target_year_before_baseline(shipped: dict[str, Any], catalogue: Catalogue) -> None:
    found = problems(with_goal(shipped, baseline_year=2020, target_year=2016), catalogue)
    assert found == [
        "goals[0] (eenzaamheid-kloof-gehalveerd), sleutel 'target_year': het doeljaar 2016 ligt niet na het "
        "basisjaar 2020"
    ]


def test_bad_target_values(shipped: dict[str, Any], catalogue: Catalogue) -> None:
    assert "sleutel 'target': bij gap_factor is target een factor van 0 tot 1" in problems(
        with_goal(shipped, target_type="gap_factor", target=2), catalogue)[0]
    assert "sleutel 'target': bij gap_at_most is target een kloof van 0 of meer" in problems(
        with_goal(shipped, target_type="gap_at_most", target=-1), catalogue)[0]
    assert "sleutel 'target_type': onbekend soort doel 'halveren'" in problems(
        with_goal(shipped, target_type="halveren"), catalogue)[0]
    assert "sleutel 'target': verwacht een getal, kreeg 'veel'" in problems(
        with_goal(shipped, target="veel"), catalogue)[0]


def test_neutral_and_uncomparable_indicators_cannot_have_goals(shipped: dict[str, Any],
                                                               catalogue: Catalogue) -> None:
    assert "is neutraal" in problems(with_goal(shipped, indicator="Mantelzorger"), catalogue)[0]
    assert "wordt niet met de stad vergeleken" in problems(with_goal(shipped, indicator="AantalInwoners"),
                                                            catalogue)[0]


def test_missing_keys_typos_and_duplicate_ids(shipped: dict[str, Any], catalogue: Catalogue) -> None:
    data = copy.deepcopy(shipped)
    first = dict(data["goals"][0])
    del first["indicator"]
    first["baseline"] = 2016
    data["goals"] = [first, dict(shipped["goals"][1], id=first["id"])]
    text = "\n".join(problems(data, catalogue))
    assert "sleutel 'indicator': verplichte waarde ontbreekt" in text
    assert "sleutel 'baseline': onbekende sleutel (tikfout?) (bedoelt u 'baseline_year'?)" in text
    assert "goals[1] (eenzaamheid-kloof-gehalveerd), sleutel 'id': de code 'eenzaamheid-kloof-gehalveerd' " \
           "komt twee keer voor" in text


def test_thresholds_must_be_ordered(shipped: dict[str, Any], catalogue: Catalogue) -> None:
    data = copy.deepcopy(shipped) | {"status": {"on_track": 0.5, "at_risk": 0.8}}
    assert problems(data, catalogue) == [
        "status, sleutel 'at_risk': de drempels moeten voldoen aan 0 < at_risk < on_track; nu at_risk = 0.8, "
        "on_track = 0.5"
    ]


def test_unreadable_or_missing_file(tmp_path: Path, catalogue: Catalogue) -> None:
    broken = tmp_path / "goals.toml"
    broken.write_text("[[goals]\nid = ", encoding="utf-8")
    with pytest.raises(GoalsConfigError, match="geen geldige TOML"):
        load_goals(catalogue, broken)
    with pytest.raises(GoalsConfigError, match="het bestand bestaat niet"):
        load_goals(catalogue, tmp_path / "nergens.toml")


def test_the_error_message_names_the_file_and_counts_the_problems(shipped: dict[str, Any],
                                                                  catalogue: Catalogue) -> None:
    with pytest.raises(GoalsConfigError) as caught:
        parse_goals(with_goal(shipped, indicator="Eenzam", age_group="kind"), catalogue, Path("config/goals.toml"))
    assert str(caught.value).startswith("Het doelenbestand config/goals.toml bevat 2 fout(en); pas het bestand aan:")


@pytest.mark.parametrize(("changes", "message"), [
    ({"partners": "nijestee"}, "sleutel 'partners': geef een lijst met partner-id's uit config/partners.toml"),
    ({"areas": []}, "sleutel 'areas': geef \"all\" of een lijst met gebied-id's uit programme.toml"),
    ({"target": True}, "sleutel 'target': verwacht een getal, kreeg True"),
    ({"target": float("inf")}, "sleutel 'target': verwacht een getal, kreeg inf"),
    ({"baseline_year": "2016"}, "sleutel 'baseline_year': verwacht een jaartal (bijv. 2030), kreeg '2016'"),
    ({"target_year": 1e4}, "sleutel 'target_year': verwacht een jaartal (bijv. 2030), kreeg 10000.0"),
    ({"example": "ja"}, "sleutel 'example': verwacht true of false, kreeg 'ja'"),
    ({"title": 5}, "sleutel 'title': verwacht tekst, kreeg 5"),
    ({"target_type": "gap_factr"}, "sleutel 'target_type': onbekend soort doel 'gap_factr'; kies uit value, "
                                   "gap_at_most of gap_factor (bedoelt u 'gap_factor'?)"),
])
def test_values_of_the_wrong_type_are_named_not_converted(shipped: dict[str, Any], catalogue: Catalogue,
                                                          changes: dict[str, Any], message: str) -> None:
    # The schema is strict: "2016" is not a year, true is not a number, and text for a list is not split.
    assert problems(with_goal(shipped, **changes), catalogue) == [f"goals[0] (eenzaamheid-kloof-gehalveerd), {message}"]


def test_one_area_as_text_is_that_area_not_its_letters(shipped: dict[str, Any], catalogue: Catalogue) -> None:
    config = parse_goals(with_goal(shipped, areas="selwerd"), catalogue)
    assert config.goals[0].areas == ("selwerd",)


def test_typos_in_every_table_get_a_suggestion(shipped: dict[str, Any], catalogue: Catalogue) -> None:
    data = copy.deepcopy(shipped) | {"goalz": [], "status": {"on_track": "hoog"}}
    # A goals file may still carry its own [[partners]] (else config/partners.toml is the list); checked alike.
    data["partners"] = [{"id": "gemeente", "name": "Gemeente Groningen", "naam": "x"}]
    assert problems(data, catalogue)[:3] == [
        "bestand, sleutel 'goalz': onbekende sleutel (tikfout?) (bedoelt u 'goals'?)",
        "status, sleutel 'on_track': verwacht een getal, kreeg 'hoog'",
        "partners[0], sleutel 'naam': onbekende sleutel (tikfout?) (bedoelt u 'name'?)",
    ]


def test_goals_read_back_from_tables_keep_empty_cells_empty() -> None:
    import pandas as pd

    from wijkmonitor.goals.config import goals_from_tables

    goals = pd.DataFrame([{
        "goal_id": "g1", "title": "Minder eenzaamheid", "theme_id": "meedoen", "indicator_code": "Eenzaam",
        "age_group": "18plus", "areas": "selwerd;beijum", "all_areas": False, "baseline_year": 2016,
        "target_year": 2030, "target_type": "gap_factor", "target": 0.5, "partners": None, "example": True,
        "note": float("nan"),
    }])
    partners = pd.DataFrame({"partner_id": ["wij-groningen"], "name": ["WIJ Groningen"], "kind": [None]})
    built = goals_from_tables(goals, partners, pd.DataFrame({"on_track": [0.9], "at_risk": [0.5]}))
    (goal,) = built.goals
    assert goal.areas == ("selwerd", "beijum") and goal.partners == () and goal.note == ""
    assert built.partners[0].kind == "" and (built.thresholds.on_track, built.thresholds.at_risk) == (0.9, 0.5)
    defaults = goals_from_tables(goals.iloc[0:0], partners.iloc[0:0], pd.DataFrame(columns=["on_track", "at_risk"]))
    assert defaults.goals == () and defaults.thresholds.on_track == 0.95
