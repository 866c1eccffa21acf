"""Source notes: sources numbered in order of first citation, and the notes they print as.

In: a `Brief` (and, for `source_notes`, the numbers a `Notes` gave its sources). Out: `NoteRef`s
and inline HTML for `read.markup` while the prose is rendered, then the document's `Note`s in
number order. Pure: reads no file.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from brief.compose import l10n
from brief.compose.document import Note
from brief.compose.qr import qr_data_uri
from brief.model import Brief, Source, Text
from brief.read.markup import Href, NoteRef, Pieces, render_pieces


class Notes:
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


def _source_html(source: Source, lang: str) -> Markup:
    parts = [f"<cite>{escape(source.title)}</cite>"]
    parts += [escape(part) for part in (source.author, source.publisher) if part]
    if source.published:
        parts.append(escape(l10n.format_partial_date(source.published, lang)))
    if not (source.publisher or source.author or source.published):
        parts.append(f'<span class="anonymous">{escape(l10n.labels_for(lang)["anonymous"])}</span>')
    return Markup(", ".join(parts) + ".")


def source_notes(brief: Brief, numbers: dict[str, int]) -> tuple[Note, ...]:
    """Return one note per numbered source, in number order."""
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
