"""Compose stage: Brief + analysis + options → Document, the one page model every output renders.

In: `Brief`, `Analysis`, `ComposeOptions`. Out: `Document` (plain frozen data; Markdown already
turned into safe HTML, notes numbered in reading order, numbers and dates localised). Pure: reads
no file.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from dataclasses import dataclass
from html import escape
from typing import Any

from brief.analyse import Analysis
from brief.compose import l10n
from brief.compose.caveats import CaveatPlan, PrintedCaveat, plan_caveats
from brief.compose.chart import LARGE, NORMAL, Chart, Size, figures_chart
from brief.compose.document import (
    CaveatRow,
    Checked,
    ClaimRow,
    Document,
    EventRow,
    FigureRow,
    Marker,
    QuoteRow,
)
from brief.compose.media import logo, pictures
from brief.compose.notes import Notes, source_notes
from brief.compose.qr import qr_data_uri
from brief.compose.quotelinks import quote_link
from brief.compose.themes import theme_colors
from brief.dates import PartialDate
from brief.errors import Severity
from brief.model import Brief, Claim, Event, Figure, Layout, Paper, Quote
from brief.read.fonts import FILE_ROLES
from brief.read.markup import find_references

#: Right-to-left scripts' languages (design.md §4, issue 5).
RTL_LANGUAGES = ("ar", "he", "fa", "ur", "yi")
#: How many characters of quotations a handout prints before pointing to the full brief.
HANDOUT_QUOTE_BUDGET = 450


@dataclass(frozen=True)
class ComposeOptions:
    """What the command line may override from `meta` (design.md §5)."""

    paper: Paper | None = None
    layout: Layout | None = None
    large_print: bool = False


class _Rows:
    """The printed rows of one brief, numbered as they are first cited (the order of the calls
    below is the order of the notes: summary, key points, figures, timeline, quotes, caveats)."""

    def __init__(self, brief: Brief, analysis: Analysis) -> None:
        self.brief, self.lang = brief, brief.meta.lang
        self.notes = Notes(brief)
        self.plan = plan_caveats(brief, analysis.findings)
        self.numbers = {caveat.id: n for n, caveat in enumerate(self.plan.caveats, start=1)}

    def markers(self, subject: str) -> tuple[Marker, ...]:
        return tuple(
            Marker(self.numbers[caveat.id], caveat.id, caveat.severity)
            for caveat in self.plan.about(subject)
        )

    def date(self, value: PartialDate | None, approx: bool = False) -> str:
        return l10n.format_partial_date(value, self.lang, approx) if value else ""

    def note(self, source_id: str) -> int | None:
        return self.notes.number(source_id) if source_id else None

    def figure(self, figure: Figure) -> FigureRow:
        return FigureRow(
            figure.id,
            l10n.format_figure(figure, self.lang),
            figure.counts,
            figure.unit,
            figure.period_text,
            l10n.format_items(list(self.brief.claimant_names(figure)), self.lang),
            figure.as_reported,
            self.note(figure.source),
            self.markers(figure.id),
        )

    def claim(self, claim: Claim) -> ClaimRow:
        return ClaimRow(
            claim.id,
            claim.text,
            l10n.format_items(list(self.brief.claimant_names(claim)), self.lang),
            claim.as_reported,
            self.note(claim.source),
            self.markers(claim.id),
            claim.id in self.cited_claims,
        )

    @functools.cached_property
    def cited_claims(self) -> frozenset[str]:
        """Return the claims the summary or a key point inserts with {claim:id}."""
        texts = [self.brief.summary, *self.brief.key_points]
        return frozenset(
            reference.id
            for text in texts
            if text is not None
            for reference in find_references(text.markdown)
            if reference.kind == "claim"
        )

    def event(self, event: Event) -> EventRow:
        html = self.notes.prose(event.event, inline=True)
        date = self.date(event.date, event.approx)
        return EventRow(event.id, date, html, self.note(event.source), self.markers(event.id))

    def quote(self, quote: Quote) -> QuoteRow:
        return QuoteRow(
            quote.id,
            quote.text,
            self.brief.speaker_name(quote.speaker),
            quote.role,
            quote.context,
            self.date(quote.date),
            _via_name(self.brief, quote.via),
            self.note(quote.source),
            self.markers(quote.id),
            *quote_link(self.brief, quote),
        )


def compose(brief: Brief, analysis: Analysis, options: ComposeOptions | None = None) -> Document:
    """Build the page model shared by every output."""
    options = options or ComposeOptions()
    rows = _Rows(brief, analysis)
    notes = rows.notes
    content_warning = notes.prose(brief.meta.content_warning)
    summary = notes.prose(brief.summary)
    key_points = tuple(notes.prose(point, inline=True) for point in brief.key_points)
    figures = tuple(rows.figure(figure) for figure in brief.figures)
    claims = tuple(rows.claim(claim) for claim in brief.claims)
    by_date = sorted(  # undated events last, in the order written (the sort is stable)
        brief.timeline, key=lambda event: event.date.first_day() if event.date else dt.date.max
    )
    timeline = tuple(rows.event(event) for event in by_date)
    quotes = tuple(rows.quote(quote) for quote in brief.quotes)
    plan = rows.plan
    caveats = tuple(_caveat_row(rows.numbers[c.id], c, notes) for c in plan.caveats)
    corrections = tuple(
        (rows.date(revision.date), notes.prose(revision.note, inline=True))
        for revision in brief.meta.revisions
    )
    for source in brief.sources:  # uncited sources still get a number, after the cited ones
        notes.number(source.id)
    return Document(
        **_front(brief, options, rows.date(brief.meta.date)),
        content_warning=content_warning,
        summary=summary,
        key_points=key_points,
        figures=figures,
        claims=claims,
        callouts=_callouts(brief, figures),
        chart=_chart(brief, figures, NORMAL),
        chart_large=_chart(brief, figures, LARGE) if options.large_print else None,
        timeline=timeline,
        quotes=quotes,
        handout_quotes=_handout_quotes(quotes, HANDOUT_QUOTE_BUDGET),
        handout_quotes_short=_handout_quotes(quotes, HANDOUT_QUOTE_BUDGET // 3),
        caveats=caveats,
        note_lines=plan.notes,
        corrections=corrections,
        notes=source_notes(brief, notes.numbers),
        checked=_checked(brief, analysis, plan),
    )


def _front(brief: Brief, options: ComposeOptions, date: str) -> dict[str, Any]:
    """Return the document's masthead, metadata, look and page settings."""
    lang, organization = brief.meta.lang, brief.meta.organization
    return {
        "id": document_id(brief),
        "name": brief.name,
        "lang": lang,
        "dir": "rtl" if l10n.base_language(lang) in RTL_LANGUAGES else "ltr",
        "title": brief.meta.title,
        "subtitle": brief.meta.subtitle,
        "date_iso": str(brief.meta.date),
        "date": date,
        "authors": brief.meta.authors,
        "organization": organization.name if organization else "",
        "organization_url": organization.url if organization else "",
        "license": brief.meta.license,
        "version": brief.meta.version,
        "url": brief.meta.url,
        "url_qr": qr_data_uri(brief.meta.url) if brief.meta.url else "",
        "paper": options.paper or brief.meta.paper,
        "layout": options.layout or brief.meta.layout,
        "large_print": options.large_print,
        "labels": _labels(lang),
        "theme": theme_colors(brief.theme.name, brief.theme.colors),
        "contact": brief.contact,
        "fonts": dict(brief.theme.fonts),
        "theme_fonts": {
            role: brief.font_files[name]
            for role, name in brief.theme.fonts.items()
            if role in FILE_ROLES and name in brief.font_files
        },
        **logo(brief),
        "pictures": pictures(brief),
    }


