"""Render stage, the ebook: Document → one XHTML document per section, each with its own
footnotes, links between sections and page-break markers matching the printed PDF (design.md §4).

In: a `Document` and the PDF's page map (which element starts each printed page). Out:
`EpubSection`s, handed to `write/epub.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from brief.compose.document import Document
from brief.compose.marks import Marks, MarkStyle, owners
from brief.compose.render import environment


@dataclass(frozen=True)
class EpubSection:
    """One XHTML document of the EPUB."""

    file: str
    title: str
    epub_type: str
    xhtml: str
    pages: tuple[int, ...] = ()  # the printed pages whose break markers it holds, in order


#: DPUB-ARIA roles for the EPUB structural semantics we use; a type with an ARIA equivalent is
#: given with its role on a <section> (DAISY Ace rule epub-type-has-matching-role), while the
#: book divisions without one (bodymatter, backmatter, titlepage) stay on <body>.
_ROLES = {"chapter": "doc-chapter", "bibliography": "doc-bibliography"}


def split_epub_type(epub_type: str) -> tuple[str, str, str]:
    """Return (body type, section type, section role) for a section's `epub:type` words.

    >>> split_epub_type("backmatter bibliography")
    ('backmatter', 'bibliography', 'doc-bibliography')
    """
    words = epub_type.split()
    semantic = [word for word in words if word in _ROLES]
    body = " ".join(word for word in words if word not in _ROLES)
    section = " ".join(semantic)
    return body, section, " ".join(_ROLES[word] for word in semantic)


def render_epub(
    document: Document, page_starts: Mapping[str, int] | None = None
) -> list[EpubSection]:
    """Render one XHTML document per section, each with its own footnotes (design.md §4).

    `page_starts` maps an element id to the printed PDF page that starts there; each gets a
    page-break marker, so the ebook's "page 2" is the paper's page 2 (issue 5). A first rendering
    learns which file holds each anchor, so that links between files name their file.
    """
    rendered = [
        (part, *_render_body(document, part, Marks(document, MarkStyle.EBOOK, part.file)))
        for part in EPUB_PARTS
    ]
    owner = owners((part.file, marks) for part, _, marks in rendered)
    kept = [part for part, body, _ in rendered if body.strip()]
    return [_epub_section(document, part, owner, page_starts or {}) for part in kept]


@dataclass(frozen=True)
class EpubPart:
    """One file of the EPUB: its name, its title's label, its `epub:type` and its sections."""

    file: str
    label: str
    epub_type: str
    render: Callable[[Any, Document], Markup]


#: The EPUB's files in reading order, each rendered from the shared sections' macros.
EPUB_PARTS = (
    EpubPart("title.xhtml", "", "titlepage", lambda m, d: m.masthead(d, "epub", None)),
    EpubPart(
        "summary.xhtml", "summary", "bodymatter chapter", lambda m, d: m.summary(d, "epub", None)
    ),
    EpubPart("figures.xhtml", "figures", "chapter", lambda m, d: m.figures(d, "epub")),
    EpubPart("timeline.xhtml", "timeline", "chapter", lambda m, d: m.timeline(d)),
    EpubPart(
        "quotes.xhtml",
        "quotes",
        "chapter",
        lambda m, d: m.quotes(d, [quote.id for quote in d.quotes], "epub"),
    ),
    EpubPart(
        "caveats.xhtml", "caveats", "chapter", lambda m, d: Markup(m.caveats(d)) + m.checked(d)
    ),
    EpubPart(
        "sources.xhtml",
        "sources",
        "backmatter bibliography",
        lambda m, d: Markup(m.sources(d, "epub")) + m.contact(d),
    ),
)


def _render_body(document: Document, part: EpubPart, marks: Marks) -> tuple[str, Marks]:
    """Render one file's sections with its marks (the shared macros print through them)."""
    module = environment().get_template("sections.html.j2").make_module({"marks": marks})
    return str(part.render(module, document)), marks


def _epub_section(
    document: Document,
    part: EpubPart,
    owner: Mapping[str, str],
    page_starts: Mapping[str, int],
) -> EpubSection:
    """Render one section: links to other sections, its own notes, page-break markers."""
    marks = Marks(document, MarkStyle.EBOOK, part.file, owner, page_starts)
    body, _ = _render_body(document, part, marks)
    title = document.labels[part.label] if part.label else document.title
    body_type, section_type, role = split_epub_type(part.epub_type)
    xhtml = (
        environment()
        .get_template("epub/section.xhtml.j2")
        .render(
            doc=document,
            title=title,
            body_type=body_type,
            section_type=section_type,
            role=role,
            body=Markup(body),
            notes=[] if part.file == "sources.xhtml" else marks.cited(),
            backlinks=marks.backlinks,
        )
    )
    return EpubSection(part.file, title, part.epub_type, xhtml, tuple(marks.pages()))
