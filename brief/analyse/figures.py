"""F-* checks: figures that conflict, lack a date or a second source, are old, or self-reported.

In: a `Brief` and the date to judge staleness by. Out: findings. No all-pairs loop: figures are
compared only with figures counting the same thing, sorted by their ranges (docs/findings.md).
F-drift lives in `drift.py`, F-qualifier in `qualifiers.py`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import NamedTuple

from brief.analyse.common import FigureIndex, figure_index, label, make_finding
from brief.analyse.drift import find_drift
from brief.analyse.kinds import ends_of_one_change, figure_kinds
from brief.analyse.limits import PairLimit
from brief.analyse.wording import hedge_in
from brief.dates import PartialDate
from brief.errors import Diagnostic, Severity
from brief.model import Brief, Figure

__all__ = [
    "find_conflicts",
    "find_drift",
    "find_self_reported",
    "find_single_source",
    "find_stale",
    "find_undated",
]

#: A period that ended more than this many years before the brief's date is stale (F-stale).
STALE_YEARS = 5
_NAME_STOPWORDS = frozenset({"the", "and", "of", "a", "an", "&", "inc", "ltd", "co"})


def related_groups(index: FigureIndex) -> Iterator[tuple[int, int | None]]:
    """Yield the counts keys to compare: (key, None) for one key's figures among themselves,
    then (key, other) for each key that refines it, whose pairs cross from one to the other (so
    no pair is compared twice). The figures of a key are `index.members[key]`.
    """
    for key in sorted(index.members):
        yield key, None
        for other in index.counts.related[key]:
            if other > key and other in index.members:
                yield key, other


class _Order(NamedTuple):
    """One key's figures sorted by the low and by the high end of their ranges."""

    by_low: list[int]
    lows: list[float]
    by_high: list[int]
    highs: list[float]

    @classmethod
    def of(cls, index: FigureIndex, numbers: list[int]) -> _Order:
        by_low = sorted(numbers, key=lambda n: (index.ranges[n].low, n))
        by_high = sorted(numbers, key=lambda n: (index.ranges[n].high, n))
        lows = [index.ranges[n].low for n in by_low]
        return cls(by_low, lows, by_high, [index.ranges[n].high for n in by_high])


def conflicting_pairs(brief: Brief, limit: PairLimit | None = None) -> list[tuple[int, int]]:
    """Return (earlier, later) figure pairs that count one thing with ranges that cannot meet.

    At most `limit.listed` pairs per group of figures, and `limit.budget` pairs compared in all.
    """
    limit = limit or PairLimit()
    index = figure_index(brief)
    orders: dict[int, _Order] = {}
    found: set[tuple[int, int]] = set()
    for key, other in related_groups(index):
        for side in (key, other):
            if side is not None and side not in orders:
                orders[side] = _Order.of(index, index.members[side])
        if limit.exhausted:
            break
        group = _Group(brief, index, limit, index.members[key])
        found |= group.within(orders[key]) if other is None else group.across(orders, key, other)
    return sorted(found, key=lambda pair: (pair[1], pair[0]))


class _Group:
    """The conflicting pairs of one group of figures: the first `limit.listed` found."""

    def __init__(
        self, brief: Brief, index: FigureIndex, limit: PairLimit, members: list[int]
    ) -> None:
        self.brief, self.index, self.limit = brief, index, limit
        self.name = f"the figures counting “{brief.figures[min(members)].counts}”"
        self.where = brief.figures[min(members)].locate("counts")
        self.found: set[tuple[int, int]] = set()

    def within(self, order: _Order) -> set[tuple[int, int]]:
        """Compare the figures of one key, each with those whose range lies above its own."""
        if self.limit.closed(self.name):
            return self.found
        for position, first in enumerate(order.by_low):
            start = bisect.bisect_left(order.lows, self.index.ranges[first].high, lo=position + 1)
            if not self.compare(first, order.by_low[start:]):
                break
        return self.found

    def across(self, orders: dict[int, _Order], key: int, other: int) -> set[tuple[int, int]]:
        """Compare each figure of the smaller key with those of the larger beyond its range."""
        if self.limit.closed(self.name):
            return self.found
        small, large = sorted((key, other), key=lambda side: len(self.index.members[side]))
        order = orders[large]
        for first in self.index.members[small]:
            span = self.index.ranges[first]
            above = order.by_low[bisect.bisect_left(order.lows, span.high) :]
            below = order.by_high[: bisect.bisect_right(order.highs, span.low)]
            if not self.compare(first, below + above):
                break
        return self.found

    def compare(self, first: int, seconds: list[int]) -> bool:
        """Add the pairs of `first` with `seconds` that conflict; return False when full."""
        index, figures = self.index, self.brief.figures
        candidates = self.limit.take(seconds)
        for position, second in enumerate(candidates):
            one, other = sorted((first, second), key=lambda n: (index.ranges[n].low, n))
            if (
                index.ranges[one].below(index.ranges[other])
                and figures[one].value != figures[other].value  # F-qualifier
                and index.overlap(one, other)
                and self.alike(one, other)
            ):
                if self.limit.full(self.name, self.where):
                    self.limit.give_back(len(candidates) - position - 1)
                    return False
                self.found.add((min(first, second), max(first, second)))
        return True

    def alike(self, one: int, other: int) -> bool:
        """Return whether two figures are one sort of number and not one change's two ends."""
        kinds, figures = figure_kinds(self.brief), self.brief.figures
        if not kinds[one].comparable(kinds[other]):
            return False  # a share and a change, dollars and pounds
        values = (figures[one].value, figures[other].value)
        return not ends_of_one_change(kinds[one], kinds[other], values)


