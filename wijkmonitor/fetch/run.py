"""`wijkmonitor fetch`: download a gemeente's StatLine tables and boundaries into a folder the build reads.

Every part goes through the cache first; the output is assembled in a temp folder beside the destination and
swapped in only when everything succeeded, so a failed or interrupted run leaves the previous folder as it was.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wijkmonitor.common.files import write_atomic
from wijkmonitor.fetch.cache import Cache
from wijkmonitor.fetch.errors import FetchError
from wijkmonitor.fetch.manifest import MANIFEST, manifest_text
from wijkmonitor.fetch.pdok import LayerUnavailable, PdokClient
from wijkmonitor.fetch.regions import region_filter as dimension_filter
from wijkmonitor.fetch.settings import DEFAULT_FETCH_CONFIG, FetchConfig, TableSpec, load_fetch_config
from wijkmonitor.fetch.statline import Rows, StatlineClient, data_url, region_filter

Progress = Callable[[str], None]
GEMEENTE = re.compile(r"^GM\d{4}$")
YEARS = re.compile(r"^(\d{4})(?:-(\d{4}))?$")
BAR = 20
Downloaded = tuple[TableSpec, Rows, Rows, Rows | None]


@dataclass(frozen=True)
class FetchOptions:
    gemeente: str
    dest: Path
    years: str | None = None
    config: Path = DEFAULT_FETCH_CONFIG
    cache: Path | None = None
    refresh: bool = False
    boundaries: bool = True


@dataclass
class FetchSummary:
    dest: Path
    gemeente: str = ""
    tables: list[str] = field(default_factory=list)
    rows: int = 0
    boundary_files: int = 0
    downloads: int = 0
    cached: int = 0
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"Klaar: {self.dest}",
            f"  {len(self.tables)} tabellen, {self.rows:,} rijen, {self.boundary_files} grenzenbestanden; "
            f"{self.downloads} verzoeken, {self.cached} delen uit de cache",
            f"  bouwen: wijkmonitor build --source {self.dest} --gemeente {self.gemeente}",
        ]
        return out + [f"  let op: {w}" for w in self.warnings]


def parse_years(text: str | None, config: FetchConfig) -> list[int] | None:
    if text is None:
        return None
    match = YEARS.match(text.strip())
    if not match:
        raise FetchError(f"jaren {text!r} onleesbaar; schrijf bijvoorbeeld 2013-2025 of 2024", column="--years")
    first, last = int(match[1]), int(match[2] or match[1])
    if first > last:
        raise FetchError(f"jaren {text!r}: het eerste jaar ligt na het laatste", column="--years")
    known = config.edition_years()
    missing = [y for y in range(first, last + 1) if y not in known]
    if missing:
        raise FetchError(
            f"voor {', '.join(map(str, missing))} staat geen Kerncijfers-tabel in de configuratie "
            f"(bekend: {known[0]}-{known[-1]})", column="--years",
        )
    return list(range(first, last + 1))


def _bar(done: int, total: int) -> str:
    filled = BAR * done // max(total, 1)
    return "[" + "#" * filled + "." * (BAR - filled) + f"] {done}/{total}"


def _period_year(row: dict[str, Any]) -> int | None:
    match = re.match(r"^(\d{4})", str(row.get("Perioden", "")).strip())
    return int(match[1]) if match else None


class Fetcher:
    def __init__(self, options: FetchOptions, config: FetchConfig, cache: Cache, statline: StatlineClient,
                 pdok: PdokClient, progress: Progress) -> None:
        self.options = options
        self.config = config
        self.cache = cache
        self.statline = statline
        self.pdok = pdok
        self.progress = progress
        self.warnings: list[str] = []

    def _cached(self, group: str, name: str, key: str, download: Callable[[], Any]) -> tuple[Any, bool]:
        path = self.cache.path(group, name, key)
        content = self.cache.get(path)
        if content is not None:
            return content, True
        content = download()
        self.cache.put(path, key, content)
        return content, False

    def _names(self, spec: TableSpec, part: str, filters: str | None) -> Rows | dict[str, str]:
        try:
            return self.statline.part(spec, part, filters)
        except FetchError as exc:
            if "HTTP 4" not in exc.message:
                raise
            # Remembered in the cache like a result, so a second run does not ask again.
            return {"unavailable": exc.message}

    def table(self, spec: TableSpec, gemeente: str, position: str) -> tuple[Rows, Rows, Rows | None]:
        """DataProperties, the gemeente's rows, and the region dimension (names), each through the cache."""
        parts: list[tuple[str, str | None]] = [
            ("DataProperties", None), ("TypedDataSet", region_filter(spec, gemeente)),
            (spec.region_dimension, dimension_filter("Key", gemeente))]
        results: list[Rows | None] = []
        for done, (part, filters) in enumerate(parts, start=1):
            key = f"{data_url(spec)}{part}?$filter={filters or ''}"
            download: Callable[[], Any] = functools.partial(self.statline.part, spec, part, filters)
            if part == spec.region_dimension:
                download = functools.partial(self._names, spec, part, filters)
            content, hit = self._cached(spec.table, part, key, download)
            if isinstance(content, dict):
                # Names are a courtesy (boundaries carry them too): a service refusing them costs nothing else.
                self.warnings.append(f"{spec.table}: regionamen niet beschikbaar ({content['unavailable']})")
                results.append(None)
                continue
            results.append(content)
            state = "uit cache" if hit else f"{len(content):,} rijen gedownload"
            self.progress(f"{position} {spec.table} {_bar(done, len(parts))} {part}: {state}")
        return results[0] or [], results[1] or [], results[2]

    def _layer(self, level: str, year: int, gemeente: str) -> list[dict[str, Any]] | dict[str, str]:
        try:
            return self.pdok.features(level, year, gemeente)
        except LayerUnavailable as exc:
            return {"unavailable": exc.message}

    def boundaries(self, level: str, year: int, gemeente: str) -> list[dict[str, Any]] | None:
        """The gemeente's features of one layer; None when PDOK does not offer the layer for that year."""
        key = f"{self.config.boundaries.url.format(year=year)}|{self.config.boundaries.layers[level]}|{gemeente}"
        features, hit = self._cached("pdok", f"{level}_{year}_{gemeente}", key,
                                     functools.partial(self._layer, level, year, gemeente))
        if isinstance(features, dict):
            self.warnings.append(f"{level}grenzen {year}: {features['unavailable']}")
            return None
        state = "uit cache" if hit else f"{len(features)} vlakken gedownload"
        self.progress(f"grenzen {level} {year} {_bar(1, 1)}: {state}")
        return list(features)


