"""Command line: `wijkmonitor build` writes the DuckDB file; `wijkmonitor validate` checks a register;
`wijkmonitor fetch` downloads a gemeente's open data for an offline build (see docs/fetch.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wijkmonitor.build import BuildOptions, build
from wijkmonitor.config import DEFAULT_CONFIG_DIR, DEFAULT_DB, DEFAULT_SOURCE, db_path_from_env
from wijkmonitor.errors import BuildError
from wijkmonitor.fetch.cli import add_fetch_parser, fetch_main


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wijkmonitor", description="Wijkmonitor: indicatorbestand bouwen")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="bouw het DuckDB-bestand uit de bronnen")
    b.add_argument("--source", default=str(DEFAULT_SOURCE),
                   help="bronmap of OData-URL (standaard: ../shared/data naast het project)")
    b.add_argument("--db", type=Path, default=None,
                   help=f"doelbestand (standaard: $WIJKMONITOR_DB of {DEFAULT_DB.relative_to(DEFAULT_DB.parents[1])})")
    b.add_argument("--gemeente", default=None, help="gemeentecode, bijv. GM0014 (standaard uit de configuratie)")
    b.add_argument("--all-regions", action="store_true",
                   help="alle regio's van Nederland bewaren, niet alleen die van de gemeente")
    b.add_argument("--config", type=Path, default=DEFAULT_CONFIG_DIR, help="configuratiemap")
    b.add_argument("--workers", type=int, default=2, help="processen voor het lezen van XLSX-bestanden")
    add_fetch_parser(sub)
    v = sub.add_parser("validate", help="controleer een register (interventies, resultaten, proceslog)")
    v.add_argument("register", nargs="?", default=None, help="registerbestand of registers.toml")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "validate":
        from wijkmonitor.registers import validate_main

        return validate_main([args.register] if args.register else [])
    if args.command == "fetch":
        return fetch_main(args)
    options = BuildOptions(
        source=args.source,
        db=args.db or db_path_from_env(),
        gemeente=args.gemeente.upper() if args.gemeente else None,
        all_regions=args.all_regions,
        config_dir=args.config,
        workers=max(1, args.workers),
    )
    try:
        summary = build(options, progress=lambda line: print(line, flush=True))
    except BuildError as exc:
        print(f"FOUT: {exc}", file=sys.stderr)
        print("Het bestaande databasebestand is niet aangepast.", file=sys.stderr)
        return 2
    for line in summary.lines():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
