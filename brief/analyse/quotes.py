"""Q-* checks: quotes told in differing versions, missing from their source, or second-hand.

In: a `Brief` (with the text of local source copies). Out: findings, plus a W3C
TextQuoteSelector for every quote found in its source's copy (for the build report).
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import defaultdict

from brief.analyse import QuoteMatch
from brief.dates import PartialDate
from brief.errors import Diagnostic, Severity
from brief.model import Brief, Quote

#: Word-level similarity (difflib ratio) from which two different quotes are "near-identical".
VARIANT_RATIO = 0.6
#: Characters of context kept on each side of a verified quote (TextQuoteSelector prefix/suffix).
CONTEXT = 32
_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "—": "-",
        "–": "-",
        "‑": "-",
        "‒": "-",
        "―": "-",
    }
)
_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.|\[\s*(?:…|\.\.\.)\s*\])\s*")


def words(text: str) -> list[str]:
    """Return a text's words with quotes and dashes unified, case and punctuation dropped."""
    return re.findall(r"[\w'-]+", text.translate(_QUOTES).lower())


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """Return a word-level diff as (op, words) pairs: "=" same, "-" only in old, "+" only in new.

    >>> word_diff("I am not backing down", "I am sticking to it")
    (('=', 'I am'), ('-', 'not backing down'), ('+', 'sticking to it'))
    """
    old_words, new_words = old.split(), new.split()
    matcher = difflib.SequenceMatcher(
        None, [w.lower() for w in old_words], [w.lower() for w in new_words], autojunk=False
    )
    parts: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(("=", " ".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            parts.append(("-", " ".join(old_words[i1:i2])))
        if j2 > j1:
            parts.append(("+", " ".join(new_words[j1:j2])))
    return tuple(parts)


def terminal_diff(diff: tuple[tuple[str, str], ...]) -> str:
    """Show a word diff with markers, for the terminal: [-removed-] {+added+}."""
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return " ".join(marks[op].format(text) for op, text in diff)


def _candidate_pairs(texts: list[list[str]]) -> set[tuple[int, int]]:
    """Return the pairs of quotes sharing enough word pairs to be near-identical (no all-pairs)."""
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for number, text in enumerate(texts):
        shingles = {tuple(text[i : i + 2]) for i in range(max(1, len(text) - 1))}
        for shingle in shingles:
            index[shingle].append(number)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in index.values():
        if len(members) > 200:  # a word pair most quotes share says nothing about any two
            continue
        for position, first in enumerate(members):
            for second in members[position + 1 :]:
                shared[(first, second)] += 1
    return {
        pair
        for pair, count in shared.items()
        if count >= min(2, len(texts[pair[0]]) - 1, len(texts[pair[1]]) - 1, 2) or count >= 2
    }


def find_variants(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """Q-variant: two quotes by one speaker, near-identical but not equal."""
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for quote in brief.quotes:
        by_speaker[brief.speaker_name(quote.speaker).lower()].append(quote)
    found = []
    for quotes in by_speaker.values():
        texts = [words(quote.text) for quote in quotes]
        for first_index, second_index in sorted(_candidate_pairs(texts)):
            first, second = quotes[first_index], quotes[second_index]
            if texts[first_index] == texts[second_index]:
                continue
            matcher = difflib.SequenceMatcher(
                None, texts[first_index], texts[second_index], autojunk=False
            )
            if matcher.real_quick_ratio() < VARIANT_RATIO or matcher.ratio() < VARIANT_RATIO:
                continue
            diff = word_diff(first.text, second.text)
            found.append(
                Diagnostic(
                    "Q-variant",
                    Severity.WARNING,
                    f"{brief.speaker_name(first.speaker)} is quoted in two versions that differ: "
                    f"“{first.text}” and “{second.text}”; changes: {terminal_diff(diff)}",
                    second.locate("text"),
                    "find the original recording or transcript and quote it "
                    "exactly, or say that the versions differ",
                    (first.id, second.id),
                )
            )
    return found


def _normalised_with_map(text: str) -> tuple[str, list[int]]:
    """Return text lower-cased with quotes, dashes and spaces unified, and a map to the original.

    Spaces around dashes are dropped, so "defense — an actor" matches "defense—an actor".
    """
    translated = text.translate(_QUOTES).lower()
    out: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(translated):
        if char.isspace():
            following = translated[index + 1 : index + 2]
            if not out or out[-1] in " -" or following.isspace() or following == "-":
                continue
            char = " "
        out.append(char)
        positions.append(index)
    return "".join(out), positions


def _normalise(text: str) -> str:
    return _normalised_with_map(text)[0].strip()


def locate_quote(quote: str, source_text: str) -> tuple[int, int] | None:
    """Return where a quote (with `…` gaps allowed) is in the source, as original offsets."""
    haystack, positions = _normalised_with_map(source_text)
    pieces = [_normalise(piece) for piece in _ELLIPSIS.split(quote) if _normalise(piece)]
    start = end = None
    cursor = 0
    for piece in pieces:
        at = haystack.find(piece.strip(" .,;:'\""), cursor)
        if at < 0:
            return None
        start = at if start is None else start
        cursor = at + len(piece.strip(" .,;:'\""))
        end = cursor
    if start is None or end is None:
        return None
    return positions[start], positions[end - 1] + 1


def closest_passage(quote: str, source_text: str) -> str:
    """Return the passage of the source most like the quote (for the Q-unverified message)."""
    source_words = source_text.split()
    wanted = quote.split()
    best, best_ratio = "", 0.0
    size = max(1, len(wanted))
    target = words(quote)
    for start in range(0, max(1, len(source_words) - size + 1), max(1, size // 4)):
        window = " ".join(source_words[start : start + size])
        ratio = difflib.SequenceMatcher(None, words(window), target, autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = window, ratio
    return best


def verify_quotes(brief: Brief) -> tuple[list[Diagnostic], list[QuoteMatch]]:
    """Q-unverified: every quote citing a source with a local copy must be found in that copy."""
    found: list[Diagnostic] = []
    matches: list[QuoteMatch] = []
    for quote in brief.quotes:
        source = brief.source(quote.source) if quote.source else None
        if source is None or not source.text or source.text not in brief.texts:
            continue
        copy = brief.texts[source.text]
        digest = hashlib.sha256(copy.encode("utf-8")).hexdigest()
        where = locate_quote(quote.text, copy)
        if where is None:
            passage = closest_passage(quote.text, copy)
            found.append(
                Diagnostic(
                    "Q-unverified",
                    Severity.ERROR,
                    f"the quote is not in {source.text}; the closest passage differs: "
                    f"{terminal_diff(word_diff(passage, quote.text))}",
                    quote.locate("text"),
                    "copy the words exactly as the source prints them, or cite the right source",
                    (quote.id,),
                )
            )
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
            )
        )
    return found, matches


def find_unverified(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """Q-unverified, as a registered check."""
    return verify_quotes(brief)[0]


def find_secondhand(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """Q-secondhand: the quote reaches us through an intermediary (`via`)."""
    found = []
    for quote in brief.quotes:
        if quote.via:
            via = brief.source(quote.via)
            name = via.title if via else quote.via
            found.append(
                Diagnostic(
                    "Q-secondhand",
                    Severity.NOTE,
                    f"“{quote.text[:60]}{'…' if len(quote.text) > 60 else ''}” reaches us "
                    "second-hand, "
                    f"through {name}",
                    quote.locate("via"),
                    "cite the original interview or transcript if you can",
                    (quote.id,),
                )
            )
    return found
