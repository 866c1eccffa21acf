"""Write the WOFF copies of the shipped fonts that the EPUB embeds (assets/fonts/woff/).

WOFF 1.0 holds the same tables as the TrueType file, each zlib-compressed once here, so a build
stores them in the EPUB as they are instead of compressing 4 MB of fonts on every build (issue 6).
Run after changing a font in assets/fonts: `.venv/bin/python scripts/make-woff.py`;
tests/read/test_fonts.py checks that every WOFF holds exactly its TrueType file's tables.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parents[1] / "assets" / "fonts"


def main() -> None:
    (FONTS / "woff").mkdir(exist_ok=True)
    for ttf in sorted(FONTS.glob("*.ttf")):
        font = TTFont(ttf, recalcTimestamp=False, recalcBBoxes=False)
        font.flavor = "woff"
        target = FONTS / "woff" / (ttf.stem + ".woff")
        font.save(target, reorderTables=False)
        size = target.stat().st_size
        sys.stdout.write(f"{target.relative_to(FONTS.parent.parent)}: {size:,} bytes\n")


if __name__ == "__main__":
    main()
