"""Interventiemonitor and Procesmonitor with AppTest on the real Groningen build with the example register:
totals against hand sums from the example CSVs with filters set, the voorbeelddata label, deep links (valid,
unknown, hostile), hostile register text staying text, an empty register, and rerun speed."""

from __future__ import annotations

import csv
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from tests.bad_inputs.apptest import open_app
from wijkmonitor.common import fmt
from wijkmonitor.config import PROJECT_ROOT
from wijkmonitor.texts import common as ctxt

pytestmark = pytest.mark.usefixtures("fresh_streamlit_caches")

INTERVENTIES = "pages/interventiemonitor.py"
PROCES = "pages/procesmonitor.py"
EXAMPLE = PROJECT_ROOT / "config" / "registers" / "voorbeeld"
SCRIPT = "<script>alert('x')</script>"


def rows(name: str) -> list[dict[str, str]]:
    with (EXAMPLE / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def run_page(path: str, **params: str) -> AppTest:
    return open_app(path, **params)


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def captions(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


def has_example_label(at: AppTest) -> bool:
    return any(w.value.startswith(f"**{ctxt.EXAMPLE_DATA_LABEL}.**") for w in at.warning)


# ----------------------------------------------------------------------------------------- interventiemonitor


def test_interventiemonitor_totals_and_example_label(app_db: Path) -> None:
    at = run_page(INTERVENTIES)
    assert not at.exception and not at.error
    assert has_example_label(at)
    register = rows("interventies.csv")
    shown = metrics(at)
    assert shown["Interventies"] == str(len(register))
    assert shown["Budget van alle interventies"] == fmt.euro(sum(float(r["budget_eur"]) for r in register
                                                                 if r["budget_eur"]))
    assert shown["Budget van alle interventies"] == "€ 34.815.000"
    assert "voorbeelddata" in captions(at)
    # Every section is there: map, open begroting (three charts), timeline, results, cards.
    assert len(at.get("deck_gl_json_chart")) == 1
    assert len(at.get("plotly_chart")) == 5
    headers = [h.value for h in at.header]
    assert headers == ["In deze selectie", "Waar werken de interventies?", "Open begroting", "Tijdlijn",
                       "Resultaten tegenover de streefwaarden", "De interventies"]
    # Markdown never renders HTML on these pages.
    assert not any(m.proto.allow_html for m in at.markdown)


def test_area_and_programme_filter_total_equals_the_csv(app_db: Path) -> None:
    at = run_page(INTERVENTIES)
    at.selectbox(key="interventie_area").set_value("selwerd")
    at.selectbox(key="interventie_programme").set_value("regiodeal")
    at.run()
    assert not at.exception and not at.error
    # By hand from interventies.csv: regiodeal interventions that work in Selwerd, named as the area itself,
    # as its buurt BU00141000, or as Groningen-Noord as a whole.
    selwerd = {"selwerd", "BU00141000", "BU00141004", "groningen-noord"}
    picked = [r for r in rows("interventies.csv")
              if "regiodeal" in r["programmes"].split(";") and selwerd & set(r["areas"].split(";"))]
    assert {r["id"] for r in picked} == {"wijkbedrijf-selwerd", "sunny-selwerd", "speel-chillplekken-selwerd",
                                          "wijkgildes-wijkacademies"}
    shown = metrics(at)
    assert shown["Interventies in Selwerd"] == "4"
    assert shown["Samen, in en rond Selwerd"] == fmt.euro(sum(float(r["budget_eur"]) for r in picked)) \
        == "€ 7.150.000"
    # Wijkgildes works in all of Groningen-Noord: shared, the other three only in Selwerd.
    assert shown["Alleen in Selwerd"] == "€ 6.050.000" and shown["Gedeeld met andere gebieden"] == "€ 1.100.000"
    assert shown["Uitgegeven"] == fmt.euro(sum(float(r["spent_eur"]) for r in picked))
    assert has_example_label(at)
    assert at.query_params["area"] == "selwerd" and at.query_params["programme"] == "regiodeal"
    # Back to all areas: the parameter leaves the URL, so it does not come back on the next run.
    at.selectbox(key="interventie_area").set_value("")
    at.run()
    assert "area" not in at.query_params
    at.run()
    assert at.selectbox(key="interventie_area").value == ""


def test_budget_per_area_table_counts_each_intervention_once(app_db: Path) -> None:
    at = run_page(INTERVENTIES)
    table = next(d.value for d in at.dataframe if "Daarnaast: interventies die ook elders werken" in d.value.columns)
    total = table.iloc[-1]
    assert total["Gebied"].startswith("Totaal") and total["Budget (euro)"] == "€ 34.815.000"
    assert int(table.iloc[:-1]["Aantal interventies"].sum()) == int(total["Aantal interventies"]) == 27
    note = captions(at)
    assert "precies één keer" in note and "bij allebei mee met haar hele budget" in note


def test_deep_link_sets_filters(app_db: Path) -> None:
    at = run_page(INTERVENTIES, area="beijum", programme="npg", status="lopend")
    assert not at.exception and not [w for w in at.warning if w.value.startswith("De link vraagt om")]
    assert at.selectbox(key="interventie_area").value == "beijum"
    assert at.selectbox(key="interventie_programme").value == "npg"
    assert at.selectbox(key="interventie_status").value == "lopend"
    picked = [r for r in rows("interventies.csv") if r["status"] == "lopend" and "npg" in r["programmes"].split(";")
              and ("beijum" in r["areas"].split(";") or "groningen-noord" in r["areas"].split(";"))]
    assert metrics(at)["Interventies in Beijum"] == str(len(picked))


def test_every_interventiemonitor_filter_round_trips_through_the_url(app_db: Path) -> None:
    at = run_page(INTERVENTIES)
    chosen = {"area": "selwerd", "programme": "regiodeal", "status": "lopend", "theme": "meedoen",
              "actielijn": "Werk in de wijk", "spoor": "1", "partner": "gemeente"}
    for name, value in chosen.items():
        at.selectbox(key=f"interventie_{name}").set_value(value)
    at.run()
    assert not at.exception and not at.error
    link = {name: at.query_params[name] for name in chosen}
    assert link == chosen
    assert metrics(at)["Interventies in Selwerd"] == "1"  # Wijkbedrijf Selwerd
    copied = run_page(INTERVENTIES, **link)  # a fresh session opening the copied link
    assert not copied.exception and not copied.warning[1:]
    assert {name: copied.selectbox(key=f"interventie_{name}").value for name in chosen} == chosen
    assert metrics(copied) == metrics(at)


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"area": "nergens"}, "het gebied ‘nergens’"),
        ({"status": "klaar"}, "de status ‘klaar’"),
        ({"programme": SCRIPT}, "het programma ‘\\<script\\>alert\\(\\'x\\'\\)\\<\\/script\\>’"),
        ({"area": "x" * 300}, "(een te lange waarde)"),
    ],
)
def test_unknown_deep_links_fall_back_with_a_dutch_message(app_db: Path, params: dict[str, str],
                                                           fragment: str) -> None:
    at = run_page(INTERVENTIES, **params)
    assert not at.exception and not at.error
    messages = [w.value for w in at.warning if w.value.startswith("De link vraagt om")]
    assert len(messages) == 1 and fragment in messages[0]
    assert metrics(at)["Interventies"] == "27"


