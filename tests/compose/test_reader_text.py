"""What is printed for readers is plain words in their language, never tool jargon (issue 11):
no finding codes, no tool name, no hashes, in the handout, the full brief, the EPUB and the HTML.
Codes stay in `brief check`, the build report and SARIF.
"""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from html import unescape
from pathlib import Path

import pytest

import brief
import brief.read.markup
from brief import BuildOptions, Layout
from brief.resources import asset_dir
from tests.conftest import EXAMPLE, require_tool

pytestmark = pytest.mark.slow  # builds outputs: left out of the quick loop (`pytest -m "not slow"`)

#: A finding or output code (F-conflict, Q-variant, O-pages, C-stale…), or a B-code.
CODE = re.compile(r"\b(?:[FQTSCO]-[a-z][a-z-]*|B\d{3})\b")
JARGON = re.compile(r"sha256|computed by brief|word for word against local copies", re.I)
LOCALES = sorted((asset_dir() / "locales").glob("*.json"))


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    return [value] if isinstance(value, str) else []


@pytest.mark.parametrize("catalogue", LOCALES, ids=lambda path: path.stem)
def test_no_catalogue_text_holds_a_code_or_jargon(catalogue: Path) -> None:
    data = json.loads(catalogue.read_text(encoding="utf-8"))
    for text in _strings(data):
        assert not CODE.search(text), f"{catalogue.name}: {text}"
        assert not JARGON.search(text), f"{catalogue.name}: {text}"
        assert "{code}" not in text, f"{catalogue.name}: {text}"
        tool_name = r"\bby brief\b" if catalogue.stem == "en" else r"\bbrief\b"
        assert not re.search(tool_name, text), f"{catalogue.name}: {text}"


def _visible_text(markup: str) -> str:
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S | re.I)
    markup = re.sub(r"<!--.*?-->", " ", markup, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", markup))


def _reader_texts(out: Path, name: str) -> dict[str, str]:
    pdftotext = require_tool("pdftotext")
    texts = {
        "pdf": subprocess.run(
            [pdftotext, "-layout", str(out / f"{name}.pdf"), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout,
        "html": _visible_text((out / f"{name}.html").read_text(encoding="utf-8")),
    }
    with zipfile.ZipFile(out / f"{name}.epub") as book:
        texts["epub"] = " ".join(
            _visible_text(book.read(item).decode("utf-8"))
            for item in book.namelist()
            if item.endswith((".xhtml", ".html"))
        )
    return texts


@pytest.mark.parametrize("layout", [Layout.HANDOUT, Layout.BRIEF])
def test_no_output_shows_readers_a_code_or_jargon(tmp_path: Path, layout: Layout) -> None:
    result = brief.build(EXAMPLE, BuildOptions(out_dir=tmp_path, layout=layout))
    assert not result.stopped
    assert any(CODE.search(str(finding)) for finding in result.report.findings)  # codes exist
    for fmt, text in _reader_texts(tmp_path, "thorn").items():
        assert not CODE.findall(text), (fmt, sorted(set(CODE.findall(text))))
        assert not JARGON.findall(text), (fmt, JARGON.findall(text))


def test_the_checked_box_says_how_quotes_were_checked_only_when_copies_exist(
    tmp_path: Path,
) -> None:
    fixture = Path(__file__).parents[1] / "analyse" / "fixtures" / "marrowby"
    for folder, name, says_found in ((EXAMPLE, "thorn", False), (fixture, "marrowby", True)):
        brief.build(folder, BuildOptions(out_dir=tmp_path, formats=("html",)))
        text = " ".join(_visible_text((tmp_path / f"{name}.html").read_text("utf-8")).split())
        assert ("found word for word in saved copies" in text) is says_found, text


def test_a_handout_lists_each_source_once_and_the_brief_layout_keeps_page_notes() -> None:
    from brief.analyse import analyse
    from brief.compose.assemble import ComposeOptions, compose
    from brief.compose.render import render_page

    report = brief.check(EXAMPLE)
    analysis = analyse(report.brief)
    for layout, footnotes in ((Layout.HANDOUT, False), (Layout.BRIEF, True)):
        document = compose(report.brief, analysis, ComposeOptions(layout=layout))
        html = render_page(document, "pdf")
        assert ('class="footnote"' in html) is footnotes, layout
        assert html.count('<li id="note-1"') == 1


def test_the_figures_the_key_points_cite_are_printed_large_with_their_caveat_marks(
    tmp_path: Path,
) -> None:
    from brief.analyse import analyse
    from brief.compose.assemble import MAX_CALLOUTS, ComposeOptions, compose

    report = brief.check(EXAMPLE)
    document = compose(report.brief, analyse(report.brief), ComposeOptions())
    cited = [
        ref.id
        for point in report.brief.key_points
        for ref in brief.read.markup.find_references(point.markdown)
        if ref.kind == "fig"
    ]
    assert [row.id for row in document.callouts] == list(dict.fromkeys(cited))[:MAX_CALLOUTS]
    assert document.callouts
    result = brief.build(EXAMPLE, BuildOptions(out_dir=tmp_path, formats=("html",)))
    assert not result.stopped
    html = (tmp_path / "thorn.html").read_text(encoding="utf-8")
    first = html.split('<li class="callout">', 1)[1].split("</li>", 1)[0]
    assert document.callouts[0].display in first
    if document.callouts[0].markers:
        assert 'class="marker"' in first  # a big number never hides its caveats


ONE_SOURCE = """\
brief: 1
meta: {{title: "One source", lang: {lang}, date: 2024-05-01}}
summary: "A summary [@only]."
figures:
  - {{id: helped, value: 300, counts: people helped, as_reported: "300 people", period: "2023",
     source: only, claimed_by: Alder Pantry}}
sources:
  - {{id: only, title: "Annual report", publisher: Alder Pantry, published: 2024-01-01}}
"""
#: What the "how this brief was checked" paragraph says of one source and one note, per language.
SINGULAR = {
    "en": ("Built from 1 source.", "1 note"),
    "es": ("Elaborado a partir de 1 fuente.", "1 nota"),
    "fr": ("Établi à partir de 1 source.", "1 remarque"),
    "de": ("Erstellt aus 1 Quelle.", "1 Hinweis"),
    "pt": ("Elaborado a partir de 1 fonte.", "1 nota"),
    "ar": ("من مصدر واحد", "ملاحظة واحدة"),
}


@pytest.mark.parametrize("lang", sorted(SINGULAR))
def test_counts_read_in_the_singular_when_there_is_one(lang: str, tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "brief.yaml").write_text(ONE_SOURCE.format(lang=lang), encoding="utf-8")
    report = brief.check(folder)
    assert [d.code for d in report.findings] == ["F-single-source"]  # one note
    brief.build(folder, BuildOptions(out_dir=tmp_path, formats=("html",)))
    page = _visible_text((tmp_path / "one.html").read_text(encoding="utf-8"))
    checked = " ".join(page.split())
    sources, note = SINGULAR[lang]
    assert sources in checked
    assert note in checked
