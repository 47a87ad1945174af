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
    table: pd.DataFrame  # every theme, for the download

    def default_theme(self) -> str | None:
        return next(iter(self.themes), None)


def overview_view(m: mx.Matrix) -> OverviewView:
    themes = m.themes()
    return OverviewView(m, mx.summary(m), themes, {t: mx.matrix_html(m.for_theme(t)) for t in themes},
                        mx.notes(m) + mx.source_notes(m), mx.years_text(m), mx.matrix_table(m))