def _when(figure: Figure) -> str:
    return figure.period_text or "an unstated period"


def find_conflicts(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """F-conflict: the same thing counted for overlapping periods, in ranges that cannot meet."""
    lang = brief.meta.lang
    limit = PairLimit()
    found: list[Diagnostic] = []
    for first_number, second_number in conflicting_pairs(brief, limit):
        first, second = brief.figures[first_number], brief.figures[second_number]
        found.append(
            make_finding(
                "F-conflict",
                Severity.WARNING,
                f"{label(first, lang)} ({_when(first)}) and {label(second, lang)} "
                f"({_when(second)}) count the same thing for overlapping periods, but both cannot "
                f"be true (both read as {figure_kinds(brief)[second_number].describe()})",
                (first, second),
                "check both sources and say which one the brief relies on; if they measure "
                "different things, say what each counts in `counts`"
                + ("" if first.period is None or second.period is None else " or `period`"),
            )
        )
    return found + limit.notes("F-conflict", "figures", brief.locate("figures"))


def find_undated(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """F-undated: a figure with no period."""
    return [
        make_finding(
            "F-undated",
            Severity.WARNING,
            f"{label(figure, brief.meta.lang)} gives no year or period, so readers cannot tell "
            "how current it is",
            (figure,),
            "add `period:` (e.g. 2017 or 2012/2017) if the source gives one; otherwise say so in "
            "a caveat that covers F-undated",
            field="id",
        )
        for figure in brief.figures
        if figure.period is None
    ]


def years_before(day: dt.date, years: int) -> dt.date:
    """Return the same calendar day `years` earlier (28 February for a 29th; the first day of
    the calendar for a day less than `years` after it: `check(as_of=...)` may give any date)."""
    if day.year - years < dt.MINYEAR:
        return dt.date.min
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def find_stale(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """F-stale: the period ended more than STALE_YEARS years before the brief's date."""
    cutoff = years_before(as_of.first_day(), STALE_YEARS)
    return [
        make_finding(
            "F-stale",
            Severity.NOTE,
            f"{label(figure, brief.meta.lang)} dates from {figure.period_text}, more than "
            f"{STALE_YEARS} years before {as_of}",
            (figure,),
            "look for a more recent figure, or say why this one still matters",
            field="period",
        )
        for figure in brief.figures
        if figure.period and figure.period[1].last_day() < cutoff
    ]


def name_words(name: str) -> frozenset[str]:
    """Return a name's words for matching: lower case, possessives and filler words dropped.

    >>> sorted(name_words("Thorn's press office (the organisation)"))
    ['office', 'organisation', 'press', 'thorn']
    """
    words = re.findall(r"[^\W_]+", re.sub(r"['’]s\b", "", name.lower()))
    return frozenset(words) - _NAME_STOPWORDS


def claimed_by_subject(brief: Brief, claimed_by: str) -> str:
    """Return the name in `meta.about` that `claimed_by` names (all its words), or ""."""
    person = brief.person(claimed_by)
    claimed = name_words(person.name if person else claimed_by)
    for name in brief.meta.about:
        words = name_words(name)
        if claimed and words and (words <= claimed or claimed <= words):
            return name
    return ""


def find_self_reported(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """F-self-reported: claimed by the brief's own subject, or hedged in the source."""
    found: list[Diagnostic] = []
    for figure in brief.figures:
        subject = claimed_by_subject(brief, figure.claimed_by) if figure.claimed_by else ""
        hedges = figure.hedges or tuple(filter(None, [hedge_in(figure.as_reported)]))
        reasons = []
        if subject:
            person = brief.person(figure.claimed_by)
            claimant = person.name if person else figure.claimed_by
            reasons.append(f"claimed by {claimant}, whom this brief is about,")
        if hedges:
            reasons.append(f"hedged in the source (“{', '.join(hedges)}”)")
        if reasons:
            found.append(
                make_finding(
                    "F-self-reported",
                    Severity.NOTE,
                    f"{label(figure, brief.meta.lang)} is {' and '.join(reasons).rstrip(',')}: not "
                    "independently verified",
                    (figure,),
                    "look for an independent source for this number",
                    kind="claimed" if subject else "hedged",
                    facts=(("hedges", ", ".join(hedges)), ("claimed_by", figure.claimed_by)),
                )
            )
    return found


def find_single_source(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """F-single-source: every figure counting this thing cites the same one source."""
    index = figure_index(brief)
    sources: dict[int, set[str]] = defaultdict(set)
    for number, figure in enumerate(brief.figures):
        if figure.source:
            sources[index.keys[number]].add(figure.source)
    found: list[Diagnostic] = []
    for number, figure in enumerate(brief.figures):
        if not figure.source:
            continue  # S-uncited says so
        reporting = set().union(*(sources[key] for key in index.counts.related[index.keys[number]]))
        if reporting == {figure.source}:
            found.append(
                make_finding(
                    "F-single-source",
                    Severity.NOTE,
                    f"{label(figure, brief.meta.lang)} is reported by one source only",
                    (figure,),
                    "add a second, independent source if one exists",
                )
            )
    return found
