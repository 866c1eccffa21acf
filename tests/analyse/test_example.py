"""The Thorn example: the analysis surfaces what a careful fact-checker finds in the article's
figures, quotes and dates. Figures and quotes are picked by what they say, not by their ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.analyse import Analysis, analyse
from brief.model import Brief
from brief.read.load import load
from brief.read.validate import validate

EXAMPLE = Path(__file__).parents[2] / "examples" / "thorn"


@pytest.fixture(scope="module")
def example() -> tuple[Brief, Analysis]:
    brief = validate(load(EXAMPLE))
    return brief, analyse(brief)


def figure_id(brief: Brief, value: float, word: str) -> str:
    """Return the id of the figure with this value whose counts hold this word."""
    (found,) = [f.id for f in brief.figures if f.value == value and word in f.counts]
    return found


def subjects(analysis: Analysis, code: str) -> list[set[str]]:
    return [set(f.subjects) for f in analysis.findings if f.code == code]


def test_the_example_has_no_error(example: tuple[Brief, Analysis]) -> None:
    _, analysis = example
    assert [f for f in analysis.findings if f.severity.value == "error"] == []


def test_lives_saved_and_victims_identified_drift(example: tuple[Brief, Analysis]) -> None:
    brief, analysis = example
    saved = figure_id(brief, 6000, "saved")
    victims = {figure_id(brief, 5791, "victims"), figure_id(brief, 6000, "victims")}
    assert any({saved, *victims} <= group for group in subjects(analysis, "F-drift"))


def test_over_and_nearly_six_thousand_contradict(example: tuple[Brief, Analysis]) -> None:
    brief, analysis = example
    pair = {figure_id(brief, 6000, "saved"), figure_id(brief, 6000, "victims")}
    assert pair in subjects(analysis, "F-qualifier")


def test_hedged_and_self_claimed_figures_are_not_verified(example: tuple[Brief, Analysis]) -> None:
    brief, analysis = example
    flagged = set().union(*subjects(analysis, "F-self-reported"))
    hedged_or_claimed = {f.id for f in brief.figures if f.hedges or f.claimed_by}
    assert hedged_or_claimed <= flagged


def test_undated_figures_are_found(example: tuple[Brief, Analysis]) -> None:
    brief, analysis = example
    undated = [{f.id} for f in brief.figures if f.period is None]
    assert undated
    assert subjects(analysis, "F-undated") == undated


def test_the_day_job_and_homeland_security_remarks_are_told_in_two_versions(
    example: tuple[Brief, Analysis],
) -> None:
    brief, analysis = example

    def quote_with(words: str) -> set[str]:
        return {q.id for q in brief.quotes if words in q.text}

    variants = subjects(analysis, "Q-variant")
    assert quote_with("day job") in variants
    assert quote_with("7-year-old girl") in variants
