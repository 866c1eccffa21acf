"""T-wording: a date and the source's own words for it (`as_written`) must agree.

In: a `Brief`. Out: findings for events and quotes whose `as_written` ("on Tuesday", "20 October",
"Tuesday, 20 October 2020"), read with Babel's weekday and month names (the brief's language
first, then every shipped one: sources are often in another language than the brief), does
not fit their `date`. Words without a year are anchored to the publication date of the item's
source: "on Tuesday" is a Tuesday within six days of it, "20 October" the 20 October just before or
after it (docs/findings.md, "Dates").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError

from brief.analyse.findings import Finding
from brief.compose.l10n import CATALOGUE_LANGUAGES
from brief.dates import MAX_YEAR, MIN_YEAR, PartialDate
from brief.errors import Diagnostic, Severity
from brief.model import Brief, Event, Quote

#: How far from its source's publication a weekday written alone may be: "on Tuesday" in a paper of
#: Thursday 22 October is the 20th (or, for an announcement, the 27th), never the 13th.
WEEKDAY_REACH = dt.timedelta(days=6)
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|er|º|ª|\.)?$")


@dataclass(frozen=True)
class Written:
    """What a date's wording names: a weekday (0 = Monday), a month, a day, a year."""

    weekday: int | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None


@functools.lru_cache(maxsize=16)
def _all_names(lang: str) -> tuple[tuple[dict[str, int], dict[str, int], bool], ...]:
    """Return the names of the brief's language, then of every shipped language: a brief's
    sources may be in another language than its readers' ("on Tuesday" in a Spanish brief)."""
    return tuple(_names(one) for one in dict.fromkeys((lang, *CATALOGUE_LANGUAGES)))


@functools.lru_cache(maxsize=16)
def _names(lang: str) -> tuple[dict[str, int], dict[str, int], bool]:
    """Return the weekday and month names of `lang` (wide, format and stand-alone) by their
    folded form, and whether the language capitalises them (then only capitalised words count:
    "may" is not May)."""
    try:
        locale = Locale.parse(lang, sep="-")
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en")
    days: dict[str, int] = {}
    months: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        days.update({name.casefold(): n for n, name in locale.days[context]["wide"].items()})
        months.update({name.casefold(): n for n, name in locale.months[context]["wide"].items()})
    capital = locale.days["format"]["wide"][0][:1].isupper()
    return days, months, capital


def read_written(text: str, lang: str) -> Written:
    """Return what the wording of a date names, in the brief's language.

    >>> read_written("on Tuesday, 20 October", "en")
    Written(weekday=1, month=10, day=20, year=None)
    >>> read_written("el martes 20 de octubre de 2020", "es")
    Written(weekday=1, month=10, day=20, year=2020)
    """
    tokens = _TOKEN.findall(text[:200])
    weekday = month = day = year = None
    month_at = -1
    for days, months, capital in _all_names(lang):
        for position, token in enumerate(tokens):
            if capital and not token[:1].isupper():
                continue
            folded = token.casefold()
            if folded in days and weekday is None:
                weekday = days[folded]
            elif folded in months and month is None:
                month, month_at = months[folded], position
    for token in tokens:
        if token.isdigit() and len(token) == 4 and MIN_YEAR <= int(token) <= MAX_YEAR:
            year = int(token) if year is None else year
    if month_at >= 0:
        for position in (month_at - 1, month_at + 1, month_at - 2, month_at + 2):
            found = _DAY.match(tokens[position]) if 0 <= position < len(tokens) else None
            if found and 1 <= int(found[1]) <= 31:
                day = int(found[1])
                break
    return Written(weekday, month, day, year)


def _misfit(written: Written, date: PartialDate, published: PartialDate | None) -> str:
    """Return how the wording and the date disagree, or ""."""
    if written.year is not None and written.year != date.year:
        return f"it names the year {written.year}"
    if written.month is not None and date.month is not None and written.month != date.month:
        return "it names another month"
    if written.day is not None and date.day is not None and written.day != date.day:
        return f"it names day {written.day}"
    if written.weekday is not None:
        if date.day is None:
            return "it names a weekday, which only a full date (year, month and day) can show"
        day = date.first_day()
        if day.weekday() != written.weekday:
            return f"{day.isoformat()} is a {_WEEKDAYS[day.weekday()]}"
    if written.year is None and published is not None and published.precision == "day":
        return _unanchored(written, date, published.first_day())
    return ""


def _unanchored(written: Written, date: PartialDate, published: dt.date) -> str:
    """Return how a date written without a year misses the source's publication, or ""."""
    if written.weekday is not None and written.month is None and date.day is not None:
        if abs(date.first_day() - published) > WEEKDAY_REACH:
            return (
                f"written without a date, the weekday is the one within six days of the "
                f"source's publication on {published.isoformat()}"
            )
        return ""
    if written.month is None or date.month is None:
        return ""
    years = {published.year - 1, published.year, published.year + 1}
    around = [
        year
        for year in years
        if _on_or_before(year, written, published) or _first_after(year, written, published)
    ]
    if date.year not in around:
        return (
            f"written without a year, it is the one just before or after the source's "
            f"publication on {published.isoformat()}"
        )
    return ""


def _on_or_before(year: int, written: Written, published: dt.date) -> bool:
    """Whether (month, day) of `year` is the last one on or before `published`."""
    this = (written.month or 1, written.day or 1)
    mark = (published.month, published.day)
    return year == (published.year if this <= mark else published.year - 1)


def _first_after(year: int, written: Written, published: dt.date) -> bool:
    """Whether (month, day) of `year` is the first one after `published`."""
    this = (written.month or 1, written.day or 1)
    mark = (published.month, published.day)
    return year == (published.year if this > mark else published.year + 1)


def _published(brief: Brief, item: Event | Quote) -> PartialDate | None:
    source = brief.source(item.source) if item.source else None
    return source.published if source else None


def find_wording(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """T-wording: events and quotes whose `as_written` does not fit their `date`."""
    found: list[Diagnostic] = []
    dated: tuple[Event | Quote, ...] = (*brief.timeline, *brief.quotes)
    for item in dated:
        if not item.as_written or item.date is None:
            continue
        written = read_written(item.as_written, brief.meta.lang)
        why = _misfit(written, item.date, _published(brief, item))
        if why:
            found.append(
                Finding(
                    "T-wording",
                    Severity.WARNING,
                    f"the source's words “{item.as_written}” do not fit the date {item.date}: "
                    f"{why}",
                    item.locate("as_written"),
                    "correct `date` to the day the source's words name (count from the source's "
                    "`published` date when they give no year), or correct `as_written`",
                    (item.id,),
                    facts=(("written", item.as_written), ("date", str(item.date))),
                )
            )
    return found


def find_undated_events(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """T-undated: an event with no date (allowed; it prints without one, last)."""
    return [
        Finding(
            "T-undated",
            Severity.NOTE,
            f"the event “{event.event.markdown[:70]}” has no date: it prints without one, at the "
            "end of the timeline",
            event.location,
            "add `date:` if a source gives one (a year is enough; `approx: true` when it is "
            "'around')",
            (event.id,),
        )
        for event in brief.timeline
        if event.date is None
    ]
