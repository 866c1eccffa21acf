"""Q-variant and Q-secondhand: quotes told in differing versions, and quotes passed on.

In: a `Brief`. Out: findings; a Q-variant finding carries the word diff between its two versions
(`Finding.diff`), which the caveats print. Quote verification (Q-unverified) is in `verify.py`.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import defaultdict
from collections.abc import Sequence

from brief.analyse.counts import content_words
from brief.analyse.findings import Finding
from brief.analyse.limits import PairLimit
from brief.dates import PartialDate
from brief.errors import Diagnostic, Severity
from brief.model import Brief, Quote

#: Word-level similarity (difflib ratio over normalised words) from which two different quotes
#: are near-identical: "That's my day job, and I'm not backing down from it" / "…sticking to it"
#: scores 0.70; two sentences of one speech sharing a phrase score about 0.3.
VARIANT_RATIO = 0.6
#: Two quotes are also one remark retold when their content words (stop words dropped, stemmed)
#: match at this ratio, in order, and at least RETOLD_MIN_WORDS of them are shared: the two
#: tellings of "a 7-year-old girl" score 0.53 with 5 words; two sentences of one speech 0.20.
RETOLD_RATIO = 0.45
RETOLD_MIN_WORDS = 4
#: A word pair held by more quotes of one speaker than this says nothing about any two of them.
COMMON_PAIR = 200
#: Curly and angled quote marks, and dashes, as the plain characters they stand for.
QUOTE_MARKS = {
    **dict.fromkeys("‘’‚‛`′", "'"),
    **dict.fromkeys("“”„‟«»″", '"'),
    **dict.fromkeys("—–‑‒―−", "-"),
    "\u00a0": " ",
}
#: For word lists a dash between words separates them; a hyphen inside a word does not.
_WORD_MARKS = str.maketrans({**QUOTE_MARKS, **dict.fromkeys("—–‒―", " ")})
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
GAP = re.compile(r"\s*(?:…|\.\.\.|\[[^\]]*\])\s*")


def words(text: str) -> list[str]:
    """Return a text's words with quotes and dashes unified, case and punctuation dropped.

    >>> words("“That’s my day job—I’m sticking to it.”")
    ["that's", 'my', 'day', 'job', "i'm", 'sticking', 'to', 'it']
    """
    return _WORD.findall(text.translate(_WORD_MARKS).lower())


def _word_key(word: str) -> str:
    return "".join(words(word)) or word


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """Return a word diff as (op, words) pairs: "=" same, "-" only in old, "+" only in new.

    Words are compared without case, punctuation or quote styles; the text shown is the
    original's (the old version's for unchanged words).

    >>> word_diff("I'm not backing down from it", "I’m sticking to it.")
    (('=', "I'm"), ('-', 'not backing down from'), ('+', 'sticking to'), ('=', 'it'))
    """
    old_words, new_words = old.split(), new.split()
    matcher = difflib.SequenceMatcher(
        None, [_word_key(w) for w in old_words], [_word_key(w) for w in new_words], autojunk=False
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


def terminal_diff(diff: Sequence[tuple[str, str]]) -> str:
    """Show a word diff with markers, for the terminal: [-removed-] {+added+}.

    >>> terminal_diff((("=", "I'm"), ("-", "not backing down"), ("+", "sticking to")))
    "I'm [-not backing down-] {+sticking to+}"
    """
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return " ".join(marks[op].format(text) for op, text in diff)


def candidate_pairs(
    texts: Sequence[Sequence[str]], limit: PairLimit | None = None
) -> list[tuple[int, int]]:
    """Return the pairs of texts sharing two word pairs (one for tiny texts); never all pairs.

    Counting shared word pairs stops when `limit` has counted its budget.
    """
    limit = limit or PairLimit()
    holders: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number, text in enumerate(texts):
        for pair in sorted(set(itertools.pairwise(text))):
            holders[pair].append(number)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in holders.values():
        if len(members) > COMMON_PAIR:
            continue
        if not limit.compare(len(members) * (len(members) - 1) // 2):
            break
        for position, first in enumerate(members):
            for second in members[position + 1 :]:
                shared[(first, second)] += 1
    return sorted(
        pair
        for pair, count in shared.items()
        if count >= min(2, len(texts[pair[0]]) - 1, len(texts[pair[1]]) - 1)
    )


def _contains(longer: Sequence[str], pieces: Sequence[Sequence[str]]) -> bool:
    """Return whether the pieces occur in `longer` in order (each piece as a word run)."""
    cursor = 0
    for piece in pieces:
        size = len(piece)
        while cursor + size <= len(longer) and list(longer[cursor : cursor + size]) != list(piece):
            cursor += 1
        if cursor + size > len(longer):
            return False
        cursor += size
    return True


def is_excerpt(first: Quote, second: Quote) -> bool:
    """Return whether one quote is a cut of the other (its words, `…` gaps allowed, in order)."""
    for short, long in ((first, second), (second, first)):
        pieces = [words(piece) for piece in GAP.split(short.text)]
        if _contains(words(long.text), [piece for piece in pieces if piece]):
            return True
    return False


def variant_kind(first: Quote, second: Quote) -> str:
    """Return "near-identical" or "retold" when two quotes are versions of one remark, else ""."""
    one, other = words(first.text), words(second.text)
    if one == other or is_excerpt(first, second):
        return ""
    matcher = difflib.SequenceMatcher(None, one, other, autojunk=False)
    if matcher.real_quick_ratio() >= VARIANT_RATIO and matcher.ratio() >= VARIANT_RATIO:
        return "near-identical"
    one_content, other_content = content_words(first.text), content_words(second.text)
    matcher = difflib.SequenceMatcher(None, one_content, other_content, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    if shared >= RETOLD_MIN_WORDS and matcher.ratio() >= RETOLD_RATIO:
        return "retold"
    return ""


def _by_speaker(brief: Brief) -> list[list[Quote]]:
    grouped: dict[str, list[Quote]] = defaultdict(list)
    for quote in brief.quotes:
        grouped[" ".join(brief.speaker_name(quote.speaker).casefold().split())].append(quote)
    return [quotes for _, quotes in sorted(grouped.items()) if len(quotes) > 1]


def find_variants(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """Q-variant: two quotes by one speaker, near-identical (or one remark retold) but not equal."""
    limit = PairLimit()
    found: list[Diagnostic] = []
    for quotes in _by_speaker(brief):
        if limit.exhausted:
            break
        found += _speaker_variants(brief, quotes, limit)
    return found + limit.notes("Q-variant", "quotes", brief.locate("quotes"))


def _speaker_variants(brief: Brief, quotes: list[Quote], limit: PairLimit) -> list[Finding]:
    """Return the first Q-variant findings among one speaker's quotes."""
    texts = [words(q.text) for q in quotes]
    found: list[Finding] = []
    group = f"the quotes of {brief.speaker_name(quotes[0].speaker)}"
    for first_index, second_index in candidate_pairs(texts, limit):
        # word comparisons cost about as much as the words compared
        if not limit.compare(len(texts[first_index]) + len(texts[second_index])):
            break
        first, second = quotes[first_index], quotes[second_index]
        kind = variant_kind(first, second)
        if not kind:
            continue
        if limit.full(group, quotes[0].locate("speaker")):
            break
        diff = word_diff(first.text, second.text)
        how = (
            "in two versions that differ"
            if kind == "near-identical"
            else ("telling one thing in two versions with different words")
        )
        found.append(
            Finding(
                "Q-variant",
                Severity.WARNING,
                f"{brief.speaker_name(first.speaker)} is quoted {how}: “{first.text}” and "
                f"“{second.text}”; changes: {terminal_diff(diff)}",
                second.locate("text"),
                "find the original recording or transcript and quote it exactly, or keep "
                "both and say in a caveat covering Q-variant that the versions differ",
                (first.id, second.id),
                kind=kind,
                diff=diff,
            )
        )
    return found


def find_secondhand(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """Q-secondhand: the quote reaches us through an intermediary (`via`)."""
    found: list[Diagnostic] = []
    for quote in brief.quotes:
        if not quote.via:
            continue
        via = brief.source(quote.via)
        name = via.title if via else quote.via
        start = " ".join(quote.text.split()[:10])
        found.append(
            Finding(
                "Q-secondhand",
                Severity.NOTE,
                f"“{start}{'…' if start != ' '.join(quote.text.split()) else ''}” reaches us "
                f"second-hand, through {name}",
                quote.locate("via"),
                "cite the original interview, speech or transcript if you can find it",
                (quote.id,),
                facts=(("via", name),),
            )
        )
    return found
