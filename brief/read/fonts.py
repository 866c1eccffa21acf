"""Font files a theme brings from the brief's folder: read inside it, checked, untrusted.

In: `theme.fonts` from the source, where a role names a shipped family (`serif`, `sans`) or a
font file next to brief.yaml. Out: each file's checked bytes, or a BriefError (B406) for a file that
is not a font fontTools can read, is too large (also once unpacked: a WOFF or WOFF2 directory is
checked before fontTools unpacks anything), or whose licence forbids embedding it in a document.
The bytes read here are the bytes every output embeds (no second read at render time).
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from brief.errors import BriefError, Diagnostic, Location, error
from brief.model import FontFile
from brief.read.files import read_capped, resolve_inside

if TYPE_CHECKING:
    from brief.read.positions import SourceMap

MAX_FONT_BYTES = 8_000_000
#: Unpacked WOFF and WOFF2 limits, checked from the file's own directory before fontTools unpacks
#: anything: the whole font and each table at most MAX_SFNT_BYTES, a zlib table at most
#: MAX_TABLE_RATIO times its packed size (real tables pack 2-4 times), at most MAX_TABLES tables
#: (real fonts have 10 to 40) and metadata at most MAX_METADATA_BYTES. Every packed part is then
#: unpacked with its claimed size as the limit, so a file lying about a size stops there.
MAX_SFNT_BYTES = 32_000_000
MAX_TABLE_RATIO = 100
MAX_TABLES = 64
MAX_METADATA_BYTES = 1_000_000

#: Shipped families a role may name instead of a file (assets/fonts).
FONT_FAMILIES = {
    "serif": '"Brief Serif", "Brief Arabic", serif',
    "sans": '"Brief Sans", "Brief Arabic", sans-serif',
}

#: Roles a theme may give a font file for: (CSS family, weight, style). `heading` is used bold;
#: a body face without its bold or italic file is emboldened or slanted by the renderer.
FILE_ROLES: dict[str, tuple[str, int, str]] = {
    "body": ("Brief Theme Body", 400, "normal"),
    "body_bold": ("Brief Theme Body", 700, "normal"),
    "body_italic": ("Brief Theme Body", 400, "italic"),
    "body_bold_italic": ("Brief Theme Body", 700, "italic"),
    "heading": ("Brief Theme Heading", 700, "normal"),
}
#: Roles that may name a shipped family.
FAMILY_ROLES = ("body", "heading")

_FORMATS = {  # extension: (media type, CSS format())
    ".ttf": ("font/ttf", "truetype"),
    ".otf": ("font/otf", "opentype"),
    ".woff": ("font/woff", "woff"),
    ".woff2": ("font/woff2", "woff2"),
}


def is_file_name(value: str) -> bool:
    """Return whether a theme font value names a file rather than a shipped family."""
    return PurePosixPath(value.replace("\\", "/")).suffix.lower() in _FORMATS or "/" in value


_REEXPORT = "export the font again as TrueType (.ttf) or OpenType (.otf)"
_WOFF_HEADER = struct.Struct(">4s4sLHHLHHLLLLL")
_WOFF_ENTRY = struct.Struct(">4sLLLL")
_WOFF2_HEADER = struct.Struct(">4s4sLHHLLHHLLLLL")
_SFNT_VERSIONS = (b"\0\1\0\0", b"OTTO", b"true")


_Unpack = Callable[[bytes, int, str], None]


class _UnsafeFontError(Exception):
    """Why a font file's container is refused before fontTools reads it."""


def _refuse(name: str, why: str, at: Location, hint: str) -> BriefError:
    return BriefError([error("B406", f"'{name}' cannot be used as a font: {why}", at, hint)])


def check_extension(name: str, at: Location) -> str:
    """Return a font file's extension, or raise B406 for a file that is not named as a font."""
    extension = PurePosixPath(name.replace("\\", "/")).suffix.lower()
    if extension not in _FORMATS:
        raise _refuse(
            name,
            "not a .ttf, .otf, .woff or .woff2 file",
            at,
            "use a TrueType, OpenType or WOFF font file with an open licence",
        )
    return extension


