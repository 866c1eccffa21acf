"""Finding case files: each source carries the findings it must give (`# expect: CODE line:col`)
for the codes it checks (`# check:`); near-misses expect none. One file per situation in
tests/cases/findings/, and `# why:` lines saying what the case is about."""

from __future__ import annotations

from pathlib import Path

import pytest

import brief
from brief.schema import FINDING_CODES

CASES = Path(__file__).parents[1] / "cases" / "findings"


def _header(case: Path, key: str) -> list[str]:
    prefix = f"# {key}:"
    return [
        line[len(prefix) :].strip()
        for line in case.read_text(encoding="utf-8").splitlines()
        if line.startswith(prefix)
    ]


@pytest.mark.parametrize("case", sorted(CASES.glob("*.yaml")), ids=lambda path: path.stem)
def test_finding_case_gives_exactly_its_expected_findings(case: Path) -> None:
    checked = set(" ".join(_header(case, "check")).split())
    expected = [line for line in _header(case, "expect") if line != "none"]
    assert checked, "a case names the codes it checks"
    assert _header(case, "why"), "a case says what it is about"
    report = brief.check(case)
    found = [
        f"{finding.code} {finding.location.line}:{finding.location.column}"
        for finding in report.findings
        if finding.code in checked and finding.location is not None
    ]
    assert found == expected


def test_every_finding_code_has_a_case_that_fires_it() -> None:
    fired = {
        line.split()[0]
        for case in CASES.glob("*.yaml")
        for line in _header(case, "expect")
        if line != "none"
    }
    assert set(FINDING_CODES) <= fired


def test_every_family_of_checks_has_a_near_miss() -> None:
    near_misses = [case for case in CASES.glob("*.yaml") if _header(case, "expect") == ["none"]]
    checked = {code for case in near_misses for code in " ".join(_header(case, "check")).split()}
    families = {code.split("-")[0] for code in checked}
    assert {"F", "Q", "T", "S"} <= families
    assert {"F-conflict", "F-drift", "F-qualifier", "Q-variant", "T-conflict"} <= checked
