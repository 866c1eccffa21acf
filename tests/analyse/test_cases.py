"""Finding case files: each source carries the findings it must give (`# expect:`), for the codes it
checks (`# check:`); near-misses expect none. One file per situation in tests/cases/findings/."""

from __future__ import annotations

from pathlib import Path

import pytest

import brief

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
    report = brief.check(case)
    found = [
        f"{finding.code} {finding.location.line}:{finding.location.column}"
        for finding in report.findings
        if finding.code in checked
    ]
    assert found == expected


def test_every_finding_code_has_a_case_and_a_near_miss() -> None:
    from brief.schema import FINDING_CODES

    cases = sorted(CASES.glob("*.yaml"))
    covered = {code for case in cases for line in _header(case, "check") for code in line.split()}
    assert set(FINDING_CODES) - {"Q-unverified"} <= covered  # Q-unverified: test_quotes.py
    near_misses = [case for case in cases if _header(case, "expect") == ["none"]]
    assert len(near_misses) >= 4
