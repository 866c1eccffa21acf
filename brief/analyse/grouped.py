"""Notes gathered per source for the terminal: one line per source instead of one per figure.

In: the findings of `brief check`. Out: the same findings, except that F-single-source and F-stale
notes, and F-undated notes that take a figure as of its source's publication date, about figures
of one source become one note listing them (the JSON and SARIF reports keep
every finding; only `brief check`'s text output reads this). Less noise, same truth.
"""

from __future__ import annotations

from collections.abc import Sequence

from brief.analyse.common import listing
from brief.analyse.findings import Finding
from brief.errors import Diagnostic

#: The codes gathered per source, and how the gathered line says them.
GROUPED = {
    "F-single-source": "{items} are reported by one source only, “{title}” [{source}]",
    "F-stale": "{items}, all from “{title}” [{source}], date from more than {years} years "
    "before the brief's date",
    "F-undated": "{items} give no year or period: they are taken as of {assumed}, when "
    "“{title}” [{source}] was published",
}


def _key(diagnostic: Diagnostic) -> tuple[str, str] | None:
    if diagnostic.code not in GROUPED or not isinstance(diagnostic, Finding):
        return None
    source = diagnostic.fact("source")
    if diagnostic.code == "F-undated" and diagnostic.kind != "assumed":
        return None  # a warning: each figure needs its own period
    return (diagnostic.code, source) if source and diagnostic.fact("item") else None


def group_by_source(diagnostics: Sequence[Diagnostic], years: int) -> list[Diagnostic]:
    """Return the diagnostics with each source's F-single-source and F-stale notes as one, in
    the place of the first of them (a source with one such note keeps it as it is)."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for diagnostic in diagnostics:
        key = _key(diagnostic)
        if key is not None and isinstance(diagnostic, Finding):  # only findings carry facts
            groups.setdefault(key, []).append(diagnostic)
    out: list[Diagnostic] = []
    for diagnostic in diagnostics:
        key = _key(diagnostic)
        members = groups.get(key, []) if key else []
        if len(members) < 2:
            out.append(diagnostic)
        elif diagnostic is members[0]:
            out.append(_gathered(members, years))
    return out


def _gathered(members: list[Finding], years: int) -> Finding:
    first = members[0]
    message = GROUPED[first.code].format(
        items=listing([member.fact("item") for member in members]),
        title=first.fact("source_title"),
        source=first.fact("source"),
        years=years,
        assumed=first.fact("assumed"),
    )
    subjects = tuple(subject for member in members for subject in member.subjects)
    return Finding(
        first.code, first.severity, message, first.location, first.hint, subjects, kind="source"
    )
