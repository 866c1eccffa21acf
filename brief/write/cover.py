"""Generated EPUB cover: title, subtitle, organisation and date drawn with our shipped fonts.

In: `Document`. Out: PNG bytes, identical for the same document (Pillow writes no timestamps).
"""

from __future__ import annotations

import io
import textwrap

from PIL import Image, ImageDraw, ImageFont, ImageOps

from brief.compose.document import Document
from brief.compose.themes import AA_RATIO, DEFAULT_COLORS, contrast
from brief.resources import font_dir

WIDTH, HEIGHT = 1200, 1800


#: The most lines a cover gives the title; the subtitle gets what is left above the footer.
#: Longer text ends with an ellipsis.
TITLE_LINES = 6


def _logo(document: Document) -> Image.Image | None:
    """Return the organisation's raster logo (checked bytes) fitted into LOGO_BOX, or None.

    An SVG logo is not drawn on the cover: Pillow does not draw SVG, and the cover is a PNG.
    """
    logo = document.logo_file
    if logo is None or logo.media_type not in ("image/png", "image/jpeg"):
        return None
    with Image.open(io.BytesIO(logo.data)) as opened:
        picture = opened.convert("RGBA")
    picture.thumbnail(LOGO_BOX, Image.Resampling.LANCZOS)
    return picture


#: The band at the top of the cover: the brand colour, or the cover picture cut to fill it.
BAND_HEIGHT = 560


def _band_picture(document: Document) -> Image.Image | None:
    """Return the brief's raster cover picture (checked bytes) cut to fill the band, or None."""
    cover = next((p for p in document.pictures if p.place == "cover"), None)
    if cover is None or cover.file.media_type not in ("image/png", "image/jpeg"):
        return None
    with Image.open(io.BytesIO(cover.file.data)) as opened:
        picture = opened.convert("RGB")
    return ImageOps.fit(picture, (WIDTH, BAND_HEIGHT), Image.Resampling.LANCZOS)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int, most: int) -> list[str]:
    """Wrap `text` to lines that fit `width`, at most `most` of them (the last one cut with …)."""
    text = text[: most * 60]  # a cover shows a few hundred characters: never wrap more
    for columns in range(40, 8, -2):
        lines = textwrap.wrap(text, columns, max_lines=most, placeholder=" …")
        if all(font.getlength(line) <= width for line in lines):
            return lines
    return textwrap.wrap(text, 8, max_lines=most, placeholder=" …")


MARGIN = 80
#: The box the organisation's logo is fitted into, above the footer.
LOGO_BOX = (420, 220)


def make_cover(document: Document) -> bytes:
    """Draw the cover as a PNG: a band in the brand colour (or the cover picture), the title, the
    subtitle, the logo and a footer with the organisation and date, each inside the margins."""
    band = document.theme.get("brand") or document.theme.get("accent", DEFAULT_COLORS["accent"])
    on_band = "#ffffff" if contrast("#ffffff", band) >= AA_RATIO else "#1a1a1a"
    image = Image.new("RGB", (WIDTH, HEIGHT), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, BAND_HEIGHT), fill=band)
    pictured = _band_picture(document)
    if pictured:
        image.paste(pictured, (0, 0))
    bold = ImageFont.truetype(str(font_dir() / "NotoSans-Bold.ttf"), 92)
    regular = ImageFont.truetype(str(font_dir() / "NotoSans-Regular.ttf"), 50)
    small = ImageFont.truetype(str(font_dir() / "NotoSans-Regular.ttf"), 40)
    logo = _logo(document)
    bottom = HEIGHT - 200 - (logo.height + 40 if logo else 0)
    y = 640
    for line in _wrap(document.title, bold, WIDTH - 2 * MARGIN, TITLE_LINES):
        draw.text((MARGIN, y), line, font=bold, fill="#1a1a1a")
        y += 112
    y += 30
    room = max(0, (bottom - y) // 66)
    for line in _wrap(document.subtitle, regular, WIDTH - 2 * MARGIN, room) if room else []:
        draw.text((MARGIN, y), line, font=regular, fill="#444444")
        y += 66
    if logo:
        image.paste(logo, (MARGIN, bottom), logo if logo.mode == "RGBA" else None)
    footer = [*_wrap(document.organization, small, WIDTH - 2 * MARGIN, 1), document.date]
    for index, line in enumerate(line for line in footer if line):
        draw.text((MARGIN, HEIGHT - 170 + index * 52), line, font=small, fill="#444444")
    if document.organization and not pictured:  # no words over a photograph
        name = _wrap(document.organization, regular, WIDTH - 2 * MARGIN, 2)
        for index, line in enumerate(name):
            draw.text((MARGIN, 200 + index * 64), line, font=regular, fill=on_band)
    stream = io.BytesIO()
    image.save(stream, format="PNG", compress_level=1)  # flat colours: fast and still small
    return stream.getvalue()
