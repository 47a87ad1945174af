"""Read one register (a CSV file or a worksheet) into raw rows, numbered as in Excel.

Nothing is interpreted here beyond finding the header: cells stay as the file gives them (text for CSV;
text, float, bool, date or datetime for Excel). Problems with the file itself (missing, broken, wrong
encoding, missing worksheet, unknown or missing columns) are reported as `Problem`s.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wijkmonitor.common.export import column_letter
from wijkmonitor.registers.problems import ERROR, WARNING, Problem
from wijkmonitor.registers.schema import Sheet
from wijkmonitor.registers.spec import CSV_SUFFIXES, EXCEL_SUFFIXES, RegisterSource

Cell = Any  # str | float | int | bool | datetime.date | datetime.datetime | datetime.timedelta | None


@dataclass
class RawSheet:
    """The rows of one register. `rows` holds (Excel row number, {column name: cell}) for non-empty rows."""

    sheet: str  # what Problem.sheet says: worksheet name, or the CSV file name
    file: str | None  # workbook file name for a worksheet, None for CSV
    header_row: int = 1
    letters: dict[str, str] = field(default_factory=dict)
    positions: dict[str, int] = field(default_factory=dict)
    rows: list[tuple[int, dict[str, Cell]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    readable: bool = True  # False when the file or worksheet could not be read at all

    def problem(
        self, message: str, *, row: int | None = None, column: str | None = None, level: str = ERROR
    ) -> Problem:
        p = Problem(
            sheet=self.sheet,
            row=row,
            column=column,
            message=message,
            level=level,
            file=self.file,
            column_letter=self.letters.get(column) if column else None,
        )
        self.problems.append(p)
        return p

    def sorted_problems(self) -> list[Problem]:
        """Problems in reading order: file-level first, then by row and by column position."""
        return sorted(self.problems, key=lambda p: (p.row or 0, self.positions.get(p.column or "", -1)))


def _is_blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _normalise_header(cell: Cell) -> str:
    text = "" if cell is None else str(cell)
    return text.strip().lower().replace(" ", "_")


def _not_a_file(path: Path) -> str | None:
    """Why `path` cannot be read as a register file, or None when it is an ordinary file."""
    if path.is_file():
        return None
    if path.is_dir():
        return f"dit is een map, geen bestand ({path})"
    if path.exists():
        return f"dit is geen gewoon bestand maar bijvoorbeeld een pijp of apparaat ({path})"
    return f"bestand niet gevonden ({path})"


# Encrypted Office files are OLE containers holding these streams instead of the workbook (MS-OFFCRYPTO).
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
PASSWORD_PROTECTED = (
    "het bestand is met een wachtwoord beveiligd; de build kan het niet lezen. Open het in Excel, haal het "
    "wachtwoord weg (Bestand > Info > Werkmap beveiligen > Versleutelen met wachtwoord: leeg) en sla het op"
)


def is_password_protected(path: Path) -> bool:
    """True for an encrypted (password-protected) Office workbook."""
    try:
        with path.open("rb") as handle:
            data = handle.read(16 * 1024 * 1024)
    except OSError:
        return False
    return data.startswith(_OLE_MAGIC) and any(stream in data for stream in _ENCRYPTED_STREAMS)


def read_register(source: RegisterSource, sheet: Sheet) -> RawSheet:
    path = source.path
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        return _read_excel(source, sheet)
    raw = RawSheet(sheet=path.name, file=None)
    if (reason := _not_a_file(path)) is not None:
        raw.readable = False
        raw.problem(reason)
        return raw
    if suffix not in CSV_SUFFIXES:
        raw.readable = False
        raw.problem(f"onbekend bestandstype '{path.suffix}'; gebruik .xlsx of .csv")
        return raw
    try:
        data = path.read_bytes()
    except OSError as exc:
        raw.readable = False
        raw.problem(f"het bestand kan niet worden gelezen ({exc.strerror or exc})")
        return raw
    return _read_csv(raw, data, sheet)


# --- CSV -----------------------------------------------------------------------------------------------

_SAVE_AS_UTF8 = "sla het op als 'CSV UTF-8' of gebruik het Excel-sjabloon"


def _decode(raw: RawSheet, data: bytes) -> str | None:
    if data.startswith(b"PK\x03\x04"):
        raw.problem("dit is een Excel-bestand (xlsx) met de extensie .csv; geef het de extensie .xlsx")
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raw.problem(f"het bestand is opgeslagen als UTF-16 (Unicode-tekst); {_SAVE_AS_UTF8}")
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raw.problem(
            "het bestand is niet als UTF-8 opgeslagen (waarschijnlijk Windows-1252/Latin-1: letters als é "
            f"en ë worden anders niet goed gelezen); {_SAVE_AS_UTF8}",
            row=line,
        )
        return None


def _delimiter(raw: RawSheet, text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    delimiter = max(counts, key=lambda d: counts[d])
    if counts[delimiter] == 0:
        return ","
    if delimiter == ";":
        raw.problem(
            "puntkomma als scheidingsteken herkend (Nederlandse Excel-instelling); het bestand is als "
            "puntkomma-gescheiden bestand ingelezen",
            level=WARNING,
        )
    elif delimiter == "\t":
        raw.problem(
            "tab als scheidingsteken herkend; het bestand is als tab-gescheiden bestand ingelezen",
            level=WARNING,
        )
    return delimiter


def _read_csv(raw: RawSheet, data: bytes, sheet: Sheet) -> RawSheet:
    text = _decode(raw, data)
    if text is None:
        raw.readable = False
        return raw
    delimiter = _delimiter(raw, text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raw.readable = False
        raw.problem(f"het bestand is geen geldig CSV-bestand ({exc})")
        return raw
    _take_rows(raw, [list(r) for r in records], sheet)
    return raw


# --- Excel ---------------------------------------------------------------------------------------------


def _read_excel(source: RegisterSource, sheet: Sheet) -> RawSheet:
    from python_calamine import CalamineError, CalamineWorkbook

    path = source.path
    wanted = source.sheet or sheet.sheet
    if (reason := _not_a_file(path)) is not None:
        raw = RawSheet(sheet=path.name, file=None, readable=False)
        raw.problem(reason)
        return raw
    if is_password_protected(path):
        raw = RawSheet(sheet=path.name, file=None, readable=False)
        raw.problem(PASSWORD_PROTECTED)
        return raw
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except (CalamineError, zipfile.BadZipFile, OSError, ValueError) as exc:
        raw = RawSheet(sheet=path.name, file=None, readable=False)
        if "password" in str(exc).lower():  # an old .xls with a password: calamine recognises it itself
            raw.problem(PASSWORD_PROTECTED)
            return raw
        raw.problem(
            "het bestand kan niet als Excel-werkmap worden gelezen (beschadigd, onvolledig of geen "
            "Excel-bestand); sla het opnieuw op als .xlsx"
        )
        return raw
    names = list(workbook.sheet_names)
    match = next((n for n in names if n.strip().lower() == wanted.lower()), None)
    if match is None and source.sheet is None and len(names) == 1:
        match = names[0]
    if match is None:
        raw = RawSheet(sheet=wanted, file=path.name, readable=False)
        raw.problem(f"werkblad '{wanted}' ontbreekt; gevonden werkbladen: {', '.join(names) or 'geen'}")
        return raw
    raw = RawSheet(sheet=match, file=path.name)
    try:
        rows = workbook.get_sheet_by_name(match).to_python(skip_empty_area=False)
    except CalamineError:
        raw.readable = False
        raw.problem(
            "het werkblad kan niet worden gelezen (beschadigd?); sla het bestand opnieuw op als .xlsx"
        )
        return raw
    _take_rows(raw, [list(r) for r in rows], sheet)
    return raw


# --- shared --------------------------------------------------------------------------------------------


def _take_rows(raw: RawSheet, records: list[list[Cell]], sheet: Sheet) -> None:
    """Find the header, map columns, keep the non-empty data rows with their Excel row numbers.

    The header is the first row naming at least two of the register's columns (so a title row above it is
    allowed), or else the first non-empty row.
    """
    known_names = set(sheet.names)
    header_index = next(
        (i for i, r in enumerate(records) if len({_normalise_header(c) for c in r} & known_names) >= 2),
        next((i for i, r in enumerate(records) if any(not _is_blank(c) for c in r)), None),
    )
    if header_index is None:
        raw.problem(f"het {sheet.label} is leeg: de kopregel met kolomnamen ontbreekt")
        raw.readable = False
        return
    raw.header_row = header_index + 1
    header = [_normalise_header(c) for c in records[header_index]]
    positions: dict[str, int] = {}
    unnamed: list[int] = []
    for index, name in enumerate(header):
        if not name:
            unnamed.append(index)
            continue
        raw.letters.setdefault(name, column_letter(index))
        raw.positions.setdefault(name, index)
        if name in positions:
            raw.problem("kolomnaam komt twee keer voor in de kopregel", row=raw.header_row, column=name)
            continue
        positions[name] = index
        if name not in sheet.names:
            raw.problem(
                f"onbekende kolom; wordt genegeerd (verwacht: {', '.join(sheet.names)})",
                row=raw.header_row,
                column=name,
                level=WARNING,
            )
    for col in sheet.columns:
        if col.name not in positions and col.required:
            raw.problem("verplichte kolom ontbreekt in de kopregel", row=raw.header_row, column=col.name)
    known = {name: i for name, i in positions.items() if name in sheet.names}
    warned_unnamed: set[int] = set()
    for index in range(header_index + 1, len(records)):
        record = records[index]
        if all(_is_blank(c) for c in record):
            continue
        excel_row = index + 1
        overflow = [i for i in range(len(header), len(record)) if not _is_blank(record[i])]
        if overflow and raw.file is None:
            # In a CSV file this means the cells are shifted (a delimiter inside an unquoted cell): checking
            # the shifted cells would only add confusing messages, so the row is reported once and skipped.
            raw.problem(
                f"rij heeft meer cellen ({len(record)}) dan de kopregel kolommen ({len(header)}); staat "
                "er een scheidingsteken in een cel zonder aanhalingstekens?",
                row=excel_row,
            )
            continue
        for extra in [i for i in unnamed if i < len(record) and not _is_blank(record[i])] + overflow:
            if extra not in warned_unnamed:
                warned_unnamed.add(extra)
                raw.problem(
                    f"kolom {column_letter(extra)} heeft geen naam in de kopregel; de waarden worden "
                    "genegeerd",
                    row=excel_row,
                    level=WARNING,
                )
        cells = {name: (record[i] if i < len(record) else None) for name, i in known.items()}
        cells = {name: (None if _is_blank(c) else c) for name, c in cells.items()}
        if all(c is None for c in cells.values()):
            continue
        raw.rows.append((excel_row, cells))
