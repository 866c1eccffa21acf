"""F-* checks: figures that conflict, drift, lose their qualifier, or lack a date or a 2nd source.

In: a `Brief` and the date to judge staleness by. Out: findings. No all-pairs loop: figures are
grouped by what they count, and compared by value only in a sorted sliding window
(docs/findings.md).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from brief.analyse.intervals import counts_key, interval, same_thing
from brief.dates import PartialDate
from brief.errors import Diagnostic, Severity
from brief.l10n import format_figure, format_number
from brief.model import Brief, Figure, Qualifier

#: Two figures whose values differ by at most this fraction are "close" (F-drift).
DRIFT_RATIO = 0.15
#: Below this size, close values are too often a coincidence to suggest one number told two ways.
DRIFT_MIN_VALUE = 50
#: A drift cluster's message names at most this many figures (the subjects list them all).
MAX_LISTED = 6
#: A period that ended more than this many years before the brief's date is stale (F-stale).
STALE_YEARS = 5
_QUALIFIER_WORDS = {
    Qualifier.ABOUT: ("about", "around", "approximately", "roughly", "some", "an estimated"),
    Qualifier.NEARLY: ("nearly", "almost", "close to", "just under"),
    Qualifier.OVER: ("over", "more than", "above", "upwards of", "in excess of"),
    Qualifier.AT_LEAST: ("at least", "no fewer than", "a minimum of"),
    Qualifier.UP_TO: ("up to", "as many as", "at most"),
}


def label(figure: Figure, lang: str) -> str:
    """Return a figure as a reader meets it: “nearly 6,000 child victims identified”."""
    return f"“{format_figure(figure, lang)} {figure.counts}”"


def _finding(
    code: str,
    severity: Severity,
    message: str,
    figures: Iterable[Figure],
    hint: str,
    field: str = "value",
) -> Diagnostic:
    figures = list(figures)
    return Diagnostic(
        code,
        severity,
        message,
        figures[-1].locate(field),
        hint,
        tuple(figure.id for figure in figures),
    )


def _overlap(first: Figure, second: Figure) -> bool:
    if first.period is None or second.period is None:
        return True  # an unknown period may be the same one
    return (
        first.period[0].first_day() <= second.period[1].last_day()
        and second.period[0].first_day() <= first.period[1].last_day()
    )


def groups_by_count(brief: Brief) -> list[list[Figure]]:
    """Group figures that count the same thing (equal keys, or one refining the other)."""
    groups: list[tuple[frozenset[str], list[Figure]]] = []
    by_key: dict[frozenset[str], list[Figure]] = defaultdict(list)
    for figure in brief.figures:
        by_key[counts_key(figure.counts)].append(figure)
    for key, figures in sorted(by_key.items(), key=lambda item: sorted(item[0])):
        target = next((group for group_key, group in groups if same_thing(key, group_key)), None)
        if target is None:
            groups.append((key, list(figures)))
        else:
            target.extend(figures)
    return [figures for _, figures in groups]


def find_conflicts(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """F-conflict: the same thing counted for overlapping periods, in ranges that cannot meet."""
    found = []
    for group in groups_by_count(brief):
        ordered = sorted(group, key=lambda figure: interval(figure)[0])
        for index, first in enumerate(ordered):
            high = interval(first)[1]
            for second in ordered[index + 1 :]:
                if interval(second)[0] > high and _overlap(first, second):
                    found.append(
                        _finding(
                            "F-conflict",
                            Severity.WARNING,
                            f"{label(first, brief.meta.lang)} and {label(second, brief.meta.lang)} "
                            "count the same thing for the same time, but both cannot be true",
                            (first, second),
                            "check both sources; say which one the brief relies on",
                        )
                    )
    return found


class _SameMatrix:
    """`same[a][b]`: whether counts keys a and b name the same thing, computed row by row."""

    def __init__(self, keys: list[frozenset[str]]) -> None:
        self.keys = keys
        self.rows: dict[int, list[bool]] = {}

    def __getitem__(self, key: int) -> list[bool]:
        if key not in self.rows:
            self.rows[key] = [same_thing(self.keys[key], other) for other in self.keys]
        return self.rows[key]


_LAST_DRIFT: list[tuple[Brief, list[list[Figure]]]] = []


def drift_clusters(brief: Brief) -> list[list[Figure]]:
    """Return groups of figures close in value that count different things (sliding window).

    Computed once per brief: F-drift and F-qualifier both ask for it.
    """
    if _LAST_DRIFT and _LAST_DRIFT[0][0] is brief:
        return _LAST_DRIFT[0][1]
    clusters = _drift_clusters(brief)
    _LAST_DRIFT[:] = [(brief, clusters)]
    return clusters


def _drift_clusters(brief: Brief) -> list[list[Figure]]:
    keyed = sorted(
        (f for f in brief.figures if abs(f.value) >= DRIFT_MIN_VALUE),
        key=lambda figure: figure.value,
    )
    key_ids: dict[frozenset[str], int] = {}
    keys = [key_ids.setdefault(counts_key(f.counts), len(key_ids)) for f in keyed]
    distinct = list(key_ids)
    same = _SameMatrix(distinct)
    values = [figure.value for figure in keyed]
    parent = list(range(len(keyed)))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for first in range(len(keyed)):
        limit = values[first]
        row = same[keys[first]]
        for second in range(first + 1, len(keyed)):
            if values[second] - limit > abs(values[second]) * DRIFT_RATIO:
                break
            if not row[keys[second]]:
                parent[root(second)] = root(first)
    clusters: dict[int, list[int]] = defaultdict(list)
    for number in range(len(keyed)):
        clusters[root(number)].append(number)
    order = {figure.id: index for index, figure in enumerate(brief.figures)}
    return [
        sorted((keyed[n] for n in members), key=lambda figure: order[figure.id])
        for members in clusters.values()
        if len({keys[n] for n in members}) > 1
    ]


def find_drift(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """F-drift: figures close in value that count different things: one number told two ways?"""
    found = []
    for cluster in drift_clusters(brief):
        shown = [label(figure, brief.meta.lang) for figure in cluster[:MAX_LISTED]]
        more = len(cluster) - len(shown)
        labels = ", ".join(shown) + (f" and {more} more figures" if more else "")
        found.append(
            _finding(
                "F-drift",
                Severity.WARNING,
                f"{labels} are close in size but count different things; they may be one number "
                "described in different ways",
                cluster,
                "check what each source actually counted; lives saved, victims identified and "
                "children rescued are different measures",
            )
        )
    return found


def _words_qualifier(text: str) -> Qualifier | None:
    lowered = f" {text.lower()} "
    for qualifier, words in _QUALIFIER_WORDS.items():
        if any(f" {word} " in lowered for word in words):
            return qualifier
    return None


def find_qualifier_problems(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """F-qualifier: a qualifier dropped or changed, or nearly X told elsewhere as over X."""
    found = []
    lang = brief.meta.lang
    for figure in brief.figures:
        worded = _words_qualifier(figure.as_reported) if figure.as_reported else None
        if worded is not None and worded is not figure.qualifier:
            found.append(
                _finding(
                    "F-qualifier",
                    Severity.WARNING,
                    f"the source says “{figure.as_reported}” but the brief shows "
                    f"“{format_figure(figure, lang)}”: the qualifier “{worded.value}” was "
                    f"{'dropped' if figure.qualifier is Qualifier.EXACT else 'changed'}",
                    (figure,),
                    f"set `qualifier: {worded.value}`",
                    field="qualifier" if "qualifier" in figure.where else "value",
                )
            )
    related = [*groups_by_count(brief), *drift_clusters(brief)]
    seen: set[tuple[str, str]] = set()
    for group in related:
        by_value: dict[float, list[Figure]] = defaultdict(list)
        for figure in group:
            by_value[figure.value].append(figure)
        for figures in by_value.values():
            below = [f for f in figures if f.qualifier in (Qualifier.NEARLY, Qualifier.UP_TO)]
            above = [f for f in figures if f.qualifier in (Qualifier.OVER, Qualifier.AT_LEAST)]
            for low in below:
                for high in above:
                    if (low.id, high.id) in seen:
                        continue
                    seen.add((low.id, high.id))
                    found.append(
                        _finding(
                            "F-qualifier",
                            Severity.WARNING,
                            f"{label(low, lang)} and {label(high, lang)} put the same number on "
                            "opposite sides: one says below it, the other above it",
                            (low, high),
                            "find the exact figure in the original report",
                        )
                    )
    return found + find_hand_typed_numbers(brief)


_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+|\d+(?:\.\d+)?)(?![\w])")


def find_hand_typed_numbers(brief: Brief) -> list[Diagnostic]:
    """F-qualifier: a number typed in prose that equals a figure but is not written {fig:id}."""
    by_value: dict[float, list[Figure]] = defaultdict(list)
    for figure in brief.figures:
        by_value[float(figure.value)].append(figure)
    found = []
    for _label, text in brief.texts_in_order():
        prose = re.sub(r"\{fig:[^}]*\}|\[@[^\]]*\]", lambda m: " " * len(m.group(0)), text.markdown)
        for match in _NUMBER.finditer(prose):
            digits = re.sub(r"[,.\u202f\u00a0 ](?=\d{3}\b)", "", match.group(1))
            try:
                value = float(digits)
            except ValueError:
                continue
            if value >= 1900 and value <= 2100 and "," not in match.group(1):
                continue  # a year, not a count
            for figure in by_value.get(value, [])[:1]:
                found.append(
                    Diagnostic(
                        "F-qualifier",
                        Severity.WARNING,
                        f"“{match.group(1)}” is typed by hand; the figure it matches is "
                        f"{label(figure, brief.meta.lang)}, and its qualifier may be lost",
                        text.line_location(match.start()),
                        f"write {{fig:{figure.id}}} instead of the number",
                        (figure.id,),
                    )
                )
    return found


def find_undated(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """F-undated: a figure with no period."""
    return [
        _finding(
            "F-undated",
            Severity.WARNING,
            f"{label(figure, brief.meta.lang)} gives no year or period, so readers cannot "
            "tell how current it is",
            (figure,),
            "add `period:` (e.g. 2017 or 2012/2017) if the source gives one",
        )
        for figure in brief.figures
        if figure.period is None
    ]


def find_stale(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """F-stale: the period ended more than STALE_YEARS years before the brief's date."""
    found = []
    for figure in brief.figures:
        if figure.period and as_of.year - figure.period[1].year > STALE_YEARS:
            found.append(
                _finding(
                    "F-stale",
                    Severity.NOTE,
                    f"{label(figure, brief.meta.lang)} dates from {figure.period_text}, more than "
                    f"{STALE_YEARS} years before {as_of}",
                    (figure,),
                    "look for a more recent figure",
                    field="period",
                )
            )
    return found


