"""Markdown → safe HTML, with the brief's two text references: `[@source-id]` and
`{fig:figure-id}`.

In: Markdown from an untrusted source and a `Resolver` that turns references into HTML. Out: an
HTML fragment. Raw HTML is off (it prints as text) and only http(s) and mailto links survive
(design.md §2).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

REFERENCE = re.compile(r"\[@([A-Za-z0-9_-]+)\]|\{(fig|claim):([A-Za-z0-9_-]+)\}")
SAFE_SCHEMES = ("http:", "https:", "mailto:")
_CITE = re.compile(r"\[@([A-Za-z0-9_-]+)\]")
_FIG = re.compile(r"\{fig:([A-Za-z0-9_-]+)\}")
_CLAIM = re.compile(r"\{claim:([A-Za-z0-9_-]+)\}")


@dataclass(frozen=True, slots=True)
class Reference:
    """A `[@id]` (kind `cite`), `{fig:id}` (kind `fig`) or `{claim:id}` (kind `claim`) found at
    `offset` in a text."""

    kind: str
    id: str
    offset: int


class Resolver(Protocol):
    """Turns references into HTML for one output; composed by `compose`."""

    def cite(self, source_id: str) -> str: ...

    def figure(self, figure_id: str) -> str: ...

    def claim(self, claim_id: str) -> str: ...


def find_references(markdown: str) -> list[Reference]:
    """List every reference in a text, in order.

    >>> find_references("{fig:a} people [@src]")
    [Reference(kind='fig', id='a', offset=0), Reference(kind='cite', id='src', offset=15)]
    """
    return [
        Reference(match.group(2) or "cite", match.group(1) or match.group(3), match.start())
        for match in REFERENCE.finditer(markdown)
    ]


def is_safe_link(url: str) -> bool:
    """Allow only http(s), mailto and in-document links.

    >>> is_safe_link("javascript:alert(1)"), is_safe_link("https://thorn.org")
    (False, True)
    """
    cleaned = re.sub(r"[\x00-\x20]", "", url).lower()
    if cleaned.startswith("#"):
        return True
    return cleaned.startswith(SAFE_SCHEMES)


@dataclass(frozen=True, slots=True)
class Refused:
    """A picture (`image`) or a link to anything but the web, e-mail or the page itself (`link`)
    written in a text, at `offset` in its Markdown: refused, never printed as Markdown syntax."""

    kind: str
    target: str
    offset: int


def _scanner() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # see every link, to refuse the unsafe ones
    return md


_SCAN = _scanner()


def refused_markup(markdown: str) -> list[Refused]:
    """List the pictures and unsafe links a text holds, in order.

    >>> [(r.kind, r.target, r.offset) for r in refused_markup("a ![x](p.png) [y](javascript:z)")]
    [('image', 'p.png', 2), ('link', 'javascript:z', 14)]
    >>> refused_markup("[web](https://a.org) <mailto:a@b.org> [here](#figures)")
    []
    """
    starts = [0]
    for line in markdown.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    found: list[Refused] = []
    for block in _SCAN.parse(markdown):
        if block.type != "inline" or not block.map:
            continue
        cursor = starts[min(block.map[0], len(starts) - 1)]
        for child in block.children or ():
            if child.type == "image":
                target, needle = str(child.attrGet("src") or ""), "!["
            elif child.type == "link_open":
                target = str(child.attrGet("href") or "")
                needle = "<" if child.markup == "autolink" else "["
            else:
                continue
            at = markdown.find(needle, cursor)
            offset = at if at >= 0 else cursor
            cursor = offset + len(needle)
            if child.type == "image" or not is_safe_link(target):
                found.append(Refused(child.type.removesuffix("_open"), target, offset))
    return found


def _rule(pattern: re.Pattern[str], kind: str) -> Callable[[StateInline, bool], bool]:
    def rule(state: StateInline, silent: bool) -> bool:
        match = pattern.match(state.src, state.pos)
        if not match:
            return False
        if not silent:
            token = state.push(kind, "", 0)
            token.meta = {"id": match.group(1)}
        state.pos = match.end()
        return True

    return rule


def _attach_marks(state: Any) -> None:
    """Attach each source mark to the word before it: "in 2012 [@s]" prints "2012¹", so a mark
    never floats alone or wraps onto a line of its own; two marks in a row are parted by a
    raised comma ("¹,³"), so that they never read as one number."""
    for block in state.tokens:
        children = block.children or []
        for index, token in enumerate(children):
            if token.type == "brief_cite" and _blank_before(children[:index]) == "brief_cite":
                token.meta = {**token.meta, "after_mark": True}


def _blank_before(before: list[Any]) -> str:
    """Blank the spaces and line breaks before a mark; return the type of what precedes them."""
    for token in reversed(before):
        if token.type == "softbreak":
            token.type, token.content = "text", ""
        elif token.type == "text":
            token.content = token.content.rstrip()
            if token.content:
                return "text"
        else:
            return str(token.type)
    return ""


def _render_cite(self: Any, tokens: list[Any], idx: int, options: Any, env: Any) -> str:
    mark = env["resolve"].cite(tokens[idx].meta["id"])
    return ('<sup class="mark-sep">,</sup>' + mark) if tokens[idx].meta.get("after_mark") else mark


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable("image")  # images come from the schema with alt text, never from prose
    md.inline.ruler.before("link", "brief_cite", _rule(_CITE, "brief_cite"))
    md.inline.ruler.before("link", "brief_fig", _rule(_FIG, "brief_fig"))
    md.inline.ruler.before("link", "brief_claim", _rule(_CLAIM, "brief_claim"))
    md.validateLink = is_safe_link  # type: ignore[method-assign]  # markdown-it's documented hook
    md.core.ruler.push("brief_attach_marks", _attach_marks)
    md.add_render_rule("brief_cite", _render_cite)
    md.add_render_rule(
        "brief_fig",
        lambda self, tokens, idx, options, env: env["resolve"].figure(tokens[idx].meta["id"]),
    )
    md.add_render_rule(
        "brief_claim",
        lambda self, tokens, idx, options, env: env["resolve"].claim(tokens[idx].meta["id"]),
    )
    return md


_MD = _parser()


def render_markdown(markdown: str, resolve: Resolver, *, inline: bool = False) -> str:
    """Render Markdown to an HTML fragment, resolving references through `resolve`.

    >>> class R:
    ...     def cite(self, i): return f"<sup>{i}</sup>"
    ...     def figure(self, i): return "nearly 6,000"
    >>> render_markdown("<b>{fig:x}</b> [@s]", R(), inline=True)
    '&lt;b&gt;nearly 6,000&lt;/b&gt;<sup>s</sup>'
    """
    env: dict[str, Any] = {"resolve": resolve}
    tokens = _MD.parseInline(markdown, env) if inline else _MD.parse(markdown, env)
    return str(_MD.renderer.render(tokens, _MD.options, env)).strip()


def plain_text(markdown: str) -> str:
    """Strip Markdown emphasis and references' syntax, for metadata and alt text.

    >>> plain_text("**Thorn** was *founded*")
    'Thorn was founded'
    """
    return re.sub(r"[*_`]", "", REFERENCE.sub("", markdown)).strip()
