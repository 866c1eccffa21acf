"""S-* checks: sources nothing cites, items that cite nothing, and anonymous sources.

In: a `Brief`. Out: findings (docs/findings.md, "Sources").
"""

from __future__ import annotations

from brief.analyse.findings import Finding
from brief.dates import PartialDate
from brief.errors import Diagnostic, Severity
from brief.model import Brief, Claim, Event, Figure, Quote
from brief.read.markup import find_references


def cited_sources(brief: Brief) -> set[str]:
    """Return the ids of every source something cites: [@id], `source:` or a quote's `via`."""
    cited = {
        reference.id
        for _, text in brief.texts_in_order()
        for reference in find_references(text.markdown)
        if reference.kind == "cite"
    }
    cited |= {item.source for item in _sourced(brief) if item.source}
    cited |= {quote.via for quote in brief.quotes if quote.via}
    return cited


def find_uncited(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """S-uncited: a source nothing cites, and a figure, quote or event that cites no source."""
    cited = cited_sources(brief)
    found: list[Diagnostic] = [
        Finding(
            "S-uncited",
            Severity.WARNING,
            f"the source “{source.title}” is listed but nothing cites it",
            source.locate("id"),
            f"cite it as [@{source.id}] where it is used, or remove it",
            (source.id,),
            kind="source",
        )
        for source in brief.sources
        if source.id not in cited
    ]
    kinds = (
        ("figure", brief.figures),
        ("claim", brief.claims),
        ("quote", brief.quotes),
        ("event", brief.timeline),
    )
    for kind, items in kinds:
        found += [
            Finding(
                "S-uncited",
                Severity.WARNING,
                f"the {kind} '{item.id}' cites no source",
                item.locate("id"),
                "add `source:` with the id of the source that reports it",
                (item.id,),
                kind=kind,
            )
            for item in items
            if not item.source
        ]
    return found


def find_anonymous(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """S-anonymous: a source with no publisher, author or date, which readers cannot weigh."""
    return [
        Finding(
            "S-anonymous",
            Severity.NOTE,
            f"the source “{source.title}” names no publisher, author or date",
            source.locate("id"),
            "add what is known (`publisher`, `author`, `published`); if nothing is, say so in "
            "a caveat covering S-anonymous",
            (source.id,),
        )
        for source in brief.sources
        if not (source.publisher or source.author or source.published)
    ]


def _sourced(brief: Brief) -> tuple[Figure | Claim | Quote | Event, ...]:
    """Return every item that may cite a source by `source:`."""
    return (*brief.figures, *brief.claims, *brief.quotes, *brief.timeline)
