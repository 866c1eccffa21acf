"""Q-unverified: every quote citing a source with a local text copy must be found in that copy.

In: a `Brief` (with `brief.texts`, the local copies). Out: findings for quotes not found (with
the closest passage as a word diff), and a `QuoteMatch` (a W3C TextQuoteSelector plus the copy's
sha256) for every quote found. Matching ignores case, quote styles, dashes, whitespace; `…`,
`...` and `[…]` in a quote are gaps whose pieces must appear in order (docs/findings.md).
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass

from brief.analyse import Finding, QuoteMatch, per_brief
from brief.analyse.quotes import GAP, QUOTE_MARKS, terminal_diff, word_diff, words
from brief.dates import PartialDate
from brief.errors import Diagnostic, Severity
from brief.model import Brief, Quote, Source

#: Characters of context kept on each side of a verified quote (TextQuoteSelector prefix/suffix).
CONTEXT = 32
_EDGES = " .,;:!?'\"-"
_MARKS = str.maketrans(QUOTE_MARKS)


@dataclass(frozen=True)
class Normalised:
    """A text in matching form, and for each of its characters the offset in the original."""

    text: str
    offsets: tuple[int, ...]


def normalise(text: str) -> Normalised:
    """Return `text` lower-cased, quotes and dashes unified, whitespace runs as one space.

    Spaces next to a dash are dropped, so "defense — an actor" matches "defense—an actor".

    >>> normalise("Defense —  an “Actor”").text
    'defense-an "actor"'
    """
    out: list[str] = []
    offsets: list[int] = []
    pending_space = False
    for index, char in enumerate(text.translate(_MARKS)):
        if char.isspace():
            pending_space = bool(out)
            continue
        if pending_space and char != "-" and out[-1] != "-":
            out.append(" ")
            offsets.append(index - 1)
        pending_space = False
        for lowered in char.lower():  # one character may lower to two ("İ")
            out.append(lowered)
            offsets.append(index)
    return Normalised("".join(out), tuple(offsets))


def _find_word(haystack: str, needle: str, start: int) -> int:
    """Return where `needle` occurs in `haystack` from `start`, not inside a longer word."""
    at = haystack.find(needle, start)
    while at >= 0:
        before = haystack[at - 1] if at else " "
        after = haystack[at + len(needle) : at + len(needle) + 1] or " "
        if not (needle[0].isalnum() and before.isalnum()) and not (
            needle[-1].isalnum() and after.isalnum()
        ):
            return at
        at = haystack.find(needle, at + 1)
    return -1


#: The most characters one `…` may stand for (about a paragraph): pieces further apart are not one
#: quotation but words picked from across the text ("We … saved … the tool … alone").
MAX_GAP = 400
#: How many places of a quote's first piece are tried before giving up (a very common first word).
MAX_STARTS = 500


def _chain(text: str, pieces: list[str]) -> list[tuple[int, int]] | None:
    """Return the spans of `pieces` in order, each gap at most MAX_GAP characters, or None.

    Each start of the first piece is tried in turn; from it, the earliest next piece is always
    the best choice (it leaves the smallest gap and the most text for the rest).
    """
    start = _find_word(text, pieces[0], 0)
    for _ in range(MAX_STARTS):
        if start < 0:
            return None
        spans = [(start, start + len(pieces[0]))]
        for piece in pieces[1:]:
            at = _find_word(text, piece, spans[-1][1])
            if at < 0:
                return None  # a later start of the first piece cannot find it either
            if at - spans[-1][1] > MAX_GAP:
                break
            spans.append((at, at + len(piece)))
        else:
            return spans
        start = _find_word(text, pieces[0], start + 1)
    return None


def locate_quote(quote: str, source: str | Normalised) -> tuple[int, int] | None:
    """Return where a quote (with `…` gaps allowed) is in the source, as original offsets."""
    copy = normalise(source) if isinstance(source, str) else source
    pieces = [normalise(piece).text.strip(_EDGES) for piece in GAP.split(quote)]
    pieces = [piece for piece in pieces if piece]
    if not pieces:
        return None
    spans = _chain(copy.text, pieces)
    if spans is None:
        return None
    if len(spans) > 1:  # the first piece's last occurrence before the second: the tightest span
        later = _find_word(copy.text, pieces[0], spans[0][0] + 1)
        while later >= 0 and later + len(pieces[0]) <= spans[1][0]:
            spans[0] = (later, later + len(pieces[0]))
            later = _find_word(copy.text, pieces[0], later + 1)
    start, end = _with_edges(quote, copy.text, spans[0][0], spans[-1][1])
    return copy.offsets[start], copy.offsets[end - 1] + 1


def _with_edges(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a match over the quote's own leading and trailing punctuation, where the source
    has it too ("happiness." matches with its full stop)."""
    written = normalise(quote).text
    lead = written[: len(written) - len(written.lstrip(_EDGES))].strip()
    trail = written[len(written.rstrip(_EDGES)) :].strip()
    if lead and text[max(0, start - len(lead)) : start] == lead:
        start -= len(lead)
    if trail and text[end : end + len(trail)] == trail:
        end += len(trail)
    return start, end


