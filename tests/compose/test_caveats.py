"""Caveats: warnings printed in plain words next to their subjects and in the caveats section,
notes gathered one line per code, and an author's caveat that covers a finding replacing it."""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import brief
from brief import BuildOptions
from brief.analyse.qualifiers import place_name, text_place
from brief.compose.caveats import (
    AUTHOR_ONLY,
    PLACES,
    READER_TEXT,
    CaveatPlan,
    plan_caveats,
)
from brief.compose.l10n import CATALOGUE_LANGUAGES
from brief.run.api import Report
from brief.schema import FINDING_CODES

pytestmark = pytest.mark.slow  # builds outputs: left out of the quick loop (`pytest -m "not slow"`)

FINDINGS = Path(__file__).parents[1] / "cases" / "findings"

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
    assert 'class="caveat-ref" href="caveats.xhtml#finding-' in figures  # links to the caveat


def test_a_figures_row_names_its_caveats_in_a_column_not_a_second_kind_of_mark(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    brief.build(write_brief(SOURCE), BuildOptions(out_dir=tmp_path, formats=("html",)))
    html = (tmp_path / "case.html").read_text()
    row = html.split('<tr id="saved">', 1)[1].split("</tr>", 1)[0]
    cells = row.split("<td")
    assert 'class="caveat-ref"' in cells[-1]  # the last column: the row's caveats
    assert 'class="marker"' not in row  # no superscript beside the number
    assert '<th scope="col">Caveats</th>' in html


#: One English reader text per catalogue template, as printed before the texts moved into
#: assets/locales: English briefs must not change by a byte.
ENGLISH = [
    (
        "conflict-same-count-same-year",
        (
            "Two reports of the same count disagree for 2017: “5,791 child victims "
            "identified” and “4,200 identified child victims” cannot both be right."
        ),
    ),
    (
        "conflict-same-count-same-year",
        (
            "Two reports of the same count disagree: “120 kids rescued” and “up to 100 "
            "children rescued” cannot both be right."
        ),
    ),
    (
        "conflict-near-miss",
        (
            "The figures “5,791 child victims identified”, “nearly 6,000 child sex "
            "trafficking victims identified”, “about 6,000 lives saved”, “5,600 lives "
            "saved”, “over 6,000 meals served”, “over 6,000 child victims identified” and "
            "“nearly 6,000 child victims identified” are close in size but count different "
            "things; some of them may be one number described in different ways."
        ),
    ),
    (
        "conflict-near-miss",
        (
            "“nearly 6,000 child sex trafficking victims identified” and “over 6,000 meals "
            "served” may be one number told two ways, but one says a little less than 6,000"
            " and the other more than 6,000: both cannot be right."
        ),
    ),
    (
        "conflict-near-miss",
        (
            "“over 6,000 child victims identified” and “nearly 6,000 child victims "
            "identified” count the same thing, but one says more than 6,000 and the other a"
            " little less than 6,000: both cannot be right."
        ),
    ),
    (
        "qualifier-typed-by-hand",
        (
            "The summary gives the number “6,000”, but the source says more than 6,000 "
            "(“over 6,000 lives saved”)."
        ),
    ),
    (
        "qualifier-typed-by-hand",
        (
            "Key point 1 gives the number “6000”, but the source says more than 6,000 "
            "(“over 6,000 lives saved”)."
        ),
    ),
    (
        "qualifier-typed-by-hand",
        (
            "A caveat repeats the number “5,791” by hand; the figure it refers to is “5,791"
            " child victims identified”."
        ),
    ),
    (
        "qualifier-wording-and-contradictions",
        (
            "The source's own words are “more than 300 schools”; this brief shows the "
            "figure as “300 schools reached”, with a different qualifier."
        ),
    ),
    (
        "qualifier-wording-and-contradictions",
        (
            "The source's own words, “some 820 volunteers”, give a different number from "
            "the one shown here, “800 volunteers trained”."
        ),
    ),
    (
        "quotes-variant",
        (
            "Ashton Kutcher is reported telling the same thing twice, in different words; "
            "the differences between the two versions are marked:"
        ),
    ),
    (
        "quotes-unverified",
        (
            "The quote “That's my day job, and I'm…” could not be found in the copy of its "
            "source; the closest passage differs as marked:"
        ),
    ),
    (
        "sources",
        ("The figure “10 tools built” names no source, so readers cannot check it."),
    ),
    (
        "sources",
        (
            "“A source nobody cites” is listed among the sources, but nothing in this brief"
            " relies on it."
        ),
    ),
    (
        "sources",
        (
            "Sources that name no publisher, author or date, so readers cannot judge how "
            "reliable they are: “A source nobody cites”."
        ),
    ),
    (
        "timeline",
        (
            "One event is given two different dates, March 4, 2015 and March 5, 2015: "
            "“Kutcher testifies before the Senate.”"
        ),
    ),
    (
        "timeline",
        (
            "Events dated only to the year, so their order within that year is uncertain: "
            "2012: Thorn is founded; 2012: A report is published."
        ),
    ),
    (
        "undated-and-stale",
        (
            "The figure “10 tools built” comes with no date, so it is unclear what period "
            "it covers or how current it is."
        ),
    ),
    (
        "undated-and-stale",
        (
            "Figures from more than 5 years before this brief's date, which may be out of "
            "date: 50 partners; 9 desks."
        ),
    ),
    (
        "quotes-secondhand",
        (
            "Quotes known only second-hand, as repeated by another outlet rather than from "
            "the original interview, speech or transcript: “We build more tools.”."
        ),
    ),
    (
        "self-reported-and-single-source",
        (
            "Figures that come from the people or organisation this brief is about, or that"
            " the source itself hedges (“reportedly”, “according to”), and that nobody has "
            "checked independently: 10 tools built; 50 partners; 7 offices; 8 offices."
        ),
    ),
    (
        "self-reported-and-single-source",
        ("Figures reported by only one source: 10 tools built."),
    ),
]


def _case_texts(case: Path) -> list[str]:
    report = brief.check(case)
    plan = plan_caveats(report.brief, report.findings)
    automatic = [c.text for c in plan.caveats if c.id.startswith("finding-")]
    return automatic + [line.text for line in plan.notes]


def _in_language(lang: str, folder: Path) -> Path:
    """Copy the finding cases (and their source texts) into `folder`, set to `lang`."""
    shutil.copytree(FINDINGS, folder)
    for case in folder.glob("*.yaml"):
        text = case.read_text(encoding="utf-8")
        case.write_text(re.sub(r"\blang: en\b", f"lang: {lang}", text, count=1), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("case", "text"), ENGLISH, ids=[f"{c}-{i}" for i, (c, _) in enumerate(ENGLISH)]
)
def test_english_reader_texts_are_worded_as_before(case: str, text: str) -> None:
    assert text in _case_texts(FINDINGS / f"{case}.yaml")


@pytest.mark.parametrize(
    "where",
    ["summary", "meta.content_warning", "key_points[2]", "timeline:a", "caveats:b", "revision:c"],
)
def test_every_place_a_number_is_typed_has_a_reader_name(where: str) -> None:
    kind, number = text_place(where)  # a finding's `text` and `key_point` facts
    assert kind in PLACES
    assert (number > 0) == (kind == "key_points")
    assert place_name(where)  # English, for `brief check`


@pytest.mark.parametrize("lang", [lang for lang in CATALOGUE_LANGUAGES if lang != "en"])
def test_every_reader_text_is_told_in_the_brief_language(lang: str, tmp_path: Path) -> None:
    translated = _in_language(lang, tmp_path / lang)
    for case in sorted(FINDINGS.glob("*.yaml")):
        english = _case_texts(case)
        theirs = _case_texts(translated / case.name)
        assert len(theirs) == len(english), case.name
        same = [text for text, other in zip(english, theirs, strict=True) if text == other]
        assert not same, (case.name, same)


@pytest.mark.parametrize(
    ("lang", "drift", "single"),
    [
        ("fr", "ne comptent pas la même chose", "rapporté que par une seule source"),
        ("es", "pero cuentan cosas distintas", "procede de una sola fuente"),
        ("de", "zählen aber Verschiedenes", "stammt aus nur einer Quelle"),
    ],
)
def test_a_brief_prints_its_caveats_in_its_language(
    write_brief: Callable[[str], Path], tmp_path: Path, lang: str, drift: str, single: str
) -> None:
    source = SOURCE.replace("lang: en", f"lang: {lang}")
    brief.build(write_brief(source), BuildOptions(out_dir=tmp_path, formats=("html",)))
    html = (tmp_path / "case.html").read_text(encoding="utf-8")
    assert drift in html
    assert single in html
    assert "count different things" not in html
    assert "reported in two versions" not in html
    assert "reported by one source only" not in html
    caveat_marker = {"fr": "mise en garde 1", "es": "advertencia 1", "de": "Vorbehalt 1"}[lang]
    assert f'aria-label="{caveat_marker}"' in html  # screen readers hear the brief's language
    assert 'aria-label="caveat 1"' not in html
    opening = {"fr": "«\u00a0", "es": "«", "de": "„"}[lang]
    assert f"<p>{opening}" in html  # quotations in the language's quotation marks


def test_a_french_brief_lists_and_quotes_the_french_way(
    write_brief: Callable[[str], Path],
) -> None:
    _, plan = _plan(write_brief, SOURCE.replace("lang: en", "lang: fr"))
    (drift,) = [caveat for caveat in plan.caveats if caveat.codes == ("F-drift",)]
    assert drift.text.startswith(
        "Les chiffres «\u00a0plus de 6\u202f000 lives saved\u00a0» et «\u00a05\u202f791 child "
        "victims identified\u00a0» sont proches"
    )
