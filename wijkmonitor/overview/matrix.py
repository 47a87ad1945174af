"""The Programma-overzicht's matrix: renewal areas x headline indicators, latest edition, and whether each gap closed.

`matrix` shapes `gap_areas_all` rows; `summary` writes one sentence per headline indicator; `matrix_html` is
the compact table (words and symbols carry the meaning, the cell tint only repeats it); `matrix_table` is the
same content as a flat table for the CSV download.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import pandas as pd

from wijkmonitor.common import fmt, verdict
from wijkmonitor.common.indicators import (
    Catalog,
    Indicator,
    Units,
    members_short,
    method_short,
    position_word,
    why_missing,
)
from wijkmonitor.common.text import html_text, markdown
from wijkmonitor.texts import gebied as txt

PROGRAMME_KIND = "programmagebied"  # an area made of other areas (Groningen-Noord): shown, not counted


@dataclass(frozen=True)
class Column:
    indicator: Indicator
    age: str
    age_label: str
    year: int
    city_value: float | None
    city_method: str = "eigen cijfer"  # or "berekend uit de wijken" / "berekend uit de buurten"


@dataclass(frozen=True)
class Matrix:
    areas: list[tuple[str, str, str]]  # (area_id, name, kind) in configuration order
    columns: list[Column]
    cells: dict[tuple[str, str], dict[str, Any]]  # (area_id, indicator) -> gaps row of the column's year
    # area_id -> why a wijk-only source has no value there (area_wijk_coverage.note)
    wijk_notes: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.areas or not self.columns

    def counted_areas(self) -> list[str]:
        return [a for a, _, kind in self.areas if kind != PROGRAMME_KIND]

    def themes(self) -> dict[str, str]:
        """theme_id -> name of the themes the columns belong to, in column order."""
        return {c.indicator.theme_id: c.indicator.theme_name for c in self.columns}

    def for_theme(self, theme_id: str) -> Matrix:
        """The same areas with only this theme's columns: one theme at a time keeps the table narrow."""
        columns = [c for c in self.columns if c.indicator.theme_id == theme_id]
        codes = {c.indicator.code for c in columns}
        return Matrix(areas=self.areas, columns=columns,
                      cells={key: row for key, row in self.cells.items() if key[1] in codes},
                      wijk_notes=self.wijk_notes)


def _city_method(chosen: pd.DataFrame) -> str:
    methods = chosen["city_method"].dropna() if "city_method" in chosen else pd.Series(dtype=str)
    return str(methods.iloc[0]) if len(methods) else "eigen cijfer"


def city_text(value: float | None, method: str, ind: Indicator) -> str:
    """'4,16 (berekend uit de wijken)': the city value, saying how it was made when it is not the gemeente's own."""
    text = fmt.value(value, ind.unit, ind.decimals)
    word = txt.CITY_METHOD_WORDS.get(method)
    return txt.CITY_WITH_METHOD.format(city=text, method=word) if word and value is not None else text


def matrix(rows: pd.DataFrame, catalog: Catalog, units: Units, notes: dict[str, str] | None = None) -> Matrix:
    """The latest edition of every headline indicator (its default age group) for every renewal area;
    `notes`: `wijk_notes`, why an area has no value for a wijk-only source."""
    areas = [(a, units.names.get(a, a), units.kinds.get(a, "")) for a in units.areas()]
    columns: list[Column] = []
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    for code, age, year in catalog.headline_choices():
        ind = catalog.indicators[code]
        chosen = rows[(rows["indicator_code"] == code) & (rows["age_group"] == age) & (rows["year"] == year)]
        city = chosen["city_value"].dropna()
        columns.append(Column(ind, age, catalog.age_label(code, age), year,
                              float(city.iloc[0]) if len(city) else None, _city_method(chosen)))
        for record in fmt.records(chosen):
            cells[(str(record["area_id"]), code)] = record
    return Matrix(areas=areas, columns=columns, cells=cells, wijk_notes=dict(notes or {}))


def summary(m: Matrix) -> list[str]:
    """One sentence per headline indicator: how many areas are behind the city, and how many closed the gap."""
    out = []
    counted = m.counted_areas()
    for col in m.columns:
        rows = [m.cells[(a, col.indicator.code)] for a in counted if (a, col.indicator.code) in m.cells]
        rows = [r for r in rows if not fmt.is_missing(r.get("value"))]
        if not rows:
            continue
        total = len(rows)
        behind = sum(1 for r in rows if r.get("position") == "slechter")
        # Markdown (a bullet on the overview page): the label from configuration is escaped.
        text = txt.OVERVIEW_SUMMARY.format(label=markdown(col.indicator.label), age=markdown(col.age_label),
                                           year=col.year,
                                           behind=behind, total=total)
        moved = verdict.summary(rows, noun="wijken")
        text += moved or txt.OVERVIEW_SUMMARY_NO_PREV
        out.append(text)
    return out


