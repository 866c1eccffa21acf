"""Tell variants apart: each row's brief is named after its key, and each diagnostic names the
variant it is about; `--only` with a key no table has is an error (B425).

In: a validated `Brief` or diagnostics, and a `Row`. Out: the named brief, labelled diagnostics.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from brief.errors import Diagnostic, Location, error
from brief.model import Brief
from brief.read.variants.table import Row


def unknown_key(key: str) -> Diagnostic:
    """The error for `--only KEY` when no table has a row with that key (B425)."""
    return error(
        "B425",
        f"--only: no variants table has a row with the key '{key}'",
        Location("<command line>"),
        "give keys as the table's key column writes them, separated by commas",
    )


def name_variant(brief: Brief, row: Row) -> Brief:
    """The brief of one row: named after its key, and carrying its row (for the cache)."""
    cells = tuple((column, cell.text) for column, cell in sorted(row.cells.items()))
    return replace(brief, name=row.name, variant=(("key", row.key), *cells))


def label(diagnostics: Iterable[Diagnostic], row: Row) -> tuple[Diagnostic, ...]:
    """Name the variant in each diagnostic, so that 200 variants' findings can be told apart."""
    return tuple(
        replace(item, message=f"variant '{row.key}': {item.message}") for item in diagnostics
    )
