"""Problems found in a register, and the error that carries them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wijkmonitor.errors import BuildError

ERROR = "fout"
WARNING = "waarschuwing"


@dataclass(frozen=True)
class Problem:
    """One problem in a register, located as the user sees it in Excel.

    `sheet` is the worksheet name for an Excel workbook (then `file` is the workbook's file name) or the
    file name of a CSV file (then `file` is None). `row` counts like Excel: the header is row 1.
    """

    sheet: str
    row: int | None
    column: str | None
    message: str
    level: str = ERROR
    file: str | None = None
    column_letter: str | None = None

    @property
    def is_error(self) -> bool:
        return self.level == ERROR

    def location(self) -> str:
        parts = [f"werkblad {self.sheet} in {self.file}" if self.file else f"bestand {self.sheet}"]
        if self.row is not None:
            parts.append(f"rij {self.row}")
        if self.column:
            parts.append(
                f"kolom {self.column} ({self.column_letter})"
                if self.column_letter
                else f"kolom {self.column}"
            )
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.level}: {self.location()}: {self.message}"


def count_label(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


class RegisterError(BuildError):
    """The register has errors; `problems` holds every problem (errors and warnings) in reading order."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        errors = [p for p in self.problems if p.is_error]
        first = next(iter(errors or self.problems), None)
        super().__init__(
            f"het register bevat {count_label(len(errors), 'fout', 'fouten')}",
            file=(first.file or first.sheet) if first else None,
            row=None,
            column=None,
        )

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    def __str__(self) -> str:
        ordered = [p for p in self.problems if p.is_error] + [p for p in self.problems if not p.is_error]
        return "\n".join([f"{self.message}:", *(f"- {p}" for p in ordered)])
