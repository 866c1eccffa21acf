"""The words drafting reads by, per language: speech verbs, pronouns, titles, organisation
words, months and weekdays, and the closed-class words that never start a name.

In: a language tag. Out: a `Words` table. English and Spanish are written out in full; French,
German and Portuguese have their own speech verbs, pronouns, offices, months, weekdays and
relative days over the English (or Spanish) rest; Arabic falls back to English words.

The tables: `english`, `spanish` (in full), `french`, `german`, `portuguese` (over one of
those); `vocabulary` holds the `Words` shape and the helpers the tables are written with.
"""

from __future__ import annotations

from brief.draft.words.english import ENGLISH
from brief.draft.words.french import FRENCH
from brief.draft.words.german import GERMAN
from brief.draft.words.portuguese import PORTUGUESE
from brief.draft.words.spanish import SPANISH
from brief.draft.words.vocabulary import Words

__all__ = ["words_for"]


def words_for(lang: str) -> Words:
    """Return the vocabulary for a BCP 47 tag (its primary language), English by default."""
    tables = {"es": SPANISH, "fr": FRENCH, "de": GERMAN, "pt": PORTUGUESE}
    return tables.get(lang.split("-")[0].lower(), ENGLISH)
