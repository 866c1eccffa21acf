"""Q-unverified and F-unverified: every quote, and every figure's `as_reported`, citing a source
with a local text copy must be found in that copy.

In: a `Brief` (with `brief.texts`, the local copies). Out: findings for quotes not found (with
the closest passage as a word diff), and a `QuoteMatch` (a W3C TextQuoteSelector plus the copy's
sha256) for every quote found. Matching ignores case, quote styles, dashes, whitespace; `…`,
`...` and `[…]` in a quote are gaps whose pieces must appear in order (docs/findings.md).
"""

from __future__ import annotations

import bisect
import difflib
import functools
import hashlib
import itertools
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from brief.analyse.findings import Finding, QuoteMatch, per_brief
from brief.analyse.quotes import GAP, QUOTE_MARKS, terminal_diff, word_diff, words
from brief.dates import PartialDate
from brief.errors import Diagnostic, Severity
from brief.model import Brief, Claim, Figure, Quote, Source

#: Characters of context kept on each side of a verified quote (TextQuoteSelector prefix/suffix).
CONTEXT = 32
_EDGES = " .,;:!?'\"-"
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
    pieces = [normalise(piece).text.strip(_EDGES) for piece in GAP.split(quote)]
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
    lead = written[: len(written) - len(written.lstrip(_EDGES))].strip()
    trail = written[len(written.rstrip(_EDGES)) :].strip()
    if lead and text[max(0, start - len(lead)) : start] == lead:
        start -= len(lead)
    if trail and text[end : end + len(trail)] == trail:
        end += len(trail)
    return start, end


