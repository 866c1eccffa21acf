"""The compiled-template cache (compose/render.py): the same HTML, and never a failed build."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

import brief
from brief.analyse import analyse
from brief.compose import render
from brief.compose.assemble import ComposeOptions, compose
from brief.compose.document import Document
from brief.model import Layout, Paper
from brief.resources import template_dir

from .conftest import EXAMPLE

TEMPLATES = ("page.html.j2", "sections.html.j2", "epub/section.xhtml.j2")


def _document() -> Document:
    report = brief.check(EXAMPLE)
    options = ComposeOptions(Paper.A4, Layout.HANDOUT, False)
    return compose(report.brief, analyse(report.brief), options)


def _fresh_environment(monkeypatch: pytest.MonkeyPatch, cache_home: Path) -> jinja2.Environment:
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    render.environment.cache_clear()
    return render.environment()


@pytest.fixture(autouse=True)
def _restore_environment() -> object:
    yield
    render.environment.cache_clear()


def test_pages_rendered_from_cached_templates_are_the_pages_compiled_afresh(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    document = _document()
    env = _fresh_environment(monkeypatch, tmp_path)
    assert isinstance(env.bytecode_cache, render.TemplateCache)
    compiled = [render.render_page(document, target) for target in ("pdf", "html")]
    stored = sorted((tmp_path / "brief" / "templates").iterdir())
    assert len(stored) == len(TEMPLATES) - 1  # the EPUB's own template was not needed yet
    assert (tmp_path / "brief" / "templates").stat().st_mode & 0o777 == 0o700

    env = _fresh_environment(monkeypatch, tmp_path)
    loaded: list[str] = []
    original = render.TemplateCache.load_bytecode

    def spy(cache: render.TemplateCache, bucket: jinja2.bccache.Bucket) -> None:
        original(cache, bucket)
        if bucket.code is not None:
            loaded.append(bucket.key)

    monkeypatch.setattr(render.TemplateCache, "load_bytecode", spy)
    assert [render.render_page(document, target) for target in ("pdf", "html")] == compiled
    assert len(loaded) == len(stored)  # both came from the cache, none was compiled again


def test_a_changed_template_is_compiled_again(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "t.j2").write_text("one {{ x }}", encoding="utf-8")
    cache = render.TemplateCache(str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()

    def rendered() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), bytecode_cache=cache)
        return env.get_template("t.j2").render(x=1)

    assert rendered() == "one 1"
    (folder / "t.j2").write_text("two {{ x }}", encoding="utf-8")
    assert rendered() == "two 1"


def test_a_cache_that_cannot_be_written_never_fails_a_render(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert _fresh_environment(monkeypatch, blocked).bytecode_cache is None
    gone = render.TemplateCache(str(tmp_path / "missing"))  # mkdir'ed once, removed since
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(template_dir()), bytecode_cache=gone)
    assert env.get_template("epub/section.xhtml.j2") is not None
    assert not (tmp_path / "missing").exists()
