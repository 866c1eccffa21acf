"""Figures verified in their source's local copy like quotes (F-unverified, analyse/verify.py):
the wording of `as_reported` must be in the copy; the build report records where it is."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import brief
from brief import BuildOptions
from brief.compose.caveats import plan_caveats

COPY = """The Harbour Food Bank said on Tuesday that it handed out
nearly 6,000 parcels last winter.

"We have never seen queues like this," a spokeswoman said.
Volunteers gave more than 12,000 hours.
"""

BRIEF = """\
brief: 1
meta: {title: Appeal, lang: en, date: 2024-01-01}
figures:
  - {id: parcels, value: 6000, qualifier: nearly, counts: parcels, as_reported: "%s",
     source: s, period: "2023"}
quotes:
  - {id: queues, text: "We have never seen queues like this", speaker: a spokeswoman, source: s}
sources:
  - {id: s, title: Appeal, publisher: Harbour Food Bank, text: copy.txt}
"""


def _folder(write_brief: Callable[[str], Path], as_reported: str) -> Path:
    folder = write_brief(BRIEF % as_reported)
    (folder / "copy.txt").write_text(COPY, encoding="utf-8")
    return folder


def test_a_figure_whose_wording_is_not_in_the_copy_is_a_warning_with_the_closest_passage(
    write_brief: Callable[[str], Path],
) -> None:
    report = brief.check(_folder(write_brief, "about 6,000 parcels"))
    (finding,) = [f for f in report.findings if f.code == "F-unverified"]
    assert finding.severity.value == "warning"
    assert finding.subjects == ("parcels",)
    assert "nearly 6,000 parcels" in finding.fact("passage")
    assert ("+", "about") in finding.diff
    assert finding.location is not None
    assert finding.location.line == 4


def test_the_build_report_records_each_figure_and_quote_with_its_selector_and_line(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = _folder(write_brief, "nearly 6,000 parcels")
    result = brief.build(folder, BuildOptions(out_dir=tmp_path / "dist", formats=("html",)))
    assert not [f for f in result.report.findings if f.code.endswith("unverified")]
    report = json.loads((tmp_path / "dist" / "case.report.json").read_text())
    (figure,) = report["figures"]
    assert figure["figure"] == "parcels"
    assert figure["line"] == 2  # the wording starts on the copy's second line
    assert figure["selector"]["exact"] == "nearly 6,000 parcels"
    (quote,) = report["quotes"]
    assert quote["quote"] == "queues"
    assert quote["line"] == 4
    assert report["claims"] == []


def test_readers_are_told_in_their_language_which_wording_was_not_found(
    write_brief: Callable[[str], Path],
) -> None:
    folder = _folder(write_brief, "about 6,000 parcels")
    yaml = folder / "brief.yaml"
    yaml.write_text(yaml.read_text().replace("lang: en", "lang: es"), encoding="utf-8")
    report = brief.check(folder)
    plan = plan_caveats(report.brief, report.findings)
    (caveat,) = [c for c in plan.caveats if "F-unverified" in c.codes]
    assert caveat.text.startswith("La formulación «about 6,000 parcels» no aparece")
    assert ("+", "about") in caveat.diff
