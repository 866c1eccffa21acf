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
    from brief.analyse.quotes import verify_quotes
    from brief.analyse.sources import find_stale_caveats

    when = as_of or brief.meta.date
    findings: list[Diagnostic] = []
    for check in CHECKS.values():
        findings.extend(check(brief, when))
    findings += find_stale_caveats(brief, findings)  # C-stale reads the other findings
    matches = verify_quotes(brief)[1]
    return Analysis(tuple(sorted(findings, key=sort_key)), tuple(matches))


def _register() -> None:
    from brief.analyse import figures, quotes, sources, timeline

    CHECKS.update(
        {
            "F-conflict": figures.find_conflicts,
            "F-drift": figures.find_drift,
            "F-qualifier": figures.find_qualifier_problems,
            "F-undated": figures.find_undated,
            "F-stale": figures.find_stale,
            "F-self-reported": figures.find_self_reported,
            "F-single-source": figures.find_single_source,
            "Q-variant": quotes.find_variants,
            "Q-unverified": quotes.find_unverified,
            "Q-secondhand": quotes.find_secondhand,
            "T-imprecise": timeline.find_imprecise,
            "T-conflict": timeline.find_date_conflicts,
            "S-uncited": sources.find_uncited,
            "S-anonymous": sources.find_anonymous,
        }
    )


_register()
