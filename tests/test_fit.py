"""The handout's two-page guarantee: step down through the fit levels, or fail with a report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import brief
from brief import BriefError, BuildOptions

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