def _link(page: str, **params: object) -> str:
    return f"{page}?{urlencode({k: v for k, v in params.items() if v is not None})}"


def _gap_short(gap: Any, ind: Indicator) -> str:
    text = fmt.difference(gap, ind.unit, ind.decimals, signed=True)
    if ind.unit == "%":
        return text.replace(f" {txt.PERCENT_POINT}", ' <abbr title="procentpunt">pp</abbr>')
    return html_text(text)


def _coverage(row: dict[str, Any] | None) -> tuple[int, int] | None:
    """(buurten with data, buurten in the area) when not every buurt had data, else None."""
    if row is None:
        return None
    used, members = row.get("n_used"), row.get("n_members")
    if used is None or members is None or fmt.is_missing(used) or fmt.is_missing(members):
        return None
    return (int(used), int(members)) if int(used) < int(members) else None


def _cell_html(row: dict[str, Any] | None, col: Column, area_id: str, area_name: str, page: str,
               show_coverage: bool, notes: dict[str, str] | None = None) -> str:
    ind = col.indicator
    href = html_text(_link(page, indicator=ind.code, age=col.age, year=col.year, area=area_id))
    title = html_text(txt.MATRIX_LINK_TITLE.format(area=area_name, label=ind.label))
    if row is None or fmt.is_missing(row.get("value")):
        why = why_missing(ind, area_id, area_name, notes or {})
        if why is not None:
            # The reason is in the cell itself (not only in a title): a tooltip is invisible to touch and print.
            return (f'<td class="wm-none"><a href="{href}" target="_self" title="{html_text(why)}">'
                    f"{html_text(txt.MATRIX_CELL_WIJK_ONLY)}</a></td>")
        return (f'<td class="wm-none"><a href="{href}" target="_self" title="{title}">'
                f"{html_text(txt.MATRIX_CELL_MISSING)}</a></td>")
    position = row.get("position")
    words = position_word(position, row.get("gap"), row.get("value"))
    lines = [
        f'<span class="wm-v"><strong>{html_text(fmt.value(row["value"], ind.unit, ind.decimals))}</strong> '
        f'<span class="wm-gap">({_gap_short(row.get("gap"), ind)})</span></span>',
        f'<span class="wm-g">{html_text(txt.MATRIX_POSITION.get(words, words))}</span>',
    ]
    judgement = row.get("judgement")
    if isinstance(judgement, str) and judgement != "neutraal":
        # The one rule (common.verdict): the arrow and words say the move relative to the city; "kloof" only
        # where the area was or is behind the city.
        kloof = verdict.kloof_words(row.get("kloof"))
        lines.append(
            f'<span class="wm-t"><span aria-hidden="true">{verdict.arrow(judgement)}</span> '
            f"{html_text(verdict.movement_short(judgement))}</span>"
        )
        if kloof:
            lines.append(f'<span class="wm-t">{html_text(kloof)}</span>')
    elif isinstance(judgement, str):
        lines.append(f'<span class="wm-t">{html_text(verdict.MOVEMENT_SHORT["neutraal"])}</span>')
    else:
        lines.append(f'<span class="wm-t">{html_text(txt.MATRIX_CELL_NO_PREV)}</span>')
    coverage = _coverage(row)
    if show_coverage and coverage:
        lines.append(f'<span class="wm-n">{txt.MATRIX_COVERAGE.format(used=coverage[0], members=coverage[1])}</span>')
    css = {"slechter": "wm-worse", "beter": "wm-better"}.get(str(position), "wm-equal")
    return f'<td class="{css}"><a href="{href}" target="_self" title="{title}">{"".join(lines)}</a></td>'


