"""Render stage, marks: what one rendered page or ebook file prints for a note reference, an
in-document link and the start of a printed page (design.md §4).

In: a `Document`, the style of the output and, for an ebook file, its name, which file holds each
anchor and which printed page each anchor starts. Out: HTML for the templates. One `Marks` serves
one rendering; it remembers the notes cited so far (a printed footnote is printed once, an ebook
file lists its own notes).

- `LINK` (the web page, the handout): a reference links to the sources list.
- `FOOTNOTE` (the brief layout's PDF): a source's first reference is its page footnote
  (`float: footnote`); a later one prints its number and links to the sources list.
- `EBOOK` (one EPUB file): a reference links to the note at the end of its file and can be linked
  back to; a link to an anchor in another file names that file; a page-break marker stands where
  each printed page starts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum

from markupsafe import Markup, escape

from brief.compose.document import Document, Note
from brief.compose.urls import without_scheme
from brief.read.markup import Href, NoteRef, Pieces


class MarkStyle(Enum):
    LINK = "link"
    FOOTNOTE = "footnote"
    EBOOK = "ebook"


class Marks:
    """Note references, link targets and page starts for one rendering."""

    def __init__(
        self,
        document: Document,
        style: MarkStyle = MarkStyle.LINK,
        file: str = "",
        owner: Mapping[str, str] | None = None,
        page_starts: Mapping[str, int] | None = None,
    ) -> None:
        self.notes = {note.number: note for note in document.notes}
        self.style, self.file = style, file
        self.owner = owner or {}
        self.page_starts = page_starts or {}
        self.anchors: list[str] = []  # the anchors written, in order
        self.backlinks: dict[int, str] = {}  # a note's first reference, to link back to
        self.references = 0

    def noteref(self, number: int | None) -> Markup:
        """Return the reference to source note `number` (nothing for no note)."""
        if not number:
            return Markup("")
        first = number not in self.backlinks
        self.references += 1
        ref_id = f"ref-{number}-{self.references}"
        self.backlinks.setdefault(number, ref_id)
        if self.style is MarkStyle.EBOOK:
            return Markup(
                f'<a class="noteref" id="{ref_id}" href="#note-{number}" role="doc-noteref" '
                f'epub:type="noteref">{number}</a>'
            )
        if self.style is MarkStyle.FOOTNOTE and first:
            return _footnote(self.notes[number])
        role = "" if self.style is MarkStyle.FOOTNOTE else ' role="doc-noteref"'
        return Markup(f'<a class="noteref" href="#note-{number}"{role}>{number}</a>')

    def href(self, anchor: str) -> Markup:
        """Return the `href` value of a link to `anchor`, in this file or the one that holds it."""
        where = self.owner.get(anchor, self.file)
        if anchor.startswith("note-") or where == self.file:
            return escape(f"#{anchor}")
        return escape(f"{where}#{anchor}")

    def prose(self, pieces: Pieces) -> Markup:
        """Return rendered text with its note references and link targets printed."""
        return Markup("").join(self._piece(piece) for piece in pieces)

    def _piece(self, piece: str | NoteRef | Href) -> Markup:
        if isinstance(piece, NoteRef):
            return self.noteref(piece.number)
        if isinstance(piece, Href):
            return self.href(piece.anchor)
        return Markup(piece)  # compose's safe HTML

    def start(self, anchor: str) -> Markup:
        """Note `anchor` as written in this file; return the page-break marker for it when a
        printed page starts there. The template puts the call where a marker may stand: before
        the element, or at the start of a list item's or a table row's first cell."""
        self.anchors.append(anchor)
        page = self.page_starts.get(anchor)
        if page is None:
            return Markup("")
        return Markup(
            f'<span epub:type="pagebreak" role="doc-pagebreak" id="page-{page}" '
            f'aria-label="{page}"></span>'
        )

    def cited(self) -> list[Note]:
        """Return the notes referenced so far, by number."""
        return [self.notes[number] for number in sorted(self.backlinks)]

    def pages(self) -> list[int]:
        """Return the printed pages whose break markers were written, in order."""
        return [self.page_starts[a] for a in self.anchors if a in self.page_starts]


def _footnote(note: Note) -> Markup:
    url = f" {without_scheme(note.url)}" if note.url else ""
    return Markup(
        f'<span class="footnote" data-note="{note.number}">{note.html}{escape(url)}</span>'
    )


def owners(files: Iterable[tuple[str, Marks]]) -> dict[str, str]:
    """Return which file holds each anchor, from the marks of a first rendering of every file."""
    return {anchor: file for file, marks in files for anchor in marks.anchors}
