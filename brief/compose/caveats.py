"""Caveats stage: findings + the author's caveats → the caveats to print (design.md §3).

In: `Brief`, findings. Out: `CaveatPlan`. Warnings (and errors) become caveats in plain words
for a non-specialist reader, in the brief's language (the catalogue templates of `l10n`),
placed next to their subjects and in the caveats section; notes
are gathered one line per code; an author's caveat whose `about` names every subject of a
finding and whose `covers` names its code replaces the automatic one. C-stale is for the
author alone (it is about the brief's own caveats) and is never printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from brief.analyse.figures import STALE_YEARS
from brief.analyse.findings import per_brief
from brief.analyse.limits import is_limit_note
from brief.analyse.stale import FindingIndex
from brief.compose.document import NoteLine
from brief.compose.l10n import (
    catalogue,
    describe_figure,
    format_items,
    format_message,
    format_number,
    format_partial_date,
    texts_for,
)
from brief.errors import Diagnostic, Severity
from brief.model import Brief, Claim, Event, Figure, Item, Qualifier, Quote, Source, Text
from brief.read.markup import plain_text

#: Codes about the brief's own making, shown by `brief check` but never printed for readers (nor
#: are the analysis's notes on what its bounds left out, `analyse.limits`).
AUTHOR_ONLY = ("C-stale", "X-hidden", "T-undated")

#: The catalogue section of the reader texts (assets/locales/*.json): one template per sentence,
#: with named placeholders; a language without a key says that sentence in English.
CAVEATS = "caveats"
#: The key that names each kind of text for a reader (`analyse.qualifiers.text_place`, a
#: finding's `text` fact; a key point's number is its `key_point` fact).
PLACES = {
    "summary": "place_summary",
    "meta.content_warning": "place_content_warning",
    "key_points": "place_key_point",
    "timeline": "place_timeline",
    "caveats": "place_caveat",
    "revision": "place_correction",
}


@dataclass(frozen=True)
class PrintedCaveat:
    """One caveat as printed: automatic (from a warning) or the author's own."""

    id: str
    severity: str
    subjects: tuple[str, ...]
    text: str
    codes: tuple[str, ...] = ()
    markdown: Text | None = None
    diff: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class CaveatPlan:
    """The caveats to print, the gathered notes, and the findings the author covered."""

    caveats: tuple[PrintedCaveat, ...] = ()
    notes: tuple[NoteLine, ...] = ()
    covered: tuple[Diagnostic, ...] = ()

    def about(self, subject: str) -> tuple[PrintedCaveat, ...]:
        """Return the caveats that concern `subject`, in order."""
        return tuple(caveat for caveat in self.caveats if subject in caveat.subjects)


def _text(lang: str, key: str, /, **values: object) -> str:
    """Return one reader text of `lang` with its placeholders filled."""
    return format_message(lang, CAVEATS, key, **values)


def _items(brief: Brief) -> dict[str, Item]:
    """Return the brief's figures, quotes, events and sources by id (the first of each id)."""
    items: dict[str, Item] = {}
    for item in (*brief.figures, *brief.claims, *brief.quotes, *brief.timeline, *brief.sources):
        items.setdefault(item.id, item)
    return items


def _item(brief: Brief, subject: str) -> Item | None:
    """Return the item with this id: one lookup, where scanning every list per finding grew
    with the square of the brief (3,000 figures in one F-drift finding took seconds)."""
    return per_brief("caveat-items", brief, _items).get(subject)


def _label(brief: Brief, subject: str) -> tuple[str, bool]:
    """Return a subject's label, and whether it already carries quotation marks."""
    lang = brief.meta.lang
    item = _item(brief, subject)
    if isinstance(item, Figure):
        return describe_figure(item, lang), False
    if isinstance(item, Quote):
        first = item.text.split()
        start = " ".join(first[:6]) + ("…" if len(first) > 6 else "")
        return _text(lang, "quoted", text=start), True
    if isinstance(item, Event):
        text = plain_text(item.event.markdown)
        text = f"{text[:50]}{'…' * (len(text) > 50)}"
        if item.date is None:
            return text, False
        date = format_partial_date(item.date, lang)
        return _text(lang, "event_label", date=date, text=text), False
    if isinstance(item, Source):
        return _text(lang, "quoted", text=item.title), True
    if isinstance(item, Claim):
        return _text(lang, "quoted", text=item.text), True
    return subject, False


def subject_label(brief: Brief, subject: str) -> str:
    """Return how a reader recognises a subject: a figure's number, a quote's first words…"""
    return _label(brief, subject)[0]


def _quoted(brief: Brief, subject: str) -> str:
    label, quoted = _label(brief, subject)
    return label if quoted else _text(brief.meta.lang, "quoted", text=label)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _figures(brief: Brief, finding: Diagnostic) -> list[Figure]:
    return [figure for s in finding.subjects if isinstance(figure := _item(brief, s), Figure)]