def _select(config: FetchConfig, years: list[int] | None) -> list[TableSpec]:
    return [t for t in config.tables if t.multi_year or years is None or t.year in years]


def _swap(staging: Path, dest: Path) -> None:
    """Replace `dest` by `staging`; the old folder is removed only after the new one is in place."""
    old = dest.with_name(f".{dest.name}.old-{os.getpid()}")
    if dest.exists():
        os.replace(dest, old)
    try:
        os.replace(staging, dest)
    except OSError as exc:
        if old.exists():
            os.replace(old, dest)
        raise FetchError(f"de nieuwe map kon niet op zijn plaats worden gezet ({exc.strerror})", file=dest) from exc
    shutil.rmtree(old, ignore_errors=True)


def _check_dest(dest: Path) -> None:
    if dest.exists() and not dest.is_dir():
        raise FetchError("doelmap is een bestand, geen map", file=dest, column="--dest")
    if dest.is_dir() and any(dest.iterdir()) and not (dest / MANIFEST).is_file():
        # Swapping would delete files fetch did not write.
        raise FetchError(f"doelmap bestaat al en is geen map van 'wijkmonitor fetch' (geen {MANIFEST}); "
                         "kies een lege of nieuwe map", file=dest, column="--dest")
    parent = dest.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FetchError(f"map kan niet worden gemaakt ({exc.strerror})", file=parent, column="--dest") from exc
    if not os.access(parent, os.W_OK):
        raise FetchError("map is niet schrijfbaar", file=parent, column="--dest")


