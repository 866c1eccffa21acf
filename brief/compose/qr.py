"""QR codes for print: a link on paper cannot be clicked (design.md §4).

In: a URL. Out: a small vector SVG as a `data:` URI, deterministic for the same URL.
"""

from __future__ import annotations

from functools import lru_cache

import segno


@lru_cache(maxsize=256)
def qr_data_uri(url: str) -> str:
    """Return a QR code for `url` as an SVG data URI (error correction M, black on white)."""
    code = segno.make(url, error="m", micro=False)
    return str(code.svg_data_uri(scale=1, border=2, dark="#000", light="#fff", omitsize=True))