def _side(figure: Figure, lang: str) -> str:
    """Return what a qualifier says of a number in words: “a little less than 6,000”…"""
    number = format_number(figure.value, lang, figure.unit or figure.currency)
    return _text(lang, "side_" + figure.qualifier.value.replace(" ", "_"), number=number)


def _fact(finding: Diagnostic, name: str) -> str:
    facts = getattr(finding, "facts", ())
    return dict(facts).get(name, "")


def _kind(finding: Diagnostic) -> str:
    return str(getattr(finding, "kind", ""))


def _place(finding: Diagnostic, lang: str) -> str:
    """Return where a number was typed, in `lang`."""
    kind = _fact(finding, "text")
    if kind not in PLACES:
        return _fact(finding, "place")  # the author's English: no reader name for it
    number = int(_fact(finding, "key_point") or 0)
    return _text(lang, PLACES[kind], n=format_number(number, lang))


def _conflict(brief: Brief, finding: Diagnostic) -> str:
    first, second = _figures(brief, finding)
    labels = {"first": _quoted(brief, first.id), "second": _quoted(brief, second.id)}
    if first.period_text and first.period_text == second.period_text:
        return _text(brief.meta.lang, "conflict_period", period=first.period_text, **labels)
    return _text(brief.meta.lang, "conflict", **labels)


def _drift(brief: Brief, finding: Diagnostic) -> str:
    lang = brief.meta.lang
    labels = [_quoted(brief, subject) for subject in finding.subjects]
    key = "drift_two" if len(labels) == 2 else "drift_many"
    return _text(lang, key, figures=format_items(labels, lang))


def _qualifier(brief: Brief, finding: Diagnostic) -> str:
    lang, kind = brief.meta.lang, _kind(finding)
    figures = _figures(brief, finding)
    if kind.startswith("contradict") and len(figures) == 2:
        first, second = figures
        return _text(
            lang,
            "contradict_same" if kind == "contradict" else "contradict_drift",
            first=_quoted(brief, first.id),
            second=_quoted(brief, second.id),
            first_side=_side(first, lang),
            second_side=_side(second, lang),
        )
    if kind == "dropped" and len(figures) == 2:
        first, second = figures
        qualified = first if first.qualifier is not Qualifier.EXACT else second
        word = catalogue(lang)["qualifiers"][qualified.qualifier.value].format(n="").strip()
        return _text(
            lang,
            "dropped",
            first=_quoted(brief, first.id),
            second=_quoted(brief, second.id),
            word=word,
        )
    figure = figures[0]
    if kind in ("wording", "number"):
        said = _fact(finding, "as_reported")
        return _text(lang, kind, said=said, figure=_quoted(brief, figure.id))
    if kind == "typed":
        values = {
            "place": _place(finding, lang),
            "written": _fact(finding, "written"),
            "side": _side(figure, lang),
            "figure": _quoted(brief, figure.id),
        }
        same = _fact(finding, "worded") == figure.qualifier.value
        return _sentence(_text(lang, "typed_repeated" if same else "typed_differs", **values))
    return _plain(brief, finding)


def _variant(brief: Brief, finding: Diagnostic) -> str:
    speaker = brief.speaker_name(
        next((q.speaker for q in brief.quotes if q.id == finding.subjects[0]), "")
    )
    key = "variant_retold" if _kind(finding) == "retold" else "variant"
    return _text(brief.meta.lang, key, speaker=speaker)


def _unverified(brief: Brief, finding: Diagnostic) -> str:
    return _text(brief.meta.lang, "unverified", quote=_quoted(brief, finding.subjects[0]))


def _figure_unverified(brief: Brief, finding: Diagnostic) -> str:
    """The figure's own wording, which the copy does not hold, quoted for the reader."""
    item = _item(brief, finding.subjects[0])
    if not isinstance(item, Figure | Claim):
        raise ValueError("not a figure or claim")
    wording = _text(brief.meta.lang, "quoted", text=item.as_reported)
    return _text(brief.meta.lang, "unverified_figure", figure=wording)


def _wording(brief: Brief, finding: Diagnostic) -> str:
    """A date that the source's own words for it contradict."""
    lang = brief.meta.lang
    item = _item(brief, finding.subjects[0])
    if not isinstance(item, Event | Quote) or item.date is None:
        raise ValueError("not a dated event or quote")
    date = format_partial_date(item.date, lang, getattr(item, "approx", False))
    written = _text(lang, "quoted", text=item.as_written)
    if isinstance(item, Event):  # its label would repeat the date
        text = plain_text(item.event.markdown)
        named = _text(lang, "quoted", text=f"{text[:50]}{'…' * (len(text) > 50)}")
    else:
        named = _quoted(brief, item.id)
    return _text(lang, "date_wording", item=named, date=date, written=written)


