"""Themes: colours as data, turned into CSS custom properties (design.md §2 `theme`).

In: a built-in theme's name and colour overrides. Out: the colours to use, WCAG contrast problems
found when the source is validated, and a `:root { ... }` CSS block. Only #rrggbb values reach CSS.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from brief.read.fonts import FAMILY_ROLES, FILE_ROLES, FONT_FAMILIES, is_file_name

DEFAULT_COLORS = {
    "text": "#1a1a1a",
    "background": "#ffffff",
    "accent": "#1f4e79",
    "muted": "#555555",
    "rule": "#b8b8b8",
    "warning": "#a3340c",
    "del": "#fbe3e0",
    "ins": "#e0f2e3",
}
#: Built-in themes: overrides of the default colours.
THEMES: dict[str, dict[str, str]] = {
    "default": {},
    "forest": {"accent": "#2d5a27", "warning": "#8a3b12", "rule": "#b9c4b4", "muted": "#4f5a4c"},
    "plum": {"accent": "#5b2a6e", "warning": "#9c2b2b", "rule": "#c9bccf", "muted": "#57505c"},
    "mono": {
        "accent": "#000000",
        "warning": "#000000",
        "rule": "#999999",
        "muted": "#444444",
        "del": "#e6e6e6",
        "ins": "#f2f2f2",
    },
}
#: Colours printed as text on the background: WCAG 2.x AA asks 4.5:1 for normal text.
TEXT_COLORS = ("text", "accent", "muted", "warning")
#: The organisation's own colour, for bands, rules and bullets only, never for text: so no
#: contrast rule applies, and a brand orange or yellow may be used. It follows the accent unless
#: set.
BRAND = "brand"
KNOWN_COLORS = (*DEFAULT_COLORS, BRAND)
AA_RATIO = 4.5
COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def theme_colors(name: str, overrides: Mapping[str, str]) -> dict[str, str]:
    """Return the full colour set of a theme with the source's valid overrides applied."""
    valid = {key: value for key, value in overrides.items() if COLOR.match(value)}
    merged = {**DEFAULT_COLORS, **THEMES.get(name, {}), **valid}
    return {**merged, BRAND: merged.get(BRAND, merged["accent"])}


def theme_css(
    colors: Mapping[str, str], labels: Mapping[str, str], print_rules: bool = False
) -> str:
    """Return CSS variables for the colours and the page-footer words; with `print_rules`, the
    footnote area's rule too (an at-rule only a print renderer knows)."""
    lines = [
        f"  --{name}: {value};"
        for name, value in {**DEFAULT_COLORS, **colors}.items()
        if COLOR.match(value)
    ]
    chosen = {**DEFAULT_COLORS, **colors}
    muted, rule = (
        chosen[name] if COLOR.match(chosen.get(name, "")) else DEFAULT_COLORS[name]
        for name in ("muted", "rule")
    )
    # Page-margin boxes do not inherit the root's custom properties: the theme's colour is
    # written into them as a value.
    footer = (
        f"@page {{ @bottom-left {{ color: {muted}; }} "
        f'@bottom-right {{ content: {_css_string(labels["page"])} " " '
        f'counter(page) " " {_css_string(labels["of"])} " " counter(pages); color: {muted}; }} '
        + (f"@footnote {{ border-top-color: {rule}; }} " if print_rules else "")
        + "}"
    )
    return ":root {\n" + "\n".join(lines) + "\n}\n" + footer


def _rgb(color: str) -> tuple[int, int, int]:
    digits = color[1:]
    if len(digits) == 3:
        digits = "".join(2 * digit for digit in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def luminance(color: str) -> float:
    """Return the WCAG 2.x relative luminance of a #rgb or #rrggbb colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in _rgb(color))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """Return the WCAG contrast ratio of two colours.

    >>> round(contrast("#777777", "#ffffff"), 2)
    4.48
    """
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def nearest_passing(color: str, background: str, ratio: float = AA_RATIO) -> str:
    """Return the closest colour (same hue, darker or lighter) that reaches `ratio`.

    >>> nearest_passing("#777777", "#ffffff")
    '#767676'
    """
    toward = (0, 0, 0) if luminance(background) > 0.18 else (255, 255, 255)
    red, green, blue = _rgb(color)
    for step in range(101):
        mix = step / 100
        candidate = "#" + "".join(
            f"{round(value + (target - value) * mix):02x}"
            for value, target in zip((red, green, blue), toward, strict=True)
        )
        if contrast(candidate, background) >= ratio:
            return candidate
    return "#000000" if toward == (0, 0, 0) else "#ffffff"


def check_fonts(fonts: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """Return (key, problem, hint) for font roles or values a theme may not use.

    A role names a shipped family (`serif`, `sans`) or a font file in the brief's folder; the
    files themselves are read and checked when the source is loaded (`fonts.read_fonts`).
    """
    problems = []
    roles = ", ".join(FILE_ROLES)
    for role, value in fonts.items():
        if role not in FILE_ROLES:
            problems.append((f"fonts.{role}", f"unknown font role '{role}'", f"use {roles}"))
        elif is_file_name(value):
            continue
        elif role not in FAMILY_ROLES:
            problems.append(
                (
                    f"fonts.{role}",
                    f"'{value}' is not a font file",
                    f"{role} takes a font file next to brief.yaml, e.g. fonts/MyFont-Bold.ttf",
                )
            )
        elif value not in FONT_FAMILIES:
            problems.append(
                (
                    f"fonts.{role}",
                    f"'{value}' is neither a shipped font family nor a font file",
                    "choose serif or sans, or name a .ttf/.otf/.woff/.woff2 file in the "
                    "brief's folder",
                )
            )
    return problems


def check_theme(name: str, colors: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """Return (key, problem, hint) for unknown themes, bad values and failing contrast."""
    problems = []
    if name not in THEMES:
        problems.append(("name", f"unknown theme '{name}'", "choose one of: " + ", ".join(THEMES)))
    for key, value in colors.items():
        if key not in KNOWN_COLORS:
            problems.append(
                (f"colors.{key}", f"unknown colour '{key}'", "use " + ", ".join(KNOWN_COLORS))
            )
        elif not COLOR.match(value):
            problems.append(
                (
                    f"colors.{key}",
                    f"'{value}' is not a colour",
                    "write #rrggbb, e.g. #1f4e79: theme values are colours only",
                )
            )
    merged = theme_colors(name, colors)
    for key in TEXT_COLORS:
        ratio = contrast(merged[key], merged["background"])
        if ratio < AA_RATIO:
            better = nearest_passing(merged[key], merged["background"])
            problems.append(
                (
                    f"colors.{key}",
                    f"'{key}' {merged[key]} on {merged['background']} "
                    f"has contrast {ratio:.2f}:1, below WCAG AA {AA_RATIO}:1",
                    f"the nearest passing colour is {better}",
                )
            )
    return problems
