"""Markdown from untrusted sources -> safe HTML, with [@id] and {fig:id} (brief/read/markup.py)."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

import brief
from brief.errors import BriefError
from brief.read.markup import (
    Href,
    NoteRef,
    Reference,
    find_references,
    is_safe_link,
    plain_text,
    render_markdown,
    render_pieces,
)
from brief.run.api import BuildOptions
from tests.conftest import META


class Resolver:
    """Resolve references into recognisable HTML and remember what was asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def cite(self, source_id: str) -> str:
        self.asked.append(f"cite:{source_id}")
        return f'<sup class="note">{source_id}</sup>'

    def figure(self, figure_id: str) -> str:
        self.asked.append(f"fig:{figure_id}")
        return "nearly 6,000"


def render(markdown: str, *, inline: bool = False) -> str:
    return render_markdown(markdown, Resolver(), inline=inline)


def anchors(html: str) -> list[str]:
    """Return the href of every <a> element in an HTML fragment."""
    return re.findall(r'<a\s[^>]*href="([^"]*)"', html)


@pytest.mark.parametrize(
    "markdown",
    [
        "<script>alert(1)</script>",
        'Hello <b onclick="alert(1)">there</b>',
        "<img src=x onerror=alert(1)>",
        '<iframe src="https://evil.example"></iframe>',
        "<!-- a comment --> text",
        "<style>body { display: none }</style>",
    ],
)
@pytest.mark.parametrize("inline", [False, True])
def test_raw_html_is_escaped_and_printed_as_text(markdown: str, inline: bool) -> None:
    html = render(markdown, inline=inline)
    assert "<" + markdown[1:] not in html
    assert not re.search(r"<(script|b|img|iframe|style|!--)\b", html)
    assert "&lt;" in html


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java%0ascript:alert(1)",
        "&#106;avascript:alert(1)",
        " javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "DATA:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/path",
    ],
)
def test_unsafe_links_are_dropped(url: str) -> None:
    for markdown in (f"[click]({url})", f"<{url}>", f"[click][r]\n\n[r]: {url}"):
        html = render(markdown)
        assert anchors(html) == [], html
        assert not re.search(r"(?i)(javascript|vbscript|data|file):", " ".join(anchors(html)))


@pytest.mark.parametrize(
    ("markdown", "href"),
    [
        ("[Thorn](http://www.wearethorn.org/)", "http://www.wearethorn.org/"),
        ("[report](https://example.org/report-2017)", "https://example.org/report-2017"),
        ("<https://example.org/a>", "https://example.org/a"),
        ("[write](mailto:desk@example.org)", "mailto:desk@example.org"),
        ("<desk@example.org>", "mailto:desk@example.org"),
    ],
)
def test_web_and_mail_links_are_kept(markdown: str, href: str) -> None:
    assert anchors(render(markdown)) == [href]


def test_an_in_document_link_keeps_its_target_for_the_output_to_print() -> None:
    pieces = render_pieces('[notes](#notes "All notes") and [web](https://a.org)', Resolver())
    assert pieces == (
        '<p><a href="',
        Href("notes"),
        '" title="All notes">notes</a> and <a href="https://a.org">web</a></p>',
    )


def test_a_note_reference_is_left_for_the_output_to_print() -> None:
    class Numbered(Resolver):
        def cite(self, source_id: str) -> NoteRef:
            return NoteRef(len(source_id))

    pieces = render_pieces("founded in 2012 [@abc] [@de].", Numbered(), inline=True)
    assert pieces == (
        "founded in 2012",
        NoteRef(3),
        '<sup class="mark-sep">,</sup>',
        NoteRef(2),
        ".",
    )
    with pytest.raises(TypeError):
        render_markdown("founded [@abc]", Numbered())


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://thorn.org", True),
        ("HTTP://THORN.ORG", True),
        ("mailto:a@b.org", True),
        ("#section", True),
        ("javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("\x00javascript:alert(1)", False),
        ("data:,x", False),
        ("vbscript:x", False),
        ("relative/page.html", False),
        ("", False),
    ],
)
def test_only_web_mail_and_in_document_links_are_safe(url: str, safe: bool) -> None:
    assert is_safe_link(url) is safe


def test_a_link_title_cannot_break_out_of_its_attribute() -> None:
    html = render('[x](https://a.org "t\\" onmouseover=\\"alert(1)")')
    assert 'onmouseover="' not in html
    assert "&quot;" in html


def test_markdown_images_are_not_rendered() -> None:
    html = render("![a tracking pixel](https://evil.example/pixel.png)")
    assert "<img" not in html


@pytest.mark.parametrize(
    "markdown",
    ["{{ 7*7 }}", "{% for x in range(3) %}x{% endfor %}", "{{ config.items() }}", "{# hidden #}"],
)
def test_template_syntax_in_text_is_printed_literally(markdown: str) -> None:
    html = render(f"Thorn says {markdown} here.", inline=True)
    assert html == f"Thorn says {markdown} here."


