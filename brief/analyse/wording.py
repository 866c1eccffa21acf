"""Numbers typed in prose ("over 6,000", "6.000", "6.2 million") and hedge words.

In: prose (F-qualifier `typed`) and a figure's `as_reported` (hedges, F-self-reported). Out: the
numbers found (with every value each could mean), the qualifier words next to them (the number
reader's tables, every shipped language), and hedge words. `as_reported` itself is read by
`numbers.read_numbers`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from brief.analyse.numbers.digits import readings
from brief.analyse.numbers.qualifiers import QUALIFIER_PHRASES, TRAILING_PHRASES
from brief.model import Qualifier

#: Words that put a number on one side of its value, in every shipped language (the reader's
#: tables, `numbers.qualifiers.QUALIFIER_PHRASES`): prose in a Spanish brief says "unos 300".
QUALIFIER_WORDS: dict[str, Qualifier] = QUALIFIER_PHRASES
#: Words after a number that qualify it: "6,000 or more", "6,000-plus".
TRAILING_WORDS = TRAILING_PHRASES
#: Words by which a source declines to vouch for a number (F-self-reported).
HEDGE_WORDS = (
    "reportedly",
    "allegedly",
    "purportedly",
    "supposedly",
    "according to",
    "is said to",
    "are said to",
    "claims",
    "claimed",
    "it is believed",
)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_PHRASES = sorted(QUALIFIER_WORDS, key=len, reverse=True)
_BEFORE = re.compile(r"(?:^|[^\w])(" + "|".join(map(re.escape, _PHRASES)) + r")[\s~$€£]*$", re.I)
__all__ = [
    "QUALIFIER_WORDS",
    "TRAILING_WORDS",
    "Number",
    "find_numbers",
    "hedge_in",
    "qualifier_near",
    "readings",
]
_AFTER = re.compile(
    r"^\s*(?:-\s*)?("
    + "|".join(map(re.escape, sorted(TRAILING_WORDS, key=len, reverse=True)))
    + r")(?!\w)",
    re.I,
)
NUMBER = re.compile(
    r"(?<![\w.,/-])(\d{1,3}(?:[,.\u00a0\u202f\u2009'’]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?:\s+(thousand|million|billion|trillion)\b)?(?!\w|[-/]\d)(\s*%| percent| per cent)?",
    re.I,
)


@dataclass(frozen=True)
class Number:
    """A number written in text: where it is, as written, and every value it could mean."""

    start: int
    end: int
    written: str
    values: frozenset[float]
    percent: bool

    def means(self, value: float) -> bool:
        """Return whether this written number can be read as `value`."""
        return any(math.isclose(candidate, value, rel_tol=1e-9) for candidate in self.values)


def find_numbers(text: str) -> list[Number]:
    """Return the numbers written in a text, skipping years (1900–2100 written without a separator).

    >>> [(n.written, sorted(n.values)) for n in find_numbers("In 2017, over 6,000 (6.2 million)")]
    [('6,000', [6.0, 6000.0]), ('6.2 million', [6.2, 6200000.0])]
    """
    found = []
    for match in NUMBER.finditer(text):
        digits, scale, percent = match.groups()
        if not scale and not percent and re.fullmatch(r"(19|20)\d\d|2100", digits):
            continue  # a year, not a count
        values = readings(digits)
        if scale:  # "6.2 million" is 6,200,000, or 6.2 with the unit "million"
            values |= {value * _SCALES[scale.lower()] for value in values}
        found.append(
            Number(match.start(), match.end(), match.group(0), frozenset(values), bool(percent))
        )
    return found


def qualifier_near(text: str, number: Number) -> Qualifier | None:
    """Return the qualifier written just before (or just after) a number in a text.

    >>> text = "helped identify nearly 6,000 victims"
    >>> qualifier_near(text, find_numbers(text)[0])
    <Qualifier.NEARLY: 'nearly'>
    """
    before = _BEFORE.search(text[max(0, number.start - 30) : number.start])
    if before:
        return QUALIFIER_WORDS[before.group(1).lower()]
    after = _AFTER.match(text[number.end : number.end + 12])
    return TRAILING_WORDS[after.group(1).lower()] if after else None


def hedge_in(text: str) -> str:
    """Return the first hedge word in a text, or "".

    >>> hedge_in("Thorn has reportedly played a key role")
    'reportedly'
    """
    lowered = text.lower()
    return next((w for w in HEDGE_WORDS if re.search(rf"(?<!\w){w}(?!\w)", lowered)), "")
