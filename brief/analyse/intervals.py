"""Qualifier intervals: the range of true values each reported figure allows (F-conflict…).

In: figures. Out: `Range` values (with open or closed ends) and the tests on them. The rules and
their reasoning are in docs/findings.md ("From a qualifier to a range").
"""

from __future__ import annotations

import math
from typing import NamedTuple

from brief.analyse.counts import counts_key, same_thing
from brief.model import Figure, Qualifier

__all__ = ["Range", "counts_key", "figure_range", "interval", "rounding_place", "same_thing"]

#: "about v" allows at least this fraction either side, even for a precise-looking v.
ABOUT_MIN_SPAN = 0.03
#: …and at most this fraction: "about 1,000" is not 500 (half the thousand would allow it).
ABOUT_MAX_SPAN = 0.25
#: "nearly v" allows values up to this fraction below v, and never v itself.
NEARLY_SPAN = 0.10


class Range(NamedTuple):
    """An interval of numbers; `low_open`/`high_open` exclude the bound itself."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def below(self, other: Range) -> bool:
        """Return whether every value of this range is smaller than every value of `other`.

        >>> Range(5400, 6000, high_open=True).below(Range(6000, math.inf, low_open=True))
        True
        >>> Range(5400, 6000).below(Range(6000, 6000))
        False
        """
        if self.high != other.low:
            return self.high < other.low
        return self.high_open or other.low_open

    def meets(self, other: Range) -> bool:
        """Return whether the two ranges share at least one value (both can be true)."""
        return not (self.below(other) or other.below(self))


def rounding_place(value: float) -> float:
    """Return the place value of a number's last non-zero digit (6,000 -> 1000; 5,791 -> 1).

    >>> rounding_place(6000), rounding_place(5791), rounding_place(12.5)
    (1000, 1, 0.1)
    """
    if value == 0 or not math.isfinite(value):
        return 1
    if float(value).is_integer():
        number, place = int(abs(value)), 1
        while number % 10 == 0:
            number //= 10
            place *= 10
        return place
    text = f"{abs(value):.6f}".rstrip("0")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 10.0**-decimals


def about_span(value: float) -> float:
    """Return how far "about v" may be from v: half its rounding place, within 3 %–25 % of v.

    >>> about_span(6000), about_span(5791), about_span(1000)
    (500.0, 173.73, 250.0)
    """
    size = abs(value)
    return min(max(rounding_place(value) / 2, size * ABOUT_MIN_SPAN), size * ABOUT_MAX_SPAN)


def figure_range(figure: Figure) -> Range:
    """Return the range of true values a reported figure allows.

    >>> from brief.errors import Location
    >>> def fig(v, q): return Figure("x", Location("b"), value=v, counts="x", qualifier=q)
    >>> figure_range(fig(6000, Qualifier.NEARLY))
    Range(low=5400.0, high=6000, low_open=False, high_open=True)
    >>> figure_range(fig(6000, Qualifier.OVER))
    Range(low=6000, high=inf, low_open=True, high_open=False)
    """
    value, qualifier = figure.value, figure.qualifier
    if figure.high is not None:  # a range where the source is vague: [200, 999] for "hundreds"
        if qualifier in (Qualifier.OVER, Qualifier.AT_LEAST):
            return Range(value, math.inf, low_open=qualifier is Qualifier.OVER)
        if qualifier is Qualifier.UP_TO:
            return Range(min(0, value), figure.high)
        return Range(value, figure.high)
    if qualifier is Qualifier.ABOUT:
        span = about_span(value)
        return Range(value - span, value + span)
    if qualifier is Qualifier.NEARLY:
        return Range(value - abs(value) * NEARLY_SPAN, value, high_open=True)
    if qualifier is Qualifier.OVER:
        return Range(value, math.inf, low_open=True)
    if qualifier is Qualifier.AT_LEAST:
        return Range(value, math.inf)
    if qualifier is Qualifier.UP_TO:
        return Range(min(0, value), value)
    return Range(value, value)


def interval(figure: Figure) -> tuple[float, float]:
    """Return the closed hull [low, high] of a figure's range.

    >>> from brief.errors import Location
    >>> def fig(v, q): return Figure("x", Location("b"), value=v, counts="x", qualifier=q)
    >>> interval(fig(6000, Qualifier.ABOUT)), interval(fig(6000, Qualifier.NEARLY))
    ((5500.0, 6500.0), (5400.0, 6000))
    """
    found = figure_range(figure)
    return found.low, found.high
