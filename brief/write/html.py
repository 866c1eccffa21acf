"""HTML writer: Document → one self-contained page (inline CSS and fonts), for the web and for
preview. The page shows the same shipped faces as the PDF and EPUB, each cut down to the
characters the page uses and embedded as a data: URL, so it looks the same on every computer."""

from __future__ import annotations

import base64
from pathlib import Path

from markupsafe import Markup

from brief.compose.document import Document
from brief.compose.render import HTML_FONTS, ebook_faces, font_css, render_page
from brief.resources import font_dir
from brief.write.fontsubset import subset_woff


def write_html(document: Document) -> bytes:
    """Render the standalone page as UTF-8 bytes, with its fonts."""
    page = render_page(document, "html")
    text = Markup(page).striptags()  # the characters a reader sees, for the font subsets
    faces = ebook_faces([text])
    urls = {
        file: "data:font/woff;base64,"
        + base64.b64encode(
            subset_woff(font_dir() / Path(file).with_suffix(".ttf").name, text)
        ).decode()
        for _, file, _, _ in faces
    }
    rules = "\n".join(
        font_css("", [(family, urls[file], weight, style)]) for family, file, weight, style in faces
    )
    return page.replace(HTML_FONTS, rules, 1).encode("utf-8")
