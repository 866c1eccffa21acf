"""T-* checks: events dated too loosely to order, and one event given two different dates.

In: a `Brief`. Out: findings about its timeline.
"""

from __future__ import annotations

import re
from collections import defaultdict

from brief.dates import PartialDate
from brief.errors import Diagnostic, Severity
from brief.markup import plain_text
from brief.model import Brief, Event


def normalise_event(text: str) -> str:
    """Return an event's text for comparison: plain, lower case, punctuation and spaces dropped.

    >>> normalise_event("Thorn is *founded*.") == normalise_event("thorn is founded")
    True
    """
    return " ".join(re.findall(r"\w+", plain_text(text).lower()))


def _short(event: Event) -> str:
    text = plain_text(event.event.markdown)
    return f"“{text[:70]}{'…' if len(text) > 70 else ''}”"


def find_imprecise(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """T-imprecise: an event dated only to the year while another event shares that year."""
    by_year: dict[int, list[Event]] = defaultdict(list)
    for event in brief.timeline:
        by_year[event.date.year].append(event)
    found = []
    for events in by_year.values():
        if len(events) < 2:
            continue
        for event in events:
            if event.date.precision == "year":
                found.append(
                    Diagnostic(
                        "T-imprecise",
                        Severity.NOTE,
                        f"{_short(event)} is dated only to {event.date.year}, like another "
                        "event of that year, so their order is not known",
                        event.locate("date"),
                        "give the month or day if a source states it",
                        (event.id,),
                    )
                )
    return found


def find_date_conflicts(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """T-conflict: entries for one event (same_as, or the same text) with different dates."""
    found = []
    events = {event.id: event for event in brief.timeline}
    pairs: list[tuple[Event, Event]] = []
    for event in brief.timeline:
        if event.same_as and event.same_as in events:
            pairs.append((events[event.same_as], event))
    by_text: dict[str, list[Event]] = defaultdict(list)
    for event in brief.timeline:
        by_text[normalise_event(event.event.markdown)].append(event)
    for same in by_text.values():
        pairs += [(same[0], other) for other in same[1:]]
    seen: set[tuple[str, str]] = set()
    for first, second in pairs:
        key = tuple(sorted((first.id, second.id)))
        if key in seen or (first.date, first.end) == (second.date, second.end):
            continue
        seen.add(key)  # type: ignore[arg-type]
        found.append(
            Diagnostic(
                "T-conflict",
                Severity.WARNING,
                f"one event is given two dates: {first.date} and {second.date} ({_short(second)})",
                second.locate("date"),
                "check the sources and keep the date they support",
                (first.id, second.id),
            )
        )
    return found
