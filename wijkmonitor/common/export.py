"""Downloads of a table exactly as the page shows it: CSV in the Dutch Excel dialect and XLSX.

CSV: UTF-8 with a byte order mark (Excel otherwise guesses Windows-1252), `;` between fields and a decimal
comma, numbers without float noise (`-2,7`, never `-2,700000000000003`). XLSX: numbers stay numbers (rounded the
same way), missing values stay empty cells, and text that begins with `=`, `+`, `-` or `@` is stored as text, so
a register cell can never become a formula when someone opens the file.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

SIGNIFICANT = 12  # enough for any measured figure; drops the binary noise of float arithmetic
SHEET_NAME_MAX = 31  # Excel's limit
FORMULA_START = ("=", "+", "-", "@")
_COLUMN_WIDTH = (8, 60)


def clean_number(value: float) -> float:
    """-2.700000000000003 -> -2.7: keeps the figure, drops the float noise."""
    if value == 0 or not math.isfinite(value):
        return value
    digits = SIGNIFICANT - math.floor(math.log10(abs(value))) - 1
    return round(value, max(digits, 0))


def _is_missing(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def cell(value: Any) -> Any:
    """One value as it goes into a file: None when missing, a clean int/float for numbers, else itself."""
    if value is None or _is_missing(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return clean_number(value)
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return cell(value.item())
    return value


def _csv_text(value: Any) -> str:
    value = cell(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return str(value)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The table as CSV for Dutch Excel: BOM, `;`, decimal comma, values as shown."""
    text = pd.DataFrame({str(c): frame[c].map(_csv_text) for c in frame.columns}, index=frame.index)
    return text.to_csv(index=False, sep=";").encode("utf-8-sig")


def xlsx_bytes(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """A workbook with one sheet per table (name cut to Excel's 31 characters), header row first."""
    book = Workbook()
    for empty in list(book.worksheets):  # a new workbook starts with one blank sheet
        book.remove(empty)
    for name, frame in sheets.items():
        sheet = book.create_sheet(title=name[:SHEET_NAME_MAX] or "Blad")
        sheet.append([str(c) for c in frame.columns])
        for row in frame.itertuples(index=False, name=None):
            sheet.append([cell(v) for v in row])
        for row_cells in sheet.iter_rows():
            for c in row_cells:
                if isinstance(c.value, str) and c.value.startswith(FORMULA_START):
                    c.data_type = "s"  # openpyxl would store it as a formula otherwise
        for index, column in enumerate(sheet.columns, start=1):
            width = max((len(str(c.value)) for c in column if c.value is not None), default=_COLUMN_WIDTH[0])
            sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, _COLUMN_WIDTH[0]),
                                                                          _COLUMN_WIDTH[1])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def table_xlsx(frame: pd.DataFrame, sheet: str) -> bytes:
    return xlsx_bytes({sheet: frame})
