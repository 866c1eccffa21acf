"""compose/assemble.py on its own: one Document for every output, made from the brief and its
findings: callouts from the key points, the handout's quote budget, notes gathered per code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from brief.analyse import analyse
from brief.compose.assemble import HANDOUT_QUOTE_BUDGET, MAX_CALLOUTS, ComposeOptions, compose
from brief.compose.document import Document
from brief.model import Paper
from brief.read.load import load
from brief.read.validate import validate
from tests.conftest import META


def _document(folder: Path, options: ComposeOptions | None = None) -> Document:
    checked = validate(load(folder))
    return compose(checked, analyse(checked), options or ComposeOptions())


FIGURES = """\
key_points:
  - "{fig:c} then {fig:a}, and {fig:b}; also {fig:d} and {fig:a} again."
figures:
  - {id: a, value: 100, counts: meals served, period: "2017", source: s}
  - {id: b, value: 200, counts: families helped, period: "2017", source: s}
  - {id: c, value: 300, counts: volunteers, period: "2017", source: s}
  - {id: d, value: 400, counts: boxes packed, period: "2017", source: s}
sources:
  - {id: s, title: Report, publisher: Pantry}
"""


def test_callouts_are_the_figures_the_key_points_cite_in_order(
    write_brief: Callable[[str], Path],
) -> None:
    document = _document(write_brief(META + FIGURES))
    assert [row.id for row in document.callouts] == ["c", "a", "b"][:MAX_CALLOUTS]


def test_a_handout_keeps_its_quotes_within_the_budget(write_brief: Callable[[str], Path]) -> None:
    quotes = "".join(
        f'  - {{id: q{n}, text: "{"A sentence of some length said at the meeting. " * 3}",'
        f" speaker: Speaker {n}}}\n"
        for n in range(12)
    )
    document = _document(write_brief(META + "quotes:\n" + quotes))
    shown = [quote for quote in document.quotes if quote.id in document.handout_quotes]
    assert 0 < len(shown) < len(document.quotes)
    assert sum(len(quote.text) for quote in shown) <= HANDOUT_QUOTE_BUDGET


def test_options_choose_paper_and_large_print_over_the_source(
    write_brief: Callable[[str], Path],
) -> None:
    folder = write_brief(META.replace("date: 2018-01-10", "date: 2018-01-10\n  paper: a4"))
    document = _document(folder, ComposeOptions(Paper.LETTER, None, True))
    assert document.paper is Paper.LETTER
    assert document.large_print


def test_notes_of_one_code_are_one_line_with_a_label(write_brief: Callable[[str], Path]) -> None:
    document = _document(write_brief(META + FIGURES))
    lines = {line.code: line for line in document.note_lines}
    assert set(lines["F-single-source"].subjects) == {"a", "b", "c", "d"}
    assert lines["F-single-source"].label  # a few plain words for the handout's compact list
    assert "F-single-source" not in lines["F-single-source"].text  # no code for readers
