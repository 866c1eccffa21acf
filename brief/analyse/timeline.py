"""T-* checks: events dated too loosely to order, and one event given two different dates.

In: a `Brief`. Out: findings about its timeline (docs/findings.md, "Dates").
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from brief.analyse.counts import content_words
from brief.analyse.findings import Finding, per_brief
from brief.analyse.limits import PairLimit
from brief.dates import PartialDate
from brief.errors import Diagnostic, Severity
from brief.model import Brief, Event
from brief.read.markup import plain_text

#: How far "approx: true" widens a date, by its precision: around 2012 may be 2011 or 2013.
APPROX_WIDTH = {
    "year": dt.timedelta(days=366),
    "month": dt.timedelta(days=31),
    "day": dt.timedelta(days=1),
}


def normalise_event(text: str) -> str:
    """Return an event's text for comparison: plain words, stop words dropped, stemmed.

    >>> normalise_event("Thorn is *founded*.") == normalise_event("thorn was founded")
    True
    """
    return " ".join(content_words(plain_text(text)))


def short(event: Event) -> str:
    """Return an event's first words, quoted, for messages."""
    text = plain_text(event.event.markdown)
    return f"“{text[:70]}{'…' if len(text) > 70 else ''}”"


def find_imprecise(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """T-imprecise: an event dated only to the year while another event shares that year.

    Entries telling the same event (T-conflict's sets) do not count: their order is moot.
    """
    in_year: dict[int, int] = defaultdict(int)
    finer_in_year: dict[int, int] = defaultdict(int)
    for event in brief.timeline:
        if event.date is None:
            continue
        in_year[event.date.year] += 1
        finer_in_year[event.date.year] += event.date.precision != "year"
    same = {n: members for members in same_event_sets(brief) for n in members}
    found: list[Diagnostic] = []
    for number, event in enumerate(brief.timeline):
        if event.date is None:
            continue
        year = event.date.year
        mine = [brief.timeline[n] for n in same.get(number, [number])]
        mine = [other for other in mine if other.date and other.date.year == year]
        others = in_year[year] - len(mine)
        if event.date.precision != "year" or not others:
            continue
        finer = finer_in_year[year] > sum(
            other.date is not None and other.date.precision != "year" for other in mine
        )
        many = others > 1
        found.append(
            Finding(
                "T-imprecise",
                Severity.NOTE,
                f"{short(event)} is dated only to {year}, and {others} other "
                f"event{'s' * many} of that year {'are' if many else 'is'} in the timeline"
                + (" with a finer date" if finer else "")
                + ", so their order is not known",
                event.locate("date"),
                "give the month or day if a source states it",
                (event.id,),
                facts=(("year", str(event.date.year)),),
            )
        )
    return found


def date_range(event: Event, end: bool = False) -> tuple[dt.date, dt.date]:
    """Return the days an event's date (or end date) may mean, widened when `approx`."""
    date = event.end if end and event.end else event.date
    if date is None:  # an undated event may be any day
        return dt.date.min, dt.date.max
    width = APPROX_WIDTH[date.precision] if event.approx else dt.timedelta(0)
    first, last = date.first_day(), date.last_day()
    # validation keeps years in 1000-2999; a Brief built by a program may not, so saturate
    earliest = first - width if first - dt.date.min >= width else dt.date.min
    latest = last + width if dt.date.max - last >= width else dt.date.max
    return earliest, latest


def _disagree(first: Event, second: Event) -> bool:
    def apart(one: tuple[dt.date, dt.date], other: tuple[dt.date, dt.date]) -> bool:
        return one[1] < other[0] or other[1] < one[0]

    if first.date is None or second.date is None:
        return False  # an undated telling gives no date to disagree with
    if apart(date_range(first), date_range(second)):
        return True
    return bool(first.end and second.end) and apart(
        date_range(first, end=True), date_range(second, end=True)
    )


def same_event_sets(brief: Brief) -> list[list[int]]:
    """Return sets of entries (by position) that tell one event: same_as links or same text."""
    return per_brief("same-events", brief, _same_event_sets)


def _same_event_sets(brief: Brief) -> list[list[int]]:
    parent = list(range(len(brief.timeline)))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    position = {event.id: number for number, event in enumerate(brief.timeline)}
    by_text: dict[str, int] = {}
    for number, event in enumerate(brief.timeline):
        if event.same_as in position:
            parent[root(number)] = root(position[event.same_as])
        text = normalise_event(event.event.markdown)
        if text:
            parent[root(number)] = root(by_text.setdefault(text, number))
    sets: dict[int, list[int]] = defaultdict(list)
    for number in range(len(brief.timeline)):
        sets[root(number)].append(number)
    return [members for members in sets.values() if len(members) > 1]


def find_date_conflicts(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """T-conflict: entries for one event (same_as, or the same text) with dates that disagree."""
    limit = PairLimit()
    found: list[Diagnostic] = []
    for members in same_event_sets(brief):
        if limit.exhausted:
            break
        found += _set_conflicts(brief, members, limit)
    return found + limit.notes("T-conflict", "timeline entries", brief.locate("timeline"))


def _set_conflicts(brief: Brief, members: list[int], limit: PairLimit) -> list[Finding]:
    """Return the first findings about the entries of one event whose dates disagree."""
    found: list[Finding] = []
    for position, first_number in enumerate(members):
        for second_number in limit.take(members[position + 1 :]):
            first, second = brief.timeline[first_number], brief.timeline[second_number]
            if not _disagree(first, second):
                continue
            event = brief.timeline[members[0]]
            if limit.full(f"the entries telling {short(event)}", event.locate("date")):
                return found
            found.append(
                Finding(
                    "T-conflict",
                    Severity.WARNING,
                    f"one event is given two dates: {first.date} ('{first.id}') and "
                    f"{second.date} ('{second.id}'): {short(second)}",
                    second.locate("date"),
                    "check the sources and keep the date they support; if both are "
                    "uncertain, use the wider date with `approx: true`",
                    (first.id, second.id),
                )
            )
    return found
