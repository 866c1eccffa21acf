"""Validate stage: plain data + positions → a `Brief`, or a BriefError carrying every B-code found.

In: `load.Source`. Out: `model.Brief`. Like a compiler, it collects all problems before stopping:
B2xx schema (unknown key, missing field, wrong type, bad choice or date), B3xx references.

The stage's parts: `checker` walks the data along the schema, `convert` converts each value,
`construct` builds the frozen model, and `references` checks ids and dates across it.
"""

from __future__ import annotations

from brief import model, schema
from brief.errors import BriefError, error, sort_key
from brief.read.checker import Checker
from brief.read.construct import build_brief
from brief.read.load import Source
from brief.read.references import check_dates, check_references


def validate(source: Source) -> model.Brief:
    """Check a loaded source against the schema and its references; return the Brief."""
    checker = Checker(source)
    values = checker.fields(source.data, schema.BRIEF, ())
    problems = checker.problems
    if values.get("brief") not in (None, schema.FORMAT_VERSION):
        problems.append(
            error(
                "B208",
                f"unknown format version {values['brief']}",
                source.where.locate("brief"),
                "this version of brief reads `brief: 1`",
            )
        )
    if problems:
        raise BriefError(sorted(problems, key=sort_key))
    brief = build_brief(source, values)
    problems = list(check_references(brief)) + list(check_dates(brief))
    if problems:
        raise BriefError(sorted(problems, key=sort_key))
    return brief
