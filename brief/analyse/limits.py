"""Bounds on the pairwise checks, so that no brief makes the analysis grow with the square.

In: the pairs a check compares and the findings it lists. Out: `PairLimit`, which counts both, and
NOTE findings (kind `limit`) saying what was left out. 3,000 figures counting one thing made 4.5
million F-conflict pairs and 3.8 GB before they were bounded.

A check lists at most MAX_LISTED findings about one group (one counted thing, one event, one
speaker); resolving them and checking again shows the next ones. It also compares at most a
budget of pairs in the whole brief (its own, as pairs cost differently from check to check); a
brief that needs more is far beyond what a reader can take in, and the note says so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from brief.analyse.findings import Finding
from brief.errors import Location, Severity

#: Findings one pairwise check lists about one group; the rest are summed up in one note.
MAX_LISTED = 100
#: Pairs (of figures, events, quotes' words) a check compares in one brief: about a second of
#: work. The generated 5,000-figure brief of bench/analysis.py needs at most a sixth of it.
MAX_COMPARED = 1_000_000
T = TypeVar("T")
#: Kind of the notes that say what a bound left out (never printed for readers).
LIMIT_KIND = "limit"


@dataclass
class PairLimit:
    """Counts the pairs a check compares and the findings it lists about each group."""

    budget: int = field(default_factory=lambda: MAX_COMPARED)
    listed: int = field(default_factory=lambda: MAX_LISTED)
    compared: int = 0
    counted: Counter[str] = field(default_factory=Counter)
    capped: dict[str, Location] = field(default_factory=dict)

    @property
    def exhausted(self) -> bool:
        """Return whether the check has compared as many pairs as it may."""
        return self.compared > self.budget

    def compare(self, pairs: int = 1) -> bool:
        """Count `pairs` more comparisons; return False once the budget is spent."""
        self.compared += pairs
        return self.compared <= self.budget

    def take(self, items: Sequence[T]) -> Sequence[T]:
        """Return as many of `items` as the budget still allows, counting each as compared."""
        allowed = items[: max(0, self.budget - self.compared)]
        self.compared += len(items)  # more than allowed: the budget is spent, and says so
        return allowed

    def give_back(self, pairs: int) -> None:
        """Uncount `pairs` taken but not compared (a search that stopped at its first hit)."""
        self.compared -= pairs

    def full(self, group: str, where: Location) -> bool:
        """Return whether `group` may list no more findings; if it may, count one more.

        A group is named as the note names it (“the figures counting …”): groups of one name
        share their count, so a count refined a thousand ways still lists MAX_LISTED pairs.
        """
        if self.counted[group] < self.listed:
            self.counted[group] += 1
            return False
        if group not in self.capped:
            self.capped[group] = where
        return True

    def closed(self, group: str) -> bool:
        """Return whether `group` has been found to have more findings than it may list."""
        return group in self.capped

    def notes(self, code: str, things: str, where: Location) -> list[Finding]:
        """Return the notes on what was left out: one per full group, one if the budget ran out."""
        found = [
            _note(
                code,
                f"{code} lists only the first {self.listed} findings about {group}; more were "
                "found",
                location,
                "resolve the findings listed (or say in a caveat why they stand) and check again "
                "to see the next ones",
            )
            for group, location in self.capped.items()
        ]
        if self.exhausted:
            found.append(
                _note(
                    code,
                    f"{code} stopped after comparing {self.budget:,} pairs of {things}; some "
                    "findings may be missing",
                    where,
                    f"a brief this large is more than readers can weigh: split it, or give "
                    f"fewer {things}",
                )
            )
        return found


def _note(code: str, message: str, where: Location, hint: str) -> Finding:
    return Finding(code, Severity.NOTE, message, where, hint, kind=LIMIT_KIND)


def is_limit_note(finding: object) -> bool:
    """Return whether a finding is a note on a bound (for the author only, never answered)."""
    return getattr(finding, "kind", "") == LIMIT_KIND
