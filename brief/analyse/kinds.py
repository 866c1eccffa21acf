"""What kind of number each figure is, so that the checks compare like with like.

In: a `Brief`. Out: per figure a `FigureKind`: a count, money (with its currency), a share, a
change, a rate or a duration, with how it was read (given by the author, or read from the unit,
currency, `as_reported` or `counts`) in words a finding can quote. F-drift, F-conflict and
F-qualifier compare two figures only when `comparable` (docs/findings.md, "Kinds of numbers").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from brief.analyse.counts import content_words
from brief.analyse.findings import per_brief
from brief.analyse.numbers import Kind, Reading, read_numbers
from brief.analyse.numbers.currency import CURRENCY_WORDS
from brief.analyse.numbers.units import CHANGE_WORDS, TIME_UNITS
from brief.model import Brief, Figure

_CHANGE = re.compile(rf"(?<!\w)(?:{CHANGE_WORDS}|change|changed)(?!\w)", re.I)
_RATE = re.compile(r"(?<!\w)(?:rate|per|ratio|incidence)(?!\w)|/", re.I)
_DURATION = re.compile(rf"^(?:{TIME_UNITS})$", re.I)
_NAMES = {
    Kind.COUNT: "a count",
    Kind.MONEY: "an amount of money",
    Kind.SHARE: "a share",
    Kind.CHANGE: "a change",
    Kind.RATE: "a rate",
    Kind.DURATION: "a length of time",
}


@dataclass(frozen=True)
class FigureKind:
    """A figure's kind, currency and unit, the reading that gave them, and how they were read."""

    kind: Kind
    currency: str = ""
    unit: str = ""
    how: str = ""
    reading: Reading | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        """What two figures must share to be compared: kind, currency, and unit of measure."""
        unit = " ".join(content_words(self.unit)) if self.kind is not Kind.MONEY else ""
        return self.kind.value, self.currency, unit

    def comparable(self, other: FigureKind) -> bool:
        """Return whether two figures are the same sort of number (a share never a change,
        money only in one currency, a rate only per the same thing, a count only in one unit;
        a count with no unit may be in any)."""
        mine, theirs = self.key, other.key
        if mine == theirs:
            return True
        plain_count = self.kind is Kind.COUNT and other.kind is Kind.COUNT
        return plain_count and not (mine[2] and theirs[2])

    def describe(self) -> str:
        """Return how the figure was read, for a finding: "read as an amount of money in GBP"."""
        name = _NAMES.get(self.kind, "a count")
        if self.currency:
            name += f" in {self.currency}"
        elif self.unit:
            name += f" ({self.unit})"
        return f"{name}, {self.how}" if self.how else name

    @property
    def change_ends(self) -> tuple[float, float] | None:
        """The two ends of the change ("from 1,000 to 17,000") this figure gives one end of."""
        if self.reading is None or self.reading.ends is None:
            return None
        first, second = self.reading.ends
        return first.low, second.low


def _iso(unit: str) -> str:
    """Return the ISO code a unit names: "USD", "$", "dollars", "euros" (or "")."""
    unit = unit.strip()
    if len(unit) == 3 and unit.isupper():
        return unit
    return CURRENCY_WORDS.get(unit.lower(), "")


def _matching(figure: Figure, lang: str) -> Reading | None:
    """Return the reading of `as_reported` that gives the figure's value, if any."""
    for reading in read_numbers(figure.as_reported, lang):
        if not reading.kind.quantity:
            continue
        if reading.means(figure.value):
            return reading
        for other in reading.also:
            if other.means(figure.value):
                return other
    return None


def _from_unit(figure: Figure, reading: Reading | None) -> FigureKind | None:
    """Read the kind from what the author wrote in `unit` and `currency`, if that settles it."""
    unit = figure.unit.strip()
    currency = figure.currency or _iso(unit)
    if currency:
        return FigureKind(Kind.MONEY, currency, "", f"from its currency “{currency}”")
    if unit in ("%", "percent", "per cent"):
        if reading is not None and reading.kind is Kind.CHANGE:
            words = f"from the source's words “{figure.as_reported}”"
            return FigureKind(Kind.CHANGE, "", "%", words)
        changed = _CHANGE.search(figure.counts)
        kind = Kind.CHANGE if changed else Kind.SHARE
        return FigureKind(kind, "", "%", f"from its unit “{unit}” and “{figure.counts}”")
    if re.search(r"percentage points?|\bpp\b", unit, re.I):
        return FigureKind(Kind.CHANGE, "", "percentage points", f"from its unit “{unit}”")
    if unit.lower().startswith("per ") or "/" in unit:
        return FigureKind(Kind.RATE, "", unit.lower(), f"from its unit “{unit}”")
    if _DURATION.match(unit):
        return FigureKind(Kind.DURATION, "", unit.lower(), f"from its unit “{unit}”")
    return None


def figure_kind(figure: Figure, lang: str = "en") -> FigureKind:
    """Return a figure's kind: as given, else from its unit, its wording, or what it counts.

    >>> from brief.errors import Location
    >>> gift = Figure("g", Location("b"), value=48.8e6, counts="gift", as_reported="$100m (£48.8m)")
    >>> figure_kind(gift).describe()
    "an amount of money in GBP, from the source's words “$100m (£48.8m)”"
    """
    reading = _matching(figure, lang) if figure.as_reported else None
    if figure.kind:
        kind = Kind(figure.kind)
        unit = figure.unit if kind is not Kind.MONEY else ""
        given = FigureKind(kind, figure.currency or _iso(figure.unit), unit, "as given")
        return FigureKind(given.kind, given.currency, given.unit, given.how, reading)
    if figure.from_value is not None:
        return FigureKind(Kind.CHANGE, figure.currency, figure.unit, "as a change", reading)
    found = _from_unit(figure, reading)
    if found is not None:
        return FigureKind(found.kind, found.currency, found.unit, found.how, reading)
    if figure.unit.strip() and (reading is None or reading.kind in (Kind.RATE, Kind.DURATION)):
        return FigureKind(Kind.COUNT, "", figure.unit, f"in its unit “{figure.unit}”", reading)
    if reading is not None and reading.kind is not Kind.COUNT:
        kind, unit = reading.kind, reading.unit or figure.unit
        if reading.ends is not None:  # one end of a change: the end's own kind
            kind, unit = reading.ends[1].kind, reading.ends[1].unit or unit
            kind = Kind.COUNT if kind is Kind.CHANGE else kind
        words = f"from the source's words “{figure.as_reported}”"
        return FigureKind(kind, reading.currency, unit, words, reading)
    if _RATE.search(figure.counts):
        return FigureKind(Kind.RATE, "", figure.unit.lower(), f"from “{figure.counts}”", reading)
    return FigureKind(Kind.COUNT, "", figure.unit, "", reading)


def figure_kinds(brief: Brief) -> tuple[FigureKind, ...]:
    """Return every figure's kind, by position (read once per brief)."""
    return per_brief(
        "figure-kinds",
        brief,
        lambda brief: tuple(figure_kind(figure, brief.meta.lang) for figure in brief.figures),
    )


def ends_of_one_change(first: FigureKind, second: FigureKind, values: tuple[float, float]) -> bool:
    """Return whether two figures are the two ends of one change the source reports."""
    ends = first.change_ends or second.change_ends
    if ends is None:
        return False
    return all(any(math.isclose(value, end) for end in ends) for value in values)
