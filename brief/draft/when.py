"""Dates an article gives, as ISO partial dates for the timeline.

In: the article's lines, the language's `Words` and the publication date (partial, or none).
Out: `Dated` items, each with the words as written, the ISO date and whether its year (or its
day, for "on Tuesday") was taken from the publication date. A date without a year is resolved
only from the publication date: with none, it is left out and said so, never given a year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from brief.draft.article import Line
from brief.draft.words.vocabulary import Words

_YEAR = r"(1[89][0-9]{2}|20[0-9]{2})"
_BEFORE_YEAR = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|of|to|through|during|early|late|mid|the|a|an|"
    r"en|desde|hasta|del|de|el|año|its|their|his|her|fiscal|fy|year|calendar)\s+|^|[.!?]\s+|[(\[–-])$",
    re.I,
)
_AFTER_YEAR = re.compile(r"^(?:[\s,.;:)\]–-]|$|\s+(?:and|to|or|y|a)\b|\s+[a-z]+\b)")


@dataclass(frozen=True, slots=True)
class Dated:
    """A date found in the article."""

    iso: str  # 2012, 2017-02 or 2017-02-15; "" when it could not be given a year
    written: str
    line: Line
    start: int  # offset in the line
    resolved: str = ""  # why a year or day was taken from the publication date


def find_dates(line: Line, words: Words, published: str) -> list[Dated]:
    """Return the dates written in a line, the most specific first where two overlap."""
    found: list[Dated] = []
    taken: list[tuple[int, int]] = []
    for pattern, reader in _patterns(words):
        for match in pattern.finditer(line.text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            dated = reader(match, line, words, published)
            if dated is not None:
                found.append(dated)
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda item: item.start)


_PATTERNS: dict[int, list[tuple[re.Pattern[str], Any]]] = {}


def _patterns(words: Words) -> list[tuple[re.Pattern[str], Any]]:
    """Return the date patterns of a language, compiled once."""
    if id(words) not in _PATTERNS:
        _PATTERNS[id(words)] = _compile(words)
    return _PATTERNS[id(words)]


def _compile(words: Words) -> list[tuple[re.Pattern[str], Any]]:
    months = "|".join(sorted((re.escape(m) for m in words.months), key=len, reverse=True))
    days = "|".join(map(re.escape, words.weekdays))
    month = rf"(?P<month>{months})\.?"
    relative = "|".join(map(re.escape, words.relative_days)) or "(?!)"
    return [
        (
            re.compile(rf"\b{month}\s+(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.I),
            _full,
        ),
        (
            re.compile(
                rf"\b(?P<day>[0-3]?[0-9])(?:st|nd|rd|th|º|\.)?\s+(?:de\s+)?{month}\s+(?:de\s+|del\s+)?{_YEAR}\b",
                re.I,
            ),
            _full,
        ),
        (re.compile(rf"\b{month}\s+(?:de\s+|of\s+)?{_YEAR}\b", re.I), _month_year),
        (
            re.compile(rf"\b{month}\s+(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?\b(?![,.]?\d)", re.I),
            _no_year,
        ),
        (
            re.compile(rf"\b(?P<day>[0-3]?[0-9])(?:st|nd|rd|th|º|\.)?\s+(?:de\s+)?{month}\b", re.I),
            _no_year,
        ),
        (
            re.compile(
                rf"\b(?:on\s+|el\s+|this\s+|last\s+|el\s+pasado\s+)?(?P<weekday>{days})\b", re.I
            ),
            _weekday,
        ),
        (
            re.compile(
                rf"\b(?P<lead>{_LEADS})\s+{month}\b(?P<tail>\s+(?:last|next|this)\s+year)?"
                r"(?!\s*[0-9])",
                re.I,
            ),
            _month_only,
        ),
        (re.compile(r"\b(?P<iso>(?:1[89]|20)[0-9]{2}-[01][0-9]-[0-3][0-9])\b"), _iso),
        (re.compile(rf"\b(?P<relative>{relative})\b(?![’']s)", re.I), _relative),
        (re.compile(rf"(?<![\d$€£.,]){_YEAR}(?![\d%])(?!,\d)(?!\.\d)"), _year),
    ]


#: Words before a month named without a day or year: "since November", "in March".
_LEADS = (
    "in|since|by|until|from|during|last|next|this|early|late|mid|en|desde|hasta|depuis|seit|im|em"
)


def _month_only(match: re.Match[str], line: Line, words: Words, published: str) -> Dated | None:
    """Read "since November last year", "in March" from the publication date, if any."""
    if words.months.get("may") == 5 and not match["month"][0].isupper():
        return None  # English months are capitalised: "in may" is no month
    if not published:
        return Dated("", match[0], line, match.start())
    month, year = _month_number(match, words), int(published[:4])
    said = f"{match['lead']} {match['tail'] or ''}".lower()
    if "last" in said:
        year -= 1
    elif "next" in said:
        year += 1
    elif len(published) >= 7:  # the year that puts the month nearest the publication's month
        months = year * 12 + month - (year * 12 + int(published[5:7]))
        year += -1 if months > 6 else 1 if months < -6 else 0
    why = f"the year {year} was taken from the publication date {published}"
    return Dated(f"{year}-{month:02d}", match[0], line, match.start(), why)


def _iso(match: re.Match[str], line: Line, words: Words, published: str) -> Dated | None:
    try:
        day = dt.date.fromisoformat(match["iso"])
    except ValueError:
        return None
    return Dated(day.isoformat(), match[0], line, match.start())


def _month_number(match: re.Match[str], words: Words) -> int:
    return words.months[match["month"].lower().rstrip(".")]


def _full(match: re.Match[str], line: Line, words: Words, published: str) -> Dated | None:
    try:
        day = dt.date(int(match[3]), _month_number(match, words), int(match["day"]))
    except ValueError:
        return None
    return Dated(day.isoformat(), match[0], line, match.start())


def _month_year(match: re.Match[str], line: Line, words: Words, published: str) -> Dated:
    iso = f"{match[2]}-{_month_number(match, words):02d}"
    return Dated(iso, match[0], line, match.start())


def _no_year(match: re.Match[str], line: Line, words: Words, published: str) -> Dated | None:
    month, day = _month_number(match, words), int(match["day"])
    if not 1 <= day <= 31 or not published:
        return Dated("", match[0], line, match.start()) if 1 <= day <= 31 else None
    year = int(published[:4])
    try:
        when = dt.date(year, month, day)
    except ValueError:
        return None
    if len(published) == 10:  # the year that puts the day nearest the publication date
        anchor = dt.date.fromisoformat(published)
        near = [_in_year(month, day, year + shift) for shift in (-1, 0, 1)]
        when = min((d for d in near if d), key=lambda d: abs((d - anchor).days))
    why = f"the year {when.year} was taken from the publication date {published}"
    return Dated(when.isoformat(), match[0], line, match.start(), why)


def _in_year(month: int, day: int, year: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 29 February
        return None


def _weekday(match: re.Match[str], line: Line, words: Words, published: str) -> Dated | None:
    if re.match(r"^,?\s+(?:[0-3]?[0-9]\b|[^\W\d_]+\s+[0-3]?[0-9]\b)", line.text[match.end() :]):
        return None  # "Monday, April 6, 2009": the date that follows says it all
    if len(published) != 10:
        return Dated("", match[0], line, match.start())
    anchor = dt.date.fromisoformat(published)
    back = (anchor.weekday() - words.weekdays[match["weekday"].lower()]) % 7
    when = anchor - dt.timedelta(days=back)
    why = f"the day was counted back from the publication date {published}"
    return Dated(when.isoformat(), match[0].strip(), line, match.start(), why)


def _relative(match: re.Match[str], line: Line, words: Words, published: str) -> Dated | None:
    """Read "today" and "yesterday" from the publication date; without a full one, skip them."""
    if len(published) != 10:
        return None
    shift = words.relative_days[match["relative"].lower()]
    when = dt.date.fromisoformat(published) + dt.timedelta(days=shift)
    why = f"counted from the publication date {published}"
    return Dated(when.isoformat(), match[0], line, match.start(), why)


def _year(match: re.Match[str], line: Line, words: Words, published: str) -> Dated | None:
    before, after = line.text[: match.start()], line.text[match.end() :]
    if not _BEFORE_YEAR.search(before) or not _AFTER_YEAR.match(after):
        return None
    following = after.split()[0].lower().strip(",.;:") if after.split() else ""
    if following in _COUNTED:
        return None
    return Dated(match[1], match[0], line, match.start())


#: Nouns after a four-digit number that make it a count, not a year ("in 1500 homes").
_COUNTED = frozenset(
    [
        "people",
        "persons",
        "children",
        "adults",
        "men",
        "women",
        "homes",
        "houses",
        "households",
        "residents",
        "students",
        "cases",
        "deaths",
        "dead",
        "workers",
        "jobs",
        "troops",
        "families",
        "votes",
        "tons",
        "tonnes",
        "dollars",
        "euros",
        "pounds",
        "personas",
        "niños",
        "casas",
        "muertos",
    ]
)
