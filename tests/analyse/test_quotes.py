"""Quotes: versions that differ (Q-variant), quotes passed on (Q-secondhand), and verification
against local source copies (Q-unverified), including a fixture article (fixtures/README.md)."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import brief
from brief import BuildOptions
from brief.analyse import Finding, analyse
from brief.analyse.locate import locate_quote, normalise
from brief.analyse.quotes import candidate_pairs, terminal_diff, word_diff, words
from brief.read.load import load
from brief.read.validate import validate

ROOT = Path(__file__).parents[2]
#: A brief on a fictional news article written for these tests (fixtures/README.md).
FIXTURE = Path(__file__).parent / "fixtures" / "marrowby"
ARTICLE = FIXTURE / "article.txt"
HEAD = "brief: 1\nmeta: {title: Q, lang: en, date: 2024-01-01}\n"
PEOPLE = "people:\n  - {id: ashton, name: Ashton Kutcher}\n"
SOURCES = "sources:\n  - {id: s, title: Report, publisher: P}\n"


def quote(quote_id: str, text: str, speaker: str = "ashton", **fields: str) -> str:
    """Return one quote as a YAML list item."""
    extra = "".join(f", {key}: {value}" for key, value in fields.items())
    return (
        f"  - {{id: {quote_id}, text: {json.dumps(text)}, speaker: {speaker}, source: s{extra}}}\n"
    )


@pytest.fixture
def variants(write_brief: Callable[[str], Path]) -> Callable[[str], list[Finding]]:
    """Return the Q-variant findings of a brief holding the given quotes."""

    def run(quotes: str) -> list[Finding]:
        source = validate(load(write_brief(HEAD + PEOPLE + "quotes:\n" + quotes + SOURCES)))
        found = [f for f in analyse(source).findings if f.code == "Q-variant"]
        assert all(isinstance(f, Finding) for f in found)
        return found  # type: ignore[return-value]

    return run


# ── Q-variant ───────────────────────────────────────────────────────────────────────────


def test_two_wordings_of_one_remark_are_a_variant_with_a_word_diff(
    variants: Callable[[str], list[Finding]],
) -> None:
    (finding,) = variants(
        quote("a", "That's my day job, and I'm not backing down from it")
        + quote("b", "That’s my day job, and I’m sticking to it.", speaker='"Ashton Kutcher"')
    )
    assert finding.subjects == ("a", "b")
    assert finding.kind == "near-identical"
    assert ("-", "not backing down from") in finding.diff
    assert ("+", "sticking to") in finding.diff
    assert "[-not backing down from-] {+sticking to+}" in finding.message


def test_one_story_retold_in_other_words_is_a_variant(
    variants: Callable[[str], list[Finding]],
) -> None:
    (finding,) = variants(
        quote(
            "a", "They told us about a 7-year-old girl who had been subjected to abuse for years."
        )
        + quote(
            "b",
            "They told us a 7-year-old girl was being sexually abused, and that content was "
            "being circulated on the dark web.",
        )
    )
    assert finding.kind == "retold"


@pytest.mark.parametrize(
    ("first", "second", "speaker"),
    [
        ("That's my day job.", "That’s my day job!", "ashton"),  # same words
        ("That's my day job, and I'm sticking to it.", "That's my day job, I'm sticking.", "demi"),
        (
            "We were the last line of defense — an actor and his foundation.",
            "We were the last line of defense … his foundation.",  # a cut, not a version
            "ashton",
        ),
        (
            "I’m here today to defend the right to pursue happiness.",
            "But the right to pursue happiness for so many is stripped away.",
            "ashton",
        ),
    ],
)
def test_no_variant_for_near_misses(
    variants: Callable[[str], list[Finding]], first: str, second: str, speaker: str
) -> None:
    assert variants(quote("a", first) + quote("b", second, speaker=speaker)) == []


def test_only_quotes_sharing_word_pairs_are_compared() -> None:
    texts = [words("we build tools for kids"), words("we build tools for all"), words("no match")]
    assert candidate_pairs(texts) == [(0, 1)]


def test_word_diff_ignores_case_punctuation_and_quote_styles() -> None:
    diff = word_diff("I'm not backing down from it", "i’m sticking to it.")
    assert diff == (("=", "I'm"), ("-", "not backing down from"), ("+", "sticking to"), ("=", "it"))
    assert terminal_diff(diff) == "I'm [-not backing down from-] {+sticking to+} it"


def test_a_quote_through_an_intermediary_is_second_hand(
    write_brief: Callable[[str], Path],
) -> None:
    text = HEAD + "quotes:\n" + quote("a", "Hello.", speaker="x", via="tv") + SOURCES
    text += "  - {id: tv, title: TV interview, publisher: C}\n"
    (finding,) = [
        f for f in analyse(validate(load(write_brief(text)))).findings if f.code == "Q-secondhand"
    ]
    assert finding.message == "“Hello.” reaches us second-hand, through TV interview"


# ── Q-unverified: matching rules ────────────────────────────────────────────────────────

SPEECH = (
    "“We were the last line of defense—an actor and his foundation, potentially the final "
    "line of defense. That’s my day job, and I’m sticking to it.”"
)


@pytest.mark.parametrize(
    "text",
    [
        "we were the last line of defense",  # case
        "We were the last line of defense - an actor",  # dash and the spaces around it
        "We were the last line of defense — an actor",
        "We were the last line of defense … potentially the final line of defense",  # a gap
        "We were the last line of defense... the final line of defense.",
        "We   were the\nlast line of defense",  # whitespace
        "\u201cWe were the last line of defense\u201d",  # curly quotes around
        "That's my day job, and I'm sticking to it.",  # straight for curly
        "That’s my day job, and [I am] sticking to it.",  # an editor's insertion is a gap
    ],
)
def test_quotes_are_found_after_normalising(text: str) -> None:
    assert locate_quote(text, SPEECH) is not None


@pytest.mark.parametrize(
    "text",
    [
        "final line … We were",  # a gap keeps the order of its pieces
        "last line of defence",  # another spelling is another word
        "e last line",  # words are matched whole
        "I’m sticking with it",
    ],
)
def test_quotes_not_in_the_text_are_not_found(text: str) -> None:
    assert locate_quote(text, SPEECH) is None


def test_a_match_gives_offsets_in_the_original_text() -> None:
    where = locate_quote("line of defense … final line", SPEECH)
    assert where is not None
    start, end = where
    assert (
        SPEECH[start:end]
        == "line of defense—an actor and his foundation, potentially the final line"
    )
    assert normalise("İstanbul").offsets[:3] == (0, 0, 1)  # one character lowering to two


# ── Q-unverified: a news article ────────────────────────────────────────────────────────

ARTICLE_QUOTES = [
    # straight marks and spaced hyphens for the article's curly apostrophe and spaced em dashes
    (
        "river",
        "I've been on this river for 31 years - my father before me - and nobody from the "
        "council has set foot in my yard,",
    ),
    ("generation", "the most important thing this council will do in a generation."),
    ("school", "They told us the water had reached the school gates and was still rising."),
    (
        "cut",
        "I received a call at four in the morning from the fire service … it would not happen "
        "again.",
    ),
    ("split", "We have waited long enough … The water will not wait for us"),  # over its speaker
    ("door", "what we have built on paper is a door, not a wall"),  # case
    ("statement", "It’s the same barrier it was in 2021, built to a safer standard."),  # ’ for '
    ("nested", "People have asked me for one thing, over and over: ‘keep the water out.’"),
]


def _article_brief(write_brief: Callable[[str], Path], quotes: list[tuple[str, str]]) -> Path:
    items = "".join(quote(quote_id, text, speaker="Okafor") for quote_id, text in quotes)
    sources = "sources:\n  - {id: s, title: Article, publisher: P, text: article.txt}\n"
    folder = write_brief(HEAD + "quotes:\n" + items + sources)
    shutil.copy(ARTICLE, folder / "article.txt")
    return folder


def test_quotes_from_an_article_are_verified_with_selectors(
    write_brief: Callable[[str], Path],
) -> None:
    report = brief.check(_article_brief(write_brief, ARTICLE_QUOTES))
    assert [f for f in report.findings if f.code == "Q-unverified"] == []
    article = ARTICLE.read_text(encoding="utf-8").replace("\r\n", "\n")
    digest = hashlib.sha256(article.encode("utf-8")).hexdigest()
    matches = report.analysis.matches
    assert [match.quote for match in matches] == [quote_id for quote_id, _ in ARTICLE_QUOTES]
    for match in matches:
        assert match.sha256 == digest
        assert article[match.start - len(match.prefix) : match.end + len(match.suffix)] == (
            match.prefix + match.exact + match.suffix
        )
        assert len(match.prefix) == 32 or match.start < 32
    exact = {match.quote: match.exact for match in matches}
    assert exact["river"] == (  # the article's own marks, and the comma the quote ends with
        "I’ve been on this river for 31 years — my father before me — and nobody from the "
        "council has set foot in my yard,"
    )
    assert exact["generation"].endswith("generation.")
    assert exact["door"].startswith("What we have built")
    assert exact["split"] == (
        "We have waited long enough,” Okafor told a packed public gallery before the vote. "
        "“The water will not wait for us"
    )
    assert exact["statement"] == "It's the same barrier it was in 2021, built to a safer standard."
    assert exact["cut"].startswith("I received a call")
    assert exact["cut"].endswith("it would not happen again.")


def test_a_misquote_of_the_article_is_an_error_showing_the_closest_passage(
    write_brief: Callable[[str], Path],
) -> None:
    misquote = [("job", "That is the job, and we intend to complete it.")]
    report = brief.check(_article_brief(write_brief, misquote))
    (finding,) = [f for f in report.findings if f.code == "Q-unverified"]
    assert isinstance(finding, Finding)
    assert finding.subjects == ("job",)
    assert "[-finish-] {+complete+}" in finding.message
    assert ("-", "finish") in finding.diff
    assert ("+", "complete") in finding.diff
    assert finding.location is not None
    assert finding.location.path.endswith("brief.yaml")
    assert finding.location.line == 4
    assert report.fails()


def test_every_fixture_quote_citing_the_article_is_found_in_it(tmp_path: Path) -> None:
    folder = tmp_path / "marrowby"
    shutil.copytree(FIXTURE, folder)
    result = brief.build(folder, BuildOptions(out_dir=tmp_path / "dist", formats=("html",)))
    assert not result.stopped
    assert [f for f in result.report.findings if f.code == "Q-unverified"] == []
    cited = [q for q in result.report.brief.quotes if q.source == "article"]
    assert 0 < len(cited) < len(result.report.brief.quotes)  # one quote has no local copy
    matches = result.report.analysis.matches
    assert [m.quote for m in matches if m.kind == "quote"] == [q.id for q in cited]
    report = json.loads((tmp_path / "dist" / "marrowby.report.json").read_text())
    assert len(report["quotes"]) == len(cited)
    assert {entry["selector"]["type"] for entry in report["quotes"]} == {"TextQuoteSelector"}
