"""Atomic writes: the target is the old file or the whole new one, and no temporary file is left behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from wijkmonitor.common.files import copy_atomic, write_atomic


def test_write_text_and_bytes_into_a_new_folder(tmp_path: Path) -> None:
    target = tmp_path / "nieuw" / "bestand.json"
    write_atomic(target, "één")
    assert target.read_bytes() == "één".encode()
    write_atomic(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert [p.name for p in target.parent.iterdir()] == ["bestand.json"]


def test_a_failed_copy_keeps_the_old_file_and_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "wijkmonitor.duckdb"
    target.write_bytes(b"oud")
    with pytest.raises(FileNotFoundError):
        copy_atomic(tmp_path / "bestaat-niet.duckdb", target)
    assert target.read_bytes() == b"oud"
    assert [p.name for p in tmp_path.iterdir()] == ["wijkmonitor.duckdb"]
    source = tmp_path / "nieuw.duckdb"
    source.write_bytes(b"nieuw")
    copy_atomic(source, target)
    assert target.read_bytes() == b"nieuw"
