"""Property-based tests (issue 12, item 6): the register reader and its cell parsers never raise anything but
their own errors, and what they accept is what the cell says."""

from __future__ import annotations

import csv
import io
import math
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tests.properties import CELL, FAST, NUMBER_CELL, scratch
from tests.test_registers import LOOKUPS, good_intervention, good_log, good_result
from wijkmonitor.registers import INTERVENTIONS, PROCESS_LOG, RESULTS, RegisterSpec, validate_registers, values
from wijkmonitor.registers.schema import Sheet

SHEETS = {"interventies": (INTERVENTIONS, good_intervention), "resultaten": (RESULTS, good_result),
          "proceslog": (PROCESS_LOG, good_log)}


def _register_csv(sheet: Sheet, header: list[str], rows: list[dict[str, str]], delimiter: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[row.get(name, "") for name in header] for row in rows])
    return buffer.getvalue().encode("utf-8")


@FAST
@given(kind=st.sampled_from(sorted(SHEETS)), data=st.data(),
       delimiter=st.sampled_from([",", ";", "\t"]), tail=st.binary(max_size=20))
def test_register_csv_gives_problems_never_exceptions(kind: str, data: st.DataObject, delimiter: str,
                                                      tail: bytes) -> None:
    sheet, good = SHEETS[kind]
    names = list(sheet.names)
    header = data.draw(st.one_of(st.just(names), st.lists(st.sampled_from([*names, "", "x"]), max_size=len(names) + 2)))
    changes = data.draw(st.lists(st.dictionaries(st.sampled_from(names), st.one_of(CELL, NUMBER_CELL), max_size=4),
                                 max_size=3))
    rows = [good(**change) for change in changes]
    with scratch() as folder:
        path = folder / f"{kind}.csv"
        path.write_bytes(_register_csv(sheet, header, rows, delimiter) + tail)
        spec = RegisterSpec.from_files(**{sheet.key: path})
        problems = validate_registers(spec, **LOOKUPS)
    for problem in problems:
        assert problem.sheet == path.name and problem.message
        assert problem.row is None or 1 <= problem.row <= len(rows) + 2 + tail.count(b"\n") + tail.count(b"\r")


@FAST
@given(cell=st.one_of(NUMBER_CELL, st.floats(), st.integers(), st.booleans(), st.none(), CELL))
def test_amounts_are_finite_and_not_negative_or_refused(cell: Any) -> None:
    try:
        amount = values.amount(cell)
    except values.CellError as exc:
        assert str(exc)
        return
    assert math.isfinite(amount) and 0 <= amount <= 2**53


@FAST
@given(euros=st.integers(min_value=0, max_value=10**12), cents=st.integers(min_value=0, max_value=99),
       style=st.sampled_from(["{g}", "€ {g}", "EUR {g},-", "{g},{c:02d}", "€{g},{c:02d}", "{g} euro"]))
def test_dutch_amounts_read_back_exactly(euros: int, cents: int, style: str) -> None:
    grouped = f"{euros:,}".replace(",", ".")
    written = style.format(g=grouped, c=cents)
    expected = euros + (cents / 100 if "{c" in style else 0)
    assert values.amount(written) == expected


@FAST
@given(cell=st.one_of(NUMBER_CELL, CELL, st.floats(), st.integers()))
def test_other_cells_parse_or_give_a_cell_error(cell: Any) -> None:
    for parse in (values.number, values.count, values.date, values.period, values.boolean):
        try:
            result = parse(cell)
        except values.CellError as exc:
            assert str(exc)
            continue
        if isinstance(result, float):
            assert math.isfinite(result)
