"""Numbers and qualifier words as people write them: "over 6,000", "6.000", "6.2 million".

In: prose and a figure's `as_reported` wording. Out: the numbers found (with every value each
could mean), the qualifier words next to them, and hedge words (F-qualifier, F-self-reported).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from brief.model import Qualifier

#: Words that put a number on one side of its value, longest first so "no more than" wins.
QUALIFIER_WORDS: dict[str, Qualifier] = {
    phrase: qualifier
    for qualifier, phrases in (
        (Qualifier.ABOUT, "about|around|approximately|roughly|some|an estimated|estimated|circa"),
        (Qualifier.NEARLY, "nearly|almost|close to|just under|just shy of|not quite"),
        (Qualifier.OVER, "over|more than|above|upwards of|in excess of|exceeding|just over"),
        (Qualifier.AT_LEAST, "at least|no fewer than|no less than|a minimum of"),
        (Qualifier.UP_TO, "up to|as many as|at most|no more than|under|fewer than|less than"),
    )
    for phrase in phrases.split("|")
}
#: Words after a number that qualify it: "6,000 or more", "6,000-plus".
TRAILING_WORDS = {"or more": Qualifier.AT_LEAST, "plus": Qualifier.OVER, "+": Qualifier.OVER}
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
_NUMBER_WORDS = (
    r"(?:a\s+|half\s+a\s+)?(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million"
    r"|billion|dozen)"
)
_BEFORE_WORDS = re.compile(
    r"(?<!\w)(" + "|".join(map(re.escape, _PHRASES)) + r")\s+" + _NUMBER_WORDS + r"(?!\w)", re.I
)
_AFTER = re.compile(r"^\s*(?:-\s*)?(or more|plus|\+)(?!\w)", re.I)
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


def readings(digits: str) -> set[float]:
    """Return every value a written number could mean, in any of our languages.

    "6,000" is six thousand in English and six in German; both readings are kept, so that a
    number typed in either convention is recognised.

    >>> sorted(readings("6.000")), sorted(readings("1,234,567")), sorted(readings("12.5"))
    ([6.0, 6000.0], [1234567.0], [12.5])
    """
    found: set[float] = set()
    parts = re.split(r"([,.\u00a0\u202f\u2009'’])", digits)
    groups, marks = parts[::2], parts[1::2]
    if len(groups) == 1:
        return {float(digits)}
    if all(len(group) == 3 for group in groups[1:]) and len(set(marks)) == 1:
        found.add(float("".join(groups)))  # thousands separators
    last, earlier = marks[-1], set(marks[:-1])
    decimal = last in ",." and last not in earlier and len(earlier) <= 1
    if decimal and all(len(group) == 3 for group in groups[1:-1]):
        found.add(float("".join(groups[:-1]) + "." + groups[-1]))  # a decimal mark
    return found


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


def qualifier_anywhere(text: str) -> Qualifier | None:
    """Return the qualifier written before a number in words ("more than six thousand").

    >>> qualifier_anywhere("More than six thousand lives"), qualifier_anywhere("over the years")
    (<Qualifier.OVER: 'over'>, None)
    """
    match = _BEFORE_WORDS.search(text)
    return QUALIFIER_WORDS[match.group(1).lower()] if match else None


def hedge_in(text: str) -> str:
    """Return the first hedge word in a text, or "".

    >>> hedge_in("Thorn has reportedly played a key role")
    'reportedly'
    """
    lowered = text.lower()
    return next((w for w in HEDGE_WORDS if re.search(rf"(?<!\w){w}(?!\w)", lowered)), "")
