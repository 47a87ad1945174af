"""Comparison groups, trend sentence, ontwikkelkompas and "Wat opvalt" on the real Groningen build."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from wijkmonitor import db
from wijkmonitor.common import fmt
from wijkmonitor.common.text import markdown
from wijkmonitor.comparison import compass, opvalt, trend
from wijkmonitor.comparison.pool import cache_key
from wijkmonitor.comparison.settings import load_settings
from wijkmonitor.comparison.wording import IndicatorInfo, in_sentence
from wijkmonitor.config import DEFAULT_CONFIG_DIR, load_config
from wijkmonitor.texts import comparison as txt

SETTINGS = load_settings(DEFAULT_CONFIG_DIR)
CONFIG = load_config()
DUTCH_NUMBER = re.compile(r"\d+,\d")


def _table(path: Path, name: str) -> pd.DataFrame:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(f"select * from {name}").df()


def test_no_renewal_area_or_own_gemeente_buurt_in_any_group(groningen_db: Path) -> None:
    groups = _table(groningen_db, "comparison_groups")
    assert len(groups) > 0
    area_buurten = {b for area in CONFIG.areas for b in area.buurten}
    assert not set(groups["buurt_code"]) & area_buurten
    assert not groups["buurt_code"].str.startswith("BU0014").any()
    assert groups["buurt_code"].str.fullmatch(r"BU\d{8}").all()
    assert groups["gemeente_name"].notna().all()


def test_every_area_has_a_verdict_and_consistent_group_sizes(groningen_db: Path) -> None:
    assert SETTINGS is not None
    areas = {str(r["area_id"]): r for r in fmt.records(_table(groningen_db, "comparison_areas"))}
    assert set(areas) == {a.id for a in CONFIG.areas}
    groups = _table(groningen_db, "comparison_groups")
    sizes = groups["area_id"].value_counts().to_dict()
    for area_id, row in areas.items():
        assert row["reason"], area_id
        if row["verdict"] == "geen_basis":
            continue
        assert sizes[area_id] == row["group_size"]
        # k per matched member buurt, fewer when members share neighbours
        assert SETTINGS.k <= row["group_size"] <= SETTINGS.k * row["n_members_matched"]
        weights = groups.loc[groups["area_id"] == area_id, "weight"]
        assert weights.sum() == pytest.approx(1.0)
        if row["verdict"] == "ok":
            assert row["max_abs_smd"] <= SETTINGS.max_abs_smd and row["group_size"] >= SETTINGS.min_group_size
        else:
            assert row["max_abs_smd"] > SETTINGS.max_abs_smd or row["group_size"] < SETTINGS.min_group_size
    # Groningen-Noord is nine areas together: its group is the largest
    assert max(areas, key=lambda a: areas[a]["group_size"]) == "groningen-noord"


def test_baseline_balance_is_reported_per_matching_indicator(groningen_db: Path) -> None:
    assert SETTINGS is not None
    balance = _table(groningen_db, "comparison_balance")
    areas = {str(r["area_id"]): r for r in fmt.records(_table(groningen_db, "comparison_areas"))}
    values = _table(groningen_db, "comparison_values")
    for area_id in balance["area_id"].unique():
        rows = balance[balance["area_id"] == area_id]
        assert sorted(rows["indicator_code"]) == sorted(SETTINGS.indicators)
        assert (rows["year"] == areas[area_id]["baseline_year"]).all()
        smd = (rows["area_value"] - rows["group_value"]) / rows["national_sd"]
        assert smd.tolist() == pytest.approx(rows["smd"].tolist())
        assert rows["smd"].abs().max() == pytest.approx(areas[area_id]["max_abs_smd"])
        # the stored group value of the baseline edition is the balance's group mean
        base = values[(values["area_id"] == area_id) & (values["age_group"] == SETTINGS.age_group)
                      & (values["year"] == rows["year"].iloc[0])].set_index("indicator_code")["value"]
        assert base[rows["indicator_code"]].tolist() == pytest.approx(rows["group_value"].tolist())
    # a nearest-neighbour group is far closer to its area than the country as a whole is
    national = ((balance["area_value"] - balance["national_mean"]) / balance["national_sd"]).abs()
    assert balance["smd"].abs().mean() < national.mean() / 3


def test_group_values_cover_every_edition(groningen_db: Path) -> None:
    values = _table(groningen_db, "comparison_values")
    assert {2012, 2016, 2020} <= set(values["year"])
    assert (values["n_buurten"] <= values["group_size"]).all()
    assert values["value"].between(0, 100).all()  # every RIVM figure is a percentage


def test_cache_key_follows_the_files(tmp_path: Path, source_dir: Path) -> None:
    original = next((source_dir / "national" / "rivm_50090NED").glob("*.xlsx"))
    copy = tmp_path / original.name
    shutil.copy(original, copy)
    before = cache_key([copy])
    assert cache_key([copy]) == before
    os.utime(copy, ns=(copy.stat().st_atime_ns, copy.stat().st_mtime_ns + 10**9))
    assert cache_key([copy]) != before


def _trend_inputs(path: Path, area: str, indicator: str) -> tuple[pd.DataFrame, IndicatorInfo, dict[str, Any] | None,
                                                                  pd.DataFrame]:
    assert SETTINGS is not None
    data = db.run(path, "comparison_trend", area=area, indicator=indicator, age_group=SETTINGS.age_group)
    info = IndicatorInfo.from_row(fmt.records(db.run(path, "comparison_indicator", indicator=indicator))[0])
    return (data, info, trend.first_row(db.run(path, "comparison_area", area=area)),
            db.run(path, "comparison_balance", area=area))


def test_trend_sentence_and_figure_for_a_good_match(groningen_db: Path) -> None:
    areas = _table(groningen_db, "comparison_areas")
    good = areas[(areas["verdict"] == "ok") & (areas["baseline_year"] < 2020)]
    assert len(good) > 0
    area_id = str(good["area_id"].iloc[0])
    data, info, comparison, balance = _trend_inputs(groningen_db, area_id, "MoeiteMetRondkomen")
    assert comparison is not None
    sentence = trend.trend_sentence(data, info, comparison["area_name"], comparison, balance)
    assert sentence.startswith(f"{comparison['area_name']} ging er sinds {comparison['baseline_year']}")
    assert "een indicatie, geen effectmeting" in sentence
    assert f"{comparison['group_size']} buurten" in sentence
    assert "eenzaam" in sentence and "moeite met rondkomen" in sentence  # matching indicators named
    assert DUTCH_NUMBER.search(sentence) and not re.search(r"\d\.\d", sentence)
    figure = trend.trend_figure(data, info, comparison["area_name"], "Groningen", comparison)
    assert [t.name for t in figure.data][2] == txt.SERIES_GROUP.format(n=comparison["group_size"])


def test_trend_refuses_a_poor_match(groningen_db: Path) -> None:
    areas = _table(groningen_db, "comparison_areas")
    poor = areas[areas["verdict"] != "ok"]
    assert len(poor) > 0  # the real data has single-buurt areas without a close enough group
    area_id = str(poor["area_id"].iloc[0])
    data, info, comparison, balance = _trend_inputs(groningen_db, area_id, "Eenzaam")
    assert comparison is not None
    sentence = trend.trend_sentence(data, info, comparison["area_name"], comparison, balance)
    assert sentence == markdown(comparison["reason"])
    figure = trend.trend_figure(data, info, comparison["area_name"], "Groningen", comparison)
    assert len(figure.data) == 2  # area and city only: no group line for a poor match


def test_compass_places_by_polarity(groningen_db: Path) -> None:
    points = db.run(groningen_db, "comparison_compass", age_group="18plus", year=2020)
    assert set(points["start_year"]) == {2016}
    selwerd = points[points["area_id"] == "selwerd"]
    assert len(selwerd) > 10
    table = compass.compass_table(selwerd, 0.5)
    by_label = table.set_index(txt.COMPASS_COL_INDICATOR)[txt.COMPASS_COL_VERDICT]
    for row in fmt.records(selwerd):
        if row["polarity"] == "neutral":
            assert by_label[row["label"]] == txt.COMPASS_NEUTRAL
            continue
        sign = 1 if row["polarity"] == "higher_better" else -1
        relative = sign * (float(row["area_change"]) - float(row["city_change"]))
        expected = (txt.COMPASS_BETTER if relative > 0.5 else txt.COMPASS_WORSE if relative < -0.5
                    else txt.COMPASS_SAME)
        assert by_label[row["label"]] == expected, row["label"]
    figure = compass.area_compass(points, "selwerd")
    placed = figure.data[-1]
    assert len(placed.x) == (selwerd["polarity"] != "neutral").sum()
    assert f"<b>{txt.COMPASS_BETTER}</b>" in [a.text for a in figure.layout.annotations]
    across = compass.indicator_compass(points, "Eenzaam")
    assert len(across.data[-1].x) == points.loc[points["indicator_code"] == "Eenzaam", "area_id"].nunique()
    assert len(set(across.data[-1].x)) == 1  # the city's change is the same for every area
    assert "2016–2020" in figure.layout.title.text
    assert compass.empty_message(points, "selwerd", 2020) is None
    assert compass.empty_message(points.iloc[0:0], "selwerd", 2020) is not None


def test_wat_opvalt_on_every_area(groningen_db: Path) -> None:
    for area in CONFIG.areas:
        gaps = db.run(groningen_db, "comparison_area_gaps", area=area.id, age_group="18plus")
        sentences = opvalt.wat_opvalt(gaps, area.name, "Een indicatie.")
        assert 3 <= len(sentences) <= 5, area.id
        for sentence in sentences[:-1]:
            assert DUTCH_NUMBER.search(sentence) and re.search(r"\b20\d\d\b", sentence), sentence
        latest = gaps.sort_values("year").groupby("indicator_code").tail(1)
        position = dict(zip(latest["label"].map(in_sentence), latest["position"], strict=True))
        for sentence in sentences:
            named = re.match(r"(?:De grootste kloof met de stad: (.+?), |Ook een kloof bij (.+?): )", sentence)
            if named:
                assert position[named.group(1) or named.group(2)] == "slechter", sentence
            else:
                assert "kloof" not in sentence


def test_wat_opvalt_picks_the_largest_matching_gap_for_the_comparison(groningen_db: Path) -> None:
    assert SETTINGS is not None
    gaps = db.run(groningen_db, "comparison_area_gaps", area="selwerd", age_group="18plus")
    code = opvalt.comparison_indicator(gaps, list(SETTINGS.indicators))
    assert code in SETTINGS.indicators
    latest = gaps[(gaps["year"] == 2020) & gaps["indicator_code"].isin(SETTINGS.indicators)]
    assert code == latest.sort_values("disadvantage", ascending=False)["indicator_code"].iloc[0]
    assert opvalt.comparison_indicator(gaps.iloc[0:0], list(SETTINGS.indicators)) is None


def test_every_group_buurt_is_named_by_its_wijk_and_gemeente_from_the_national_files(groningen_db: Path,
                                                                                        source_dir: Path) -> None:
    import csv
    import gzip

    def names(path: Path, code: str, name: str) -> dict[str, str]:
        with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
            return {row[code]: row[name] for row in csv.DictReader(handle) if row[code].startswith("WK")}

    lbm = names(source_dir / "raw/themes/national/leefbaarometer3_wijken_2002-2022_NL.csv.gz", "wk_code", "wk_naam")
    kwb = names(source_dir / "raw/kwb_buurt/kwb_2017_NL_gemeenten_wijken.csv.gz", "WK_CODE", "WK_NAAM")
    groups = _table(groningen_db, "comparison_groups")
    assert len(groups) > 0
    for row in fmt.records(groups):
        wijk = "WK" + str(row["buurt_code"])[2:8]
        assert row["wijk_code"] == wijk
        # RIVM's indeling is 2020: the Leefbaarometer's 2022 names are nearer than the kwb 2017 ones
        if wijk in lbm:
            assert (row["wijk_name"], row["wijk_name_year"]) == (lbm[wijk], 2022)
            assert row["label"] == f"buurt in wijk {lbm[wijk]} (wijknaam uit de indeling 2022), {row['gemeente_name']}"
        elif wijk in kwb:
            assert (row["wijk_name"], row["wijk_name_year"]) == (kwb[wijk], 2017)
        else:
            assert fmt.is_missing(row["wijk_name"]) and row["label"] == f"buurt in de gemeente {row['gemeente_name']}"
        assert str(row["buurt_code"]) not in str(row["label"])  # a place, never a bare code
    assert groups["wijk_name"].notna().mean() > 0.95
