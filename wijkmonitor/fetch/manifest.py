"""The manifest `wijkmonitor fetch` writes beside what it fetched, and how the build reads it.

`bronnen.toml` in the fetched folder has the `[[sources]]` shape of `config/sources.toml`, with paths relative to
that folder. When `wijkmonitor build --source DIR` finds it, the build reads those sources, plus every source of
`config/sources.toml` whose files are present in DIR (a municipality's own files put beside the fetched ones);
a fetched source replaces a configured one with the same id.
Boundaries are written as `geo/<gemeente>_<niveau>_<jaar>.geojson`, the names `geodata/boundaries.toml` matches.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from wijkmonitor.common.tomlfile import read_toml
from wijkmonitor.config import ProgrammeConfig, Source
from wijkmonitor.errors import BuildError
from wijkmonitor.fetch.errors import FetchError

MANIFEST = "bronnen.toml"
SOURCE_KEYS = ("id", "adapter", "title", "paths", "licence", "data_properties", "period", "boundary_year",
               "odata_table", "lists_all_regions")


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    # A JSON string of plain text is a valid TOML basic string.
    return json.dumps(str(value), ensure_ascii=False)


def manifest_text(header: dict[str, Any], sources: list[dict[str, Any]]) -> str:
    lines = ["# Geschreven door `wijkmonitor fetch`; `wijkmonitor build --source <deze map>` leest het.", ""]
    lines += [f"{key} = {_value(value)}" for key, value in header.items()]
    for entry in sources:
        lines += ["", "[[sources]]"]
        lines += [f"{key} = {_value(entry[key])}" for key in SOURCE_KEYS if entry.get(key) is not None]
    return "\n".join(lines) + "\n"


def read_manifest(root: Path) -> list[Source]:
    path = root / MANIFEST
    try:
        data = read_toml(path)
    except BuildError as exc:
        raise FetchError(f"manifest van de download is onleesbaar ({exc.message}); haal opnieuw op",
                         file=path) from exc
    entries = data.get("sources")
    if not isinstance(entries, list):
        raise FetchError("manifest zonder [[sources]]", file=path)
    sources = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("paths"), list) or not entry.get("id"):
            raise FetchError("bron zonder id of paths", file=path, column=f"sources[{index}]")
        if entry.get("adapter") not in ("statline", "regionnames"):
            raise FetchError(f"onbekende adapter {entry.get('adapter')!r}", file=path,
                             column=f"sources[{index}].adapter")
        known = {key: entry[key] for key in SOURCE_KEYS if key in entry}
        known["paths"] = tuple(str(p) for p in known["paths"])
        sources.append(Source(**known))
    return sources


def _present(source: Source, root: Path) -> bool:
    return all(any(root.glob(pattern)) for pattern in source.paths)


def with_fetched_sources(config: ProgrammeConfig, source: str) -> ProgrammeConfig:
    """The configuration with the fetched folder's sources, if `source` is a folder `wijkmonitor fetch` wrote."""
    root = Path(source)
    if source.startswith(("http://", "https://")) or not (root / MANIFEST).is_file():
        return config
    fetched = read_manifest(root)
    ids = {s.id for s in fetched}
    # A configured source whose files are not in DIR stays known by its id (other steps refer to it) but reads
    # nothing: the comparison step, for one, then says its national files are absent instead of failing.
    own = [s if _present(s, root) else dataclasses.replace(s, paths=(), gemeente_extracts={})
           for s in config.sources if s.id not in ids]
    sources = tuple(fetched + own)
    if dataclasses.is_dataclass(config):
        return dataclasses.replace(config, sources=sources)
    # The configuration is becoming a pydantic model; this keeps working across that change.
    return config.model_copy(update={"sources": sources})  # type: ignore[attr-defined, unreachable]
