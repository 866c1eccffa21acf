"""Every malformed source in tests/cases/invalid/ is refused with located B-codes (design.md §6).

Each case file carries its own expectations in leading comment lines (style.md, pattern 7):
`# expect: B201 6:3` (one per diagnostic, in the order the BriefError lists them) and one
`# why:` line. Files that belong to a case (an included Markdown file) start with its stem.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

import brief
from brief.errors import BriefError, Diagnostic, ExitCode
from brief.run.api import BuildOptions
from brief.run.cli import main

INVALID = Path(__file__).parents[1] / "cases" / "invalid"
CASES = sorted(INVALID.glob("*.yaml"))
_EXPECT = re.compile(r"^# expect: (B\d{3}) (\d+):(\d+)$")
_DIRECTIONS = re.compile(
    r"\b(use|write|add|remove|choose|put|give|check|correct|save|split|copy|keep|quote)\b"
    r"|did you mean",
    re.IGNORECASE,
)


def header(case: Path) -> list[str]:
    """Return the leading comment lines of a case (read as bytes: some cases are not UTF-8)."""
    lines = []
    for raw in case.read_bytes().split(b"\n"):
        if not raw.startswith(b"#"):
            break
        lines.append(raw.decode("ascii", errors="replace").rstrip("\r"))
    return lines


def expectations(case: Path) -> list[str]:
    """Return the `CODE line:col` expectations of a case, in order."""
    found = []
    for line in header(case):
        match = _EXPECT.match(line)
        if match:
            found.append(f"{match[1]} {match[2]}:{match[3]}")
    return found


def located(diagnostic: Diagnostic) -> str:
    """Return a diagnostic as `CODE line:col`, the form of the expectations."""
    assert diagnostic.location is not None, f"{diagnostic} has no location"
    return f"{diagnostic.code} {diagnostic.location.line}:{diagnostic.location.column}"


def refuse(case: Path, out_dir: Path) -> tuple[Diagnostic, ...]:
    """Build a case, which must fail with a BriefError, and return its diagnostics."""
    with pytest.raises(BriefError) as caught:
        brief.build(case, BuildOptions(out_dir=out_dir))
    return caught.value.diagnostics


def test_the_corpus_holds_at_least_thirty_cases_with_their_expectations() -> None:
    assert len(CASES) >= 30
    for case in CASES:
        lines = header(case)
        assert expectations(case), f"{case.name} has no `# expect:` line"
        assert sum(line.startswith("# why: ") for line in lines) == 1, f"{case.name}: one `# why:`"
        malformed = [
            line for line in lines if line.startswith("# expect") and not _EXPECT.match(line)
        ]
        assert not malformed, f"{case.name}: {malformed}"


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.stem)
def test_invalid_source_is_reported_at_the_expected_places(case: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "dist"
    diagnostics = refuse(case, out_dir)
    assert [located(diagnostic) for diagnostic in diagnostics] == expectations(case)
    assert not out_dir.exists() or not any(out_dir.iterdir()), "a refused build wrote files"


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.stem)
def test_invalid_source_diagnostics_name_the_case_file(case: Path, tmp_path: Path) -> None:
    for diagnostic in refuse(case, tmp_path / "dist"):
        assert diagnostic.location is not None
        name = Path(diagnostic.location.path).name
        assert name == case.name or (name.startswith(case.stem + ".") and name.endswith(".md")), (
            f"{diagnostic} names {diagnostic.location.path}, not {case.name} or its include"
        )


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.stem)
def test_invalid_source_diagnostics_say_what_to_do(case: Path, tmp_path: Path) -> None:
    for diagnostic in refuse(case, tmp_path / "dist"):
        assert diagnostic.hint.strip() or _DIRECTIONS.search(diagnostic.message), (
            f"{diagnostic} has no hint and its message does not say what to do"
        )


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.stem)
def test_check_command_exits_2_and_prints_file_line_and_column(case: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", str(case)], out, err)
    assert code == ExitCode.INPUT_ERROR == 2
    printed = err.getvalue()
    assert "Traceback" not in printed
    for expected in expectations(case):
        code_name, position = expected.split(" ")
        line, column = position.split(":")
        pattern = rf"{re.escape(case.stem)}[\w.-]*:{line}:{column}: error {code_name}: "
        assert re.search(pattern, printed), f"{expected} not printed in:\n{printed}"
