"""Reading a TOML configuration file and checking it against a pydantic model, with Dutch errors.

The one place that turns an unusable file (missing, a directory or pipe, not UTF-8, TOML syntax) or a value
pydantic refuses into a `BuildError` naming the file and the key, so every configuration file of the project
fails the same way: exit code 2 and a message the programme office can act on, never a traceback.
No Streamlit here: the build, the CLI and the pages all read configuration through this module.
"""

from __future__ import annotations

import difflib
import re
import stat
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from wijkmonitor.errors import BuildError
from wijkmonitor.texts import common as txt

_M = TypeVar("_M", bound=BaseModel)
# tomllib (Python 3.11) gives the place only inside its English message: "... (at line 24, column 7)".
_PLACE = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def read_toml(path: Path, *, missing: str = txt.TOML_MISSING, error: type[BuildError] = BuildError) -> dict[str, Any]:
    """The parsed file; `missing` is the message when it does not exist (a caller may say where it belongs),
    `error` the BuildError subclass to raise (`FetchError` for the fetch command)."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise error(missing, file=path) from exc
    except OSError as exc:
        raise error(txt.TOML_UNREADABLE.format(reason=exc.strerror or exc), file=path) from exc
    if stat.S_ISDIR(info.st_mode):
        raise error(txt.TOML_DIRECTORY, file=path)
    if not stat.S_ISREG(info.st_mode):  # a pipe would block the build for ever
        raise error(txt.TOML_NOT_REGULAR, file=path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise error(txt.TOML_UNREADABLE.format(reason=exc.strerror or exc), file=path) from exc
    try:
        # utf-8-sig: Windows editors (Kladblok) may write a byte-order mark, which TOML itself does not allow.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(txt.TOML_NOT_UTF8.format(byte=exc.start + 1), file=path) from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(toml_syntax_message(exc), file=path) from exc


def toml_syntax_message(exc: tomllib.TOMLDecodeError) -> str:
    """'geen geldige TOML op regel 24, kolom 7: Expected ...' (tomllib's own reason stays as the detail)."""
    detail = str(exc)
    place = _PLACE.search(detail)
    if place is None:
        return txt.TOML_SYNTAX.format(detail=detail)
    return txt.TOML_SYNTAX_AT.format(line=place[1], column=place[2], detail=detail[: place.start()])


def validate(model: type[_M], data: Mapping[str, Any], path: Path, *,
             error: type[BuildError] = BuildError) -> _M:
    """`data` as `model`; the first problem pydantic finds becomes `error` naming the file and the dotted key."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        key, message = explain(exc, model)
        raise error(message, file=path, column=key or None) from exc


def hint(value: str, candidates: Iterable[str]) -> str:
    """" (bedoelt u 'x'?)" for the nearest candidate, else "" (the one near-miss phrase of the configuration)."""
    close = difflib.get_close_matches(value, list(candidates), n=1, cutoff=0.6)
    return txt.TOML_DID_YOU_MEAN.format(suggestion=close[0]) if close else ""


def repeated(values: Iterable[str]) -> str | None:
    """The first value that appears a second time (ids in a configuration list must be unique), else None."""
    seen: set[str] = set()
    for value in values:
        if value in seen:
            return value
        seen.add(value)
    return None


def key_path(loc: Iterable[int | str]) -> str:
    """pydantic's location as the key a person finds in the file: `roles[2].role`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _field_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> tuple[type[BaseModel] | None, str | None]:
    """The model that owns the last key of `loc`, and that key's field description (for the message)."""
    current: type[BaseModel] | None = model
    description = None
    for index, part in enumerate(loc):
        if current is None or isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            # a dict key (indicator code, source year): the model stays the value type
            continue
        if index == len(loc) - 1:
            return current, field.description
        annotation = field.annotation
        candidates = [annotation, *get_args(annotation)]
        for candidate in list(candidates):
            candidates += list(get_args(candidate))
        current = next((c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None)
    return current, description


_BOUNDS = {"greater_than": "gt", "greater_than_equal": "ge", "less_than": "lt", "less_than_equal": "le"}


def explain(exc: ValidationError, model: type[BaseModel]) -> tuple[str, str]:
    """(dotted key, Dutch message) for the first problem pydantic found.

    A field's `description` names the form a pattern asks for ("een CBS-code"); a validator's own
    `ValueError` text is already Dutch and is shown as it is."""
    error = exc.errors()[0]
    loc = tuple(error["loc"])
    key = key_path(loc)
    kind = error["type"]
    given = error.get("input")
    ctx = error.get("ctx", {})
    if kind == "extra_forbidden":
        owner, _ = _field_at(model, loc)
        known = list(owner.model_fields) if owner else []
        return key, txt.TOML_UNKNOWN_KEY.format(key=str(loc[-1])) + hint(str(loc[-1]), known)
    if kind == "missing":
        return key, txt.TOML_MISSING_KEY.format(key=loc[-1])
    if kind == "value_error":
        return key, str(error["msg"]).removeprefix("Value error, ")
    if kind == "literal_error":
        allowed = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return key, txt.TOML_NOT_ALLOWED.format(value=given, allowed=allowed)
    if kind in txt.TOML_TYPE_NAMES:
        return key, txt.TOML_WRONG_TYPE.format(expected=txt.TOML_TYPE_NAMES[kind], value=given)
    if kind == "string_pattern_mismatch":
        _, description = _field_at(model, loc)
        return key, txt.TOML_WRONG_FORM.format(value=given, form=description or txt.TOML_FORM_UNKNOWN)
    if kind in ("too_short", "string_too_short"):
        return key, txt.TOML_EMPTY
    if kind in _BOUNDS:
        return key, txt.TOML_OUT_OF_RANGE.format(value=given, bound=txt.TOML_BOUND_WORDS[kind],
                                                 limit=str(ctx.get(_BOUNDS[kind])).replace(".", ","))
    return key, txt.TOML_INVALID.format(value=given, detail=error["msg"])

