"""Every QR code on a printed page is small (issue 11): a quote whose source has an address gets a
small code beside it, never one as wide as the page that pushes the handout down its fit levels.

Measured on WeasyPrint's laid-out boxes, in every layout, both papers and large print.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import brief
from brief import Layout, Paper
from brief.analyse import analyse
from brief.compose.assemble import ComposeOptions, compose
from brief.compose.render import render_page
from brief.write.pdf import layout_pdf
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.slow  # builds outputs: left out of the quick loop (`pytest -m "not slow"`)

MM = 96 / 25.4  # WeasyPrint lays out in CSS pixels
MAX_QR_MM = 25


def _with_quote_urls(tmp_path: Path) -> Path:
    """The example, with addresses on the sources its quotes come from."""
    folder = tmp_path / "thorn-urls"
    shutil.copytree(EXAMPLE, folder)
    source = folder / "brief.yaml"
    text = source.read_text(encoding="utf-8")
    for source_id in ("article", "cbs-48-hours", "people-magazine"):
        text = text.replace(
            f"  - id: {source_id}\n",
            f"  - id: {source_id}\n    url: https://news.example.org/{source_id}/story\n",
        )
    source.write_text(text, encoding="utf-8")
    return folder


def _qr_boxes(box: object, inside_qr: bool = False) -> Iterator[object]:
    """Yield every laid-out image box that is a QR code (its class or an ancestor's says qr)."""
    element = getattr(box, "element", None)
    classes = (element.get("class") or "").split() if element is not None else []
    inside_qr = inside_qr or any("qr" in name.split("-") for name in classes)
    if getattr(box, "element_tag", "") == "img" and inside_qr:
        yield box
    for child in getattr(box, "children", ()):
        yield from _qr_boxes(child, inside_qr)


def _qr_widths(folder: Path, paper: Paper, layout: Layout, large: bool) -> list[float]:
    report = brief.check(folder)
    document = compose(report.brief, analyse(report.brief), ComposeOptions(paper, layout, large))
    html = render_page(document, "pdf")
    assert 'class="quote-qr"' in html, "the quotes must carry QR codes for this test to mean much"
    pages = layout_pdf(html, folder, "brief.yaml").pages
    widths = []
    for page in pages:
        for box in _qr_boxes(page._page_box):
            widths.append(box.width / MM)  # type: ignore[attr-defined]
    return widths


@pytest.mark.parametrize(
    ("paper", "layout", "large"),
    [
        (Paper.A4, Layout.HANDOUT, False),
        (Paper.LETTER, Layout.HANDOUT, False),
        (Paper.A4, Layout.BRIEF, False),
        (Paper.A4, Layout.HANDOUT, True),
    ],
)
def test_no_qr_code_is_wider_than_25mm(
    tmp_path: Path, paper: Paper, layout: Layout, large: bool
) -> None:
    widths = _qr_widths(_with_quote_urls(tmp_path), paper, layout, large)
    assert widths, "no QR code was laid out"
    assert max(widths) <= MAX_QR_MM, f"QR codes {sorted(round(w) for w in widths)} mm wide"


def test_quote_addresses_keep_the_timeline_and_quotes_in_the_handout(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = brief.build(
        _with_quote_urls(tmp_path), brief.BuildOptions(formats=("pdf",), out_dir=out)
    )
    assert not result.stopped
    (pdf,) = [item for item in result.outputs if item.format == "pdf"]
    # With page-wide codes the handout fell to level 4 (timeline and quotes moved to the ebook);
    # small codes cost a row of codes, and whatever the handout leaves out is said (O-fit).
    assert pdf.fit < 4, f"the handout fell to fit level {pdf.fit}: the timeline was moved"
    assert pdf.quotes_shown
    left_out = pdf.quotes_shown < len(result.report.brief.quotes)
    assert left_out == any(notice.code == "O-fit" for notice in result.notices)
