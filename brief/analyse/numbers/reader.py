"""Read the numbers of a text: find them (`scan`), read each in its context (what it is, what
it measures, its qualifier and bounds), and join ranges, changes and conversions (`join`).

In: a text and the language it is written in. Out: its `Reading`s in order (cached: checks
read each figure's `as_reported` more than once).
"""

from __future__ import annotations

from functools import lru_cache

from brief.analyse.numbers.currency import currency_before
from brief.analyse.numbers.digits import DIGITS
from brief.analyse.numbers.join import combine
from brief.analyse.numbers.qualifiers import bounds, written_qualifier
from brief.analyse.numbers.reading import Atom, Reading
from brief.analyse.numbers.scan import find_atoms
from brief.analyse.numbers.skipped import PHONE, phone_like, skipped_kind
from brief.analyse.numbers.units import measure

_MAX_TEXT = 200_000  # longer texts are read up to here: prose in a brief is far shorter


def _read(text: str, atom: Atom, phone: list[tuple[int, int]]) -> Reading:
    """Read one number in its context."""
    skipped = skipped_kind(text, atom, phone)
    if skipped is not None:
        written = text[atom.start : atom.end]
        return Reading(
            atom.start, atom.end, written, atom.primary, atom.primary, atom.values, skipped
        )
    kind, currency, unit, end = measure(text, atom)
    qualifier, words = written_qualifier(text, atom, kind, end)
    low, high = bounds(atom, qualifier)
    start = atom.start
    sign, at = currency_before(text[max(0, atom.start - 40) : atom.start])
    if sign:
        start = max(0, atom.start - 40) + at
    return Reading(
        start, end, text[start:end], low, high,
        atom.values, kind, currency, unit, qualifier, words,
        vague=atom.vague is not None,
    )  # fmt: skip


def read_numbers(text: str, lang: str = "en") -> list[Reading]:
    """Return the numbers in a text, each read with its kind, bounds, currency and qualifier.

    >>> [(r.written, r.kind.value, r.low, r.currency) for r in read_numbers("$100m (£48.8m)")]
    [('$100m', 'money', 100000000.0, 'USD')]
    >>> [(r.written, r.kind.value) for r in read_numbers("up to $2m over three years from 2009")]
    [('$2m', 'money'), ('three years', 'duration'), ('2009', 'year')]
    """
    return list(_read_cached(text[:_MAX_TEXT], lang))


@lru_cache(maxsize=4096)
def _read_cached(text: str, lang: str) -> tuple[Reading, ...]:
    """Read a text once: checks read each figure's `as_reported` more than once."""
    text = text.translate(DIGITS)
    phone = [match.span() for match in PHONE.finditer(text) if phone_like(match.group(0))]
    found = [_read(text, atom, phone) for atom in find_atoms(text, lang)]
    return tuple(combine(text, found))