_STYLE = """<style>
.wm-matrix-wrap{overflow-x:auto}
table.wm-matrix{border-collapse:collapse;font-size:0.85rem;line-height:1.3;width:100%;color:#1a1a1a;background:#fff}
.wm-matrix caption{caption-side:top;text-align:left;padding:0 0 0.4rem 0;color:inherit;font-size:0.85rem}
.wm-matrix th,.wm-matrix td{border:1px solid #bdbdbd;padding:0.3rem 0.4rem;vertical-align:top;text-align:left}
.wm-matrix thead th{background:#f0f0f0;font-weight:600}
.wm-matrix thead th.wm-theme{background:#e2e2e2;text-align:center}
.wm-matrix thead .wm-sub{display:block;font-weight:400;font-size:0.78rem}
.wm-matrix tbody th{background:#fafafa;font-weight:600;min-width:8rem;max-width:13rem}
.wm-matrix tbody th .wm-sub{display:block;font-weight:400;font-size:0.78rem}
.wm-matrix td a,.wm-matrix th a{color:#1a1a1a;text-decoration:none;display:block}
.wm-matrix td a:hover,.wm-matrix td a:focus,.wm-matrix th a:hover,.wm-matrix th a:focus{text-decoration:underline}
.wm-matrix .wm-v,.wm-matrix .wm-g,.wm-matrix .wm-t,.wm-matrix .wm-n{display:block}
.wm-matrix .wm-v strong{font-size:0.95rem}
.wm-matrix .wm-gap{font-size:0.8rem}
.wm-matrix td.wm-worse{background:#fde0c5}
.wm-matrix td.wm-better{background:#e8e3f3}
.wm-matrix td.wm-equal{background:#ffffff}
.wm-matrix td.wm-none{background:#ffffff;font-style:italic}
.wm-matrix td.wm-none a{color:#4d4d4d}
.wm-matrix tr.wm-group th{background:#e2e2e2;text-align:left}
</style>"""


def _header_sub(col: Column) -> str:
    city = city_text(col.city_value, col.city_method, col.indicator)
    text = txt.MATRIX_HEADER_SUB.format(age=col.age_label, year=col.year, city=city)
    if col.indicator.denominator_text:
        text += "; " + txt.RATE_HEADER.format(base=col.indicator.denominator_text)
    return text


