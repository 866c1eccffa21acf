"""Join numbers read one by one into the figures they write together: a range ("between 200 and
300", "200-300"), a change with two ends ("from 1,000 to 17,000"), and a conversion in brackets
("$100m (£48.8m)") attached to the amount it converts.

In: a text and its `Reading`s in order. Out: the `Reading`s with ranges and changes joined and
conversions attached (`Reading.also`), in one pass.
"""

from __future__ import annotations

import re
from dataclasses import replace

from brief.analyse.numbers.reading import Kind, Reading

_JOINER = re.compile(
    r"\s*(?P<dash>[-–—])\s*|\s+(?P<to>to|a|à|al|bis|até|إلى|alla)\s+|\s+(?P<and>and|y|et|und|e|و)\s+",
    re.I,
)
_BETWEEN = re.compile(r"(?:between|entre|zwischen|tra|fra|بين)\s*\S{0,2}$", re.I)
_FROM = re.compile(r"(?:from|de|desde|von|da|dal|من)\s*\S{0,2}$", re.I)
_BRACKET = re.compile(
    r"\s*[(\[]\s*(?:about|around|approx\.?|approximately|c\.|ca\.|~|some|roughly|environ"
    r"|unos|unas|etwa|rund|cerca de|نحو|حوالي)?\s*$",
    re.I,
)


def _like(first: Reading, second: Reading) -> Reading:
    """Return `first` with the kind, currency and unit of `second` where it has none."""
    if first.kind is Kind.COUNT and second.kind is not Kind.COUNT:
        kind = Kind.SHARE if second.kind is Kind.CHANGE and second.unit == "%" else second.kind
        return replace(first, kind=kind, currency=second.currency, unit=second.unit)
    return first


def _pair(text: str, first: Reading, second: Reading) -> Reading | None:
    """Join "between 200 and 300", "200-300", "200 to 300" into a range, and "from 1,000 to
    17,000" into one change with two ends; None when the two numbers are apart."""
    if not (first.kind.quantity and second.kind.quantity) or first.vague or second.vague:
        return None
    joiner = _JOINER.fullmatch(text, first.end, second.start)
    if joiner is None or (second.low < first.low and not joiner.group("to")):
        return None
    before = text[max(0, first.start - 12) : first.start]
    if joiner.group("and") and not _BETWEEN.search(before):
        return None
    if first.currency and second.currency and first.currency != second.currency:
        return None
    first = _like(first, second)
    start, end = first.start, second.end
    values = first.values | second.values
    if joiner.group("to") and _FROM.search(before) and not _BETWEEN.search(before):
        low, high = sorted((first.low, second.low))
        return Reading(
            start, end, text[start:end], low, high, values, Kind.CHANGE, second.currency,
            second.unit, ends=(first, second),
        )  # fmt: skip
    return replace(
        second, start=start, end=end, written=text[start:end], low=first.low,
        values=values, qualifier=first.qualifier or second.qualifier,
        qualifier_words=first.qualifier_words or second.qualifier_words,
    )  # fmt: skip


def _conversion(text: str, first: Reading, second: Reading) -> bool:
    """Return whether `second` is `first` in another currency, in brackets: "$100m (£48.8m)"."""
    if first.kind is not Kind.MONEY or second.kind is not Kind.MONEY:
        return False
    if first.currency == second.currency:
        return False
    return bool(_BRACKET.fullmatch(text, first.end, second.start))


def combine(text: str, found: list[Reading]) -> list[Reading]:
    """Join ranges and changes, and attach bracketed conversions, in one pass."""
    combined: list[Reading] = []
    for reading in found:
        last = combined[-1] if combined else None
        if last is not None and reading.start < last.end:
            continue  # read as part of the number before: "5 per 100,000"

        if last is not None and _conversion(text, last, reading):
            combined[-1] = replace(last, also=(*last.also, reading))
            continue
        pair = _pair(text, last, reading) if last is not None and not last.ends else None
        if pair is not None:
            combined[-1] = pair
        else:
            combined.append(reading)
    return combined
