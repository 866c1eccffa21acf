"""Analyse stage: a validated Brief → findings about its figures, quotes, dates and sources.

In: `model.Brief` (and the date to judge staleness by). Out: `Analysis`, plain data. Each check is
registered under its code in `CHECKS` (design.md §3); one module per family. The rules, thresholds
and their reasons are in docs/findings.md.
"""

from __future__ import annotations

from brief.analyse.findings import (
    CHECKS,
    Analysis,
    Check,
    Derived,
    Finding,
    QuoteMatch,
    per_brief,
    run_checks,
)
from brief.dates import PartialDate
from brief.errors import sort_key
from brief.model import Brief

__all__ = [
    "CHECKS",
    "Analysis",
    "Check",
    "Derived",
    "Finding",
    "QuoteMatch",
    "analyse",
    "per_brief",
    "run_checks",
]


def analyse(brief: Brief, as_of: PartialDate | None = None) -> Analysis:
    """Run every registered check and return the findings, sorted by location."""
    from brief.analyse.verify import verify_quotes

    findings = run_checks(brief, as_of or brief.meta.date)
    ordered = sorted(findings, key=lambda f: (*sort_key(f), f.subjects, f.message))
    return Analysis(tuple(ordered), tuple(verify_quotes(brief).matches))


def _register() -> None:
    from brief.analyse import (
        figures,
        hidden,
        qualifiers,
        quotes,
        sources,
        stale,
        timeline,
        verify,
        written,
    )

    CHECKS.update(
        {
            "F-conflict": figures.find_conflicts,
            "F-drift": figures.find_drift,
            "F-qualifier": qualifiers.find_qualifier_problems,
            "F-undated": figures.find_undated,
            "F-stale": figures.find_stale,
            "F-self-reported": figures.find_self_reported,
            "F-single-source": figures.find_single_source,
            "F-unverified": verify.find_figures_unverified,
            "Q-variant": quotes.find_variants,
            "Q-unverified": verify.find_unverified,
            "Q-secondhand": quotes.find_secondhand,
            "T-imprecise": timeline.find_imprecise,
            "T-conflict": timeline.find_date_conflicts,
            "T-wording": written.find_wording,
            "T-undated": written.find_undated_events,
            "S-uncited": sources.find_uncited,
            "S-anonymous": sources.find_anonymous,
            "C-stale": Derived(stale.find_stale_caveats),
            "X-hidden": hidden.find_hidden,
        }
    )


_register()
