"""F-* checks: qualifier ranges, counted-thing normalisation, conflicts, drift, qualifiers,
self-reported and single-source figures (docs/findings.md, "Figures")."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import pytest

from brief.analyse import Analysis, analyse
from brief.analyse.counts import CountIndex, counts_key, same_thing
from brief.analyse.intervals import Range, figure_range
from brief.analyse.wording import find_numbers, qualifier_near
from brief.dates import PartialDate
from brief.errors import Location
from brief.model import Brief, Figure, Qualifier
from brief.read.load import load
from brief.read.validate import validate

HEAD = "brief: 1\nmeta: {title: T, lang: en, date: 2024-01-01, about: [Thorn, Ashton Kutcher]}\n"
SOURCES = (
    "sources:\n  - {id: s, title: Report, publisher: P}\n  - {id: t, title: Other, publisher: Q}\n"
)

Analyse = Callable[[str], tuple[Brief, Analysis]]


@pytest.fixture
def analysed(write_brief: Callable[[str], Path]) -> Analyse:
    """Analyse a brief made of HEAD, the given figures (YAML list items) and SOURCES."""

    def run(figures: str, extra: str = "") -> tuple[Brief, Analysis]:
        brief = validate(load(write_brief(HEAD + "figures:\n" + figures + extra + SOURCES)))
        return brief, analyse(brief)

    return run


def fig(figure_id: str, value: float, counts: str, source: str = "s", **fields: str) -> str:
    """Return one figure as a YAML list item."""
    extra = "".join(f', {key}: "{text}"' for key, text in fields.items())
    return f'  - {{id: {figure_id}, value: {value}, counts: "{counts}", source: {source}{extra}}}\n'


def codes(analysis: Analysis, code: str) -> list[tuple[str, ...]]:
    """Return the subjects of every finding of one code, in order."""
    return [finding.subjects for finding in analysis.findings if finding.code == code]


def figure(value: float, qualifier: Qualifier) -> Figure:
    return Figure("f", Location("b.yaml"), value=value, counts="x", qualifier=qualifier)


# ── Ranges ──────────────────────────────────────────────────────────────────────────────


def test_about_follows_the_rounding_of_the_number() -> None:
    assert figure_range(figure(6000, Qualifier.ABOUT)) == Range(5500, 6500)  # to the thousand
    low, high, *_ = figure_range(figure(5791, Qualifier.ABOUT))  # precise: the 3 % floor
    assert (low, high) == pytest.approx((5791 * 0.97, 5791 * 1.03))
    assert figure_range(figure(1000, Qualifier.ABOUT))[:2] == (750, 1250)  # the 25 % cap


def test_nearly_and_over_exclude_the_number_itself() -> None:
    nearly, over = (
        figure_range(figure(6000, Qualifier.NEARLY)),
        figure_range(figure(6000, Qualifier.OVER)),
    )
    exact = figure_range(figure(6000, Qualifier.EXACT))
    assert nearly.below(over)
    assert not nearly.meets(exact)
    assert not over.meets(exact)
    assert over.high == math.inf
    assert figure_range(figure(5791, Qualifier.EXACT)).meets(nearly)


def test_at_least_and_up_to_include_the_number() -> None:
    exact = figure_range(figure(6000, Qualifier.EXACT))
    assert figure_range(figure(6000, Qualifier.AT_LEAST)).meets(exact)
    assert figure_range(figure(6000, Qualifier.UP_TO)) == Range(0, 6000)


# ── What is counted ─────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("victims identified", "identified victims"),
        ("child victims identified", "children identified as victims"),
        ("kids rescued", "children rescued"),
        ("perpetrators identified", "offenders identified"),
        ("Lives Saved", "life saved"),
    ],
)
def test_counts_told_in_other_words_are_the_same_thing(first: str, second: str) -> None:
    assert counts_key(first) == counts_key(second)


def test_a_count_with_more_words_refines_the_same_thing_but_one_word_does_not() -> None:
    assert same_thing(
        counts_key("child victims identified"),
        counts_key("child sex trafficking victims identified"),
    )
    assert not same_thing(counts_key("victims"), counts_key("child victims"))
    assert not same_thing(counts_key("lives saved"), counts_key("victims identified"))


def test_the_count_index_finds_refinements_through_shared_words() -> None:
    index = CountIndex.build(["victims identified", "children rescued", "child victims identified"])
    assert index.same(index.key_of("victims identified"), index.key_of("child victims identified"))
    assert not index.same(index.key_of("children rescued"), index.key_of("victims identified"))


# ── F-conflict ──────────────────────────────────────────────────────────────────────────


def test_conflict_found_for_one_count_in_one_year(analysed: Analyse) -> None:
    _, analysis = analysed(
        fig("a", 5791, "child victims identified", period="2017")
        + fig("b", 4200, "identified child victims", period="2017", source="t")
    )
    (finding,) = [f for f in analysis.findings if f.code == "F-conflict"]
    assert finding.subjects == ("a", "b")
    assert finding.location is not None
    assert finding.location.line == 5  # b's value
    assert "5,791 child victims identified" in finding.message


def test_an_undated_figure_may_conflict_with_any_year(analysed: Analyse) -> None:
    _, analysis = analysed(
        fig("a", 5791, "victims identified", period="2017")
        + fig("b", 9000, "victims identified", source="t")
        + fig("c", 9000, "victims identified", period="2019", source="t")
    )
    assert ("a", "b") in codes(analysis, "F-conflict")
    assert ("a", "c") not in codes(analysis, "F-conflict")  # other years


# ── F-drift ─────────────────────────────────────────────────────────────────────────────


def test_drift_found_for_saved_vs_identified(analysed: Analyse) -> None:
    _, analysis = analysed(
        fig("saved", 6000, "lives saved", qualifier="over")
        + fig("found", 5791, "child victims identified", period="2017")
        + fig("rescued", 103, "children rescued")
    )
    assert codes(analysis, "F-drift") == [("saved", "found")]


def test_drift_groups_never_chain_far_apart_values(analysed: Analyse) -> None:
    values = [100, 110, 120, 130, 140, 150, 160, 170]
    _, analysis = analysed(
        "".join(
            f"  - {{id: f{value}, value: {value}, counts: thing{value} made, source: s}}\n"
            for value in values
        )
    )
    groups = codes(analysis, "F-drift")
    for subjects in groups:  # a window spans 15 %; a group across two windows' edge at most 2x
        picked = [int(subject[1:]) for subject in subjects]
        assert min(picked) >= max(picked) * 0.85**2
    linked = {frozenset(pair) for group in groups for pair in _pairs(group)}
    close = [(a, b) for a in values for b in values if a < b and b - a <= 0.15 * b]
    assert all(frozenset({f"f{a}", f"f{b}"}) in linked for a, b in close)  # none is lost
    assert len(groups) < len(close)


def _pairs(group: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(a, b) for i, a in enumerate(group) for b in group[i + 1 :]]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("value: 6000, counts: lives saved", "value: 5900, counts: lives saved"),  # one count
        ("value: 21, counts: states", "value: 20, counts: offices"),  # too small
        ("value: 6000, unit: USD, counts: grants", "value: 5900, counts: people helped"),  # money
        (
            'value: 6000, counts: lives saved, period: "2015"',
            'value: 5900, counts: meals, period: "2019"',
        ),
        ("value: 6000, counts: lives saved", "value: 4000, counts: victims identified"),  # far
    ],
)
def test_no_drift_for_near_misses(analysed: Analyse, first: str, second: str) -> None:
    _, analysis = analysed(
        f"  - {{id: a, {first}, source: s}}\n  - {{id: b, {second}, source: s}}\n"
    )
    assert codes(analysis, "F-drift") == []


# ── F-qualifier ─────────────────────────────────────────────────────────────────────────


def test_a_dropped_qualifier_in_the_wording_is_found(analysed: Analyse) -> None:
    _, analysis = analysed(
        fig("a", 6000, "lives saved", as_reported="reportedly saving over 6,000 lives")
    )
    (finding,) = [f for f in analysis.findings if f.code == "F-qualifier"]
    assert "“over” was dropped" in finding.message
    assert finding.hint == "set `qualifier: over` to keep the source's meaning"


def test_another_number_in_the_wording_is_found(analysed: Analyse) -> None:
    _, analysis = analysed(
        fig("a", 6000, "victims", qualifier="nearly", as_reported="nearly 5,000 victims")
    )
    assert [f.kind for f in analysis.findings if f.code == "F-qualifier"] == ["number"]  # type: ignore[attr-defined]


def test_nearly_and_over_the_same_number_for_one_count_contradict(analysed: Analyse) -> None:
    _, analysis = analysed(
        fig("a", 6000, "victims identified", qualifier="nearly", period="2017")
        + fig("b", 6000, "identified victims", qualifier="over", period="2017", source="t")
    )
    assert codes(analysis, "F-qualifier") == [("a", "b")]
    assert codes(analysis, "F-conflict") == []  # the qualifier finding says it better


@pytest.mark.parametrize("written", ["6,000", "6000", "6.000", "6\u202f000"])
def test_a_number_typed_by_hand_in_prose_is_found_in_any_format(
    analysed: Analyse, written: str
) -> None:
    brief, analysis = analysed(
        fig("a", 6000, "lives saved", qualifier="over", period="2019"),
        f'key_points:\n  - "It saved {written} lives [@s]."\n',
    )
    (finding,) = [f for f in analysis.findings if f.code == "F-qualifier"]
    assert finding.subjects == ("a",)
    assert f"“{written}” in key point 1" in finding.message
    assert finding.location == brief.key_points[0].line_location(0)


def test_years_dates_links_and_small_coincidences_are_not_typed_figures(analysed: Analyse) -> None:
    _, analysis = analysed(
        fig("a", 2017, "schools reached", period="2017")
        + fig("b", 7, "offices", period="2017")
        + fig("c", 15, "states", period="2017"),
        "summary: |\n  In 2017, on 2017-06-15, a 7-year-old [read](https://x.org/15) this [@s].\n",
    )
    assert codes(analysis, "F-qualifier") == []


def test_qualifier_words_are_read_before_and_after_a_number() -> None:
    for text, expected in [
        ("no more than 40 people", Qualifier.UP_TO),
        ("more than 40 people", Qualifier.OVER),
        ("40 or more people", Qualifier.AT_LEAST),
        ("an estimated 40 people", Qualifier.ABOUT),
        ("40 people", None),
    ]:
        assert qualifier_near(text, find_numbers(text)[0]) is expected, text


# ── F-self-reported, F-single-source, F-undated, F-stale ────────────────────────────────


@pytest.mark.parametrize(
    ("claimed_by", "expected"),
    [
        ("Thorn (the organisation)", True),
        ("the Thorn", True),
        ("Ashton Kutcher and Demi Moore", True),  # format version 1: two claimants in one
        ("Thorn's press office", False),  # is not Thorn: `speaks_for: Thorn` says it is its voice
        ("Kutcher", False),  # unless `aliases: [Kutcher]`
        ("Thornton Group", False),
        ("Kutcher and Moore Foundation", False),
        ("US Department of Homeland Security", False),
    ],
)
def test_self_reported_when_claimed_by_the_subject_of_the_brief(
    analysed: Analyse, claimed_by: str, expected: bool
) -> None:
    _, analysis = analysed(fig("a", 10, "tools", claimed_by=claimed_by, period="2023"))
    assert bool(codes(analysis, "F-self-reported")) is expected


def test_self_reported_when_the_source_hedges_in_its_own_words(analysed: Analyse) -> None:
    _, analysis = analysed(
        fig("a", 6608, "perpetrators", as_reported="has reportedly identified 6,608 perpetrators")
    )
    (finding,) = [f for f in analysis.findings if f.code == "F-self-reported"]
    assert "reportedly" in finding.message


def test_a_count_reported_by_two_sources_is_not_single_source(analysed: Analyse) -> None:
    _, analysis = analysed(
        fig("a", 10, "tools built", period="2023")
        + fig("b", 10, "tools built", period="2023", source="t")
        + fig("c", 3, "offices", period="2023", source="t")
    )
    assert codes(analysis, "F-single-source") == [("c",)]


def test_staleness_is_judged_by_the_as_of_date(analysed: Analyse) -> None:
    brief, analysis = analysed(fig("a", 10, "tools", period="2018"))
    assert codes(analysis, "F-stale") == [("a",)]  # ended 2018-12-31, over 5 years before 2024
    assert codes(analyse(brief, PartialDate(2023, 12, 31)), "F-stale") == []
    assert codes(analysis, "F-undated") == []


def test_analysis_is_deterministic(analysed: Analyse) -> None:
    brief, analysis = analysed(
        fig("a", 6000, "lives saved", qualifier="over")
        + fig("b", 5791, "victims identified", source="t")
        + fig("c", 6000, "victims identified", qualifier="nearly")
    )
    again = validate(load(brief.folder))  # a new Brief: nothing shared with the first run
    assert analyse(again) == analysis
    assert [f.location for f in analysis.findings] == sorted(
        (f.location for f in analysis.findings if f.location),
        key=lambda where: (where.path, where.line, where.column),
    )
