"""EPUB 3 writer (ebooklib): Document → EPUB bytes that pass epubcheck, byte-identical per source.

In: `Document` and its rendered sections. Out: bytes. One XHTML document per section, footnotes as
`<aside epub:type="footnote">`, nav with landmarks, toc.ncx, embedded fonts, a generated cover, a
stable `dc:identifier`, `dcterms:modified` from `meta.date`, EPUB Accessibility 1.1 metadata, and a
zip with fixed timestamps (design.md §4).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Mapping
from pathlib import Path

from ebooklib import epub

from brief.compose.document import Document
from brief.compose.ebook import EpubSection, render_epub
from brief.compose.render import ebook_faces, stylesheet, theme_font_name
from brief.resources import font_dir
from brief.write.cover import make_cover
from brief.write.fontsubset import subset_woff

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
#: Fonts are most of the bytes: level 1 deflates them several times faster than the default 6,
#: for a file a few percent larger.
ZIP_LEVEL = 1
#: Entries already compressed (WOFF fonts, PNG and JPEG images): stored as they are.
_COMPRESSED = (".woff", ".woff2", ".png", ".jpg", ".jpeg")
A11Y = (
    ("schema:accessMode", "textual"),
    ("schema:accessMode", "visual"),
    ("schema:accessModeSufficient", "textual"),
    ("schema:accessibilityFeature", "structuralNavigation"),
    ("schema:accessibilityFeature", "tableOfContents"),
    ("schema:accessibilityFeature", "readingOrder"),
    ("schema:accessibilityFeature", "alternativeText"),
    ("schema:accessibilityFeature", "displayTransformability"),
    ("schema:accessibilityHazard", "none"),
)


def _metadata(book: epub.EpubBook, document: Document) -> None:
    book.set_identifier(document.id)
    book.set_title(document.title)
    book.set_language(document.lang)
    book.set_direction(document.dir if document.dir == "rtl" else None)
    for index, author in enumerate(document.authors or (document.organization,)):
        if author:
            book.add_author(author, uid=f"creator-{index}")
    if document.organization:
        book.add_metadata("DC", "publisher", document.organization)
    if document.subtitle:
        book.add_metadata("DC", "description", document.subtitle)
    if document.license:
        book.add_metadata("DC", "rights", document.license)
    book.add_metadata("DC", "date", document.date_iso)
    for prop, value in A11Y:
        book.add_metadata(None, "meta", value, {"property": prop})
    book.add_metadata(
        None,
        "meta",
        "This brief is text with headings, a table of reported figures "
        "with header cells, footnotes linked both ways and a cover image described "
        "by its alternative text. It has no audio, video or flashing content.",
        {"property": "schema:accessibilitySummary"},
    )
    book.add_metadata(
        None,
        "meta",
        "EPUB Accessibility 1.1 - WCAG 2.1 Level AA",
        {"property": "dcterms:conformsTo"},
    )


def _modified(document: Document) -> dt.datetime:
    year, month, day = ([*map(int, document.date_iso.split("-")), 1, 1])[:3]
    return dt.datetime(year, month, day)


def build_book(document: Document, sections: list[EpubSection]) -> epub.EpubBook:
    """Assemble the ebooklib book: metadata, fonts, stylesheet, cover, sections, navigation."""
    book = epub.EpubBook()
    _metadata(book, document)
    for item in _style_and_fonts(document, sections):
        book.add_item(item)
    book.set_cover("cover.png", make_cover(document), create_page=False)
    for item in _pictures(document):
        book.add_item(item)
    items = [
        epub.EpubItem(
            uid=section.file.removesuffix(".xhtml"),
            file_name=section.file,
            media_type="application/xhtml+xml",
            content=section.xhtml.encode(),
        )
        for section in sections
    ]
    for item in items:
        book.add_item(item)
    _navigation(book, document, sections)
    nav = epub.EpubNav(title=document.labels["contents"])
    book.add_item(nav)
    book.spine = [*items, nav]
    return book


def _style_and_fonts(document: Document, sections: list[EpubSection]) -> list[epub.EpubItem]:
    """Return the stylesheet, the shipped faces subset to the book's text, and theme fonts."""
    faces = ebook_faces([document.title, *(section.xhtml for section in sections)])
    css = stylesheet(document, "epub", "fonts/", faces)
    made = [
        epub.EpubItem(
            uid="style", file_name="style.css", media_type="text/css", content=css.encode()
        )
    ]
    used = "".join([document.title, *document.labels.values(), *(s.xhtml for s in sections)])
    made += [
        epub.EpubItem(
            uid=f"font-{index}",
            file_name=f"fonts/{file}",
            media_type="font/woff",
            content=subset_woff(font_dir() / Path(file).with_suffix(".ttf").name, used),
        )
        for index, (_, file, _, _) in enumerate(faces)
    ]
    made += [
        epub.EpubItem(
            uid=f"theme-font-{role}",
            file_name=f"fonts/{theme_font_name(role, font.extension)}",
            media_type=font.media_type,
            content=font.data,
        )
        for role, font in sorted(document.theme_fonts.items())
    ]
    return made


