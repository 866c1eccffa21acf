"""Variants: one brief, many handouts, each filled from one row of a table (issue 15).

In: a loaded `Source` whose `variants:` names a CSV or JSON-lines table inside its folder. Out: the
table (`Table`: its rows, each with a key and located cells) and, for one row, a `Source` whose
`{row:column}` placeholders hold that row's cells, ready for `validate` like any other brief.

The table is untrusted data. It is read once, capped in size, rows, columns and cell length; a cell
is only ever text: it is never evaluated, never opened as a path (files are read by `load` before
any cell is known), and put into Markdown it is escaped, so a cell such as `=HYPERLINK(...)`,
`**bold**` or `{fig:x}` prints as written. A cell that cannot fill its field is an error located
in the table (`counties.csv:LINE:COLUMN`).

The modules: `spec` reads the `variants:` block, `records` parses the CSV or JSON lines, `rows`
checks them into a `Table` (`table` holds the data and limits), `fill` puts one row's cells in a
source, and `naming` names each variant's brief and diagnostics.
"""

from __future__ import annotations

from brief.read.variants.fill import fill
from brief.read.variants.naming import label, name_variant, unknown_key
from brief.read.variants.rows import read_table
from brief.read.variants.spec import has_variants
from brief.read.variants.table import TABLE_CODES, Row

__all__ = [
    "TABLE_CODES",
    "Row",
    "fill",
    "has_variants",
    "label",
    "name_variant",
    "read_table",
    "unknown_key",
]
