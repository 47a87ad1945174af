"""Command line: `wijkmonitor build` writes the DuckDB file; `wijkmonitor validate` checks a register;
`wijkmonitor fetch` downloads a gemeente's open data for an offline build (see docs/fetch.md).

Every failure ends here in one place (`run`): one Dutch line "FOUT: <waar>: <wat>" on stderr and exit code 2,
whatever the command. Project errors carry their own message; the few other exceptions that input can still
cause (a file system refusing, a command-line typo) are translated by kind; anything else is a bug in
Wijkmonitor and says so, without a traceback (set WIJKMONITOR_DEBUG=1 to see it).
"""

from __future__ import annotations

import argparse
import errno
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from wijkmonitor.errors import WijkmonitorError

EXIT_REFUSED = 2
KEPT_NOTE = "Het bestaande databasebestand is niet aangepast."
FETCH_NOTE = "Er is niets in de doelmap veranderd; wat al binnen was staat in de cache."
INTERNAL = "onverwachte fout in Wijkmonitor zelf"

_OS_REASONS = {
    errno.ENOENT: "bestaat niet",
    errno.EISDIR: "is een map, geen bestand",
    errno.ENOTDIR: "een deel van dit pad is een bestand, geen map",
    errno.EACCES: "geen toegang (rechten)",
    errno.EPERM: "geen toegang (rechten)",
    errno.EROFS: "staat op een alleen-lezen schijf",
    errno.ENOSPC: "de schijf is vol",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.ELOOP: "te veel symbolische koppelingen",
}


class UsageError(WijkmonitorError):
    """The command line itself is wrong (unknown option, a value of the wrong kind)."""


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen geheel getal") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' moet 1 of meer zijn")
    return value


# argparse's own (English) messages, in Dutch.
_USAGE = [
    (re.compile(r"argument (\S+): (.*)"), lambda m: f"optie {m[1]}: {_usage_detail(m[2])}"),
    (re.compile(r"unrecognized arguments: (.*)"), lambda m: f"onbekende optie(s): {m[1]}"),
    (re.compile(r"the following arguments are required: (.*)"), lambda m: f"ontbreekt: {m[1]}"),
]


def _usage_detail(detail: str) -> str:
    if m := re.match(r"invalid choice: '?(.*?)'? \(choose from (.*)\)", detail):
        return f"'{m[1]}' bestaat niet; kies uit {m[2]}"
    if detail.startswith("expected one argument"):
        return "verwacht een waarde"
    if detail.startswith("ignored explicit argument"):
        return "verwacht geen waarde"
    return detail


class DutchParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        for pattern, dutch in _USAGE:
            if m := pattern.fullmatch(message):
                raise UsageError(f"opdrachtregel: {dutch(m)} (zie wijkmonitor --help)")
        raise UsageError(f"opdrachtregel: {message} (zie wijkmonitor --help)")


def _parser() -> argparse.ArgumentParser:
    from wijkmonitor.config import DEFAULT_CONFIG_DIR, DEFAULT_DB, DEFAULT_SOURCE
    from wijkmonitor.fetch.cli import add_fetch_parser

    parser = DutchParser(prog="wijkmonitor", description="Wijkmonitor: indicatorbestand bouwen")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=DutchParser)
    b = sub.add_parser("build", help="bouw het DuckDB-bestand uit de bronnen")
    b.add_argument("--source", default=str(DEFAULT_SOURCE),
                   help="bronmap of OData-URL (standaard: ../shared/data naast het project)")
    b.add_argument("--db", type=Path, default=None,
                   help=f"doelbestand (standaard: $WIJKMONITOR_DB of {DEFAULT_DB.relative_to(DEFAULT_DB.parents[1])})")
    b.add_argument("--gemeente", default=None, help="gemeentecode, bijv. GM0014 (standaard uit de configuratie)")
    b.add_argument("--all-regions", action="store_true",
                   help="alle regio's van Nederland bewaren, niet alleen die van de gemeente")
    b.add_argument("--config", type=Path, default=DEFAULT_CONFIG_DIR, help="configuratiemap")
    b.add_argument("--workers", type=_positive_int, default=2, help="processen voor het lezen van XLSX-bestanden")
    b.add_argument("--ignore-uploads", action="store_true",
                   help="de uploads uit Gegevens bijwerken (updates/active.json naast de database) niet gebruiken")
    add_fetch_parser(sub)
    v = sub.add_parser("validate", help="controleer een register (interventies, resultaten, proceslog)")
    v.add_argument("register", nargs="?", default=None, help="registerbestand of registers.toml")
    return parser


