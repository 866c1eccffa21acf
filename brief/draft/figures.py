"""Reported figures in an article, proposed as the brief's `figures`.

In: the article's lines, its `Cast`, the dates found and the language. Out: `Proposed`
figures: every quantity the number reader (`brief.analyse.numbers`) finds that is a count, an
amount of money, a share, a change or a rate, with its qualifier, unit, currency and any
conversion, the hedges and claimant of its sentence, the year of its sentence as its period,
and a `counts` phrase taken from the words after it. Years, ages, clock times, ordinals,
labels ("48 Hours", "Route 66"), street numbers, numbers inside dates and durations
("for three years") are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from brief.draft.article import Line
from brief.draft.names import Cast
from brief.draft.quotes import speaker_in, speech_verb
from brief.draft.when import Dated
from brief.draft.words.vocabulary import Words

if TYPE_CHECKING:
    from brief.analyse.numbers import Reading

#: The most words of the noun phrase after a number proposed as what it counts.
MAX_COUNTS_WORDS = 4
_CONVERSION = re.compile(r"^\s*[\w ]{0,20}\($")  # "95 kilometres (60 miles)": the 60
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_STREET = re.compile(
    r"^\s+[A-Z][\w]*\s+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive|Calle|Avenida)\b"
)
_AGE_AFTER = re.compile(r"^(?:-|\s)?(?:year|years|años)[- ]old\b|^\s*,?\s*(?:años de edad)", re.I)
_AGE_BEFORE = re.compile(r"(?:\b(?:aged|age|edad de)\s+|[^\W\d_]\s*,\s*)$", re.I)
_AGE_AFTER_NAME = re.compile(r"^\s*,")
_STOP_AFTER = frozenset(
    [
        "now",
        "also",
        "still",
        "currently",
        "already",
        "then",
        "there",
        "here",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "were",
        "was",
        "are",
        "is",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "do",
        "did",
        "does",
        "que",
        "quien",
        "quienes",
        "fue",
        "fueron",
        "son",
        "es",
        "están",
    ]
)
#: Verbs by which a sentence's subject reports a figure ("they reported that ...").
_CLAIM_VERBS = ("reported", "estimated", "announced", "claimed", "informó", "estimó", "anunció")
_CLAIM = re.compile(
    r"(?<![\w’'])(?:" + "|".join(sorted(_CLAIM_VERBS, key=len, reverse=True)) + r")(?![\w’'])",
    re.I,
)


@dataclass(slots=True)
class Proposed:
    """A figure proposed for the brief, before it is written as YAML."""

    value: float
    counts: str
    as_reported: str
    line: Line
    start: int  # offset in the line
    qualifier: str = ""
    unit: str = ""
    kind: str = ""  # count, money, share, change, rate
    currency: str = ""
    high: float | None = None  # the top of a range: "thousands" is [2000, 9999]
    start_value: float | None = None  # a change's start: "from 1,000 to 17,000"
    also: list[dict[str, object]] = field(default_factory=list)  # conversions
    period: str = ""
    claimed_by: str = ""
    hedges: list[str] = field(default_factory=list)
    reviews: list[str] = field(default_factory=list)


def find_figures(
    line: Line, lang: str, words: Words, cast: Cast, dates: list[Dated]
) -> list[Proposed]:
    """Return the figures a line reports; `dates` are the dates found on that line."""
    from brief.analyse.numbers import read_numbers

    proposed: list[Proposed] = []
    previous_end, previous_kind = -1, ""
    for reading in read_numbers(line.text, lang):
        if not _is_figure(reading, line, dates, words, cast):
            continue
        start = reading.start
        if (
            proposed
            and _CONVERSION.match(line.text[previous_end:start])
            and previous_kind
            in (
                reading.kind.value,
                "count",
            )
            and reading.kind.value not in ("share", "change")
        ):
            entry = conversion(reading)
            closing = line.text.find(")", reading.end, reading.end + 30)
            if closing > 0:  # "(60 miles)": the words inside the brackets
                entry["as_reported"] = line.text[reading.start : closing].strip()
            proposed[-1].also.append(entry)
            continue
        proposed.append(_propose(reading, line, words, cast, dates, lang))
        previous_end, previous_kind = reading.end, reading.kind.value
    return proposed


#: Words before a span of time that make it a measured amount, not an adverb of time: "altered the
#: orbit by 32 minutes", "a change of 73 seconds", "it took 11 hours" (a qualifier may be between).
_MEASURED = re.compile(
    r"(?<!\w)(?:by|of|took|takes|take|lasted|lasting|lasts|shortened|lengthened|cut)"
    r"(?:\s+(?:about|nearly|almost|around|more than|less than|only|just|some))?\s+$",
    re.I,
)


def _is_figure(reading: Reading, line: Line, dates: list[Dated], words: Words, cast: Cast) -> bool:
    kind = reading.kind
    start, end = reading.start, reading.end
    text = line.text
    if kind.value == "duration" and not _MEASURED.search(text[max(0, start - 40) : start]):
        return False  # "for three days", "over two weeks": when, not how much
    if not kind.quantity:
        return False
    if any(d.start <= start < d.start + len(d.written) for d in dates if d.line is line):
        return False
    before, after = text[:start], text[end:]
    age_like = kind.value == "count" and reading.written.isdigit() and 0 < reading.low < 120
    if _AGE_AFTER.match(after) or (
        age_like and _AGE_BEFORE.search(before) and _AGE_AFTER_NAME.match(after)
    ):
        return False
    if re.search(r"\[\s*$", before) and re.match(r"^\s*\]", after):
        return False  # a reference mark: "[1]"
    if re.match(r"^\s*(?:[KMGT]i?B|kB|bytes)\b", after):
        return False  # a file's size beside a link: "(PDF, 238 KB)"
    if _STREET.match(after):
        return False  # "12 Mill Street"
    named = cast.between(line.start + start, line.start + end + 1)
    numbered = named and named[0].start == line.start + start and named[0].text[:1].isdigit()
    if numbered and kind.value not in ("money", "share"):
        return False  # "48 Hours", "60 Minutes": the number begins a name
    label = re.search(r"(?:^|[^.!?]\s)([A-Z][\w\-]*)\s+$", before)
    if label and _is_label(label[1], words) and kind.value not in ("money", "share"):
        return False  # "Region 5", "Route 66": a name, not a number reported
    written = reading.written
    return not (reading.low == 1 and not any(ch.isdigit() for ch in written))


def _is_label(word: str, words: Words) -> bool:
    """Tell whether a capitalised word before a number names it ("Region 5"), unlike "Over"."""
    from brief.analyse.numbers.qualifiers import QUALIFIER_PHRASES

    lowered = word.lower()
    little = {part for phrase in QUALIFIER_PHRASES for part in phrase.split()}
    return lowered not in words.closed and lowered not in little and lowered not in words.months


def _propose(
    reading: Reading, line: Line, words: Words, cast: Cast, dates: list[Dated], lang: str
) -> Proposed:
    text, start, end = line.text, reading.start, reading.end
    qualifier = reading.qualifier
    qualifier_words = reading.qualifier_words or ""
    if qualifier is None:
        qualifier, qualifier_words = _qualifier_before(text[:start], lang)
    begin = _qualifier_start(text, start, qualifier_words)
    trailing = (
        text.find(qualifier_words, end, end + len(qualifier_words) + 4) if qualifier_words else -1
    )
    if trailing != -1:  # "73 seconds or more": the qualifier after the number is in its wording
        end = trailing + len(qualifier_words)
    counts, counts_end = _noun_phrase(text, end, words)
    sentence = _sentence(text, start)
    up_to = qualifier is not None and qualifier.value == "up to" and reading.high is not None
    figure = Proposed(
        value=reading.high if up_to and reading.high is not None else reading.low,
        counts=counts,
        as_reported=text[begin : max(counts_end, end)].strip(" ,.;:"),
        line=line,
        start=begin,
        qualifier=qualifier.value if qualifier is not None else "",
    )
    _units(figure, reading)
    _range(figure, reading)
    _context(figure, sentence, words, cast, dates, line)
    return figure


def _qualifier_before(before: str, lang: str) -> tuple[Any, str]:
    """Read a qualifier the number reader leaves before "a" or "an": "more than a million"."""
    from brief.analyse.numbers.qualifiers import QUALIFIER_PHRASES

    found = re.search(r"(\w[\w ]{0,20}?)\s+(?:a|an|un|una)\s*$", before, re.I)
    if found:
        for phrase, qualifier in sorted(QUALIFIER_PHRASES.items(), key=lambda p: -len(p[0])):
            if re.search(rf"(?:^|\s){re.escape(phrase)}$", found[1].lower()):
                return qualifier, phrase
    return None, ""


def _qualifier_start(text: str, start: int, qualifier_words: str) -> int:
    if qualifier_words:
        found = text.lower().rfind(
            qualifier_words.lower(),
            max(0, start - len(qualifier_words) - 12),
            start + len(qualifier_words),
        )
        if found >= 0:
            return min(found, start)
    return start


def _noun_phrase(text: str, end: int, words: Words) -> tuple[str, int]:
    """Return the words after a number that say what it counts, and where they end ("thousands
    of people": the words after "of")."""
    taken: list[str] = []
    stop = end
    joined = re.match(r"\s+(?:of|de|des|du|von)\s+(?=[^\W\d_])", text[end:])
    if joined and not re.search(r"[\d%]", text[max(0, end - 12) : end][-1:]):
        stop = end + joined.end()
    for match in _WORD.finditer(text, stop):
        gap = text[stop : match.start()]
        if gap.strip(" -") or len(taken) >= MAX_COUNTS_WORDS:
            break
        word = match[0]
        if (
            word.lower() in words.closed
            or word.lower() in _STOP_AFTER
            or word.lower() in words.speech
        ):
            break
        if word[:1].isupper() and taken:
            break
        if taken and word.lower().endswith(words.verb_endings):
            break  # "homes damaged", "viviendas resultaron": a verb, not the counted noun
        taken.append(word)
        stop = match.end()
    return " ".join(taken), stop


def _sentence(text: str, start: int) -> tuple[int, int]:
    begin = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start))
    end = text.find(". ", start)
    return (begin + 2 if begin >= 0 else 0, end + 1 if end >= 0 else len(text))


