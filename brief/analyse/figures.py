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
from brief.model import Brief, Figure, same_name

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
                and not self.part_within_whole(one, other)
            ):
                if self.limit.full(self.name, self.where):
                    self.limit.give_back(len(candidates) - position - 1)
                    return False
                self.found.add((min(first, second), max(first, second)))
        return True

    def part_within_whole(self, lower: int, higher: int) -> bool:
        """Return whether the lower figure counts a part of what the higher one counts (its
        counts phrase refines the other's with more words): a part below its whole is no
        conflict ("contributions for the Syria response" of "contributions"); above, it is."""
        keys = self.index.counts.keys
        lower_key, higher_key = keys[self.index.keys[lower]], keys[self.index.keys[higher]]
        return higher_key < lower_key

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


def assumed_date(brief: Brief, figure: Figure) -> PartialDate | None:
    """Return the date a figure with no period is taken as of: its source's publication date
    (an explicit assumption, said in a note), or None."""
    if figure.period is not None or not figure.source:
        return None
    source = brief.source(figure.source)
    return source.published if source else None


def find_undated(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """F-undated: a figure with no period. When its source has a publication date, the figure is
    taken as of that date, and a note says so; otherwise a warning."""
    found: list[Diagnostic] = []
    for figure in brief.figures:
        if figure.period is not None:
            continue
        assumed = assumed_date(brief, figure)
        if assumed is None:
            found.append(
                make_finding(
                    "F-undated",
                    Severity.WARNING,
                    f"{label(figure, brief.meta.lang)} gives no year or period, so readers "
                    "cannot tell how current it is",
                    (figure,),
                    "add `period:` (e.g. 2017 or 2012/2017) if the source gives one; otherwise "
                    "say so in a caveat that covers F-undated",
                    field="id",
                )
            )
            continue
        found.append(
            make_finding(
                "F-undated",
                Severity.NOTE,
                f"{label(figure, brief.meta.lang)} gives no year or period: it is taken as of "
                f"{assumed}, when its source was published",
                (figure,),
                "add `period:` if the source gives one",
                field="id",
                kind="assumed",
                facts=(("assumed", str(assumed)), *_source_facts(brief, figure)),
            )
        )
    return found


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
    found: list[Diagnostic] = []
    for figure in brief.figures:
        assumed = assumed_date(brief, figure)
        end = figure.period[1] if figure.period else assumed
        if end is None or end.last_day() >= cutoff:
            continue
        when = figure.period_text or f"{assumed}, when its source was published"
        found.append(
            make_finding(
                "F-stale",
                Severity.NOTE,
                f"{label(figure, brief.meta.lang)} dates from {when}, more than "
                f"{STALE_YEARS} years before {as_of}",
                (figure,),
                "look for a more recent figure, or say why this one still matters",
                field="period" if figure.period else "id",
                facts=_source_facts(brief, figure, f" ({figure.period_text or assumed})"),
            )
        )
    return found


_REMARK = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*")
#: Where one `claimed_by` of format version 1 joins several claimants ("Ashton Kutcher and Demi
#: Moore"): each part is tried as a name of its own (only a whole part equal to a name counts).
_JOINT = re.compile(r"\s*,\s*|\s+(?:and|&|y|et|und|e|و)\s+", re.IGNORECASE)


def claimed_by_subject(brief: Brief, claimed_by: str) -> str:
    """Return the name in `meta.about` that the claimant IS, or "": one of the names it goes by
    (its people entry's name and aliases, and those of whom it speaks for) equals that name, a
    bracketed remark set aside ("Thorn (press office)" is Thorn). Sharing words is not being:
    "Marion County Health Department" is not "Marion County"."""
    about = {same_name(form): name for name in brief.meta.about for form in _forms(name)}
    for name in brief.identities(claimed_by):
        for form in (*_forms(name), *_JOINT.split(_REMARK.sub(" ", name))):
            if same_name(form) in about:
                return about[same_name(form)]
    return ""


#: A short name in brackets after a long one: "U.S. Department of Agriculture (USDA)".
_ABBREVIATION = re.compile(r"\s*[(\[]\s*([A-Z][A-Za-z.&-]{1,11})\s*[)\]]\s*")


def _forms(name: str) -> tuple[str, ...]:
    """Return the forms a name is known by: as written, without a bracketed remark ("Thorn
    (press office)" is Thorn), and the abbreviation it gives in brackets, when it gives one in
    capitals ("U.S. Department of Agriculture (USDA)" is also USDA).

    >>> _forms("U.S. Department of Agriculture (USDA)")
    ('U.S. Department of Agriculture (USDA)', 'U.S. Department of Agriculture', 'USDA')
    >>> _forms("Thorn (press office)")
    ('Thorn (press office)', 'Thorn')
    """
    forms = [name, _REMARK.sub(" ", name).strip()]
    short = _ABBREVIATION.search(name)
    if short and sum(char.isupper() for char in short.group(1)) >= 2:
        forms.append(short.group(1))
    return tuple(dict.fromkeys(forms))


def _source_facts(brief: Brief, figure: Figure, after: str = "") -> tuple[tuple[str, str], ...]:
    """Return the facts by which `brief check` groups a figure's notes per source."""
    source = brief.source(figure.source) if figure.source else None
    title = source.title if source else ""
    return (
        ("source", figure.source),
        ("source_title", title),
        ("item", label(figure, brief.meta.lang) + after),
    )


def find_self_reported(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """F-self-reported: claimed by the brief's own subject, or hedged in the source."""
    found: list[Diagnostic] = []
    for figure in brief.figures:
        claimant = next((name for name in figure.claimed_by if claimed_by_subject(brief, name)), "")
        subject = claimed_by_subject(brief, claimant) if claimant else ""
        hedges = figure.hedges or tuple(filter(None, [hedge_in(figure.as_reported)]))
        reasons = []
        if subject:
            shown = brief.speaker_name(claimant)
            also = "" if same_name(shown) == same_name(subject) else f" ({subject})"
            reasons.append(f"claimed by {shown}{also}, whom this brief is about,")
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
                    facts=(
                        ("hedges", ", ".join(hedges)),
                        ("claimed_by", ", ".join(figure.claimed_by)),
                    ),
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
                    facts=_source_facts(brief, figure),
                )
            )
    return found
