"""What the Programma-overzicht shows, composed from the matrix builders: pure, so it is tested without
Streamlit and cached by `load`."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from wijkmonitor.overview import matrix as mx


@dataclass(frozen=True)
class OverviewView:
    matrix: mx.Matrix
    summary: list[str]
    themes: dict[str, str]  # theme_id -> name, in column order
    html: dict[str, str]  # theme_id -> the matrix of that theme's headline indicators
    notes: list[str]
    years: str
    tables: dict[str, pd.DataFrame]  # theme_id -> that theme's matrix as a flat table, for the download

    def default_theme(self) -> str | None:
        return next(iter(self.themes), None)


def overview_view(m: mx.Matrix) -> OverviewView:
    themes = m.themes()
    parts = {t: m.for_theme(t) for t in themes}
    return OverviewView(m, mx.summary(m), themes, {t: mx.matrix_html(part) for t, part in parts.items()},
                        mx.notes(m) + mx.source_notes(m), mx.years_text(m),
                        {t: mx.matrix_table(part) for t, part in parts.items()})