def _chart(brief: Brief, figures: tuple[FigureRow, ...], size: Size) -> Chart | None:
    colors = theme_colors(brief.theme.name, brief.theme.colors)
    lang = brief.meta.lang
    return figures_chart(brief.figures, figures, colors, lang, _labels(lang), size)


#: The most key figures printed large at the top of the summary.
MAX_CALLOUTS = 3


def _callouts(brief: Brief, figures: tuple[FigureRow, ...]) -> tuple[FigureRow, ...]:
    """Return the key figures printed large: those the key points cite (`{fig:id}`), in order."""
    rows = {row.id: row for row in figures}
    cited = [
        reference.id
        for point in brief.key_points
        for reference in find_references(point.markdown)
        if reference.kind == "fig" and reference.id in rows
    ]
    return tuple(rows[figure_id] for figure_id in dict.fromkeys(cited))[:MAX_CALLOUTS]


def _labels(lang: str) -> dict[str, str]:
    """Return the labels of `lang`, with its quotation marks split from the caveats' `quoted`."""
    opening, _, closing = l10n.texts_for(lang, "caveats")["quoted"].partition("{text}")
    return {**l10n.labels_for(lang), "quote_open": opening, "quote_close": closing}


def document_id(brief: Brief) -> str:
    """Return a stable identifier derived from the brief's title, language and URL."""
    seed = "\n".join((brief.meta.url, brief.meta.title, brief.meta.lang, brief.name))
    digest = hashlib.sha256(seed.encode()).hexdigest()
    return f"urn:uuid:{digest[:8]}-{digest[8:12]}-5{digest[13:16]}-a{digest[17:20]}-{digest[20:32]}"


def _via_name(brief: Brief, via: str) -> str:
    source = brief.source(via)
    return source.title if source else via


def _caveat_row(number: int, caveat: PrintedCaveat, notes: Notes) -> CaveatRow:
    html = notes.prose(caveat.markdown, inline=True) if caveat.markdown else (escape(caveat.text),)
    return CaveatRow(
        number, caveat.id, caveat.severity, html, caveat.subjects, caveat.codes, caveat.diff
    )


def _handout_quotes(quotes: tuple[QuoteRow, ...], budget: int) -> tuple[str, ...]:
    """Return the ids of the quotes a handout prints: those a caveat is about come first."""
    ranked = sorted(quotes, key=lambda quote: not quote.markers)
    used, chosen = 0, set[str]()
    for quote in ranked:
        used += len(quote.text)
        if chosen and used > budget:
            break
        chosen.add(quote.id)
    return tuple(quote.id for quote in quotes if quote.id in chosen)


def _checked(brief: Brief, analysis: Analysis, plan: CaveatPlan) -> Checked:
    return Checked(
        sources=len(brief.sources),
        quotes=len(brief.quotes),
        quotes_verified=sum(match.kind == "quote" for match in analysis.matches),
        copies=sum(1 for source in brief.sources if source.text),
        warnings=sum(1 for f in analysis.findings if f.severity is Severity.WARNING),
        notes=sum(1 for f in analysis.findings if f.severity is Severity.NOTE),
        covered=len(plan.covered),
    )


__all__ = ["ComposeOptions", "Document", "compose", "document_id"]
