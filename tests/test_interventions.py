"""Logic behind the Interventiemonitor and the Procesmonitor, without Streamlit: filters, deep links, the open
begroting against hand sums from the example CSVs, results, cards, the process log ("jullie zeiden, wij
deden", reach, lived experience, lessons), and register text that must stay text (Markdown and HTML)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import tomllib
from pathlib import Path

import pandas as pd
import pytest

from wijkmonitor import db
from wijkmonitor.common import fmt, text
from wijkmonitor.common import maps as gmaps
from wijkmonitor.common.areas import Areas, areas_from_frame
from wijkmonitor.config import PROJECT_ROOT
from wijkmonitor.interventions import budget, cards, charts, filters, maps, model, results, views
from wijkmonitor.interventions.filters import ALL, Filters
from wijkmonitor.process import charts as process_charts
from wijkmonitor.process import log as process
from wijkmonitor.process import views as process_views
from wijkmonitor.texts import interventies as itxt
from wijkmonitor.texts import proces as ptxt

EXAMPLE = PROJECT_ROOT / "config" / "registers" / "voorbeeld"
HOSTILE = [
    "<script>alert('x')</script>",
    "**vet** en _schuin_ en `code`",
    ":red[rood] :material/warning: $x^2$",
    "[klik](javascript:alert(1)) <img src=x onerror=alert(1)>",
    "# kop\n1. lijst\n- punt\n    ingesprongen code",
    "&lt;b&gt; entiteit \\ backslash | pipe ~~door~~",
]


# ------------------------------------------------------------------------------------------------ hand sums


def _csv(name: str) -> list[dict[str, str]]:
    with (EXAMPLE / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _areas_config() -> tuple[dict[str, set[str]], dict[str, str], set[str]]:
    """(area id -> its own buurten, buurt -> area id, ids of programme areas) from config/programme.toml."""
    config = tomllib.loads((PROJECT_ROOT / "config" / "programme.toml").read_text(encoding="utf-8"))
    buurten = {a["id"]: set(a.get("buurten", [])) for a in config["areas"] if "buurten" in a}
    of_buurt = {b: area for area, members in buurten.items() for b in members}
    programme_areas = {a["id"] for a in config["areas"] if "includes" in a}
    return buurten, of_buurt, programme_areas


def hand_bucket(areas_cell: str) -> str:
    """The open-begroting bucket of one register row, by the rule on the page, from the raw cell."""
    _, of_buurt, programme_areas = _areas_config()
    named = [a for a in areas_cell.split(";") if a]
    if len(named) == 1 and named[0] in programme_areas:
        return named[0]
    resolved = {of_buurt.get(a, a) for a in named}
    return next(iter(resolved)) if len(resolved) == 1 else model.SHARED


def hand_works_in(areas_cell: str, area: str) -> bool:
    """Does a register row work in `area` (a wijk-level renewal area)? Names it, one of its buurten, or a
    programme area that includes it."""
    config = tomllib.loads((PROJECT_ROOT / "config" / "programme.toml").read_text(encoding="utf-8"))
    includes = {a["id"]: set(a["includes"]) for a in config["areas"] if "includes" in a}
    _, of_buurt, _ = _areas_config()
    for named in areas_cell.split(";"):
        if named == area or of_buurt.get(named) == area or area in includes.get(named, set()):
            return True
    return False


def amount(cell: str) -> float:
    return float(cell) if cell.strip() else 0.0


# -------------------------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def frames(groningen_db: Path) -> dict[str, pd.DataFrame]:
    names = ["interventions_list", "interventions_areas", "interventions_programmes", "interventions_results",
             "interventions_indicator_labels", "area_options", "process_log", "process_population",
             "area_outlines", "interventions_partners", "partners_all"]
    return {name: db.run(groningen_db, name) for name in names}


@pytest.fixture(scope="module")
def register(frames: dict[str, pd.DataFrame]) -> model.Register:
    return model.build_register(frames["interventions_list"], frames["interventions_areas"],
                                frames["interventions_programmes"], frames["interventions_results"],
                                frames["interventions_indicator_labels"], frames["area_options"],
                                frames["interventions_partners"], frames["partners_all"])


@pytest.fixture(scope="module")
def log(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    return process.prepare(frames["process_log"], areas_from_frame(frames["area_options"]))


def ids(frame: pd.DataFrame) -> set[str]:
    return {str(i) for i in frame["intervention_id"]}


# ------------------------------------------------------------------------------------------------- filters


def test_filters_match_the_example_register_by_hand(register: model.Register) -> None:
    rows = _csv("interventies.csv")
    assert ids(filters.apply(register, Filters())) == {r["id"] for r in rows}
    expect = {r["id"] for r in rows
              if hand_works_in(r["areas"], "selwerd") and "regiodeal" in r["programmes"].split(";")}
    assert ids(filters.apply(register, Filters(area="selwerd", programme="regiodeal"))) == expect
    # A buurt named on its own counts for its area; Groningen-Noord's interventions count in Selwerd too.
    assert {"speel-chillplekken-selwerd", "wijkgildes-wijkacademies"} <= expect
    assert ids(filters.apply(register, Filters(spoor="2"))) == {r["id"] for r in rows if r["spoor"] == "2"}
    partner = {r["id"] for r in rows if "politie" in [r["lead_partner"], *r["partners"].split(";")]}
    assert ids(filters.apply(register, Filters(partner="politie"))) == partner
    # De Huismeesters leads Atensheerd and is one of the five corporations the register means by
    # "woningcorporaties" (seed 001).
    named = {r["id"] for r in rows if "De Huismeesters" in [r["lead_partner"], *r["partners"].split(";")]}
    group = {r["id"] for r in rows if "woningcorporaties" in r["partners"].split(";")}
    assert named == {"heerdenaanpak-atensheerd"}
    assert ids(filters.apply(register, Filters(partner="de-huismeesters"))) == named | group
    both = {r["id"] for r in rows if r["theme"] == "kinderen" and r["status"] == "lopend"}
    assert ids(filters.apply(register, Filters(theme="kinderen", status="lopend"))) == both
    line = {r["id"] for r in rows if r["actielijn"] == "De wijk als leerwerkplek"}
    assert ids(filters.apply(register, Filters(actielijn="De wijk als leerwerkplek"))) == line
    # Groningen-Noord as a filter holds every intervention in one of its areas.
    noord = filters.apply(register, Filters(area="groningen-noord"))
    assert "dorpsvernieuwing-ten-boer" not in ids(noord) and "wijkdeal-de-wijert" not in ids(noord)
    assert "mooie-wijken" in ids(noord)
    assert filters.apply(register, Filters(area="ten-boer", programme="regiodeal")).empty


def test_filter_options_cover_the_register(register: model.Register) -> None:
    opts = filters.options(register)
    for choices in (opts.areas, opts.themes, opts.actielijnen, opts.sporen, opts.partners, opts.programmes,
                    opts.statuses):
        assert next(iter(choices)) == ALL
    assert "groningen-noord" in opts.areas and "selwerd" in opts.areas
    # The partner filter offers the partner list (config/partners.toml), not every name the register uses.
    assert {"Gemeente Groningen", "De Huismeesters", "Lefier", "Politie", "WIJ Groningen"} <= set(
        opts.partners.values())
    assert "KAW" not in opts.partners.values()
    assert opts.sporen["3"] == "Spoor 3: systeemdoorbraken"
    assert list(opts.statuses)[1:] == ["idee", "voorbereiding", "lopend", "afgerond", "gestopt"]


@pytest.mark.parametrize(
    ("raw", "chosen", "warned"),
    [
        ({"area": "selwerd", "programme": "regiodeal", "status": "lopend"},
         {"area": "selwerd", "programme": "regiodeal", "status": "lopend"}, 0),
        ({"area": "SELWERD"}, {"area": "selwerd", "programme": ALL, "status": ALL}, 0),
        ({"area": "selwrd", "status": "klaar"}, {"area": ALL, "programme": ALL, "status": ALL}, 2),
        ({"programme": "<script>alert(1)</script>"}, {"area": ALL, "programme": ALL, "status": ALL}, 1),
        ({"area": "x" * 500}, {"area": ALL, "programme": ALL, "status": ALL}, 1),
        ({}, {"area": ALL, "programme": ALL, "status": ALL}, 0),
    ],
)
def test_deep_links_are_validated(register: model.Register, raw: dict[str, str], chosen: dict[str, str],
                                  warned: int) -> None:
    got, messages = filters.parse_link(raw, filters.options(register))
    assert {k: got[k] for k in chosen} == chosen
    assert all(got[k] == ALL for k in got if k not in chosen)
    assert len(messages) == warned
    for message in messages:
        assert message.startswith("De link vraagt om") and "Getoond: alle" in message
        assert not re.search(r"(?<!\\)[<>]", message) and "x" * 100 not in message


def test_to_link_keeps_only_set_filters() -> None:
    assert filters.to_link(Filters(area="selwerd", theme="veilig")) == {"area": "selwerd", "theme": "veilig"}
    assert filters.to_link(Filters(spoor="2", partner="lefier")) == {"spoor": "2", "partner": "lefier"}
    assert filters.to_link(Filters()) == {}


# ----------------------------------------------------------------------------------------- open begroting


def test_total_and_budget_per_programme_equal_hand_sums(register: model.Register) -> None:
    rows = _csv("interventies.csv")
    frame = filters.apply(register, Filters())
    total = budget.totals(frame)
    assert total.n == len(rows)
    assert total.budget == sum(amount(r["budget_eur"]) for r in rows)
    assert total.spent == sum(amount(r["spent_eur"]) for r in rows)
    assert total.n_without_budget == sum(1 for r in rows if not r["budget_eur"].strip())
    per = budget.per_programme(frame, register).set_index("programme_id")
    for programme in {p for r in rows for p in r["programmes"].split(";")}:
        named = [r for r in rows if programme in r["programmes"].split(";")]
        assert per.loc[programme, "n"] == len(named)
        assert per.loc[programme, "budget"] == sum(amount(r["budget_eur"]) for r in named), programme
    # An intervention is counted under every programme it names, so the programme sums exceed the total.
    assert per["budget"].sum() > total.budget
    assert per.loc["regiodeal", "programme_budget"] == 15_000_000
    table = budget.programme_table(per.reset_index())
    assert table.loc[table["Programma"] == "Regio Deal Groningen-Noord", "Budget (euro)"].item() == "€ 14.060.000"


def test_budget_per_area_counts_every_intervention_once(register: model.Register) -> None:
    rows = _csv("interventies.csv")
    frame = filters.apply(register, Filters())
    per = budget.per_area(frame, register).set_index("key")
    hand: dict[str, float] = {}
    for r in rows:
        key = hand_bucket(r["areas"])
        hand[key] = hand.get(key, 0.0) + amount(r["budget_eur"])
    for key, expected in hand.items():
        assert (per.loc[key, "budget"] or 0.0) == expected, key
    assert per["budget"].fillna(0).sum() == budget.totals(frame).budget
    assert per["n"].sum() == len(rows)
    # Selwerd: Wijkbedrijf (1,2 mln) + Sunny Selwerd (4,5 mln) + the play areas in buurt BU00141000 (350.000).
    assert per.loc["selwerd", "budget"] == 1_200_000 + 4_500_000 + 350_000
    # Professorenbuurt has nothing of its own, but shared interventions work there (shown, not added).
    professorenbuurt = per.loc[["professorenbuurt"]].iloc[0]
    assert professorenbuurt["n"] == 0 and professorenbuurt["n_shared"] > 0
    assert per.loc[model.SHARED, "kind"] == "shared"
    table = budget.area_table(per.reset_index(), budget.totals(frame))
    assert table.iloc[-1]["Gebied"] == itxt.TOTAL_ROW
    assert table.iloc[-1]["Budget (euro)"] == fmt.euro(sum(amount(r["budget_eur"]) for r in rows))


def test_dutch_money_and_dates() -> None:
    assert fmt.euro(1_250_000) == "€ 1.250.000"
    assert fmt.euro(None) == "onbekend" and fmt.euro(float("nan")) == "onbekend"
    assert fmt.euro(pd.NA, missing="€ 0") == "€ 0"
    assert charts.euro_short(1_250_000) == "€ 1,3 mln" and charts.euro_short(350_000) == "€ 350.000"
    assert fmt.date("2021-03-01") == "1 maart 2021" and fmt.date(pd.NaT) == "onbekend"
    assert fmt.share(23, 25) == "92%" and fmt.share(1, 0) == "onbekend"
    assert fmt.measured(9.5) == "9,5" and fmt.count(1000) == "1.000"


# ------------------------------------------------------------------------------------------------- results


def test_latest_result_per_measure_with_its_target(register: model.Register) -> None:
    latest = results.latest(register.results, filters.apply(register, Filters())).set_index(
        ["intervention_id", "measure"])
    # Sunny Selwerd's new homes: 2025 (85 of 120) and 2026-Q2 (140 of 160); the latest period wins.
    row = latest.loc[[("sunny-selwerd", "nieuwbouwwoningen opgeleverd")]].iloc[0]
    assert (row["period"], row["value"], row["target"]) == ("2026-Q2", 140, 160)
    assert row["share"] == pytest.approx(140 / 160)
    # Lewenborg has a 2026 target without a value: the latest measured period (2024) is shown.
    row = latest.loc[[("wijkvernieuwingsplan-lewenborg", "projecten in uitvoering")]].iloc[0]
    assert (row["period"], row["value"], row["target"]) == ("2024", 7, 8)
    # Real figures (is_example false) stay marked as real.
    assert not latest.loc[("co-creatie-paddepoel", "projecten uit het co-creatieproces, gedragen door bewoners"),
                          "is_example"]
    table = results.table(latest.reset_index())
    assert set(table["Voorbeelddata"]) == {"✓", ""}


def test_results_chart_only_for_measures_with_a_target(register: model.Register) -> None:
    latest = results.latest(register.results, filters.apply(register, Filters()))
    figure = charts.results_chart(latest)
    assert figure is not None
    assert len(figure.data[0].y) == int(latest["share"].notna().sum())
    assert charts.results_chart(latest.iloc[0:0]) is None


# ---------------------------------------------------------------------------------------------- text safety


def _unescape(markdown: str) -> str:
    """What CommonMark renders for backslash-escaped punctuation (hard breaks back to newlines)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown.replace("  \n", "\n"))


