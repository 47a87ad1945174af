"""The `wijkmonitor fetch` subcommand: options and the one place its errors become a message and exit code 2."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from wijkmonitor.config import PROJECT_ROOT
from wijkmonitor.errors import BuildError
from wijkmonitor.fetch.settings import DEFAULT_FETCH_CONFIG

DEFAULT_DEST = PROJECT_ROOT / "data" / "fetched"


def add_fetch_parser(sub: Any) -> None:
    f = sub.add_parser("fetch", help="haal CBS-, RIVM- en politiecijfers en grenzen van een gemeente op (internet)")
    f.add_argument("--gemeente", required=True, help="gemeentecode, bijv. GM0014")
    f.add_argument("--years", default=None,
                   help="jaren van de Kerncijfers-tabellen, bijv. 2013-2025 of 2024 (standaard: alle in de "
                        "configuratie); beperkt ook de perioden van RIVM- en politietabellen")
    f.add_argument("--dest", type=Path, default=None,
                   help="doelmap (standaard: data/fetched/<gemeente>); bouw daarna met --source <doelmap>")
    f.add_argument("--config", type=Path, default=DEFAULT_FETCH_CONFIG, help="tabellenlijst (config/fetch.toml)")
    f.add_argument("--cache", type=Path, default=None,
                   help="cachemap (standaard: .<doelmap>-cache naast de doelmap)")
    f.add_argument("--refresh", action="store_true", help="de cache negeren en alles opnieuw downloaden")
    f.add_argument("--no-boundaries", action="store_true", help="geen wijk- en buurtgrenzen van PDOK ophalen")


def fetch_main(args: argparse.Namespace) -> int:
    from wijkmonitor.fetch.run import FetchOptions, fetch

    gemeente = str(args.gemeente).strip().upper()
    options = FetchOptions(
        gemeente=gemeente,
        dest=args.dest or DEFAULT_DEST / gemeente,
        years=args.years,
        config=args.config,
        cache=args.cache,
        refresh=args.refresh,
        boundaries=not args.no_boundaries,
    )
    try:
        summary = fetch(options, progress=lambda line: print(line, file=sys.stderr, flush=True))
    except BuildError as exc:
        print(f"FOUT: {exc}", file=sys.stderr)
        print("Er is niets in de doelmap veranderd; wat al binnen was staat in de cache.", file=sys.stderr)
        return 2
    for line in summary.lines():
        print(line)
    return 0
