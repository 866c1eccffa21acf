"""Numbers that are not amounts, which figures and checks skip: labels and codes ("Route 66",
"COVID-19", "24/7", a phone number), clock times ("9 a.m."), days of dates, ordinals ("3rd"),
ages ("aged 45", "45-year-old") and years ("2009", "1990s").

In: the text around a found number (`Atom`) and the spans of phone numbers in the text. Out:
the `Kind` of a number to skip, or None for an amount.
"""

from __future__ import annotations

import re

from brief.analyse.numbers.months import next_to_month
from brief.analyse.numbers.reading import Atom, Kind
from brief.analyse.numbers.units import DURATION

#: Words after which a number is a name, not an amount: "Route 66", "Article 5", "No. 10".
LABEL_WORDS = frozenset(
    [
        "route",
        "highway",
        "interstate",
        "room",
        "flight",
        "line",
        "no.",
        "nº",
        "n°",
        "number",
        "article",
        "section",
        "chapter",
        "page",
        "p.",
        "pp.",
        "rule",
        "grade",
        "level",
        "phase",
        "stage",
        "type",
        "version",
        "model",
        "resolution",
        "bus",
        "platform",
        "gate",
        "category",
        "class",
        "act",
        "title",
        "exit",
        "lane",
        "unit",
        "ward",
        "district",
        "precinct",
        "apartment",
        "apt",
        "suite",
        "building",
        "floor",
        "channel",
        "episode",
        "season",
        "game",
        "week",
        "round",
        "item",
        "paragraph",
        "clause",
        "schedule",
        "artículo",
        "capítulo",
        "página",
        "ruta",
        "número",
        "article",
        "chapitre",
        "page",
        "numéro",
        "artikel",
        "kapitel",
        "seite",
        "nummer",
        "artigo",
        "capítulo",
        "página",
        "número",
        "articolo",
        "capitolo",
        "pagina",
        "numero",
        "المادة",
        "الفصل",
        "صفحة",
    ]
)
_AGE_BEFORE = re.compile(r"(?:\baged?|\bâgée?s? de|\bedad de|\bim alter von)\s*$", re.I)
_CLOCK = re.compile(r"^\s?(?:[ap]\.?\s?m\.?(?![^\W\d_])|o'clock|h\b|uhr\b|:\d\d)", re.I)
_ORDINAL = re.compile(r"^(?:st|nd|rd|th|º|ª|e|er|ère|eme|ème|\.(?=\s+[A-ZÄÖÜ]))(?!\w)", re.I)
PHONE = re.compile(
    r"(?<![\w.])(?:\+\d{1,3}[\s.-]?)?\(\d{1,4}\)[\s.-]?\d{2,4}(?:[\s.-]\d{2,4})+(?!\w)"
    r"|(?<![\w.])(?:\+\d{1,3}[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,4}){2,}(?!\w)"
    r"|(?<![\w.])\d{3}-\d{4}(?!\w)"
)


def _label(text: str, atom: Atom) -> bool:
    """Return whether a number is a name or code: "COVID-19", "Route 66", "24/7", a phone."""
    before, after = text[max(0, atom.start - 20) : atom.start], text[atom.end : atom.end + 2]
    if re.search(r"[^\W\d_][-‐]?$", before) or re.match(r"[/:]\d|[^\W\d_]\d", after):
        return True  # glued to letters (H1N1, G7, COVID-19) or a slash (24/7, 9/11)
    if re.search(r"\d[/:]$", before) or re.match(r"[^\W\d_]{1,2}\d", after):
        return True
    if re.search(r"[^\W\d_][-‐]\d+[-‐]$", before):
        return True  # the last part of a code: "HQ-22-160", "A-1-2"
    if re.match(r"\s?°\s?[NSEW]\b", text[atom.end : atom.end + 4]):
        return True  # a coordinate: "31.110°N 8.440°W"
    words = before.split()
    if not words or (words[-1].isupper() and len(words[-1]) >= 3):
        return False  # an acronym is a name before its number: "ACT 5.07" (a party's share)
    return words[-1].lower() in LABEL_WORDS and not atom.scaled


def skipped_kind(text: str, atom: Atom, phone: list[tuple[int, int]]) -> Kind | None:
    """Return the kind of a number that is not an amount (label, ordinal, time, age, year)."""
    if "kind" in atom.extra:
        kind = atom.extra["kind"]
        return kind if isinstance(kind, Kind) else None
    after = text[atom.end : atom.end + 24]
    if atom.vague is not None:
        return None
    if not atom.scaled and _clock_time(atom.primary) and _CLOCK.match(after):
        return Kind.TIME
    if not atom.scaled and 1 <= atom.primary <= 31 and next_to_month(text, atom):
        return Kind.DATE
    if any(start <= atom.start and atom.end <= end for start, end in phone) or _label(text, atom):
        return Kind.LABEL
    if not atom.words and _ORDINAL.match(after):
        return Kind.ORDINAL
    duration = DURATION.match(after)
    if (duration and duration.group("old")) or _AGE_BEFORE.search(text[: atom.start][-20:]):
        return Kind.AGE
    written = text[atom.start : atom.end]
    if re.fullmatch(r"(?:19|20)\d\d|2100", written) or (
        re.match(r"['’]?s\b", after) and len(written) == 4
    ):
        return Kind.YEAR
    return None


def _clock_time(value: float) -> bool:
    """Return whether a number before "a.m."/"PM" can be a time: 9, 12, or 908 for 9:08."""
    if value <= 24:
        return True
    if not value < 2400:  # also refuses inf and nan: digits beyond any float are no time
        return False
    hours, minutes = divmod(int(value), 100)
    return value == int(value) and 1 <= hours <= 12 and minutes < 60


def phone_like(written: str) -> bool:
    """Return whether digit groups are a phone number, not a number with spaced thousands."""
    groups = re.split(r"[\s.()+-]+", written.strip("+()"))
    groups = [group for group in groups if group]
    separators = set(re.findall(r"[\s.]", written))
    if "." in separators and len(separators) > 1 and not written.startswith(("+", "(")):
        return False  # "40.72 5.84 39.63": decimals listed with spaces, a table row

    if len(groups) == 2:
        return True  # "555-1234"
    return not all(len(group) == 3 for group in groups[1:]) or written.startswith(("+", "("))
