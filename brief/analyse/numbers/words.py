"""Numbers written in words: "twelve million", "doce millones", "zwölf Millionen" through the
`text2num` library (en, es, fr, de, pt, it), and Arabic number words from a small table.

In: a text and its language (the brief's language is tried first, the others for a source
quoted in another language). Out: an `Atom` for each number in words, the longest reading of
each stretch of words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import text_to_num

from brief.analyse.numbers.digits import SCALES
from brief.analyse.numbers.reading import Atom, Kind

ARABIC_WORDS: dict[str, float] = {
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4,
    "أربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8,
    "ثماني": 8, "تسعة": 9, "تسع": 9, "عشرة": 10, "عشر": 10, "عشرين": 20, "عشرون": 20,
    "ثلاثين": 30, "ثلاثون": 30, "أربعين": 40, "أربعون": 40, "خمسين": 50, "خمسون": 50,
    "مئة": 100, "مائة": 100, "مئتين": 200, "مائتين": 200, "ألف": 1e3, "ألفين": 2e3,
    "مليون": 1e6, "مليونين": 2e6, "مليونا": 2e6, "مليار": 1e9, "ستين": 60, "ستون": 60,
    "سبعين": 70, "سبعون": 70, "ثمانين": 80, "ثمانون": 80, "تسعين": 90, "تسعون": 90,
    "مئتي": 200, "مائتي": 200, "ألفي": 2e3, "ألفا": 2e3,
    **{f"{unit}{hundred}": value * 100 for unit, value in (("ثلاث", 3), ("أربع", 4), ("خمس", 5),
       ("ست", 6), ("سبع", 7), ("ثمان", 8), ("تسع", 9)) for hundred in ("مئة", "مائة")},
}  # fmt: skip
_TEXT2NUM_LANGUAGES = ("en", "es", "fr", "de", "pt", "it")
_ARTICLES = frozenset(
    ["a", "an", "un", "una", "uno", "unos", "unas", "une", "ein", "eine", "einen", "um", "uma"]
)
_WORD_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+|[^\w\s]")


class _Token:
    """A word for `text_to_num.find_numbers` (its Token protocol), with its place in the text."""

    def __init__(self, match: re.Match[str]) -> None:
        self.match = match

    def text(self) -> str:
        return self.match.group(0)

    def nt_separated(self, previous: _Token) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


def word_atoms(text: str, lang: str) -> Iterator[Atom]:
    """Number words: text2num for its languages, a small table for Arabic."""
    base = lang.split("-")[0].lower()
    tokens = [_Token(match) for match in _WORD_TOKEN.finditer(text)]
    if base == "ar" or re.search(r"[\u0600-\u06ff]", text):
        yield from _arabic_atoms(tokens)
    primary = base if base in _TEXT2NUM_LANGUAGES else "en"
    candidates = list(_words_in(tokens, primary))
    for other in _TEXT2NUM_LANGUAGES:  # a source quoted in another language than the brief's
        if other != primary:
            found = _words_in(tokens, other)
            candidates += [atom for atom in found if _word_count(atom) >= 2]
    yield from _longest_first(candidates)


def _word_count(atom: Atom) -> int:
    """Return how many words a number written in words took ("Twelve million": 2)."""
    count = atom.extra.get("words", 0)
    return count if isinstance(count, int) else 0


def _longest_first(candidates: list[Atom]) -> list[Atom]:
    """Keep the longest reading of each stretch of words ("Twelve million" in English over
    "million" in French), the brief's language first among equals; linear in the text."""
    taken = bytearray(max((atom.end for atom in candidates), default=0))
    chosen = []
    for atom in sorted(candidates, key=lambda atom: atom.start - atom.end):  # stable: primary first
        if taken.find(1, atom.start, atom.end) == -1:
            taken[atom.start : atom.end] = b"\x01" * (atom.end - atom.start)
            chosen.append(atom)
    return sorted(chosen, key=lambda atom: atom.start)


def _words_in(tokens: list[_Token], language: str) -> Iterator[Atom]:
    for found in text_to_num.find_numbers(tokens, language, 0.0):
        words = [token.text() for token in tokens[found.start : found.end]]
        if any(word.isdigit() for word in words):
            continue  # digits are read above, with their separators and scales
        if len(words) == 1 and words[0].lower() in _ARTICLES:
            continue  # "un", "unos", "a": an article, not the number one
        first = found.start
        if first and len(words) == 1 and tokens[first - 1].text().lower() in ("a", "an"):
            first -= 1  # "a million": the article belongs to the number, and so does "over a"
        start, end = tokens[first].match.start(), tokens[found.end - 1].match.end()
        value = float(found.value)
        atom = Atom(start, end, frozenset({value}), value, words=True)
        atom.extra["words"] = sum(word.isalpha() for word in words)
        if found.is_ordinal:
            atom.extra["kind"] = Kind.ORDINAL
        yield atom


def _arabic_atoms(tokens: list[_Token]) -> Iterator[Atom]:
    position = 0
    while position < len(tokens):
        word = tokens[position].text()
        word = word[1:] if word.startswith("و") and word[1:] in ARABIC_WORDS else word
        if word not in ARABIC_WORDS:
            position += 1
            continue
        value, last = ARABIC_WORDS[word], position
        if position + 1 < len(tokens) and tokens[position + 1].text() in SCALES:
            value *= SCALES[tokens[position + 1].text()]
            last += 1
        start, end = tokens[position].match.start(), tokens[last].match.end()
        yield Atom(start, end, frozenset({value}), value, words=True)
        position = last + 1
