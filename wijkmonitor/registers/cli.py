"""`wijkmonitor validate [REGISTER_FILE_OR_TOML]`: check the registers and print every problem in Dutch."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from wijkmonitor.config import DEFAULT_SOURCE, ProgrammeConfig, db_path_from_env, load_config
from wijkmonitor.errors import BuildError
from wijkmonitor.registers.loader import check_registers, known_from
from wijkmonitor.registers.problems import count_label
from wijkmonitor.registers.reader import PASSWORD_PROTECTED, is_password_protected
from wijkmonitor.registers.schema import SHEETS, Sheet
from wijkmonitor.registers.spec import (
    CSV_SUFFIXES,
    EXCEL_SUFFIXES,
    RegisterSource,
    RegisterSpec,
    load_register_spec,
    source_for,
)

_STEMS = {
    "interventions": ("interventies", "interventions", "interventie"),
    "results": ("resultaten", "results", "intervention_results"),
    "process_log": ("proceslog", "process_log", "proceslogboek", "procesmonitor"),
}


def header_names(path: Path) -> set[str]:
    """Lower-case column names of the first non-empty row of a CSV file or of a workbook's first sheet."""
    if path.suffix.lower() in EXCEL_SUFFIXES:
        from python_calamine import CalamineWorkbook

        try:
            workbook = CalamineWorkbook.from_path(str(path))
            rows = workbook.get_sheet_by_index(0).to_python()
        except Exception:
            return set()
        header = next((r for r in rows if any(str(c).strip() for c in r)), [])
        return {str(c).strip().lower() for c in header}
    try:
        text = path.read_bytes()[:65536].decode("utf-8", errors="replace").lstrip("\ufeff")
    except OSError:
        return set()
    first = next((line for line in text.splitlines() if line.strip()), "")
    return {c.strip().strip('"').lower() for c in re.split(r"[,;\t]", first)}


def kind_of(path: Path) -> str | None:
    """Which register a single file holds: from its column names, else from its file name."""
    names = header_names(path)
    if "measure" in names:
        return "results"
    if "activity_type" in names:
        return "process_log"
    if names & {"name", "areas", "programmes"}:
        return "interventions"
    stem = path.stem.lower()
    return next((key for key, stems in _STEMS.items() if stem in stems), None)


def _spec_for(argument: str | None) -> tuple[RegisterSpec | None, set[str] | None, str | None]:
    """(spec, registers to report on (None: all), note for the user) for the command-line argument.

    A registers.toml is checked as a whole. A single register file is checked on its own; a results file
    is checked against the configured interventions register, whose own problems are not reported.
    """
    if argument is None:
        return load_register_spec(), None, None
    path = Path(argument)
    suffix = path.suffix.lower()
    if suffix == ".toml":
        if not path.is_file():
            raise BuildError("bestand niet gevonden", file=path)
        spec = load_register_spec(path)
        if spec is None:
            raise BuildError("er staat geen register in [registers]", file=path)
        return spec, None, None
    if suffix not in EXCEL_SUFFIXES + CSV_SUFFIXES:
        raise BuildError("geef een registerbestand (.xlsx of .csv) of een registers.toml", file=path)
    given: dict[str, RegisterSource] = {}
    if suffix in EXCEL_SUFFIXES and path.is_file() and is_password_protected(path):
        raise BuildError(PASSWORD_PROTECTED, file=path)
    if suffix in EXCEL_SUFFIXES and path.is_file():
        from python_calamine import CalamineWorkbook

        try:
            names = {n.strip().lower() for n in CalamineWorkbook.from_path(str(path)).sheet_names}
        except Exception:  # unreadable: the loader reports it in its own words
            names = set()
        given = {s.key: RegisterSource(path, s.sheet) for s in SHEETS if s.sheet in names}
    if not given:
        kind = kind_of(path) if path.is_file() else None
        if kind is None and path.is_file():
            raise BuildError(
                "kan niet bepalen welk register dit is: de kopregel moet de kolomnamen uit het sjabloon "
                "bevatten (zie docs/registers.md)",
                file=path,
            )
        kind = kind or "interventions"  # a missing file: let the loader say so
        given = {kind: source_for(kind, path)}
    note = None
    interventions = given.get("interventions")
    if "results" in given and interventions is None:
        configured = load_register_spec()
        interventions = configured.interventions if configured else None
        if interventions is not None:
            note = f"interventiecodes gecontroleerd met het ingestelde interventieregister ({interventions.path})"
    spec = RegisterSpec(interventions=interventions, results=given.get("results"), process_log=given.get("process_log"))
    return spec, set(given), note