def fetch(options: FetchOptions, progress: Progress, *, statline: StatlineClient | None = None,
          pdok: PdokClient | None = None) -> FetchSummary:
    gemeente = options.gemeente.strip().upper()
    if not GEMEENTE.match(gemeente):
        raise FetchError(f"gemeentecode {options.gemeente!r} is ongeldig; verwacht GM gevolgd door vier cijfers "
                         "(bijv. GM0014)", column="--gemeente")
    config = load_fetch_config(options.config)
    years = parse_years(options.years, config)
    dest = options.dest
    _check_dest(dest)
    cache = Cache(options.cache or dest.with_name(f".{dest.name}-cache"), refresh=options.refresh)
    statline = statline or StatlineClient(retries=config.retries, retry_wait_s=config.retry_wait_s,
                                          timeout_s=config.timeout_s)
    pdok = pdok or PdokClient(config.boundaries, retries=config.retries, retry_wait_s=config.retry_wait_s,
                              timeout_s=config.timeout_s)
    fetcher = Fetcher(options, config, cache, statline, pdok, progress)
    summary = FetchSummary(dest=dest, gemeente=gemeente)
    specs = _select(config, years)
    downloaded: list[Downloaded] = []
    for index, spec in enumerate(specs, start=1):
        properties, rows, names = fetcher.table(spec, gemeente, f"[{index}/{len(specs)}]")
        if spec.multi_year and years is not None:
            rows = [r for r in rows if _period_year(r) in years]
        regions = {str(r.get(spec.region_dimension, "")).strip() for r in rows}
        if not regions - {"NL01"}:
            summary.warnings.append(f"{spec.table} ({spec.title}) heeft geen rijen voor {gemeente}; overgeslagen")
            continue
        downloaded.append((spec, properties, rows, names))
    if not any(d[0].year is not None for d in downloaded):
        raise FetchError(f"gemeente {gemeente} komt in geen enkele Kerncijfers-tabel voor; controleer de code "
                         "(en of de gemeente in de gekozen jaren bestond)", column="--gemeente")
    boundary_layers: list[tuple[str, int, list[dict[str, Any]]]] = []
    if options.boundaries:
        boundary_years = sorted({d[0].boundary_year for d in downloaded}
                                | {d[0].year for d in downloaded if d[0].year is not None})
        for year in [y for y in boundary_years if y >= config.boundaries.first_year]:
            for level in config.boundaries.layers:
                features = fetcher.boundaries(level, year, gemeente)
                if features:
                    boundary_layers.append((level, year, features))
                elif features is not None:
                    summary.warnings.append(f"PDOK heeft geen {level}grenzen {year} voor {gemeente}")
    summary.warnings[:0] = fetcher.warnings
    staging = dest.with_name(f".{dest.name}.tmp-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        _write(staging, gemeente, downloaded, boundary_layers, config, summary)
        _swap(staging, dest)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    summary.downloads = statline.requests + pdok.requests
    summary.cached = cache.hits
    return summary


def _write(staging: Path, gemeente: str, downloaded: list[Downloaded],
           layers: list[tuple[str, int, list[dict[str, Any]]]], config: FetchConfig, summary: FetchSummary) -> None:
    sources = []
    for spec, properties, rows, names in downloaded:
        folder = Path("statline") / spec.table
        write_atomic(staging / folder / "TypedDataSet.json", json.dumps({"value": rows}, ensure_ascii=False))
        write_atomic(staging / folder / "DataProperties.json", json.dumps({"value": properties}, ensure_ascii=False))
        sources.append({
            "id": spec.id, "adapter": "statline", "title": spec.title,
            "paths": [(folder / "TypedDataSet.json").as_posix()],
            "data_properties": (folder / "DataProperties.json").as_posix(),
            # The Kerncijfers tables have no period dimension: the edition year is the period.
            "period": f"{spec.year}JJ00" if spec.year is not None else None,
            "boundary_year": spec.boundary_year, "odata_table": spec.table, "licence": spec.licence,
            "lists_all_regions": spec.lists_all_regions or None,
        })
        if names:
            write_atomic(staging / folder / "regios.json", json.dumps({"value": names}, ensure_ascii=False))
            sources.append({"id": f"{spec.id}_regios", "adapter": "regionnames",
                            "title": f"Regionamen van {spec.table}", "paths": [(folder / "regios.json").as_posix()],
                            "boundary_year": spec.boundary_year, "licence": spec.licence})
        summary.tables.append(spec.table)
        summary.rows += len(rows)
    for level, year, features in layers:
        name = f"geo/{gemeente.lower()}_{level}_{year}.geojson"
        collection = {"type": "FeatureCollection", "features": features}
        write_atomic(staging / name, json.dumps(collection, ensure_ascii=False, separators=(",", ":")))
        summary.boundary_files += 1
    header = {"gemeente": gemeente, "fetched_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
              "boundary_licence": config.boundaries.licence}
    # Written last: a folder with a manifest is a complete download.
    write_atomic(staging / MANIFEST, manifest_text(header, sources))
