"""Source checks: sources nothing cites and items citing nothing (S-uncited), anonymous sources
(S-anonymous), and author's caveats that answer no finding any more (C-stale)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from brief.analyse import CHECKS, analyse
from brief.analyse.stale import answers
from brief.errors import Diagnostic, Severity
from brief.model import Brief
from brief.read.load import load
from brief.read.validate import validate
from brief.schema import FINDING_CODES

HEAD = "brief: 1\nmeta: {title: T, lang: en, date: 2024-01-01}\n"


@pytest.fixture
def make(write_brief: Callable[[str], Path]) -> Callable[[str], Brief]:
    """Validate a brief from its text after HEAD."""
    return lambda text: validate(load(write_brief(HEAD + text)))


def subjects(brief: Brief, code: str) -> list[tuple[str, ...]]:
    return [f.subjects for f in analyse(brief).findings if f.code == code]


def test_every_finding_code_has_a_registered_check() -> None:
    assert list(CHECKS) == list(FINDING_CODES)


def test_a_source_cited_anywhere_is_cited(make: Callable[[str], Brief]) -> None:
    brief = make(
        "key_points: ['As [@kp] says.']\n"
        "quotes:\n  - {id: q, text: Hi., speaker: X, source: paper, via: tv}\n"
        "caveats:\n  - {about: [q], text: 'See [@note].'}\n"
        "sources:\n"
        "  - {id: kp, title: A, publisher: P}\n  - {id: paper, title: B, publisher: P}\n"
        "  - {id: tv, title: C, publisher: P}\n  - {id: note, title: D, publisher: P}\n"
        "  - {id: lost, title: E, publisher: P}\n"
    )
    assert subjects(brief, "S-uncited") == [("lost",)]


def test_figures_quotes_and_events_without_a_source_are_uncited(
    make: Callable[[str], Brief],
) -> None:
    brief = make(
        "figures:\n  - {id: f, value: 3, counts: offices, period: '2020'}\n"
        "timeline:\n  - {id: e, date: 2020, event: Opened}\n"
        "quotes:\n  - {id: q, text: Hi., speaker: X}\n"
    )
    found = [f for f in analyse(brief).findings if f.code == "S-uncited"]
    assert [f.subjects for f in found] == [("f",), ("e",), ("q",)]
    assert found[0].message == "the figure 'f' cites no source"


def test_a_source_naming_nobody_is_anonymous(make: Callable[[str], Brief]) -> None:
    brief = make(
        "summary: '[@a] [@b] [@c] [@d]'\nsources:\n"
        "  - {id: a, title: A, url: 'https://example.org'}\n"
        "  - {id: b, title: B, author: Someone}\n  - {id: c, title: C, published: 2020}\n"
        "  - {id: d, title: D, publisher: P}\n"
    )
    assert subjects(brief, "S-anonymous") == [("a",)]


COVERED = (
    "figures:\n"
    "  - {id: a, value: 5000, counts: lives saved, period: '2023', source: s}\n"
    "  - {id: b, value: 5100, counts: victims identified, period: '2023', source: s}\n"
    "sources:\n  - {id: s, title: S, publisher: P}\n"
    "caveats:\n  - {about: ABOUT, text: Different measures., covers: [F-drift]}\n"
)


def test_a_caveat_answering_its_finding_is_not_stale(make: Callable[[str], Brief]) -> None:
    assert subjects(make(COVERED.replace("ABOUT", "[a, b]")), "C-stale") == []


def test_a_caveat_naming_only_part_of_a_finding_is_stale_and_says_what_is_missing(
    make: Callable[[str], Brief],
) -> None:
    brief = make(COVERED.replace("ABOUT", "[a]"))
    (finding,) = [f for f in analyse(brief).findings if f.code == "C-stale"]
    assert "now also concerns b" in finding.message
    assert finding.hint == "add b to `about:`"


def test_a_caveat_covering_a_code_that_never_fires_is_stale(make: Callable[[str], Brief]) -> None:
    brief = make(COVERED.replace("ABOUT", "[a, b]").replace("F-drift", "F-conflict"))
    (finding,) = [f for f in analyse(brief).findings if f.code == "C-stale"]
    assert finding.location is not None
    assert finding.location.line == 9  # the covers entry
    assert finding.hint == "remove F-conflict from `covers:`, or the caveat if it no longer applies"


def test_a_caveat_answers_a_finding_when_it_names_every_subject_and_the_code(
    make: Callable[[str], Brief],
) -> None:
    caveat = make(COVERED.replace("ABOUT", "[a, b]")).caveats[0]
    drift = Diagnostic("F-drift", Severity.WARNING, "m", subjects=("a", "b"))
    assert answers(caveat, drift)
    assert not answers(caveat, Diagnostic("F-drift", Severity.WARNING, "m", subjects=("a", "c")))
    assert not answers(caveat, Diagnostic("F-undated", Severity.WARNING, "m", subjects=("a",)))