def check_font(data: bytes, name: str, at: Location) -> FontFile:
    """Return the checked font, or raise B406 naming what is wrong with it."""
    extension = check_extension(name, at)
    check_container(data, name, at)
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(io.BytesIO(data), lazy=False, fontNumber=0)
        font.ensureDecompiled()  # every table, now: a damaged one fails here, not in the renderer
        cmap = font["cmap"].getBestCmap() or {}
        fs_type = font["OS/2"].fsType if "OS/2" in font else 0
        family = font["name"].getBestFamilyName() if "name" in font else None
    except Exception as caught:
        raise _refuse(
            name,
            f"not a font file that can be read ({type(caught).__name__})",
            at,
            _REEXPORT,
        ) from None
    if not any(code in cmap for code in range(0x41, 0x5B)):
        raise _refuse(
            name,
            "it has no Latin letters (A–Z)",
            at,
            "choose a text font; symbol fonts cannot set a brief",
        )
    # OpenType OS/2 fsType: 0x0002 "restricted licence embedding", 0x0200 "bitmap embedding only".
    if fs_type & 0x000F == 0x0002 or fs_type & 0x0200:
        raise _refuse(
            name,
            f"its licence forbids embedding it in documents (fsType {fs_type:#06x})"
            + (f" in '{family}'" if family else ""),
            at,
            "use a font with an open licence (SIL OFL, Apache), which allows embedding",
        )
    media_type, css_format = _FORMATS[extension]
    return FontFile(data, media_type, css_format, extension.lstrip("."))


def check_container(data: bytes, name: str, at: Location) -> None:
    """Refuse a font whose directory claims too much, before anything is unpacked (B406)."""
    try:
        if data[:4] == b"wOFF":
            _check_woff(data)
        elif data[:4] == b"wOF2":
            _check_woff2(data)
        elif data[:4] in _SFNT_VERSIONS and len(data) >= 6:
            _check_table_count(struct.unpack_from(">H", data, 4)[0])
    except _UnsafeFontError as caught:
        raise _refuse(name, str(caught), at, _REEXPORT) from None
    except (struct.error, IndexError, zlib.error, ValueError):
        why = "not a font file that can be read (its header or table directory is damaged)"
        raise _refuse(name, why, at, _REEXPORT) from None


def _check_table_count(count: int) -> None:
    if count > MAX_TABLES:
        raise _UnsafeFontError(f"it has {count} tables (a font has at most {MAX_TABLES})")


def _check_size(size: int, what: str) -> None:
    if size > MAX_SFNT_BYTES:
        raise _UnsafeFontError(f"{what} claims {size:,} bytes unpacked (over {MAX_SFNT_BYTES:,})")


def _check_woff(data: bytes) -> None:
    """Check a WOFF's header and table directory, then unpack each table up to its size."""
    header = _WOFF_HEADER.unpack_from(data)
    count, total, meta = header[3], header[5], header[8:11]
    _check_table_count(count)
    _check_size(total, "the font")
    entries = [_WOFF_ENTRY.unpack_from(data, _WOFF_HEADER.size + 20 * i) for i in range(count)]
    _check_size(sum(entry[3] for entry in entries), "the font's tables")
    for tag, offset, packed, size, _ in entries:
        what = f"the table {_tag(tag)}"
        _check_size(size, what)
        if packed < size:  # packed with zlib: fontTools will unpack it
            _check_ratio(packed, size, what)
            _inflate(data[offset : offset + packed], size, what)
    _check_metadata(data, meta[0], meta[1], meta[2], _inflate)


def _check_ratio(packed: int, size: int, what: str) -> None:
    if size > packed * MAX_TABLE_RATIO:
        raise _UnsafeFontError(f"{what} claims to unpack to over {MAX_TABLE_RATIO} times its size")


def _check_metadata(data: bytes, offset: int, packed: int, size: int, unpack: _Unpack) -> None:
    if not packed:
        return
    if size > MAX_METADATA_BYTES:
        raise _UnsafeFontError(f"its metadata claims {size:,} bytes (over {MAX_METADATA_BYTES:,})")
    unpack(data[offset : offset + packed], size, "its metadata")


def _tag(tag: bytes) -> str:
    text = tag.decode("latin-1")
    return f"'{text}'" if text.isascii() and text.isprintable() else "of the font"


def _inflate(packed: bytes, size: int, what: str) -> None:
    """Unpack zlib data, stopping one byte past its claimed size."""
    inflater = zlib.decompressobj()
    unpacked = inflater.decompress(packed, size + 1)
    if len(unpacked) != size or not inflater.eof:
        raise _UnsafeFontError(f"{what} does not unpack to the size it claims")


def _unbrotli(packed: bytes, size: int, what: str) -> None:
    """Unpack Brotli data, stopping about one buffer past its claimed size."""
    try:
        import brotli
    except ImportError:  # fontTools could not read it either
        raise _UnsafeFontError("WOFF2 fonts cannot be read here (Brotli is missing)") from None
    decompressor = brotli.Decompressor()
    try:
        unpacked = decompressor.process(packed, output_buffer_limit=size + 1)
    except TypeError:  # Brotli before 1.2 cannot stop: refuse rather than unpack blindly
        raise _UnsafeFontError(
            "WOFF2 fonts cannot be checked here (Brotli 1.2 is needed)"
        ) from None
    except brotli.error:
        raise _UnsafeFontError(f"{what} is damaged") from None
    if len(unpacked) != size or not decompressor.is_finished():
        raise _UnsafeFontError(f"{what} does not unpack to the size it claims")


