"""Quotations in an article and who said them.

In: the article's lines. Out: `Span`s (every passage inside quote marks, curly, straight,
guillemets or German „…“), then `Drafted` quotes: scare quotes of one or two words dropped,
a quote split around its attribution ("A," he said, "b.") joined with `…`, fragments inside
indirect speech kept as fragments, each with a speaker found by the attribution before it
(with a colon or comma), after it ("..., he said", "..., said X"), or by "according to X"; a
paragraph that only continues a quote keeps the speaker before it. Speakers are resolved by
`names.Cast` (pronouns to the last person or organisation of that kind, marked as guessed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from brief.draft.article import Article, Line
from brief.draft.names import Cast, Entity, Mention
from brief.draft.words.vocabulary import Words

#: Opening marks and the mark that closes each.
PAIRS = {"“": "”", '"': '"', "«": "»", "„": "“", "‘": "’"}
#: A quotation of at most this many words is a scare quote ("so-called “experts”"), not a quote.
SCARE_WORDS = 2
_SENTENCE_END = re.compile(r"[.!?]+[”\"»’]?(?=\s+[“\"«„¿¡(]?[^\W\d_]|\s*$)")
_DESCRIPTION = re.compile(
    r"^(?:(?:a|an|the|one|two|several|some|un|una|el|la|los|las)\s+)?[^\W\d_][\w’'\- ]{1,80}?"
    r"(?=\s*(?:,|\.|;|$| who\b| in a\b| on\b| to\b))",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Span:
    """A passage inside quote marks: offsets of its first and after its last character."""

    start: int  # after the opening mark
    end: int  # at the closing mark, or the end of the line when unclosed
    line: Line
    closed: bool


@dataclass(slots=True)
class Speaker:
    """Who said a quote: an entity, or the article's description of an unnamed speaker."""

    entity: Entity | None
    text: str
    guessed: bool = False


@dataclass(slots=True)
class Drafted:
    """A quotation proposed for the brief."""

    text: str
    line: Line
    start: int
    speaker: Speaker | None
    fragment: bool = False
    reviews: list[str] = field(default_factory=list)


def find_spans(line: Line) -> list[Span]:
    """Return every quoted passage of a line, in order (an unclosed one runs to the line's end)."""
    spans: list[Span] = []
    text, index = line.text, 0
    while index < len(text):
        mark = text[index]
        if mark in PAIRS and _opens(text, index):
            close = _closing(text, index + 1, PAIRS[mark])
            end = close if close >= 0 else len(text)
            spans.append(Span(line.start + index + 1, line.start + end, line, close >= 0))
            index = end + 1
        else:
            index += 1
    return spans


def _opens(text: str, index: int) -> bool:
    """A mark opens a quote at a line's start or after a space, dash or bracket, not in a word."""
    if text[index] == "‘" and index > 0 and text[index - 1].isalnum():
        return False
    return index == 0 or not text[index - 1].isalnum()


def _closing(text: str, start: int, mark: str) -> int:
    index = start
    while True:
        index = text.find(mark, index)
        if index < 0 or mark != "’":
            return index
        if index + 1 >= len(text) or not text[index + 1].isalpha():  # ’ in "it’s" is no close
            return index
        index += 1


def outside(article: Article, spans: list[Span]) -> list[tuple[int, str]]:
    """Return the article's text outside quotations as (offset, text) pieces, line by line."""
    pieces: list[tuple[int, str]] = []
    by_line: dict[int, list[Span]] = {}
    for span in spans:
        by_line.setdefault(span.line.number, []).append(span)
    for line in article.lines:
        cursor = line.start
        for span in by_line.get(line.number, []):
            pieces.append((cursor, article.text[cursor : span.start - 1]))
            cursor = span.end + 1
        pieces.append((cursor, article.text[cursor : line.start + len(line.text)]))
    return [(offset, text) for offset, text in pieces if text]


def masked(article: Article, line: Line, spans: list[Span]) -> str:
    """Return a line with every quoted passage's letters replaced by `x`, for finding sentences."""
    chars = list(line.text)
    for span in spans:
        for index in range(span.start - line.start, span.end - line.start):
            chars[index] = "x"
        inner = article.text[span.start : span.end].rstrip(" ,")
        if inner and inner[-1] in ".!?" and span.end - line.start - 1 >= 0:
            chars[span.end - line.start - 1] = "."
    return "".join(chars)


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence of a masked line."""
    bounds, start = [], 0
    for found in _SENTENCE_END.finditer(text):
        if re.search(
            r"\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|U\.S|Gov|Sen|Rep|No|vs|Inc|Co)\.$",
            text[: found.start() + 1],
        ):
            continue
        bounds.append((start, found.end()))
        start = found.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def speech_verb(text: str, words: Words) -> re.Match[str] | None:
    """Return the last speech verb (or "according to") in `text`."""
    pattern = _SPEECH.get(id(words))
    if pattern is None:
        options = sorted(words.speech | set(words.according), key=len, reverse=True)
        alternatives = "|".join(map(re.escape, options))
        pattern = re.compile(r"(?<![\w’'])(?:" + alternatives + r")(?![\w’'])", re.I)
        _SPEECH[id(words)] = pattern  # the Words tables live as long as the program
    found = list(pattern.finditer(text))
    return found[-1] if found else None


_SPEECH: dict[int, re.Pattern[str]] = {}


def speaker_in(cast: Cast, start: int, end: int, text: str, last: bool) -> Speaker | None:
    """Return the speaker named in the article's span [start, end): its last or first mention,
    else an unnamed speaker described there ("a spokeswoman for X")."""
    inside = cast.between(start, end)
    if inside:
        chosen = inside[-1] if last else inside[0]
        return _from_mention(chosen)
    described = _DESCRIPTION.match(text.strip(" ,"))
    if described and len(described[0].split()) <= 10 and described[0].strip():
        return Speaker(None, described[0].strip(), guessed=False)
    return None


def _from_mention(mention: Mention) -> Speaker | None:
    if mention.entity is None:
        return Speaker(None, mention.text, guessed=True)
    return Speaker(mention.entity, mention.entity.name, guessed=mention.guessed)
