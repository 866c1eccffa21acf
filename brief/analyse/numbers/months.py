"""The day of a date is no amount: "20 October", "October 20", "20 de octubre", "30 Oct 2009".

In: the text around a found number (`Atom`). Out: whether it sits next to a month name (the
names of `MONTH_LANGUAGES`, from Babel, kept in `analyse/monthnames.py`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from brief.analyse.numbers.reading import Atom
from brief.analyse.numbers.regex import alternation

#: The languages whose month names make a number the day of a date (analyse/monthnames.py).
MONTH_LANGUAGES = ("en", "es", "fr", "de", "pt", "it", "ar")


def month_names_from_babel(width: Literal["wide", "abbreviated"]) -> set[str]:
    """Return Babel's month names of `MONTH_LANGUAGES`, lower case, without a final full stop.

    Not called at run time: scripts/make-month-names.py writes them into monthnames.py, which
    spares every check loading six locales' data (about 0.07 s).
    """
    from babel.dates import get_month_names

    return {
        name.lower().rstrip(".")
        for lang in MONTH_LANGUAGES
        for name in get_month_names(width, locale=lang).values()
    }


@lru_cache(maxsize=1)
def _months() -> re.Pattern[str]:
    """Month names in the six shipped languages (from Babel): wide names anywhere, abbreviated
    ones only as dates write them ("Oct. 30", "30 Oct 2009", "30 Oct,"), since many are words
    of another language ("out", "set", "mar")."""
    from brief.analyse.monthnames import ABBREVIATED, WIDE

    wide = {name for name in WIDE if name != "may"}  # a verb
    short = {name for name in ABBREVIATED - wide if len(name) >= 3 and name != "may"}
    return re.compile(
        rf"(?<!\w)(?:(?:{alternation(wide)})\.?(?!\w)"
        rf"|(?:{alternation(short)})(?:\.|(?=\s*[\d,;)]|\s*$))(?!\w))",
        re.I,
    )


def next_to_month(text: str, atom: Atom) -> bool:
    """Return whether a number is the day of a date: "20 October", "October 20", "20 de octubre"."""
    before = text[max(0, atom.start - 20) : atom.start].rstrip(" \u00a0")
    before = re.sub(
        r"\b\d{1,2}(?:st|nd|rd|th)?\s*(?:[-–—]|to|and|y|et|und|e)\s*$", "", before
    ).rstrip()
    after = text[atom.end : atom.end + 24]
    after = re.sub(r"^\s*(?:[-–—]|to|and|y|et|und|e)\s*\d{1,2}(?:st|nd|rd|th)?(?!\d)", "", after)
    after = re.sub(r"^(?:st|nd|rd|th|er|º|\.)?\s*(?:de|of)?\s*", "", after)
    month_before = re.search(rf"(?:{_months().pattern})$", before, re.I)
    return bool(month_before or _months().match(after))
