"""The `variants:` block of a brief: which table, which key column, which columns, which
language column.

In: a loaded `Source`. Out: whether it declares variants, its `Spec` (or BriefError B420), and
its table's path.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from brief import schema
from brief.errors import BriefError, Diagnostic, error
from brief.read.positions import KeyPath, SourceMap
from brief.read.variants.table import Spec

if TYPE_CHECKING:
    from brief.read.load import Source

TABLE_SUFFIXES = (".csv", ".jsonl")


def has_variants(source: Source) -> bool:
    """Return whether a loaded brief declares `variants:`."""
    return isinstance(source.data, dict) and source.data.get("variants") is not None


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
    """Return whether a value is text with something in it."""
    return isinstance(value, str) and bool(value.strip())


def _spec_problem(message: str, where: SourceMap, at: KeyPath) -> Diagnostic:
    return error("B420", message, where.locate("variants", *at), "see docs/format.md, variants")


def _spec_error(message: str, where: SourceMap, at: KeyPath) -> BriefError:
    return BriefError([_spec_problem(message, where, at)])


def table_file(source: Source) -> Path:
    """The table's path (for callers that show or watch it)."""
    return source.folder / read_spec(source).table
