"""Amounts stated without a number: vague quantities ("hundreds", "tens of thousands", "a few
hundred", "miles de"), dozens ("half a dozen") and shares in words ("3 in 10", "a third of").

In: a text. Out: an `Atom` for each such amount: a vague one holds its range (docs/findings.md,
"How numbers are read"), a share its value in per cent.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from brief.analyse.numbers.reading import Atom
from brief.analyse.numbers.regex import alternation
from brief.analyse.numbers.units import DURATION

#: Vague quantities as ranges: "hundreds" is 200–999 (two hundred up to the next order); the
#: same rule for every order, in every shipped language (docs/findings.md).
VAGUE: dict[str, tuple[float, float]] = {
    **dict.fromkeys(["dozens", "docenas", "douzaines", "dutzende", "dúzias", "dozzine"], (24, 99)),
    **dict.fromkeys(["scores"], (40, 99)),
    **dict.fromkeys(["tens", "decenas", "dizaines", "dezenas", "decine", "عشرات"], (20, 99)),
    **dict.fromkeys(
        [
            "hundreds",
            "cientos",
            "centenares",
            "centaines",
            "hunderte",
            "centenas",
            "centinaia",
            "مئات",
            "مئات",
        ],
        (200, 999),
    ),
    **dict.fromkeys(
        ["thousands", "miles", "milliers", "tausende", "milhares", "migliaia", "آلاف", "الآلاف"],
        (2_000, 9_999),
    ),
    **dict.fromkeys(["zehntausende"], (20_000, 99_999)),
    **dict.fromkeys(["hunderttausende"], (200_000, 999_999)),
    **dict.fromkeys(
        ["millions", "millones", "milhões", "millionen", "milioni", "ملايين"], (2e6, 9_999_999)
    ),
    **dict.fromkeys(["billions", "miles de millones", "milliards", "milliarden"], (2e9, 9.999e9)),
}
#: "a few hundred", "several thousand": a few of that order (2–9 of it).
FEW = (
    "a few|few|several|a couple of|some|unos pocos|unas pocas|varios|varias|quelques|plusieurs"
    "|einige|mehrere|ein paar|alguns|algumas|vários|várias|alcuni|alcune|diversi|بضع|بضعة|عدة"
)

_FEW_BASES = {
    **dict.fromkeys(
        [
            "hundred",
            "cien",
            "cientos",
            "cent",
            "cents",
            "hundert",
            "cem",
            "centenas",
            "cento",
            "مئة",
        ],
        100,
    ),
    **dict.fromkeys(["thousand", "mil", "mille", "tausend", "mila", "ألف", "آلاف"], 1e3),
    **dict.fromkeys(
        ["million", "millones", "millions", "millionen", "milhões", "milioni", "ملايين"], 1e6
    ),
}
_FEW_BASE = alternation(_FEW_BASES)
_VAGUE_WORDS = "|".join(
    re.escape(word) + (r"(?=\s+de\b)" if word == "miles" else "")
    for word in sorted(VAGUE, key=len, reverse=True)
)
_VAGUE = re.compile(
    rf"(?<!\w)(?:(?P<few>{FEW})\s+(?P<base>(?:{_FEW_BASE})(?:\s+(?:{_FEW_BASE}))?)"
    r"|(?P<tens>tens|decenas|dizaines|dezenas|decine|عشرات)\s+(?:of|de|des|di)?\s*"
    r"(?P<tbase>thousands|millions|miles|milliers|milhares|migliaia|millones|milhões|milioni"
    r"|الآلاف|آلاف|ملايين)|(?P<hbase>hundreds|cientos|centaines|centenas|centinaia|مئات)\s+"
    r"(?:of|de|des|di)?\s*(?:thousands|miles|milliers|milhares|migliaia|الآلاف|آلاف)"
    rf"|(?P<word>{_VAGUE_WORDS}))(?!\w)",
    re.I,
)


def vague_atoms(text: str) -> Iterator[Atom]:
    """Yield the vague amounts ("hundreds", "a few thousand", "tens of millions"), with ranges."""
    for match in _VAGUE.finditer(text):
        if match.group("few"):
            factor = math.prod(_FEW_BASES[w.lower()] for w in match.group("base").split())
            bounds = (2 * factor, 9 * factor)
        elif match.group("tens"):
            order = _order(match.group("tbase"))
            bounds = (20 * order, 100 * order - 1)
        elif match.group("hbase"):
            bounds = (200_000, 999_999)
        else:
            bounds = VAGUE[match.group("word").lower()]
        atom = Atom(match.start(), match.end(), frozenset(), bounds[0], vague=bounds)
        atom.extra["compound"] = not match.group("word")
        yield atom


#: "a dozen", "half a dozen", "two dozen", "3 dozen" (English; "dozens" is vague, see VAGUE).
_DOZEN = re.compile(
    r"(?<![\w.,])(?:(?P<half>half\s+an?)|(?P<one>an?)|(?P<digits>\d{1,3})|(?P<word>one|two|three"
    r"|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+dozen(?!\w)",
    re.I,
)
_SMALL = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]


_SMALL_NUMBER = r"\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten"
#: "7 out of every 10", "3 in 10", "one in five": a share, read as a percentage (English).
_FRACTION = re.compile(
    rf"(?<![\w.,])(?P<part>{_SMALL_NUMBER})\s+(?:out\s+of|in)\s+(?:every\s+)?"
    rf"(?P<whole>{_SMALL_NUMBER}|a\s+hundred|a\s+thousand)(?![\w.,]?\d|\w)",
    re.I,
)


def _small_value(word: str) -> float:
    """Return the value of a small number in digits or English words ("7", "a hundred")."""
    word = " ".join(word.lower().split())
    if word.isdigit():
        return float(word)
    return {"a hundred": 100.0, "a thousand": 1000.0}.get(word) or _SMALL.index(word) + 1.0


#: "a third of", "half of", "two-thirds of": a share of what follows (English).
_PART_OF = re.compile(
    r"(?<!\w)(?P<part>(?:a|one)\s+(?:third|quarter|fifth|tenth)|half|two[-\s]thirds"
    r"|three[-\s]quarters)\s+of(?!\w)",
    re.I,
)
_PARTS = {"third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0, "half": 50.0}


def fraction_atoms(text: str) -> Iterator[Atom]:
    """Yield the shares written in words ("3 in 10", "a third of") as percentages."""
    for match in _FRACTION.finditer(text):
        part, whole = _small_value(match.group("part")), _small_value(match.group("whole"))
        if DURATION.match(text[match.end() : match.end() + 24]):
            continue  # "3 in 10 minutes" is a count and a span of time
        if 0 < part < whole <= 1000:  # "died in 2019" is no share
            yield _share_atom(match.start(), match.end(), 100 * part / whole)
    for match in _PART_OF.finditer(text):
        words = match.group("part").lower().replace("-", " ").split()
        value = _PARTS.get(words[-1].rstrip("s"), 0.0) * (2 if words[0] == "two" else 1)
        value *= 3 if words[0] == "three" else 1
        end = match.start() + len(match.group("part"))
        yield _share_atom(match.start(), end, value)


def _share_atom(start: int, end: int, value: float) -> Atom:
    """Return a share in words as a number in per cent."""
    value = round(value, 6)
    atom = Atom(start, end, frozenset({value}), value, words=True)
    atom.extra["fraction"] = True
    return atom


def dozen_atoms(text: str) -> Iterator[Atom]:
    """Yield the dozens ("a dozen", "half a dozen", "3 dozen") as their values."""
    for match in _DOZEN.finditer(text):
        if match.group("half"):
            value = 6.0
        elif match.group("one"):
            value = 12.0
        elif match.group("digits"):
            value = 12.0 * int(match.group("digits"))
        else:
            value = 12.0 * (_SMALL.index(match.group("word").lower()) + 1)
        yield Atom(match.start(), match.end(), frozenset({value}), value, words=True)


def _order(word: str) -> float:
    """Return the order a plural scale word names: "thousands" -> 1,000."""
    return 1e6 if word.lower() in ("millions", "millones", "milhões", "milioni", "ملايين") else 1e3
