"""S-* and C-stale checks: sources nothing cites, items that cite nothing, anonymous sources, and
author's caveats that answer a finding which no longer fires.

In: a `Brief` (and, for C-stale, the other findings). Out: findings.
"""

from __future__ import annotations

from collections.abc import Sequence

from brief.dates import PartialDate
from brief.errors import Diagnostic, Severity
from brief.markup import find_references
from brief.model import Brief


def cited_sources(brief: Brief) -> set[str]:
    """Return the ids of every source something cites: [@id], `source:` or a quote's `via`."""
    cited = {
        ref.id
        for _, text in brief.texts_in_order()
        for ref in find_references(text.markdown)
        if ref.kind == "cite"
    }
    cited |= {
        item.source for item in (*brief.figures, *brief.quotes, *brief.timeline) if item.source
    }
    cited |= {quote.via for quote in brief.quotes if quote.via}
    return cited


def find_uncited(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """S-uncited: a source nothing cites, and a figure, quote or event that cites no source."""
    cited = cited_sources(brief)
    found = [
        Diagnostic(
            "S-uncited",
            Severity.WARNING,
            f"the source “{source.title}” is listed but nothing cites it",
            source.locate("id"),
            f"cite it as [@{source.id}] or remove it",
            (source.id,),
        )
        for source in brief.sources
        if source.id not in cited
    ]
    kinds = (("figure", brief.figures), ("quote", brief.quotes), ("event", brief.timeline))
    for kind, items in kinds:
        for item in items:
            if not item.source:
                found.append(
                    Diagnostic(
                        "S-uncited",
                        Severity.WARNING,
                        f"the {kind} '{item.id}' cites no source",
                        item.location,
                        "add `source:` with the id of the source that reports it",
                        (item.id,),
                    )
                )
    return found


def find_anonymous(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """S-anonymous: a source with no publisher, author or date, which readers cannot weigh."""
    return [
        Diagnostic(
            "S-anonymous",
            Severity.NOTE,
            f"the source “{source.title}” names no publisher, author or date",
            source.locate("id"),
            "add what is known, or say in a caveat that it is unknown",
            (source.id,),
        )
        for source in brief.sources
        if not (source.publisher or source.author or source.published)
    ]


def find_stale_caveats(brief: Brief, findings: Sequence[Diagnostic]) -> list[Diagnostic]:
    """C-stale: an author's caveat covers a code that no longer fires for its subjects."""
    found = []
    for caveat in brief.caveats:
        for index, code in enumerate(caveat.covers):
            answered = any(
                finding.code == code and set(finding.subjects) & set(caveat.about)
                for finding in findings
            )
            if not answered:
                found.append(
                    Diagnostic(
                        "C-stale",
                        Severity.WARNING,
                        f"this caveat covers {code}, but no {code} finding concerns "
                        f"{', '.join(caveat.about) or 'its subjects'} any more",
                        caveat.locate(f"covers.{index}"),
                        f"remove {code} from `covers:`, or the caveat if it no longer applies",
                        caveat.about,
                    )
                )
    return found
