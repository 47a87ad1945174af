"""Profile logic without Streamlit: units and link values, the prepared view, charts, HTML/CSV/XLSX downloads."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
import plotly.graph_objects as go
import pytest

from wijkmonitor import db
from wijkmonitor.common import fmt
from wijkmonitor.common.text import inert, plotly_text
from wijkmonitor.profile.charts import chart_label
from wijkmonitor.profile.export import profile_csv, profile_html, profile_xlsx
from wijkmonitor.profile.units import Unit, area_names, resolve, units_from_frame
from wijkmonitor.profile.view import ProfileView, build_profile


def make_view(path: Path, code: str, age: str = "18plus") -> ProfileView:
    units = {u.code: u for u in units_from_frame(db.run(path, "profile_units"))}
    ages = db.run(path, "age_groups")
    meta = db.run(path, "build_meta")
    return build_profile(
        unit=units[code], age_group=age, values=db.run(path, "profile_values", unit_code=code),
        context=db.run(path, "profile_context", unit_code=code),
        interventions=db.run(path, "profile_interventions", unit_code=code),
        process=db.run(path, "profile_process", unit_code=code),
        meta=dict(zip(meta["key"], meta["value"], strict=True)),
        age_labels=dict(zip(ages["age_group"], ages["label"], strict=True)),
        area_names=area_names(list(units.values())),
    )


@pytest.fixture(scope="module")
def selwerd(groningen_db: Path) -> ProfileView:
    return make_view(groningen_db, "selwerd")


def test_units_cover_areas_wijken_and_buurten(groningen_db: Path) -> None:
    units = units_from_frame(db.run(groningen_db, "profile_units"))
    kinds = {u.unit_type for u in units}
    assert kinds == {"area", "wijk", "buurt"}
    assert units[0].code == "selwerd"
    by_code = {u.code: u for u in units}
    assert by_code["BU00141000"].label == "Buurt: Selwerd (Nieuw-Noord)"
    assert by_code["groningen-noord"].kind_label == "Programmagebied"


def test_resolve_link_values() -> None:
    units = (Unit("selwerd", "area", "Selwerd", "wijkvernieuwingswijk"), Unit("BU00141000", "buurt", "Selwerd",
                                                                             "buurt"))
    assert resolve("bu00141000", units) == (units[1], None)
    assert resolve(None, units) == (None, None)
    assert resolve("  ", units) == (None, None)
    assert resolve("x" * 500, units) == (None, "x" * 500)
    assert resolve("nergens", units) == (None, "nergens")


def test_formatting_is_dutch_and_never_invents_zeros() -> None:
    assert fmt.number(1234.56, 1, missing=fmt.DASH) == "1.234,6"
    assert fmt.number(-0.04, 1, signed=True, missing=fmt.DASH) == "0,0"
    assert fmt.number(-2.5, 1, signed=True, missing=fmt.DASH) == "−2,5"
    assert fmt.number(float("nan"), missing=fmt.DASH) == "–"
    assert fmt.value(56.7, "%") == "56,7%"
    assert fmt.value(6460, "aantal", 0) == "6.460"
    assert fmt.value(None, "%") == "geen gegevens"
    assert fmt.moment("2026-11-23T17:41:35+00:00") == "23-11-2026 17:41 (UTC)"
    assert inert("[klik](javascript:x)") == r"\[klik\]\(javascript\:x\)"


def test_view_groups_by_theme_and_counts_positions(selwerd: ProfileView) -> None:
    assert [b.name for b in selwerd.themes][:2] == ["Maatschappelijk meedoen", "Prettig en veilig samenleven"]
    assert set(selwerd.shown["age_group"]) <= {"18plus", "totaal"}
    assert selwerd.ages == ("18plus", "18-64", "65plus")
    # 49 = 25 worse + 2 better (alcohol guideline; crime per 1,000 inhabitants 2023) + 4 equal + 18 neutral.
    assert "Op 49 indicatoren is Selwerd **25 keer slechter**, **2 keer beter**" in selwerd.summary
    assert selwerd.method_note is not None and "gewogen gemiddelde van 2 buurten" in selwerd.method_note
    assert selwerd.has_example_registers
    assert "Wijkbedrijf Selwerd" in set(selwerd.interventions_table["Naam"])
    # Register area references are shown by name: ids for renewal areas, buurt codes with their wijk.
    gebieden = set(selwerd.interventions_table["Gebieden"])
    assert "Groningen-Noord (alle NPLV-wijken samen)" in gebieden
    assert "Selwerd (Nieuw-Noord)" in gebieden


def test_theme_charts_are_valid_and_fit_a4(selwerd: ProfileView) -> None:
    for block in selwerd.themes:
        figure = go.Figure(block.figure.to_dict())  # the builder skips validation; this runs it
        assert figure.layout.width is not None and figure.layout.width <= 718
        names = [trace.name for trace in figure.data]
        assert names[0] == "Groningen (stad)"
        # Position is told by marker shape and by words in the legend, not by colour alone.
        assert all("stad" in n or "geen oordeel" in n for n in names[1:])


def test_each_unit_has_its_own_axis_in_a_theme_chart(selwerd: ProfileView) -> None:
    """Crime per 1,000 inhabitants and a percentage never share an axis (it read as "46%" on the page)."""
    units_seen = 0
    for block in selwerd.themes:
        figure = go.Figure(block.figure.to_dict())
        rows = selwerd.shown[selwerd.shown["theme_id"] == block.theme_id]
        unit_of = {plotly_text(chart_label(str(r.label))): str(r.unit) for r in rows.itertuples()}
        by_axis: dict[str, set[str]] = {}
        for trace in figure.data:
            for label in trace.y:
                by_axis.setdefault(trace.xaxis or "x", set()).add(unit_of[label])
        # Every label is drawn, each axis holds one unit, and its title names it.
        assert sum(len(set().union(*(t.y for t in figure.data if (t.xaxis or "x") == a))) for a in by_axis) \
            == len(rows)
        for axis, units in by_axis.items():
            assert len(units) == 1, (block.name, axis, units)
            (unit,) = units
            title = figure.layout["xaxis" + axis[1:]].title.text
            assert title == ("Percentage" if unit == "%" else unit)
            assert (figure.layout["xaxis" + axis[1:]].ticksuffix == "%") == (unit == "%")
        units_seen += len(by_axis)
    safety = next(b for b in selwerd.themes if b.theme_id == "veilig")
    assert len({t.xaxis for t in safety.figure.data}) == 2  # noise from neighbours (%) and crime per 1,000
    assert units_seen > len(selwerd.themes)


def test_html_download_is_self_contained_and_states_its_version(selwerd: ProfileView) -> None:
    page = profile_html(selwerd)
    assert page.startswith("<!DOCTYPE html>")
    assert "Cijfers bijgewerkt op" in page and "Gemaakt met Wijkmonitor 0.1.0." in page
    assert page.count("<h3>") >= len(selwerd.themes)
    # plotly.js is inside, once, so the file works offline; every chart refers to it.
    assert 'src="https://cdn.plot.ly' not in page
    assert page.count("plotly.js v") == 1
    assert page.count("Plotly.newPlot") == len(selwerd.themes)
    assert len(page) > 1_000_000
    assert "@page { size: A4 portrait" in page
    assert 'class="example">Voorbeelddata' in page
    assert "<script>alert" not in profile_html(selwerd)


def test_csv_and_excel_hold_every_figure_of_all_age_groups(selwerd: ProfileView, groningen_db: Path) -> None:
    frame = pd.read_csv(io.BytesIO(profile_csv(selwerd)), sep=";", decimal=",", encoding="utf-8-sig")
    assert set(frame["Leeftijd"]) >= {"18 jaar en ouder", "65 jaar en ouder", "18 tot 65 jaar"}
    gaps = db.run(groningen_db, "gap_trend_unit", unit_code="selwerd", indicator="Eenzaam", age_group="18plus")
    row = frame[(frame["Code"] == "Eenzaam") & (frame["Leeftijd"] == "18 jaar en ouder")].iloc[0]
    assert row["Selwerd"] == pytest.approx(gaps.iloc[-1]["value"])
    assert row["Ontwikkeling"] == "vooruit t.o.v. de stad"
    book = openpyxl.load_workbook(io.BytesIO(profile_xlsx(selwerd)), read_only=True)
    assert book.sheetnames == ["Vergelijking met de stad", "Ontwikkelkompas", "Kerncijfers", "Interventies",
                               "Procesactiviteiten", "Over dit profiel"]
    about = [tuple(r) for r in book["Over dit profiel"].iter_rows(values_only=True)]
    assert ("Wijkmonitor-versie", "0.1.0") in about


def test_buurt_without_registers_rows_and_without_register_tables(groningen_db: Path) -> None:
    view = make_view(groningen_db, "BU00140000")  # Binnenstad-Noord: no renewal area, no interventions
    assert view.interventions is not None and view.interventions.empty
    assert not view.has_example_registers
    assert view.method_note is None
    bare = build_profile(unit=view.unit, age_group="18plus", values=view.values, context=view.context,
                         interventions=None, process=None, meta=view.meta, age_labels=view.age_labels)
    assert "bevat (nog) geen interventieregister" in profile_html(bare)


def test_a_panel_of_negative_values_holds_every_value() -> None:
    from wijkmonitor.profile.charts import theme_figure

    rows = pd.DataFrame({"label": ["Afwijking van Nederland", "Score"], "unit": ["score", "score"],
                         "value": [-0.21, -0.05], "city_value": [-0.1, -0.02], "position": ["slechter"] * 2})
    axis = go.Figure(theme_figure(rows, "Selwerd", "Groningen").to_dict()).layout.xaxis
    low, high = axis.range
    assert low < -0.21 and high >= 0 and axis.title.text == "score"
