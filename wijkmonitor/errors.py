"""The error types of Wijkmonitor.

`DataUnavailable` is the one error a page shows: it carries a plain Dutch message and is turned into
`st.error` in one place (`wijkmonitor.common.data.data_guard`). `BuildError` names file, row and column so that a
programme office can find and fix a bad source cell.
"""

from __future__ import annotations

from pathlib import Path


class WijkmonitorError(Exception):
    """Base class for errors with a message meant for people."""


class DataUnavailable(WijkmonitorError):
    """The data a page asks for cannot be read (missing, empty, outdated or broken file)."""


class BuildError(WijkmonitorError):
    """A source or configuration file is unusable; the build stops and keeps the previous file."""

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.message = message
        self.file = str(file) if file is not None else None
        self.row = row
        self.column = column
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.row is not None:
            where.append(f"rij {self.row}")
        if self.column:
            where.append(f"kolom {self.column}")
        return f"{', '.join(where)}: {self.message}" if where else self.message
