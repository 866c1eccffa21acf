"""X-hidden: invisible characters that make a text read otherwise than it is stored."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import brief
from brief import BuildOptions
from brief.analyse.hidden import MAX_LISTED

from ..conftest import META


def _hidden(folder: Path) -> list[brief.Diagnostic]:
    return [f for f in brief.check(folder).findings if f.code == "X-hidden"]


def test_a_bidi_override_in_a_title_is_reported_where_it_stands(
    write_brief: Callable[[str], Path],
) -> None:
    folder = write_brief(META.replace("Thorn and the numbers", "Food bank \u202eknab"))
    (finding,) = _hidden(folder)
    assert (finding.location.line, finding.location.column) == (3, 21)
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in finding.message


def test_a_zero_width_space_in_an_include_is_reported_at_its_line(
    write_brief: Callable[[str], Path],
) -> None:
    folder = write_brief(META + "summary: {file: summary.md}\n")
    (folder / "summary.md").write_text("One.\n\nTwo\u200bthree.\n", encoding="utf-8")
    (finding,) = _hidden(folder)
    assert finding.location.path.endswith("summary.md")
    assert (finding.location.line, finding.location.column) == (3, 4)


def test_joiners_and_marks_that_scripts_need_are_not_reported(
    write_brief: Callable[[str], Path],
) -> None:
    folder = write_brief(META + 'summary: "می\u200cخواهم \u200f(א) 👩\u200d💻"\n')
    assert _hidden(folder) == []


def test_many_are_listed_up_to_a_cap_then_counted(write_brief: Callable[[str], Path]) -> None:
    folder = write_brief(META + 'summary: "' + "a\u200b" * 500 + '"\n')
    found = _hidden(folder)
    assert len(found) == MAX_LISTED + 1
    assert "480 more" in found[-1].message


@pytest.mark.slow  # builds outputs
def test_readers_never_see_the_warning(write_brief: Callable[[str], Path], tmp_path: Path) -> None:
    folder = write_brief(META.replace("Thorn and the numbers", "Food bank \u202eknab"))
    brief.build(folder, BuildOptions(out_dir=tmp_path, formats=("html",)))
    html = (tmp_path / "case.html").read_text(encoding="utf-8")
    assert "invisible" not in html