def test_template_syntax_survives_a_whole_html_build_literally(tmp_path: Path) -> None:
    folder = tmp_path / "jinja"
    folder.mkdir()
    (folder / "brief.yaml").write_text(
        textwrap.dedent("""\
        brief: 1
        meta:
          title: "Sums {{ 7*7 }}"
          lang: en
          date: 2018-01-10
        summary: |
          Thorn says {{ 7*7 }} and {% if true %}yes{% endif %} and <script>alert(1)</script>
          and <a href="javascript:alert(1)">click</a>.
        """),
        encoding="utf-8",
    )
    brief.build(folder, BuildOptions(formats=("html",), out_dir=tmp_path / "dist"))
    html = (tmp_path / "dist" / "jinja.html").read_text(encoding="utf-8")
    assert "Thorn says {{ 7*7 }} and {% if true %}yes{% endif %}" in html
    assert "Sums {{ 7*7 }}" in html
    assert "Thorn says 49" not in html
    assert "Sums 49" not in html
    assert "<script>alert(1)" not in html
    assert not re.search(r'href="\s*javascript:', html, re.IGNORECASE)


def test_references_are_found_in_order_with_their_offsets() -> None:
    text = "Thorn says {fig:victims} children [@thorn-2017].\nSee [@wsj] and {fig:b_2}."
    assert find_references(text) == [
        Reference("fig", "victims", 11),
        Reference("cite", "thorn-2017", 34),
        Reference("cite", "wsj", 53),
        Reference("fig", "b_2", 64),
    ]
    for reference in find_references(text):
        expected = f"[@{reference.id}]" if reference.kind == "cite" else f"{{fig:{reference.id}}}"
        assert text[reference.offset :].startswith(expected)


@pytest.mark.parametrize(
    "text",
    [
        "[@]",
        "{fig:}",
        "[@ a]",
        "{fig: a}",
        "[@a b]",
        "{fig:a",
        "[at]",
        "email@example.org",
        "{figure:a}",
    ],
)
def test_text_that_only_looks_like_a_reference_is_not_one(text: str) -> None:
    assert find_references(text) == []


def test_references_render_through_the_resolver() -> None:
    resolver = Resolver()
    html = render_markdown("Over {fig:victims} children [@thorn].", resolver)
    assert html == '<p>Over nearly 6,000 children<sup class="note">thorn</sup>.</p>'
    assert resolver.asked == ["fig:victims", "cite:thorn"]


def test_references_inside_emphasis_and_lists_render() -> None:
    html = render("- **{fig:a}** people [@s]\n- second")
    assert "<strong>nearly 6,000</strong>" in html
    assert '<sup class="note">s</sup>' in html
    assert html.count("<li>") == 2


def test_inline_rendering_has_no_paragraph() -> None:
    assert render("*Thorn*", inline=True) == "<em>Thorn</em>"
    assert render("*Thorn*") == "<p><em>Thorn</em></p>"


def test_plain_text_drops_emphasis_and_references() -> None:
    assert plain_text("**Thorn** says {fig:a} [@s]") == "Thorn says"
    assert plain_text("`code` and _this_") == "code and this"


@pytest.mark.parametrize(
    ("summary", "code", "column"),
    [
        ("See ![a chart](chart.png).", "B306", 15),
        ("See [the form](form.pdf) and [web](https://a.org).", "B307", 15),
        ("Web [ok](https://a.org), then [bad](JaVaScRiPt:alert(1)).", "B307", 41),
        ("Mail <mailto:a@b.org> and <file:///etc/passwd>", "B307", 37),
    ],
)
def test_pictures_and_unsafe_links_in_a_text_are_refused_where_they_stand(
    write_brief: Callable[[str], Path], summary: str, code: str, column: int
) -> None:
    folder = write_brief(META + f"summary: '{summary}'\n")
    with pytest.raises(BriefError) as caught:
        brief.check(folder)
    (problem,) = caught.value.diagnostics
    assert (problem.code, problem.location.line, problem.location.column) == (code, 6, column)
    assert problem.hint


def test_a_picture_in_an_included_file_is_refused_at_its_line(
    write_brief: Callable[[str], Path],
) -> None:
    folder = write_brief(META + "summary: {file: summary.md}\n")
    (folder / "summary.md").write_text("First line.\n\nThen ![x](y.png) here.\n", encoding="utf-8")
    with pytest.raises(BriefError) as caught:
        brief.check(folder)
    (problem,) = caught.value.diagnostics
    assert problem.code == "B306"
    assert problem.location.path.endswith("summary.md")
    assert (problem.location.line, problem.location.column) == (3, 6)


def test_a_source_mark_is_attached_to_the_word_before_it() -> None:
    class Marks:
        def cite(self, source_id: str) -> str:
            return f"<sup>{source_id}</sup>"

        def figure(self, figure_id: str) -> str:
            return figure_id

    html = render_markdown("founded in 2012 [@a]. Then **this** [@b], and [@c] first.", Marks())
    assert "2012<sup>a</sup>." in html
    assert "</strong><sup>b</sup>," in html
    assert "and<sup>c</sup> first" in html


def test_a_source_mark_after_a_line_break_is_attached_too() -> None:
    class Marks:
        def cite(self, source_id: str) -> str:
            return "<sup>1</sup>"

        def figure(self, figure_id: str) -> str:
            return figure_id

    assert render_markdown("rose to 10.5% in 2020\n[@s].", Marks()) == (
        "<p>rose to 10.5% in 2020<sup>1</sup>.</p>"
    )


def test_two_source_marks_in_a_row_are_parted_so_they_never_read_as_one_number() -> None:
    class Marks:
        def cite(self, source_id: str) -> str:
            return f"<sup>{source_id}</sup>"

        def figure(self, figure_id: str) -> str:
            return figure_id

    html = render_markdown("at 195 [@1] [@3] and 12 [@2].", Marks())
    assert html == (
        '<p>at 195<sup>1</sup><sup class="mark-sep">,</sup><sup>3</sup> and 12<sup>2</sup>.</p>'
    )
