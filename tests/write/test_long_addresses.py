"""Long web addresses never run off the page or over each other (issue 11): the sources list breaks
them at `/ . - ? & =` (a host name only when it is wider than the line), and the caption under a
QR code is the short host name, the full address being printed in the list above it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

import brief
from brief import BuildOptions
from tests.conftest import require_tool

pytestmark = pytest.mark.slow  # builds outputs: left out of the quick loop (`pytest -m "not slow"`)

LONG = """\
brief: 1
meta:
  title: "Long addresses"
  lang: en
  date: 2024-05-01
  url: https://example.org/briefs/2024/a-very-long-path/with-many-segments/and-a-query?utm_source=newsletter&utm_medium=email&utm_campaign=spring-appeal-2024
summary: "A summary [@a] [@b] [@c]."
quotes:
  - {id: q1, text: "We have never seen so many families at the door.", speaker: Alex, source: a}
  - {id: q2, text: "The shelves were empty by noon.", speaker: Sam, source: b}
sources:
  - id: a
    title: "Report A"
    url: https://www.example-news-organisation.org/news/local/2024/05/01/food-bank-demand-rises-as-prices-climb-families-say-they-cannot-keep-up-with-rent-and-groceries-article-123456789.html
  - id: b
    title: "Report B"
    url: https://averyveryverylonghostnamethatgoesonandonforeverandeverandever.example.org/x
  - id: c
    title: "Report C"
    url: https://example.org/search?query=food+bank+demand&utm_source=newsletter&utm_medium=email&utm_campaign=spring
"""
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


def _pages(pdf: Path) -> list[tuple[float, list[tuple[float, float, float, float, str]]]]:
    boxes = subprocess.run(
        [require_tool("pdftotext"), "-bbox", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [
        (float(width), [(*map(float, word[:4]), word[4]) for word in _WORD.findall(body)])
        for width, _, body in _PAGE.findall(boxes)
    ]


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0.5 and height > 0.5 else 0.0


@pytest.mark.parametrize("large_print", [False, True], ids=["standard", "large-print"])
def test_long_addresses_stay_on_the_page_and_apart(tmp_path: Path, large_print: bool) -> None:
    folder = tmp_path / "long"
    folder.mkdir()
    (folder / "brief.yaml").write_text(LONG, encoding="utf-8")
    options = BuildOptions(out_dir=tmp_path, formats=("pdf",), large_print=large_print)
    brief.build(folder, options)
    for width, words in _pages(tmp_path / "long.pdf"):
        for word in words:
            assert word[2] <= width - 20, f"runs off the page: {word}"
        for index, word in enumerate(words):
            for other in words[index + 1 :]:
                assert not _overlap(word, other), f"{word} overlaps {other}"


def test_a_qr_caption_is_the_short_host_name(tmp_path: Path) -> None:
    folder = tmp_path / "long"
    folder.mkdir()
    (folder / "brief.yaml").write_text(LONG, encoding="utf-8")
    brief.build(folder, BuildOptions(out_dir=tmp_path, formats=("pdf",), keep_html=True))
    html = (tmp_path / "long.print.html").read_text(encoding="utf-8")
    captions = re.findall(r'<span class="qr[^"]*"><img [^>]*/>(.*?)</span>', html)
    assert captions[0].endswith("</strong> example.org")
    assert "1. example-news-organisation.org" in captions