def _uncited(brief: Brief, finding: Diagnostic) -> str:
    subject, lang = finding.subjects[0], brief.meta.lang
    if _kind(finding) == "source":
        return _text(lang, "uncited_source", source=_quoted(brief, subject))
    key = "uncited_" + (_kind(finding) or "item")
    return _text(lang, key, item=_quoted(brief, subject))


def _undated(brief: Brief, finding: Diagnostic) -> str:
    return _text(brief.meta.lang, "undated", figure=_quoted(brief, finding.subjects[0]))


def _timeline_conflict(brief: Brief, finding: Diagnostic) -> str:
    events = [e for s in finding.subjects for e in brief.timeline if e.id == s]
    lang = brief.meta.lang
    dates = [format_partial_date(event.date, lang, event.approx) for event in events if event.date]
    text = plain_text(events[-1].event.markdown)
    return _text(lang, "timeline_conflict", dates=format_items(dates, lang), event=text)


def _plain(brief: Brief, finding: Diagnostic) -> str:
    """Say a finding with no reader text as `brief check` does (in English)."""
    return _text(brief.meta.lang, "plain", message=_sentence(finding.message))


#: How each warning is told to a reader (codes missing here fall back to the message).
READER_TEXT: dict[str, Callable[[Brief, Diagnostic], str]] = {
    "F-conflict": _conflict,
    "F-drift": _drift,
    "F-qualifier": _qualifier,
    "F-undated": _undated,
    "Q-variant": _variant,
    "Q-unverified": _unverified,
    "F-unverified": _figure_unverified,
    "T-conflict": _timeline_conflict,
    "T-wording": _wording,
    "S-uncited": _uncited,
}


def reader_text(brief: Brief, finding: Diagnostic) -> str:
    """Return a finding in plain words for a reader of the brief."""
    try:
        return READER_TEXT.get(finding.code, _plain)(brief, finding)
    except (IndexError, ValueError, KeyError):  # subjects not as expected: say it as found
        return _plain(brief, finding)


_END_STOP = re.compile(r"(?<![.…])[.。]$")


def note_line(brief: Brief, code: str, subjects: tuple[str, ...]) -> NoteLine:
    """Return the gathered notes of one code as one plain line, with the few plain words the
    handout's compact list prints for its code."""
    lang = brief.meta.lang
    texts = texts_for(lang, CAVEATS)
    label = texts.get(f"short_{code}") or texts["short_other"]
    years = format_number(STALE_YEARS, lang)
    pool = [f.id for f in brief.figures] if code.startswith("F-") else []
    pool = [q.id for q in brief.quotes] if code.startswith("Q-") else pool
    if f"note_all_{code}" in texts and len(pool) > 1 and set(pool) == set(subjects):
        return NoteLine(code, texts[f"note_all_{code}"].format(years=years), subjects, label)
    listed = texts["note_separator"].join(
        _END_STOP.sub("", subject_label(brief, subject)) for subject in subjects
    )  # "2012: A report is published." is listed without its own full stop: the line ends with one
    if f"note_{code}" in texts:
        text = texts[f"note_{code}"].format(subjects=listed, years=years)
        return NoteLine(code, text, subjects, label)
    return NoteLine(code, texts["note_other"].format(code=code, subjects=listed), subjects, label)


def _answered(brief: Brief, findings: Sequence[Diagnostic]) -> set[int]:
    """Return the positions of the findings an author's caveat answers."""
    index = FindingIndex(findings)
    return {
        number
        for caveat in brief.caveats
        for code in dict.fromkeys(caveat.covers)
        for number in index.answered_by(caveat, code)
    }


def plan_caveats(brief: Brief, findings: Sequence[Diagnostic]) -> CaveatPlan:
    """Turn findings and the author's caveats into what the brief prints."""
    caveats = [
        PrintedCaveat(c.id, c.severity, c.about, c.text.markdown, c.covers, c.text)
        for c in brief.caveats
    ]
    covered: list[Diagnostic] = []
    notes: dict[str, list[str]] = {}
    answered = _answered(brief, findings)
    for index, finding in enumerate(findings, start=1):
        if finding.code in AUTHOR_ONLY or is_limit_note(finding):
            continue
        if index - 1 in answered:
            covered.append(finding)
        elif finding.severity is Severity.NOTE:
            notes.setdefault(finding.code, []).extend(finding.subjects)
        else:
            caveats.append(
                PrintedCaveat(
                    f"finding-{index}",
                    "warning",
                    finding.subjects,
                    reader_text(brief, finding),
                    (finding.code,),
                    diff=tuple(getattr(finding, "diff", ())),
                )
            )
    lines = [note_line(brief, code, tuple(dict.fromkeys(notes[code]))) for code in sorted(notes)]
    return CaveatPlan(tuple(caveats), tuple(lines), tuple(covered))
