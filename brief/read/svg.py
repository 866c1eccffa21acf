"""SVG logos and pictures: parsed (expat, no DOCTYPE, entities or processing instructions) under
limits, and accepted only as plain drawing.

In: the bytes of a file that starts with markup. Out: nothing, or `SvgRefusedError` saying why
and what to do. Elements come from an allow-list (shapes, groups, text, gradients, clips,
symbols); no event attributes; styles that load nothing and name only our fonts; references
(`href="#id"`, `url(#id)`) only to parts of the same file that, followed as a renderer follows
them, draw a bounded number of elements and a bounded amount of geometry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import chain
from typing import NamedTuple
from xml.parsers import expat

from brief.read.svgstyle import (
    URL,
    FontError,
    NotPlainError,
    check_css,
    check_font,
    contains,
    style_rules,
)

#: SVG limits: elements in the file, levels of nesting (also once references are followed),
#: elements drawn once every reference is followed, and characters of <style> sheets.
MAX_SVG_ELEMENTS = 10_000
MAX_SVG_DEPTH = 64
MAX_SVG_DRAWN = 10_000
#: Gradient painting: for each element with a gradient fill or stroke, the elements it paints
#: (everything inside it inherits the paint) times the gradient's size (its stops).
MAX_SVG_PAINT = 20_000
#: Geometry drawn: the numbers in each path's `d` and each polyline's or polygon's `points`, and
#: the characters of text, counted every time a reference draws them again. WeasyPrint spends
#: 60-200 µs per path segment (lines cheapest, arcs dearest). Measured: a logo of 300 paths of
#: 3 KB each (144,000 numbers, 900 KB) builds in 3 s; 100 uses of a 1,000-arc path (700,000
#: numbers in 16 KB) in 19 s. The cap passes the first with room and keeps any logo under 10 s.
MAX_SVG_GEOMETRY = 300_000
#: Text drawn: characters, each text or tspan element weighing TEXT_ELEMENT_WEIGHT characters.
MAX_SVG_TEXT = 5_000
TEXT_ELEMENT_WEIGHT = 5
#: <style> sheets: characters in all (rules: svgstyle.MAX_SVG_RULES).
MAX_SVG_STYLE = 50_000


_NUMBER = re.compile(r"\d++\.?\d*+|\.\d++")
_GEOMETRY = {"path": "d", "polyline": "points", "polygon": "points"}
_FONT_HINT = "convert the drawing's text to outlines (paths), or drop the font's name"
_PLAIN_HINT = "export the drawing again as a plain SVG (shapes, text, gradients) or as a PNG"

_SVG = "http://www.w3.org/2000/svg"
_XLINK_HREF = "http://www.w3.org/1999/xlink href"
_XML_BASE = "http://www.w3.org/XML/1998/namespace base"
#: Elements of plain drawing: a renderer draws them without loading or running anything.
_DRAWING = frozenset(
    {
        *("svg", "g", "defs", "title", "desc", "metadata", "style", "symbol", "use"),
        *("path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan"),
        *("linearGradient", "radialGradient", "stop", "clipPath", "mask"),
    }
)
#: Names of the RDF, Dublin Core and Creative Commons description Inkscape writes in <metadata>:
#: none is a name a renderer draws or looks up (WeasyPrint ignores namespaces).
_METADATA = frozenset(
    {
        *("RDF", "Description", "Work", "Agent", "License", "permits", "requires", "prohibits"),
        *("format", "type", "title", "creator", "date", "rights", "publisher", "description"),
        *("subject", "Bag", "Seq", "Alt", "li", "source", "relation", "language", "identifier"),
        *("contributor", "license", "coverage"),
    }
)
_ELEMENT_WORDS = {
    "script": "a script (<script>)",
    "image": "a picture inside the picture (<image>)",
    "foreignObject": "a web page inside the picture (<foreignObject>)",
    "a": "a link (<a>)",
    "set": "an animation (<set>)",
}
_FRAGMENT = re.compile(r"#([A-Za-z_][\w.:-]*+)")
_SELECTOR_PART = re.compile(r"[.#]?[\w-]++")
#: Attributes whose `url(#id)` draws the part once (clips, masks); any other paints with it.
_DRAWN_REFERENCES = ("clip-path", "mask")
_TEXT_ELEMENTS = ("text", "tspan")


class SvgRefusedError(Exception):
    """An SVG that is not plain drawing within the limits: why, and what to do instead."""

    def __init__(self, why: str, hint: str) -> None:
        super().__init__(why)
        self.why, self.hint = why, hint


def check_svg(data: bytes) -> None:
    """Raise SvgRefusedError unless `data` is a plain SVG drawing within the limits."""
    try:
        _SvgReader().check(data)
    except NotPlainError as caught:
        hint = _FONT_HINT if isinstance(caught, FontError) else _PLAIN_HINT
        raise SvgRefusedError(str(caught), hint) from None


def _nested() -> NotPlainError:
    return NotPlainError(f"its parts are nested more than {MAX_SVG_DEPTH} levels deep")


@dataclass(eq=False)
class _Node:
    """One SVG element: its children, the ids it draws (`use`, clips, masks, gradient chains),
    the ids it paints with (inherited by everything inside it) and its text's weight."""

    name: str
    parent: _Node | None
    children: list[_Node] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    paints: list[str] = field(default_factory=list)
    text: int = 0
    geometry: int = 0  # numbers in its path data or points, characters of its text
    labels: frozenset[str] = frozenset()  # its name, `.class`es and `#id`, lower case
    styled: set[str] = field(default_factory=set)  # ids <style> rules paint it with


