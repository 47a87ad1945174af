"""Downloads of a table exactly as the page shows it: CSV in the Dutch Excel dialect and XLSX.

CSV: UTF-8 with a byte order mark (Excel otherwise guesses Windows-1252), `;` between fields and a decimal
comma, numbers without float noise (`-2,7`, never `-2,700000000000003`). XLSX: numbers stay numbers (rounded the
same way), missing values stay empty cells, and text that begins with `=`, `+`, `-` or `@` is stored as text, so
a register cell can never become a formula when someone opens the file. In CSV, where a cell has no type, such
text (also after a leading tab or carriage return, which Excel skips) gets a leading apostrophe, the OWASP
advice; a number written as text (`-2,7`) is left as it is. Control and bidi characters are dropped from text
in both (openpyxl refuses most of them, and they would disguise a cell).
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Mapping
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from wijkmonitor.common.text import strip_controls

SIGNIFICANT = 12  # enough for any measured figure; drops the binary noise of float arithmetic
SHEET_NAME_MAX = 31  # Excel's limit
FORMULA_START = ("=", "+", "-", "@")
# Excel also starts a formula after leading tabs, carriage returns and spaces.
_FORMULA_LIKE = re.compile(r"^[\t\r\n ]*[=+\-@]")
_NUMBER_TEXT = re.compile(r"^[+\-]?\d[\d.]*(,\d+)?$")
_COLUMN_WIDTH = (8, 60)


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index (0 -> A, 25 -> Z, 26 -> AA), as a reader finds it in Excel."""
    return str(get_column_letter(index + 1))


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
    if isinstance(value, str):
        return strip_controls(value)
    return value


def formula_like(text: str) -> bool:
    """Text a spreadsheet would read as a formula (`=...`, `+...`, `-...`, `@...`), not a number as text."""
    return bool(_FORMULA_LIKE.match(text)) and not _NUMBER_TEXT.match(text.strip())


def _csv_text(value: Any) -> str:
    value = cell(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    text = strip_controls(str(value))
    return "'" + text if formula_like(text) else text


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The table as CSV for Dutch Excel: BOM, `;`, decimal comma, values as shown."""
    text = pd.DataFrame({_csv_text(str(c)): frame[c].map(_csv_text) for c in frame.columns}, index=frame.index)
    return text.to_csv(index=False, sep=";").encode("utf-8-sig")


def xlsx_bytes(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """A workbook with one sheet per table (name cut to Excel's 31 characters), header row first."""
    book = Workbook()
    for empty in list(book.worksheets):  # a new workbook starts with one blank sheet
        book.remove(empty)
    for name, frame in sheets.items():
        sheet = book.create_sheet(title=name[:SHEET_NAME_MAX] or "Blad")
        sheet.append([cell(str(c)) for c in frame.columns])
        for row in frame.itertuples(index=False, name=None):
            sheet.append([cell(v) for v in row])
        for row_cells in sheet.iter_rows():
            for c in row_cells:
                if isinstance(c.value, str) and _FORMULA_LIKE.match(c.value):
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
