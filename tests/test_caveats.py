"""Caveats: warnings printed next to their subjects and in the caveats section, notes gathered,
and an author's caveat that covers a finding replacing the automatic one."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import brief
from brief import BuildOptions
from brief.caveats import plan_caveats

SOURCE = """\
brief: 1
meta: {title: Caveats, lang: en, date: 2024-01-01, about: [Example Org]}
figures:
  - {id: saved, value: 6000, qualifier: over, counts: lives saved, source: s}
  - {id: found, value: 5791, counts: victims identified, period: "2017", source: s}
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


def test_warnings_become_caveats_and_notes_are_gathered_by_code(
    write_brief: Callable[[str], Path],
) -> None:
    report = brief.check(write_brief(SOURCE))
    plan = plan_caveats(report.brief, report.findings)
    codes = [caveat.codes for caveat in plan.caveats]
    assert ("F-drift",) in codes
    assert ("F-undated",) in codes
    assert ("Q-variant",) in codes
    single = next(line for line in plan.notes if line.code == "F-single-source")
    assert single.subjects == ("saved", "found")
    assert "over 6,000 lives saved" in single.text
    assert len({line.code for line in plan.notes}) == len(plan.notes)  # one line per code


def test_an_author_caveat_that_covers_a_finding_replaces_it(
    write_brief: Callable[[str], Path],
) -> None:
    report = brief.check(write_brief(SOURCE + COVER))
    plan = plan_caveats(report.brief, report.findings)
    assert [f.code for f in plan.covered] == ["F-undated"]
    assert not [c for c in plan.caveats if c.id.startswith("finding-") and "F-undated" in c.codes]
    assert plan.caveats[0].text == "No year is given for this total."
    assert not [f for f in report.findings if f.code == "C-stale"]


def test_the_quote_variant_is_shown_as_a_word_diff_with_markup_not_colour_alone(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    brief.build(write_brief(SOURCE), BuildOptions(out_dir=tmp_path, formats=("html", "epub")))
    html = (tmp_path / "case.html").read_text()
    assert "<del>not backing down from it</del>" in html
    assert "<ins>sticking to it.</ins>" in html
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