class _Cost(NamedTuple):
    """What drawing an element costs once its references are followed."""

    size: int  # elements drawn
    height: int  # levels of nesting
    paint: int  # elements painted with a gradient × the gradient's elements
    text: int  # characters of text, and TEXT_ELEMENT_WEIGHT per text element
    geometry: int  # numbers of path data and points, and characters of text, drawn


class _SvgReader:
    """Parse an SVG with expat under limits, then follow its references."""

    def __init__(self) -> None:
        self.root: _Node | None = None
        self.current: _Node | None = None
        self.depth = 0
        self.count = 0
        self.ids: dict[str, _Node] = {}
        self.nodes: list[_Node] = []
        self.style: list[str] = []
        self.style_length = 0
        self.rules: list[tuple[str, str]] = []
        self.costs: dict[_Node, _Cost] = {}

    def check(self, data: bytes) -> None:
        """Raise NotPlainError unless the SVG is plain drawing within the limits."""
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = self._doctype
        parser.EntityDeclHandler = self._doctype
        parser.ProcessingInstructionHandler = self._instruction
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._text
        try:
            parser.Parse(data, True)
        except expat.ExpatError as caught:
            reason = expat.ErrorString(caught.code)
            where = f"line {caught.lineno}"
            raise NotPlainError(f"it is not a well-formed SVG file ({reason}, {where})") from None
        if self.root is None:
            raise NotPlainError("it is not an SVG drawing")
        for selectors, block in self.rules:
            self._apply(selectors, [match.group(2) for match in URL.finditer(block)])
        self._follow(self.root, 0, set())

    def _apply(self, selectors: str, targets: list[str]) -> None:
        """Give a style rule's `url(#id)`s to every element it selects, as paints."""
        for selector in selectors.split(",") if targets else ():
            labels = frozenset(_SELECTOR_PART.findall(selector.lower()))
            for node in self.nodes:
                if labels <= node.labels:
                    node.styled.update(targets)

    def _doctype(self, *_: object) -> None:
        raise contains("a DOCTYPE or XML entities (which can read files or expand endlessly)")

    def _instruction(self, target: str, _: str) -> None:
        raise contains(f"an XML processing instruction (<?{target[:40]}?>)")

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        self.count += 1
        self.depth += 1
        if self.count > MAX_SVG_ELEMENTS:
            raise NotPlainError(f"it has more than {MAX_SVG_ELEMENTS:,} elements")
        if self.depth > MAX_SVG_DEPTH:
            raise _nested()
        node = _Node(_element(name, self.current), self.current)
        if self.current is None:
            self.root = node
        else:
            self.current.children.append(node)
        self.current = node
        self.nodes.append(node)
        node.labels = _labels(node.name, attributes)
        if node.name in _TEXT_ELEMENTS:
            node.text = TEXT_ELEMENT_WEIGHT
        if node.name in _GEOMETRY:
            data = attributes.get(_GEOMETRY[node.name], "")
            node.geometry = sum(1 for _ in _NUMBER.finditer(data))
        for key, value in attributes.items():
            _check_attribute(node, key, value)
        self._name(node, attributes.get("id"))

    def _name(self, node: _Node, ident: str | None) -> None:
        if ident is None:
            return
        if ident in self.ids:
            raise NotPlainError("two of its parts have the same id")
        self.ids[ident] = node

    def _end(self, _: str) -> None:
        assert self.current is not None
        if self.current.name == "style":
            self.rules.extend(style_rules("".join(self.style)))
            self.style.clear()
        self.current = self.current.parent
        self.depth -= 1

    def _text(self, text: str) -> None:
        node = self.current
        if node is not None and node.name in _TEXT_ELEMENTS:
            node.text += len(text)
            node.geometry += len(text)
        elif node is not None and node.name == "style":
            self.style_length += len(text)
            if self.style_length > MAX_SVG_STYLE:
                raise NotPlainError(f"its styles are longer than {MAX_SVG_STYLE:,} characters")
            self.style.append(text)

    def _follow(self, node: _Node, depth: int, path: set[_Node]) -> _Cost:
        """Return what drawing `node` costs, as a renderer draws it, following references."""
        if depth >= MAX_SVG_DEPTH:
            raise _nested()
        if node not in self.costs:
            if node in path:
                raise contains("a part that refers back to itself")
            path.add(node)
            self.costs[node] = self._measure(node, depth, path)
            path.discard(node)
        cost = self.costs[node]
        if depth + cost.height > MAX_SVG_DEPTH:
            raise _nested()
        return cost

    def _measure(self, node: _Node, depth: int, path: set[_Node]) -> _Cost:
        """Add up what drawing `node` costs, stopping as soon as a limit is passed."""
        total = _Cost(1, 1, 0, node.text, node.geometry)
        for child in node.children:
            total = _within_limits(_add(total, self._follow(child, depth + 1, path)))
        painted = total.size  # a paint is inherited by every element inside
        for ident in node.refs:
            total = _within_limits(_add(total, self._follow(self._target(ident), depth + 1, path)))
        for ident in chain(node.paints, node.styled):
            gradient = self._follow(self._target(ident), depth + 1, path)
            total = _within_limits(total._replace(paint=total.paint + painted * gradient.size))
        return total

    def _target(self, ident: str) -> _Node:
        if ident not in self.ids:
            raise NotPlainError("it refers to a part (#id) that does not exist")
        return self.ids[ident]


