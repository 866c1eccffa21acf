"""PDF writer (WeasyPrint): print HTML → tagged PDF/UA-1 bytes, fetching only what we allow.

In: the print page from `render_print(document, fit)` and the brief's folder. Out: `PdfOutput`
(bytes and page count). WeasyPrint is imported here only, so `check`, `-f epub` and `-f html`
never load it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from brief.compose.render import PrintPage
from brief.errors import BriefError, Location, error
from brief.options import DEFAULT_PDF_VARIANT, PDF_VARIANTS
from brief.resources import asset_dir

MAX_DATA_URL = 200_000
MAX_RESOURCE_BYTES = 20_000_000


FIT_LEVELS = 6
#: How many parsed stylesheets a renderer keeps (a brief's, its large-print one, a theme's...).
MAX_STYLES = 4


#: Checked bytes handed to the renderer, with their media type.
Resource = tuple[bytes, str]


@dataclass(frozen=True)
class PdfOutput:
    data: bytes
    pages: int
    fit: int = 0
    anchors: tuple[tuple[str, ...], ...] = ()  # the element ids that start on each page


def _fetcher_class() -> Any:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class SafeFetcher(URLFetcher):
        """Serve the brief's checked bytes by exact key, our own assets and small data: URLs.

        Nothing of the brief's folder is read here: its logo and fonts were checked when the source
        was loaded and are handed over as bytes (`provided`), under URLs of our own making.
        """

        def __init__(self, roots: list[Path], provided: Mapping[str, Resource]) -> None:
            super().__init__(fail_on_errors=True, allowed_protocols={"file", "data"})
            self.roots = [root.resolve() for root in roots]
            self.provided = provided
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url in self.provided:  # bytes checked when the source was loaded, and their
                data, media_type = self.provided[url]  # type, so WeasyPrint never guesses it
                return URLFetcherResponse(url, data, {"Content-Type": media_type})
            parts = urlsplit(url)
            if parts.scheme == "data" and len(url) <= MAX_DATA_URL:
                return super().fetch(url, headers)
            path = _file_url_path(url)
            if path and self.serves(path):
                kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})
            self.refused.append(url)
            raise ValueError(f"refused resource: {url}")

        def serves(self, path: Path) -> bool:
            inside = any(path.is_relative_to(root) for root in self.roots)
            return inside and path.is_file() and path.stat().st_size <= MAX_RESOURCE_BYTES

    return SafeFetcher


def _file_url_path(url: str) -> Path | None:
    """Return the resolved file a local file: URL names, read exactly as WeasyPrint reads a
    response's path again; None for any other URL and for one with a query or fragment.

    >>> str(_file_url_path("file:///opt/assets/fonts/a%20b.woff2"))
    '/opt/assets/fonts/a b.woff2'
    >>> _file_url_path("file:///opt/x.jpg#%2F..%2Fetc%2Fpasswd"), _file_url_path("file:///a?b")
    (None, None)
    """
    if not url.startswith("file:///") or "#" in url or "?" in url:
        return None
    return Path(url2pathname(url.removeprefix("file:"))).resolve()


@dataclass(frozen=True)
class PdfAttachment:
    """A file embedded in a PDF/A-3 (the source and its findings, so the file audits itself)."""

    name: str
    data: bytes
    description: str
    relationship: str
    when: dt.datetime


def _attachments(attachments: Sequence[PdfAttachment]) -> list[Any]:
    from weasyprint import Attachment

    return [
        Attachment(
            string=item.data,
            name=item.name,
            description=item.description,
            created=item.when,
            modified=item.when,
            relationship=item.relationship,
        )
        for item in attachments
    ]


def _refused(title: str, url: str) -> BriefError:
    return BriefError(
        [
            error(
                "B404",
                f"refused or missing resource {url[:120]}",
                Location(title, 1, 1),
                "images and fonts must be files inside the brief's folder",
            )
        ]
    )


class PdfRenderer:
    """Lays out print pages with WeasyPrint, keeping the stylesheets it parsed with their fonts.

    Parsing the stylesheet and loading its fonts is ~20 % of laying out a handout: with one
    renderer, every fit level of a build, and every build of a process that keeps it (`brief
    serve`, a batch worker), parses a stylesheet once. A kept stylesheet is taken out while in
    use, so two threads never share one, and is kept again only after a clean render.
    """

    def __init__(self, keep: int = MAX_STYLES) -> None:
        self.keep = keep
        self._styles: dict[tuple[str, ...], tuple[Any, Any, Any]] = {}

    def close(self) -> None:
        """Drop the kept stylesheets, and with them their fonts' temporary folders.

        Whoever makes a renderer closes it, at a moment of its choosing: a FontConfiguration
        removes its folder when deleted, which fails once the interpreter is tearing down, and
        a deletion left to the garbage collector may come in the middle of a time-limited build.
        """
        self._styles.clear()

    def layout(
        self,
        page: PrintPage | str,
        folder: Path,
        title: str,
        variant: str = DEFAULT_PDF_VARIANT,
        provided: Mapping[str, Resource] | None = None,
    ) -> Any:
        """Lay out a print page (or whole HTML with its own styles); a refused resource fails
        the build (B404)."""
        from weasyprint import HTML
        from weasyprint.urls import FatalURLFetchingError

        provided = provided or {}
        fetcher = _fetcher_class()([asset_dir()], provided)
        base_url = folder.resolve().as_uri() + "/"
        html, css_text = (page, None) if isinstance(page, str) else (page.html, page.css)
        key = _style_key(css_text or "", base_url, provided)
        try:
            styles = None
            if css_text is not None:
                styles = self._styles.pop(key, None) or _parse_styles(css_text, base_url, fetcher)
            document = HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
                pdf_variant=PDF_VARIANTS[variant], **_style_options(styles)
            )
        except FatalURLFetchingError:
            refused = fetcher.refused[-1] if fetcher.refused else "a resource"
            raise _refused(title, refused) from None
        if fetcher.refused:
            raise _refused(title, fetcher.refused[0])
        if styles is not None:
            self._keep(key, styles)  # only after a clean render: an interrupted one is not reused
        return document

    def _keep(self, key: tuple[str, ...], styles: tuple[Any, Any, Any]) -> None:
        if len(self._styles) >= self.keep:
            self._styles.clear()
        self._styles[key] = styles


def layout_pdf(
    page: PrintPage | str,
    folder: Path,
    title: str,
    variant: str = DEFAULT_PDF_VARIANT,
    provided: Mapping[str, Resource] | None = None,
) -> Any:
    """Lay out one print page with a renderer of its own (see `PdfRenderer.layout`)."""
    return PdfRenderer().layout(page, folder, title, variant, provided)


def _style_key(css_text: str, base_url: str, provided: Mapping[str, Resource]) -> tuple[str, ...]:
    return (
        hashlib.sha256(css_text.encode()).hexdigest(),
        base_url,
        *sorted(
            f"{name}:{hashlib.sha256(data).hexdigest()}" for name, (data, _) in provided.items()
        ),
    )


def _parse_styles(css_text: str, base_url: str, fetcher: Any) -> tuple[Any, Any, Any]:
    """Parse the print stylesheet and load its fonts."""
    from weasyprint import CSS
    from weasyprint.css.counters import CounterStyle
    from weasyprint.text.fonts import FontConfiguration

    font_config, counter_style = FontConfiguration(), CounterStyle()
    css = CSS(
        string=css_text,
        base_url=base_url,
        url_fetcher=fetcher,
        font_config=font_config,
        counter_style=counter_style,
    )
    return font_config, counter_style, css


def _style_options(styles: tuple[Any, Any, Any] | None) -> dict[str, Any]:
    if styles is None:
        return {}
    font_config, counter_style, css = styles
    return {"stylesheets": [css], "font_config": font_config, "counter_style": counter_style}


def headings_by_page(document: Any) -> list[tuple[str, int]]:
    """Return each bookmarked heading with the 1-based page it starts on."""
    found: list[tuple[str, int]] = []

    def walk(nodes: Any) -> None:
        for label, destination, children, *_ in nodes:  # (label, (page, x, y), children, state)
            found.append((label, destination[0] + 1))
            walk(children)

    walk(document.make_bookmark_tree())
    return found


def write_pdf(
    render: Callable[[int], PrintPage],
    folder: Path,
    title: str,
    variant: str = DEFAULT_PDF_VARIANT,
    identifier: str = "brief",
    max_pages: int | None = None,
    hard_limit: bool = True,
    provided: Mapping[str, Resource] | None = None,
    attachments: Sequence[PdfAttachment] = (),
    on_layout: Callable[[tuple[tuple[str, ...], ...]], None] = lambda anchors: None,
    renderer: PdfRenderer | None = None,
) -> PdfOutput:
    """Lay out and write the PDF; with `max_pages`, step down the fit levels until it fits.

    `render(level)` returns the print HTML at a fit level (0: as designed, 1 and 2: smaller type
    down to a 9 pt floor, 3: fewer quotes, 4: the timeline and quotes moved to the EPUB and HTML
    with a printed pointer, 5: the figures table cut to its key rows with a pointer). With
    `hard_limit` off, the last level is kept even when over. Every level is laid out by one
    `renderer` (without one, a renderer of its own, closed when done), so the stylesheet is
    parsed once.
    """
    using = renderer or PdfRenderer()
    try:
        document, level = _fitted(
            render, using, folder, title, variant, max_pages, hard_limit, provided
        )
    finally:
        if renderer is None:
            using.close()
    anchors = tuple(tuple(page.anchors) for page in document.pages)
    on_layout(anchors)  # the page map is known: other outputs may start now
    data = document.write_pdf(
        pdf_variant=PDF_VARIANTS[variant],
        pdf_identifier=identifier.encode(),
        attachments=_attachments(attachments),
    )
    return PdfOutput(data, len(document.pages), level, anchors)


def _fitted(
    render: Callable[[int], PrintPage],
    renderer: PdfRenderer,
    folder: Path,
    title: str,
    variant: str,
    max_pages: int | None,
    hard_limit: bool,
    provided: Mapping[str, Resource] | None,
) -> tuple[Any, int]:
    """Return the first laid-out document that fits, with its fit level (B501 if none does)."""
    levels = range(FIT_LEVELS) if max_pages else range(1)
    for level in levels:
        document = renderer.layout(render(level), folder, title, variant, provided)
        last = level == levels[-1]
        if not max_pages or len(document.pages) <= max_pages or (last and not hard_limit):
            return document, level
    over = [
        f"{label} (page {page})"
        for label, page in headings_by_page(document)
        if max_pages and page > max_pages
    ]
    raise BriefError(
        [
            error(
                "B501",
                f"the handout needs {len(document.pages)} pages, {max_pages} at most, even "
                "with tighter spacing, smaller type, the quotes and timeline moved to the "
                "ebook and the figures table cut to its key rows; over the limit: "
                f"{', '.join(over) or 'the last section'}",
                Location(title, 1, 1),
                "shorten the summary or key points, or build with --layout brief",
            )
        ]
    )
