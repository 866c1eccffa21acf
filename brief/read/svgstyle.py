"""The style sheets and style attributes of an SVG (brief/read/svg.py): plain rules and properties
that load nothing and name only brief's fonts, and the errors that say why one is refused.

Patterns are possessive (`*+`) or anchored so that a long hostile value costs linear time.
"""

from __future__ import annotations

import re

#: <style> sheets: rules at most.
MAX_SVG_RULES = 100
#: Font families a logo's text may name: WeasyPrint draws `serif` and `sans-serif` (and text that
#: names no family) with the fonts brief ships; any other name, `monospace` included, embeds a
#: system font in the PDF.
FONT_FAMILIES = frozenset({"serif", "sans-serif", "brief serif", "brief sans", "inherit"})
FONT_PROPERTY = re.compile(r"(?<![\w-])(font-family|font)\s*+:([^;{}]*+)", re.IGNORECASE)
#: CSS functions a colour, transform or reference may use; `url` only as `url(#id)`.
CSS_FUNCTIONS = frozenset(
    {
        *("rgb", "rgba", "hsl", "hsla", "url", "matrix", "rotate", "skewx", "skewy"),
        *("translate", "translatex", "translatey", "scale", "scalex", "scaley"),
    }
)
#: Patterns are possessive (`*+`) or anchored so that a long hostile value costs linear time.
FUNCTION = re.compile(r"(?<![\w-])([A-Za-z_-][\w-]*+)\(")
URL = re.compile(r"url\(\s*+(['\"]?)#([A-Za-z_][\w.:-]*+)\1\s*+\)", re.IGNORECASE)
LINKING_PROPERTY = re.compile(r"(?<![\w#.:-])(?:href|id)\s*+:", re.IGNORECASE)
SELECTOR = re.compile(r"\s*+(?:[A-Za-z][\w-]*+)?(?:[.#][A-Za-z_-][\w-]*+)*+\s*+")


class NotPlainError(Exception):
    """Why an SVG is more than plain drawing, in words for the brief's author."""


def contains(what: str) -> NotPlainError:
    return NotPlainError(f"it contains {what}, which is not plain drawing")


class FontError(NotPlainError):
    """The SVG names a font other than brief's: WeasyPrint would embed a system font."""


def check_css(text: str, style: bool) -> None:
    """Check a style sheet, style attribute or presentation attribute."""
    if "\\" in text:
        raise contains("a style written with escape characters (\\)")
    if style and ("@" in text or LINKING_PROPERTY.search(text)):
        raise contains("a style that imports, loads or links something (@, href, id)")
    functions = [match.group(1).lower() for match in FUNCTION.finditer(text)]
    if not len(functions) == text.count("(") == text.count(")"):
        raise contains("a style or attribute with brackets brief cannot read")
    for name in functions:
        if name not in CSS_FUNCTIONS:
            raise contains(f"the instruction {name[:40]}() in a style or attribute")
    if text.lower().count("url(") != len(URL.findall(text)):
        raise contains("a style or colour that loads something from outside the picture")
    for match in FONT_PROPERTY.finditer(without_comments(text) if style else ""):
        check_font(match.group(1).lower(), match.group(2))


def without_comments(text: str) -> str:
    """Return CSS text with its comments blanked out, in linear time."""
    parts, at = [], 0
    while (start := text.find("/*", at)) != -1:
        parts.append(text[at:start] + " ")
        close = text.find("*/", start + 2)
        at = len(text) if close == -1 else close + 2
    return "".join(parts) + text[at:]


def check_font(name: str, value: str) -> None:
    """Refuse a font family other than brief's, as WeasyPrint reads `font-family` and `font`
    (whose first word it takes for the size and the rest for the family)."""
    value = value.strip().removesuffix("!important").strip()
    if name == "font":
        value = value.split(maxsplit=1)[-1] if value else value
    families = [" ".join(part.strip(" \t\r\n\"'").lower().split()) for part in value.split(",")]
    for family in families:
        if family not in FONT_FAMILIES:
            raise FontError(
                f"its text names the font '{family[:40]}', which is not one of brief's fonts"
                " (only serif, sans-serif, Brief Serif and Brief Sans are drawn with them)"
            )


def style_rules(text: str) -> list[tuple[str, str]]:
    """Return a <style> sheet's rules (selectors, declarations) if it is plain rules with
    selectors of a name, classes and an id, loading nothing; raise NotPlainError otherwise."""
    check_css(text, style=True)
    rules: list[tuple[str, str]] = []
    count, rest = 0, text
    while "{" in rest or "}" in rest:
        selectors, opened, rest = rest.partition("{")
        block, closed, rest = rest.partition("}")
        rules.append((selectors, block))
        count += selectors.count(",") + 1  # `a, b {…}` is two rules
        if not (opened and closed) or "}" in selectors or "{" in block:
            raise contains("a style sheet brief cannot read (unbalanced { and })")
        if count > MAX_SVG_RULES:
            raise NotPlainError(f"its styles have more than {MAX_SVG_RULES} rules")
        if not all(map(SELECTOR.fullmatch, selectors.split(","))):
            raise contains("a style rule with a selector other than a name, class or id")
    return rules
