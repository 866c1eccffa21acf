"""Generated EPUB cover: title, subtitle, organisation and date drawn with our shipped fonts.

In: `Document`. Out: PNG bytes, identical for the same document (Pillow writes no timestamps).
"""

from __future__ import annotations

import io
import textwrap

from PIL import Image, ImageDraw, ImageFont

from brief.document import Document
from brief.resources import font_dir
from brief.themes import DEFAULT_COLORS

WIDTH, HEIGHT = 1200, 1800


#: The most lines a cover gives the title; the subtitle gets what is left above the footer.
#: Longer text ends with an ellipsis.
TITLE_LINES = 6


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int, most: int) -> list[str]:
    """Wrap `text` to lines that fit `width`, at most `most` of them (the last one cut with …)."""
    text = text[: most * 60]  # a cover shows a few hundred characters: never wrap more
    for columns in range(40, 8, -2):
        lines = textwrap.wrap(text, columns, max_lines=most, placeholder=" …")
        if all(font.getlength(line) <= width for line in lines):
            return lines
    return textwrap.wrap(text, 8, max_lines=most, placeholder=" …")


def make_cover(document: Document) -> bytes:
    """Draw the cover as a PNG."""
    accent = document.theme.get("accent", DEFAULT_COLORS["accent"])
    image = Image.new("RGB", (WIDTH, HEIGHT), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 560), fill=accent)
    bold = ImageFont.truetype(str(font_dir() / "NotoSans-Bold.ttf"), 92)
    regular = ImageFont.truetype(str(font_dir() / "NotoSans-Regular.ttf"), 50)
    small = ImageFont.truetype(str(font_dir() / "NotoSans-Regular.ttf"), 40)
    y = 640
    for line in _wrap(document.title, bold, WIDTH - 160, TITLE_LINES):
        draw.text((80, y), line, font=bold, fill="#1a1a1a")
        y += 112
    y += 30
    room = max(0, (HEIGHT - 200 - y) // 66)
    for line in _wrap(document.subtitle, regular, WIDTH - 160, room) if room else []:
        draw.text((80, y), line, font=regular, fill="#444444")
        y += 66
    footer = " · ".join(part for part in (document.organization, document.date) if part)
    draw.text((80, HEIGHT - 160), footer, font=small, fill="#444444")
    if document.organization:
        draw.text((80, 220), document.organization, font=regular, fill="#ffffff")
    stream = io.BytesIO()
    image.save(stream, format="PNG", compress_level=1)  # flat colours: fast and still small
    return stream.getvalue()
