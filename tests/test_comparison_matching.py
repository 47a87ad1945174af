"""Comparison groups on hand-made cases with known answers: the search, the weights, the exclusions, the verdicts."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from wijkmonitor.comparison import matching
from wijkmonitor.comparison.build import Context, match_areas
from wijkmonitor.comparison.pool import Pool, to_wide
from wijkmonitor.comparison.settings import ComparisonSettings, load_settings
from wijkmonitor.config import Area
from wijkmonitor.errors import BuildError


def test_nearest_finds_the_known_neighbours_in_order() -> None:
    candidates = np.array([[0.0, 0.0], [1.0, 0.0], [5.0, 5.0], [0.0, 2.0], [-3.0, 0.0]])
    targets = np.array([[0.1, 0.0], [5.0, 4.0]])
    index, distance = matching.nearest(targets, candidates, k=3)
    assert index.tolist() == [[0, 1, 3], [2, 3, 1]]
    # root mean square over the two columns: (0.1, 0) -> sqrt(0.01 / 2)
    assert distance[0, 0] == pytest.approx(np.sqrt(0.01 / 2))
    assert distance[1, 0] == pytest.approx(np.sqrt(1 / 2))


def test_nearest_breaks_ties_by_row_and_caps_k() -> None:
    candidates = np.array([[1.0], [-1.0], [1.0]])
    index, _ = matching.nearest(np.array([[0.0]]), candidates, k=10)
    assert index.tolist() == [[0, 1, 2]]


def test_standardise_uses_the_reference_and_survives_a_constant_column() -> None:
    reference = pd.DataFrame({"a": [1.0, 3.0], "b": [2.0, 2.0]})
    z, _, sd = matching.standardise(pd.DataFrame({"a": [5.0], "b": [4.0]}), reference)
    assert z.iloc[0].tolist() == [3.0, 2.0]  # mean 2, population sd 1; b: sd 0 -> 1
    assert sd["b"] == 1.0


def test_neighbour_weights_pool_members_by_their_weight() -> None:
    matches = pd.DataFrame({
        "target": ["m1", "m1", "m2", "m2"],
        "candidate": ["x", "y", "y", "z"],
        "distance": [0.1, 0.2, 0.05, 0.3],
    })
    group = matching.neighbour_weights(matches, pd.Series({"m1": 300.0, "m2": 100.0}))
    by = group.set_index("candidate")
    assert by["weight"].to_dict() == pytest.approx({"x": 0.375, "y": 0.375 + 0.125, "z": 0.125})
    assert by.loc["y", "targets"] == "m1;m2"
    assert by.loc["y", "distance"] == 0.05
    assert group["candidate"].tolist() == ["y", "x", "z"]  # nearest first


def _pool(profiles: dict[str, tuple[float, float]], later: dict[str, float]) -> Pool:
    rows = []
    for code, (a, b) in profiles.items():
        rows += [(code, 2016, "18plus", "A", a), (code, 2016, "18plus", "B", b)]
    rows += [(code, 2020, "18plus", "A", value) for code, value in later.items()]
    frame = pd.DataFrame(rows, columns=["region_code", "year", "age_group", "indicator_code", "value"])
    return Pool(to_wide(frame), {"GM0001": "Eerstegem", "GM0002": "Tweedegem", "GM0003": "Derdegem"}, from_cache=False)


def _settings(**changes: object) -> ComparisonSettings:
    base = {"source": "s", "age_group": "18plus", "indicators": ("A", "B"), "k": 2, "min_population": 100,
            "population_indicator": "AantalInwoners", "exclude_own_gemeente": True, "max_abs_smd": 0.5,
            "min_group_size": 2, "file": Path("comparison.toml")}
    base.update(changes)
    return ComparisonSettings(**base)  # type: ignore[arg-type]


@pytest.fixture()
def small_case() -> tuple[Pool, tuple[Area, ...], Context]:
    profiles = {
        "BU00010001": (10.0, 10.0),  # the renewal area's buurt
        "BU00010002": (10.0, 10.0),  # own gemeente, identical profile: must be left out
        "BU00020001": (10.5, 10.0),  # nearest elsewhere
        "BU00020002": (11.0, 11.0),  # second nearest, but too few inhabitants
        "BU00030001": (11.5, 10.0),  # next
        "BU00030002": (30.0, 30.0),
        "BU00030003": (0.0, 40.0),
        "BU00010009": (10.0, 10.1),  # another renewal area's buurt (in the same gemeente here)
    }
    later = {"BU00020001": 8.0, "BU00030001": 12.0, "BU00010001": 9.0}
    pool = _pool(profiles, later)
    areas = (Area("a", "Gebied A", ("BU00010001",), "", (), 2018), Area("b", "Gebied B", ("BU00010009",), "", (), 2018))
    context = Context(frozenset({"BU00010001", "BU00010009"}), "GM0001",
                      {"BU00020002": 40.0, "BU00030001": 900.0}, {}, {"A": "indicator a", "B": "b"})
    return pool, areas, context


def test_small_case_group_excludes_areas_own_gemeente_and_small_buurten(small_case: tuple[Pool, tuple[Area, ...],
                                                                                           Context]) -> None:
    pool, areas, context = small_case
    with duckdb.connect() as con:
        result = match_areas(con, pool, areas, _settings(), context)
    group_a = result.groups[result.groups["area_id"] == "a"]
    assert group_a["buurt_code"].tolist() == ["BU00020001", "BU00030001"]
    assert group_a["gemeente_name"].tolist() == ["Tweedegem", "Derdegem"]
    assert group_a["weight"].tolist() == [0.5, 0.5]
    row = result.areas.set_index("area_id").loc["a"]
    assert row["baseline_year"] == 2016 and row["group_size"] == 2
    values = result.values[(result.values["area_id"] == "a") & (result.values["year"] == 2020)]
    assert values["value"].tolist() == [10.0]  # (8 + 12) / 2
    balance = result.balance[result.balance["area_id"] == "a"].set_index("indicator_code")
    assert balance.loc["A", "area_value"] == 10.0 and balance.loc["A", "group_value"] == 11.0


def test_verdicts_too_small_and_poor_match(small_case: tuple[Pool, tuple[Area, ...], Context]) -> None:
    pool, areas, context = small_case
    with duckdb.connect() as con:
        small = match_areas(con, pool, areas, _settings(min_group_size=3), context)
        poor = match_areas(con, pool, areas, _settings(max_abs_smd=0.01), context)
    assert set(small.areas["verdict"]) == {"te_klein"}
    assert set(poor.areas["verdict"]) == {"slechte_match"}
    # the group is one point higher on A and level on B: A is the worst-balanced indicator, named by its label
    assert all("indicator a" in reason for reason in poor.areas["reason"])


def test_no_edition_before_the_first_year(small_case: tuple[Pool, tuple[Area, ...], Context]) -> None:
    pool, _, context = small_case
    early = (Area("c", "Vroeg", ("BU00010001",), "", (), 2014),)
    with duckdb.connect() as con:
        result = match_areas(con, pool, early, _settings(), context)
    assert result.areas["verdict"].tolist() == ["geen_basis"]
    assert "2014" in result.areas["reason"].iloc[0]
    assert result.groups.empty


def test_settings_name_the_bad_key(tmp_path: Path) -> None:
    assert load_settings(tmp_path) is None
    (tmp_path / "comparison.toml").write_text(
        '[comparison]\nsource = "x"\nage_group = "18+"\nindicators = ["A"]\nk = 5\nmin_population = 0\n'
        'population_indicator = "P"\nexclude_own_gemeente = true\nmax_abs_smd = 0.25\nmin_group_size = 5\n',
        encoding="utf-8")
    with pytest.raises(BuildError) as info:
        load_settings(tmp_path)
    assert info.value.column == "comparison.age_group"
    text = (tmp_path / "comparison.toml").read_text(encoding="utf-8")
    (tmp_path / "comparison.toml").write_text(text.replace('"18+"', '"18plus"').replace("k = 5", "k = true"),
                                              encoding="utf-8")
    with pytest.raises(BuildError) as info:
        load_settings(tmp_path)
    assert info.value.column == "comparison.k"


def test_group_labels_take_the_wijk_name_of_the_nearest_indeling() -> None:
    from wijkmonitor.comparison.build import GROUP_COLUMNS, label_groups

    groups = pd.DataFrame({"area_id": "a", "buurt_code": ["BU00010101", "BU00010201", "BU00020301", "BU00030401"],
                           "name": None, "gemeente_code": ["GM0001", "GM0001", "GM0002", "GM0003"],
                           "gemeente_name": ["Eerstegem", "Eerstegem", "Tweedegem", None], "matched_to": "X",
                           "distance": 0.1, "rank": [1, 2, 3, 4], "weight": 0.25})
    names = pd.DataFrame({"region_code": ["WK000101", "WK000101", "WK000102", "WK000203", "GM0003"],
                          "name": ["Oud", "Nieuw", "Alleen 2017", "Precies", "Derdegem"],
                          "boundary_year": [2017, 2022, 2017, 2020, 2017]})
    labelled = label_groups(groups, names, 2020)
    assert list(labelled.columns) == GROUP_COLUMNS
    assert list(labelled["wijk_name"].iloc[:3]) == ["Nieuw", "Alleen 2017", "Precies"]
    assert pd.isna(labelled["wijk_name"].iloc[3])
    assert list(labelled["label"]) == [
        "buurt in wijk Nieuw (wijknaam uit de indeling 2022), Eerstegem",
        "buurt in wijk Alleen 2017 (wijknaam uit de indeling 2017), Eerstegem",
        "buurt in wijk Precies, Tweedegem",  # the pool's own indeling: no year to state
        "buurt in de gemeente Derdegem",  # gemeente name from the national file when the pool lacks it
    ]
