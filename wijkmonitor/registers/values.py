"""Cell parsers. Each returns the parsed value or raises `CellError` with a Dutch message."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from wijkmonitor.adapters.checks import finite_number
from wijkmonitor.registers.reader import Cell
from wijkmonitor.registers.schema import FALSE_WORDS, TRUE_WORDS


class CellError(ValueError):
    """A cell value that cannot be used; the message is Dutch and meant for the person fixing the cell."""


def show(cell: Cell) -> str:
    """A cell as the user typed it, for messages."""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime) and cell.time() == dt.time(0):
        return cell.date().isoformat()
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return str(cell).strip()


def text(cell: Cell) -> str | None:
    """Free text, kept exactly as written apart from surrounding spaces (never interpreted as HTML or SQL)."""
    if cell is None:
        return None
    value = show(cell) if not isinstance(cell, str) else cell.strip()
    return value or None


def split_list(cell: Cell, *, commas: bool) -> list[str]:
    """Items of a list cell, split on ';' and line breaks (and on ',' for code lists); duplicates dropped."""
    raw = text(cell)
    if raw is None:
        return []
    pattern = r"[;\n\r,]" if commas else r"[;\n\r]"
    items: list[str] = []
    for item in re.split(pattern, raw):
        item = item.strip()
        if item and item not in items:
            items.append(item)
    return items


_NUMBER = re.compile(r"-?\d+(\.\d+)?")
_NUMBER_COMMA = re.compile(r"-?\d+,\d+")
_NL_GROUPED = re.compile(r"-?\d{1,3}(\.\d{3})+(,\d+)?")
_EN_GROUPED = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d+)?")
_AMBIGUOUS = re.compile(r"-?[1-9]\d{0,2}[.,]\d{3}")
_CURRENCY = re.compile(r"^(?:€|eur(?:o)?)|(?:€|eur(?:o)?)$", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def _checked(value: float, cell: Cell) -> float:
    try:
        return finite_number(value, show(cell))
    except ValueError as exc:
        raise CellError(str(exc)) from None


def number(cell: Cell) -> float:
    """A number from an Excel number cell or text: 1500, 1500,5, 1.500,50, 1,500.50, EUR 1500 or € 1.500.

    '1.500' and '1,500' are ambiguous (thousand-five-hundred, or one-and-a-half?) and rejected; so are
    numbers that are not finite or too large to be real (`1e309`, a 400-digit number).
    """
    if isinstance(cell, bool | dt.date | dt.timedelta):
        raise CellError(f"'{show(cell)}' is geen getal")
    if isinstance(cell, int | float):
        return _checked(float(cell), cell)
    raw = str(cell).strip()
    compact = _CURRENCY.sub("", _SPACES.sub("", raw))
    if _AMBIGUOUS.fullmatch(compact):
        raise CellError(
            f"'{raw}' is dubbelzinnig (duizendtallen of decimalen?); schrijf het getal zonder punt voor "
            "duizendtallen en met een komma voor decimalen, bijvoorbeeld 1500 of 1,5"
        )
    if _NUMBER.fullmatch(compact):
        return _checked(float(compact), raw)
    if _NUMBER_COMMA.fullmatch(compact):
        return _checked(float(compact.replace(",", ".")), raw)
    if _NL_GROUPED.fullmatch(compact):
        return _checked(float(compact.replace(".", "").replace(",", ".")), raw)
    if _EN_GROUPED.fullmatch(compact):
        return _checked(float(compact.replace(",", "")), raw)
    raise CellError(f"'{raw}' is geen getal")


# Amounts in euros, the Dutch way: a point groups thousands, a comma starts the (at most two) cents, ",-"
# means whole euros. Without grouping, a point before one or two digits can only be a decimal point.
_AMOUNT_WHOLE = re.compile(r"\d+")
_AMOUNT_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?")
_AMOUNT_COMMA = re.compile(r"\d+,\d{1,2}")
_AMOUNT_POINT = re.compile(r"\d+\.\d{1,2}")
_WHOLE_EUROS = re.compile(r",[-\u2013\u2014]{1,2}$")
AMOUNT_NOTATION = (
    "schrijf een bedrag op zijn Nederlands: 1500, 1.500, 1.500,50 of € 1.500,- (punt voor duizendtallen, "
    "komma voor centen)"
)


def amount(cell: Cell) -> float:
    """An amount in euros: an Excel number, or text such as `1.000.000`, `EUR 1.000.000,-`, `€ 1.000,50`.

    `1.000` is a thousand (Dutch); `1,500` and `1,000.50` (English grouping) are refused with the notation to
    use, because a euro amount never has three decimals and guessing would change the figure a thousandfold.
    """
    if isinstance(cell, bool | dt.date | dt.timedelta):
        raise CellError(f"'{show(cell)}' is geen bedrag; {AMOUNT_NOTATION}")
    if isinstance(cell, int | float):
        value = _checked(float(cell), cell)
    else:
        raw = str(cell).strip()
        compact = _WHOLE_EUROS.sub("", _CURRENCY.sub("", _SPACES.sub("", raw)))
        compact = _CURRENCY.sub("", compact)  # "1.000,- EUR" and "EUR 1.000,-" alike
        negative = compact.startswith("-")
        digits = compact.removeprefix("-")
        if _AMOUNT_WHOLE.fullmatch(digits) or _AMOUNT_POINT.fullmatch(digits):
            value = float(digits)
        elif _AMOUNT_GROUPED.fullmatch(digits) or _AMOUNT_COMMA.fullmatch(digits):
            value = float(digits.replace(".", "").replace(",", "."))
        else:
            raise CellError(f"'{raw}' is geen bedrag; {AMOUNT_NOTATION}")
        value = _checked(-value if negative else value, raw)
    if value < 0:
        raise CellError(f"bedrag mag niet negatief zijn ({show(cell)})")
    return value


def count(cell: Cell) -> int:
    value = number(cell)
    if not value.is_integer():
        raise CellError(f"'{show(cell)}' is geen geheel aantal")
    if value < 0:
        raise CellError(f"aantal mag niet negatief zijn ({show(cell)})")
    return int(value)


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_NL_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_DATE_HINT = "schrijf jjjj-mm-dd (bijvoorbeeld 2024-03-01) of maak de cel op als datum"


def date(cell: Cell) -> dt.date:
    """A date from an Excel date cell or text: 2024-03-01 (ISO) or 1-3-2024 / 01/03/2024 (day first)."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    if isinstance(cell, bool | int | float):
        raise CellError(f"het getal {show(cell)} is geen datum; {_DATE_HINT}")
    raw = str(cell).strip()
    if m := _ISO_DATE.fullmatch(raw):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := _NL_DATE.fullmatch(raw):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    else:
        raise CellError(f"'{raw}' is geen datum; {_DATE_HINT}")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise CellError(f"'{raw}' is geen bestaande datum") from None


