"""What the figure checks share: an index of a brief's figures, their labels, and findings.

In: a `Brief`. Out: `FigureIndex` (counts keys, ranges, periods as day numbers), built once per
brief and shared by F-conflict, F-drift, F-qualifier and F-single-source.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from brief.analyse.counts import CountIndex
from brief.analyse.findings import Finding, per_brief
from brief.analyse.intervals import Range, figure_range
from brief.errors import Severity
from brief.l10n import describe_figure
from brief.model import Brief, Figure, Item


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


_LABELS: dict[tuple[object, ...], str] = {}


def label(figure: Figure, lang: str) -> str:
    """Return a figure as a reader meets it: “nearly 6,000 child victims identified”."""
    key = (figure.value, figure.unit, figure.qualifier, figure.counts, lang)
    text = _LABELS.get(key)
    if text is None:  # formatting is slow (Babel) and large briefs repeat figures in findings
        if len(_LABELS) > 50_000:
            _LABELS.clear()
        text = _LABELS[key] = f"“{describe_figure(figure, lang)}”"
    return text


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
        **extra,  # type: ignore[arg-type]
    )
