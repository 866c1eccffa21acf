"""Markdown → safe HTML, with the brief's text references: `[@source-id]`, `{fig:figure-id}` and
`{claim:claim-id}`.

In: Markdown from an untrusted source and a `Resolver` that turns references into HTML. Out: an
HTML fragment as `Pieces`: safe HTML strings with, in their places, the note references and
in-document link targets that each output prints its own way (a page footnote, an ebook note, a
link into another ebook file). Raw HTML is off (it prints as text) and only http(s), mailto and
in-document links survive (design.md §2).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

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


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A numbered source mark, left in rendered text for the output to print (`compose.marks`)."""

    number: int


@dataclass(frozen=True, slots=True)
class Href:
    """The target of an in-document link (`#anchor`), left in rendered text for the output to
    print: an ebook links into the file that holds the anchor (`compose.marks`)."""

    anchor: str


#: Rendered text: safe HTML strings, with note references and link targets in their places.
Piece = str | NoteRef | Href
Pieces = tuple[Piece, ...]


class Resolver(Protocol):
    """Turns references into pieces of HTML for one brief; composed by `compose`."""

    def cite(self, source_id: str) -> Piece: ...

    def figure(self, figure_id: str) -> str: ...

    def claim(self, claim_id: str) -> Sequence[Piece]: ...


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


def _render_cite(self: Any, tokens: list[Any], idx: int, options: Any, env: Any) -> list[Piece]:
    mark = env["resolve"].cite(tokens[idx].meta["id"])
    return ['<sup class="mark-sep">,</sup>', mark] if tokens[idx].meta.get("after_mark") else [mark]


def _render_link_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: Any, env: Any
) -> str | list[Piece]:
    """An in-document link's target is left as an `Href` piece; other links print as they are."""
    token = tokens[idx]
    href = str(token.attrGet("href") or "")
    if not href.startswith("#"):
        return self.renderToken(tokens, idx, options, env)
    others = token.copy(attrs={k: v for k, v in token.attrs.items() if k != "href"})
    return ['<a href="', Href(href[1:]), '"' + self.renderAttrs(others) + ">"]


class PiecesRenderer(RendererHTML):
    """markdown-it's HTML renderer, collecting `Pieces` where it would join strings: a rule may
    return a string or a list of pieces (a note reference, a link target)."""

    def render(self, tokens: Sequence[Token], options: Any, env: Any) -> Any:
        out: list[Piece] = []
        for i, token in enumerate(tokens):
            if token.type == "inline":
                out += self.renderInline(token.children or [], options, env)
            else:
                out += _as_list(self._rule(tokens, i, options, env))
        return out

    def renderInline(self, tokens: Sequence[Token], options: Any, env: Any) -> Any:  # noqa: N802
        out: list[Piece] = []
        for i in range(len(tokens)):
            out += _as_list(self._rule(tokens, i, options, env))
        return out

    def _rule(self, tokens: Sequence[Token], i: int, options: Any, env: Any) -> Any:
        rule = self.rules.get(tokens[i].type)
        if rule is not None:
            return rule(tokens, i, options, env)
        return self.renderToken(tokens, i, options, env)


def _as_list(rendered: str | list[Piece]) -> list[Piece]:
    return [rendered] if isinstance(rendered, str) else rendered


def _parser() -> MarkdownIt:
    md = MarkdownIt(
        "commonmark",
        {"html": False, "linkify": False, "typographer": False},
        renderer_cls=PiecesRenderer,
    )
    md.disable("image")  # images come from the schema with alt text, never from prose
    md.inline.ruler.before("link", "brief_cite", _rule(_CITE, "brief_cite"))
    md.inline.ruler.before("link", "brief_fig", _rule(_FIG, "brief_fig"))
    md.inline.ruler.before("link", "brief_claim", _rule(_CLAIM, "brief_claim"))
    md.validateLink = is_safe_link  # type: ignore[method-assign]  # markdown-it's documented hook
    md.core.ruler.push("brief_attach_marks", _attach_marks)
    md.add_render_rule("brief_cite", _render_cite)
    md.add_render_rule("link_open", _render_link_open)
    md.add_render_rule(
        "brief_fig",
        lambda self, tokens, idx, options, env: env["resolve"].figure(tokens[idx].meta["id"]),
    )
    md.add_render_rule(
        "brief_claim",
        lambda self, tokens, idx, options, env: list(env["resolve"].claim(tokens[idx].meta["id"])),
    )
    return md


_MD = _parser()


def render_pieces(markdown: str, resolve: Resolver, *, inline: bool = False) -> Pieces:
    """Render Markdown to an HTML fragment as pieces, resolving references through `resolve`.

    >>> class R:
    ...     def cite(self, i): return NoteRef(7)
    ...     def figure(self, i): return "nearly 6,000"
    >>> for piece in render_pieces("{fig:x} [@s], see [all](#sources)", R(), inline=True):
    ...     print(repr(piece))
    'nearly 6,000'
    NoteRef(number=7)
    ', see <a href="'
    Href(anchor='sources')
    '">all</a>'
    """
    env: dict[str, Any] = {"resolve": resolve}
    tokens = _MD.parseInline(markdown, env) if inline else _MD.parse(markdown, env)
    merged: list[Piece] = []
    for piece in _MD.renderer.render(tokens, _MD.options, env):
        if isinstance(piece, str) and merged and isinstance(merged[-1], str):
            merged[-1] += piece
        elif piece != "":
            merged.append(piece)
    return _stripped(merged)


def _stripped(pieces: list[Piece]) -> Pieces:
    """Drop the white space at both ends of rendered pieces."""
    if pieces and isinstance(pieces[0], str):
        pieces[0] = pieces[0].lstrip()
    if pieces and isinstance(pieces[-1], str):
        pieces[-1] = pieces[-1].rstrip()
    return tuple(piece for piece in pieces if piece != "")


def render_markdown(markdown: str, resolve: Resolver, *, inline: bool = False) -> str:
    """Render Markdown to an HTML string, for a resolver that turns every reference into HTML.

    >>> class R:
    ...     def cite(self, i): return f"<sup>{i}</sup>"
    ...     def figure(self, i): return "nearly 6,000"
    >>> render_markdown("<b>{fig:x}</b> [@s]", R(), inline=True)
    '&lt;b&gt;nearly 6,000&lt;/b&gt;<sup>s</sup>'
    """
    pieces = render_pieces(markdown, resolve, inline=inline)
    if not all(isinstance(piece, str) for piece in pieces):
        raise TypeError("a note reference or link target needs the output's marks to print")
    return "".join(str(piece) for piece in pieces)


def plain_text(markdown: str) -> str:
    """Strip Markdown emphasis and references' syntax, for metadata and alt text.

    >>> plain_text("**Thorn** was *founded*")
    'Thorn was founded'
    """
    return re.sub(r"[*_`]", "", REFERENCE.sub("", markdown)).strip()