def _pictures(document: Document) -> list[epub.EpubItem]:
    """Return the figures chart, the logo and the pictures (checked bytes) as files of the book."""
    made = []
    if document.chart:
        svg = document.chart.svg.encode("utf-8")
        made.append(
            epub.EpubItem(
                uid="figures-chart",
                file_name="images/figures-chart.svg",
                media_type="image/svg+xml",
                content=svg,
            )
        )
    if document.logo_file:
        logo = document.logo_file
        made.append(
            epub.EpubItem(
                uid="logo",
                file_name=document.logo_epub,
                media_type=logo.media_type,
                content=logo.data,
            )
        )
    made += [
        epub.EpubItem(
            uid=f"picture-{picture.id}",
            file_name=picture.epub,
            media_type=picture.file.media_type,
            content=picture.file.data,
        )
        for picture in document.pictures
    ]
    return made


def _navigation(book: epub.EpubBook, document: Document, sections: list[EpubSection]) -> None:
    """Set the table of contents, the guide and the NCX."""
    book.toc = [
        epub.Link(section.file, section.title, section.file.removesuffix(".xhtml"))
        for section in sections
    ]
    book.guide = [
        {
            "href": sections[1].file if len(sections) > 1 else sections[0].file,
            "title": document.labels["summary"],
            "type": "bodymatter",
        },
        {"href": "nav.xhtml", "title": document.labels["contents"], "type": "toc"},
    ]
    book.add_item(epub.EpubNcx())


def page_list_nav(sections: list[EpubSection], title: str) -> str:
    """Return a `page-list` nav pointing at every page-break marker, in reading order."""
    entries = [(section.file, page) for section in sections for page in section.pages]
    items = "".join(f'<li><a href="{file}#page-{page}">{page}</a></li>' for file, page in entries)
    return (
        f'<nav epub:type="page-list" id="page-list" hidden="">'
        f"<h2>{title}</h2><ol>{items}</ol></nav>"
    )


def repack(data: bytes, nav_extra: str = "", lang: str = "") -> bytes:
    """Rewrite the zip with fixed timestamps and the mimetype first, stored (OCF rules).

    With `lang`, the package element gets `xml:lang` (ebooklib writes only `dc:language`,
    and DAISY Ace asks for both).
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compresslevel=ZIP_LEVEL) as target:
        names = ["mimetype", *sorted(name for name in source.namelist() if name != "mimetype")]
        for name in names:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            stored = name == "mimetype" or name.endswith(_COMPRESSED)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            content = source.read(name)
            if nav_extra and name.endswith("/nav.xhtml"):
                content = content.replace(b"</body>", nav_extra.encode() + b"</body>", 1)
            if lang and name.endswith(".opf") and b"xml:lang=" not in content[:400]:
                content = content.replace(b"<package ", f'<package xml:lang="{lang}" '.encode(), 1)
            target.writestr(info, content)
    return out.getvalue()


def write_epub(document: Document, page_starts: Mapping[str, int] | None = None) -> bytes:
    """Render and package the EPUB; with `page_starts`, add the printed PDF's page list."""
    sections = render_epub(document, page_starts)
    book = build_book(document, sections)
    if page_starts:
        for feature in ("pageNavigation", "printPageNumbers"):
            book.add_metadata(None, "meta", feature, {"property": "schema:accessibilityFeature"})
        book.add_metadata(
            None,
            "meta",
            f"the PDF of this brief ({document.paper.value})",
            {"property": "pageBreakSource"},
        )
    buffer = io.BytesIO()
    epub.write_epub(
        buffer,
        book,
        {
            "mtime": _modified(document),
            "epub3_pages": False,
            "compresslevel": 0,  # repack() compresses once, below
            "landmark_title": document.labels["contents"],
        },
    )
    nav = page_list_nav(sections, document.labels["page"]) if page_starts else ""
    return repack(buffer.getvalue(), nav, document.lang)
