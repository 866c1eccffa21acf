"""Variants: one brief, many handouts, each filled from one row of a table (issue 15).

In: a loaded `Source` whose `variants:` names a CSV or JSON-lines table inside its folder. Out: the
table (`Table`: its rows, each with a key and located cells) and, for one row, a `Source` whose
`{row:column}` placeholders hold that row's cells, ready for `validate` like any other brief.

The table is untrusted data. It is read once, capped in size, rows, columns and cell length; a cell
is only ever text: it is never evaluated, never opened as a path (files are read by `load` before
any cell is known), and put into Markdown it is escaped, so a cell such as `=HYPERLINK(...)`,
`**bold**` or `{fig:x}` prints as written. A cell that cannot fill its field is an error located
in the table (`counties.csv:LINE:COLUMN`).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brief import schema
from brief.errors import BriefError, Diagnostic, Location, error
from brief.model import Brief
from brief.read.files import CONTROL, cell_output_name, decode_utf8, display_path, read_capped
from brief.read.files import resolve_inside as resolve_in_folder
from brief.read.positions import KeyPath, SourceMap

if TYPE_CHECKING:
    from brief.read.load import Source

PLACEHOLDER = re.compile(r"\{row:([^{}\n]*)\}")
TABLE_SUFFIXES = (".csv", ".jsonl")
#: The codes of a variants table's problems (docs/design.md).
TABLE_CODES = ("B420", "B421", "B422", "B423", "B424")
MAX_TABLE_BYTES = 5_000_000
MAX_ROWS = 10_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 2_000
#: What Markdown could read as syntax in a cell (CommonMark escapes any ASCII punctuation with `\`);
#: escaping `[`, `]`, `{` and `}` also keeps `[@id]` and `{fig:id}` from being references.
_MARKDOWN = re.compile(r"([\\`*_\[\]{}<>#!|~&$])")
#: What starts a Markdown block, or a spreadsheet formula, at the start of a cell.
_LEADING = re.compile(r"^([-+=@]|\d+[.)])")
_NUMBER = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
#: Fields whose whole value may be one cell, converted from text (`value: "{row:poverty}"`).
_CONVERTED = {
    "number": "a number, such as 12.5 or 1,234",
    "amount": "a number, such as 12.5 or 1,234",
    "int": "a whole number",
}


@dataclass(frozen=True)
class Cell:
    """One cell's text and where it is in the table."""

    text: str
    location: Location


@dataclass(frozen=True)
class Row:
    """A row of the table: its key as written, the output name made from it, and its cells."""

    key: str
    name: str
    cells: Mapping[str, Cell]
    location: Location


@dataclass(frozen=True)
class Spec:
    """The `variants:` block: the table's file, the key column, the columns used, the language."""

    table: str
    key: str
    columns: tuple[str, ...]
    lang: str | None = None

    def used(self) -> tuple[str, ...]:
        """Every column the brief reads: the key, the language and the filled columns."""
        return tuple(dict.fromkeys([self.key, *([self.lang] if self.lang else []), *self.columns]))


@dataclass(frozen=True)
class Table:
    """A variants table: its file as diagnostics name it, and its rows in order."""

    path: str
    rows: tuple[Row, ...]

    def row(self, key: str) -> Row | None:
        """Return the row with this key (as written), if any."""
        return next((row for row in self.rows if row.key == key), None)


def has_variants(source: Source) -> bool:
    """Return whether a loaded brief declares `variants:`."""
    return isinstance(source.data, dict) and source.data.get("variants") is not None


def read_table(source: Source) -> Table:
    """Read and check the table a brief's `variants:` names; raise BriefError (B420–B424)."""
    spec = read_spec(source)
    where = source.where.locate("variants", "table")
    file = resolve_in_folder(source.folder, spec.table, where)
    display = display_path(file)
    raw = read_capped(file, MAX_TABLE_BYTES, where)
    text = decode_utf8(raw, display)
    if file.suffix.lower() == ".csv":
        header, records = _csv_records(text, display)
    else:
        header, records = _jsonl_records(text, display)
    _check_header(spec, header, source.where, display)
    rows = [_row(spec, cells, at) for at, cells in records]
    _refuse_shared_keys(rows)
    if not rows:
        raise BriefError([error("B421", "the variants table has no rows", Location(display))])
    return Table(display, tuple(rows))


