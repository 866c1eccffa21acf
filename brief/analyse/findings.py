"""What the analysis finds, as plain data, and the registry of checks that find it.

In: nothing (definitions). Out: `Finding`, `QuoteMatch`, `Analysis`, the `CHECKS` registry each
family module fills, and `run_checks`. Every family imports from here, never from the package, so
the package's `__init__` can import the families to register them without a circle.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from brief.dates import PartialDate
from brief.errors import Diagnostic
from brief.model import Brief


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quote (or a figure's or claim's wording, by `kind`) was found in its source's
    local copy (a W3C TextQuoteSelector), and on which line of the copy it starts."""

    quote: str  # the item's id
    source: str
    exact: str
    prefix: str
    suffix: str
    sha256: str
    start: int = 0
    end: int = 0
    kind: str = "quote"
    line: int = 0


@dataclass(frozen=True, slots=True)
class Finding(Diagnostic):
    """A finding: a diagnostic plus what the caveats stage needs to explain it in plain words.

    `kind` names which rule of the code fired (F-qualifier has several); `facts` carries the
    words the rule saw (a number typed by hand, the text it was in); `diff` is a word diff, as
    (op, words) pairs with op "=", "-" or "+" (Q-variant, Q-unverified).
    """

    kind: str = ""
    facts: tuple[tuple[str, str], ...] = ()
    diff: tuple[tuple[str, str], ...] = ()

    def fact(self, name: str) -> str:
        """Return one of the finding's facts, or ""."""
        return dict(self.facts).get(name, "")


@dataclass(frozen=True)
class Analysis:
    """Everything the analysis learnt: findings in source order, and verified quote matches."""

    findings: tuple[Diagnostic, ...] = ()
    matches: tuple[QuoteMatch, ...] = ()


Check = Callable[[Brief, PartialDate], list[Diagnostic]]


@dataclass(frozen=True)
class Derived:
    """A check that reads what every other check found (C-stale): `run_checks` runs it after
    them, on their findings."""

    check: Callable[[Brief, Sequence[Diagnostic]], list[Diagnostic]]


#: Every check, under its code (design.md §3), in the order the findings are listed. Filled by
#: the package's `__init__` from the family modules.
CHECKS: dict[str, Check | Derived] = {}

T = TypeVar("T")


def per_brief(name: str, brief: Brief, compute: Callable[[Brief], T]) -> T:
    """Return `compute(brief)`, computed once per brief and kept with it (`Brief.derived`), so
    that checks share indexes and no state outlives the brief it was derived from."""
    if name not in brief.derived:
        brief.derived[name] = compute(brief)
    return brief.derived[name]  # type: ignore[return-value]  # stored here, under `name`


def run_checks(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """Run every registered check in registration order, then the derived ones on what the
    others found."""
    findings: list[Diagnostic] = []
    for check in CHECKS.values():
        if not isinstance(check, Derived):
            findings.extend(check(brief, as_of))
    found = tuple(findings)
    for check in CHECKS.values():
        if isinstance(check, Derived):
            findings.extend(check.check(brief, found))
    return findings
