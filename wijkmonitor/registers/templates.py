"""Write the empty register templates: one workbook with three worksheets, and three CSV files.

    uv run python -m wijkmonitor.registers.templates [templates]

The workbook has a header row (with a Dutch note per column), dropdowns for fixed choices and a
`toelichting` worksheet; the loader only reads the worksheets `interventies`, `resultaten`, `proceslog`.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from wijkmonitor.config import PROJECT_ROOT
from wijkmonitor.registers.schema import SHEETS, STATUSES

WORKBOOK_NAME = "registers.xlsx"
TEMPLATE_DIR = PROJECT_ROOT / "templates"


def write_templates(out_dir: Path = TEMPLATE_DIR) -> list[Path]:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    bold = Font(bold=True)
    required_fill = PatternFill("solid", fgColor="FFF2CC")
    for sheet in SHEETS:
        ws = workbook.create_sheet(sheet.sheet)
        ws.freeze_panes = "A2"
        for index, col in enumerate(sheet.columns, start=1):
            cell = ws.cell(row=1, column=index, value=col.name)
            cell.font = bold
            if col.required:
                cell.fill = required_fill
            note = f"{col.label}{' (verplicht)' if col.required else ''}: {col.help}"
            if col.example:
                note += f"\nVoorbeeld: {col.example}"
            cell.comment = Comment(note, "Wijkmonitor", width=320, height=140)
            letter = get_column_letter(index)
            ws.column_dimensions[letter].width = max(14, min(40, len(col.name) + 4))
            if col.choices:
                validation = DataValidation(
                    type="list",
                    formula1='"' + ",".join(col.choices) + '"',
                    allow_blank=True,
                    showErrorMessage=True,
                )
                validation.add(f"{letter}2:{letter}1000")
                ws.add_data_validation(validation)
            if col.kind == "date":
                for row in range(2, 1001):
                    ws.cell(row=row, column=index).number_format = "yyyy-mm-dd"
        path = out_dir / f"{sheet.sheet}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerow(sheet.names)
        written.append(path)
    notes = workbook.create_sheet("toelichting")
    notes.append(["werkblad", "kolom", "betekenis", "verplicht", "uitleg", "voorbeeld"])
    for cell in notes[1]:
        cell.font = bold
    for sheet in SHEETS:
        for col in sheet.columns:
            notes.append(
                [sheet.sheet, col.name, col.label, "ja" if col.required else "nee", col.help, col.example]
            )
    notes.append([])
    notes.append(
        [
            "Rij 1 is de kopregel; laat de kolomnamen staan. Lijsten scheidt u met een puntkomma (;). "
            f"Status: {', '.join(STATUSES)}. Zet is_example op true bij illustratieve cijfers."
        ]
    )
    for letter, width in zip("ABCDEF", (14, 26, 30, 10, 80, 30), strict=True):
        notes.column_dimensions[letter].width = width
    path = out_dir / WORKBOOK_NAME
    workbook.save(path)
    written.insert(0, path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATE_DIR
    for written_path in write_templates(target):
        print(written_path)