@pytest.mark.parametrize("raw", HOSTILE)
def test_markdown_escape_renders_register_text_as_itself(raw: str) -> None:
    escaped = text.markdown(raw)
    # Every ASCII punctuation character is escaped, so no Markdown, HTML or Streamlit directive is left.
    assert not re.search(r"(?<!\\)[<>*_`\[\]:$#|~&]", escaped.replace("\\\\", ""))
    expected = "\n".join(line.strip() for line in raw.splitlines() if line.strip())
    assert _unescape(escaped) == expected


@pytest.mark.parametrize("raw", HOSTILE)
def test_html_text_is_inert(raw: str) -> None:
    escaped = text.html_text(raw)
    assert "<" not in escaped and ">" not in escaped and '"' not in escaped


def test_long_text_is_shortened_with_the_whole_kept() -> None:
    long = "woord " * 60 + "<script>einde</script>"
    short = text.shorten(long)
    assert short.truncated and short.short.endswith("…") and len(short.short) <= text.LIMIT + 1
    assert short.full == long.strip()
    assert not text.shorten("kort").truncated
    one_word = "x" * 300
    assert text.shorten(one_word).short == "x" * 200 + "…"


def test_list_cells_split_in_register_order() -> None:
    assert text.split_list("KAW; WIJ Groningen;;KAW") == ["KAW", "WIJ Groningen"]
    assert text.split_list(None) == [] and text.split_list(float("nan")) == []