def matrix_html(m: Matrix, page: str = "gebiedsmonitor") -> str:
    """The matrix as an accessible HTML table (caption, scoped headers), every cell a deep link."""
    themes: list[tuple[str, int]] = []
    for col in m.columns:
        if themes and themes[-1][0] == col.indicator.theme_name:
            themes[-1] = (themes[-1][0], themes[-1][1] + 1)
        else:
            themes.append((col.indicator.theme_name, 1))
    head_theme = "".join(
        f'<th scope="colgroup" colspan="{span}" class="wm-theme">{html_text(name)}</th>' for name, span in themes
    )
    head_cols = "".join(
        f'<th scope="col">{html_text(col.indicator.label)}<span class="wm-sub">{html_text(_header_sub(col))}'
        "</span></th>"
        for col in m.columns
    )
    body: list[str] = []
    programme_rows: list[str] = []
    for area_id, name, kind in m.areas:
        area_rows = [m.cells[(area_id, c.indicator.code)] for c in m.columns if (area_id, c.indicator.code) in m.cells]
        subs = []
        if area_rows and area_rows[0].get("method") == "ongewogen":
            subs.append(txt.METHOD_LABELS["ongewogen"])
        coverages = {_coverage(r) for r in area_rows}
        # One buurt missing everywhere (Selwerderhof) is said once, beside the name, not in every cell.
        shared = len(coverages) == 1 and None not in coverages and len(area_rows) == len(m.columns)
        if shared:
            used, members = next(iter(coverages))  # type: ignore[misc]
            subs.append(txt.MATRIX_COVERAGE.format(used=used, members=members))
        sub = "".join(f'<span class="wm-sub">{html_text(line)}</span>' for line in subs)
        href = html_text(_link(page, area=area_id))
        cells = "".join(_cell_html(m.cells.get((area_id, c.indicator.code)), c, area_id, name, page, not shared,
                                   m.wijk_notes)
                        for c in m.columns)
        row = (f'<tr><th scope="row"><a href="{href}" target="_self">{html_text(name)}</a>{sub}</th>'
               f"{cells}</tr>")
        (programme_rows if kind == PROGRAMME_KIND else body).append(row)
    if programme_rows:
        body.append(f'<tr class="wm-group"><th scope="colgroup" colspan="{len(m.columns) + 1}">'
                    f"{html_text(txt.OVERVIEW_PROGRAMME_AREAS)}</th></tr>")
        body += programme_rows
    return (
        f'{_STYLE}<div class="wm-matrix-wrap"><table class="wm-matrix">'
        f"<caption>{html_text(txt.MATRIX_CAPTION)}</caption>"
        f'<thead><tr><th scope="col" rowspan="2">{html_text(txt.MATRIX_AREA)}</th>{head_theme}</tr>'
        f"<tr>{head_cols}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def matrix_table(m: Matrix) -> pd.DataFrame:
    """The matrix as a flat table (one row per area and indicator), for the CSV download."""
    records = []
    for area_id, name, _kind in m.areas:
        for col in m.columns:
            ind = col.indicator
            row = m.cells.get((area_id, ind.code)) or {}
            d = ind.decimals
            value = row.get("value")
            records.append({
                txt.COL_NAME: name,
                txt.COL_THEME: ind.theme_name,
                txt.COL_INDICATOR: ind.label,
                txt.COL_AGE: col.age_label,
                txt.COL_YEAR: col.year,
                txt.COL_UNIT: ind.unit_text,
                txt.COL_VALUE: fmt.rounded(value, d),
                txt.COL_CITY: None if col.city_value is None else round(col.city_value, d),
                txt.COL_CITY_METHOD: col.city_method,
                f"{txt.COL_GAP} ({fmt.gap_unit(ind.unit)})":
                    fmt.rounded(row.get("gap"), d),
                txt.COL_POSITION: position_word(row.get("position"), row.get("gap"), value),
                txt.COL_PREV_YEAR: None if fmt.is_missing(row.get("prev_year")) else int(row["prev_year"]),
                f"{txt.COL_PREV_GAP} ({fmt.gap_unit(ind.unit)})":
                    fmt.rounded(row.get("prev_gap"), d),
                txt.COL_JUDGEMENT: verdict.movement(row.get("judgement")),
                txt.COL_TREND: verdict.kloof_words(row.get("kloof")),
                txt.COL_METHOD: method_short(row) if row else "",
                txt.COL_MEMBERS: members_short(row) if row else
                (why_missing(ind, area_id, name, m.wijk_notes) or ""),
            })
    frame = pd.DataFrame(records)
    for column in (txt.COL_PREV_YEAR,):
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    return frame


def notes(m: Matrix) -> list[str]:
    """How the area values were made: unweighted areas, areas with buurten missing, the weighting used."""
    out: list[str] = []
    weights: set[tuple[str, int]] = set()
    for area_id, name, _kind in m.areas:
        rows = [(c, m.cells[(area_id, c.indicator.code)]) for c in m.columns if (area_id, c.indicator.code) in m.cells]
        if not rows:
            continue
        first = rows[0][1]
        if first.get("method") == "ongewogen":
            out.append(txt.NOTE_UNWEIGHTED.format(name=markdown(name), members=int(first["n_members"])))
        partial = [markdown(c.indicator.label) for c, r in rows
                   if not fmt.is_missing(r.get("n_used")) and int(r["n_used"]) < int(r["n_members"])]
        if partial:
            used = min(int(r["n_used"]) for _c, r in rows)
            out.append(txt.NOTE_PARTIAL.format(name=markdown(name), used=used, members=int(first["n_members"]),
                                               verb="heeft" if used == 1 else "hebben",
                                               indicators=", ".join(fmt.lower_first(p) for p in partial)
                                               if len(partial) < len(rows) else "alle kernindicatoren"))
        for _c, r in rows:
            if r.get("method") == "gewogen" and not fmt.is_missing(r.get("weight_year")):
                weights.add((txt.WEIGHT_LABELS.get(str(r["weight_indicator"]), str(r["weight_indicator"])),
                             int(r["weight_year"])))
    if weights:
        labels = sorted({w for w, _ in weights})
        years = ", ".join(str(y) for y in sorted({y for _, y in weights}))
        out.append(txt.NOTE_WEIGHTED.format(weight=" en ".join(labels), years=years))
    return out


def years_text(m: Matrix) -> str:
    """'2020 (vergeleken met 2016)': the editions the matrix shows and compares with."""
    years = sorted({c.year for c in m.columns})
    previous = sorted({int(r["prev_year"]) for r in m.cells.values() if not fmt.is_missing(r.get("prev_year"))})
    text = ", ".join(str(y) for y in years)
    if previous:
        text += txt.OVERVIEW_COMPARED.format(years=", ".join(str(y) for y in previous))
    return text


def boundary_year_text(areas: pd.DataFrame) -> str:
    years = sorted({int(y) for y in areas["boundary_year"].dropna()}) if "boundary_year" in areas else []
    return ", ".join(str(y) for y in years)


def tolerance_text(meta: dict[str, str]) -> str:
    try:
        tolerance = float(meta.get("gap_tolerance", ""))
    except ValueError:
        return ""
    return f"{fmt.number(tolerance, 1)} {txt.PERCENT_POINT}"


def city_table(catalog: Catalog, city_rows: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Headline indicators of the city itself, for a gemeente without renewal areas."""
    records = []
    for code, age, year in catalog.headline_choices():
        ind = catalog.indicators[code]
        rows = city_rows.get(code, pd.DataFrame(columns=["year", "city_value"])).dropna()
        now = rows[rows["year"] == year]["city_value"]
        before = rows[rows["year"] < year].sort_values("year")
        records.append({
            txt.COL_THEME: ind.theme_name,
            txt.COL_INDICATOR: ind.label,
            txt.COL_AGE: catalog.age_label(code, age),
            txt.COL_YEAR: year,
            f"{txt.COL_CITY} ({ind.unit})": round(float(str(now.iloc[0])), ind.decimals) if len(now) else None,
            txt.COL_PREV_YEAR: int(before["year"].iloc[-1]) if len(before) else None,
            f"{txt.COL_CITY} {txt.COL_PREV_YEAR.lower()} ({ind.unit})":
                round(float(before["city_value"].iloc[-1]), ind.decimals) if len(before) else None,
        })
    return pd.DataFrame(records)


@dataclass(frozen=True)
class ThemeCoverage:
    theme_id: str
    name: str
    has_figures: bool
    line: str  # Markdown: what the theme has (indicators, years, levels, newest edition) or what is missing


def _split(raw: Any) -> list[str]:
    return [part.strip() for part in str(raw).split(";") if part.strip()] if not fmt.is_missing(raw) else []


def _labels(labels: list[str], shown: int = 4) -> str:
    if len(labels) <= shown:
        return ", ".join(labels)
    return ", ".join(labels[:shown]) + f" en {len(labels) - shown} andere"


def theme_coverage(rows: pd.DataFrame, nplv_only: bool = True) -> list[ThemeCoverage]:
    """One line per theme from `coverage_themes` rows (goal_id null): its indicators, years, levels and newest
    edition, or the build's note naming the sources that would fill it. Never silently absent."""
    themes = rows[rows["goal_id"].isna()] if "goal_id" in rows else rows
    if nplv_only and "nplv" in themes:
        themes = themes[themes["nplv"].fillna(False).astype(bool)]
    out: list[ThemeCoverage] = []
    for theme_id, group in themes.groupby("theme_id", sort=False):
        name = str(group["theme_name"].iloc[0]) if not fmt.is_missing(group["theme_name"].iloc[0]) else str(theme_id)
        with_figures = group[group["has_figures"].fillna(False).astype(bool)]
        if with_figures.empty:
            note = next((str(n) for n in group["note"] if not fmt.is_missing(n) and str(n)), "")
            out.append(ThemeCoverage(str(theme_id), name, False, txt.COVERAGE_NONE.format(theme=markdown(name),
                                                                                   note=markdown(note))))
            continue
        levels = {level for raw in with_figures["levels"] for level in _split(raw)}
        level_text = ", ".join(txt.LEVEL_WORDS[lv] for lv in txt.LEVEL_WORDS if lv in levels)
        labels = [str(lab) if not fmt.is_missing(lab) else str(code)
                  for lab, code in zip(with_figures["label"], with_figures["indicator_code"], strict=True)]
        line = txt.COVERAGE_WITH_FIGURES.format(
            # The line is Markdown: theme names and labels from configuration are escaped.
            theme=markdown(name), n=len(labels), indicator_word="indicator" if len(labels) == 1 else "indicatoren",
            labels=_labels([markdown(lab) for lab in labels]), first=int(with_figures["first_year"].min()),
            newest=int(with_figures["newest_year"].max()), levels=level_text,
        )
        wanted = _split(group["wanted_sources"].iloc[0])
        if wanted:
            line += txt.COVERAGE_WANTED.format(sources="; ".join(wanted))
        out.append(ThemeCoverage(str(theme_id), name, True, line))
    return out


def source_notes(m: Matrix) -> list[str]:
    """Wijk-only sources (which areas can have a value) and city values computed rather than published."""
    out: list[str] = []
    for col in m.columns:
        ind = col.indicator
        if ind.lowest_level == "wijk":
            with_value = [name for area_id, name, _k in m.areas
                          if not fmt.is_missing((m.cells.get((area_id, ind.code)) or {}).get("value"))]
            out.append(txt.NOTE_WIJK_ONLY.format(label=ind.label, with_value=", ".join(with_value) or "geen"))
        word = txt.CITY_METHOD_WORDS.get(col.city_method)
        if word:
            out.append(txt.NOTE_CITY_COMPUTED.format(label=fmt.lower_first(ind.label), method=word))
    return out
