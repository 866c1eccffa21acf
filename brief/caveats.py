"""Caveats stage: findings + the author's caveats → the caveats to print (design.md §3).

In: `Brief`, findings. Out: `CaveatPlan`: warnings become caveats next to their subjects and in the
caveats section; notes are gathered one line per code; an author's caveat that `covers` a finding
about the same subjects replaces the automatic one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from brief.errors import Diagnostic, Severity
from brief.model import Brief, Text


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


def plan_caveats(brief: Brief, findings: Sequence[Diagnostic]) -> CaveatPlan:
    """Turn findings and the author's caveats into what the brief prints."""
    caveats: list[PrintedCaveat] = []
    for caveat in brief.caveats:
        caveats.append(
            PrintedCaveat(
                caveat.id,
                caveat.severity,
                caveat.about,
                caveat.text.markdown,
                caveat.covers,
                caveat.text,
            )
        )
    covered: list[Diagnostic] = []
    notes: dict[str, list[str]] = {}
    for index, finding in enumerate(findings, start=1):
        if any(
            finding.code in caveat.covers and set(finding.subjects) <= set(caveat.about)
            for caveat in brief.caveats
        ):
            covered.append(finding)
        elif finding.severity is Severity.WARNING:
            caveats.append(
                PrintedCaveat(
                    f"finding-{index}",
                    "warning",
                    finding.subjects,
                    finding.message,
                    (finding.code,),
                )
            )
        elif finding.severity is Severity.NOTE:
            notes.setdefault(finding.code, []).extend(finding.subjects)
    lines = tuple(
        NoteLine(code, code, tuple(dict.fromkeys(subjects))) for code, subjects in notes.items()
    )
    return CaveatPlan(tuple(caveats), lines, tuple(covered))