def _best_window(
    source_words: list[str], target: list[str], starts: Iterable[int], sizes: range
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


#: Coarse windows of the source (of the quote's length) tried as the closest passage: those
#: holding the most of the quote's words. Scanning every window of a 4 MB copy took 3 s a quote.
CANDIDATE_WINDOWS = 20
#: Places of the quote's words read from the index, rarest words first: a quote made of the
#: commonest words stops counting after this many (the rarest word is always counted).
MAX_PLACES = 50_000


@dataclass(frozen=True)
class WordIndex:
    """A source copy's whitespace-separated tokens, and where each word (as `words` reads them)
    occurs among them: built once per copy, it points a quote at the passages worth comparing."""

    tokens: list[str]
    places: dict[str, list[int]]


def index_words(source: str) -> WordIndex:
    """Return the word index of a source copy."""
    tokens = source.split()
    places: dict[str, list[int]] = defaultdict(list)
    known: dict[str, list[str]] = {}
    for position, token in enumerate(tokens):
        keys = known.get(token)
        if keys is None:
            keys = known[token] = list(dict.fromkeys(words(token)))
        for key in keys:
            places[key].append(position)
    return WordIndex(tokens, dict(places))


def _likely_starts(index: WordIndex, target: list[str], size: int, step: int) -> list[int]:
    """Return the coarse window starts (multiples of `step`) holding most of the quote's words."""
    last = max(0, len(index.tokens) - size) // step
    votes: Counter[int] = Counter()
    counted = 0
    for word in sorted(set(target), key=lambda word: (len(index.places.get(word, ())), word)):
        places = index.places.get(word, [])
        if counted and counted + len(places) > MAX_PLACES:
            break
        counted += len(places)
        for place in places:  # a vote for each window holding `place`
            first = max(0, -(-(place - size + 1) // step))  # rounded up
            votes.update(range(first, min(last, place // step) + 1))
    best = sorted(votes, key=lambda window: (-votes[window], window))[:CANDIDATE_WINDOWS]
    return sorted(window * step for window in best) or [0]


def closest_passage(quote: str, source: str | WordIndex, whole: bool = False) -> str:
    """Return the run of the source's words most like the quote (for the Q-unverified message).

    A coarse pass compares windows of the quote's length, starting every quarter of it, among
    those holding most of its words (`WordIndex`); a fine pass then tries every start and length
    near the best window; `whole` keeps it at least as long as the quote (a figure's short
    wording, "about 6,000 parcels", is shown against "nearly 6,000 parcels", not "6,000 parcels").
    """
    index = source if isinstance(source, WordIndex) else index_words(source)
    source_words = index.tokens
    target = words(quote)
    size = max(1, len(quote.split()))
    step = max(1, size // 4)
    _, start, _ = _best_window(
        source_words, target, _likely_starts(index, target, size, step), range(size, size + 1)
    )
    _, start, size = _best_window(
        source_words,
        target,
        range(max(0, start - step), start + step + 1),
        range(size if whole else max(1, size - 2), size + 3),
    )
    return " ".join(source_words[start : start + size])


@dataclass(frozen=True)
class Verification:
    """Quotes and figures not found in their source's copy (findings) and those found (matches)."""

    findings: tuple[Finding, ...]
    matches: tuple[QuoteMatch, ...]


def _local_copy(brief: Brief, item: Quote | Figure | Claim) -> Source | None:
    source = brief.source(item.source) if item.source else None
    return source if source and source.text and source.text in brief.texts else None


def _miss(quote: Quote, source: Source, copy: WordIndex) -> Finding:
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


def _figure_miss(figure: Figure | Claim, source: Source, copy: WordIndex) -> Finding:
    passage = closest_passage(figure.as_reported, copy, whole=True)
    diff = word_diff(passage, figure.as_reported)
    return Finding(
        "F-unverified",
        Severity.WARNING,
        f"the wording “{figure.as_reported}” is not in {source.text}, the copy of "
        f"“{source.title}”; the closest passage differs: {terminal_diff(diff)}",
        figure.locate("as_reported"),
        "copy `as_reported` exactly as the source prints it (mark cuts with …), or "
        "cite the source that has it",
        (figure.id,),
        facts=(("passage", passage), ("copy", source.text)),
        diff=diff,
    )


@dataclass
class _Copies:
    """The brief's source copies in matching form, each prepared once, when first needed."""

    brief: Brief
    normalised: dict[str, tuple[Normalised, str]] = field(default_factory=dict)
    indexes: dict[str, WordIndex] = field(default_factory=dict)
    lines: dict[str, array[int]] = field(default_factory=dict)

    def match(self, item_id: str, kind: str, words: str, source: Source) -> QuoteMatch | None:
        """Return where `words` (with … gaps) are in the source's copy, or None."""
        copy = self.brief.texts[source.text]
        if source.text not in self.normalised:
            digest = hashlib.sha256(copy.encode("utf-8")).hexdigest()
            self.normalised[source.text] = (normalise(copy), digest)
        normalised, digest = self.normalised[source.text]
        where = locate_quote(words, normalised)
        if where is None:
            return None
        start, end = where
        prefix, suffix = copy[max(0, start - CONTEXT) : start], copy[end : end + CONTEXT]
        line = self.line(source.text, start)
        return QuoteMatch(
            item_id, source.id, copy[start:end], prefix, suffix, digest, start, end, kind, line
        )

    def line(self, name: str, offset: int) -> int:
        """Return the 1-based line of the copy `name` that character `offset` is on."""
        if name not in self.lines:
            text = self.brief.texts[name]
            self.lines[name] = array("q", (m.start() for m in re.finditer("\n", text)))
        return bisect.bisect_left(self.lines[name], offset) + 1

    def index(self, source: Source) -> WordIndex:
        """Return the word index of a source's copy (built at its first miss)."""
        if source.text not in self.indexes:
            self.indexes[source.text] = index_words(self.brief.texts[source.text])
        return self.indexes[source.text]


def _verify(brief: Brief) -> Verification:
    findings: list[Finding] = []
    matches: list[QuoteMatch] = []
    copies = _Copies(brief)
    for quote in brief.quotes:
        source = _local_copy(brief, quote)
        if source is None:
            continue
        found = copies.match(quote.id, "quote", quote.text, source)
        if found is None:
            findings.append(_miss(quote, source, copies.index(source)))
        else:
            matches.append(found)
    worded = [("figure", item) for item in brief.figures] + [("claim", c) for c in brief.claims]
    for kind, figure in worded:
        source = _local_copy(brief, figure) if figure.as_reported.strip(_EDGES) else None
        if source is None:
            continue
        found = copies.match(figure.id, kind, figure.as_reported, source)
        if found is None:
            findings.append(_figure_miss(figure, source, copies.index(source)))
        else:
            matches.append(found)
    return Verification(tuple(findings), tuple(matches))


def verify_quotes(brief: Brief) -> Verification:
    """Check every quote, and every figure's `as_reported`, against its source's local copy
    (computed once per brief)."""
    return per_brief("verification", brief, _verify)


def find_figures_unverified(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """F-unverified, as a registered check."""
    return [f for f in verify_quotes(brief).findings if f.code == "F-unverified"]


def find_unverified(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """Q-unverified, as a registered check."""
    return [f for f in verify_quotes(brief).findings if f.code == "Q-unverified"]
