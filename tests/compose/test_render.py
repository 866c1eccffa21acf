"""compose/render.py on its own: what each fit level of a handout prints, and what every other
target prints, from one composed document (no PDF is laid out here)."""

from __future__ import annotations

import dataclasses
import re

import pytest

from brief.analyse import analyse
from brief.compose.assemble import ComposeOptions, compose
from brief.compose.document import Document
from brief.compose.render import (
    FEWER_QUOTES_FIT,
    KEY_FIGURES_FIT,
    MAX_KEY_ROWS,
    MOVED_FIT,
    pdf_resources,
    printed_figures,
    printed_pictures,
    printed_quotes,
    render_page,
)
from brief.model import Layout
from brief.read.load import load
from brief.read.validate import validate
from tests.conftest import EXAMPLE


@pytest.fixture(scope="module")
def document() -> Document:
    brief = validate(load(EXAMPLE))
    return compose(brief, analyse(brief), ComposeOptions())


def test_a_handout_prints_its_budget_of_quotes_then_fewer_then_none(document: Document) -> None:
    every = tuple(quote.id for quote in document.quotes)
    assert printed_quotes(document, "pdf", 0) == document.handout_quotes
    assert set(printed_quotes(document, "pdf", FEWER_QUOTES_FIT)) <= set(document.handout_quotes)
    assert printed_quotes(document, "pdf", MOVED_FIT) == ()
    for target in ("html", "epub"):  # the ebook and web page print every quote at any level
        assert printed_quotes(document, target, MOVED_FIT) == every


def test_the_last_fit_level_keeps_only_key_figure_rows(document: Document) -> None:
    every = tuple(row.id for row in document.figures)
    assert printed_figures(document, "pdf", KEY_FIGURES_FIT - 1) == every
    key = printed_figures(document, "pdf", KEY_FIGURES_FIT)
    assert len(key) <= MAX_KEY_ROWS
    assert set(key) <= set(every)
    assert all(row.markers or row in document.callouts for row in document.figures if row.id in key)
    full = dataclasses.replace(document, layout=Layout.BRIEF)
    assert printed_figures(full, "pdf", KEY_FIGURES_FIT) == every


def test_pictures_move_out_of_a_handout_from_the_fewer_quotes_level(document: Document) -> None:
    assert printed_pictures(document, "pdf", FEWER_QUOTES_FIT - 1) == tuple(
        picture.id for picture in document.pictures
    )
    assert printed_pictures(document, "pdf", FEWER_QUOTES_FIT) == ()


def test_the_print_page_names_only_resources_the_pdf_writer_serves() -> None:
    brief = validate(load(EXAMPLE.parent / "gallery" / "alder-creek-pantry"))
    document = compose(brief, analyse(brief), ComposeOptions())
    html = render_page(document, "pdf")
    named = set(re.findall(r"brief-(?:image|font):[\w-]+", html))
    assert named <= set(pdf_resources(document))
    assert "brief-image:logo" in named  # the example's logo, served from its checked bytes
    web = render_page(document, "html")
    assert "brief-image:" not in web  # a web page is self-contained
    assert "brief-font:" not in web


def test_the_moved_handout_prints_a_pointer_instead_of_the_timeline(document: Document) -> None:
    moved = render_page(document, "pdf", MOVED_FIT)
    assert 'class="handout-pointer"' in moved
    assert 'id="timeline"' not in moved
    assert 'id="timeline"' in render_page(document, "pdf", 0)