def _best_window(
    source_words: list[str], target: list[str], starts: range, sizes: range
) -> tuple[float, int, int]:
    """Return (ratio, start, size) of the run of source words most like `target`."""
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(target)
    best = (-1.0, 0, max(1, sizes.start))
    for start in starts:
        for size in sizes:
            matcher.set_seq1(words(" ".join(source_words[start : start + size])))
            if matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]:
                continue
            best = max(best, (matcher.ratio(), -start, size))
    return best[0], -best[1], best[2]


def closest_passage(quote: str, source: str) -> str:
    """Return the run of the source's words most like the quote (for the Q-unverified message).

    A coarse pass slides a window of the quote's length by a quarter of it; a fine pass then
    tries every start and length near the best window.
    """
    source_words = source.split()
    target = words(quote)
    size = max(1, len(quote.split()))
    step = max(1, size // 4)
    _, start, _ = _best_window(
        source_words,
        target,
        range(0, max(1, len(source_words) - size + 1), step),
        range(size, size + 1),
    )
    _, start, size = _best_window(
        source_words,
        target,
        range(max(0, start - step), start + step + 1),
        range(max(1, size - 2), size + 3),
    )
    return " ".join(source_words[start : start + size])


@dataclass(frozen=True)
class Verification:
    """Quotes not found in their source's copy (findings) and quotes found (matches)."""

    findings: tuple[Finding, ...]
    matches: tuple[QuoteMatch, ...]


def _local_copy(brief: Brief, quote: Quote) -> Source | None:
    source = brief.source(quote.source) if quote.source else None
    return source if source and source.text and source.text in brief.texts else None


def _miss(quote: Quote, source: Source, copy: str) -> Finding:
    passage = closest_passage(quote.text, copy)
    diff = word_diff(passage, quote.text)
    return Finding(
        "Q-unverified",
        Severity.ERROR,
        f"the quote is not in {source.text}, the copy of “{source.title}”; the closest passage "
        f"differs: {terminal_diff(diff)}",
        quote.locate("text"),
        "copy the words exactly as the source prints them (mark cuts with …), or cite the "
        "source that has them",
        (quote.id,),
        facts=(("passage", passage), ("copy", source.text)),
        diff=diff,
    )


def _verify(brief: Brief) -> Verification:
    findings: list[Finding] = []
    matches: list[QuoteMatch] = []
    copies: dict[str, tuple[Normalised, str]] = {}
    for quote in brief.quotes:
        source = _local_copy(brief, quote)
        if source is None:
            continue
        copy = brief.texts[source.text]
        if source.text not in copies:
            digest = hashlib.sha256(copy.encode("utf-8")).hexdigest()
            copies[source.text] = (normalise(copy), digest)
        normalised, digest = copies[source.text]
        where = locate_quote(quote.text, normalised)
        if where is None:
            findings.append(_miss(quote, source, copy))
            continue
        start, end = where
        matches.append(
            QuoteMatch(
                quote.id,
                source.id,
                copy[start:end],
                copy[max(0, start - CONTEXT) : start],
                copy[end : end + CONTEXT],
                digest,
                start,
                end,
            )
        )
    return Verification(tuple(findings), tuple(matches))


def verify_quotes(brief: Brief) -> Verification:
    """Check every quote against its source's local copy (computed once per brief)."""
    return per_brief("verification", brief, _verify)


def find_unverified(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """Q-unverified, as a registered check."""
    return list(verify_quotes(brief).findings)
