"""Draft the article's quotations with their speakers (the rules are in `quotes`' docstring).

In: an `Article`, its quoted `Span`s and its `Cast`. Out: `Drafted` quotes in reading order.
"""

from __future__ import annotations

from dataclasses import dataclass

from brief.draft.article import Article, Line
from brief.draft.names import Cast
from brief.draft.quotes import (
    SCARE_WORDS,
    Drafted,
    Span,
    Speaker,
    masked,
    sentence_bounds,
    speaker_in,
    speech_verb,
)
from brief.draft.words.vocabulary import Words

#: A sentence of at most this many words right after a quotation may be its attribution.
SHORT_WORDS = 10
#: Auxiliary verbs that may stand between a quotation and an inverted speech verb.
_AUXILIARIES = frozenset(["a", "ha", "hat", "has", "had", "have", "est", "ont", "hatte", "habe"])
#: The most words between a quotation and the speech verb after it ("..., the minister said").
MAX_SUBJECT_WORDS = 8


@dataclass(frozen=True, slots=True)
class _Around:
    """The text around a quotation inside its sentence, as article offsets and masked text."""

    before: str
    before_at: int
    after: str
    after_at: int
    next_at: int  # where the next quotation of the sentence opens, or -1


def draft_quotes(article: Article, spans: list[Span], cast: Cast) -> list[Drafted]:
    """Return the quotations of the article, each with its speaker and review notes."""
    drafted: list[Drafted] = []
    by_line: dict[int, list[Span]] = {}
    for span in spans:
        by_line.setdefault(span.line.number, []).append(span)
    for line in article.lines:
        line_spans = by_line.get(line.number, [])
        text = masked(article, line, line_spans)
        skip: set[int] = set()
        for index, span in enumerate(line_spans):
            if index in skip:
                continue
            around = _around(text, line, line_spans, index)
            quote = _one(article, span, around, cast, drafted)
            if quote is None:
                continue
            joined = _join_split(article, quote, around, line_spans, index)
            if joined:
                skip.add(index + 1)
            drafted.append(quote)
    return drafted


def _around(text: str, line: Line, spans: list[Span], index: int) -> _Around:
    span = spans[index]
    opening, closing = span.start - line.start - 1, span.end - line.start + 1
    bounds = sentence_bounds(text)
    first = next((s for s, e in bounds if s <= max(opening, 0) < e), 0)
    last = next((e for s, e in bounds if s <= min(closing - 1, len(text) - 1) < e), len(text))
    if last <= closing:  # '“Is it over?” Smith asked.': a short next sentence may attribute it
        following_sentence = next(((s, e) for s, e in bounds if s >= closing), None)
        if following_sentence and len(text[slice(*following_sentence)].split()) <= SHORT_WORDS:
            last = following_sentence[1]
    previous = spans[index - 1].end - line.start + 1 if index else 0
    following = spans[index + 1].start - line.start - 1 if index + 1 < len(spans) else -1
    begin = max(first, previous if previous <= opening else 0)
    stop = following if 0 <= following < last else last
    return _Around(
        text[begin : max(opening, begin)],
        line.start + begin,
        text[closing:stop] if closing <= stop else "",
        line.start + closing,
        line.start + following if 0 <= following < last else -1,
    )


def _one(
    article: Article, span: Span, around: _Around, cast: Cast, drafted: list[Drafted]
) -> Drafted | None:
    text = article.text[span.start : span.end].strip()
    if len(text.split()) <= SCARE_WORDS or not any(ch.isalpha() for ch in text):
        return None
    if is_title(text, cast.words):
        return None
    text = text.rstrip(",").rstrip()
    lead = around.before.rstrip()
    fragment = text[:1].islower() and not lead.endswith((":", ","))
    quote = Drafted(text, span.line, span.start, None, fragment)
    speaker = _after(around, cast) or _before(around, cast)
    if speaker is None and drafted and not lead and _follows(span, drafted[-1]):
        speaker = drafted[-1].speaker
        if speaker is not None:
            quote.reviews.append("continues the quotation before it: same speaker assumed")
    quote.speaker = speaker
    if speaker is None:
        quote.reviews.append("speaker not found: name who said this")
    elif speaker.guessed and speaker.entity is None:
        quote.reviews.append(f"speaker “{speaker.text}”: whom it stands for was not found")
    elif speaker.guessed:
        quote.reviews.append(f"speaker read from a pronoun or a short name as {speaker.text}")
    if fragment:
        quote.reviews.append("a fragment inside indirect speech, kept as it is")
    return quote


def _follows(span: Span, last: Drafted) -> bool:
    """A quotation opening its paragraph, or its sentence right after a quotation of the same
    paragraph, continues the speaker before it."""
    at_start = span.start - 1 == span.line.start
    return (at_start and last.line.number >= span.line.number - 1) or (last.line is span.line)


def is_title(text: str, words: Words) -> bool:
    """Tell whether quoted words are a title ("Supporting Syria and the Region Conference"):
    every word capitalised but the little ones, and no sentence mark at the end."""
    parts = text.rstrip(",").split()
    if text.rstrip()[-1:] in ".!?" or len(parts) > 12:
        return False
    small = words.connectors | {"a", "an", "to", "in", "on", "at", "by", "with", "from"}
    return all(part[:1].isupper() or part.lower() in small for part in parts)


def _after(around: _Around, cast: Cast) -> Speaker | None:
    """Read "..., he said", "..., said X" and "..., according to X" after a quotation."""
    after = around.after
    words: Words = cast.words
    verb = speech_verb(after, words)
    if verb is None or len(after[: verb.start()].split()) > MAX_SUBJECT_WORDS:
        return None
    head = after[: verb.start()].strip(" ,—–-")
    if all(word.lower() in _AUXILIARIES for word in head.split()):
        head = ""  # "…», a déclaré X", "…", ha dicho X": the verb comes first
    if head and verb[0].lower() not in words.according:
        start = around.after_at + after.index(head)
        return speaker_in(cast, start, start + len(head), head, last=True)
    rest_at = around.after_at + verb.end()
    rest = after[verb.end() :]
    end = rest_at + len(rest)
    return speaker_in(cast, rest_at, end, rest, last=False)


def _before(around: _Around, cast: Cast) -> Speaker | None:
    """Read "X said:", "He added," and "according to X, ..." before a quotation."""
    before = around.before
    if not before.strip():
        return None
    verb = speech_verb(before, cast.words)
    if verb is not None and verb[0].lower() in cast.words.according:
        rest = before[verb.end() :]
        return speaker_in(
            cast, around.before_at + verb.end(), around.before_at + len(before), rest, last=False
        )
    if verb is None and not before.rstrip().endswith((":", ",")):
        return None
    stop = verb.start() if verb is not None else len(before)
    found = cast.between(around.before_at, around.before_at + stop)
    if found:
        return speaker_in(cast, found[-1].start, found[-1].end, found[-1].text, last=True)
    return None


def _join_split(
    article: Article, quote: Drafted, around: _Around, spans: list[Span], index: int
) -> bool:
    """Join "A," he said, "b." into one quotation "A … b." when the attribution parts it."""
    if around.next_at < 0 or index + 1 >= len(spans) or quote.speaker is None:
        return False
    raw = article.text[spans[index].start : spans[index].end].rstrip()
    if not raw.endswith(",") or not around.after.rstrip().endswith(","):
        return False
    second = article.text[spans[index + 1].start : spans[index + 1].end].strip()
    quote.text = f"{quote.text} … {second.rstrip(',').rstrip()}"
    return True
