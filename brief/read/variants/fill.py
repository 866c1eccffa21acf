"""Fill a brief from one row: each `{row:column}` placeholder takes the row's cell, escaped as
Markdown in text, and a field that is one whole cell is converted to its kind (a number) and
located in the table (B422 for a column not listed, B424 for a cell that is not a number).

In: a loaded `Source` and a `Row`. Out: a `Source` ready for `validate` like any other brief.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from brief import schema
from brief.errors import BriefError, Diagnostic, Location, error
from brief.read.positions import KeyPath, SourceMap
from brief.read.variants.spec import read_spec
from brief.read.variants.table import Cell, Row, Spec

if TYPE_CHECKING:
    from brief.read.load import Source

PLACEHOLDER = re.compile(r"\{row:([^{}\n]*)\}")
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
