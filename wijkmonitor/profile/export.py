"""Profile downloads: a self-contained HTML file (charts with plotly.js inside, so it works offline), CSV and
Excel with every figure of the unit. Pure functions of a ProfileView; the page passes them to download buttons
as callables, so a file is only built when someone asks for it.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from wijkmonitor.common import export, fmt
from wijkmonitor.profile import tables
from wijkmonitor.profile.print_css import EXPORT_CSS
from wijkmonitor.profile.view import ProfileView
from wijkmonitor.texts import common as common_txt
from wijkmonitor.texts import profiel as txt

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _text(markdown: str) -> str:
    """Our own short Markdown strings (only **bold**) as safe HTML."""
    return _BOLD.sub(r"<strong>\1</strong>", html.escape(markdown))


def _table(frame: pd.DataFrame) -> str:
    return frame.to_html(index=False, escape=True, border=0, na_rep="")


def _sources(view: ProfileView) -> str:
    return txt.SOURCES


def _generated(view: ProfileView) -> str:
    return txt.HTML_GENERATED.format(version=view.meta.get("tool_version", "?"),
                                     built_at=fmt.moment(view.meta.get("built_at")))


def profile_html(view: ProfileView) -> str:
    """The profile as one HTML document that states its data version and build date."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        f"<title>{html.escape(txt.HTML_TITLE.format(name=view.unit.name))}</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<style>{EXPORT_CSS}</style></head><body>",
        f"<h1>{html.escape(txt.HTML_TITLE.format(name=view.unit.name))}</h1>",
        f'<p class="meta">{html.escape(view.subtitle)}<br>{html.escape(view.data_version)} '
        f'{html.escape(txt.EXPORT_VERSION.format(version=view.meta.get("tool_version", "?")))}</p>',
        f"<p>{_text(view.summary)}</p>",
    ]
    if view.method_note:
        css = "note" if view.unweighted else "meta"
        parts.append(f'<p class="{css}">{_text(view.method_note)}</p>')
    parts.append(f"<h2>{html.escape(txt.SECTION_COMPARE)}</h2><p class=\"meta\">{_text(txt.SECTION_COMPARE_HELP)}</p>")
    first = True
    for block in view.themes:
        chart = block.figure.to_html(
            full_html=False, include_plotlyjs=first, config={"displaylogo": False, "responsive": False}
        )
        first = False
        parts += [f"<h3>{html.escape(block.name)}</h3>", f'<div class="chart" role="img" aria-label="'
                  f'{html.escape(block.alt)}">{chart}</div>', _table(block.table)]
    parts += [
        f"<h2>{html.escape(txt.SECTION_COMPASS)}</h2>",
        f'<p class="meta">{_text(view.compass_help)}</p>',
    ]
    if view.compass.empty:
        parts.append(f"<p>{html.escape(txt.COMPASS_NONE)}</p>")
    else:
        parts += [f"<p>{_text(view.compass_summary)}</p>", _table(view.compass)]
    if not view.context_table.empty:
        parts += [f"<h2>{html.escape(txt.SECTION_CONTEXT)}</h2>",
                  f'<p class="meta">{html.escape(txt.SECTION_CONTEXT_HELP)}</p>', _table(view.context_table)]
    parts.append(f"<h2>{html.escape(txt.SECTION_REGISTERS)}</h2>")
    if view.interventions is None:
        parts.append(f"<p>{html.escape(txt.NO_REGISTERS)}</p>")
    else:
        if view.has_example_registers:
            parts.append(f'<p><span class="example">{html.escape(common_txt.EXAMPLE_DATA_LABEL)}</span> '
                         f"{html.escape(common_txt.EXAMPLE_DATA_NOTE)}</p>")
        for title, frame, empty in (
            (txt.INTERVENTIONS, view.interventions_table, txt.NO_INTERVENTIONS),
            (txt.PROCESS, view.process_table, txt.NO_PROCESS),
        ):
            parts.append(f"<h3>{html.escape(title)}</h3>")
            parts.append(_table(frame) if not frame.empty else f"<p>{html.escape(empty)}</p>")
    parts += [
        f'<p class="meta">{html.escape(_sources(view))}</p>',
        f'<p class="meta">{html.escape(_generated(view))}</p>',
        "</body></html>",
    ]
    return "\n".join(parts)


def profile_csv(view: ProfileView) -> bytes:
    """Every compared figure of the unit, all age groups; semicolons and decimal commas for Dutch Excel."""
    return export.csv_bytes(tables.export_values(view.values, view.unit.name))


def _about(view: ProfileView) -> pd.DataFrame:
    values = {
        "name": view.unit.name, "code": view.unit.code, "kind": view.unit.kind_label,
        "built_at": fmt.moment(view.meta.get("built_at")), "version": view.meta.get("tool_version", "?"),
        "sources": _sources(view),
    }
    return pd.DataFrame([(k, v.format(**values)) for k, v in txt.ABOUT_ROWS], columns=["", " "])


def profile_xlsx(view: ProfileView) -> bytes:
    """Excel workbook: comparison, ontwikkelkompas, key figures, registers and a sheet about the file."""
    values = tables.export_values(view.values, view.unit.name)
    sheets = {
        txt.SHEET_COMPARE: values,
        txt.SHEET_COMPASS: tables.compass_table(view.values, view.unit.name, with_age=True),
        txt.SHEET_CONTEXT: view.context_table,
    }
    if view.interventions is not None:
        sheets[txt.SHEET_INTERVENTIONS] = view.interventions_table
        sheets[txt.SHEET_PROCESS] = view.process_table
    sheets[txt.SHEET_ABOUT] = _about(view)
    return export.xlsx_bytes(sheets)
