"""F-qualifier: a qualifier dropped, changed or contradicted anywhere a figure is shown.

In: a `Brief`. Out: findings of six kinds (docs/findings.md, "F-qualifier"):
`contradict` (one number for one count with qualifiers that cannot both hold: nearly X, over X),
`contradict-drift` (the same for two figures that may be one number told two ways, F-drift),
`dropped` (one count reported with and without a qualifier: "around 12 million", "12 million"),
`wording` (the source's words carry another qualifier than `qualifier`), `number` (the source's
words carry another number than `value`), `typed` (a number typed in prose instead of {fig:id}).
"""

from __future__ import annotations

import re
from collections import defaultdict

from brief.analyse.common import figure_index, label, make_finding
from brief.analyse.counts import close_wording, content_words
from brief.analyse.drift import drift_groups
from brief.analyse.figures import related_groups
from brief.analyse.findings import Finding
from brief.analyse.kinds import figure_kinds
from brief.analyse.limits import PairLimit
from brief.analyse.numbers import Reading, read_numbers
from brief.analyse.wording import Number, find_numbers, qualifier_near
from brief.compose.l10n import format_figure
from brief.dates import PartialDate
from brief.errors import Diagnostic, Severity
from brief.model import Brief, Figure, Qualifier, Text

#: Below this value a number typed in prose must be followed by a word of what the figure counts
#: before it is taken for the figure ("7-year-old" is not the figure "7 offices").
TYPED_MIN_VALUE = 10
_HIDDEN = re.compile(r"\{fig:[^}]*\}|\[@[^\]]*\]|\]\([^)]*\)|<?https?://\S+|`[^`]*`")


