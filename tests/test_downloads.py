"""Every download on every page goes through the kernel's export and holds what the page shows.

Each page runs in AppTest on the real Groningen build with `wijkmonitor.common.page.downloads` wrapped, so the
test sees exactly the frame and file name each download button was given. For each: the frame is one of the
tables on the page (the download is what the reader sees), the CSV is Dutch Excel's dialect (BOM, `;`, decimal
comma, no float noise) and parses back to the same cells, and the XLSX keeps numbers as numbers and text that
looks like a formula as text.
"""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest

from tests.bad_inputs.apptest import open_app, record_downloads
from wijkmonitor.common import export

PAGES: tuple[tuple[str, dict[str, str]], ...] = (
    ("dashboard.py", {}),
    ("pages/gebiedsmonitor.py", {"indicator": "Eenzaam", "age": "18plus", "year": "2020", "area": "selwerd"}),
    ("pages/interventiemonitor.py", {}),
    ("pages/procesmonitor.py", {}),
    ("pages/doelen.py", {}),
    ("pages/mijn-organisatie.py", {"partner": "lefier"}),
    ("pages/over-de-data.py", {}),
)
NOISE = re.compile(r"\d[.,]\d*0{6,}\d|\d[.,]\d*9{6,}\d")


def _same_cells(left: pd.DataFrame, right: pd.DataFrame) -> bool:
    if list(map(str, left.columns)) != list(map(str, right.columns)) or len(left) != len(right):
        return False
    return bool(left.reset_index(drop=True).astype(str).equals(right.reset_index(drop=True).astype(str)))


def _check_csv(frame: pd.DataFrame, data: bytes) -> None:
    assert data.startswith("\ufeff".encode()), "CSV zonder BOM"
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == [str(c) for c in frame.columns]
    assert len(rows) == len(frame) + 1
    assert not NOISE.search(text), NOISE.search(text)
    for column_index, column in enumerate(frame.columns):
        for row_index, value in enumerate(frame[column]):
            shown = rows[row_index + 1][column_index]
            if isinstance(value, float) and not pd.isna(value):
                assert "." not in shown and float(shown.replace(",", ".")) == pytest.approx(value), (column, shown)
            elif value is None or (not isinstance(value, str) and pd.isna(value)):
                assert shown == ""


def _check_xlsx(frame: pd.DataFrame, data: bytes) -> None:
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    cells: list[list[Any]] = [list(row) for row in sheet.iter_rows()]
    assert [c.value for c in cells[0]] == [str(c) for c in frame.columns]
    assert len(cells) == len(frame) + 1
    for row_index, row in enumerate(frame.itertuples(index=False, name=None)):
        for value, cell in zip(row, cells[row_index + 1], strict=True):
            assert cell.data_type != "f", f"formule in {cell.coordinate}"
            if isinstance(value, bool):
                continue
            if isinstance(value, int | float) and not pd.isna(value):
                assert cell.data_type == "n" and cell.value == pytest.approx(value), (cell.coordinate, cell.value)
            elif isinstance(value, str):
                assert cell.value == (value or None)  # Excel has no empty text, only an empty cell


@pytest.mark.parametrize(("page_file", "params"), PAGES, ids=[p for p, _ in PAGES])
def test_every_download_is_the_shown_table_in_kernel_format(
    app_db: Path, monkeypatch: pytest.MonkeyPatch, page_file: str, params: dict[str, str]
) -> None:
    seen = record_downloads(monkeypatch)
    at = open_app(page_file, **params)
    assert not at.exception, [e.message for e in at.exception]
    assert seen, f"{page_file} biedt geen download aan"
    # Two buttons (CSV, XLSX) per table and no download that bypasses the kernel.
    assert len(at.get("download_button")) == 2 * len(seen)
    shown = [frame.value for frame in at.dataframe] + [table.value for table in at.table]
    html_bodies = "\n".join(h.value for h in at.html)
    for frame, stem in seen:
        if not any(_same_cells(frame, s) for s in shown):
            # The programme matrix is drawn as HTML (the download adds coverage columns): its rows, the areas,
            # must all be there.
            texts = {html.escape(str(v)) for v in frame.iloc[:, 0] if isinstance(v, str) and v}
            missing = sorted(t for t in texts if t not in html_bodies)
            assert texts and not missing, f"{stem}: download wijkt af van de getoonde tabel ({missing[:5]})"
        _check_csv(frame, export.csv_bytes(frame))
        _check_xlsx(frame, export.table_xlsx(frame, "Tabel"))


def test_export_keeps_formula_text_and_drops_float_noise() -> None:
    frame = pd.DataFrame({"Naam": ["=1+1", "+31 50", "-min", "@SUM(A1)", "gewoon"],
                          "Waarde": [-2.700000000000003, 0.1 + 0.2, None, 1250000.0, 56.7]})
    text = export.csv_bytes(frame).decode("utf-8-sig")
    # CSV has no cell types: text a spreadsheet would run as a formula gets a leading apostrophe (issue 12).
    assert text.splitlines()[1:] == ["'=1+1;-2,7", "'+31 50;0,3", "'-min;", "'@SUM(A1);1250000,0", "gewoon;56,7"]
    sheet = openpyxl.load_workbook(io.BytesIO(export.table_xlsx(frame, "Tabel"))).worksheets[0]
    names = [sheet.cell(row=r, column=1) for r in range(2, 7)]
    assert [(c.value, c.data_type) for c in names] == [(v, "s") for v in frame["Naam"]]
    assert [sheet.cell(row=r, column=2).value for r in range(2, 7)] == [-2.7, 0.3, None, 1250000, 56.7]