_YEAR = re.compile(r"\d{4}")
_QUARTER = re.compile(r"(\d{4})\s*[- ]?\s*[QqKk]([1-4])|[QqKk]([1-4])\s*[- ]?\s*(\d{4})")
_PERIOD_HINT = "gebruik een jaar (2023), een kwartaal (2023-Q2) of een datum (2023-05-01)"


def period(cell: Cell) -> tuple[str, dt.date, dt.date]:
    """(normalised text, first day, last day) of a year, a quarter or a single date."""
    if isinstance(cell, int | float) and not isinstance(cell, bool) and float(cell).is_integer():
        cell = str(int(cell))
    if isinstance(cell, str):
        raw = cell.strip()
        if _YEAR.fullmatch(raw):
            year = int(raw)
            if not 1900 <= year <= 2100:
                raise CellError(f"'{raw}' is geen geldig jaar")
            return raw, dt.date(year, 1, 1), dt.date(year, 12, 31)
        if m := _QUARTER.fullmatch(raw):
            year = int(m[1] or m[4])
            quarter = int(m[2] or m[3])
            start = dt.date(year, 3 * quarter - 2, 1)
            end = (
                dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
            ) - dt.timedelta(1)
            return f"{year}-Q{quarter}", start, end
    try:
        day = date(cell)
    except CellError:
        raise CellError(f"'{show(cell)}' is geen geldige periode; {_PERIOD_HINT}") from None
    return day.isoformat(), day, day


def boolean(cell: Cell) -> bool:
    if cell is None:
        return False
    if isinstance(cell, bool):
        return cell
    word = show(cell).lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(f"'{show(cell)}' is geen ja/nee-waarde; gebruik true of false")


def choose(cell: Cell, choices: Iterable[str], what: str) -> str:
    options = list(choices)
    value = " ".join(show(cell).lower().split())
    if value in options:
        return value
    raise CellError(f"onbekende {what} '{show(cell)}'; kies uit: {', '.join(options)}")
