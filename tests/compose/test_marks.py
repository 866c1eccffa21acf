"""compose/marks.py: one function prints a note reference, a link target and a page start, each
output its own way; the ebook's files link to each other and carry the printed page breaks
without anything reading our own HTML back (issue 14)."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

import pytest

from brief.analyse import analyse
from brief.compose.assemble import ComposeOptions, compose
from brief.compose.document import Document
from brief.compose.ebook import render_epub
from brief.compose.marks import Marks, MarkStyle
from brief.compose.render import render_page
from brief.model import Layout
from brief.read.load import load
from brief.read.markup import Href, NoteRef
from brief.read.validate import validate
from tests.conftest import EXAMPLE


@pytest.fixture(scope="module")
def document() -> Document:
    brief = validate(load(EXAMPLE))
    return compose(brief, analyse(brief), ComposeOptions())


class _Elements(HTMLParser):
    """The ids, links and page-break markers of a rendered page, in order."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.page_breaks: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("epub:type") == "pagebreak":
            self.page_breaks.append(str(found["id"]))
        elif found.get("id"):
            self.ids.append(str(found["id"]))
        if found.get("href"):
            self.hrefs.append(str(found["href"]))


def test_a_link_reference_points_to_the_sources_list(document: Document) -> None:
    marks = Marks(document, MarkStyle.LINK)
    expected = '<a class="noteref" href="#note-1" role="doc-noteref">1</a>'
    assert marks.noteref(1) == marks.noteref(1) == expected
    assert marks.noteref(None) == ""


def test_a_printed_footnote_is_printed_once_then_its_number_links_to_it(
    document: Document,
) -> None:
    marks = Marks(document, MarkStyle.FOOTNOTE)
    first, again = marks.noteref(1), marks.noteref(1)
    assert first.startswith('<span class="footnote" data-note="1">')
    assert document.notes[0].html in first
    assert again == '<a class="noteref" href="#note-1">1</a>'


def test_an_ebook_reference_can_be_linked_back_to_and_its_file_lists_its_notes(
    document: Document,
) -> None:
    marks = Marks(document, MarkStyle.EBOOK, "figures.xhtml")
    refs = [marks.noteref(number) for number in (2, 1, 2)]
    assert [ref.count('id="ref-') for ref in refs] == [1, 1, 1]
    assert marks.backlinks == {2: "ref-2-1", 1: "ref-1-2"}
    assert [note.number for note in marks.cited()] == [1, 2]


def test_an_ebook_link_names_the_file_that_holds_its_anchor(document: Document) -> None:
    owner = {"caveat-1": "caveats.xhtml", "lives": "figures.xhtml", "note-2": "sources.xhtml"}
    marks = Marks(document, MarkStyle.EBOOK, "figures.xhtml", owner)
    assert marks.href("caveat-1") == "caveats.xhtml#caveat-1"
    assert marks.href("lives") == "#lives"
    assert marks.href("note-2") == "#note-2"  # each file holds the notes it cites
    assert marks.href('a"b') == "#a&#34;b"


def test_prose_prints_its_references_through_the_marks(document: Document) -> None:
    owner = {"claim-a": "figures.xhtml"}
    marks = Marks(document, MarkStyle.EBOOK, "summary.xhtml", owner)
    html = marks.prose(("<p>Founded", NoteRef(1), ' <a href="', Href("claim-a"), '">x</a></p>'))
    assert 'href="figures.xhtml#claim-a"' in html
    assert 'id="ref-1-1"' in html


@pytest.mark.parametrize("layout", [Layout.HANDOUT, Layout.BRIEF])
def test_every_element_a_printed_page_may_start_at_gets_its_ebook_page_break(
    document: Document, layout: Layout
) -> None:
    """Whatever element starts a printed page, the ebook marks that page there: every id the
    print page writes is a possible page start."""
    printed = _Elements(render_page(dataclasses.replace(document, layout=layout), "pdf")).ids
    starts = {anchor: page for page, anchor in enumerate(printed, start=1)}
    sections = render_epub(document, starts)
    in_ebook = [a for s in sections for a in _Elements(_body(s.xhtml)).ids if a in starts]
    marked = [b for s in sections for b in _Elements(s.xhtml).page_breaks]
    assert in_ebook
    assert marked == [f"page-{starts[anchor]}" for anchor in in_ebook]
    assert [page for s in sections for page in s.pages] == [starts[a] for a in in_ebook]


def test_every_ebook_link_reaches_an_anchor_in_the_file_it_names(document: Document) -> None:
    sections = render_epub(document)
    ids = {s.file: set(_Elements(s.xhtml).ids) for s in sections}
    links = [(s.file, href) for s in sections for href in _Elements(s.xhtml).hrefs]
    inside = [(file, href) for file, href in links if "#" in href and "://" not in href]
    assert any(not href.startswith("#") for _, href in inside)  # some link crosses files
    for file, href in inside:
        target, _, anchor = href.partition("#")
        assert anchor in ids[target or file], (file, href)


def _body(xhtml: str) -> str:
    """The sections of an ebook file without its own notes (they are not printed pages)."""
    return xhtml.split('<section class="footnotes"')[0]


def test_a_page_break_marker_never_stands_between_a_table_row_or_list_item_and_its_parent(
    document: Document,
) -> None:
    row, event = document.figures[1].id, document.timeline[0].id
    sections = {s.file: s.xhtml for s in render_epub(document, {"figures": 1, row: 2, event: 3})}
    marker = '<span epub:type="pagebreak" role="doc-pagebreak" id="page-{0}" aria-label="{0}">'
    assert (
        marker.format(1) + '</span><section class="figures" id="figures"'
        in (sections["figures.xhtml"])
    )
    assert f'<tr id="{row}"><td class="number">' + marker.format(2) in sections["figures.xhtml"]
    assert f'<li id="{event}">' + marker.format(3) in sections["timeline.xhtml"]
    assert sections["figures.xhtml"].count('id="page-') == 2
