"""Templates ship with their compiled Python (templates/compiled/): the same HTML, kept current."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

import brief
from brief.analyse import analyse
from brief.compose import render
from brief.compose.assemble import ComposeOptions, compose
from brief.model import Layout, Paper
from brief.resources import template_dir

from .conftest import EXAMPLE


def test_every_template_ships_the_code_jinja_makes_from_its_current_source() -> None:
    env = render.environment()
    names = env.list_templates(filter_func=lambda name: name.endswith(".j2"))
    assert {"page.html.j2", "sections.html.j2", "epub/section.xhtml.j2"} <= set(names)
    for name in names:
        source, filename, _ = jinja2.FileSystemLoader(template_dir()).get_source(env, name)
        shipped = render.compiled_path(name).read_text(encoding="utf-8")
        fresh = render.compiled_header(source) + env.compile(source, name, filename, raw=True)
        assert shipped == fresh, f"run scripts/make-compiled-templates.py ({name})"


def test_pages_from_the_shipped_code_are_the_pages_compiled_afresh() -> None:
    report = brief.check(EXAMPLE)
    options = ComposeOptions(Paper.A4, Layout.HANDOUT, False)
    document = compose(report.brief, analyse(report.brief), options)
    shipped = [render.render_page(document, target) for target in ("pdf", "html")]
    env = render.environment()
    assert isinstance(env.loader, render.PrecompiledLoader)
    try:
        env.loader = jinja2.FileSystemLoader(template_dir())
        env.cache.clear()  # type: ignore[union-attr]
        assert [render.render_page(document, target) for target in ("pdf", "html")] == shipped
    finally:
        env.loader = render.PrecompiledLoader(template_dir())
        env.cache.clear()  # type: ignore[union-attr]


def test_a_template_changed_since_it_was_compiled_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "t.j2").write_text("two {{ x }}", encoding="utf-8")
    kept = tmp_path / "t.py.txt"
    old_code = jinja2.Environment().compile("one {{ x }}", "t.j2", raw=True)
    monkeypatch.setattr(render, "compiled_path", lambda name: kept)

    def rendered() -> str:
        env = jinja2.Environment(loader=render.PrecompiledLoader(tmp_path))
        return env.get_template("t.j2").render(x=1)

    kept.write_text(render.compiled_header("one {{ x }}") + old_code, encoding="utf-8")
    assert rendered() == "two 1"  # made from another source: compiled again
    kept.write_text(render.compiled_header("two {{ x }}") + old_code, encoding="utf-8")
    assert rendered() == "one 1"  # made from this source: the kept code is what runs
    kept.unlink()
    assert rendered() == "two 1"  # none kept: compiled