@pytest.fixture()
def hostile(register: model.Register) -> model.Register:
    """The example register with HTML, Markdown and directives in every text a card or chart shows."""
    frame = register.interventions.copy()
    first = frame.index[0]
    frame.loc[first, "name"] = HOSTILE[0]
    frame.loc[first, "description"] = (HOSTILE[3] + " ") * 8
    frame.loc[first, "actielijn"] = HOSTILE[1]
    frame["partner_list"] = [(HOSTILE[2], HOSTILE[4]) if i == first else v
                             for i, v in zip(frame.index, frame["partner_list"], strict=True)]
    res = register.results.copy()
    res.loc[res["intervention_id"] == frame.loc[first, "intervention_id"], "measure"] = HOSTILE[5]
    return model.Register(frame, register.places, register.programmes, res, register.indicator_labels,
                          register.areas)


def test_cards_keep_register_text_as_text(hostile: model.Register) -> None:
    first = hostile.interventions.iloc[[0]]
    (card,) = cards.cards(first, hostile)
    assert card.title.startswith("\\<script\\>alert\\(\\'x\\'\\)\\<\\/script\\>")
    assert card.description_full is not None and card.description.endswith("…")
    for part in (card.title, card.description, card.description_full, card.fields, *card.results):
        assert not re.search(r"(?<!\\)[<>*`\[\]$]", part.replace("**", "")), part
    assert "\\*\\*vet\\*\\*" in card.fields


