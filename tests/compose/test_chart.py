"""The figures chart: each figure drawn as the range its wording allows, one scale per unit."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import brief
from brief.analyse import analyse
from brief.compose.assemble import ComposeOptions, compose
from brief.compose.chart import figures_chart
from brief.compose.document import Document
from brief.compose.themes import theme_colors
from tests.conftest import EXAMPLE, META

SVG = "{http://www.w3.org/2000/svg}"
FIGURES = """\
sources:
  - {id: s, title: A report, publisher: A paper, kind: news}
figures:
  - {id: a, value: 6000, qualifier: nearly, counts: meals served, source: s, period: "2017"}
  - {id: b, value: 5791, counts: meals served, source: s, period: "2017"}
  - {id: c, value: 40, qualifier: over, unit: "%", counts: families who came back, source: s}
"""


def _document(folder: Path) -> Document:
    report = brief.check(folder)
    return compose(report.brief, analyse(report.brief), ComposeOptions())


def test_every_figure_is_drawn_on_one_scale_per_unit_and_named_in_the_alt_text(
    write_brief: Callable[[str], Path],
) -> None:
    document = _document(write_brief(META + FIGURES))
    assert document.chart is not None
    root = ET.fromstring(document.chart.svg)
    axes = [line for line in root.iter(f"{SVG}line") if line.get("stroke-width") == "1"]
    assert len(axes) == 2  # counts and percentages: two scales
    texts = "".join(root.itertext())
    for row in document.figures:
        assert row.display in texts
        assert row.display in document.chart.alt
    assert "over" in document.chart.alt  # the qualifier is part of the number as written
    assert len(list(root.iter(f"{SVG}path"))) == 1  # one open-ended range: one arrow


def test_rows_with_a_caveat_are_drawn_in_the_warning_colour_with_its_number() -> None:
    report = brief.check(EXAMPLE)
    document = compose(report.brief, analyse(report.brief), ComposeOptions())
    assert document.chart is not None
    warning = theme_colors(report.brief.theme.name, report.brief.theme.colors)["warning"]
    marked = [row for row in document.figures if row.markers]
    assert marked
    assert document.chart.svg.count(f'stroke="{warning}"') >= len(marked)
    for row in marked:
        assert f"[{row.markers[0].number}]" in document.chart.svg


def test_fewer_than_two_figures_draw_no_chart(write_brief: Callable[[str], Path]) -> None:
    one = META + FIGURES.split("  - {id: b")[0]
    assert _document(write_brief(one)).chart is None


def test_the_chart_is_the_same_bytes_every_time() -> None:
    report = brief.check(EXAMPLE)
    analysis = analyse(report.brief)
    first = compose(report.brief, analysis, ComposeOptions()).chart
    assert first == compose(report.brief, analysis, ComposeOptions()).chart
    colors = theme_colors("default", {})
    again = figures_chart(report.brief.figures, (), colors, "en", {"chart_alt": "{n} {figures}"})
    assert again is None  # no printed rows, nothing drawn


def test_the_handout_leaves_the_chart_to_the_full_brief_and_the_ebook(tmp_path: Path) -> None:
    from brief.compose.render import render_page

    report = brief.check(EXAMPLE)
    analysis = analyse(report.brief)
    for layout, drawn in ((brief.Layout.HANDOUT, False), (brief.Layout.BRIEF, True)):
        document = compose(report.brief, analysis, ComposeOptions(layout=layout))
        assert ('class="chart"' in render_page(document, "pdf")) is drawn
        assert 'class="chart"' in render_page(document, "html")