def read_spec(source: Source) -> Spec:
    """Return the `variants:` block, or raise BriefError (B420) when it is not what it must be."""
    block, where = source.data.get("variants"), source.where
    if not isinstance(block, dict):
        raise _spec_error("variants must be a mapping with table, key and columns", where, ())
    problems: list[Diagnostic] = []
    for name in block.keys() - schema.VARIANTS.keys():
        problems.append(_spec_problem(f"unknown key '{name}' in variants", where, (name,)))
    for name in ("table", "key", "lang"):
        value = block.get(name)
        if (value is None and name != "lang") or (value is not None and not _is_text(value)):
            problems.append(_spec_problem(f"variants needs '{name}' as text", where, (name,)))
    columns = block.get("columns")
    if not isinstance(columns, list) or not columns or not all(map(_is_text, columns)):
        problems.append(_spec_problem("variants needs 'columns': a list of names", where, ()))
    table = block.get("table")
    if _is_text(table) and not str(table).lower().endswith(TABLE_SUFFIXES):
        message = "the variants table must be a .csv or .jsonl file"
        problems.append(_spec_problem(message, where, ("table",)))
    if problems:
        raise BriefError(problems)
    lang = block.get("lang")
    names = tuple(str(column) for column in columns or ())
    return Spec(str(table), str(block["key"]), names, lang and str(lang))


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _spec_problem(message: str, where: SourceMap, at: KeyPath) -> Diagnostic:
    return error("B420", message, where.locate("variants", *at), "see docs/format.md, variants")


def _spec_error(message: str, where: SourceMap, at: KeyPath) -> BriefError:
    return BriefError([_spec_problem(message, where, at)])


Record = tuple[Location, dict[str, Cell]]


def _csv_records(text: str, display: str) -> tuple[list[str], list[Record]]:
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
            _check_size(len(records), len(values), Location(display, first, 1))
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
    return {name: cell for name, cell in zip(header, cells, strict=False) if name}


def _check_size(rows: int, columns: int, at: Location) -> None:
    if rows >= MAX_ROWS:
        raise BriefError([error("B421", f"the table has more than {MAX_ROWS:,} rows", at)])
    if columns > MAX_COLUMNS:
        raise BriefError([error("B421", f"a row has more than {MAX_COLUMNS} columns", at)])


def _jsonl_records(text: str, display: str) -> tuple[list[str], list[Record]]:
    """Parse JSON lines (one object per line, values text or numbers as written)."""
    header: dict[str, None] = {}
    records: list[Record] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        at = Location(display, number, 1)
        _check_size(len(records), 0, at)
        values = _json_object(line, at)
        _check_size(len(records), len(values), at)
        header.update(dict.fromkeys(values))
        cells = {
            name: Cell(value, Location(display, number, max(line.find(json.dumps(name)), 0) + 1))
            for name, value in values.items()
        }
        records.append((at, cells))
    return list(header), records


def _refuse_constant(name: str) -> Any:
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


def unknown_key(key: str) -> Diagnostic:
    """The error for `--only KEY` when no table has a row with that key (B425)."""
    return error(
        "B425",
        f"--only: no variants table has a row with the key '{key}'",
        Location("<command line>"),
        "give keys as the table's key column writes them, separated by commas",
    )


def fill(source: Source, row: Row) -> Source:
    """Return the source with the row's cells in its placeholders (BriefError B422/B424)."""
    spec = read_spec(source)
    filler = _Filler(source.where, row, spec)
    data = {
        key: filler.node(value, schema.BRIEF.get(key), (key,))
        for key, value in source.data.items()
        if key != "variants"
    }
    if spec.lang:
        meta = data.get("meta")
        if isinstance(meta, dict):
            data["meta"] = {**meta, "lang": row.cells[spec.lang].text}
            filler.moved[("meta", "lang")] = row.cells[spec.lang].location
    if filler.problems:
        raise BriefError(filler.problems)
    return replace(source, data=data, where=_moved(source.where, filler.moved))


def _moved(where: SourceMap, moved: Mapping[KeyPath, Location]) -> SourceMap:
    """A copy of the source map where values taken whole from a cell are located in the table."""
    values = {**where.values, **moved}
    written = {path: text for path, text in where.written.items() if path not in moved}
    spans = {path: span for path, span in where.spans.items() if path not in moved}
    return SourceMap(where.path, dict(where.keys), values, dict(where.block), written, spans)


