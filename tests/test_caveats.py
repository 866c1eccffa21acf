"""Caveats: warnings printed in plain words next to their subjects and in the caveats section,
notes gathered one line per code, and an author's caveat that covers a finding replacing it."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import brief
from brief import BuildOptions
from brief.api import Report
from brief.caveats import AUTHOR_ONLY, READER_TEXT, CaveatPlan, plan_caveats
from brief.schema import FINDING_CODES

SOURCE = """\
brief: 1
meta: {title: Caveats, lang: en, date: 2024-01-01, about: [Example Org]}
figures:
  - {id: saved, value: 6000, qualifier: over, counts: lives saved, source: s}
  - {id: found, value: 5791, counts: child victims identified, period: "2017", source: s}
quotes:
  - {id: a, text: "That's my day job, and I'm not backing down from it", speaker: X, source: s}
  - {id: b, text: "That's my day job, and I'm sticking to it.", speaker: X, source: s}
sources:
  - {id: s, title: Report, publisher: Example}
"""
COVER = """\
caveats:
  - about: [saved]
    text: "No year is given for this total."
    covers: [F-undated]
"""


def _plan(write_brief: Callable[[str], Path], text: str) -> tuple[Report, CaveatPlan]:
    report = brief.check(write_brief(text))
    return report, plan_caveats(report.brief, report.findings)


def test_drift_is_explained_in_plain_words(write_brief: Callable[[str], Path]) -> None:
    _, plan = _plan(write_brief, SOURCE)
    (drift,) = [caveat for caveat in plan.caveats if caveat.codes == ("F-drift",)]
    assert drift.text == (
        "The figures “over 6,000 lives saved” and “5,791 child victims identified” are close in "
        "size but count different things; they may be one number described in different ways."
    )
    assert drift.subjects == ("saved", "found")
    assert plan.about("saved")[0].codes == ("F-undated",)


def test_notes_are_gathered_one_line_per_code(write_brief: Callable[[str], Path]) -> None:
    _, plan = _plan(write_brief, SOURCE)
    assert len({line.code for line in plan.notes}) == len(plan.notes)
    single = next(line for line in plan.notes if line.code == "F-single-source")
    assert single.subjects == ("saved", "found")
    assert single.text == "Every figure in this brief is reported by one source only."
    stale = next(line for line in plan.notes if line.code == "F-stale")
    assert stale.text.endswith(": 5,791 child victims identified.")


def test_a_quote_variant_carries_its_word_diff(write_brief: Callable[[str], Path]) -> None:
    _, plan = _plan(write_brief, SOURCE)
    (variant,) = [caveat for caveat in plan.caveats if caveat.codes == ("Q-variant",)]
    assert (
        variant.text
        == "X's words are reported in two versions that differ; the changes are marked:"
    )
    assert variant.diff == (
        ("=", "That's my day job, and I'm"),
        ("-", "not backing down from"),
        ("+", "sticking to"),
        ("=", "it"),
    )


def test_an_author_caveat_that_covers_a_finding_replaces_it(
    write_brief: Callable[[str], Path],
) -> None:
    report, plan = _plan(write_brief, SOURCE + COVER)
    assert [f.code for f in plan.covered] == ["F-undated"]
    assert not [c for c in plan.caveats if c.id.startswith("finding-") and "F-undated" in c.codes]
    assert plan.caveats[0].text == "No year is given for this total."
    assert [c.codes for c in plan.about("saved")] == [("F-undated",), ("F-drift",)]
    assert not [f for f in report.findings if f.code == "C-stale"]


def test_a_caveat_about_one_figure_does_not_hide_a_finding_about_two(
    write_brief: Callable[[str], Path],
) -> None:
    report, plan = _plan(write_brief, SOURCE + COVER.replace("F-undated", "F-drift"))
    assert [c.codes for c in plan.caveats if c.id.startswith("finding-")].count(("F-drift",)) == 1
    assert [f.code for f in report.findings if f.code == "C-stale"] == ["C-stale"]
    assert not [c for c in plan.caveats if "C-stale" in c.codes]  # for the author, not readers


def test_covered_notes_leave_the_note_line(write_brief: Callable[[str], Path]) -> None:
    _, plan = _plan(write_brief, SOURCE + COVER.replace("[F-undated]", "[F-single-source]"))
    single = next(line for line in plan.notes if line.code == "F-single-source")
    assert single.subjects == ("found",)


def test_every_printed_warning_code_has_a_plain_text() -> None:
    warnings = {"F-conflict", "F-drift", "F-qualifier", "F-undated", "Q-variant", "T-conflict"}
    warnings |= {"S-uncited", "Q-unverified"}
    assert warnings <= set(READER_TEXT)
    assert set(READER_TEXT) | set(AUTHOR_ONLY) <= set(FINDING_CODES)


def test_the_quote_variant_is_shown_as_a_word_diff_with_markup_not_colour_alone(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    brief.build(write_brief(SOURCE), BuildOptions(out_dir=tmp_path, formats=("html", "epub")))
    html = (tmp_path / "case.html").read_text()
    assert "<del>not backing down from</del>" in html
    assert "<ins>sticking to</ins>" in html
    with zipfile.ZipFile(tmp_path / "case.epub") as book:
        caveats = book.read("EPUB/caveats.xhtml").decode()
        figures = book.read("EPUB/figures.xhtml").decode()
    assert "<del>" in caveats
    assert 'class="marker" href="caveats.xhtml#finding-' in figures  # marker links to the caveat


def test_markers_sit_next_to_the_figures_they_qualify(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    brief.build(write_brief(SOURCE), BuildOptions(out_dir=tmp_path, formats=("html",)))
    html = (tmp_path / "case.html").read_text()
    row = html.split('<tr id="saved">', 1)[1].split("</tr>", 1)[0]
    assert 'class="marker"' in row
