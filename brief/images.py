"""Images a brief may show (the organisation's logo): read inside its folder, checked, untrusted.

In: a file name from the source. Out: the image's bytes and media type, or a BriefError (B405) for a
file that is not a PNG, JPEG or plain SVG, is too large, or would decompress into too many pixels.
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from brief.errors import BriefError, Location, error

MAX_IMAGE_BYTES = 5_000_000
MAX_PIXELS = 25_000_000
_SVG_DANGER = re.compile(
    rb"<!ENTITY|<!DOCTYPE|<script|\b(?:xlink:)?href\s*=\s*[\"'](?!#)|url\(", re.IGNORECASE
)


@dataclass(frozen=True)
class ImageFile:
    """A checked image: its bytes, media type and the extension to store it under."""

    data: bytes
    media_type: str
    extension: str


def _refuse(name: str, why: str, at: Location) -> BriefError:
    return BriefError(
        [
            error(
                "B405",
                f"'{name}' cannot be used as an image: {why}",
                at,
                "use a PNG, JPEG or plain SVG file of reasonable size",
            )
        ]
    )


def check_image(data: bytes, name: str, at: Location) -> ImageFile:
    """Return the image if it is a safe PNG, JPEG or SVG; raise BriefError otherwise."""
    head = data[:512].lstrip()
    if head.startswith((b"<svg", b"<?xml")):
        if _SVG_DANGER.search(data):
            raise _refuse(name, "an SVG with entities, scripts or external references", at)
        return ImageFile(data, "image/svg+xml", "svg")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise _refuse(name, f"{image.width}×{image.height} pixels is too many", at)
                kind = image.format
                image.verify()
    except BriefError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse(name, f"it would decode into more than {MAX_PIXELS:,} pixels", at) from None
    except (OSError, ValueError, SyntaxError) as caught:
        raise _refuse(name, f"not a readable image ({caught.__class__.__name__})", at) from None
    if kind == "PNG":
        return ImageFile(data, "image/png", "png")
    if kind == "JPEG":
        return ImageFile(data, "image/jpeg", "jpg")
    raise _refuse(name, f"{kind} images are not supported", at)


def read_image(path: Path, name: str, at: Location) -> ImageFile:
    """Read and check an image file already resolved inside the brief's folder."""
    from brief.files import read_capped

    return check_image(read_capped(path, MAX_IMAGE_BYTES, at), name, at)
