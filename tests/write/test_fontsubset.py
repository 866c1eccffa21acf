"""EPUB fonts are subset to the characters the ebook uses (issue 11): small, and still complete."""

from __future__ import annotations

import io
import re
import zipfile
from html import unescape
from pathlib import Path

from fontTools.ttLib import TTFont

import brief
from brief import BuildOptions
from brief.resources import font_dir
from brief.write.fontsubset import ALWAYS, subset_woff
from tests.conftest import EXAMPLE

MAX_EXAMPLE_EPUB = 300_000


def _epub(tmp_path: Path, folder: Path = EXAMPLE) -> Path:
    result = brief.build(folder, BuildOptions(out_dir=tmp_path, formats=("epub",)))
    assert not result.stopped
    return Path(result.outputs[0].path)


def test_the_examples_epub_is_under_300_kb(tmp_path: Path) -> None:
    size = _epub(tmp_path).stat().st_size
    assert size < MAX_EXAMPLE_EPUB, f"{size:,} bytes"


def test_every_character_of_the_ebook_is_in_its_body_font(tmp_path: Path) -> None:
    with zipfile.ZipFile(_epub(tmp_path)) as book:
        text = "".join(
            unescape(re.sub(r"<[^>]+>", "", book.read(name).decode("utf-8")))
            for name in book.namelist()
            if name.endswith(".xhtml")
        )
        regular = next(name for name in book.namelist() if name.endswith("Serif-Regular.woff"))
        cmap = TTFont(io.BytesIO(book.read(regular))).getBestCmap()
    missing = {char for char in text if not char.isspace() and ord(char) not in cmap}
    assert not missing, sorted(missing)
    assert len(cmap) < 400  # a subset, not the whole face (thousands of characters)


def test_a_subset_is_the_same_bytes_for_the_same_text_and_keeps_the_basics() -> None:
    font = font_dir() / "NotoSans-Regular.ttf"
    first = subset_woff(font, "Ünïcödé “quotes” — 1,234")
    assert first == subset_woff(font, "—1,234 Ünïcödé “quotes”")  # order does not matter
    cmap = TTFont(io.BytesIO(first)).getBestCmap()
    whole = TTFont(font).getBestCmap()
    wanted = [char for char in "Ünïcödé“”—" + ALWAYS if char.isprintable() and ord(char) in whole]
    assert len(wanted) > 100
    assert [char for char in wanted if ord(char) not in cmap] == []
    assert first[:4] == b"wOFF"


def test_the_html_page_embeds_the_shipped_faces_subset_to_its_text(tmp_path: Path) -> None:
    result = brief.build(EXAMPLE, BuildOptions(out_dir=tmp_path, formats=("html",)))
    html = Path(result.outputs[0].path).read_text(encoding="utf-8")
    faces = re.findall(r'font-family: "(Brief [A-Za-z]+)"; src: url\("data:font/woff;base64,', html)
    assert set(faces) == {"Brief Serif", "Brief Sans"}  # no Arabic text, no Arabic face
    assert "Georgia" not in html
    assert len(html.encode()) < 250_000
