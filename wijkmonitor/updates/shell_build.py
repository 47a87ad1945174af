"""`wijkmonitor build` from a shell after uploads in the browser.

The source of truth for which registers and own figures are in use is `updates/active.json` beside the
database (written by Gegevens bijwerken and by a rollback). A shell build reads it too, so rebuilding after an
upload keeps the uploaded files instead of silently going back to the files in config/registers.toml and
config/sources.toml; the build summary says so in one line. `wijkmonitor build --ignore-uploads` builds from
the configured files only (and leaves active.json as it is: the next build without the option uses it again).
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wijkmonitor.build import BuildOptions
from wijkmonitor.errors import BuildError
from wijkmonitor.updates.apply import BuildTarget, write_overlay_config, write_overlay_source
from wijkmonitor.updates.checks import REGISTER_LABELS, effective_spec
from wijkmonitor.updates.store import ActiveFiles, UpdateStore


def _names(store: UpdateStore) -> dict[str, str]:
    # Stored uploads are named by checksum; the audit log knows the name people uploaded them under.
    return {e.sha256: e.file_name for e in reversed(store.audit_entries()) if e.result == "gelukt" and e.sha256}


def _shown(path: str, names: dict[str, str]) -> str:
    stem = Path(path).stem
    return names.get(stem, f"upload {stem[:12]}")


def summary_line(active: ActiveFiles, store: UpdateStore) -> str:
    names = _names(store)
    parts = [f"{REGISTER_LABELS.get(key, key)} uit {_shown(path, names)}" for key, (path, _sheet) in
             sorted(active.registers.items())]
    if active.own_figures:
        parts.append(f"eigen cijfers uit {_shown(active.own_figures, names)}")
    return (f"  uploads uit de browser gebruikt ({store.active_path}): {'; '.join(parts)}. Bouwen met alleen de "
            "ingestelde bestanden: --ignore-uploads")


def _check_files(active: ActiveFiles, store: UpdateStore) -> None:
    paths = [p for p, _sheet in active.registers.values()] + ([active.own_figures] if active.own_figures else [])
    for path in paths:
        if not Path(path).is_file():
            raise BuildError(f"het geüploade bestand {path} ontbreekt; zet in Gegevens bijwerken een eerdere versie "
                             "terug, of bouw met --ignore-uploads", file=store.active_path)


@contextmanager
def with_uploads(options: BuildOptions, own_figures_source: str) -> Iterator[tuple[BuildOptions, list[str]]]:
    """`options` with the configuration and source folder the uploads in use ask for, and the summary lines."""
    store = UpdateStore(options.db)
    active = store.active()
    if not active.registers and not active.own_figures:
        yield options, []
        return
    _check_files(active, store)
    target = BuildTarget(db=options.db, source=Path(options.source), config_dir=options.config_dir,
                         boundaries=options.boundaries, own_figures_source=own_figures_source)
    store.ensure()
    with tempfile.TemporaryDirectory(prefix="overlay-", dir=store.root) as tmp:
        folder = Path(tmp)
        config_dir = write_overlay_config(target, effective_spec(target.registers_toml, active), folder)
        source = options.source
        if active.own_figures:
            if not Path(options.source).is_dir():
                raise BuildError("eigen cijfers uit een upload kunnen alleen in een bronmap worden gezet, niet in "
                                 f"{options.source}; bouw met --ignore-uploads", file=store.active_path)
            source = str(write_overlay_source(target, Path(active.own_figures), folder))
        yield dataclasses.replace(options, config_dir=config_dir, source=source), [summary_line(active, store)]