def find_qualifier_problems(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """F-qualifier: contradicting qualifiers, wording that disagrees, numbers typed by hand."""
    return [
        *find_contradictions(brief),
        *find_dropped(brief),
        *find_wording_problems(brief),
        *find_typed_numbers(brief),
    ]


def _contradicting_pairs(brief: Brief, limit: PairLimit) -> list[tuple[int, int, bool]]:
    """Return (earlier, later, same count) pairs: one value, ranges that cannot both hold.

    Figures are compared only with figures of the same value: within one counts key, across a
    key and each key refining it, and within each group of drifting figures.
    """
    index = figure_index(brief)
    values: dict[int, dict[float, list[int]]] = {}  # per counts key, its figures by value
    pairs: set[tuple[int, int, bool]] = set()
    for key, other in related_groups(index):
        if limit.exhausted:
            break
        for side in (key, other):
            if side is not None and side not in values:
                values[side] = _by_value(brief, index.members[side])
        if other is None:
            pairs |= _Contradictions(brief, limit, True).within(values[key])
        else:
            small, large = sorted((key, other), key=lambda side: len(index.members[side]))
            pairs |= _Contradictions(brief, limit, True).across(values[small], values[large])
    for group in drift_groups(brief):
        if limit.exhausted:
            break
        pairs |= _Contradictions(brief, limit, False).within(_by_value(brief, list(group)))
    return sorted(pairs, key=lambda pair: (pair[1], pair[0]))


def _by_value(brief: Brief, numbers: list[int]) -> dict[float, list[int]]:
    by_value: dict[float, list[int]] = defaultdict(list)
    for number in numbers:
        by_value[brief.figures[number].value].append(number)
    return by_value


class _Contradictions:
    """The pairs of one value in one group whose ranges cannot meet: the first few found."""

    def __init__(self, brief: Brief, limit: PairLimit, same: bool) -> None:
        self.brief, self.limit, self.same = brief, limit, same
        self.index = figure_index(brief)
        self.found: set[tuple[int, int, bool]] = set()

    def within(self, by_value: dict[float, list[int]]) -> set[tuple[int, int, bool]]:
        for numbers in by_value.values():
            for position, first in enumerate(numbers):
                if not self.compare(first, numbers[position + 1 :]):
                    return self.found
        return self.found

    def across(
        self, small: dict[float, list[int]], large: dict[float, list[int]]
    ) -> set[tuple[int, int, bool]]:
        for value, numbers in small.items():
            for first in numbers:
                if not self.compare(first, large.get(value, [])):
                    return self.found
        return self.found

    def compare(self, first: int, seconds: list[int]) -> bool:
        """Add the pairs of `first` with `seconds` that contradict; return False when full."""
        index = self.index
        group = f"the figures of {label(self.brief.figures[first], self.brief.meta.lang)}"
        if self.limit.closed(group):
            return True  # this value lists no more; the next value may
        candidates = self.limit.take(seconds)
        for position, second in enumerate(candidates):
            if self.same != index.same_count(first, second) or not index.overlap(first, second):
                continue
            kinds = figure_kinds(self.brief)
            if not kinds[first].comparable(kinds[second]):
                continue
            if index.ranges[first].meets(index.ranges[second]):
                continue
            if self.limit.full(group, self.brief.figures[first].locate("value")):
                self.limit.give_back(len(candidates) - position - 1)
                return False
            self.found.add((min(first, second), max(first, second), self.same))
        return True


def find_contradictions(brief: Brief) -> list[Finding]:
    """F-qualifier `contradict`: one number given with qualifiers that cannot both hold."""
    lang = brief.meta.lang
    limit = PairLimit()
    found = []
    for first_number, second_number, same in _contradicting_pairs(brief, limit):
        first, second = brief.figures[first_number], brief.figures[second_number]
        what = "count the same thing" if same else "may be one number told two ways (F-drift)"
        found.append(
            make_finding(
                "F-qualifier",
                Severity.WARNING,
                f"{label(first, lang)} and {label(second, lang)} {what}, but "
                f"“{format_figure(first, lang)}” and “{format_figure(second, lang)}” cannot both "
                "be true",
                (first, second),
                "find the exact wording in the original report and use its qualifier for both"
                if same
                else "check each source's exact wording; if they are one number, keep one figure "
                "with the source's qualifier",
                field="qualifier" if "qualifier" in second.where else "value",
                kind="contradict" if same else "contradict-drift",
            )
        )
    return found + limit.notes("F-qualifier", "figures", brief.locate("figures"))


def _worded(figure: Figure, lang: str) -> tuple[list[Reading], Reading | None, Qualifier | None]:
    """Return the amounts in `as_reported`, the one meaning `value`, and its qualifier word.

    Years, ages, times and labels are not amounts; a bracketed conversion ("$100m (£48.8m)")
    and a change's two ends ("from 1,000 to 17,000") each give the figure's value too.
    """
    readings = [
        reading for reading in read_numbers(figure.as_reported, lang) if reading.kind.quantity
    ]
    for reading in readings:
        for part in (reading, *reading.also, *(reading.ends or ())):
            if part.means(figure.value) or (figure.high is not None and part.holds(figure.value)):
                if part.vague:  # "hundreds": any qualifier the author chose for its range
                    return readings, part, None
                qualifier = part.qualifier or reading.qualifier
                return readings, part, qualifier or Qualifier.EXACT
    return readings, None, None


def _one_count_pairs(brief: Brief, limit: PairLimit) -> list[tuple[int, int]]:
    """Return pairs of figures that report one count with one value: the same or slightly
    different `counts`, comparable kinds, overlapping periods; one exact, the other qualified.

    Figures are grouped by value first, so only figures of one value are ever compared; at most
    `limit.listed` pairs are listed per value.
    """
    pairs: list[tuple[int, int]] = []
    for numbers in _by_value(brief, list(range(len(brief.figures)))).values():
        exact = [n for n in numbers if brief.figures[n].qualifier is Qualifier.EXACT]
        qualified = [n for n in numbers if brief.figures[n].qualifier is not Qualifier.EXACT]
        group = f"the figures of {label(brief.figures[numbers[0]], brief.meta.lang)}"
        for plain in exact if qualified else ():
            if limit.exhausted or limit.closed(group):
                break
            if _own_words_qualify(brief.figures[plain], brief.meta.lang):
                continue  # its own source's words carry a qualifier: `wording` says so
            other = _one_report_of(brief, limit, plain, qualified)
            if other is not None:
                if limit.full(group, brief.figures[plain].locate("value")):
                    break
                pairs.append((plain, other))  # one finding per figure that drops a qualifier
    return sorted(pairs)


def _own_words_qualify(figure: Figure, lang: str) -> bool:
    """Return whether a figure's own `as_reported` gives its number with a qualifier."""
    if not figure.as_reported:
        return False
    worded = _worded(figure, lang)[2]
    return worded is not None and worded is not Qualifier.EXACT


def _one_report_of(brief: Brief, limit: PairLimit, plain: int, qualified: list[int]) -> int | None:
    """Return the first qualified figure that reports the same count as `plain`, if any."""
    index, kinds = figure_index(brief), figure_kinds(brief)
    candidates = limit.take(qualified)
    for position, other in enumerate(candidates):
        wording = index.counts.keys[index.keys[plain]], index.counts.keys[index.keys[other]]
        if (
            close_wording(*wording)
            and kinds[plain].comparable(kinds[other])
            and index.overlap(plain, other)
            and brief.figures[plain].high == brief.figures[other].high
            and index.ranges[plain].meets(index.ranges[other])  # else `contradict` says it
        ):
            limit.give_back(len(candidates) - position - 1)
            return other
    return None


def find_dropped(brief: Brief) -> list[Finding]:
    """F-qualifier `dropped`: one count reported twice with one value, once with a qualifier
    ("around 12 million") and once without ("12 million"): the commonest drift in reporting."""
    lang, limit = brief.meta.lang, PairLimit()
    found = []
    for plain_number, other_number in _one_count_pairs(brief, limit):
        plain, other = brief.figures[plain_number], brief.figures[other_number]
        word = other.qualifier.value
        found.append(
            make_finding(
                "F-qualifier",
                Severity.WARNING,
                f"{label(plain, lang)} and {label(other, lang)} report one count with one value, "
                f"but only one says “{word}”: the qualifier was dropped or added between reports "
                f"(read as {figure_kinds(brief)[plain_number].describe()})",
                (other, plain),
                f"check both sources' exact words; if both mean “{format_figure(other, lang)}”, "
                f"set `qualifier: {word}` on {plain.id}, otherwise say in a caveat why they differ",
                field="qualifier" if "qualifier" in plain.where else "value",
                kind="dropped",
                facts=(("qualifier", word),),
            )
        )
    return found + limit.notes("F-qualifier", "figures", brief.locate("figures"))


def _stated(reading: Reading) -> bool:
    """Return whether a reading is clearly a stated amount: digits, a vague amount, or number
    words of 100 or more ("one in five" is a proportion; "one" alone may be a pronoun)."""
    return any(c.isdigit() for c in reading.written) or reading.vague or reading.low >= 100


def find_wording_problems(brief: Brief) -> list[Finding]:
    """F-qualifier `wording`/`number`: `as_reported` disagrees with `qualifier` or `value`."""
    lang = brief.meta.lang
    found = []
    for figure in brief.figures:
        if not figure.as_reported:
            continue
        numbers, match, worded = _worded(figure, lang)
        numbers = [number for number in numbers if _stated(number)]
        shown = format_figure(figure, lang)
        if numbers and match is None:
            found.append(
                make_finding(
                    "F-qualifier",
                    Severity.WARNING,
                    f"the source's words “{figure.as_reported}” give "
                    f"{' and '.join(n.written for n in numbers)}, but the brief shows {shown}",
                    (figure,),
                    "copy the number exactly as the source gives it, in `value`",
                    kind="number",
                    facts=(("as_reported", figure.as_reported),),
                )
            )
        elif worded is not None and worded is not figure.qualifier:
            change = "dropped" if figure.qualifier is Qualifier.EXACT else "changed"
            found.append(
                make_finding(
                    "F-qualifier",
                    Severity.WARNING,
                    f"the source says “{figure.as_reported}” but the brief shows “{shown}”: the "
                    f"qualifier “{worded.value}” was {change}",
                    (figure,),
                    f"set `qualifier: {worded.value}` to keep the source's meaning",
                    field="qualifier" if "qualifier" in figure.where else "as_reported",
                    kind="wording",
                    facts=(("as_reported", figure.as_reported), ("worded", worded.value)),
                )
            )
    return found


def text_place(where: str) -> tuple[str, int]:
    """Return the kind of text a label names (`Brief.texts_in_order`) and, for a key point, its
    number counted from 1 (else 0): what a reader's caveat names in the brief's language.

    >>> text_place("key_points[1]"), text_place("timeline:flood")
    (('key_points', 2), ('timeline', 0))
    """
    kind = where.partition(":")[0]
    if kind.startswith("key_points["):
        return "key_points", int(kind[11:-1]) + 1
    return kind, 0


def place_name(where: str) -> str:
    """Return a text's label (`Brief.texts_in_order`) as an author would name the place."""
    kind, _, rest = where.partition(":")
    if kind.startswith("key_points["):
        return f"key point {text_place(where)[1]}"
    names = {"summary": "the summary", "meta.content_warning": "the content warning"}
    if kind in names:
        return names[kind]
    return {"timeline": "the timeline", "caveats": "a caveat", "revision": "a correction"}.get(
        kind, rest or kind
    )


def _typed_matches(
    by_value: dict[float, list[Figure]], text: Text, lang: str
) -> list[tuple[Number, list[Figure]]]:
    prose = _HIDDEN.sub(lambda match: " " * len(match.group(0)), text.markdown)
    not_amounts = {r.start for r in read_numbers(prose, lang) if not r.kind.quantity}
    found = []
    for number in find_numbers(prose):
        if number.start in not_amounts:
            continue  # a date's day, an age, a clock time, a label: not a figure typed by hand
        after = set(content_words(" ".join(prose[number.end :].split()[:5])))
        figures = [
            figure
            for value in sorted(number.values)
            for figure in by_value.get(value, [])
            if (figure.unit.strip() == "%") == number.percent
            and (abs(figure.value) >= TYPED_MIN_VALUE or after & set(content_words(figure.counts)))
        ]
        if figures:
            found.append((number, figures))
    return found


def find_typed_numbers(brief: Brief) -> list[Finding]:
    """F-qualifier `typed`: a number in prose that equals a figure but is not written {fig:id}."""
    lang = brief.meta.lang
    by_value: dict[float, list[Figure]] = defaultdict(list)
    for figure in brief.figures:
        by_value[float(figure.value)].append(figure)
    found = []
    for where, text in brief.texts_in_order():
        for number, figures in _typed_matches(by_value, text, lang):
            worded = qualifier_near(text.markdown, number) or Qualifier.EXACT
            first = figures[0]
            if worded is first.qualifier:
                changed = "its qualifier and format are not kept in step with the figure"
            elif worded is Qualifier.EXACT:
                changed = f"the text drops the source's “{first.qualifier.value}”"
            else:
                changed = (
                    f"the text says “{worded.value}” where the source says "
                    f"“{first.qualifier.value}”"
                )
            found.append(
                Finding(
                    "F-qualifier",
                    Severity.WARNING,
                    f"“{number.written}” in {place_name(where)} is typed by hand; it matches "
                    f"{label(first, lang)}, and {changed}",
                    text.line_location(number.start),
                    f"write {{fig:{first.id}}} instead of the number",
                    tuple(figure.id for figure in figures),
                    kind="typed",
                    facts=(
                        ("written", number.written),
                        ("place", place_name(where)),
                        ("text", text_place(where)[0]),
                        ("key_point", str(text_place(where)[1])),
                        ("worded", worded.value),
                    ),
                )
            )
    return found