def _check_woff2(data: bytes) -> None:
    """Check a WOFF2's header and table directory, then unpack its stream up to its size."""
    header = _WOFF2_HEADER.unpack_from(data)
    flavor, count, total, packed, meta = header[1], header[3], header[5], header[6], header[9:12]
    if flavor == b"ttcf":
        raise _UnsafeFontError("it is a font collection, not one font")
    _check_table_count(count)
    _check_size(total, "the font")
    position, sizes, stream = _WOFF2_HEADER.size, 0, 0
    for _ in range(count):
        position, size, length = _woff2_entry(data, position)
        sizes, stream = sizes + size, stream + length
    _check_size(sizes, "the font's tables")
    _check_size(stream, "the font's packed stream")
    _check_ratio(packed, stream, "the font's packed stream")
    _unbrotli(data[position : position + packed], stream, "the font's packed stream")
    _check_metadata(data, meta[0], meta[1], meta[2], _unbrotli)


def _woff2_entry(data: bytes, position: int) -> tuple[int, int, int]:
    """Read one WOFF2 table entry: the next position, the table's size and its stream length."""
    from fontTools.ttLib.woff2 import woff2KnownTags

    flags = data[position]
    position += 1
    if flags & 0x3F == 0x3F:
        tag = data[position : position + 4].decode("latin-1")
        position += 4
    else:
        tag = woff2KnownTags[flags & 0x3F]
    size, position = _base128(data, position)
    _check_size(size, "a table")
    null = 3 if tag in ("glyf", "loca") else 0
    if flags >> 6 == null:
        return position, size, size
    length, position = _base128(data, position)
    _check_size(length, "a table")
    return position, size, length


def _base128(data: bytes, position: int) -> tuple[int, int]:
    """Read a WOFF2 UIntBase128: at most 5 bytes, no leading zeros, at most 32 bits."""
    value = 0
    for index in range(5):
        byte = data[position + index]
        if index == 0 and byte == 0x80:
            raise ValueError("a number with leading zeros")
        value = value << 7 | byte & 0x7F
        if value >> 32:
            raise ValueError("a number over 32 bits")
        if not byte & 0x80:
            return value, position + index + 1
    raise ValueError("a number longer than 5 bytes")


def read_fonts(
    data: Mapping[str, Any], where: SourceMap, folder: Path
) -> tuple[dict[str, FontFile], list[Diagnostic]]:
    """Read and check every font file `theme.fonts` names (keyed by the name as written)."""
    theme = data.get("theme")
    fonts = theme.get("fonts") if isinstance(theme, dict) else None
    if not isinstance(fonts, dict):
        return {}, []
    found: dict[str, FontFile] = {}
    problems: list[Diagnostic] = []
    for role, name in fonts.items():
        if not isinstance(name, str) or not is_file_name(name) or name in found:
            continue
        at = where.locate("theme", "fonts", role)
        try:
            check_extension(name, at)
            raw = read_capped(resolve_inside(folder, name, at), MAX_FONT_BYTES, at)
            found[name] = check_font(raw, name, at)
        except BriefError as caught:
            problems.extend(caught.diagnostics)
    return found, problems


def font_faces(fonts: Mapping[str, str], prefix: Mapping[str, str]) -> str:
    """Return @font-face rules for the theme's font files; `prefix[role]` is each file's URL."""
    rules = []
    for role, value in fonts.items():
        if role in FILE_ROLES and role in prefix and is_file_name(value):
            family, weight, style = FILE_ROLES[role]
            rules.append(
                f'@font-face {{ font-family: "{family}"; src: url("{prefix[role]}"); '
                f"font-weight: {weight}; font-style: {style}; }}"
            )
            if role == "heading":  # headings set at 400 somewhere (h3) use the same face
                rules.append(rules[-1].replace("font-weight: 700", "font-weight: 400"))
    return "\n".join(rules)


def family_rules(fonts: Mapping[str, str]) -> str:
    """Return CSS choosing each role's family: a shipped one, or the theme's file first."""
    rules = []
    for role, selector in (("body", "body"), ("heading", "h1, h2, h3")):
        value = fonts.get(role)
        if value in FONT_FAMILIES:
            rules.append(f"{selector} {{ font-family: {FONT_FAMILIES[value]}; }}")
        elif value and is_file_name(value):
            fallback = FONT_FAMILIES["serif" if role == "body" else "sans"]
            rules.append(f'{selector} {{ font-family: "{FILE_ROLES[role][0]}", {fallback}; }}')
    return "\n".join(rules)
