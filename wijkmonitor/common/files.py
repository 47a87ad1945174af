"""Files written so that a reader (the running dashboard, a second build) sees the old file or the whole new one.

A temporary file beside the target (same file system, so the rename is atomic), flushed to disk, then
`os.replace`; on any failure the temporary file is removed and the target is untouched.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def _replace_with(target: Path, fill: Callable[[Path], object], tag: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.{tag}")
    os.close(fd)
    tmp = Path(name)
    try:
        fill(tmp)
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write `data` (text as UTF-8) to `path` in one step."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    _replace_with(path, lambda tmp: tmp.write_bytes(raw), "")


def copy_atomic(source: Path, target: Path) -> None:
    """Copy `source` over `target` in one step."""
    _replace_with(target, lambda tmp: shutil.copyfile(source, tmp), "restore-")
