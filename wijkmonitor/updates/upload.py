"""First look at an uploaded file: size, what it really is (by content, not by name), and a safe name.

The uploaded name is only ever shown and logged; files are stored under their checksum with the suffix that
belongs to their content, so a name like `../../config/access.toml` or `registers.xlsx` on a CSV file
changes nothing.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from wijkmonitor.errors import WijkmonitorError

XLSX = "xlsx"
CSV = "csv"
# Parts every Office Open XML workbook has; a .docx or a renamed zip lacks xl/workbook.xml.
_XLSX_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
# A small zip can unpack to gigabytes (a zip bomb); registers are far below this.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
_NAME_CHARS = re.compile(r"[^\w .()+,-]+")


class UploadRejected(WijkmonitorError):
    """The file is refused before any validation: too large, empty, or not what it claims to be."""


@dataclass(frozen=True)
class Upload:
    data: bytes
    display_name: str  # safe to show and log; never a path
    kind: str  # XLSX | CSV (by content)
    sha256: str

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def suffix(self) -> str:
        return f".{self.kind}"


def display_name(name: str | None) -> str:
    """The last path component of an uploaded name, without control characters, at most 80 characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(c for c in unicodedata.normalize("NFC", base) if unicodedata.category(c)[0] != "C")
    base = _NAME_CHARS.sub("_", base).strip(" .")
    return base[:80] or "naamloos"


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f}".replace(".", ",") + " MB"


def _is_xlsx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if not all(part in names for part in _XLSX_PARTS):
                return False
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise UploadRejected("het werkboek pakt uit tot meer dan 200 MB; dat is geen register")
            return True
    except zipfile.BadZipFile:
        return False


def _is_text(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def inspect_upload(data: bytes, name: str | None, max_bytes: int) -> Upload:
    """Accept an .xlsx workbook or a UTF-8 .csv file whose content matches its name; else UploadRejected."""
    shown = display_name(name)
    if len(data) > max_bytes:
        raise UploadRejected(f"{shown} is {_mb(len(data))}; de grens is {_mb(max_bytes)}")
    if not data.strip():
        raise UploadRejected(f"{shown} is leeg")
    suffix = shown.rsplit(".", 1)[-1].lower() if "." in shown else ""
    if _is_xlsx(data):
        kind = XLSX
    elif data[:4] == b"PK\x03\x04":
        raise UploadRejected(f"{shown} is een zip-bestand maar geen Excel-werkboek (.xlsx)")
    elif data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise UploadRejected(f"{shown} is een oud Excel-bestand (.xls); sla het op als .xlsx")
    elif _is_text(data):
        kind = CSV
    else:
        raise UploadRejected(f"{shown} is geen Excel-werkboek (.xlsx) en geen CSV-bestand in UTF-8")
    expected = {XLSX: ("xlsx",), CSV: ("csv", "txt")}[kind]
    if suffix not in expected:
        what = "een Excel-werkboek" if kind == XLSX else "tekst (CSV)"
        raise UploadRejected(f"{shown} heet .{suffix or '(geen extensie)'} maar is {what}; geef het de juiste naam")
    return Upload(data=data, display_name=shown, kind=kind, sha256=hashlib.sha256(data).hexdigest())
