"""Timeline checks: events dated too loosely to order (T-imprecise) and one event given two
dates (T-conflict)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from brief.analyse import analyse
from brief.analyse.timeline import normalise_event
from brief.read.load import load
from brief.read.validate import validate

HEAD = "brief: 1\nmeta: {title: T, lang: en, date: 2024-01-01}\ntimeline:\n"
SOURCES = "sources:\n  - {id: s, title: Report, publisher: P}\n"

Findings = Callable[[str, str], list[tuple[str, ...]]]


@pytest.fixture
def found(write_brief: Callable[[str], Path]) -> Findings:
    """Return the subjects of one code's findings for a brief with the given events."""

    def run(events: str, code: str) -> list[tuple[str, ...]]:
        brief = validate(load(write_brief(HEAD + events + SOURCES)))
        return [f.subjects for f in analyse(brief).findings if f.code == code]

    return run


def event(event_id: str, date: str, text: str, **fields: str) -> str:
    """Return one timeline entry as a YAML list item."""
    extra = "".join(f", {key}: {value}" for key, value in fields.items())
    return f'  - {{id: {event_id}, date: {date}, event: "{text}", source: s{extra}}}\n'


def test_a_year_only_event_beside_a_dated_one_of_that_year_is_imprecise(found: Findings) -> None:
    events = event("a", "2017", "A report") + event("b", "2017-03-02", "A hearing")
    assert found(events, "T-imprecise") == [("a",)]


def test_year_only_events_of_different_years_are_not_imprecise(found: Findings) -> None:
    events = event("a", "2016", "A report") + event("b", "2017", "A hearing")
    assert found(events, "T-imprecise") == []


def test_two_entries_for_one_event_need_no_order_between_them(found: Findings) -> None:
    events = event("a", "2012", "Thorn is founded") + event("b", "2012-03", "Founding", same_as="a")
    assert found(events, "T-imprecise") == []
    assert found(events, "T-conflict") == []  # March 2012 is in 2012


def test_entries_with_the_same_text_are_one_event(found: Findings) -> None:
    events = event("a", "2012", "Thorn is founded.") + event("b", "2011", "thorn was *founded*")
    assert found(events, "T-conflict") == [("a", "b")]


def test_same_as_links_chain_into_one_event(found: Findings) -> None:
    events = (
        event("a", "2015-03-04", "A hearing")
        + event("b", "2015-03-04", "Kutcher testifies", same_as="a")
        + event("c", "2015-04-01", "The Senate hears Kutcher", same_as="b")
    )
    assert found(events, "T-conflict") == [("a", "c"), ("b", "c")]


def test_an_approximate_date_allows_the_neighbouring_year(found: Findings) -> None:
    events = event("a", "2011", "A tool is released", approx="true") + event(
        "b", "2012-05-01", "A tool is released."
    )
    assert found(events, "T-conflict") == []


def test_different_end_dates_are_a_conflict(found: Findings) -> None:
    events = event("a", "2012", "A campaign", end="2014") + event(
        "b", "2012", "A campaign", end="2016"
    )
    assert found(events, "T-conflict") == [("a", "b")]


def test_event_texts_compare_without_markup_case_or_small_words() -> None:
    assert normalise_event("**Thorn** is founded.") == normalise_event("thorn was founded")
    assert normalise_event("Thorn is founded") != normalise_event("Thorn is funded")