@pytest.fixture()
def hostile_db(groningen_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the build whose register text is HTML, Markdown and Streamlit directives."""
    path = tmp_path / "vijandig.duckdb"
    shutil.copy(groningen_db, path)
    with duckdb.connect(str(path)) as con:
        con.execute("update interventions set name = $s || ' ' || name, description = repeat($s || ' **vet** ', 20),"
                    " actielijn = ':red[rood] $x$ [link](javascript:x)'", {"s": SCRIPT})
        con.execute("update intervention_results set measure = $s", {"s": SCRIPT})
        con.execute("update process_log set raised = $s, action = '**vet** <img src=x onerror=alert(1)>',"
                    " lessons = $s || ' les'", {"s": SCRIPT})
    monkeypatch.setenv("WIJKMONITOR_DB", str(path))
    yield path


def test_hostile_register_text_stays_text(hostile_db: Path) -> None:
    for page in (INTERVENTIES, PROCES):
        at = run_page(page)
        assert not at.exception and not at.error
        assert not any(m.proto.allow_html for m in at.markdown)
        shown = "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption])
        assert "script" in shown  # the text is there ...
        assert not re.search(r"(?<!\\)[<>]", shown)  # ... with every angle bracket escaped
        assert "**vet**" not in shown and ":red[" not in shown
        for chart in at.get("plotly_chart"):
            assert "<script" not in chart.proto.spec and "<img" not in chart.proto.spec
        for deck in at.get("deck_gl_json_chart"):
            assert "<script" not in deck.proto.json
    at = run_page(INTERVENTIES)
    assert any(e.label == "Lees verder" for e in at.expander)  # long descriptions are shortened


# --------------------------------------------------------------------------------------------- procesmonitor


def test_procesmonitor_totals_and_example_label(app_db: Path) -> None:
    at = run_page(PROCES)
    assert not at.exception and not at.error
    assert has_example_label(at)
    log = rows("proceslog.csv")
    shown = metrics(at)
    assert shown["Activiteiten"] == str(len(log))
    assert shown["Bewoners bereikt"] == fmt.count(sum(int(r["residents_reached"]) for r in log
                                                      if r["residents_reached"]))
    known = [r for r in log if r["lived_experience_roles"]]
    with_role = [r for r in known if int(r["lived_experience_roles"]) > 0]
    assert shown["Ervaringskennis ingezet"] == fmt.share(len(with_role), len(known))
    headers = [h.value for h in at.header]
    assert headers == ["Activiteiten en bereik per gebied", "Bereik vergeleken met het aantal inwoners",
                       "Ervaringskennis", "Jullie zeiden, wij deden", "Lessen"]
    assert "alle leeftijden" in captions(at) and "niet alleen volwassenen" in captions(at)
    reach = next(d.value for d in at.dataframe if "Bereikt per 100 inwoners" in d.value.columns)
    # Ten Boer's buurten have 2024 populations, so its reach per 100 inhabitants is known (5,845 inhabitants).
    ten_boer = sum(int(r["residents_reached"]) for r in log if r["area"] == "ten-boer" and r["residents_reached"])
    assert reach.set_index("Gebied").loc["Ten Boer", "Bereikt per 100 inwoners"] == fmt.number(
        100 * ten_boer / 5845, 1)


def test_process_area_filter_and_lesson_search(app_db: Path) -> None:
    at = run_page(PROCES)
    at.selectbox(key="proces_area").set_value("selwerd")
    at.run()
    assert not at.exception and not at.error
    selwerd = [r for r in rows("proceslog.csv") if r["area"] == "selwerd"]
    shown = metrics(at)
    assert shown["Activiteiten"] == str(len(selwerd))
    assert shown["Bewoners bereikt"] == fmt.count(sum(int(r["residents_reached"]) for r in selwerd)) == "737"
    assert at.query_params["area"] == "selwerd"
    at.selectbox(key="proces_area").set_value("")
    at.text_input(key="proces_search").input("JONGEREN")
    at.run()
    lessons = next(d.value for d in at.dataframe if "Les" in d.value.columns)
    expected = [r for r in rows("proceslog.csv") if "jongeren" in r["lessons"].lower()]
    assert len(lessons) == len(expected) == 1
    assert any(expected[0]["lessons"] in m.value for m in at.markdown)
    at.text_input(key="proces_search").input("'; drop table process_log; --")
    at.run()
    assert not at.exception and any("Geen lessen gevonden" in i.value for i in at.info)


def test_said_did_list_links_and_filters(app_db: Path) -> None:
    at = run_page(PROCES)
    items = [m.value for m in at.markdown if "**Jullie zeiden:**" in m.value]
    assert len(items) == 8  # the newest eight, the rest behind a toggle
    assert "**Leidde tot de interventie:** Kinderopvang en VVE voor ouders zonder toeslag" in items[0]
    at.toggle(key="proces_show_all").set_value(True)
    at.run()
    items = [m.value for m in at.markdown if "**Jullie zeiden:**" in m.value]
    log = rows("proceslog.csv")
    assert len(items) == sum(1 for r in log if r["raised"] or r["action"])
    sloop = next(i for i in items if "Zorgen over sloop" in i)
    assert "Sunny Selwerd" in sloop and "Status: gedaan" in sloop and "voorbeelddata" in sloop
    council = next(i for i in items if "10 januari 2024" in i)
    assert "voorbeelddata" not in council  # a real fact from the programme documents


def test_process_filters_round_trip_through_the_url(app_db: Path) -> None:
    at = run_page(PROCES)
    at.selectbox(key="proces_area").set_value("selwerd")
    at.select_slider(key="proces_years").set_value((2019, 2023))
    at.multiselect(key="proces_types").set_value(["bewonersavond", "wijkschouw"])
    at.run()
    at.radio(key="proces_measure").set_value("reached")
    at.run()
    assert not at.exception and not at.error
    link = {name: at.query_params[name] for name in ("area", "years", "types", "measure")}
    assert link == {"area": "selwerd", "years": "2019-2023", "types": "bewonersavond,wijkschouw",
                    "measure": "reached"}
    picked = [r for r in rows("proceslog.csv") if r["area"] == "selwerd" and "2019" <= r["date"][:4] <= "2023"
              and r["activity_type"] in {"bewonersavond", "wijkschouw"}]
    assert metrics(at)["Activiteiten"] == str(len(picked))
    copied = run_page(PROCES, **link)
    assert not copied.exception and not [w for w in copied.warning if w.value.startswith("De link vraagt om")]
    assert copied.selectbox(key="proces_area").value == "selwerd"
    assert tuple(copied.select_slider(key="proces_years").value) == (2019, 2023)
    assert copied.multiselect(key="proces_types").value == ["bewonersavond", "wijkschouw"]
    assert copied.radio(key="proces_measure").value == "reached"
    assert metrics(copied) == metrics(at)
    bad = run_page(PROCES, years="1900-2100", types="<b>x</b>", measure="euro")
    assert not bad.exception
    assert len([w for w in bad.warning if w.value.startswith("De link vraagt om")]) == 3


def test_process_deep_link(app_db: Path) -> None:
    at = run_page(PROCES, area="beijum")
    assert at.selectbox(key="proces_area").value == "beijum"
    at = run_page(PROCES, area="groningen-noord")
    reach = next(d.value for d in at.dataframe if "Bereikt per 100 inwoners" in d.value.columns)
    assert list(reach["Gebied"])[-2:] == ["Groningen-Noord als geheel", "Groningen-Noord: alles samen"]
    assert reach.iloc[-1]["Inwoners (alle leeftijden)"] == "83.145"
    at = run_page(PROCES, area=SCRIPT)
    assert not at.exception and at.selectbox(key="proces_area").value == ""
    message = next(w.value for w in at.warning if w.value.startswith("De link vraagt om"))
    assert not re.search(r"(?<!\\)[<>]", message)


# ------------------------------------------------------------------------------------ empty register, speed


@pytest.fixture()
def empty_db(groningen_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "zonder_register.duckdb"
    shutil.copy(groningen_db, path)
    with duckdb.connect(str(path)) as con:
        for table in ("interventions", "intervention_areas", "intervention_programmes", "intervention_results",
                      "process_log"):
            con.execute(f"delete from {table}")
    monkeypatch.setenv("WIJKMONITOR_DB", str(path))
    yield path


def test_pages_without_register_say_so(empty_db: Path) -> None:
    for page in (INTERVENTIES, PROCES):
        at = run_page(page)
        assert not at.exception and not at.error
        assert any("register" in i.value or "proceslogboek" in i.value for i in at.info)
        assert not has_example_label(at)
