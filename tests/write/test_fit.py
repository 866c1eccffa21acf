"""The handout's two-page guarantee: step down through the fit levels, or fail with a report."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

import brief
from brief import BriefError, BuildOptions

pytestmark = pytest.mark.slow  # builds outputs: left out of the quick loop (`pytest -m "not slow"`)

HEAD = """\
brief: 1
meta: {title: Long brief, lang: en, date: 2024-01-01}
summary: |
"""
PARAGRAPH = (
    "  This paragraph stands for a long explanation written by a volunteer, long enough to "
    "fill several lines of the handout so that the layout has to work to keep it short.\n\n"
)


def _brief(write_brief: Callable[[str], Path], paragraphs: int) -> Path:
    return write_brief(HEAD + PARAGRAPH * paragraphs)


def test_a_short_brief_prints_as_designed(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    result = brief.build(_brief(write_brief, 2), BuildOptions(out_dir=tmp_path, formats=("pdf",)))
    assert result.outputs[0].pages == 1
    assert result.outputs[0].fit == 0


def test_a_slightly_long_handout_is_tightened_to_two_pages(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    for paragraphs in range(30, 80, 4):  # find a length just over two pages at the design size
        folder = _brief(write_brief, paragraphs)
        result = brief.build(folder, BuildOptions(out_dir=tmp_path, formats=("pdf",)))
        if result.outputs[0].fit:
            assert result.outputs[0].pages == 2
            return
    pytest.fail("no length needed a tighter fit")


def test_an_overlong_handout_fails_with_an_overflow_report_and_writes_nothing(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    out = tmp_path / "dist"
    with pytest.raises(BriefError) as caught:
        brief.build(_brief(write_brief, 80), BuildOptions(out_dir=out, formats=("pdf",)))
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "B501"
    assert "at most" in diagnostic.message
    assert "--layout brief" in diagnostic.hint
    assert not any(out.iterdir()) if out.exists() else True


def test_the_brief_layout_has_no_page_limit(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    result = brief.build(
        _brief(write_brief, 80),
        BuildOptions(out_dir=tmp_path, formats=("pdf",), layout=brief.Layout.BRIEF),
    )
    assert result.outputs[0].pages > 2


# ------------------------------------------------------------------ nothing moves in silence
QUOTES = """\
people:
  - {id: ana, name: Ana Ruiz}
sources:
  - {id: s, title: A report, publisher: A paper, kind: news}
quotes:
"""


def _quoted_brief(write_brief: Callable[[str], Path], paragraphs: int, quotes: int) -> Path:
    vocabulary = ("winter", "family", "door", "counted", "pantry", "shelf", "rent", "bus", "school")

    def words(n: int) -> str:  # quotes unlike each other, so none is a variant of another
        return " ".join(f"{vocabulary[(n + k) % len(vocabulary)]}{n}{k}" for k in range(14))

    lines = "".join(
        f"  - {{id: q{n}, text: '{words(n)}.', speaker: ana, source: s}}\n" for n in range(quotes)
    )
    return write_brief(HEAD + PARAGRAPH * paragraphs + QUOTES + lines)


def _o_fit(result: brief.BuildResult) -> list[str]:
    return [notice.message for notice in result.notices if notice.code == "O-fit"]


def test_quotes_left_out_of_the_handout_are_said_in_a_notice(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = _quoted_brief(write_brief, 2, 14)
    result = brief.build(folder, BuildOptions(out_dir=tmp_path, formats=("pdf",)))
    (pdf,) = result.outputs
    assert pdf.quotes_shown is not None
    assert pdf.quotes_shown < 14
    (message,) = _o_fit(result)
    assert f"{pdf.quotes_shown} of its 14 quotes" in message
    report = (tmp_path / "case.report.json").read_text(encoding="utf-8")
    assert "O-fit" in report


def test_a_tightened_handout_says_what_it_did_also_from_the_cache(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    for paragraphs in range(30, 80, 4):
        folder = _quoted_brief(write_brief, paragraphs, 0)
        options = BuildOptions(out_dir=tmp_path, formats=("pdf",), cache_dir=tmp_path / "c")
        result = brief.build(folder, options)
        if result.outputs[0].fit:
            (message,) = _o_fit(result)
            assert "smaller" in message
            again = brief.build(folder, options)
            assert again.cached
            assert _o_fit(again) == [message]
            return
    pytest.fail("no length needed a tighter fit")


def test_a_handout_that_fits_as_designed_says_nothing(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    result = brief.build(
        _quoted_brief(write_brief, 2, 2), BuildOptions(out_dir=tmp_path, formats=("pdf",))
    )
    assert result.outputs[0].fit == 0
    assert _o_fit(result) == []


def test_the_cli_prints_the_fit_and_a_count_of_the_findings(
    write_brief: Callable[[str], Path], tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    folder = _quoted_brief(write_brief, 2, 14)
    code, _, err = run_cli("build", str(folder), "-f", "pdf", "-o", str(tmp_path))
    assert code == 0
    assert "O-fit" in err
    assert re.search(r"\d+ warnings?, \d+ notes?", err), err


def test_a_handout_too_long_for_its_pages_prints_its_key_figures_and_says_so(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    from brief.compose.render import MAX_KEY_ROWS

    rows = "".join(
        f"  - {{id: f{n}, value: {100 + n}, counts: meals served at pantry {n}, "
        f"period: '2023', source: s}}\n"
        for n in range(60)
    )
    for paragraphs in range(4, 40, 3):  # find a length that needs the last fit level
        text = HEAD + PARAGRAPH * paragraphs + QUOTES + "figures:\n" + rows
        options = BuildOptions(out_dir=tmp_path, formats=("pdf",))
        result = brief.build(write_brief(text), options)
        (pdf,) = result.outputs
        if pdf.fit == 5:
            assert pdf.pages <= 2
            assert pdf.figures_shown is not None
            assert pdf.figures_shown <= MAX_KEY_ROWS
            (message,) = _o_fit(result)
            assert f"prints {pdf.figures_shown} of 60 figures" in message
            return
    pytest.fail("no length needed the last fit level")
