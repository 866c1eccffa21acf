"""Compose stage: the figures chart. Each reported figure drawn as the range of values its wording
allows ("nearly 6,000": just under 6,000; "over 21": anything above 21), on one scale per unit, with
the rows a caveat is about marked in the warning colour and numbered like the caveat.

In: the brief's figures, their printed rows (with caveat markers) and the theme's colours. Out: SVG
source (vector in the PDF, a file in the EPUB, a data URL in the HTML page) and an alternative
text that states every number. The figures table stays beside it for screen readers.

A small SVG writer rather than a charting library: the chart is rows of bars on a linear scale,
forty lines of drawing; matplotlib or plotly would add tens of megabytes, seconds of import time and
output whose bytes depend on their version.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape

from brief.analyse.intervals import figure_range
from brief.compose import l10n
from brief.compose.document import FigureRow
from brief.model import Figure

WIDTH = 640  # SVG user units; the chart scales to the column (about 180 mm: 1 unit ~ 0.8 pt)


@dataclass(frozen=True)
class Size:
    """The chart's measures in SVG units: large print draws the same chart with larger text."""

    font: int = 11
    label: int = 200  # the label column
    row: int = 22
    room: int = 130  # right of the scale: each figure as written and its caveat marks
    chars: int = 34  # the longest label, cut with an ellipsis


NORMAL, LARGE = Size(), Size(font=16, label=250, row=30, room=170, chars=26)
PANEL_GAP = 14
Scale = Callable[[float], float]  # a value -> its x position


@dataclass(frozen=True)
class Chart:
    """A figures chart: its SVG source and the text that says what it shows."""

    svg: str
    alt: str


def figures_chart(
    figures: Sequence[Figure],
    rows: Sequence[FigureRow],
    colors: Mapping[str, str],
    lang: str,
    texts: Mapping[str, str],
    size: Size = NORMAL,
) -> Chart | None:
    """Draw every figure as its range, one panel per unit; None when there are fewer than two."""
    printed = {row.id: row for row in rows}
    drawable = [f for f in figures if f.id in printed and math.isfinite(f.value) and f.value >= 0]
    if len(drawable) < 2:
        return None
    panels: dict[str, list[Figure]] = {}
    for figure in drawable:
        panels.setdefault(figure.unit, []).append(figure)
    parts, top = [], 0
    for unit, members in panels.items():
        parts.append(_panel(members, printed, unit, colors, lang, top, size))
        top += len(members) * size.row + 2 * size.font + PANEL_GAP
    height = top - PANEL_GAP
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" font-family="Brief Sans, sans-serif" '
        f'font-size="{size.font}">' + "".join(parts) + "</svg>"
    )
    return Chart(svg, _alt(drawable, printed, texts))


def _panel(
    figures: list[Figure],
    rows: Mapping[str, FigureRow],
    unit: str,
    colors: Mapping[str, str],
    lang: str,
    top: int,
    size: Size,
) -> str:
    scale_max = _nice_max(max(_drawn_high(figure) for figure in figures))
    span = WIDTH - size.label - size.room

    def x(value: float) -> float:
        return size.label + min(value, scale_max) / scale_max * span

    out = []
    for index, figure in enumerate(figures):
        row = rows[figure.id]
        y = top + index * size.row + size.row / 2
        colour = colors["warning"] if row.markers else colors["accent"]
        out.append(_label(row, y, colors, size))
        out.append(_range(figure, x, y, colour))
        found = figure_range(figure)
        end = x(found.high) if math.isfinite(found.high) else size.label + span + 8
        marks = "".join(f"[{marker.number}]" for marker in row.markers)
        out.append(
            f'<text x="{end + 6:.1f}" y="{y + size.font / 3:.1f}" fill="{colors["text"]}">'
            f"{escape(row.display)}"
            + (
                f'<tspan fill="{colors["warning"]}" font-weight="bold"> {marks}</tspan>'
                if marks
                else ""
            )
            + "</text>"
        )
    axis_y = top + len(figures) * size.row + 4
    out.append(_axis(x, scale_max, axis_y, unit, colors, lang, size))
    return "".join(out)