def _add(total: _Cost, part: _Cost) -> _Cost:
    return _Cost(
        total.size + part.size,
        max(total.height, part.height + 1),
        total.paint + part.paint,
        total.text + part.text,
        total.geometry + part.geometry,
    )


def _within_limits(cost: _Cost) -> _Cost:
    if cost.size > MAX_SVG_DRAWN:
        raise NotPlainError(
            f"its references repeat its parts into more than {MAX_SVG_DRAWN:,} elements"
        )
    if cost.paint > MAX_SVG_PAINT:
        raise NotPlainError(
            "it paints more with gradients than a logo or picture needs"
            f" (shapes × gradient stops over {MAX_SVG_PAINT:,})"
        )
    if cost.geometry > MAX_SVG_GEOMETRY:
        raise NotPlainError(
            "it draws more geometry than a logo or picture needs"
            f" (over {MAX_SVG_GEOMETRY:,} coordinates and letters, counting repeats)"
        )
    if cost.text > MAX_SVG_TEXT:
        raise NotPlainError(
            f"it has more text than a logo or picture needs (over {MAX_SVG_TEXT:,} letters)"
        )
    return cost


def _element(name: str, parent: _Node | None) -> str:
    """Return an element's local name if it is plain drawing; raise NotPlainError otherwise.
    Inside <metadata>, the RDF description editors write is kept as "metadata" elements."""
    namespace, _, local = name.rpartition(" ")
    if parent is None and (namespace, local) != (_SVG, "svg"):
        raise NotPlainError(f"it is not an SVG drawing (it begins with <{local[:40]}>)")
    if parent is not None and parent.name == "metadata" and local in _METADATA:
        return "metadata"
    if namespace != _SVG:
        raise contains(f"the element <{local[:40]}> from another vocabulary than SVG")
    if local not in _DRAWING:
        if local.startswith("animate"):
            raise contains(f"an animation (<{local[:40]}>)")
        raise contains(_ELEMENT_WORDS.get(local, f"the SVG element <{local[:40]}>"))
    return local


def _check_attribute(node: _Node, key: str, value: str) -> None:
    namespace, _, local = key.rpartition(" ")
    if local.lower().startswith("on"):
        raise contains(f"the attribute {local[:40]} (a script run on an event)")
    if key in ("href", _XLINK_HREF):
        reference = _FRAGMENT.fullmatch(value)
        if reference is None:
            raise contains("a link to another file or web address (href)")
        node.refs.append(reference.group(1))
    elif key == _XML_BASE:
        raise contains("the attribute xml:base (a link to another address)")
    elif not namespace and not _free_text(local):
        check_css(value, local == "style")
        if local in ("font-family", "font"):
            check_font(local, value)
        targets = [match.group(2) for match in URL.finditer(value)]
        (node.refs if local in _DRAWN_REFERENCES else node.paints).extend(targets)


def _free_text(attribute: str) -> bool:
    """Return whether an attribute holds names or text a renderer never reads as CSS."""
    return attribute in ("id", "class") or attribute.startswith(("data-", "aria-"))


def _labels(name: str, attributes: dict[str, str]) -> frozenset[str]:
    """Return what a simple selector may name an element by: its name, `.class`es and `#id`."""
    classes = [f".{label}" for label in attributes.get("class", "").lower().split()]
    ident = attributes.get("id")
    return frozenset([name.lower(), *classes, *([f"#{ident.lower()}"] if ident else [])])
