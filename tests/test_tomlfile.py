"""The one TOML reader of the project: every unusable file is a BuildError naming the file, in Dutch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict, Field

from wijkmonitor.common.tomlfile import hint, key_path, read_toml, repeated, validate
from wijkmonitor.errors import BuildError
from wijkmonitor.fetch.errors import FetchError


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    table: str = Field(pattern=r"^[a-z]+$", description="kleine letters")
    count: int = Field(default=1, ge=1)


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    rules: list[_Rule] = []


def _file(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "instellingen.toml"
    path.write_bytes(content)
    return path


def test_reads_utf8_with_and_without_byte_order_mark(tmp_path: Path) -> None:
    assert read_toml(_file(tmp_path, 'naam = "Selwerd é"\n'.encode())) == {"naam": "Selwerd é"}
    assert read_toml(_file(tmp_path, b'\xef\xbb\xbfnaam = "x"\n')) == {"naam": "x"}


@pytest.mark.parametrize(("make", "says"), [
    (lambda p: None, "instellingen.toml: configuratiebestand ontbreekt"),
    (lambda p: p.mkdir(), "instellingen.toml: dit is een map, geen bestand"),
    (lambda p: os.mkfifo(p), "instellingen.toml: dit is geen gewoon bestand"),
    (lambda p: p.write_bytes(b'naam = "caf\xe9"\n'), "instellingen.toml: het bestand is geen UTF-8 (byte 12 is"),
    (lambda p: p.write_text('a = 1\n[[rules]\n', encoding="utf-8"),
     "instellingen.toml: geen geldige TOML op regel 2, kolom 8: "),
])
def test_an_unusable_file_names_itself_in_dutch(tmp_path: Path, make: object, says: str) -> None:
    path = tmp_path / "instellingen.toml"
    make(path)  # type: ignore[operator]
    with pytest.raises(BuildError) as caught:
        read_toml(path)
    assert says in str(caught.value) and caught.value.file == str(path)
    assert "(at line" not in str(caught.value)


def test_caller_chooses_the_missing_message_and_the_error_type(tmp_path: Path) -> None:
    with pytest.raises(FetchError, match="leg hem naast de tabel"):
        read_toml(tmp_path / "weg.toml", missing="leg hem naast de tabel", error=FetchError)


@pytest.mark.parametrize(("data", "key", "says"), [
    ({"rules": [{"table": "ok"}, {"table": "Fout"}]}, "rules[1].table",
     "waarde 'Fout' heeft niet de juiste vorm; verwacht kleine letters"),
    ({"rules": [{"table": "ok", "tabel": 1}]}, "rules[0].tabel", "onbekende sleutel 'tabel' (bedoelt u 'table'?)"),
    ({"rules": [{}]}, "rules[0].table", "verplichte sleutel 'table' ontbreekt"),
    ({"rules": [{"table": "ok", "count": "twee"}]}, "rules[0].count", "verwacht een geheel getal, kreeg 'twee'"),
    ({"rules": [{"table": "ok", "count": 0}]}, "rules[0].count", "waarde 0 moet minstens 1 zijn"),
    ({"rules": "ok"}, "rules", 'verwacht een lijst, bijvoorbeeld ["a", "b"], kreeg \'ok\''),
])
def test_validation_names_file_and_key(tmp_path: Path, data: dict[str, object], key: str, says: str) -> None:
    path = tmp_path / "regels.toml"
    with pytest.raises(BuildError) as caught:
        validate(_File, data, path)
    assert (caught.value.file, caught.value.column, caught.value.message) == (str(path), key, says)


def test_key_path_and_hint() -> None:
    assert key_path(("roles", 2, "role")) == "roles[2].role"
    assert key_path(()) == ""
    assert hint("thema", ["themes", "thema_x"]) == " (bedoelt u 'thema_x'?)"
    assert hint("xyz", ["themes"]) == ""


def test_repeated_names_the_first_id_seen_twice() -> None:
    assert repeated(["a", "b", "a", "b"]) == "a"
    assert repeated(iter(["a", "b"])) is None
