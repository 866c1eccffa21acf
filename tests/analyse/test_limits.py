"""Bounds on the analysis: no brief makes a check grow with the square of its size (issue: 3,000
figures of one count made 4.5 million F-conflict pairs and 3.8 GB; 30 quotes against a 4 MB copy
took two minutes), and dates at the calendar's edges never overflow."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

import brief
from brief.analyse import limits
from brief.analyse.figures import years_before
from brief.analyse.limits import MAX_LISTED, is_limit_note
from brief.analyse.timeline import date_range
from brief.compose.caveats import plan_caveats
from brief.dates import PartialDate
from brief.errors import Location, Severity
from brief.model import Event

pytestmark = pytest.mark.slow  # builds outputs: left out of the quick loop (`pytest -m "not slow"`)

HEAD = "brief: 1\nmeta: {title: T, lang: en, date: 2024-01-01}\n"


def _check(write_brief: Callable[[str], Path], body: str) -> brief.Report:
    return brief.check(write_brief(HEAD + body))


def _notes(report: brief.Report, code: str) -> list[str]:
    return [f.message for f in report.findings if f.code == code and is_limit_note(f)]


def test_three_thousand_figures_of_one_count_list_a_bounded_number_of_conflicts(
    write_brief: Callable[[str], Path],
) -> None:
    figures = "".join(
        f"  - {{id: f{n}, value: {1000 + n}, counts: child victims identified}}\n"
        for n in range(3000)
    )
    started = time.perf_counter()
    report = _check(write_brief, "figures:\n" + figures)
    assert time.perf_counter() - started < 30  # was a MemoryError at 3.8 GB after a minute
    conflicts = [f for f in report.findings if f.code == "F-conflict" and not is_limit_note(f)]
    assert len(conflicts) == MAX_LISTED
    [note] = _notes(report, "F-conflict")
    assert note == (
        f"F-conflict lists only the first {MAX_LISTED} findings about the figures counting "
        "“child victims identified”; more were found"
    )
    [limit] = [f for f in report.findings if is_limit_note(f)]
    assert limit.severity is Severity.NOTE
    assert limit.location is not None
    assert limit.location.line == 4  # f0's `counts`


def test_a_count_refined_a_thousand_ways_lists_a_bounded_number_of_conflicts(
    write_brief: Callable[[str], Path],
) -> None:
    """Each refinement ("child victims w7") is compared with the count it refines: pairs across
    two keys, not the refined count's own pairs again for each (55 s, 1.1 GB, 1.5 million)."""
    figures = "".join(
        f"  - {{id: a{n}, value: {1000 + n}, counts: child victims}}\n"
        f"  - {{id: b{n}, value: {1000 + n}, counts: child victims w{n}}}\n"
        for n in range(1000)
    )
    report = _check(write_brief, "figures:\n" + figures)
    assert report.timings["analyse"] < 20
    conflicts = [f for f in report.findings if f.code == "F-conflict" and not is_limit_note(f)]
    assert len(conflicts) == MAX_LISTED  # all about “child victims”, which the note names
    assert _notes(report, "F-conflict") == [
        f"F-conflict lists only the first {MAX_LISTED} findings about the figures counting "
        "“child victims”; more were found"
    ]


def test_one_value_told_with_contradicting_qualifiers_is_listed_a_bounded_number_of_times(
    write_brief: Callable[[str], Path],
) -> None:
    figures = "".join(
        f"  - {{id: f{n}, value: 6000, qualifier: {'nearly' if n % 2 else 'over'}, "
        "counts: child victims identified}\n"
        for n in range(300)  # 22,500 contradicting pairs
    )
    report = _check(write_brief, "figures:\n" + figures)
    found = [f for f in report.findings if f.code == "F-qualifier" and not is_limit_note(f)]
    assert len(found) == MAX_LISTED
    assert len(_notes(report, "F-qualifier")) == 1


