"""Write stage, all outputs: one composed Document → the bytes of every requested output.

In: a `Document` and a `WriteRequest` (formats, PDF variant and attachments, the output folder the
outputs will be published in). Out: the files by name and their descriptions (`Output`).

The PDF leads: it is laid out down its fit levels until it fits. As soon as its page map is known
(which element starts which page), the followers in WRITERS are written on a second thread while
WeasyPrint serialises the PDF: the EPUB maps its page list onto the printed pages, the HTML page
needs nothing from the PDF. Without a PDF the followers are written at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from brief.compose.document import Document
from brief.compose.render import (
    pdf_resources,
    printed_figures,
    printed_quotes,
    render_page,
    render_print,
)
from brief.model import Layout
from brief.options import DEFAULT_PDF_VARIANT, FORMATS
from brief.run.report import Output, describe_output, stage

if TYPE_CHECKING:
    from brief.write.pdf import PdfAttachment, PdfRenderer

#: A handout prints on at most two pages, on A4 and on Letter (docs/design.md §4).
HANDOUT_PAGES = 2
#: A large-print handout sets 16pt type where the handout sets 9–10pt: 2.5 times the area per
#: word. It may take two sheets printed on both sides.
LARGE_PRINT_HANDOUT_PAGES = 4

PageStarts = Mapping[str, int]  # an element id -> the printed page it starts


@dataclass(frozen=True)
class WriteRequest:
    """What to write: the formats, the PDF's variant and attachments, where it will be published."""

    name: str
    folder: Path
    source_path: str
    formats: tuple[str, ...] = FORMATS
    out_dir: Path = Path("dist")
    pdf_variant: str = DEFAULT_PDF_VARIANT
    attachments: Sequence[PdfAttachment] = ()
    keep_html: bool = False
    renderer: PdfRenderer | None = None  # a warm process's, to lay out with parsed stylesheets


@dataclass(frozen=True)
class Writer:
    """A format written from the composed document once the PDF's page map is known."""

    format: str
    write: Callable[[Document, PageStarts], bytes]


def _epub(document: Document, page_starts: PageStarts) -> bytes:
    from brief.write.epub import write_epub

    return write_epub(document, page_starts)


def _html(document: Document, page_starts: PageStarts) -> bytes:
    from brief.write.html import write_html

    return write_html(document)


#: The formats that follow the PDF, in the order they are written.
WRITERS = (Writer("epub", _epub), Writer("html", _html))


@dataclass
class _Written:
    """What the writers have produced so far (the followers write from a second thread)."""

    files: dict[str, bytes] = field(default_factory=dict)
    outputs: dict[str, Output] = field(default_factory=dict)
    failures: list[BaseException] = field(default_factory=list)
    threads: list[threading.Thread] = field(default_factory=list)


def write_all(
    document: Document, request: WriteRequest, timings: dict[str, float]
) -> tuple[dict[str, bytes], list[Output]]:
    """Write every requested format as bytes; return the files by name and their descriptions."""
    written = _Written()

    def follow(anchors: tuple[tuple[str, ...], ...]) -> None:
        thread = threading.Thread(
            target=_write_followers,
            args=(document, request, first_anchor_per_page(anchors), written, timings),
        )
        thread.start()
        written.threads.append(thread)

    if "pdf" in request.formats:
        _write_pdf(document, request, written, timings, follow)
    else:
        _write_followers(document, request, {}, written, timings)
    for thread in written.threads:
        thread.join()
    if written.failures:
        raise written.failures[0]
    return written.files, [written.outputs[fmt] for fmt in FORMATS if fmt in written.outputs]


def _write_followers(
    document: Document,
    request: WriteRequest,
    page_starts: PageStarts,
    written: _Written,
    timings: dict[str, float],
) -> None:
    try:
        for writer in WRITERS:
            if writer.format in request.formats:
                with stage(writer.format, timings):
                    data = writer.write(document, page_starts)
                name = f"{request.name}.{writer.format}"
                written.files[name] = data
                path = str(request.out_dir / name)
                written.outputs[writer.format] = describe_output(writer.format, path, data)
    except BaseException as caught:  # re-raised on the calling thread by write_all
        written.failures.append(caught)


def _write_pdf(
    document: Document,
    request: WriteRequest,
    written: _Written,
    timings: dict[str, float],
    on_layout: Callable[[tuple[tuple[str, ...], ...]], None],
) -> None:
    from brief.write.pdf import write_pdf

    with stage("pdf", timings):
        pdf = write_pdf(
            lambda fit: render_print(document, fit),
            request.folder,
            request.source_path,
            request.pdf_variant,
            document.id,
            max_pages=page_limit(document),
            hard_limit=not document.large_print,
            provided=pdf_resources(document),
            attachments=request.attachments,
            on_layout=on_layout,
            renderer=request.renderer,
        )
    name = f"{request.name}.pdf"
    written.files[name] = pdf.data
    quotes = len(printed_quotes(document, "pdf", pdf.fit))
    figures = len(printed_figures(document, "pdf", pdf.fit))
    path = str(request.out_dir / name)
    written.outputs["pdf"] = describe_output(
        "pdf", path, pdf.data, pdf.pages, pdf.fit, quotes, figures
    )
    if request.keep_html:
        html = render_page(document, "pdf", pdf.fit)
        written.files[f"{request.name}.print.html"] = html.encode("utf-8")


def page_limit(document: Document) -> int | None:
    """Return the most pages the PDF may take: a handout's limit, or None for a full brief."""
    if document.layout is not Layout.HANDOUT:
        return None
    return LARGE_PRINT_HANDOUT_PAGES if document.large_print else HANDOUT_PAGES


def first_anchor_per_page(anchors: tuple[tuple[str, ...], ...]) -> dict[str, int]:
    """Map the first element id on each printed page to that page's number (for the EPUB)."""
    starts: dict[str, int] = {}
    for number, ids in enumerate(anchors, start=1):
        usable = [i for i in ids if not i.startswith(("note-", "ref-")) and i not in starts]
        if usable:
            starts[usable[0]] = number
    return starts
