"""Caveats stage: findings + the author's caveats → the caveats to print (design.md §3).

In: `Brief`, findings. Out: `CaveatPlan`. Warnings become caveats next to their subjects and in the
caveats section; notes are gathered one line per code; an author's caveat whose `about` names a
finding's subjects and whose `covers` names its code replaces the automatic one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from brief.errors import Diagnostic, Severity
from brief.l10n import format_figure, format_partial_date
from brief.markup import plain_text
from brief.model import Brief, Text

#: One plain sentence per note code; {subjects} lists what the notes are about.
NOTE_TEXT = {
    "F-stale": "Figures more than five years old: {subjects}.",
    "F-self-reported": "Figures claimed by the subject of this brief or hedged by the source "
    "(“reportedly”), not independently verified: {subjects}.",
    "F-single-source": "Figures reported by one source only: {subjects}.",
    "Q-secondhand": "Quotes passed on second-hand, through another outlet: {subjects}.",
    "T-imprecise": "Events dated only to the year, so their order is uncertain: {subjects}.",
    "S-anonymous": "Sources that name no publisher, author or date: {subjects}.",
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


def _covering(brief: Brief, finding: Diagnostic) -> bool:
    return any(
        finding.code in caveat.covers and set(finding.subjects) <= set(caveat.about)
        for caveat in brief.caveats
    )


def _variant_diff(brief: Brief, finding: Diagnostic) -> tuple[tuple[str, str], ...]:
    if finding.code != "Q-variant" or len(finding.subjects) != 2:
        return ()
    from brief.analyse.quotes import word_diff

    texts = {quote.id: quote.text for quote in brief.quotes}
    return word_diff(texts[finding.subjects[0]], texts[finding.subjects[1]])


def _reader_text(finding: Diagnostic) -> str:
    if finding.code == "Q-variant":  # the diff below shows the two versions
        return finding.message.split(": “", 1)[0] + ":"
    text = finding.message
    return text[0].upper() + text[1:] + "."


def plan_caveats(brief: Brief, findings: Sequence[Diagnostic]) -> CaveatPlan:
    """Turn findings and the author's caveats into what the brief prints."""
    caveats = [
        PrintedCaveat(
            caveat.id,
            caveat.severity,
            caveat.about,
            caveat.text.markdown,
            caveat.covers,
            caveat.text,
        )
        for caveat in brief.caveats
    ]
    covered: list[Diagnostic] = []
    notes: dict[str, list[str]] = {}
    for index, finding in enumerate(findings, start=1):
        if _covering(brief, finding):
            covered.append(finding)
        elif finding.severity in (Severity.WARNING, Severity.ERROR):
            caveats.append(
                PrintedCaveat(
                    f"finding-{index}",
                    "warning",
                    finding.subjects,
                    _reader_text(finding),
                    (finding.code,),
                    diff=_variant_diff(brief, finding),
                )
            )
        else:
            notes.setdefault(finding.code, []).extend(finding.subjects)
    lines = []
    for code, subjects in notes.items():
        unique = tuple(dict.fromkeys(subjects))
        listed = "; ".join(subject_label(brief, subject) for subject in unique)
        lines.append(
            NoteLine(
                code, NOTE_TEXT.get(code, code + ": {subjects}.").format(subjects=listed), unique
            )
        )
    return CaveatPlan(
        tuple(caveats), tuple(sorted(lines, key=lambda line: line.code)), tuple(covered)
    )