def test_charts_and_map_escape_register_text(hostile: model.Register, frames: dict[str, pd.DataFrame]) -> None:
    frame = hostile.interventions
    shapes = gmaps.dissolve(frames["area_outlines"])
    view = views.intervention_view(hostile, Filters(), shapes, pd.DataFrame(), dt.date(2026, 1, 1))
    for figure in (view.timeline_figure, view.results_figure, view.programme_figure, view.area_figure):
        assert figure is not None
        dumped = figure.to_json()
        assert "<script" not in dumped and "<img" not in dumped
    assert view.deck is not None
    assert "<script" not in view.deck.to_json()
    points = maps.buurt_points(frame, hostile.places)
    assert len(points) == 2  # the two interventions that name a single buurt


def test_cards_show_every_field(register: model.Register) -> None:
    frame = filters.apply(register, Filters())
    all_cards = cards.cards(frame, register)
    assert len(all_cards) == len(frame)
    by_id = {c.intervention_id: c for c in all_cards}
    card = by_id["wijkbedrijf-selwerd"]
    assert card.title == "Wijkbedrijf Selwerd (voorbeelddata)" and card.is_example
    for label in ("Gebieden", "Thema", "Actielijn", "Spoor", "Trekker", "Partners", "Programma's", "Budget",
                  "Uitgegeven", "Looptijd", "Status", "Soort monitoring", "Doelindicatoren"):
        assert f"**{label}:**" in card.fields
    assert "€ 1.200.000" in card.fields and "1 januari 2017 tot 31 december 2026" in card.fields
    assert "Moeite met rondkomen" in card.fields  # goal indicators by their label, not their code
    assert "Groninger wijkvernieuwing" in card.fields  # programmes by name
    assert len(card.results) == 4
    real = by_id["krantenabonnement-groningen-noord"]
    assert not real.is_example and "voorbeeld" not in real.title
    assert "onbekend" in real.fields and "niet ingevuld" in real.fields
    assert len(cards.page(all_cards, 3)) == len(all_cards) - 2 * cards.PAGE_SIZE
    assert cards.page(all_cards, 99) == cards.page(all_cards, cards.page_count(len(all_cards)))


