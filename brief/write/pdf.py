"""PDF writer (WeasyPrint): print HTML → tagged PDF/UA-1 bytes, fetching only what we allow.

In: the HTML from `render_page(document, "pdf")` and the brief's folder. Out: `PdfOutput` (bytes and
page count). WeasyPrint is imported here only, so `check`, `-f epub` and `-f html` never load it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from brief.errors import BriefError, Location, error
from brief.resources import asset_dir

MAX_DATA_URL = 200_000
MAX_RESOURCE_BYTES = 20_000_000
PDF_VARIANTS = {"ua-1": "pdf/ua-1", "a-3b": "pdf/a-3b", "a-3a": "pdf/a-3a"}


@dataclass(frozen=True)
class PdfOutput:
    data: bytes
    pages: int


def _fetcher_class() -> Any:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class SafeFetcher(URLFetcher):  # type: ignore[misc]
        """Serve files inside the allowed folders and small data: URLs; refuse everything else."""

        def __init__(self, roots: list[Path]) -> None:
            super().__init__(fail_on_errors=True, allowed_protocols={"file", "data"})
            self.roots = [root.resolve() for root in roots]
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme == "data" and len(url) <= MAX_DATA_URL:
                return super().fetch(url, headers)
            if parts.scheme == "file" and not parts.netloc:
                path = Path(unquote(parts.path)).resolve()
                inside = any(path.is_relative_to(root) for root in self.roots)
                if inside and path.is_file() and path.stat().st_size <= MAX_RESOURCE_BYTES:
                    return URLFetcherResponse(url, path.read_bytes())
            self.refused.append(url)
            raise ValueError(f"refused resource: {url}")

    return SafeFetcher


def write_pdf(
    html: str, folder: Path, title: str, variant: str = "ua-1", identifier: str = "brief"
) -> PdfOutput:
    """Lay out the print HTML and return the PDF's bytes; a refused resource fails the build."""
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = _fetcher_class()([folder, asset_dir()])
    try:
        document = HTML(
            string=html, base_url=folder.resolve().as_uri() + "/", url_fetcher=fetcher
        ).render(pdf_variant=PDF_VARIANTS[variant])
        data = document.write_pdf(
            pdf_variant=PDF_VARIANTS[variant],
            pdf_identifier=identifier.encode(),
            uncompressed_pdf=False,
        )
    except FatalURLFetchingError:
        refused = fetcher.refused[-1] if fetcher.refused else "a resource"
        raise BriefError(
            [
                error(
                    "B404",
                    f"refused or missing resource {refused[:120]}",
                    Location(title, 1, 1),
                    "images and fonts must be files inside the brief's folder",
                )
            ]
        ) from None
    if fetcher.refused:
        raise BriefError(
            [
                error(
                    "B404",
                    f"refused resource {fetcher.refused[0][:120]}",
                    Location(title, 1, 1),
                    "images and fonts must be files inside the brief's folder",
                )
            ]
        )
    return PdfOutput(data, len(document.pages))
