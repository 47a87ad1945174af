"""The comparison on the pages (issue 13), with AppTest on the real Groningen build: every renewal area's
Wijkprofiel opens with "Wat opvalt", shows the ontwikkelkompas and either its comparison group (the table equals
the stored group, the download equals the table) or the stored reason; the Gebiedsmonitor shows the chosen
indicator's comparison and the compass across all renewal areas."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd
import pytest

from tests.bad_inputs.apptest import open_app, record_downloads
from tests.dbread import query_frame as _rows
from wijkmonitor.common import export
from wijkmonitor.common.text import markdown, md_with
from wijkmonitor.comparison import compass, trend, views
from wijkmonitor.texts import comparison as txt

DUTCH_SENTENCE_NUMBER = re.compile(r"\d,\d")


def _opvalt(at: object) -> list[str]:
    headers = [h.value for h in at.subheader]  # type: ignore[attr-defined]
    assert headers[0] == txt.H_OPVALT, headers  # the profile opens with it
    bullets = [m.value for m in at.markdown if m.value.startswith("* ")]  # type: ignore[attr-defined]
    assert bullets, "geen 'Wat opvalt'-opsomming"
    return [line[2:] for line in bullets[0].splitlines()]


def test_every_renewal_area_profile_shows_opvalt_compass_and_comparison_or_reason(
        app_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    areas = _rows(app_db, "select a.area_id, a.name, c.verdict, c.reason from renewal_areas a "
                          "left join comparison_areas c using (area_id) order by a.sort_order")
    groups = _rows(app_db, "select area_id, buurt_code, gemeente_name from comparison_groups order by area_id, rank")
    assert len(areas) >= 10
    for area in areas.itertuples():
        seen = record_downloads(monkeypatch)
        at = open_app("pages/wijkprofiel.py", area=str(area.area_id))
        assert not at.exception, (area.area_id, [e.value for e in at.exception])
        sentences = _opvalt(at)
        assert 3 <= len(sentences) <= 5, (area.area_id, sentences)
        assert all(DUTCH_SENTENCE_NUMBER.search(s) and re.search(r"20\d\d", s) for s in sentences[:-1]), sentences
        # "kloof" only for a disadvantage: every gap sentence says the area is worse than the city
        for sentence in sentences:
            if "kloof" in sentence and "vergelijk" not in sentence:
                assert "tegen" in sentence, sentence
        assert "ontwikkelkompas" in {h.proto.anchor for h in at.subheader}, area.area_id
        compass_tables = [t.value for t in at.dataframe if txt.COMPASS_COL_VERDICT in t.value.columns]
        assert compass_tables and len(compass_tables[0]) > 0, area.area_id
        assert set(compass_tables[0][txt.COMPASS_COL_VERDICT]) <= {txt.SHORT_BETTER, txt.SHORT_WORSE, txt.SHORT_SAME,
                                                                 txt.SHORT_NEUTRAL}
        counts = compass_tables[0][txt.COMPASS_COL_VERDICT].value_counts()
        assert txt.COMPASS_COUNTS.format(better=counts.get(txt.SHORT_BETTER, 0), worse=counts.get(txt.SHORT_WORSE, 0),
                                         same=counts.get(txt.SHORT_SAME, 0)) in [m.value for m in at.markdown]
        compass_charts = [c for c in at.get("plotly_chart") if "profiel_kompas" in c.proto.id]
        assert len(compass_charts) == 1 and '"Ontwikkelkompas' in compass_charts[0].proto.spec, area.area_id
        assert "boven de diagonaal beter" in compass_charts[0].proto.alt
        if area.verdict == "ok":  # one trend figure with a group line per matching indicator
            trends = [c for c in at.get("plotly_chart") if "profiel_cmp_" in c.proto.id]
            assert trends and all("Vergelijkbare buurten elders (" in c.proto.spec for c in trends)
        else:
            assert not [c for c in at.get("plotly_chart") if "profiel_cmp_" in c.proto.id]
        if area.verdict == "ok":
            mine = groups[groups["area_id"] == area.area_id]
            shown = [d.value for d in at.dataframe if txt.COL_CODE in d.value.columns]
            assert len(shown) == 1, area.area_id
            table = shown[0]
            assert list(table[txt.COL_CODE]) == list(mine["buurt_code"])  # nearest first, all of them
            assert list(table[txt.COL_GEMEENTE]) == list(mine["gemeente_name"])
            assert table[txt.COL_GEMEENTE].str.len().min() > 0
            assert (table[txt.COL_MATCHED_TO].str.len() > 0).all()  # named member buurten, not codes
            assert not table[txt.COL_MATCHED_TO].str.contains("BU00").any()
            assert sum(float(w.rstrip("%").replace(",", ".")) for w in table[txt.COL_WEIGHT]) == pytest.approx(
                100, abs=0.1 * len(table))
            frames = [frame for frame, stem in seen if stem == f"vergelijkingsgroep_{area.area_id}"]
            assert len(frames) == 1
            assert frames[0].equals(table.astype(frames[0].dtypes.to_dict()))
            parsed = list(csv.reader(io.StringIO(export.csv_bytes(frames[0]).decode("utf-8-sig")), delimiter=";"))
            assert parsed[0] == list(table.columns)
            assert parsed[1:] == [[str(v) for v in row] for row in table.itertuples(index=False)]
            assert any("een indicatie, geen effectmeting" in m.value or "nog geen nieuwere editie" in m.value
                       for m in at.markdown), area.area_id
        else:
            assert markdown(str(area.reason)) in [i.value for i in at.info], area.area_id
            assert not [d for d in at.dataframe if txt.COL_CODE in d.value.columns]  # no group is shown


def test_gebiedsmonitor_shows_the_comparison_or_the_reason_and_the_compass_of_all_areas(
        app_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    areas = _rows(app_db, "select c.area_id, r.name, c.verdict, c.reason, c.baseline_year from comparison_areas c "
                          "join renewal_areas r using (area_id)")
    for area in areas.itertuples():
        seen = record_downloads(monkeypatch)
        at = open_app("pages/gebiedsmonitor.py", indicator="Eenzaam", age="18plus", year="2020",
                      area=str(area.area_id))
        assert not at.exception, area.area_id
        assert md_with(txt.H_COMPARISON_AREA, area=area.name) in [h.value for h in at.subheader]
        if area.verdict == "ok":
            text = " ".join(m.value for m in at.markdown)
            if int(area.baseline_year) < 2020:  # type: ignore[arg-type]
                name = markdown(area.name)
                assert f"{name} ging er sinds {area.baseline_year}" in text or f"bleef {name}" in text
                assert "een indicatie, geen effectmeting" in text
            else:
                assert "nog geen nieuwere editie" in text
        else:
            assert markdown(str(area.reason)) in [i.value for i in at.info]
        header = txt.H_COMPASS_ALL.format(indicator="Eenzaam")
        assert header in [h.value for h in at.header]
        compass = [t.value for t in at.dataframe
                   if {txt.COMPASS_COL_AREA, txt.COMPASS_COL_AREA_CHANGE} <= set(t.value.columns)]
        assert len(compass) == 1 and len(compass[0]) >= 8
        assert txt.COMPASS_COL_CITY_CHANGE not in compass[0].columns  # the same for all: said once above it
        # Loneliness rose in the city (2016-2020): the sentence says that is a deterioration, not just "+".
        assert any(m.value.startswith("De stad veranderde +") and "(een verslechtering)" in m.value
                   for m in at.markdown)
        assert [f for f, stem in seen if stem.startswith("ontwikkelkompas_Eenzaam")]


def test_group_table_without_source_names_keeps_code_and_gemeente() -> None:
    group = pd.DataFrame({"buurt_code": ["BU05050501", "BU08552403"], "name": [None, None],
                          "gemeente_name": ["Dordrecht", "Tilburg"], "matched_to": ["BU00140100", "BU00140100;X"],
                          "distance": [0.1234, 0.2], "rank": [1, 2], "weight": [0.5, 0.5]})
    table = views.group_table(group, {"BU00140100": "Beijum-West"})
    assert txt.COL_BUURT not in table.columns  # no column of "no name"
    assert list(table[txt.COL_CODE]) == ["BU05050501", "BU08552403"]
    assert list(table[txt.COL_DISTANCE]) == ["0,12", "0,20"]
    assert list(table[txt.COL_MATCHED_TO]) == ["Beijum-West", "Beijum-West, X"]
    named = views.group_table(group.assign(name=pd.Series(["Crabbehof-Zuid", None], dtype=object)), {})
    assert list(named[txt.COL_BUURT]) == ["Crabbehof-Zuid", txt.NO_NAME]


def test_close_lines_get_their_labels_on_opposite_sides() -> None:
    frame = pd.DataFrame({"year": [2012, 2016, 2020], "area_value": [43.8, 48.6, 51.3],
                          "city_value": [38.6, 44.0, 48.6], "group_value": [44.2, 48.5, 51.9]})
    assert list(trend.label_positions(frame, "area_value")) == ["bottom center", "top center", "bottom center"]
    assert list(trend.label_positions(frame, "group_value")) == ["top center", "bottom center", "top center"]
    assert set(trend.label_positions(frame, "city_value")) == {"bottom center"}


def test_compass_names_only_the_points_furthest_from_the_diagonal() -> None:
    points = pd.DataFrame({"label": [f"i{n}" for n in range(10)],
                           "area_improvement": [float(n) for n in range(10)], "city_improvement": [0.0] * 10})
    labels = compass.point_labels(points, "label")
    assert labels == [""] * 4 + [f"i{n}" for n in range(4, 10)]
    # one indicator across areas: all on one vertical line, names left and right in turn by height
    assert compass.label_positions(points)[:3] == ["middle right", "middle left", "middle right"]
    spread = points.assign(city_improvement=[-1.0, 1.0] * 5)
    assert compass.label_positions(spread)[:2] == ["middle right", "middle left"]