def _units(figure: Proposed, reading: Reading) -> None:
    kind = reading.kind.value
    figure.kind = kind
    if kind == "money":
        figure.currency = reading.currency or ""
    elif kind == "share":
        figure.unit = "%"
    elif reading.unit:
        figure.unit = reading.unit
    if not figure.counts:
        figure.counts = {"money": "amount of money", "share": "share"}.get(kind, "count")
        figure.reviews.append(f"counts: say what this {kind} measures")
    else:
        figure.reviews.append("counts: proposed from the words after the number")
    for other in reading.also or ():
        figure.also.append(conversion(other))


def conversion(reading: Reading) -> dict[str, object]:
    """Return a figure's `also:` entry for the same amount given another way."""
    entry: dict[str, object] = {"value": reading.low}
    if reading.currency:
        entry["currency"] = reading.currency
    elif reading.unit:
        entry["unit"] = reading.unit
    entry["as_reported"] = reading.written
    return entry


def _range(figure: Proposed, reading: Reading) -> None:
    """Give a vague amount its range ("thousands": 2,000 to 9,999), an open one its lower
    bound, "between 200 and 300" both ends, and a change ("from X to Y") its start."""
    if reading.ends is not None and figure.kind == "change":
        figure.start_value, figure.value = reading.ends[0].low, reading.ends[1].low
        return
    high = reading.high
    if figure.qualifier == "up to" or high == figure.value:
        return
    if high is None:
        figure.qualifier = figure.qualifier or "at least"
    else:
        figure.high = high
    if reading.vague:
        figure.reviews.append(
            "value: the range the vague words allow (docs/findings.md, how numbers are read)"
        )


