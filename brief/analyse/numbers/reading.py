"""What the number reader hands out: a `Reading` of each number and its `Kind`, and the `Atom`
a finder yields before the number's context is read.

In: nothing (plain data). Out: `Kind`, `Reading` (public) and `Atom` (inside the package).
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field

from brief.model import Qualifier


class Kind(enum.Enum):
    """What a number is. The first six are quantities a figure can be; the rest are skipped."""

    COUNT = "count"
    MONEY = "money"
    SHARE = "share"
    CHANGE = "change"
    RATE = "rate"
    DURATION = "duration"
    YEAR = "year"
    AGE = "age"
    TIME = "time"
    DATE = "date"  # the day in "20 October", "October 20"
    ORDINAL = "ordinal"
    LABEL = "label"  # "COVID-19", "Route 66", "24/7", a phone number

    @property
    def quantity(self) -> bool:
        """Return whether this kind is an amount a figure may report (not a year, age, label…)."""
        return self in _QUANTITIES


_QUANTITIES = frozenset({Kind.COUNT, Kind.MONEY, Kind.SHARE, Kind.CHANGE, Kind.RATE, Kind.DURATION})


@dataclass(frozen=True)
class Reading:
    """A number as written in a text and what its words allow.

    `low`/`high` are the bounds the words state: equal for an exact number (and for "about" or
    "nearly", whose spread `intervals.py` computes), a range's ends, a vague word's table entry;
    `high` is None for an open upper bound ("more than 200"), `low` is 0 for "up to". `values`
    holds every value the written digits could mean (6,000 is six in German), scaled and not.
    """

    start: int
    end: int
    written: str
    low: float
    high: float | None
    values: frozenset[float]
    kind: Kind = Kind.COUNT
    currency: str = ""
    unit: str = ""
    qualifier: Qualifier | None = None
    qualifier_words: str = ""
    vague: bool = False
    also: tuple[Reading, ...] = ()
    ends: tuple[Reading, Reading] | None = None

    def means(self, value: float) -> bool:
        """Return whether the written number can be read as `value` (or a vague amount holds it)."""
        if any(math.isclose(candidate, value, rel_tol=1e-9) for candidate in self.values):
            return True
        return self.vague and self.holds(value)  # "hundreds" means 450; "over 200" is not 300

    def holds(self, value: float) -> bool:
        """Return whether `value` lies within the bounds the words state."""
        return self.low <= value and (self.high is None or value <= self.high)


@dataclass
class Atom:
    """A number found in the text before its context is read."""

    start: int
    end: int
    values: frozenset[float]
    primary: float
    scaled: bool = False
    vague: tuple[float, float] | None = None
    words: bool = False
    extra: dict[str, object] = field(default_factory=dict)