def _claimant_is_subject(claimed_by: str, about: Iterable[str]) -> bool:
    claimed = claimed_by.lower()
    return any(name.lower() in claimed or claimed in name.lower() for name in about if name)


def find_self_reported(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """F-self-reported: claimed by the brief's own subject, or hedged in the source."""
    found = []
    for figure in brief.figures:
        by_subject = bool(figure.claimed_by) and _claimant_is_subject(
            figure.claimed_by, brief.meta.about
        )
        if by_subject or figure.hedges:
            why = (
                f"claimed by {figure.claimed_by}, who the brief is about"
                if by_subject
                else f"hedged in the source (“{', '.join(figure.hedges)}”)"
            )
            found.append(
                _finding(
                    "F-self-reported",
                    Severity.NOTE,
                    f"{label(figure, brief.meta.lang)} is {why}: not independently verified",
                    (figure,),
                    "look for an independent source for this number",
                )
            )
    return found


def find_single_source(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """F-single-source: only one source reports what a figure counts."""
    found = []
    for group in groups_by_count(brief):
        sources = {figure.source for figure in group if figure.source}
        if len(sources) <= 1:
            for figure in group:
                found.append(
                    _finding(
                        "F-single-source",
                        Severity.NOTE,
                        f"{label(figure, brief.meta.lang)} is reported by one source only",
                        (figure,),
                        "add a second, independent source if one exists",
                    )
                )
    return found


def format_value(figure: Figure, lang: str) -> str:
    """Return the bare formatted number (for messages that need it)."""
    return format_number(figure.value, lang, figure.unit)
