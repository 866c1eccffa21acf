"""F-drift: figures so close in value, counting different things, that one number may be told
two ways ("over 6,000 lives saved" and "5,791 child victims identified").

In: a `Brief`. Out: groups of drifting figures, and their findings. Figures are sorted by value
and cut into windows (each holding the figures within DRIFT_RATIO of its smallest), so only
neighbours are compared, never all pairs (docs/findings.md, "F-drift").
"""

from __future__ import annotations

import itertools
import math

from brief.analyse.common import figure_index, label, listing, make_finding
from brief.analyse.counts import close_wording
from brief.analyse.findings import per_brief
from brief.analyse.kinds import ends_of_one_change, figure_kinds
from brief.analyse.limits import PairLimit
from brief.dates import PartialDate
from brief.errors import Diagnostic, Severity
from brief.model import Brief, Figure

#: Two values are "close" when they differ by at most this fraction of the larger one.
DRIFT_RATIO = 0.15
#: Below this size, close values are too often a coincidence to suggest one number told twice.
DRIFT_MIN_VALUE = 50


def close(low: float, high: float) -> bool:
    """Return whether two positive values (low <= high) are within DRIFT_RATIO of each other.

    >>> close(5791, 6608), close(103, 6000)
    (True, False)
    """
    return high - low <= DRIFT_RATIO * high


def _windows(brief: Brief) -> list[list[int]]:
    """Cut the eligible figures, sorted by value, into windows of mutually close values."""
    eligible = sorted(
        (figure.value, number)
        for number, figure in enumerate(brief.figures)
        if math.isfinite(figure.value) and figure.value >= DRIFT_MIN_VALUE
    )
    windows: list[list[int]] = []
    for value, number in eligible:
        if windows and close(brief.figures[windows[-1][0]].value, value):
            windows[-1].append(number)
        else:
            windows.append([number])
    return windows


def _close_prefix(value: list[float], first: int, following: list[int]) -> list[int]:
    """Return the figures of `following` (sorted by value) close to figure `first`, found by
    halving: closeness to a smaller value only fades as values grow."""
    low, high = 0, len(following)
    while low < high:
        middle = (low + high) // 2
        if close(value[first], value[following[middle]]):
            low = middle + 1
        else:
            high = middle
    return following[:low]


def _groups(brief: Brief) -> tuple[list[tuple[int, ...]], PairLimit]:
    index = figure_index(brief)
    found_kinds = figure_kinds(brief)
    kinds = [kind.key for kind in found_kinds]  # equal keys are comparable: the quick test
    keys, periods, related = index.keys, index.periods, index.counts.related_sets
    limit = PairLimit()

    def drifts(first: int, second: int) -> bool:  # inlined: called for every close pair
        one, other = keys[first], keys[second]
        if one == other or other in related[one]:
            return False
        if kinds[first] != kinds[second] and not found_kinds[first].comparable(found_kinds[second]):
            return False
        when, then = periods[first], periods[second]
        if not (when is None or then is None or (when[0] <= then[1] and then[0] <= when[1])):
            return False
        return not _one_report(brief, found_kinds, first, second)

    def drifting(number: int, window: list[int]) -> bool:
        candidates = limit.take(window)
        for position, other in enumerate(candidates):
            if other != number and drifts(number, other):
                limit.give_back(len(candidates) - position - 1)
                return True
        return False

    windows = _windows(brief)
    groups: list[tuple[int, ...]] = []
    for window in windows:
        if len({index.keys[number] for number in window}) < 2:
            continue
        members = [a for a in window if drifting(a, window)]
        if len(members) >= 2:
            groups.append(tuple(sorted(members)))
    value = [figure.value for figure in brief.figures]
    for window, following in itertools.pairwise(windows):
        if len({index.keys[number] for number in (*window, *following)}) < 2:
            continue  # one counted thing: nothing drifts
        across: set[int] = set()  # close pairs cut apart by the windows' edge: one more group
        for first in reversed(window):
            if limit.exhausted or not close(value[first], value[following[0]]):
                break
            for second in limit.take(_close_prefix(value, first, following)):
                if drifts(first, second):
                    across |= {first, second}
        if across:
            groups.append(tuple(sorted(across)))
    return sorted(groups, key=lambda group: (group[-1], group)), limit


def _one_report(brief: Brief, kinds: tuple, first: int, second: int) -> bool:  # type: ignore[type-arg]
    """Return whether two close figures are one number reported twice, not a drift: equal
    values of slightly different wordings (F-qualifier speaks of their qualifiers), or the two
    ends of one change ("from 1,000 to 17,000")."""
    one, other = brief.figures[first], brief.figures[second]
    if ends_of_one_change(kinds[first], kinds[second], (one.value, other.value)):
        return True
    index = figure_index(brief)
    wording = index.counts.keys[index.keys[first]], index.counts.keys[index.keys[second]]
    return one.value == other.value and close_wording(*wording)


def drift_groups(brief: Brief) -> list[tuple[int, ...]]:
    """Return groups of figure numbers close in value that count different things."""
    return per_brief("drift-groups", brief, _groups)[0]


def _kind_words(brief: Brief, group: tuple[int, ...]) -> str:
    return figure_kinds(brief)[group[0]].describe().split(",")[0]


def _measures(figures: list[Figure]) -> str:
    """Name the brief's own counted things: "“lives saved” and “victims identified” are
    different measures"."""
    names = list(dict.fromkeys(f"“{figure.counts}”" for figure in figures))
    return f"{listing(names)} are different measures" if len(names) > 1 else "what is counted"


def find_drift(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """F-drift: figures close in value that count different things: one number told two ways?"""
    found: list[Diagnostic] = []
    for group in drift_groups(brief):
        figures = [brief.figures[number] for number in group]
        labels = listing([label(figure, brief.meta.lang) for figure in figures])
        found.append(
            make_finding(
                "F-drift",
                Severity.WARNING,
                f"{labels} are close in size but count different things; they may be one number "
                f"described in different ways (each read as {_kind_words(brief, group)})",
                figures,
                f"check what each source actually counted ({_measures(figures)}); if they are one "
                "number, keep one figure, otherwise explain the difference in a caveat that "
                "covers F-drift",
            )
        )
    limit = per_brief("drift-groups", brief, _groups)[1]
    return found + limit.notes("F-drift", "figures", brief.locate("figures"))