def _context(
    figure: Proposed,
    sentence: tuple[int, int],
    words: Words,
    cast: Cast,
    dates: list[Dated],
    line: Line,
) -> None:
    text = line.text[sentence[0] : sentence[1]]
    lowered = text.lower()
    figure.hedges = [
        hedge for hedge in words.hedges if re.search(rf"(?<!\w){re.escape(hedge)}(?!\w)", lowered)
    ]
    written = [  # years the sentence writes first, then resolved ones; nearest first
        d for d in dates if d.line is line and sentence[0] <= d.start < sentence[1] and d.iso
    ]
    written.sort(key=lambda d: (bool(d.resolved), abs(d.start - figure.start)))
    years = [d.iso[:4] for d in written]
    if years:
        figure.period = years[0]
        figure.reviews.append(f"period: the year {years[0]} named in its sentence")
    claimant, guessed = _claimant(text, line.start + sentence[0], words, cast)
    if claimant:
        figure.claimed_by = claimant
        how = f"read from a pronoun as {claimant}" if guessed else "named in its sentence"
        figure.reviews.append(f"claimed_by: {how}")


def _claimant(text: str, at: int, words: Words, cast: Cast) -> tuple[str, bool]:
    """Return who reports a figure ("according to X", or who said, reported or estimated it)
    and whether it was read from a pronoun."""
    verb = speech_verb(text, words)
    claims = list(_CLAIM.finditer(text))
    if claims and (verb is None or claims[-1].start() > verb.start()):
        verb = claims[-1]
    if verb is None:
        return "", False
    if verb[0].lower() in words.according:
        rest = text[verb.end() :]
        found = speaker_in(cast, at + verb.end(), at + len(text), rest, last=False)
    else:
        head = text[: verb.start()]
        found = speaker_in(cast, at, at + len(head), head, last=True) if head.strip() else None
    if (
        found is None
        or not found.text
        or (found.text[:1].islower() and len(found.text.split()) > 6)
    ):
        return "", False
    return found.text, found.guessed
