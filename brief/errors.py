"""Diagnostics shared by every stage: locations, severities, the one error type and exit codes.

In: nothing. Out: the vocabulary used by load, validate, analyse and the CLI (design.md §1, §5).
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


class Severity(enum.Enum):
    """How much a diagnostic matters: errors stop the build (design.md §3)."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


class ExitCode(enum.IntEnum):
    """Process exit codes of design.md §5."""

    OK = 0
    FINDINGS = 1
    INPUT_ERROR = 2


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a source file; lines and columns are 1-based, as editors count."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    @classmethod
    def at_offset(cls, path: str, text: str, offset: int) -> Location:
        r"""Return the location of character `offset` of `text`, a file read whole.

        >>> str(Location.at_offset("a.md", "one\ntwo", 5))
        'a.md:2:2'
        """
        line = text.count("\n", 0, offset) + 1
        return cls(path, line, offset - (text.rfind("\n", 0, offset) + 1) + 1)

    def as_json(self) -> dict[str, object]:
        """Return the location as the JSON object of design.md §5."""
        return {"path": self.path, "line": self.line, "column": self.column}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found in a source: a B-code from validation or a finding from analysis."""

    code: str
    severity: Severity
    message: str
    location: Location | None = None
    hint: str = ""
    subjects: tuple[str, ...] = ()

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.severity.value} {self.code}: {self.message}"

    def as_json(self) -> dict[str, object]:
        """Return the diagnostic as one entry of `check --format json`."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
            "subjects": list(self.subjects),
            "location": self.location.as_json() if self.location else None,
        }


#: The most diagnostics one error lists; the rest are counted in one last line (150,000 unknown
#: keys once printed 32 MB).
MAX_DIAGNOSTICS = 100


class BriefError(Exception):
    """The only exception raised for bad input; it holds the diagnostics found, at most
    MAX_DIAGNOSTICS of them and then one (B108) that counts the rest."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = _capped(tuple(diagnostics))
        super().__init__("\n".join(map(str, self.diagnostics)))


def _capped(diagnostics: tuple[Diagnostic, ...]) -> tuple[Diagnostic, ...]:
    if len(diagnostics) <= MAX_DIAGNOSTICS + 1:
        return diagnostics
    rest = diagnostics[MAX_DIAGNOSTICS:]
    codes = sorted({item.code for item in rest})
    listed = ", ".join(codes[:5]) + (", …" if len(codes) > 5 else "")
    more = error(
        "B108",
        f"{len(rest):,} more problems not listed ({listed})",
        rest[0].location,
        "fix the problems above, then check again",
    )
    return (*diagnostics[:MAX_DIAGNOSTICS], more)


#: The longest message a diagnostic prints: a value quoted in it is cut (a 1.5 MB YAML key was
#: once echoed whole).
MAX_MESSAGE_CHARS = 1_000


def error(code: str, message: str, location: Location | None, hint: str = "") -> Diagnostic:
    """Make an error-severity diagnostic, its message cut to MAX_MESSAGE_CHARS.

    >>> len(error("B201", "unknown key " + "k" * 5_000, None).message)
    1000
    """
    if len(message) > MAX_MESSAGE_CHARS:
        message = message[: MAX_MESSAGE_CHARS - 1] + "…"
    return Diagnostic(code, Severity.ERROR, message, location, hint[:MAX_MESSAGE_CHARS])


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int, str]:
    """Order diagnostics as a compiler does: by file, then line, then column."""
    where = diagnostic.location or Location("", 0, 0)
    return (where.path, where.line, where.column, diagnostic.code)


def format_text(diagnostics: Sequence[Diagnostic]) -> str:
    """Format diagnostics as `file:line:col: severity CODE: message` plus an indented hint."""
    lines: list[str] = []
    for diagnostic in diagnostics:
        lines.append(str(diagnostic))
        if diagnostic.hint:
            lines.append(f"    hint: {diagnostic.hint}")
    return "\n".join(lines)


def summarise(diagnostics: Sequence[Diagnostic]) -> dict[str, int]:
    """Count diagnostics per severity."""
    counts = {severity.value: 0 for severity in Severity}
    for diagnostic in diagnostics:
        counts[diagnostic.severity.value] += 1
    return counts


def format_json(diagnostics: Sequence[Diagnostic]) -> str:
    """Format diagnostics in the versioned JSON shape of design.md §5."""
    payload = {
        "version": 1,
        "findings": [diagnostic.as_json() for diagnostic in diagnostics],
        "summary": summarise(diagnostics),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False)
