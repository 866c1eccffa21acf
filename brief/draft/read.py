"""Read the input of `brief draft`: a plain-text file, an HTML page saved from a browser, or a PDF.

In: a path. Out: an `Article` (the local copy's text, its lines with locators, and the metadata
the page gives: title, author, date, site, address). The input is untrusted: it is read through
`files.read_capped` (a regular file, at most MAX_INPUT_BYTES), the HTML is parsed offline by
trafilatura (no address is ever fetched), a PDF by pypdf with at most MAX_PDF_PAGES pages, and
the text kept is at most MAX_TEXT_CHARS. Anything unreadable is a B415 naming the file.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from brief.draft.article import Article, split_lines
from brief.errors import BriefError, Location, error
from brief.read.files import CONTROL, display_path, read_capped

#: The largest input file read (a saved news page with its scripts is 0.2 to 3 MB).
MAX_INPUT_BYTES = 20_000_000
#: The most pages of a PDF read: a long report, not a book.
MAX_PDF_PAGES = 300
#: The most characters of text kept: the local copy must stay below a brief's include limit.
MAX_TEXT_CHARS = 2_000_000
_SPACES = re.compile(r"[ \t\u00a0]+")
_DATE = re.compile(r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")


def read_article(path: Path) -> Article:
    """Read `path` as text, HTML or PDF (by its first bytes, then its name) into an Article."""
    at = Location(display_path(path))
    try:
        raw = read_capped(path, MAX_INPUT_BYTES, at)
    except BriefError as caught:  # the same errors, with a hint for an input file
        hint = "give the article's file: a .txt, .html or .pdf"
        raise BriefError(replace(d, hint=hint) for d in caught.diagnostics) from None
    if raw.lstrip()[:5] == b"%PDF-":
        return _pdf(raw, at)
    head = raw[:2048].lstrip().lower()
    if path.suffix.lower() in (".html", ".htm", ".xhtml") or head.startswith(
        (b"<!doctype html", b"<html", b"<?xml")
    ):
        return _html(raw, at)
    return _plain(raw, at)


def refused(at: Location, message: str, hint: str) -> BriefError:
    """Return the error for an input that cannot be drafted from (B415)."""
    return BriefError([error("B415", message, at, hint)])


def _decode(raw: bytes, at: Location) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise refused(at, "the file is neither UTF-8 text, HTML nor a PDF", "save it as UTF-8 text")


def clean(text: str) -> str:
    """Return `text` as the local copy holds it: one paragraph a line, no control characters,
    runs of spaces made one, at most MAX_TEXT_CHARS characters."""
    text = CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n"))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    kept = "\n".join(line for line in lines if line)
    return kept[:MAX_TEXT_CHARS].rstrip() + "\n"


def _plain(raw: bytes, at: Location) -> Article:
    if b"\x00" in raw[:8192]:
        raise refused(at, "the file is binary, not text, HTML or PDF", "give a .txt, .html or .pdf")
    text = clean(_decode(raw, at))
    lines = text.split("\n")
    title = lines[0] if len(lines) > 1 and _heading(lines[0]) else ""
    byline = next((line for line in lines[1:4] if _BYLINE.match(line)), "")
    author = _BYLINE.sub("", byline).strip() if byline else ""
    return _article(text, "text", at, title=_one_line(title), author=_one_line(author))


_BYLINE = re.compile(r"^(?:by|por|par|von|de)\s+(?=\S)", re.I)


def _heading(line: str) -> bool:
    """Tell whether a plain text's first line is its title: short, with no closing stop."""
    return 0 < len(line) <= 200 and not line.rstrip().endswith((".", "!", "?", "”", '"', "»"))


def _article(text: str, kind: str, at: Location, **meta: str) -> Article:
    if not text.strip():
        raise refused(at, "no text found in the file", "give the article as text, HTML or PDF")
    return Article(text, split_lines(text), kind, **meta)  # type: ignore[arg-type]  # str fields only


def _html(raw: bytes, at: Location) -> Article:
    import trafilatura

    page = _decode(raw, at)
    try:
        found = trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as caught:  # a hostile page must give an error, not a traceback
        raise refused(at, f"the HTML page cannot be read ({type(caught).__name__})", "") from None
    if found is None:
        raise refused(at, "no article text found in the HTML page", "save the article's page")
    data = found.as_dict() if hasattr(found, "as_dict") else dict(found)
    text = clean(str(data.get("text") or ""))
    date = _DATE.match(str(data.get("date") or ""))
    return _article(
        text,
        "html",
        at,
        title=_one_line(data.get("title")),
        author=_one_line(data.get("author")),
        published=date[0] if date else "",
        site=_one_line(data.get("sitename")),
        url=_one_line(data.get("url")),
    )


def _one_line(value: object) -> str:
    return _SPACES.sub(" ", CONTROL.sub(" ", str(value or "")).replace("\n", " ")).strip()[:300]


def _pdf(raw: bytes, at: Location) -> Article:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted:
            raise refused(at, "the PDF is encrypted", "save an unencrypted copy of the report")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise refused(
                at, f"the PDF has more than {MAX_PDF_PAGES} pages", "give the pages reported on"
            )
        texts = _page_texts(reader.pages)
        info: Mapping[str, object] = reader.metadata or {}
        meta = {"title": info.get("/Title"), "author": info.get("/Author")}
    except BriefError:
        raise
    except Exception as caught:  # pypdf raises many kinds on a broken or hostile file
        raise refused(at, f"the PDF cannot be read ({type(caught).__name__})", "") from None
    return _pdf_article(texts, meta, at)


def _page_texts(pages: Any) -> list[str]:
    """Return each page's text, stopping once MAX_TEXT_CHARS are read (later pages are left)."""
    texts: list[str] = []
    size = 0
    for page in pages:
        if size > MAX_TEXT_CHARS:
            break
        texts.append(page.extract_text() or "")
        size += len(texts[-1])
    return texts


def _pdf_article(texts: list[str], meta: dict[str, object], at: Location) -> Article:
    pages: list[int] = []
    parts: list[str] = []
    size = 0
    for text in texts:
        page = clean(text) if text.strip() else ""
        pages.append(size)
        parts.append(page)
        size += len(page)
    text = "".join(parts)[:MAX_TEXT_CHARS]
    if not text.strip():
        raise refused(at, "no text found in the PDF (a scan?)", "give a PDF with a text layer")
    lines = split_lines(text, tuple(pages))
    return Article(
        text, lines, "pdf", title=_one_line(meta["title"]), author=_one_line(meta["author"])
    )