def describe(exc: BaseException) -> str:
    """The one Dutch message for an exception that ended a command."""
    if isinstance(exc, WijkmonitorError):
        return str(exc)
    if isinstance(exc, OSError):
        reason = _OS_REASONS.get(exc.errno or 0) or f"kan niet worden gelezen of geschreven ({exc.strerror or exc})"
        where = exc.filename if exc.filename is not None else None
        return f"{where}: {reason}" if where else f"bestand of map {reason}"
    if isinstance(exc, MemoryError):
        return "te weinig geheugen; probeer het met minder --workers of zonder --all-regions"
    if isinstance(exc, KeyboardInterrupt):
        return "afgebroken"
    return f"{INTERNAL} ({type(exc).__name__}: {str(exc)[:300]}); dit ligt niet aan uw bestanden: meld dit"


def run(command: Callable[[], int], *, after: str | None = None) -> int:
    """Run a command; any exception becomes one Dutch message on stderr and exit code 2."""
    try:
        return command()
    except (Exception, KeyboardInterrupt) as exc:
        if os.environ.get("WIJKMONITOR_DEBUG") and not isinstance(exc, WijkmonitorError):
            raise
        print(f"FOUT: {describe(exc)}", file=sys.stderr)
        if after:
            print(after, file=sys.stderr)
        return EXIT_REFUSED


def _build(args: argparse.Namespace) -> int:
    from wijkmonitor.adapters.checks import writable_target
    from wijkmonitor.build import BuildOptions, build
    from wijkmonitor.config import db_path_from_env

    options = BuildOptions(
        source=args.source,
        db=args.db or db_path_from_env(),
        gemeente=args.gemeente.strip().upper() if args.gemeente else None,
        all_regions=args.all_regions,
        config_dir=args.config,
        workers=args.workers,
    )
    writable_target(options.db)
    notes: list[str] = []
    if args.ignore_uploads:
        summary = build(options, progress=lambda line: print(line, flush=True))
    else:
        # Uploads from the browser are the registers in use: a shell build must not drop them silently.
        from wijkmonitor.access.config import load_access_config
        from wijkmonitor.updates.shell_build import with_uploads

        own_figures = load_access_config(options.config_dir / "access.toml",
                                         options.config_dir / "partners.toml").updates.own_figures_source
        with with_uploads(options, own_figures) as (effective, notes):
            summary = build(effective, progress=lambda line: print(line, flush=True))
    for line in [*summary.lines(), *notes]:
        print(line)
    return 0


def main(argv: list[str] | None = None) -> int:
    parsed: list[argparse.Namespace] = []

    def parse() -> int:
        parsed.append(_parser().parse_args(argv))
        return 0

    words = sys.argv[1:] if argv is None else argv
    note = KEPT_NOTE if "build" in words else FETCH_NOTE if "fetch" in words else None
    if run(parse, after=note) != 0:
        return EXIT_REFUSED
    args = parsed[0]
    if args.command == "validate":
        from wijkmonitor.registers import validate_main

        return run(lambda: validate_main([args.register] if args.register else []))
    if args.command == "fetch":
        from wijkmonitor.fetch.cli import fetch_main

        return run(lambda: fetch_main(args), after=FETCH_NOTE)
    return run(lambda: _build(args), after=KEPT_NOTE)


if __name__ == "__main__":
    sys.exit(main())
