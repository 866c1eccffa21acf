"""Render stage, the ebook: Document → one XHTML document per section, each with its own
footnotes, links between sections and page-break markers matching the printed PDF (design.md §4).

In: a `Document` and the PDF's page map (which element starts each printed page). Out:
`EpubSection`s, handed to `write/epub.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from brief.compose.document import Document
from brief.compose.render import NOTEREF, environment

_HREF = re.compile(r'href="#([^"]+)"')
_ID = re.compile(r'\sid="([^"]+)"')
_OPENING_TAG_WITH_ID = re.compile(r'<([a-z0-9]+)\s[^>]*?\bid="([^"]+)"[^>]*>')
_CELL_OPENING = re.compile(r"<t[dh]\b[^>]*>")


@dataclass(frozen=True)
class EpubSection:
    """One XHTML document of the EPUB."""

    file: str
    title: str
    epub_type: str
    xhtml: str


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
    page-break marker, so the ebook's "page 2" is the paper's page 2 (issue 5).
    """
    parts = [part for part in _epub_parts(document) if str(part[3]).strip()]
    owner = {anchor: file for file, _, _, body in parts for anchor in _ID.findall(str(body))}
    return [_epub_section(document, part, owner, page_starts or {}) for part in parts]


def _epub_parts(document: Document) -> list[tuple[str, str, str, Markup]]:
    """Return each EPUB section's file, title, epub:type and body, in reading order."""
    module: Any = environment().get_template("sections.html.j2").module
    labels = document.labels
    quotes = [quote.id for quote in document.quotes]
    return [
        ("title.xhtml", document.title, "titlepage", module.masthead(document, "epub", None)),
        (
            "summary.xhtml",
            labels["summary"],
            "bodymatter chapter",
            module.summary(document, "epub", None),
        ),
        ("figures.xhtml", labels["figures"], "chapter", module.figures(document, "epub")),
        ("timeline.xhtml", labels["timeline"], "chapter", module.timeline(document)),
        ("quotes.xhtml", labels["quotes"], "chapter", module.quotes(document, quotes, "epub")),
        (
            "caveats.xhtml",
            labels["caveats"],
            "chapter",
            Markup(module.caveats(document)) + module.checked(document),
        ),
        (
            "sources.xhtml",
            labels["sources"],
            "backmatter bibliography",
            Markup(module.sources(document, "epub")) + module.contact(document),
        ),
    ]


def _epub_section(
    document: Document,
    part: tuple[str, str, str, Markup],
    owner: Mapping[str, str],
    page_starts: Mapping[str, int],
) -> EpubSection:
    """Render one section: links to other sections, its own notes, page-break markers."""
    file, title, epub_type, body = part
    text = str(body)
    cited = [] if file == "sources.xhtml" else sorted({int(n) for n in NOTEREF.findall(text)})
    local = set(_ID.findall(text))
    text = _HREF.sub(lambda m: _link(m.group(1), local, owner), text)
    backlinks: dict[int, str] = {}
    counter = iter(range(1, 10_000))
    text = NOTEREF.sub(lambda m: _epub_noteref(m, backlinks, counter), text)
    text = insert_page_breaks(text, page_starts)
    body_type, section_type, role = split_epub_type(epub_type)
    notes = {note.number: note for note in document.notes}
    xhtml = (
        environment()
        .get_template("epub/section.xhtml.j2")
        .render(
            doc=document,
            title=title,
            body_type=body_type,
            section_type=section_type,
            role=role,
            body=Markup(text),
            notes=[notes[number] for number in cited],
            backlinks=backlinks,
        )
    )
    return EpubSection(file, title, epub_type, xhtml)


def insert_page_breaks(xhtml: str, page_starts: Mapping[str, int]) -> str:
    """Put a page-break marker at each element whose id starts a printed page: before it, or
    inside it where nothing may stand between it and its parent (a list item; a table row, whose
    marker goes into its first cell)."""
    out, last = [], 0
    for match in _OPENING_TAG_WITH_ID.finditer(xhtml):
        page = page_starts.get(match.group(2))
        if page is None:
            continue
        marker = (
            f'<span epub:type="pagebreak" role="doc-pagebreak" id="page-{page}" '
            f'aria-label="{page}"></span>'
        )
        at = match.start()
        if match.group(1) == "li":
            at = match.end()
        elif match.group(1) == "tr":
            cell = _CELL_OPENING.search(xhtml, match.end())
            at = cell.end() if cell else match.start()
        out += [xhtml[last:at], marker]
        last = at
    return "".join([*out, xhtml[last:]])


def _link(anchor: str, local: set[str], owner: Mapping[str, str]) -> str:
    if anchor in local or anchor.startswith("note-") or anchor not in owner:
        return f'href="#{anchor}"'
    return f'href="{owner[anchor]}#{anchor}"'


def _epub_noteref(match: re.Match[str], backlinks: dict[int, str], counter: Iterator[int]) -> str:
    number = int(match.group(1))
    ref_id = f"ref-{number}-{next(counter)}"
    backlinks.setdefault(number, ref_id)
    return (
        f'<a class="noteref" id="{ref_id}" href="#note-{number}" role="doc-noteref" '
        f'epub:type="noteref">{number}</a>'
    )


#: Letters of the Arabic script (Arabic, Supplement, Extended-A, Presentation Forms A and B).
