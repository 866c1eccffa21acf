"""HTML writer: Document → one self-contained page (inline CSS), for the web and for preview."""

from __future__ import annotations

from brief.document import Document
from brief.render import render_page


def write_html(document: Document) -> bytes:
    """Render the standalone page as UTF-8 bytes."""
    return render_page(document, "html").encode("utf-8")
