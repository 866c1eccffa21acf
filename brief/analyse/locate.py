"""Find a quotation in a source's text as people quote: ignoring case, quote styles, dashes and
whitespace, with `…` standing for a cut of at most `MAX_GAP` characters, never inside a longer
word; the source is normalised once, keeping where each character came from.

In: a quote and a source text (or its `Normalised` form). Out: where the quote is, as offsets in
the original text (widened over the quote's own leading and trailing punctuation), or None.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from brief.analyse.quotes import GAP, QUOTE_MARKS

#: Punctuation and spaces at a quote's edges, matched only where the source has them too.
EDGES = " .,;:!?'\"-"
_MARKS = str.maketrans(QUOTE_MARKS)
_SPACES = re.compile(r"(\s+)")
_SPACE_BY_DASH = re.compile(r" (?=-)|(?<=-) ")


@dataclass(frozen=True, eq=False)
class Normalised:
    """A text in matching form, and where its characters are in the original.

    Character i of `text` is at `origins[k] + i - starts[k]`, for the last run k starting at or
    before i; a space between runs stands for the last whitespace character before the next run.
    One pair of numbers per run, not one offset per character: a 4 MB copy held 4 million.
    """

    text: str
    starts: Sequence[int]
    origins: Sequence[int]

    def offset(self, index: int) -> int:
        """Return the offset in the original of character `index` of `text`."""
        run = bisect.bisect_right(self.starts, index) - 1
        following = run + 1
        if self.text[index] == " " and following < len(self.starts):
            return self.origins[following] - 1
        return self.origins[run] + index - self.starts[run]

    @functools.cached_property
    def offsets(self) -> tuple[int, ...]:
        """Return the offset in the original of every character (for short texts)."""
        return tuple(self.offset(index) for index in range(len(self.text)))


def normalise(text: str) -> Normalised:
    """Return `text` lower-cased, quotes and dashes unified, whitespace runs as one space.

    Spaces next to a dash are dropped, so "defense — an actor" matches "defense—an actor".
    The text is cut at whitespace and put together again by the regular expression engine, one
    run of characters at a time (a 4 MB copy in a fraction of a second); a text whose lower case
    changes its length ("İ") or depends on its context (a final "Σ") goes character by character.

    >>> normalise("Defense —  an “Actor”").text
    'defense-an "actor"'
    """
    translated = text.translate(_MARKS)
    lowered = translated.lower()
    if len(lowered) != len(translated) or "Σ" in translated:
        return _by_character(translated)
    parts = _SPACES.split(lowered)  # runs of characters, with the whitespace between them
    places = list(itertools.accumulate(map(len, parts), initial=0))
    runs = [run for run in parts[::2] if run]
    origins = [place for run, place in zip(parts[::2], places[::2], strict=False) if run]
    spaced = [
        run[0] != "-" and before[-1] != "-" for before, run in itertools.pairwise(runs)
    ]  # a space between two runs, unless one of them has a dash at that end
    steps = [len(run) + space for run, space in zip(runs, spaced, strict=False)]
    starts = list(itertools.accumulate(steps, initial=0))[: len(runs)]
    joined = _SPACE_BY_DASH.sub("", " ".join(runs))
    return Normalised(joined, array("q", starts), array("q", origins))


def _by_character(translated: str) -> Normalised:
    """Normalise a translated text character by character (see `normalise`)."""
    out: list[str] = []
    offsets: list[int] = []
    pending_space = False
    for index, char in enumerate(translated):
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
    return Normalised("".join(out), array("q", range(len(out))), array("q", offsets))


@functools.lru_cache(maxsize=1024)
def _word_pattern(needle: str) -> re.Pattern[str]:
    """Return a pattern finding `needle` where it is not inside a longer word.

    The needle comes first, so the search skips ahead as fast as `str.find`; the character
    before it is checked afterwards, by a look-behind over the needle and that character
    (a letter or digit: `[^\\W_]`).
    """
    after = r"(?![^\W_])" if needle[-1].isalnum() else ""
    before = rf"(?<![^\W_]{'.' * len(needle)})" if needle[0].isalnum() else ""
    return re.compile("(?s)" + re.escape(needle) + after + before)


def _find_word(haystack: str, needle: str, start: int) -> int:
    """Return where `needle` occurs in `haystack` from `start`, not inside a longer word."""
    found = _word_pattern(needle).search(haystack, start)
    return found.start() if found else -1


class _Finder:
    """`_find_word` on one text, remembering each needle's last answer: the chain of a quote's
    pieces asks again and again from later and later places, and the answer for a start up to
    the last occurrence found is that occurrence (a common first word no longer rescans the
    text for each of its places)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.last: dict[str, tuple[int, int]] = {}

    def find(self, needle: str, start: int) -> int:
        asked, found = self.last.get(needle, (-1, -1))
        if 0 <= asked <= start and (found < 0 or start <= found):
            return found
        found = _find_word(self.text, needle, start)
        self.last[needle] = (start, found)
        return found


#: The most characters one `…` may stand for (about a paragraph): pieces further apart are not one
#: quotation but words picked from across the text ("We … saved … the tool … alone").
MAX_GAP = 400
#: How many places of a quote's first piece are tried before giving up (a very common first word).
MAX_STARTS = 500


def _chain(text: _Finder, pieces: list[str]) -> list[tuple[int, int]] | None:
    """Return the spans of `pieces` in order, each gap at most MAX_GAP characters, or None.

    Each start of the first piece is tried in turn; from it, the earliest next piece is always
    the best choice (it leaves the smallest gap and the most text for the rest).
    """
    start = text.find(pieces[0], 0)
    for _ in range(MAX_STARTS):
        if start < 0:
            return None
        spans = [(start, start + len(pieces[0]))]
        for piece in pieces[1:]:
            at = text.find(piece, spans[-1][1])
            if at < 0:
                return None  # a later start of the first piece cannot find it either
            if at - spans[-1][1] > MAX_GAP:
                break
            spans.append((at, at + len(piece)))
        else:
            return spans
        start = text.find(pieces[0], start + 1)
    return None


def locate_quote(quote: str, source: str | Normalised) -> tuple[int, int] | None:
    """Return where a quote (with `…` gaps allowed) is in the source, as original offsets."""
    copy = normalise(source) if isinstance(source, str) else source
    pieces = [normalise(piece).text.strip(EDGES) for piece in GAP.split(quote)]
    pieces = [piece for piece in pieces if piece]
    if not pieces:
        return None
    finder = _Finder(copy.text)
    spans = _chain(finder, pieces)
    if spans is None:
        return None
    if len(spans) > 1:  # the first piece's last occurrence before the second: the tightest span
        later = finder.find(pieces[0], spans[0][0] + 1)
        while later >= 0 and later + len(pieces[0]) <= spans[1][0]:
            spans[0] = (later, later + len(pieces[0]))
            later = finder.find(pieces[0], later + 1)
    start, end = _with_edges(quote, copy.text, spans[0][0], spans[-1][1])
    return copy.offset(start), copy.offset(end - 1) + 1


def _with_edges(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a match over the quote's own leading and trailing punctuation, where the source
    has it too ("happiness." matches with its full stop)."""
    written = normalise(quote).text
    lead = written[: len(written) - len(written.lstrip(EDGES))].strip()
    trail = written[len(written.rstrip(EDGES)) :].strip()
    if lead and text[max(0, start - len(lead)) : start] == lead:
        start -= len(lead)
    if trail and text[end : end + len(trail)] == trail:
        end += len(trail)
    return start, end
