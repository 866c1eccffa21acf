"""Compose stage: Brief + analysis + options → Document, the one page model every output renders.

In: `Brief`, `Analysis`, `ComposeOptions`. Out: `Document` (plain frozen data; Markdown already
turned into safe HTML, notes numbered in reading order, numbers and dates localised). Pure: reads
no file.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import quote as quote_url

from markupsafe import Markup

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
    Note,
    PictureRow,
    QuoteRow,
)
from brief.compose.qr import qr_data_uri
from brief.compose.themes import theme_colors
from brief.dates import PartialDate
from brief.errors import Severity
from brief.model import Brief, Claim, Event, Figure, Layout, Paper, Quote, Source, Text
from brief.read.fonts import FILE_ROLES
from brief.read.markup import Href, NoteRef, Pieces, find_references, render_pieces

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


class _Notes:
    """Numbers sources in order of first citation; renders references for `markup`."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.numbers: dict[str, int] = {}

    def number(self, source_id: str) -> int:
        return self.numbers.setdefault(source_id, len(self.numbers) + 1)

    def cite(self, source_id: str) -> NoteRef:
        return NoteRef(self.number(source_id))

    def figure(self, figure_id: str) -> str:
        figure = self.brief.figure(figure_id)
        assert figure is not None  # B304 guarantees it
        return (
            f'<span class="fig">{escape(l10n.format_figure(figure, self.brief.meta.lang))}</span>'
        )

    def claim(self, claim_id: str) -> Pieces:
        claim = self.brief.claim(claim_id)
        assert claim is not None  # B304 guarantees it
        return ('<a class="claim" href="', Href(claim.id), f'">{escape(claim.text)}</a>')

    def prose(self, text: Text | None, inline: bool = False) -> Pieces:
        if text is None:
            return ()
        return render_pieces(text.markdown, self, inline=inline)


class _Rows:
    """The printed rows of one brief, numbered as they are first cited (the order of the calls
    below is the order of the notes: summary, key points, figures, timeline, quotes, caveats)."""

    def __init__(self, brief: Brief, analysis: Analysis) -> None:
        self.brief, self.lang = brief, brief.meta.lang
        self.notes = _Notes(brief)
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
            *_quote_link(self.brief, quote),
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
        notes=_notes(brief, notes.numbers),
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
        **_logo(brief),
        "pictures": _pictures(brief),
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


def _quote_link(brief: Brief, quote: Quote) -> tuple[str, str]:
    """Return a link that opens the quote's source at the quoted words, and its QR code."""
    source = brief.source(quote.source) if quote.source else None
    if not source or not source.url:
        return "", ""
    link = source.url.split("#")[0] + "#:~:text=" + text_fragment(quote.text)
    return link, qr_data_uri(link)


def text_fragment(text: str, words: int = 4) -> str:
    """Return a URL text directive for `text`: whole when short, else its first and last words.

    >>> text_fragment("We were the last line of defense — an actor and his foundation.")
    'We%20were%20the%20last,actor%20and%20his%20foundation.'
    """
    parts = text.split()
    if len(parts) <= 2 * words:
        return _fragment_quote(" ".join(parts))
    return (
        _fragment_quote(" ".join(parts[:words])) + "," + _fragment_quote(" ".join(parts[-words:]))
    )


def _fragment_quote(text: str) -> str:
    # A text directive reserves "-", "," and "&"; everything else is percent-encoded as usual.
    return quote_url(text, safe="").replace("-", "%2D")


#: The logo's URL in the print HTML; the PDF writer serves the checked bytes under it.
LOGO_URL = "brief-image:logo"


def _logo(brief: Brief) -> dict[str, object]:
    """Return the logo for each output: a URL of ours (PDF), a data URI (HTML), an EPUB path,
    and the checked file they all show."""
    organization = brief.meta.organization
    image = brief.images.get(organization.logo) if organization and organization.logo else None
    if not organization or image is None:
        return {}
    data = base64.b64encode(image.data).decode()
    return {
        "logo": LOGO_URL,
        "logo_alt": organization.logo_alt,
        "logo_uri": f"data:{image.media_type};base64,{data}",
        "logo_epub": f"images/logo.{image.extension}",
        "logo_file": image,
    }


#: The scheme of a picture's URL in the print HTML (`brief-image:picture-ID`).
PICTURE_URL = "brief-image:picture-"


def _pictures(brief: Brief) -> tuple[PictureRow, ...]:
    """Return the pictures with the URL, data URI and EPUB path each output shows them by."""
    rows = []
    for picture in brief.pictures:
        image = brief.images.get(picture.file)
        if image is None:
            continue
        data = base64.b64encode(image.data).decode()
        rows.append(
            PictureRow(
                id=picture.id,
                url=PICTURE_URL + picture.id,
                uri=f"data:{image.media_type};base64,{data}",
                epub=f"images/picture-{picture.id}.{image.extension}",
                alt=picture.alt,
                caption=picture.caption,
                credit=picture.credit,
                place=picture.place,
                file=image,
            )
        )
    return tuple(rows)


def _via_name(brief: Brief, via: str) -> str:
    source = brief.source(via)
    return source.title if source else via


def _caveat_row(number: int, caveat: PrintedCaveat, notes: _Notes) -> CaveatRow:
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


def _source_html(source: Source, lang: str) -> Markup:
    parts = [f"<cite>{escape(source.title)}</cite>"]
    parts += [escape(part) for part in (source.author, source.publisher) if part]
    if source.published:
        parts.append(escape(l10n.format_partial_date(source.published, lang)))
    if not (source.publisher or source.author or source.published):
        parts.append(f'<span class="anonymous">{escape(l10n.labels_for(lang)["anonymous"])}</span>')
    return Markup(", ".join(parts) + ".")


def _notes(brief: Brief, numbers: dict[str, int]) -> tuple[Note, ...]:
    made = []
    for source_id, number in sorted(numbers.items(), key=lambda item: item[1]):
        source = brief.source(source_id)
        assert source is not None  # B302/B303 guarantee it
        made.append(
            Note(
                number,
                source.id,
                _source_html(source, brief.meta.lang),
                source.url,
                qr_data_uri(source.url) if source.url else "",
                source.archived,
            )
        )
    return tuple(made)


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
