"""Numbers written in digits: "6,000" (six thousand in English, six in German), "2.5m",
"4,380 millones", "١٢٣" (Arabic-Indic digits), with their scale words.

In: a text and its language (a plain space separates thousands outside English). Out: an `Atom`
for each number in digits, holding every value its digits could mean, scaled and not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from brief.analyse.numbers.currency import CURRENCY_BEFORE
from brief.analyse.numbers.reading import Atom
from brief.analyse.numbers.regex import alternation

#: Scale words after digits or number words, and what they multiply by.
SCALES: dict[str, float] = {
    **dict.fromkeys(["k", "thousand", "mil", "mille", "mila", "tausend", "ألف", "آلاف"], 1e3),
    **dict.fromkeys(
        [
            "m",
            "mn",
            "mln",
            "million",
            "millions",
            "millón",
            "millon",
            "millones",
            "mio",
            "mio.",
            "millionen",
            "milhão",
            "milhao",
            "milhões",
            "milhoes",
            "milione",
            "milioni",
            "مليون",
            "ملايين",
        ],
        1e6,
    ),
    **dict.fromkeys(
        [
            "bn",
            "b",
            "billion",
            "billions",
            "mil millones",
            "milliard",
            "milliards",
            "mrd",
            "mrd.",
            "md",
            "mds",
            "milliarde",
            "milliarden",
            "bilhão",
            "bilhões",
            "bilhao",
            "bilhoes",
            "miliardo",
            "miliardi",
            "مليار",
            "مليارات",
        ],
        1e9,
    ),
    **dict.fromkeys(["tn", "trillion", "trillions", "billones", "billón"], 1e12),
}
#: Arabic-Indic and Persian digits and marks, as the reader reads them (before anything else).
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_SCALE = alternation(SCALES)


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


@lru_cache(maxsize=16)
def _number_pattern(spaces: bool) -> re.Pattern[str]:
    """Digits with thousands separators (a plain space too, where the language allows it)."""
    separators = r"[,.\u00a0\u202f\u2009'’ ]" if spaces else r"[,.\u00a0\u202f\u2009'’]"
    return re.compile(
        rf"(?<![\w.,'’])(?P<digits>\d{{1,3}}(?P<sep>{separators})\d{{3}}(?:(?P=sep)\d{{3}})*"
        r"(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?)"
        rf"(?:(?P<space>[ \u00a0]?)(?P<scale>{_SCALE})(?![^\W\d_]))?",
        re.I,
    )


def _digit_value(digits: str) -> tuple[frozenset[float], float] | None:
    """Return every value of written digits, and the one to read first: a group of three digits
    after one mark is a thousands group in news in every language ("4,380 millones" in a
    Mexican report, "6.000" in a Spanish one), so the larger reading comes first."""
    values = readings(digits.replace(" ", "\u00a0"))
    return (frozenset(values), max(values)) if values else None  # "555.010.0199" reads as none


def _takes_scale(text: str, match: re.Match[str], currency: bool) -> bool:
    """Return whether a scale after digits is one ("2.5m" is million, "100m race" metres)."""
    scale = match.group("scale").lower()
    if scale in ("k", "m", "b") and match.group("space"):
        return False
    if scale == "m" and not currency:
        after = text[match.end() : match.end() + 20].lower()
        return not re.match(r"\s*(?:tall|high|long|deep|wide|away|race|sprint|²|\))", after)
    return True


def digit_atoms(text: str, lang: str) -> Iterator[Atom]:
    """Yield the numbers written in digits, with a scale word after them ("2.5m") applied."""
    pattern = _number_pattern(not lang.lower().startswith("en"))
    for match in pattern.finditer(text):
        value = _digit_value(match.group("digits"))
        if value is None:
            continue
        values, primary = value
        end, scaled = match.end(), False
        if match.group("scale"):
            currency = bool(CURRENCY_BEFORE.search(text[max(0, match.start() - 4) : match.start()]))
            if _takes_scale(text, match, currency):
                factor = SCALES[match.group("scale").lower()]
                values = values | {value * factor for value in values}
                primary, scaled = primary * factor, True
            else:
                end = match.end("digits")
        else:
            end = match.end("digits")
        yield Atom(match.start(), end, values, primary, scaled)
