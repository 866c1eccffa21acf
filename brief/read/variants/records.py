"""Parse a variants table's text, CSV or JSON lines, into its header and records, every cell
located by line and column; sizes are checked as the records are read (B421).

In: the table's decoded text and its name as diagnostics show it. Out: the header (column names)
and the `Record`s in order.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any

from brief.errors import BriefError, Location, error
from brief.read.variants.table import MAX_COLUMNS, MAX_ROWS, Cell, Record


def csv_records(text: str, display: str) -> tuple[list[str], list[Record]]:
    """Parse CSV text into its header and records, each cell located by line and column."""
    lines = text.splitlines(keepends=True)
    consumed: list[int] = []

    def feed() -> Iterable[str]:
        for number, line in enumerate(lines, start=1):
            consumed.append(number)
            yield line

    reader = csv.reader(feed(), strict=True)
    header: list[str] | None = None
    records: list[Record] = []
    start = 1
    try:
        for values in reader:
            first, start = start, len(consumed) + 1
            if not any(value.strip() for value in values):
                continue  # a blank line
            raw = "".join(lines[first - 1 : len(consumed)])
            located = _locate_cells(raw, values, display, first)
            if header is None:
                header = [cell.text.strip() for cell in located]
                continue
            check_size(len(records), len(values), Location(display, first, 1))
            records.append((Location(display, first, 1), _by_column(header, located)))
    except csv.Error as caught:
        at = Location(display, max(len(consumed), 1), 1)
        raise BriefError([error("B421", f"CSV syntax: {caught}", at, _CSV_HINT)]) from None
    return header or [], records


_CSV_HINT = "save the table as CSV (comma-separated, UTF-8) with one header row"


def _locate_cells(raw: str, values: list[str], display: str, line: int) -> list[Cell]:
    """Pair a record's values with where each starts in its raw text (1 for anything odd)."""
    starts, inside, at_start = [0], False, True
    for offset, char in enumerate(raw):
        if char == '"' and (at_start or inside):
            inside = not inside
        elif char == "," and not inside:
            starts.append(offset + 1)
            at_start = True
            continue
        at_start = False
    if len(starts) != len(values):
        starts = [0] * len(values)
    cells = []
    for value, offset in zip(values, starts, strict=True):
        before = raw[:offset]
        column = offset - (before.rfind("\n") + 1) + 1
        cells.append(Cell(value, Location(display, line + before.count("\n"), column)))
    return cells


def _by_column(header: list[str], cells: list[Cell]) -> dict[str, Cell]:
    """Return a record's cells by the name of their column (unnamed columns left out)."""
    return {name: cell for name, cell in zip(header, cells, strict=False) if name}


def check_size(rows: int, columns: int, at: Location) -> None:
    """Refuse a table with too many rows, or a row with too many columns (B421)."""
    if rows >= MAX_ROWS:
        raise BriefError([error("B421", f"the table has more than {MAX_ROWS:,} rows", at)])
    if columns > MAX_COLUMNS:
        raise BriefError([error("B421", f"a row has more than {MAX_COLUMNS} columns", at)])


def jsonl_records(text: str, display: str) -> tuple[list[str], list[Record]]:
    """Parse JSON lines (one object per line, values text or numbers as written)."""
    header: dict[str, None] = {}
    records: list[Record] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        at = Location(display, number, 1)
        check_size(len(records), 0, at)
        values = _json_object(line, at)
        check_size(len(records), len(values), at)
        header.update(dict.fromkeys(values))
        cells = {
            name: Cell(value, Location(display, number, max(line.find(json.dumps(name)), 0) + 1))
            for name, value in values.items()
        }
        records.append((at, cells))
    return list(header), records


def _refuse_constant(name: str) -> Any:
    """Refuse NaN and Infinity, which JSON parsers accept but a table may not hold."""
    raise ValueError(f"{name} is not a number a table may hold")


def _json_object(line: str, at: Location) -> dict[str, str]:
    """Read one JSON line as an object of text; numbers keep their written digits."""
    try:
        value = json.loads(line, parse_int=str, parse_float=str, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as caught:
        why = str(caught) if isinstance(caught, ValueError) else "nested too deeply"
        raise BriefError([error("B421", f"JSON line: {why}", at, _JSONL_HINT)]) from None
    if not isinstance(value, dict) or not all(isinstance(item, str) for item in value.values()):
        raise BriefError(
            [error("B421", "each JSON line must be an object of text or numbers", at, _JSONL_HINT)]
        )
    return value


_JSONL_HINT = 'write one object per line, such as {"county": "Adams", "rate": 12.5}'