def test_timeline_keeps_open_ends_and_lists_missing_starts(register: model.Register,
                                                           frames: dict[str, pd.DataFrame]) -> None:
    frame = filters.apply(register, Filters())
    figure = charts.timeline(frame, dt.date(2026, 1, 1))
    shown = sum(len(trace.y) for trace in figure.data)
    assert shown == int(frame["start_date"].notna().sum())
    tuinpad = next(t for t in figure.data for y in t.y if y.startswith("Tuinpad"))
    label = next(y for y in tuinpad.y if y.startswith("Tuinpad"))
    # No end date: runs to today, and the label says so beside the status word (colour is never alone).
    assert label.endswith(itxt.TIMELINE_NO_END)
    assert " · " in label
    shapes = {t.name: t.marker.pattern.shape for t in figure.data}
    assert len(set(shapes.values())) == len(shapes)  # each status its own pattern
    view = views.intervention_view(register, Filters(), gmaps.dissolve(frames["area_outlines"]), pd.DataFrame(),
                                   dt.date(2026, 1, 1))
    assert any("Krantenabonnement" in note for note in view.timeline_notes)
    # Every intervention with dates in the example register is illustrative (the real one has no dates).
    assert itxt.TIMELINE_EXAMPLE in view.timeline_notes
    # Amounts: 26 of 27 illustrative; results: the three real measurements are named as such.
    assert "Bedragen van 26 van de 27 interventies zijn voorbeelddata" in view.programme_note
    assert "Bedragen van 26 van de 27 interventies zijn voorbeelddata" in view.area_note
    assert "van de 30 metingen zijn voorbeelddata" in view.results_note


