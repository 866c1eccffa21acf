"""Font subsets for the EPUB: each shipped face cut down to the characters the ebook uses.

In: a shipped TrueType file and the ebook's text. Out: WOFF bytes (zlib-compressed, stored as they
are in the EPUB), the same for the same text. Whole faces made a two-page brief's EPUB 1.8 MB;
subsets make it a few hundred kilobytes. fontTools' subsetter keeps the OpenType features it keeps
by default (kerning, ligatures, the Arabic joining forms), and drops hinting, which ebook readers
scaling text to their own sizes do not need.
"""

from __future__ import annotations

import io
import string
from functools import lru_cache
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

#: Characters every subset keeps, whatever the text: what a reading system may print itself
#: (list numbers, page numbers) and the punctuation our labels and caveats use.
ALWAYS = string.printable + "\u00a0“”‘’«»„‚‹›–—…•·×−§©®°±½¼¾€£¥¢"


def subset_woff(font: Path, text: str) -> bytes:
    """Return the WOFF of `font` holding the characters of `text` (and ALWAYS)."""
    return _subset(font, "".join(sorted(set(text) | set(ALWAYS))))


@lru_cache(maxsize=32)  # a warm process (serve, batch) rebuilds the same text for free
def _subset(font: Path, characters: str) -> bytes:
    options = subset.Options()
    options.flavor = "woff"
    options.hinting = False
    options.recalc_timestamp = False
    options.name_IDs = ["*"]  # keep the licence and the names readers show
    options.notdef_outline = True
    with TTFont(io.BytesIO(font.read_bytes()), recalcTimestamp=False, lazy=True) as face:
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=characters)
        subsetter.subset(face)
        face.flavor = "woff"
        buffer = io.BytesIO()
        face.save(buffer)
    return buffer.getvalue()
