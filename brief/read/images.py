"""Images a brief may show (the logo and its pictures): read inside its folder, checked, untrusted.

In: a file name from the source. Out: the image's bytes and media type, or a BriefError (B405) for a
file that is not a PNG, JPEG or plain SVG, is too large, would decompress into too many pixels or
does not decode in full. An SVG must be plain drawing within limits (brief/read/svg.py).
"""

from __future__ import annotations

import io
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image
from PIL import ImageFile as PillowImageFile

from brief.errors import BriefError, Diagnostic, Location, error
from brief.model import ImageFile
from brief.read.files import read_capped, resolve_inside
from brief.read.svg import SvgRefusedError, check_svg
from brief.schema import MAX_PICTURES

if TYPE_CHECKING:
    from brief.read.positions import SourceMap

MAX_IMAGE_BYTES = 5_000_000
MAX_PIXELS = 25_000_000
#: JPEG scans: each is a pass over every pixel, in brief and in every viewer. A progressive JPEG
#: has about 10; 20,000 scans of 4096×4096 pixels took `brief check` 40 s and a PDF viewer 57 s.
MAX_JPEG_SCANS = 100
_RASTER_FORMATS = ("PNG", "JPEG")  # the only decoders a logo reaches
_STRICT = threading.Lock()
_SIZE_HINT = "use a PNG, JPEG or plain SVG file of reasonable size"
_JPEG_HINT = "save the image again as a baseline (not progressive) JPEG or as a PNG"


def _refuse(name: str, why: str, at: Location, hint: str = _SIZE_HINT) -> BriefError:
    return BriefError([error("B405", f"'{name}' cannot be used as an image: {why}", at, hint)])


def check_image(data: bytes, name: str, at: Location) -> ImageFile:
    """Return the image if it is a safe PNG, JPEG or SVG; raise BriefError otherwise."""
    if len(data) > MAX_IMAGE_BYTES:
        raise _refuse(name, f"it is larger than {MAX_IMAGE_BYTES:,} bytes", at)
    if data[:512].removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"<"):
        try:
            check_svg(data)
        except SvgRefusedError as caught:
            raise _refuse(name, caught.why, at, caught.hint) from None
        return ImageFile(data, "image/svg+xml", "svg")
    return _check_raster(data, name, at)


# ------------------------------------------------------------------ PNG and JPEG
def _check_raster(data: bytes, name: str, at: Location) -> ImageFile:
    if data.startswith(b"\xff\xd8") and (scans := _jpeg_scans(data)) > MAX_JPEG_SCANS:
        why = f"a JPEG with {scans:,} scans (more than {MAX_JPEG_SCANS}) is too slow to draw"
        raise _refuse(name, why, at, _JPEG_HINT)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            kind = _decode(data, name, at)
    except BriefError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse(name, f"it would decode into more than {MAX_PIXELS:,} pixels", at) from None
    except Image.UnidentifiedImageError:
        raise _refuse(name, "it is not a PNG or JPEG image", at) from None
    except Exception as caught:  # a damaged file fails in many ways inside the decoders
        raise _refuse(name, f"not a readable image ({caught.__class__.__name__})", at) from None
    if kind == "PNG":
        return ImageFile(data, "image/png", "png")
    if kind == "JPEG":
        return ImageFile(data, "image/jpeg", "jpg")
    raise _refuse(name, f"{kind} images are not supported", at)


def _decode(data: bytes, name: str, at: Location) -> str | None:
    """Check the image's structure, then decode every pixel (a truncated file fails here)."""
    with Image.open(io.BytesIO(data), formats=_RASTER_FORMATS) as image:
        if image.width * image.height > MAX_PIXELS:
            raise _refuse(name, f"{image.width}×{image.height} pixels is too many", at)
        kind = image.format
        image.verify()
    with _strict_decoding(), Image.open(io.BytesIO(data), formats=_RASTER_FORMATS) as image:
        image.load()
        if getattr(image, "_ended", False):  # Pillow's JPEG reader made up a missing end
            raise OSError("image file is truncated")
    return kind


def _jpeg_scans(data: bytes) -> int:
    """Count a JPEG's scans (SOS markers) by walking its marker segments, in linear time."""
    scans, at, end = 0, 2, len(data)
    while at + 1 < end and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xD9:  # end of image
            break
        if marker == 0xFF or 0xD0 <= marker <= 0xD7 or marker == 0x01:  # fill, RST, TEM
            at += 1 if marker == 0xFF else 2
            continue
        at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")
        if marker == 0xDA:
            scans += 1
            at = _entropy_end(data, at)
    return scans  # a damaged structure stops the walk: the decoder refuses it


def _entropy_end(data: bytes, at: int) -> int:
    """Return where a scan's entropy-coded data ends: at the first marker other than RST,
    after skipping stuffed bytes (0xFF00) and fill bytes (0xFFFF)."""
    while (at := data.find(b"\xff", at)) != -1 and at + 1 < len(data):
        following = data[at + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            at += 2
        elif following == 0xFF:
            at += 1
        else:
            return at
    return len(data)


@contextmanager
def _strict_decoding() -> Iterator[None]:
    """Decode with Pillow's LOAD_TRUNCATED_IMAGES off: importing WeasyPrint turns it on, and
    then a truncated or damaged file decodes into grey instead of failing."""
    with _STRICT:
        before = PillowImageFile.LOAD_TRUNCATED_IMAGES
        PillowImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            PillowImageFile.LOAD_TRUNCATED_IMAGES = before


def read_image(path: Path, name: str, at: Location) -> ImageFile:
    """Read and check an image file already resolved inside the brief's folder."""
    return check_image(read_capped(path, MAX_IMAGE_BYTES, at), name, at)


def read_images(
    data: dict[str, Any], where: SourceMap, folder: Path
) -> tuple[dict[str, ImageFile], list[Diagnostic]]:
    """Read and check the images a brief may show: the organisation's logo and its pictures
    (`images:`), by file name. Each file is read once, however often it is named."""
    images: dict[str, ImageFile] = {}
    problems: list[Diagnostic] = []
    for name, at in _image_names(data, where):
        if name in images:
            continue
        try:
            images[name] = read_image(resolve_inside(folder, name, at), name, at)
        except BriefError as caught:
            problems.extend(caught.diagnostics)
    return images, problems


def _image_names(data: dict[str, Any], where: SourceMap) -> list[tuple[str, Location]]:
    """Return the image files the source names, where it names them: the logo, then the
    pictures (no more than MAX_PICTURES: validation reports the rest)."""
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    organization = meta.get("organization") if isinstance(meta, dict) else None
    logo = organization.get("logo") if isinstance(organization, dict) else None
    names = [(logo, where.locate("meta", "organization", "logo"))] if isinstance(logo, str) else []
    pictures = data.get("images")
    for index, item in enumerate(pictures[:MAX_PICTURES] if isinstance(pictures, list) else []):
        name = item.get("file") if isinstance(item, dict) else None
        if isinstance(name, str):
            names.append((name, where.locate("images", index, "file")))
    return names
