"""Qualifier words around a number ("about", "more than", "6,000 or more", "at least ... (77%)")
in every shipped language, and the bounds they give it.

In: the text around a found number (`Atom`) and its kind. Out: the `Qualifier` and the words
that state it; the low and high bounds of the number those words allow.
"""

from __future__ import annotations

import re

from brief.analyse.numbers.reading import Atom, Kind
from brief.analyse.numbers.regex import alternation
from brief.model import Qualifier

#: Qualifier words before a number, in every shipped language (a source may be in any of them).
QUALIFIER_PHRASES: dict[str, Qualifier] = {
    phrase: qualifier
    for qualifier, phrases in (
        (
            Qualifier.ABOUT,
            "about|around|approximately|roughly|some|an estimated|estimated|near|circa|c.|approx."
            "|alrededor de|aproximadamente|unos|unas|cerca de|en torno a|del orden de"
            "|environ|autour de|quelque|quelques|près de|rund|etwa|ungefähr|circa|ca."
            "|zirka|cerca de|por volta de|aproximadamente|em torno de|circa|intorno a"
            "|nell'ordine di|نحو|حوالي|حوالى|قرابة|ما يقرب من|زهاء|تقريبا",
        ),
        (
            Qualifier.NEARLY,
            "nearly|almost|close to|just under|just shy of|not quite|casi|presque|fast|knapp"
            "|beinahe|nahezu|quase|quasi|pressoché|ما يناهز",
        ),
        (
            Qualifier.OVER,
            "over|more than|above|upwards of|in excess of|exceeding|just over|higher than"
            "|greater than|larger than|más de|mas de|sobre"
            "|por encima de|plus de|au-delà de|mehr als|über|mais de|più di|oltre|أكثر من"
            "|ما يزيد على|ما يزيد عن|يزيد عن|يزيد على|أزيد من",
        ),
        (
            Qualifier.AT_LEAST,
            "at least|no fewer than|no less than|a minimum of|al menos|por lo menos|como mínimo"
            "|au moins|mindestens|wenigstens|pelo menos|no mínimo|almeno|per lo meno|على الأقل"
            "|ما لا يقل عن|لا يقل عن",
        ),
        (
            Qualifier.UP_TO,
            "up to|as many as|at most|no more than|under|fewer than|less than|lower than"
            "|smaller than|hasta|menos de"
            "|jusqu'à|jusqu’à|moins de|bis zu|weniger als|até|menos de|fino a|meno di|حتى"
            "|أقل من|ما يصل إلى",
        ),
    )
    for phrase in phrases.split("|")
}
#: Qualifier words after a number: "6,000 or more", "6,000-plus", "6.000 o más", "نحو".
TRAILING_PHRASES: dict[str, Qualifier] = {
    "or more": Qualifier.AT_LEAST,
    "o más": Qualifier.AT_LEAST,
    "ou plus": Qualifier.AT_LEAST,
    "oder mehr": Qualifier.AT_LEAST,
    "ou mais": Qualifier.AT_LEAST,
    "o più": Qualifier.AT_LEAST,
    "أو أكثر": Qualifier.AT_LEAST,
    "plus": Qualifier.OVER,
    "+": Qualifier.OVER,
    "or so": Qualifier.ABOUT,
    "approximately": Qualifier.ABOUT,
    "tops": Qualifier.UP_TO,
    "تقريبا": Qualifier.ABOUT,
    "تقريباً": Qualifier.ABOUT,
}
#: Qualifier words just before a number, matched on the reversed text before it: one anchored
#: match instead of a search from every position (the alternation is long).
_QUALIFIER_BEFORE_REVERSED = re.compile(
    r"\s*(?:\$(?:SU|C|A|R)?|€|£)?[\s~$€£¥₹₦\u00a0]*"
    rf"({alternation(phrase[::-1] for phrase in QUALIFIER_PHRASES)})(?!\w)",
    re.I,
)
_QUALIFIER_AFTER = re.compile(rf"^\s*(?:-\s*)?({alternation(TRAILING_PHRASES)})(?!\w)", re.I)


def written_qualifier(text: str, atom: Atom, kind: Kind, end: int) -> tuple[Qualifier | None, str]:
    """Return the qualifier written before (or after) a number, and its words."""
    before = text[max(0, atom.start - 40) : atom.start]
    match = _QUALIFIER_BEFORE_REVERSED.match(before[::-1])
    if match:
        words = match.group(1)[::-1]
        if kind is Kind.DURATION and words.lower() in ("over", "in", "under", "during"):
            return None, ""  # "over three years" is a span of time, not "more than"
        return QUALIFIER_PHRASES.get(words.lower(), QUALIFIER_PHRASES.get(words)), words
    trailing = _QUALIFIER_AFTER.match(text[end : end + 16])
    if trailing:
        return TRAILING_PHRASES[trailing.group(1).lower()], trailing.group(1)
    return _qualifier_of_bracket(text[max(0, atom.start - 80) : atom.start])


#: A number in brackets after what it measures, the qualifier before that: "higher than the
#: 2002 turnout (77%)" is over 77 %. At most six words between, none a number but a year; only
#: phrases of several words ("more than", "at least"): "about" or "over" there is a preposition.
_BRACKET_OPEN = re.compile(r"\(\s*$")


def _qualifier_of_bracket(before: str) -> tuple[Qualifier | None, str]:
    opening = _BRACKET_OPEN.search(before)
    if not opening:
        return None, ""
    words = " ".join(before[: opening.start()].split()[-9:])
    lowered = words.lower()
    for phrase in sorted(QUALIFIER_PHRASES, key=len, reverse=True):
        at = lowered.rfind(phrase)
        if " " in phrase and at != -1 and (at == 0 or not lowered[at - 1].isalnum()):
            between = lowered[at + len(phrase) :].split()
            numbers = [word for word in between if any(char.isdigit() for char in word)]
            if 0 < len(between) <= 6 and all(re.fullmatch(r"(?:19|20)\d\d", n) for n in numbers):
                return QUALIFIER_PHRASES[phrase], words[at : at + len(phrase)]
    return None, ""


def bounds(atom: Atom, qualifier: Qualifier | None) -> tuple[float, float | None]:
    """Return the low and high bounds a qualifier gives a number (high None: no upper bound)."""
    if atom.vague is not None:
        low, high = atom.vague
        return (low, None) if qualifier in (Qualifier.OVER, Qualifier.AT_LEAST) else (low, high)
    if qualifier in (Qualifier.OVER, Qualifier.AT_LEAST):
        return atom.primary, None
    if qualifier is Qualifier.UP_TO:
        return min(0.0, atom.primary), atom.primary
    return atom.primary, atom.primary
