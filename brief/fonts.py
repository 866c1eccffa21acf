"""Font files a theme brings from the brief's folder: read inside it, checked, untrusted.

In: `theme.fonts` from the source, where a role names a shipped family (`serif`, `sans`) or a
font file next to brief.yaml. Out: each file's checked bytes, or a BriefError (B406) for a file that
is not a font fontTools can read, is too large, or whose licence forbids embedding it in a document.
The bytes read here are the bytes every output embeds (no second read at render time).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from brief.errors import BriefError, Diagnostic, Location, error
from brief.files import read_capped, resolve_inside

if TYPE_CHECKING:
    from brief.load import SourceMap

MAX_FONT_BYTES = 8_000_000

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


@dataclass(frozen=True)
class FontFile:
    """A checked font file: its bytes, media type, CSS format and extension."""

    data: bytes
    media_type: str
    css_format: str
    extension: str


def is_file_name(value: str) -> bool:
    """Return whether a theme font value names a file rather than a shipped family."""
    return PurePosixPath(value.replace("\\", "/")).suffix.lower() in _FORMATS or "/" in value


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
            "export the font again as TrueType (.ttf) or OpenType (.otf)",
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