def test_map_colours_by_number_and_outlines_the_chosen_area(register: model.Register,
                                                            frames: dict[str, pd.DataFrame]) -> None:
    shapes = gmaps.dissolve(frames["area_outlines"])
    view = views.intervention_view(register, Filters(area="selwerd"), shapes, pd.DataFrame(), dt.date(2026, 1, 1))
    assert view.deck is not None
    deck = json.loads(view.deck.to_json())
    layer_ids = [layer["id"] for layer in deck["layers"]]
    assert maps.AREAS_LAYER in layer_ids and "interventie-selected-line" in layer_ids
    assert deck.get("mapStyle") is None
    units = {layer.get("lineWidthUnits") for layer in deck["layers"]} - {None}
    assert units == {"pixels"}  # a literal, not a JavaScript expression
    features = next(layer for layer in deck["layers"] if layer["id"] == maps.AREAS_LAYER)["data"]["features"]
    selwerd = next(f for f in features if f["properties"]["code"] == "selwerd")
    assert "11 interventies werken hier" in selwerd["properties"]["tip_body"]
    table = view.map_table.set_index("Gebied")
    assert table.loc["Selwerd", "Interventies die hier werken"] == 11
    assert maps.fill(0, 10)[:3] == [240, 240, 240] and maps.fill(10, 10) != maps.fill(1, 10)


# ------------------------------------------------------------------------------------------------- process


@pytest.fixture(scope="module")
def areas(frames: dict[str, pd.DataFrame]) -> Areas:
    return areas_from_frame(frames["area_options"])


def _log_rows() -> list[dict[str, str]]:
    return _csv("proceslog.csv")


def test_process_summary_equals_hand_counts(log: pd.DataFrame, areas: Areas) -> None:
    rows = _log_rows()
    s = process.summary(process.apply(log, process.ProcessFilters(), areas))
    assert s.activities == len(rows)
    assert s.reached == sum(int(r["residents_reached"]) for r in rows if r["residents_reached"])
    assert s.reached_unknown == sum(1 for r in rows if not r["residents_reached"])
    known = [r for r in rows if r["lived_experience_roles"]]
    assert s.lived_known == len(known) and s.lived_unknown == len(rows) - len(known)
    assert s.with_role == sum(1 for r in known if int(r["lived_experience_roles"]) > 0)


def test_process_area_filter_places_buurten_and_holds_members(log: pd.DataFrame, areas: Areas) -> None:
    rows = _log_rows()
    selwerd = process.apply(log, process.ProcessFilters(area="selwerd"), areas)
    assert len(selwerd) == sum(1 for r in rows if r["area"] == "selwerd")
    # The huisbezoeken in buurt BU00140300 (De Hoogte) belong to Indische Buurt/De Hoogte.
    hoogte = process.apply(log, process.ProcessFilters(area="indische-buurt-de-hoogte"), areas)
    assert len(hoogte) == sum(1 for r in rows if r["area"] in ("indische-buurt-de-hoogte", "BU00140300"))
    noord = process.apply(log, process.ProcessFilters(area="groningen-noord"), areas)
    assert set(noord["area_key"]) >= {"groningen-noord", "selwerd", "beijum"}
    assert "ten-boer" not in set(noord["area_key"]) and "de-wijert" not in set(noord["area_key"])
    years = process.apply(log, process.ProcessFilters(first_year=2024, last_year=2024), areas)
    assert len(years) == sum(1 for r in rows if r["date"].startswith("2024"))
    kinds = process.apply(log, process.ProcessFilters(activity_types=("enquete",)), areas)
    assert len(kinds) == sum(1 for r in rows if r["activity_type"] == "enquete")


