"""run/api.py on its own: check and build as a program calls them, without the command line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import brief
from brief import BuildOptions
from brief.run.api import build_in_memory, check_all
from tests.conftest import META

ONE = (
    META
    + """\
summary: "A summary [@s]."
figures:
  - {id: a, value: 300, counts: meals served, period: "2017", source: s}
sources:
  - {id: s, title: Report, publisher: Pantry}
"""
)


def test_check_reports_findings_and_timings_and_writes_nothing(
    write_brief: Callable[[str], Path],
) -> None:
    folder = write_brief(ONE)
    report = brief.check(folder)
    assert [finding.code for finding in report.findings] == ["F-single-source"]
    assert {"load", "validate", "analyse"} <= set(report.timings)
    assert sorted(path.name for path in folder.iterdir()) == ["brief.yaml"]


def test_check_all_gives_one_report_for_a_brief_without_variants(
    write_brief: Callable[[str], Path],
) -> None:
    reports = check_all(write_brief(ONE))
    assert len(reports) == 1
    assert not isinstance(reports[0], Exception)


def test_build_in_memory_returns_bytes_and_publishes_nothing(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    out = tmp_path / "never"
    options = BuildOptions(out_dir=out, formats=("html",))
    report, files, outputs = build_in_memory(write_brief(ONE), options)
    assert not out.exists()
    assert [name for name in files if name.endswith(".html")] == ["case.html"]
    assert files["case.html"].startswith(b"<!DOCTYPE html>")
    assert [output.format for output in outputs] == ["html"]
    assert report.findings
