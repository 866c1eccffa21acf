"""Events without a date (issue 12): they print without one, after the dated events, in every
format and in the reader's language."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import brief
from brief import BuildOptions

BRIEF = """\
brief: 1
meta: {title: Repairs, lang: es, date: 2024-01-01}
timeline:
  - {id: undated, event: Empezaron las reparaciones., source: s}
  - {id: closed, date: 2023-05, event: Se cerró el puente., source: s}
  - {id: opened, date: 2019, event: Se abrió el puente., source: s}
sources:
  - {id: s, title: Diario, publisher: Ejemplo, published: 2023-06-01}
"""


@pytest.mark.slow  # builds outputs or runs long
def test_an_undated_event_prints_last_marked_as_undated_in_html_and_epub(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = write_brief(BRIEF)
    out = tmp_path / "dist"
    result = brief.build(folder, BuildOptions(out_dir=out, formats=("html", "epub")))
    assert not result.stopped
    assert [f.code for f in result.report.findings if f.code.startswith("T-")] == ["T-undated"]
    html = (out / "case.html").read_text(encoding="utf-8")
    order = re.findall(r'<li id="(opened|closed|undated)"', html)
    assert order == ["opened", "closed", "undated"]
    assert '<span class="when undated">sin fecha</span>' in html
    with zipfile.ZipFile(out / "case.epub") as epub:
        timeline = next(
            epub.read(name).decode() for name in epub.namelist() if name.endswith("timeline.xhtml")
        )
    assert '<span class="when undated">sin fecha</span>' in timeline
    assert "T-undated" not in html  # a note to the author, never printed