def test_reach_compared_with_all_inhabitants(log: pd.DataFrame, areas: Areas,
                                             frames: dict[str, pd.DataFrame]) -> None:
    rows = process.apply(log, process.ProcessFilters(), areas)
    reach = process.reach_vs_population(rows, frames["process_population"]).set_index("area_key")
    hand = sum(int(r["residents_reached"]) for r in _log_rows() if r["area"] == "selwerd" and r["residents_reached"])
    assert reach.loc["selwerd", "reached"] == hand == 737
    # The newest complete inhabitant sum is 2024 (CBS 85984NED): 6,580 + 5 in Selwerd's two buurten.
    assert reach.loc["selwerd", "inhabitants"] == 6585 and reach.loc["selwerd", "inhabitants_year"] == 2024
    assert reach.loc["selwerd", "per_100"] == pytest.approx(100 * 737 / 6585)
    # Ten Boer's buurten have 2024 populations too, so its reach is no longer unknown.
    ten_boer = reach.loc[["ten-boer"]].iloc[0]
    assert ten_boer["inhabitants"] == 5845 and ten_boer["per_100"] == pytest.approx(
        100 * ten_boer["reached"] / 5845)
    table = process.reach_table(reach.reset_index()).set_index("Gebied")
    assert table.loc["Ten Boer", "Inwoners (alle leeftijden)"] == "5.845"
    assert table.loc["Selwerd", "Bereikt per 100 inwoners"] == "11,2"
    figure = process_charts.reach_chart(reach.reset_index())
    assert figure is not None and "11,2" in list(figure.data[0].text)


def test_chosen_programme_area_gets_an_all_together_reach_row(log: pd.DataFrame, areas: Areas,
                                                              frames: dict[str, pd.DataFrame]) -> None:
    total = process.total_row("groningen-noord", areas)
    assert total == ("groningen-noord", "Groningen-Noord: alles samen")
    assert process.total_row("selwerd", areas) is None
    rows = process.apply(log, process.ProcessFilters(area="groningen-noord"), areas)
    reach = process.reach_vs_population(rows, frames["process_population"], total)
    last = reach.iloc[-1]
    hand = [r for r in _log_rows() if r["area"] not in ("ten-boer", "de-wijert") and r["residents_reached"]]
    assert last["area_name"] == "Groningen-Noord: alles samen" and last["reached"] == sum(
        int(r["residents_reached"]) for r in hand)
    assert last["inhabitants"] == 83145 and last["per_100"] == pytest.approx(100 * last["reached"] / 83145)
    own = reach[reach["area_name"] == "Groningen-Noord als geheel"].iloc[0]
    assert own["reached"] < last["reached"]


def test_area_year_table_separates_no_activity_from_unknown(log: pd.DataFrame, areas: Areas) -> None:
    rows = process.apply(log, process.ProcessFilters(), areas)
    table = process.area_year_table(process.per_area_year(rows, "reached")).set_index("Gebied")
    noord = "Groningen-Noord als geheel"  # only the activities for Groningen-Noord as a whole
    assert table.loc[noord, "2024"] == "onbekend"  # the raadsbijeenkomst has no reach figure
    assert table.loc[noord, "2019"] == ""  # no activity at all
    assert table.loc["Oosterparkwijk", "Totaal"] == "1.443"
    counts = process.area_year_table(process.per_area_year(rows, "activities"))
    assert counts.set_index("Gebied").loc["Selwerd", "Totaal"] == "4"
    assert process_charts.area_year_heatmap(process.per_area_year(rows, "reached")) is not None


def test_jullie_zeiden_wij_deden_links_to_interventions(log: pd.DataFrame, areas: Areas) -> None:
    items = process.said_did(process.apply(log, process.ProcessFilters(), areas))
    assert len(items) == sum(1 for r in _log_rows() if r["raised"] or r["action"])
    by_head = {i.head.split(" · ")[0]: i for i in items}
    sloop = by_head["14 maart 2019"]
    assert sloop.said == "Zorgen over sloop en tijdelijk verhuizen"
    assert sloop.did == "Spreekuur over verhuizing en herhuisvesting ingesteld"
    assert (sloop.link_label, sloop.link) == (ptxt.LINKED_INTERVENTION, "Sunny Selwerd")
    assert sloop.status == "Status: gedaan" and sloop.is_example
    decision = by_head["8 februari 2023"]  # a decision that is not an intervention id
    assert decision.link_label == ptxt.LINKED_DECISION and decision.link == "ambitiedocument 117235\\-2023"
    nothing = by_head["13 februari 2025"]
    assert nothing.link == "" and nothing.action_status == "toegezegd"
    council = by_head["10 januari 2024"]
    assert not council.is_example and council.link == "Krantenabonnement voor bewoners van Groningen\\-Noord"
    assert items[0].head.startswith("21 oktober 2026")  # newest first
    done = process.filter_said_did(items, ("gedaan",))
    assert done and all(i.action_status == "gedaan" for i in done)
    assert process.filter_said_did(items, ()) == items
    assert sum(process.status_counts(items).values()) == len(items)


