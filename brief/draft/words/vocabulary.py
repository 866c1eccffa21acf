"""The shape of one language's words for drafting (`Words`) and the helpers its tables are
written with.

In: words as written in a table (space- or comma-separated, months in order). Out: the
`Words` dataclass and the sets and numberings its fields hold.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field


def words(text: str) -> frozenset[str]:
    """Return the set of space-separated words of `text`."""
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class Words:
    """The vocabulary of one language, lower-cased."""

    speech: frozenset[str]  # verb forms introducing speech: said, says, told, dijo
    according: tuple[str, ...]  # "according to", "según"
    he: frozenset[str]  # subject pronouns for a man
    she: frozenset[str]
    it: frozenset[str]  # pronouns and phrases for an organisation
    male: frozenset[str]  # titles and nouns marking a man: mr, spokesman
    female: frozenset[str]
    org: frozenset[str]  # words that make a name an organisation's
    closed: frozenset[str]  # words that never begin a name
    connectors: frozenset[str]  # lower-case words inside names: of, de
    months: dict[str, int]
    weekdays: dict[str, int]  # Monday is 0
    hedges: tuple[str, ...]
    age_words: tuple[str, ...]  # "aged", "-year-old"
    told: tuple[str, ...]  # verbs crediting an outlet: "told CBS"
    offices: frozenset[str] = frozenset()  # titles before a name: secretary, director
    determiners: frozenset[str] = frozenset()  # words opening a role: the, its, la, l'
    links: frozenset[str] = frozenset()  # words joining an office to whose it is: of, for, del
    relative_days: dict[str, int] = field(default_factory=dict)  # today: 0, yesterday: -1
    verb_endings: tuple[str, ...] = ()  # after a counted noun, a word ending so is a verb or adverb
    auxiliaries: frozenset[str] = frozenset()  # finite verbs of being, having, modals: were, fue
    nouns_capitalised: bool = False  # German writes every noun with a capital: "Sprecherin"


@functools.cache
def phrases(text: str) -> frozenset[str]:
    """Return the comma-separated phrases of `text`."""
    return frozenset(part.strip() for part in text.split(","))


def months(names: str) -> dict[str, int]:
    """Number the months named in order, several spellings of one month joined by `/`."""
    return {
        name: number
        for number, month in enumerate(names.split(), start=1)
        for name in month.split("/")
    }


def weekdays(names: str) -> dict[str, int]:
    """Number the weekdays named in order from Monday (0), several spellings joined by `/`."""
    return {name: number for number, day in enumerate(names.split()) for name in day.split("/")}
