"""The passage of a source most like a quote that is not in it, for the message that says so:
a word index of the source points at the windows worth comparing, then the best window is
refined word by word (`difflib`), in bounded time on a copy of several megabytes.

In: a quote and a source text (or its `WordIndex`). Out: the closest run of the source's words.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from brief.analyse.quotes import words


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
