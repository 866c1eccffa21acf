"""Caveats stage: findings + the author's caveats → the caveats to print (design.md §3).

In: `Brief`, findings. Out: `CaveatPlan`. Warnings (and errors) become caveats in plain words
for a non-specialist reader, placed next to their subjects and in the caveats section; notes
are gathered one line per code; an author's caveat whose `about` names every subject of a
finding and whose `covers` names its code replaces the automatic one. C-stale is for the
author alone (it is about the brief's own caveats) and is never printed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from brief.analyse.figures import STALE_YEARS
from brief.analyse.stale import answers
from brief.errors import Diagnostic, Severity
from brief.l10n import format_figure, format_number, format_partial_date
from brief.markup import plain_text
from brief.model import Brief, Figure, Qualifier, Text

#: Codes about the brief's own making, shown by `brief check` but never printed for readers.
AUTHOR_ONLY = ("C-stale",)

#: One plain sentence per note code; {subjects} lists what the notes are about.
NOTE_TEXT = {
    "F-stale": f"Figures from more than {STALE_YEARS} years before this brief's date, which may "
    "be out of date: {subjects}.",
    "F-self-reported": "Figures that come from the people or organisation this brief is about, "
    "or that the source itself hedges (“reportedly”, “according to”), and that nobody has "
    "checked independently: {subjects}.",
    "F-single-source": "Figures reported by only one source: {subjects}.",
    "Q-secondhand": "Quotes known only second-hand, as repeated by another outlet rather than "
    "from the original interview, speech or transcript: {subjects}.",
    "T-imprecise": "Events dated only to the year, so their order within that year is "
    "uncertain: {subjects}.",
    "S-anonymous": "Sources that name no publisher, author or date, so readers cannot judge "
    "how reliable they are: {subjects}.",
}
#: The same notes when they concern every figure (or quote) of the brief: shorter, and truer.
NOTE_TEXT_ALL = {
    "F-stale": f"Every figure in this brief is from more than {STALE_YEARS} years before its "
    "date, and may be out of date.",
    "F-self-reported": "Every figure in this brief comes from the people or organisation it is "
    "about, or is hedged by its source; none has been checked independently.",
    "F-single-source": "Every figure in this brief is reported by one source only.",
    "Q-secondhand": "Every quote in this brief is known only second-hand, as repeated by "
    "another outlet.",
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
class NoteLine:
    """Notes of one code, gathered on one line."""

    code: str
    text: str
    subjects: tuple[str, ...]


@dataclass(frozen=True)
class CaveatPlan:
    """The caveats to print, the gathered notes, and the findings the author covered."""

    caveats: tuple[PrintedCaveat, ...] = ()
    notes: tuple[NoteLine, ...] = ()
    covered: tuple[Diagnostic, ...] = ()

    def about(self, subject: str) -> tuple[PrintedCaveat, ...]:
        """Return the caveats that concern `subject`, in order."""
        return tuple(caveat for caveat in self.caveats if subject in caveat.subjects)


def subject_label(brief: Brief, subject: str) -> str:
    """Return how a reader recognises a subject: a figure's number, a quote's first words…"""
    lang = brief.meta.lang
    if figure := brief.figure(subject):
        return f"{format_figure(figure, lang)} {figure.counts}"
    for quote in brief.quotes:
        if quote.id == subject:
            first = quote.text.split()
            return "“" + " ".join(first[:6]) + ("…”" if len(first) > 6 else "”")
    for event in brief.timeline:
        if event.id == subject:
            text = plain_text(event.event.markdown)
            return f"{format_partial_date(event.date, lang)}: {text[:50]}{'…' * (len(text) > 50)}"
    if source := brief.source(subject):
        return f"“{source.title}”"
    return subject


def _quoted(brief: Brief, subject: str) -> str:
    label = subject_label(brief, subject)
    return label if label.startswith("“") else f"“{label}”"


def _listing(labels: Sequence[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def _figures(brief: Brief, finding: Diagnostic) -> list[Figure]:
    return [figure for s in finding.subjects if (figure := brief.figure(s)) is not None]


def _side(figure: Figure, lang: str) -> str:
    """Return what a qualifier says of a number in words: “less than 6,000”…"""
    number = format_number(figure.value, lang, figure.unit)
    return {
        Qualifier.NEARLY: f"a little less than {number}",
        Qualifier.UP_TO: f"{number} or fewer",
        Qualifier.OVER: f"more than {number}",
        Qualifier.AT_LEAST: f"{number} or more",
        Qualifier.ABOUT: f"about {number}",
        Qualifier.EXACT: f"exactly {number}",
    }[figure.qualifier]


def _fact(finding: Diagnostic, name: str) -> str:
    facts = getattr(finding, "facts", ())
    return dict(facts).get(name, "")


def _kind(finding: Diagnostic) -> str:
    return str(getattr(finding, "kind", ""))


def _conflict(brief: Brief, finding: Diagnostic) -> str:
    first, second = _figures(brief, finding)
    when = (
        f" for {first.period_text}"
        if first.period_text and first.period_text == second.period_text
        else ""
    )
    return (
        f"Two reports of the same count disagree{when}: "
        f"{_quoted(brief, first.id)} and {_quoted(brief, second.id)} cannot both be right."
    )


def _drift(brief: Brief, finding: Diagnostic) -> str:
    labels = [_quoted(brief, subject) for subject in finding.subjects]
    some = "they" if len(labels) == 2 else "some of them"
    return (
        f"The figures {_listing(labels)} are close in size but count different things; "
        f"{some} may be one number described in different ways."
    )


def _qualifier(brief: Brief, finding: Diagnostic) -> str:
    lang, kind = brief.meta.lang, _kind(finding)
    figures = _figures(brief, finding)
    if kind.startswith("contradict") and len(figures) == 2:
        first, second = figures
        what = "count the same thing" if kind == "contradict" else "may be one number told two ways"
        return (
            f"{_quoted(brief, first.id)} and {_quoted(brief, second.id)} {what}, but one says "
            f"{_side(first, lang)} and the other {_side(second, lang)}: both cannot be right."
        )
    figure = figures[0]
    said = _fact(finding, "as_reported")
    if kind == "wording":
        return (
            f"The source's own words are “{said}”; this brief shows the figure as "
            f"{_quoted(brief, figure.id)}, with a different qualifier."
        )
    if kind == "number":
        return (
            f"The source's own words, “{said}”, give a different number from the one shown "
            f"here, {_quoted(brief, figure.id)}."
        )
    if kind == "typed":
        place = _fact(finding, "place")
        place = place[:1].upper() + place[1:]
        written = _fact(finding, "written")
        if _fact(finding, "worded") == figure.qualifier.value:
            return (
                f"{place} repeats the number “{written}” by hand; the figure it refers to is "
                f"{_quoted(brief, figure.id)}."
            )
        return (
            f"{place} gives the number “{written}”, but the source says "
            f"{_side(figure, lang)} ({_quoted(brief, figure.id)})."
        )
    return _plain(brief, finding)


def _variant(brief: Brief, finding: Diagnostic) -> str:
    speaker = brief.speaker_name(
        next((q.speaker for q in brief.quotes if q.id == finding.subjects[0]), "")
    )
    if _kind(finding) == "retold":
        return (
            f"{speaker} is reported telling the same thing twice, in different words; "
            "the differences between the two versions are marked:"
        )
    return f"{speaker}'s words are reported in two versions that differ; the changes are marked:"


def _unverified(brief: Brief, finding: Diagnostic) -> str:
    return (
        f"The quote {_quoted(brief, finding.subjects[0])} could not be found in the copy of its "
        "source; the closest passage differs as marked:"
    )


def _uncited(brief: Brief, finding: Diagnostic) -> str:
    subject = finding.subjects[0]
    if _kind(finding) == "source":
        return (
            f"{_quoted(brief, subject)} is listed among the sources, but nothing in this brief "
            "relies on it."
        )
    kind = _kind(finding) or "item"
    return f"The {kind} {_quoted(brief, subject)} names no source, so readers cannot check it."


def _undated(brief: Brief, finding: Diagnostic) -> str:
    return (
        f"The figure {_quoted(brief, finding.subjects[0])} comes with no date, so it is unclear "
        "what period it covers or how current it is."
    )


def _timeline_conflict(brief: Brief, finding: Diagnostic) -> str:
    events = [e for s in finding.subjects for e in brief.timeline if e.id == s]
    lang = brief.meta.lang
    dates = [format_partial_date(event.date, lang, event.approx) for event in events]
    text = plain_text(events[-1].event.markdown)
    return f"One event is given two different dates, {_listing(dates)}: “{text}”"


def _plain(brief: Brief, finding: Diagnostic) -> str:
    text = finding.message
    return text[0].upper() + text[1:] + "."


#: How each warning is told to a reader (codes missing here fall back to the message).
READER_TEXT: dict[str, Callable[[Brief, Diagnostic], str]] = {
    "F-conflict": _conflict,
    "F-drift": _drift,
    "F-qualifier": _qualifier,
    "F-undated": _undated,
    "Q-variant": _variant,
    "Q-unverified": _unverified,
    "T-conflict": _timeline_conflict,
    "S-uncited": _uncited,
}


def reader_text(brief: Brief, finding: Diagnostic) -> str:
    """Return a finding in plain words for a reader of the brief."""
    try:
        return READER_TEXT.get(finding.code, _plain)(brief, finding)
    except (IndexError, ValueError, KeyError):  # subjects not as expected: say it as found
        return _plain(brief, finding)


def note_line(brief: Brief, code: str, subjects: tuple[str, ...]) -> NoteLine:
    """Return the gathered notes of one code as one plain line."""
    pool = [f.id for f in brief.figures] if code.startswith("F-") else []
    pool = [q.id for q in brief.quotes] if code.startswith("Q-") else pool
    if code in NOTE_TEXT_ALL and len(pool) > 1 and set(pool) == set(subjects):
        return NoteLine(code, NOTE_TEXT_ALL[code], subjects)
    listed = "; ".join(subject_label(brief, subject) for subject in subjects)
    template = NOTE_TEXT.get(code, code + ": {subjects}.")
    return NoteLine(code, template.format(subjects=listed), subjects)


def plan_caveats(brief: Brief, findings: Sequence[Diagnostic]) -> CaveatPlan:
    """Turn findings and the author's caveats into what the brief prints."""
    caveats = [
        PrintedCaveat(c.id, c.severity, c.about, c.text.markdown, c.covers, c.text)
        for c in brief.caveats
    ]
    covered: list[Diagnostic] = []
    notes: dict[str, list[str]] = {}
    for index, finding in enumerate(findings, start=1):
        if finding.code in AUTHOR_ONLY:
            continue
        if any(answers(caveat, finding) for caveat in brief.caveats):
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