def test_long_said_did_and_lessons_are_shortened_with_the_whole_kept(log: pd.DataFrame,
                                                                    areas: Areas) -> None:
    rows = process.apply(log, process.ProcessFilters(), areas).copy()
    long = "Bewoners vroegen om " + "meer groen en speelruimte, " * 12
    first = rows.sort_values("date").index[-1]
    rows.loc[first, "raised"] = long
    rows.loc[first, "lessons"] = long
    item = process.said_did(rows)[0]
    assert item.said.endswith("…") and len(_unescape(item.said)) <= text.LIMIT + 1
    assert item.full is not None and _unescape(long.strip()) in _unescape(item.full)
    assert all(i.full is None for i in process.said_did(rows)[1:])
    lessons = process.lesson_items(process.lessons(rows, "groen en speelruimte"))
    assert len(lessons) == 1 and lessons[0].full is not None and lessons[0].text.endswith("…")
    assert lessons[0].is_example and "voorbeelddata" in lessons[0].head


def test_said_did_escapes_register_text(log: pd.DataFrame, areas: Areas) -> None:
    rows = process.apply(log, process.ProcessFilters(), areas).copy()
    rows.loc[rows.index[0], ["raised", "action", "decision_or_intervention_id"]] = HOSTILE[0]
    rows.loc[rows.index[0], "intervention_id"] = None
    items = process.said_did(rows)
    hostile_item = next(i for i in items if "script" in i.said)
    for part in (hostile_item.said, hostile_item.did, hostile_item.link):
        assert not re.search(r"(?<!\\)[<>]", part) and _unescape(part) == HOSTILE[0]


@pytest.mark.parametrize(
    ("term", "expected"),
    [("JONGEREN", 1), ("jongeren", 1), ("  budget ", 2), ("", 13), (".*", 0), ("'; drop table process_log; --", 0),
     ("[", 0), ("(", 0), ("ALS GEHEEL", 1), ("reflectiemoment", 6)],
)
def test_lessons_search_is_literal_and_case_insensitive(log: pd.DataFrame, areas: Areas, term: str,
                                                        expected: int) -> None:
    rows = process.apply(log, process.ProcessFilters(), areas)
    hand = [r for r in _log_rows() if r["lessons"]]
    assert len(hand) == 13
    found = process.lessons(rows, term)
    assert len(found) == expected
    assert list(found.columns) == process.LESSON_COLUMNS


def test_lived_experience_by_activity_type(log: pd.DataFrame, areas: Areas) -> None:
    table = process.lived_by_type(process.apply(log, process.ProcessFilters(), areas)).set_index("Soort activiteit")
    assert table.loc["enquete", "Deel"] == "onbekend"  # never filled in for surveys
    assert table.loc["reflectiemoment", "Met ervaringsdeskundigen in een rol"] == 7


def test_process_view_says_what_the_comparison_base_is(log: pd.DataFrame, areas: Areas,
                                                      frames: dict[str, pd.DataFrame]) -> None:
    view = process_views.process_view(process.apply(log, process.ProcessFilters(), areas), frames["process_population"],
                              "reached")
    assert "alle leeftijden" in view.reach_note and "2024" in view.reach_note and "niet alleen volwassenen" in \
        view.reach_note
    assert view.has_example
    assert [m.label for m in view.metrics][:3] == ["Activiteiten", "Deelnemers", "Bewoners bereikt"]
    assert all(m.note and m.note.startswith("voorbeelddata") for m in view.metrics)
    assert "Bij 1 activiteit is het aantal bewoners bereikt niet ingevuld" in view.time_note