def known_buurten(config: ProgrammeConfig) -> tuple[set[str], str | None]:
    """All buurt codes the build knows: from the built database, else from the boundary files in the source
    directory, else only the buurten of the renewal areas (then with a note for the user)."""
    db = db_path_from_env()
    if db.is_file():
        try:
            import duckdb

            with duckdb.connect(str(db), read_only=True) as con:
                rows = con.execute("select region_code from regions where level = 'buurt'").fetchall()
            if rows:
                return {str(r[0]) for r in rows}, None
        except Exception:  # an old or broken database: fall back to the boundary files
            pass
    codes: set[str] = set()
    pattern = re.compile(config.boundaries.name_pattern)
    for path in sorted(DEFAULT_SOURCE.glob(config.boundaries.glob)):
        match = pattern.match(path.name)
        if not match or match.group("level") != "buurt":
            continue
        try:
            features = json.loads(path.read_text(encoding="utf-8")).get("features", [])
        except (OSError, ValueError):
            continue
        codes |= {str(f.get("properties", {}).get(config.boundaries.code_property)) for f in features}
    if codes:
        return codes, None
    return {b for a in config.areas for b in a.buurten}, (
        "let op: geen buurtindeling gevonden (geen database en geen grenzenbestanden); alleen de buurtcodes "
        "van de wijkvernieuwingsgebieden worden herkend"
    )


def _summary(sheet: Sheet, n: int) -> str:
    words = {
        "interventions": ("interventie", "interventies"),
        "results": ("resultaat", "resultaten"),
        "process_log": ("regel in het proceslogboek", "regels in het proceslogboek"),
    }
    one, many = words[sheet.key]
    return count_label(n, one, many)


def validate_main(argv: list[str]) -> int:
    """Check the configured registers (or the given file / registers.toml); 0 = usable, 2 = errors."""
    from wijkmonitor.cli import EXIT_REFUSED, DutchParser

    parser = DutchParser(
        prog="wijkmonitor validate",
        description="Controleer de registers (interventies, resultaten, proceslog) en toon elke fout met "
        "werkblad of bestand, rij en kolom.",
    )
    parser.add_argument(
        "register",
        nargs="?",
        default=None,
        help="registerbestand (.xlsx of .csv) of registers.toml (standaard: config/registers.toml)",
    )
    args = parser.parse_args(argv)
    try:
        config = load_config()
        spec, report, spec_note = _spec_for(args.register)
    except BuildError as exc:
        print(f"FOUT: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    if spec is None:
        print("Er is geen register ingesteld in config/registers.toml; er is niets te controleren.")
        return 0
    buurten, note = known_buurten(config)
    for line in (spec_note, note):
        if line:
            print(line)
    problems, tables = check_registers(spec, report=report, **known_from(config, buurten))
    for problem in problems:
        print(problem)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if errors:
        print(
            f"{count_label(errors, 'fout', 'fouten')}, "
            f"{count_label(warnings, 'waarschuwing', 'waarschuwingen')}: "
            "herstel de fouten; de build gebruikt het register zo niet."
        )
        return EXIT_REFUSED
    counts = {
        "interventions": len(tables.interventions),
        "results": len(tables.intervention_results),
        "process_log": len(tables.process_log),
    }
    read = [
        _summary(s, counts[s.key])
        for s in SHEETS
        if spec.source(s.key) is not None and (report is None or s.key in report)
    ]
    print(f"In orde: {', '.join(read)} ({count_label(warnings, 'waarschuwing', 'waarschuwingen')}).")
    return 0