def test_one_event_told_with_many_dates_is_listed_a_bounded_number_of_times(
    write_brief: Callable[[str], Path],
) -> None:
    events = "".join(
        f"  - {{id: e{n}, date: {1700 + n}, event: The dam breaks.}}\n" for n in range(300)
    )
    report = _check(write_brief, "timeline:\n" + events)
    found = [f for f in report.findings if f.code == "T-conflict" and not is_limit_note(f)]
    assert len(found) == MAX_LISTED  # was 44,850
    assert len(_notes(report, "T-conflict")) == 1


def test_one_remark_retold_many_times_is_listed_a_bounded_number_of_times(
    write_brief: Callable[[str], Path],
) -> None:
    quotes = "".join(
        f"  - {{id: q{n}, text: 'We helped find many children in {n} cities last year', "
        "speaker: Ann}\n"
        for n in range(150)
    )
    report = _check(write_brief, "quotes:\n" + quotes)
    found = [f for f in report.findings if f.code == "Q-variant" and not is_limit_note(f)]
    assert len(found) == MAX_LISTED  # was 11,175
    assert _notes(report, "Q-variant") == [
        f"Q-variant lists only the first {MAX_LISTED} findings about the quotes of Ann; more "
        "were found"
    ]


def test_a_check_that_spends_its_budget_says_so_once(
    write_brief: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_COMPARED", 1_000)
    figures = "".join(
        f"  - {{id: f{n}, value: {5000 + n}, counts: child victims identified}}\n"
        for n in range(99)
    )
    figures += "  - {id: odd, value: 5099, counts: lives saved}\n"  # each of 99 drifts with it
    report = _check(write_brief, "figures:\n" + figures)
    assert _notes(report, "F-drift") == [
        "F-drift stopped after comparing 1,000 pairs of figures; some findings may be missing"
    ]


def test_notes_on_bounds_are_for_the_author_never_printed_nor_answered(
    write_brief: Callable[[str], Path],
) -> None:
    figures = "".join(
        f"  - {{id: f{n}, value: {1000 + n}, counts: child victims identified}}\n"
        for n in range(60)
    )
    caveat = "caveats:\n  - {text: They differ., covers: [F-conflict], about: [f0, f1]}\n"
    report = _check(write_brief, "figures:\n" + figures + caveat)
    assert _notes(report, "F-conflict")
    plan = plan_caveats(report.brief, report.findings)
    assert not [c for c in plan.caveats if "lists only" in c.text]
    assert not [line for line in plan.notes if line.code == "F-conflict"]
    assert not [f for f in plan.covered if is_limit_note(f)]


def test_many_caveats_meet_only_the_findings_they_name(
    write_brief: Callable[[str], Path],
) -> None:
    count = 4000
    figures = "".join(f"  - {{id: f{n}, value: {n}, counts: c{n}}}\n" for n in range(count))
    caveats = "".join(
        f"  - {{text: t, covers: [S-uncited], about: [f{n}]}}\n" for n in range(count)
    )
    caveats += "  - {text: t, covers: [F-conflict], about: [f1, f2]}\n"  # answers nothing
    folder = write_brief(HEAD + "figures:\n" + figures + "caveats:\n" + caveats)
    report = brief.check(folder)
    started = time.perf_counter()
    plan = plan_caveats(report.brief, report.findings)
    assert time.perf_counter() - started < 10  # caveats × findings: 16 million comparisons
    assert report.timings["analyse"] < 20
    assert len(plan.covered) == count
    assert Counter(f.code for f in report.findings)["C-stale"] == 1


# ── Quote verification against a large copy ─────────────────────────────────────────────


def _big_copy(size: int, seed: int = 1) -> tuple[str, list[str]]:
    rng = random.Random(seed)
    vocabulary = sorted(
        {
            "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(2, 9)))
            for _ in range(5000)
        }
    )
    sentences, total = [], 0
    while total < size:
        words = [rng.choice(vocabulary) for _ in range(rng.randint(8, 25))]
        sentence = " ".join(words).capitalize() + ". "
        sentences.append(sentence)
        total += len(sentence)
    return "".join(sentences), vocabulary


def test_thirty_unverified_quotes_against_a_four_megabyte_copy_take_seconds_not_minutes(
    write_brief: Callable[[str], Path],
) -> None:
    copy, vocabulary = _big_copy(4_300_000)
    rng = random.Random(2)
    lines = [
        f"  - {{id: q{n}, text: '{' '.join(rng.choices(vocabulary, k=15))}', speaker: A, "
        "source: s}\n"
        for n in range(29)
    ]
    words = copy.split()
    passage = words[400_000:400_012]  # one misquote of a passage deep in the copy
    misquote = [*passage[:5], "never", *passage[6:]]
    lines.append(f"  - {{id: q29, text: '{' '.join(misquote)}', speaker: A, source: s}}\n")
    sources = "sources:\n  - {id: s, title: S, publisher: P, text: copy.txt}\n"
    folder = write_brief(HEAD + "quotes:\n" + "".join(lines) + sources)
    (folder / "copy.txt").write_text(copy, encoding="utf-8")
    started = time.perf_counter()
    report = brief.check(folder)
    assert time.perf_counter() - started < 30  # was 76-124 s
    unverified = [f for f in report.findings if f.code == "Q-unverified"]
    assert len(unverified) == 30
    assert unverified[-1].fact("passage") == " ".join(passage)  # type: ignore[attr-defined]
    assert ("-", passage[5]) in unverified[-1].diff  # type: ignore[attr-defined]


# ── Dates at the calendar's edges ────────────────────────────────────────────────────────


def test_a_library_caller_may_judge_staleness_as_of_any_date(
    write_brief: Callable[[str], Path],
) -> None:
    folder = write_brief(HEAD + "figures:\n  - {id: f, value: 1, counts: x, period: 2020}\n")
    for as_of in (PartialDate(5, 1, 1), PartialDate(1), PartialDate(9999, 12, 31)):
        report = brief.check(folder, as_of)  # was ValueError: year 0 is out of range
        stale = [f for f in report.findings if f.code == "F-stale"]
        assert bool(stale) == (as_of.year == 9999)


def test_years_before_the_calendar_begins_are_its_first_day() -> None:
    assert years_before(dt.date(5, 1, 1), 5) == dt.date.min
    assert years_before(dt.date(6, 3, 1), 5) == dt.date(1, 3, 1)
    assert years_before(dt.date(2024, 2, 29), 5) == dt.date(2019, 2, 28)


@pytest.mark.parametrize("year", [1, 9999])
def test_an_approximate_date_at_the_calendars_edge_widens_to_the_edge(year: int) -> None:
    event = Event("e", Location("b.yaml"), date=PartialDate(year), approx=True)
    first, last = date_range(event)  # was OverflowError: date value out of range
    assert first == (dt.date.min if year == 1 else dt.date(9998, 12, 31) - dt.timedelta(365))
    assert last == (dt.date.max if year == 9999 else dt.date(2, 12, 31) + dt.timedelta(1))


def test_derived_indexes_live_with_their_brief_not_in_the_module() -> None:
    """No hidden state (issue 14): what checks share is kept on the brief it was derived from,
    so two briefs analysed in turn never see each other's indexes, and a copy starts afresh."""
    import dataclasses

    from brief.analyse import analyse
    from brief.analyse import findings as findings_module
    from brief.read.load import load
    from brief.read.validate import validate
    from tests.conftest import EXAMPLE

    one = validate(load(EXAMPLE))
    other = validate(load(EXAMPLE.parent / "gallery" / "rolling-fork"))
    alone = [finding.code for finding in analyse(other).findings]
    analyse(one)
    again = [finding.code for finding in analyse(other).findings]
    assert again == alone
    assert "figure-index" in one.derived
    assert dataclasses.replace(one, name="copy").derived == {}
    assert not [name for name in vars(findings_module) if name.startswith("_MEMO")]
