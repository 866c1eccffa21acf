"""Large print (`--large-print`, issue 5): 16pt body text in the PDF and HTML, measured on the
laid-out pages; a large-print handout aims at four pages and says so when it needs more (O-pages).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import brief
from brief import BuildOptions, Layout, Paper
from brief.analyse import analyse
from brief.compose.assemble import ComposeOptions, compose
from brief.compose.render import render_page
from brief.write.pdf import layout_pdf
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.slow  # builds outputs: left out of the quick loop (`pytest -m "not slow"`)

PT = 4 / 3  # WeasyPrint computes font sizes in CSS pixels


def _text_sizes(box: object) -> Iterator[tuple[str, float]]:
    """Yield (text, font size in pt) for every line of text laid out under `box`."""
    text = getattr(box, "text", None)
    if isinstance(text, str) and text.strip():
        yield text, box.style["font_size"] / PT  # type: ignore[attr-defined]
    for child in getattr(box, "children", ()):
        yield from _text_sizes(child)


def _sizes(layout: Layout, large_print: bool) -> tuple[list[tuple[str, float]], int]:
    report = brief.check(EXAMPLE)
    analysis = analyse(report.brief)
    document = compose(report.brief, analysis, ComposeOptions(Paper.A4, layout, large_print))
    pages = layout_pdf(render_page(document, "pdf"), EXAMPLE, "brief.yaml").pages
    sizes = [item for page in pages for item in _text_sizes(page._page_box)]
    return sizes, len(pages)


@pytest.mark.parametrize("layout", [Layout.HANDOUT, Layout.BRIEF])
def test_large_print_sets_body_text_at_16pt_and_nothing_below_12pt(layout: Layout) -> None:
    sizes, _ = _sizes(layout, large_print=True)
    body = sorted(size for _, size in sizes)
    median = body[len(body) // 2]
    assert median >= 13.9, median
    assert max(size for _, size in sizes) >= 16
    small = [(text, size) for text, size in sizes if size < 12]
    assert small == []
    regular, _ = _sizes(layout, large_print=False)
    assert sorted(size for _, size in regular)[len(regular) // 2] < 11  # the option changes it


def test_large_print_summary_paragraphs_are_16pt() -> None:
    sizes, _ = _sizes(Layout.BRIEF, large_print=True)
    summary = [size for text, size in sizes if "nonprofit" in text]
    assert summary
    assert min(summary) >= 16


def test_large_print_handout_on_a4_fits_its_four_pages(tmp_path: Path) -> None:
    options = BuildOptions(out_dir=tmp_path, formats=("pdf",), paper=Paper.A4, large_print=True)
    result = brief.build(EXAMPLE, options)
    (pdf,) = result.outputs
    assert 2 < pdf.pages <= 4
    # What it changed to fit is said (O-fit), never done in silence; nothing else is reported.
    assert [notice.code for notice in result.notices] == (["O-fit"] if pdf.fit else [])


def test_a_large_print_handout_over_four_pages_is_built_with_a_warning(
    write_brief: Callable[[str], Path], tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    paragraph = "  A long paragraph written by a volunteer, " + "with many words " * 30 + "\n\n"
    folder = write_brief(
        "brief: 1\nmeta: {title: Long, lang: en, date: 2024-01-01, layout: handout}\n"
        "summary: |\n" + paragraph * 14
    )
    code, _, err = run_cli(
        "build", str(folder), "-o", str(tmp_path), "-f", "pdf", "--large-print", "--no-cache"
    )
    assert code == 0, err
    assert "warning O-pages: the large-print handout takes" in err
    assert "brief.yaml:2:" in err  # meta.layout, where the handout was asked for
    report = json.loads((tmp_path / "case.report.json").read_text(encoding="utf-8"))
    assert "O-pages" in [finding["code"] for finding in report["findings"]]
    assert report["outputs"][0]["pages"] > 4


def test_the_epub_is_the_same_with_or_without_large_print(tmp_path: Path) -> None:
    """Readers size ebook text themselves; the option changes only the PDF and HTML."""
    plain = brief.build(EXAMPLE, BuildOptions(out_dir=tmp_path / "a", formats=("epub", "html")))
    large = brief.build(
        EXAMPLE, BuildOptions(out_dir=tmp_path / "b", formats=("epub", "html"), large_print=True)
    )
    assert not plain.stopped
    assert not large.stopped
    assert (tmp_path / "a/thorn.epub").read_bytes() == (tmp_path / "b/thorn.epub").read_bytes()
    html = (tmp_path / "b/thorn.html").read_text(encoding="utf-8")
    assert 'class="target-html layout-handout' in html
    assert "large-print" in html
    assert "font-size: 16pt" in html
    assert "large-print" not in (tmp_path / "a/thorn.html").read_text(encoding="utf-8")


def test_right_to_left_pdf_builds_say_what_the_pdf_gets_wrong(
    tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    folder = tmp_path / "ar"
    folder.mkdir()
    source = Path(__file__).parents[1] / "cases" / "languages" / "ar.yaml"
    (folder / "brief.yaml").write_bytes(source.read_bytes())
    code, _, err = run_cli("build", str(folder), "-o", str(tmp_path / "out"), "--no-cache")
    assert code == 0, err
    assert "warning O-rtl: right-to-left PDF" in err
    assert "brief.yaml:5:" in err  # meta.lang
    code, _, err = run_cli("build", str(folder), "-o", str(tmp_path / "e"), "-f", "epub")
    assert "O-rtl" not in err  # the EPUB alone is fully right to left
    code, _, err = run_cli("build", str(EXAMPLE), "-o", str(tmp_path / "x"), "-f", "pdf")
    assert "O-rtl" not in err
