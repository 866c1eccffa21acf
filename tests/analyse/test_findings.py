"""analyse/findings.py: the registry runs every check, the derived ones (C-stale) last, once, on
what the others found (issue 14: C-stale is registered once and run where the registry runs it)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from brief.analyse import CHECKS, analyse, findings
from brief.analyse.findings import Derived, run_checks
from brief.dates import PartialDate
from brief.errors import Diagnostic, Severity
from brief.model import Brief
from brief.read.load import load
from brief.read.validate import validate
from tests.conftest import EXAMPLE

STALE = Path(__file__).parents[1] / "cases" / "findings" / "caveat-stale.yaml"


def _found(code: str) -> Diagnostic:
    return Diagnostic(code, Severity.NOTE, code)


def test_a_derived_check_runs_after_every_other_check_on_their_findings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[tuple[str, ...]] = []

    def derived(brief: Brief, found: Sequence[Diagnostic]) -> list[Diagnostic]:
        seen.append(tuple(f.code for f in found))
        return [_found("D")]

    registry = {
        "A": lambda brief, as_of: [_found("A")],
        "D": Derived(derived),
        "B": lambda brief, as_of: [_found("B")],
    }
    monkeypatch.setattr(findings, "CHECKS", registry)
    brief = validate(load(EXAMPLE))
    assert [f.code for f in run_checks(brief, PartialDate(2024))] == ["A", "B", "D"]
    assert seen == [("A", "B")]


def test_c_stale_is_registered_once_and_found_by_the_registry_alone() -> None:
    assert isinstance(CHECKS["C-stale"], Derived)
    brief = validate(load(STALE))
    stale = [f for f in run_checks(brief, brief.meta.date) if f.code == "C-stale"]
    assert len(stale) == 2  # the case expects two
    assert stale == [f for f in analyse(brief).findings if f.code == "C-stale"]
