"""Qualifier intervals and counted-thing normalisation: the arithmetic behind the F-* checks.

In: figures. Out: the range of true values each reported figure allows, and a normalised key of what
it counts, so that like is compared with like (docs/findings.md explains every rule and threshold).
"""

from __future__ import annotations

import math
import re

from brief.model import Figure, Qualifier

#: "nearly v" allows values up to this fraction below v (docs/findings.md: "nearly").
NEARLY_SPAN = 0.10
#: "about v" allows at least this fraction either side, more when v is a round number.
ABOUT_MIN_SPAN = 0.02

_STOPWORDS = {
    "a",
    "an",
    "the",
    "of",
    "and",
    "in",
    "for",
    "to",
    "by",
    "from",
    "with",
    "on",
    "who",
    "were",
    "was",
    "been",
    "being",
    "that",
    "their",
    "its",
}
#: Irregular plurals and synonyms that count the same thing.
_WORDS = {
    "children": "child",
    "kids": "child",
    "kid": "child",
    "minors": "child",
    "minor": "child",
    "people": "person",
    "persons": "person",
    "individuals": "person",
    "individual": "person",
    "lives": "life",
    "women": "woman",
    "men": "man",
    "victims": "victim",
    "survivors": "survivor",
    "offenders": "perpetrator",
    "offender": "perpetrator",
    "abusers": "perpetrator",
    "abuser": "perpetrator",
    "perpetrators": "perpetrator",
    "found": "identified",
    "identify": "identified",
    "identifying": "identified",
    "rescue": "rescued",
    "rescuing": "rescued",
    "saved": "saved",
    "save": "saved",
    "saving": "saved",
    "arrested": "arrested",
    "arrests": "arrested",
    "arrest": "arrested",
}


def normalise_word(word: str) -> str:
    """Return a word's canonical form: lower case, singular, synonyms merged.

    >>> normalise_word("Victims"), normalise_word("children"), normalise_word("states")
    ('victim', 'child', 'state')
    """
    word = word.lower()
    if word in _WORDS:
        return _WORDS[word]
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def counts_key(counts: str) -> frozenset[str]:
    """Return what a figure counts as a set of canonical words (order and plurals ignored).

    >>> sorted(counts_key("victims identified")) == sorted(counts_key("identified victim"))
    True
    """
    words = re.findall(r"[\w’'-]+", counts.lower())
    return frozenset(normalise_word(word) for word in words if word not in _STOPWORDS)


def same_thing(first: frozenset[str], second: frozenset[str]) -> bool:
    """Return whether two counts keys name the same thing: equal, or one refines the other.

    "child victims identified" and "child sex trafficking victims identified" are the same count
    told with more or fewer words; "victims identified" and "children rescued" are not.

    >>> same_thing(counts_key("child victims identified"),
    ...            counts_key("child sex trafficking victims identified"))
    True
    """
    if first == second:
        return True
    smaller, larger = sorted((first, second), key=len)
    return len(smaller) >= 2 and smaller < larger


def rounding_place(value: float) -> float:
    """Return the place value of a number's last non-zero digit (6,000 -> 1000; 5,791 -> 1).

    >>> rounding_place(6000), rounding_place(5791), rounding_place(12.5)
    (1000, 1, 0.1)
    """
    if value == 0 or not math.isfinite(value):
        return 1
    if float(value).is_integer():
        number, place = int(abs(value)), 1
        while number % 10 == 0:
            number //= 10
            place *= 10
        return place
    text = f"{abs(value):.6f}".rstrip("0")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 10.0**-decimals


def interval(figure: Figure) -> tuple[float, float]:
    """Return the closed range [low, high] of true values a reported figure allows.

    >>> from brief.errors import Location
    >>> def fig(v, q): return Figure("x", Location("b"), value=v, counts="x", qualifier=q)
    >>> interval(fig(6000, Qualifier.ABOUT)), interval(fig(6000, Qualifier.NEARLY))
    ((5500.0, 6500.0), (5400.0, 6000))
    """
    value = figure.value
    if figure.qualifier is Qualifier.EXACT:
        return value, value
    if figure.qualifier is Qualifier.ABOUT:
        span = max(rounding_place(value) / 2, abs(value) * ABOUT_MIN_SPAN)
        return value - span, value + span
    if figure.qualifier is Qualifier.NEARLY:
        return value - abs(value) * NEARLY_SPAN, value
    if figure.qualifier in (Qualifier.OVER, Qualifier.AT_LEAST):
        return value, math.inf
    return min(0, value), value  # up to


def representative(figure: Figure) -> float:
    """Return the number a reader takes away from a figure (the reported value itself)."""
    return figure.value
