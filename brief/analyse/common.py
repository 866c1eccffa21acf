"""What the figure checks share: an index of a brief's figures, their labels, and findings.

In: a `Brief`. Out: `FigureIndex` (counts keys, ranges, periods as day numbers), built once per
brief and shared by F-conflict, F-drift, F-qualifier and F-single-source.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from brief.analyse.counts import CountIndex
from brief.analyse.findings import Finding, per_brief
from brief.analyse.intervals import Range, figure_range
from brief.compose.l10n import describe_figure, format_figure
from brief.errors import Location, Severity
from brief.model import Brief, Figure, Item, Qualifier


@dataclass(frozen=True)
class FigureIndex:
    """Per figure (by position in `brief.figures`): its counts key, range and period days."""

    counts: CountIndex
    keys: tuple[int, ...]
    ranges: tuple[Range, ...]
    periods: tuple[tuple[int, int] | None, ...]
    order: dict[str, int]
    members: dict[int, list[int]]  # the figures of each counts key, in order

    def overlap(self, first: int, second: int) -> bool:
        """Return whether two figures' periods overlap (a missing period may be any period)."""
        one, other = self.periods[first], self.periods[second]
        if one is None or other is None:
            return True
        return one[0] <= other[1] and other[0] <= one[1]

    def same_count(self, first: int, second: int) -> bool:
        """Return whether two figures count the same thing."""
        return self.counts.same(self.keys[first], self.keys[second])


def _build(brief: Brief) -> FigureIndex:
    counts = CountIndex.build(figure.counts for figure in brief.figures)
    keys = tuple(counts.key_of(figure.counts) for figure in brief.figures)
    members: dict[int, list[int]] = defaultdict(list)
    for number, key in enumerate(keys):
        members[key].append(number)
    return FigureIndex(
        counts,
        keys,
        tuple(figure_range(figure) for figure in brief.figures),
        tuple(
            (f.period[0].first_day().toordinal(), f.period[1].last_day().toordinal())
            if f.period
            else None
            for f in brief.figures
        ),
        {figure.id: number for number, figure in enumerate(brief.figures)},
        dict(members),
    )


def figure_index(brief: Brief) -> FigureIndex:
    """Return the brief's figure index (built once per brief)."""
    return per_brief("figure-index", brief, _build)


def label(figure: Figure, lang: str) -> str:
    """Return a figure as a reader meets it: “nearly 6,000 child victims identified”; what it
    counts comes first where the number cannot stand before it (“deaths: 1”, “case rate: 5 per
    100,000”), so that no message reads “1 deaths” or drops a unit.

    >>> from brief.errors import Location
    >>> label(Figure("d", Location("b"), value=1, counts="deaths"), "en")
    '“deaths: 1”'
    >>> label(Figure("r", Location("b"), value=5, unit="per 100,000", counts="case rate"), "en")
    '“case rate: 5\xa0per 100,000”'
    """
    return _label(
        figure.value, figure.high, figure.from_value, figure.unit, figure.currency,
        figure.qualifier, figure.counts, lang,
    )  # fmt: skip


@functools.lru_cache(maxsize=50_000)  # formatting is slow (Babel); findings repeat figures
def _label(
    value: float,
    high: float | None,
    from_value: float | None,
    unit: str,
    currency: str,
    qualifier: Qualifier,
    counts: str,
    lang: str,
) -> str:
    """A pure function of the figure's printed parts, so its cache holds no brief."""
    figure = Figure(
        "label", Location(""), value=value, high=high, from_value=from_value, unit=unit,
        currency=currency, qualifier=qualifier, counts=counts,
    )  # fmt: skip
    return f"“{_described(figure, lang)}”"


def _described(figure: Figure, lang: str) -> str:
    rate = figure.unit.lower().startswith("per ") or "rate" in figure.counts.lower().split()
    if (figure.value == 1 and figure.high is None) or rate:
        return f"{figure.counts}: {format_figure(figure, lang)}"
    return describe_figure(figure, lang)


def listing(labels: Sequence[str]) -> str:
    """Join labels as prose: "A", "A and B", "A, B and C"."""
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def make_finding(
    code: str,
    severity: Severity,
    message: str,
    items: Iterable[Item],
    hint: str,
    field: str = "value",
    **extra: object,
) -> Finding:
    """Return a finding about `items`, located at `field` of the last of them (the later one)."""
    items = list(items)
    return Finding(
        code,
        severity,
        message,
        items[-1].locate(field),
        hint,
        tuple(item.id for item in items),
        **extra,  # type: ignore[arg-type]  # Finding's keyword fields, passed through
    )
