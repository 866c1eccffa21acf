"""Analyse stage: a validated Brief → findings about its figures, quotes, dates and sources.

In: `model.Brief` (and the date to judge staleness by). Out: `Analysis`, plain data. Each check is
registered under its code in `CHECKS` (design.md §3); one module per family.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from brief.dates import PartialDate
from brief.errors import Diagnostic, sort_key
from brief.model import Brief


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quote was found in its source's local copy (a W3C TextQuoteSelector)."""

    quote: str
    source: str
    exact: str
    prefix: str
    suffix: str
    sha256: str


@dataclass(frozen=True)
class Analysis:
    """Everything the analysis learnt: findings in source order, and verified quote matches."""

    findings: tuple[Diagnostic, ...] = ()
    matches: tuple[QuoteMatch, ...] = ()


Check = Callable[[Brief, PartialDate], list[Diagnostic]]

#: Every check, under its code (design.md §3). Filled by the family modules.
CHECKS: dict[str, Check] = {}


def analyse(brief: Brief, as_of: PartialDate | None = None) -> Analysis:
    """Run every registered check and return the findings, sorted by location."""
    when = as_of or brief.meta.date
    findings: list[Diagnostic] = []
    for check in CHECKS.values():
        findings.extend(check(brief, when))
    return Analysis(tuple(sorted(findings, key=sort_key)))
