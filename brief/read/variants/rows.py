"""Read the table a brief's `variants:` names and check it: the columns the brief uses are
there (B422), each used cell is one line of printable text (B421), every row has its own key
(B423).

In: a loaded `Source`. Out: its `Table`, or BriefError (B420–B424).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from brief.errors import BriefError, Location, error
from brief.read.files import CONTROL, cell_output_name, decode_utf8, display_path, read_capped
from brief.read.files import resolve_inside as resolve_in_folder
from brief.read.positions import SourceMap
from brief.read.variants.records import csv_records, jsonl_records
from brief.read.variants.spec import read_spec
from brief.read.variants.table import MAX_CELL_CHARS, MAX_TABLE_BYTES, Cell, Row, Spec, Table

if TYPE_CHECKING:
    from brief.read.load import Source


def read_table(source: Source) -> Table:
    """Read and check the table a brief's `variants:` names; raise BriefError (B420–B424)."""
    spec = read_spec(source)
    where = source.where.locate("variants", "table")
    file = resolve_in_folder(source.folder, spec.table, where)
    display = display_path(file)
    raw = read_capped(file, MAX_TABLE_BYTES, where)
    text = decode_utf8(raw, display)
    if file.suffix.lower() == ".csv":
        header, records = csv_records(text, display)
    else:
        header, records = jsonl_records(text, display)
    _check_header(spec, header, source.where, display)
    rows = [_row(spec, cells, at) for at, cells in records]
    _refuse_shared_keys(rows)
    if not rows:
        raise BriefError([error("B421", "the variants table has no rows", Location(display))])
    return Table(display, tuple(rows))


def _check_header(spec: Spec, header: list[str], where: SourceMap, display: str) -> None:
    """Refuse a table without a column the brief uses (B422), located at the brief's mention."""
    problems = []
    named: list[tuple[str | int, str]] = [("key", spec.key)]
    named += [("lang", spec.lang)] if spec.lang else []
    named += [(index, column) for index, column in enumerate(spec.columns)]
    for at, column in named:
        if column not in header:
            located = where.locate("variants", *(("columns", at) if isinstance(at, int) else (at,)))
            problems.append(
                error(
                    "B422",
                    f"the table {display} has no column '{column}'",
                    located,
                    "its columns: " + ", ".join(header[:20]) if header else "add a header row",
                )
            )
    if problems:
        raise BriefError(problems)


def _row(spec: Spec, cells: dict[str, Cell], at: Location) -> Row:
    """Check a record's used cells (one line of printable text each) and make its row."""
    problems = []
    kept: dict[str, Cell] = {}
    for column in spec.used():
        cell = cells.get(column) or Cell("", at)
        why = _bad_cell(cell.text)
        if why:
            problems.append(error("B421", f"column '{column}' {why}", cell.location, _CELL_HINT))
        kept[column] = replace(cell, text=cell.text.strip())
    key = kept[spec.key]
    name = cell_output_name(key.text)
    if not name and not problems:
        problems.append(
            error("B423", f"this row has no key in column '{spec.key}'", key.location, _KEY_HINT)
        )
    if problems:
        raise BriefError(problems)
    return Row(key.text, name, kept, key.location)


_CELL_HINT = "a cell holds one line of printable text"
_KEY_HINT = "give every row its own key: its outputs are named after it"


def _bad_cell(text: str) -> str:
    """Return what is wrong with a cell's text, or "" when nothing is."""
    if len(text) > MAX_CELL_CHARS:
        return f"holds more than {MAX_CELL_CHARS:,} characters"
    if "\n" in text or "\r" in text:
        return "holds a line break"
    found = CONTROL.search(text)
    return f"holds the control character U+{ord(found[0]):04X}" if found else ""


def _refuse_shared_keys(rows: list[Row]) -> None:
    """Refuse two rows whose outputs would share a name (B423)."""
    first: dict[str, Row] = {}
    problems = []
    for row in rows:
        earlier = first.setdefault(row.name.casefold(), row)
        if earlier is not row:
            problems.append(
                error(
                    "B423",
                    f"the key '{row.key}' names the same outputs as the key '{earlier.key}' "
                    f"on line {earlier.location.line}",
                    row.location,
                    _KEY_HINT,
                )
            )
    if problems:
        raise BriefError(problems)