def _label(row: FigureRow, y: float, colors: Mapping[str, str], size: Size) -> str:
    text = row.counts if len(row.counts) <= size.chars else row.counts[: size.chars - 1] + "…"
    return (
        f'<text x="{size.label - 8}" y="{y + size.font / 3:.1f}" text-anchor="end" '
        f'fill="{colors["text"]}">'
        f"{escape(text)}</text>"
    )


def _range(figure: Figure, position: Scale, y: float, colour: str) -> str:
    """Draw a figure's range: a bar over what it allows, a dot on the number as written, an
    arrow where the range has no upper limit, a hollow dot where the number itself is excluded."""
    found = figure_range(figure)
    low, value = position(max(found.low, 0)), position(figure.value)
    parts = []
    if math.isinf(found.high):
        right = position(math.inf)
        parts.append(_bar(low, right, y, colour))
        parts.append(
            f'<path d="M{right:.1f},{y - 5:.1f} L{right + 7:.1f},{y:.1f} '
            f'L{right:.1f},{y + 5:.1f} Z" fill="{colour}"/>'
        )
    elif found.high > found.low:
        parts.append(_bar(low, position(found.high), y, colour))
    hollow = (found.low_open and figure.value == found.low) or found.high_open
    fill = "#ffffff" if hollow else colour
    parts.append(
        f'<circle cx="{value:.1f}" cy="{y:.1f}" r="4" fill="{fill}" stroke="{colour}" '
        'stroke-width="1.5"/>'
    )
    return "".join(parts)


def _bar(left: float, right: float, y: float, colour: str) -> str:
    return (
        f'<rect x="{left:.1f}" y="{y - 3:.1f}" width="{max(right - left, 1):.1f}" height="6" '
        f'rx="3" fill="{colour}" fill-opacity="0.35"/>'
    )


def _axis(
    position: Scale,
    scale_max: float,
    y: float,
    unit: str,
    colors: Mapping[str, str],
    lang: str,
    size: Size,
) -> str:
    out = [
        f'<line x1="{size.label}" y1="{y:.1f}" x2="{position(scale_max):.1f}" y2="{y:.1f}" '
        f'stroke="{colors["rule"]}" stroke-width="1"/>'
    ]
    for step in range(5):
        value = scale_max * step / 4
        tick = position(value)
        out.append(
            f'<line x1="{tick:.1f}" y1="{y:.1f}" x2="{tick:.1f}" y2="{y + 3:.1f}" '
            f'stroke="{colors["rule"]}"/>'
            f'<text x="{tick:.1f}" y="{y + size.font + 2:.1f}" text-anchor="middle" '
            f'font-size="{size.font - 2}" '
            f'fill="{colors["muted"]}">{escape(l10n.format_number(value, lang, unit))}</text>'
        )
    return "".join(out)


def _drawn_high(figure: Figure) -> float:
    found = figure_range(figure)
    return found.high if math.isfinite(found.high) else figure.value * 1.2


def _nice_max(value: float) -> float:
    """Return a round number at or above `value` for the end of a scale.

    >>> _nice_max(6500), _nice_max(21), _nice_max(0), _nice_max(5e-324)
    (8000.0, 25.0, 1.0, 5e-324)
    """
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    if power <= 0:  # the power of ten underflows (a subnormal value): no rounder end to find
        return value
    for step in (1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)


def _alt(figures: list[Figure], rows: Mapping[str, FigureRow], texts: Mapping[str, str]) -> str:
    """Say what the chart shows, with every number, in the brief's language."""
    items = [f"{rows[f.id].counts}: {rows[f.id].display}" for f in figures]
    return texts["chart_alt"].format(n=len(figures), figures="; ".join(items))
