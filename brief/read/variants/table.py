"""What a variants table is once read: its rows, each with a key and located cells, and the
`variants:` block that names it; the limits every table is held to.

In: nothing (plain data). Out: `Cell`, `Row`, `Spec`, `Table`, `Record` and the limits.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from brief.errors import Location

#: The codes of a variants table's problems (docs/design.md).
TABLE_CODES = ("B420", "B421", "B422", "B423", "B424")
MAX_TABLE_BYTES = 5_000_000
MAX_ROWS = 10_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 2_000


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


#: A record as a file gives it: where it starts, and its cells by column.
Record = tuple[Location, dict[str, Cell]]
