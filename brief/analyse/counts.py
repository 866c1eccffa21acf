"""What a figure counts, normalised so that like is compared with like (F-conflict, F-drift…).

In: `counts` phrases ("child victims identified"). Out: keys (sets of canonical words) and an index
of which keys name the same thing, built without comparing every pair of keys (docs/findings.md).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

#: Words that carry no meaning in a counted-thing phrase ("victims *of* trafficking").
_STOPWORD_TEXT = (
    "a an the of and in for to by from with on at as who whom which that were was is are been "
    "being be their its his her our they them this these those per"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
#: Irregular plurals and a small synonym table: words that count the same thing. Deliberately
#: small: "saved", "rescued" and "identified" stay apart, because F-drift is about exactly them.
SYNONYMS = {
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
    "offenders": "perpetrator",
    "offender": "perpetrator",
    "abusers": "perpetrator",
    "abuser": "perpetrator",
    "predators": "perpetrator",
    "predator": "perpetrator",
    "found": "identified",
    "located": "identified",
}
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return a word's canonical form: lower case, synonyms merged, plural and verb endings cut.

    A light, consistent stemmer: both sides of a comparison go through it, so it only has to map
    the forms of one word together, not produce dictionary words.

    >>> [stem(w) for w in ("Victims", "children", "identified", "identify", "rescues", "rescued")]
    ['victim', 'child', 'identify', 'identify', 'rescu', 'rescu']
    """
    word = word.lower().replace("’", "'")
    word = SYNONYMS.get(word, word)
    if word.endswith("'s"):
        word = word[:-2]
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ying", "y")):
        if len(word) > 4 and word.endswith(suffix):
            return word[: -len(suffix)] + replacement
    for suffix in ("ing", "ed", "es", "s", "e"):
        if suffix == "s" and word.endswith(("ss", "us", "is")):
            continue
        if len(word) - len(suffix) >= 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    """Return a text's words without stop words, stemmed, in order.

    >>> content_words("The identified victims of trafficking")
    ['identify', 'victim', 'traffick']
    """
    return [stem(word) for word in _WORD.findall(text.lower()) if word not in STOPWORDS]


def counts_key(counts: str) -> frozenset[str]:
    """Return what a figure counts as a set of canonical words (order and plurals ignored).

    >>> counts_key("victims identified") == counts_key("identified victim")
    True
    >>> counts_key("kids rescued") == counts_key("children rescued")
    True
    """
    return frozenset(content_words(counts))


def same_thing(first: frozenset[str], second: frozenset[str]) -> bool:
    """Return whether two counts keys name the same thing: equal, or one refines the other.

    "child victims identified" and "child sex trafficking victims identified" are the same count
    told with more or fewer words; "victims identified" and "children rescued" are not. A one-word
    key never refines another: "victims" is too vague to be the same count as "child victims".

    >>> same_thing(counts_key("child victims identified"),
    ...            counts_key("child sex trafficking victims identified"))
    True
    >>> same_thing(counts_key("lives saved"), counts_key("child victims identified"))
    False
    """
    if first == second:
        return True
    smaller, larger = (first, second) if len(first) <= len(second) else (second, first)
    return len(smaller) >= 2 and smaller < larger


def close_wording(first: frozenset[str], second: frozenset[str]) -> bool:
    """Return whether two counts keys word one count slightly differently: the same thing, or
    sharing at least half the words of the longer ("people facing acute hunger" and "people
    facing hunger this year").

    >>> close_wording(counts_key("people in acute hunger"), counts_key("people facing hunger"))
    True
    >>> close_wording(counts_key("lives saved"), counts_key("victims identified"))
    False
    """
    shared = len(first & second)
    return same_thing(first, second) or (shared > 0 and 2 * shared >= max(len(first), len(second)))


@dataclass
class CountIndex:
    """Figures' counts keys, numbered, with the pairs of keys that name the same thing.

    `related[k]` holds every key number that is the same thing as key `k` (k itself included).
    Built through an inverted index on each key's rarest word, never by comparing all pairs.
    """

    keys: list[frozenset[str]] = field(default_factory=list)
    number: dict[frozenset[str], int] = field(default_factory=dict)
    related: list[list[int]] = field(default_factory=list)
    related_sets: list[frozenset[int]] = field(default_factory=list)
    phrases: dict[str, int] = field(default_factory=dict)

    @classmethod
    def build(cls, phrases: Iterable[str]) -> CountIndex:
        """Index the counts phrases given (duplicates share one key number)."""
        index = cls()
        for phrase in phrases:
            index.key_of(phrase)
        index.related = [[number] for number in range(len(index.keys))]
        holders: dict[str, list[int]] = defaultdict(list)
        for number, key in enumerate(index.keys):
            for word in sorted(key):
                holders[word].append(number)
        for number, key in enumerate(index.keys):
            if len(key) < 2:
                continue
            rarest = min(sorted(key), key=lambda word: len(holders[word]))
            for other in holders[rarest]:  # a superset of `key` holds each of its words
                if other != number and key < index.keys[other]:
                    index.related[number].append(other)
                    index.related[other].append(number)
        for numbers in index.related:
            numbers.sort()
        index.related_sets = [frozenset(numbers) for numbers in index.related]
        return index

    def key_of(self, phrase: str) -> int:
        """Return the key number of a counts phrase, adding it if new."""
        if phrase in self.phrases:
            return self.phrases[phrase]
        key = counts_key(phrase)
        if key not in self.number:
            self.number[key] = len(self.keys)
            self.keys.append(key)
        self.phrases[phrase] = self.number[key]
        return self.number[key]

    def same(self, first: int, second: int) -> bool:
        """Return whether key numbers `first` and `second` name the same thing."""
        return first == second or second in self.related_sets[first]
