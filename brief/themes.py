"""Themes: colours as data, turned into CSS custom properties (design.md §2 `theme`).

In: validated theme colours and labels. Out: a `:root { ... }` CSS block. Values were checked to be
colours when the source was validated, so nothing else reaches CSS.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

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
COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def theme_css(colors: Mapping[str, str], labels: Mapping[str, str]) -> str:
    """Return CSS variables for the theme's colours and the page-footer words."""
    merged = {**DEFAULT_COLORS, **{k: v for k, v in colors.items() if COLOR.match(v)}}
    lines = [f"  --{name}: {value};" for name, value in merged.items()]
    footer = (
        f'@page {{ @bottom-right {{ content: {_css_string(labels["page"])} " " '
        f'counter(page) " " {_css_string(labels["of"])} " " counter(pages); }} }}'
    )
    return ":root {\n" + "\n".join(lines) + "\n}\n" + footer


def check_theme(colors: Mapping[str, str]) -> list[tuple[str, str]]:
    """Return (name, problem) for every theme colour that is not a known name with a #hex value."""
    problems = []
    for name, value in colors.items():
        if name not in DEFAULT_COLORS:
            problems.append((name, f"unknown colour '{name}': use " + ", ".join(DEFAULT_COLORS)))
        elif not COLOR.match(value):
            problems.append((name, f"'{value}' is not a colour: write #rrggbb, e.g. #1f4e79"))
    return problems