class _Filler:
    """Walks the data along the schema, replacing placeholders with the row's cells."""

    def __init__(self, where: SourceMap, row: Row, spec: Spec) -> None:
        self.where, self.row, self.spec = where, row, spec
        self.moved: dict[KeyPath, Location] = {}
        self.problems: list[Diagnostic] = []

    def node(self, value: Any, spec: schema.Field | None, at: KeyPath) -> Any:
        if spec is None:
            return value  # an unknown key: validate says so
        if isinstance(value, dict) and spec.fields:
            return {k: self.node(v, spec.fields.get(k), (*at, k)) for k, v in value.items()}
        if isinstance(value, list):
            item = replace(spec, kind=spec.kind.removeprefix("list[").removesuffix("]"))
            return [self.node(v, item, (*at, i)) for i, v in enumerate(value)]
        if isinstance(value, str) and "{row:" in value:
            return self.scalar(value, spec.kind, at)
        return value

    def scalar(self, text: str, kind: str, at: KeyPath) -> Any:
        whole = PLACEHOLDER.fullmatch(text.strip())
        if whole and self.cell(whole[1], at):
            cell = self.row.cells[whole[1].strip()]
            self.moved[at] = cell.location
            return self.convert(cell, kind, whole[1].strip())
        escape: Callable[[str], str] = markdown_text if kind == "text" else str

        def one(match: re.Match[str]) -> str:
            found = self.cell(match[1], at)
            return escape(found.text) if found else match[0]

        return PLACEHOLDER.sub(one, text)

    def cell(self, column: str, at: KeyPath) -> Cell | None:
        column = column.strip()
        if column in self.spec.columns or column in (self.spec.key, self.spec.lang):
            return self.row.cells[column]
        self.problems.append(
            error(
                "B422",
                f"{{row:{column}}} names a column that variants.columns does not list",
                self.where.locate(*at),
                "add it to variants.columns: " + ", ".join(self.spec.columns),
            )
        )
        return None

    def convert(self, cell: Cell, kind: str, column: str) -> Any:
        """Convert a whole-cell value to the field's kind (text stays text)."""
        if kind not in _CONVERTED:
            return markdown_text(cell.text) if kind == "text" else cell.text
        number = parse_number(cell.text)
        if number is None or (kind == "int" and not isinstance(number, int)):
            self.problems.append(
                error(
                    "B424",
                    f"'{cell.text}' in column '{column}' is not {_CONVERTED[kind]}",
                    cell.location,
                    f"write {_CONVERTED[kind]} in every row of column '{column}'",
                )
            )
            return cell.text
        return number


def parse_number(text: str) -> int | float | None:
    """Read a cell as a number: digits, an optional sign and decimals, commas between thousands.

    >>> parse_number("1,234"), parse_number("-12.5"), parse_number("=1+2"), parse_number("1e9")
    (1234, -12.5, None, None)
    """
    if not _NUMBER.match(text):
        return None
    digits = text.replace(",", "")
    return float(digits) if "." in digits else int(digits)


def markdown_text(text: str) -> str:
    """Return a cell's text as Markdown that prints exactly that text: no emphasis, links, HTML,
    references or list, and a formula such as `=SUM(A1)` printed as written.

    >>> markdown_text("**5** [@x] {fig:y} <b>")
    '\\\\*\\\\*5\\\\*\\\\* \\\\[@x\\\\] \\\\{fig:y\\\\} \\\\<b\\\\>'
    """
    escaped = _MARKDOWN.sub(r"\\\1", text)
    return _LEADING.sub(lambda match: match[0][:-1] + "\\" + match[0][-1], escaped)


def name_variant(brief: Brief, row: Row) -> Brief:
    """The brief of one row: named after its key, and carrying its row (for the cache)."""
    cells = tuple((column, cell.text) for column, cell in sorted(row.cells.items()))
    return replace(brief, name=row.name, variant=(("key", row.key), *cells))


def label(diagnostics: Iterable[Diagnostic], row: Row) -> tuple[Diagnostic, ...]:
    """Name the variant in each diagnostic, so that 200 variants' findings can be told apart."""
    return tuple(
        replace(item, message=f"variant '{row.key}': {item.message}") for item in diagnostics
    )


def table_file(source: Source) -> Path:
    """The table's path (for callers that show or watch it)."""
    return source.folder / read_spec(source).table
