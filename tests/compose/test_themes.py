"""Themes are data: built-in colour sets and overrides, checked for WCAG AA contrast."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import brief
from brief import BriefError, BuildOptions
from brief.compose.themes import THEMES, contrast, nearest_passing

BASE = "brief: 1\nmeta: {title: Themed, lang: en, date: 2024-01-01}\n"


def test_a_low_contrast_colour_is_an_error_with_the_ratio_and_a_passing_colour(
    write_brief: Callable[[str], Path],
) -> None:
    folder = write_brief(BASE + "theme:\n  colors:\n    accent: '#9fb7d0'\n")
    with pytest.raises(BriefError) as caught:
        brief.check(folder)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "B212"
    assert (diagnostic.location.line, diagnostic.location.column) == (5, 13)
    assert "contrast 2." in diagnostic.message
    suggested = diagnostic.hint.rsplit(" ", 1)[-1]
    assert contrast(suggested, "#ffffff") >= 4.5


def test_an_unknown_theme_name_is_refused(write_brief: Callable[[str], Path]) -> None:
    with pytest.raises(BriefError) as caught:
        brief.check(write_brief(BASE + "theme: {name: neon}\n"))
    assert caught.value.diagnostics[0].code == "B212"
    assert "forest" in caught.value.diagnostics[0].hint


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_built_in_theme_passes_aa_contrast(name: str) -> None:
    colors = {"background": "#ffffff", **THEMES[name]}
    for key in ("accent", "muted", "warning"):
        if key in colors:
            assert contrast(colors[key], colors["background"]) >= 4.5, key


def test_a_theme_restyles_every_output(write_brief: Callable[[str], Path], tmp_path: Path) -> None:
    folder = write_brief(BASE + "theme:\n  name: forest\n  colors:\n    text: '#222222'\n")
    brief.build(folder, BuildOptions(out_dir=tmp_path, formats=("epub", "html")))
    html = (tmp_path / "case.html").read_text()
    with zipfile.ZipFile(tmp_path / "case.epub") as book:
        css = book.read("EPUB/style.css").decode()
    for text in (html, css):
        assert f"--accent: {THEMES['forest']['accent']};" in text
        assert "--text: #222222;" in text


def test_nearest_passing_colour_keeps_the_hue_and_passes() -> None:
    better = nearest_passing("#ff8800", "#ffffff")
    assert contrast(better, "#ffffff") >= 4.5
    assert better.startswith("#")
    assert int(better[1:3], 16) > int(better[5:7], 16)  # still orange: more red than blue


def test_a_theme_chooses_shipped_font_families_and_reads_files_only_when_there(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = write_brief(BASE + "theme:\n  fonts: {body: sans, heading: serif}\n")
    brief.build(folder, BuildOptions(out_dir=tmp_path, formats=("epub",)))
    with zipfile.ZipFile(tmp_path / "case.epub") as book:
        css = book.read("EPUB/style.css").decode()
    assert 'body { font-family: "Brief Sans"' in css
    with pytest.raises(BriefError) as caught:
        brief.check(write_brief(BASE + "theme:\n  fonts: {body: evil.ttf}\n", name="other"))
    assert caught.value.diagnostics[0].code == "B402"  # a missing file (tests/read/test_fonts.py)
    assert (
        caught.value.diagnostics[0].location.line,
        caught.value.diagnostics[0].location.column,
    ) == (4, 17)


def test_a_brand_colour_is_decorative_so_a_light_orange_is_allowed(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = write_brief(BASE + "theme:\n  colors:\n    brand: '#f7941d'\n")
    brief.check(folder)  # no contrast error: the brand colour is never used for text
    brief.build(folder, BuildOptions(out_dir=tmp_path, formats=("html",)))
    html = (tmp_path / "case.html").read_text(encoding="utf-8")
    assert "--brand: #f7941d;" in html


def test_the_brand_colour_follows_the_themes_accent_unless_set() -> None:
    from brief.compose.themes import theme_colors

    assert theme_colors("forest", {})["brand"] == THEMES["forest"]["accent"]
    assert theme_colors("forest", {"brand": "#f7941d"})["brand"] == "#f7941d"


def test_the_brand_colour_is_never_a_text_colour() -> None:
    from brief.resources import asset_dir

    for sheet in (asset_dir() / "css").glob("*.css"):
        for rule in sheet.read_text(encoding="utf-8").split("}"):
            declarations = rule.partition("{")[2]
            for declaration in declarations.split(";"):
                prop, _, value = declaration.partition(":")
                if "var(--brand)" in value:
                    assert prop.strip() not in ("color", "-webkit-text-fill-color"), rule


def test_the_page_footer_and_footnote_rule_take_the_theme_colours() -> None:
    from brief.compose.themes import theme_css
    from brief.resources import asset_dir

    labels = {"page": "page", "of": "of"}
    assert "@footnote" not in theme_css({}, labels)  # the web page's CSS has no print at-rules
    css = theme_css({"muted": "#3a4f6b", "rule": "#aabbcc"}, labels, print_rules=True)
    page = css.split("@page", 1)[1]
    assert page.count("color: #3a4f6b") == 2  # both footer boxes
    assert "border-top-color: #aabbcc" in page
    print_css = (asset_dir() / "css" / "print.css").read_text(encoding="utf-8")
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b", print_css), "colours come from the theme"
