"""Quote verification against local source copies (Q-unverified) and quote diffs (Q-variant)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

import brief
from brief import BuildOptions
from brief.analyse.quotes import locate_quote, word_diff
from tests.conftest import ARTICLE, EXAMPLE


@pytest.fixture
def example_with_article(tmp_path: Path) -> Path:
    """The example brief with the seed article as the local copy of its `article` source."""
    assert ARTICLE.is_file(), f"{ARTICLE} is missing: the shared seed must sit beside the project"
    folder = tmp_path / "thorn"
    shutil.copytree(EXAMPLE, folder)
    shutil.copy(ARTICLE, folder / "article.txt")
    source = folder / "brief.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace("  - id: article\n", "  - id: article\n    text: article.txt\n"),
        encoding="utf-8",
    )
    return folder


def test_every_example_quote_is_found_in_the_article(
    example_with_article: Path, tmp_path: Path
) -> None:
    result = brief.build(
        example_with_article, BuildOptions(out_dir=tmp_path / "dist", formats=("html",))
    )
    assert not [f for f in result.report.findings if f.code == "Q-unverified"]
    report = json.loads((tmp_path / "dist" / "thorn.report.json").read_text())
    digest = hashlib.sha256(ARTICLE.read_bytes().replace(b"\r\n", b"\n")).hexdigest()
    article_quotes = [q for q in result.report.brief.quotes if q.source == "article"]
    assert len(report["quotes"]) == len(article_quotes)
    article = ARTICLE.read_text(encoding="utf-8")
    for entry in report["quotes"]:
        selector = entry["selector"]
        assert entry["source_sha256"] == digest
        assert selector["prefix"] + selector["exact"] + selector["suffix"] in article
    html = (tmp_path / "dist" / "thorn.html").read_text()
    assert f"sha256 {digest[:16]}" in html  # the "How this brief was checked" box


def test_a_misquoted_sentence_is_an_error_showing_the_closest_passage(
    example_with_article: Path,
) -> None:
    source = example_with_article / "brief.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace("I’m sticking to it.", "I’m sticking with it."), encoding="utf-8"
    )
    report = brief.check(example_with_article)
    (finding,) = [f for f in report.findings if f.code == "Q-unverified"]
    assert finding.subjects == ("day-job-sticking",)
    assert "[-to-]" in finding.message or "{+with+}" in finding.message
    assert finding.location.path.endswith("brief.yaml")
    assert report.fails()


@pytest.mark.parametrize(
    "quote",
    [
        "we were the last line of defense",  # case
        "We were the last line of defense - an actor",  # dash variants
        "We were the last line of defense … potentially the final line of defense",  # gap
        "We   were the\nlast line of defense",  # whitespace
        "\u201cWe were the last line of defense\u201d",  # curly quotes around
    ],
)
def test_quotes_match_after_normalising(quote: str) -> None:
    source = (
        "“We were the last line of defense—an actor and his foundation, potentially the "
        "final line of defense.”"
    )
    assert locate_quote(quote, source) is not None


def test_a_gap_must_keep_the_order_of_the_pieces() -> None:
    assert locate_quote("final line … We were", "We were here. The final line.") is None


def test_word_diff_marks_removed_and_added_words() -> None:
    assert word_diff("I'm not backing down from it", "I'm sticking to it") == (
        ("=", "I'm"),
        ("-", "not backing down from"),
        ("+", "sticking to"),
        ("=", "it"),
    )
