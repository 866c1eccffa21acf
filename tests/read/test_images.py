"""The organisation's logo: shown in every output, and refused when it is not a safe image."""

from __future__ import annotations

import contextlib
import io
import subprocess
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageFile

import brief
from brief import BriefError, BuildOptions
from brief.errors import Location
from brief.read.images import check_image
from tests.conftest import require_tool

SOURCE = """\
brief: 1
meta:
  title: Logo
  lang: en
  date: 2024-01-01
  organization:
    name: Example
    logo: {logo}
    logo_alt: "Example's logo"
"""


def _png(width: int = 120, height: int = 60) -> bytes:
    stream = io.BytesIO()
    Image.new("RGB", (width, height), "#1f4e79").save(stream, format="PNG")
    return stream.getvalue()


def _with_logo(write_brief: Callable[[str], Path], name: str, data: bytes) -> Path:
    folder = write_brief(SOURCE.format(logo=name))
    (folder / name).write_bytes(data)
    return folder


@pytest.mark.slow  # builds outputs
def test_the_logo_appears_in_the_pdf_the_epub_and_the_html(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = _with_logo(write_brief, "logo.png", _png())
    brief.build(folder, BuildOptions(out_dir=tmp_path / "dist"))
    images = subprocess.run(
        [require_tool("pdfimages"), "-list", str(tmp_path / "dist/case.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[2:]
    assert len(images) == 1
    with zipfile.ZipFile(tmp_path / "dist" / "case.epub") as book:
        assert "EPUB/images/logo.png" in book.namelist()
        assert 'alt="Example&#39;s logo"' in book.read("EPUB/title.xhtml").decode()
    html = (tmp_path / "dist" / "case.html").read_text()
    assert 'src="data:image/png;base64,' in html


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("logo.png", b"this is not a picture", "B405"),
        (
            "logo.svg",
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<svg>&x;</svg>",
            "B405",
        ),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><image href="http://169.254.169.254/"'
            b"/></svg>",
            "B405",
        ),
    ],
)
def test_unsafe_or_broken_logos_are_refused(
    write_brief: Callable[[str], Path], name: str, data: bytes, code: str
) -> None:
    folder = _with_logo(write_brief, name, data)
    with pytest.raises(BriefError) as caught:
        brief.check(folder)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == code
    assert diagnostic.location.line == 8


def test_a_decompression_bomb_is_refused_before_it_is_decoded(
    write_brief: Callable[[str], Path],
) -> None:
    stream = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(stream, format="PNG")  # 144 Mpx in a small file
    folder = _with_logo(write_brief, "logo.png", stream.getvalue())
    with pytest.raises(BriefError) as caught:
        brief.check(folder)
    assert caught.value.diagnostics[0].code == "B405"
    assert "pixels" in caught.value.diagnostics[0].message


def test_a_logo_outside_the_folder_is_refused(write_brief: Callable[[str], Path]) -> None:
    folder = write_brief(SOURCE.format(logo="../logo.png"))
    with pytest.raises(BriefError) as caught:
        brief.check(folder)
    assert caught.value.diagnostics[0].code == "B401"


# ------------------------------------------------------------------ SVG: plain drawing only
AT = Location("brief.yaml", 8, 11)
SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'


def _svg(body: str) -> bytes:
    return (SVG_OPEN + body + "</svg>").encode()


def _use_bomb(levels: int = 12, fan: int = 10) -> bytes:
    parts = ['<defs><path id="p0" d="M0 0h1v1z"/>']
    for level in range(1, levels):
        uses = f'<use href="#p{level - 1}"/>' * fan
        parts.append(f'<g id="p{level}">{uses}</g>')
    parts.append(f'</defs><use href="#p{levels - 1}"/>')
    return _svg("".join(parts))


def _refusal(data: bytes, name: str = "logo.svg") -> str:
    with pytest.raises(BriefError) as caught:
        check_image(data, name, AT)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "B405"
    assert diagnostic.location == AT
    return f"{diagnostic.message}\n{diagnostic.hint}"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (_use_bomb(), "more than"),
        (_svg('<style>@import "http://169.254.169.254/x.css";</style>'), "style"),
        (_svg(r'<rect width="9" height="9" style="fill: u\72l(http://example.org/)"/>'), "style"),
        (_svg('<g id="a"><use href="#a"/></g>'), "refers back to itself"),
        (_svg('<g id="a"><use xlink:href="#b"/></g><g id="b"><use href="#a"/></g>'), "itself"),
        (_svg("<g>" * 100 + "</g>" * 100), "levels"),
        (_svg('<rect width="9" height="9" onload="alert(1)"/>'), "the attribute onload"),
        (_svg('<foreignObject><p xmlns="http://www.w3.org/1999/xhtml"/></foreignObject>'), "<"),
        (_svg("<script>alert(1)</script>"), "script"),
        (_svg('<image href="logo.png" width="9" height="9"/>'), "picture"),
        (_svg('<a href="https://example.org/"><rect width="9" height="9"/></a>'), "link"),
        (_svg('<rect width="9" height="9"><animate attributeName="x"/></rect>'), "animation"),
        (_svg('<use href="other.svg#a"/>'), "another file"),
        (_svg('<use href="#missing"/>'), "does not exist"),
        (_svg('<rect fill="url(http://example.org/p)" width="9" height="9"/>'), "outside"),
        (_svg('<x:image xmlns:x="urn:x" href="http://example.org/"/>'), "vocabulary"),
        (_svg('<metadata><x:image xmlns:x="urn:x" href="#a"/></metadata>'), "vocabulary"),
        (_svg('<metadata><x:Work xmlns:x="urn:x"><x:use/></x:Work></metadata>'), "vocabulary"),
        (_svg('<rect width="9" height="9" style="href: #a"/>'), "style"),
        (b'<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', "not an SVG"),
        (b'<svg width="9" height="9"><rect width="9" height="9"/></svg>', "not an SVG"),
        (b'<?xml-stylesheet href="http://example.org/x.css"?>' + _svg(""), "instruction"),
        (b'<!DOCTYPE svg [<!ENTITY a "b">]>' + _svg("&a;"), "DOCTYPE"),
        (_svg("<rect>"), "well-formed"),
    ],
)
def test_an_svg_that_is_not_plain_drawing_is_refused_in_plain_words(
    data: bytes, words: str
) -> None:
    text = _refusal(data)
    assert words in text
    assert "plain SVG" in text  # the hint
    assert "PNG" in text


def test_a_use_bomb_is_refused_at_once() -> None:
    started = time.perf_counter()
    _refusal(_use_bomb(levels=30, fan=10))
    assert time.perf_counter() - started < 1


def test_too_many_svg_elements_are_refused() -> None:
    assert "elements" in _refusal(_svg('<rect width="1" height="1"/>' * 10_001))


def _gradient(stops: int, ident: str = "g") -> str:
    stop = '<stop offset="0.5" stop-color="#1f4e79"/>'
    return f'<linearGradient id="{ident}">{stop * stops}</linearGradient>'


@pytest.mark.parametrize(
    ("data", "words"),
    [  # each of these takes WeasyPrint minutes and gigabytes to draw
        (
            _svg(_gradient(32) + '<g fill="url(#g)">' + '<rect width="1"/>' * 7_000 + "</g>"),
            "paints more",
        ),
        (
            _svg(_gradient(3_000) + '<g style="fill:url(#g)">' + "<path/>" * 100 + "</g>"),
            "paints more",
        ),
        (_svg('<text y="9">' + "lorem ipsum " * 1_000 + "</text>"), "text"),
        (_svg('<text y="9">' + "<tspan>a</tspan>" * 2_000 + "</text>"), "text"),
        (_svg("<style>" + "".join(f".a{n}{{fill:red}}" for n in range(300)) + "</style>"), "style"),
        (_svg("<style>* {fill:red}</style>"), "style"),
        (
            _svg(
                "<style>.p {fill: url(#g)}</style>"
                + _gradient(32)
                + '<rect class="p" width="1"/>' * 7_000
            ),
            "paints more",
        ),
        (
            _svg(
                '<style>.c{clip-path:url(#k)}</style><clipPath id="k"><rect class="c"/></clipPath>'
            ),
            "itself",
        ),
        (_svg("<style>g g g g g g g g g g g g g g g g q {fill:red}</style>"), "style"),
        (_svg("<style>rect:nth-child(2n) {fill:red}</style>"), "nth-child"),
    ],
)
def test_an_svg_too_costly_to_draw_is_refused(data: bytes, words: str) -> None:
    assert words in _refusal(data)


@pytest.mark.parametrize(
    "value",
    ["a" * 1_000_000, "url(#" + "a" * 1_000_000, "id " + " " * 1_000_000, "(" * 1_000_000],
)
def test_a_long_svg_attribute_is_checked_in_linear_time(value: str) -> None:
    started = time.perf_counter()
    data = _svg(f'<rect width="1" fill="{value}" style="{value}"/>')
    with contextlib.suppress(BriefError):
        check_image(data, "logo.svg", AT)
    assert time.perf_counter() - started < 2


def test_an_inkscape_logo_with_a_gradient_per_path_is_accepted() -> None:
    base = _gradient(3, "base")
    shades = "".join(f'<linearGradient id="s{n}" xlink:href="#base"/>' for n in range(1_000))
    paths = "".join(f'<path d="M0 0h{n}v1z" style="fill:url(#s{n})"/>' for n in range(1_000))
    data = _svg(f"<defs>{base}{shades}</defs><g>{paths}</g>")
    assert check_image(data, "logo.svg", AT).media_type == "image/svg+xml"


@pytest.mark.parametrize(
    "body",
    [
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/>'
        '<stop offset="1" stop-color="#000"/></linearGradient>'
        '<linearGradient id="h" xlink:href="#g" x2="0"/></defs>'
        '<rect width="9" height="9" fill="url(#g)" style="stroke:url(\'#h\');stroke-width:2"/>',
        '<defs><symbol id="s"><circle r="4" cx="5" cy="5"/></symbol>'
        '<clipPath id="c"><rect width="5" height="5"/></clipPath></defs>'
        '<use href="#s" x="10"/><use xlink:href="#s" clip-path="url(#c)" transform="scale(2)"/>',
        '<style>.a { fill: #1f4e79; font-family: "Brief Sans", sans-serif }</style>'
        '<title>Logo</title><g class="a"><text x="0" y="10">Thorn &amp; Co</text></g>'
        '<text font-family="serif" style="font: 9px \'Brief Serif\' !important">Co</text>',
        '<style type="text/css">.st0{fill:url(#SVGID_1_);} .st1, rect#r {fill:#1F4E79;}</style>'
        '<linearGradient id="SVGID_1_" gradientUnits="userSpaceOnUse" x1="0" y1="0" x2="9" y2="9">'
        '<stop offset="0" style="stop-color:#FFFFFF"/></linearGradient>'
        '<path class="st0" d="M0 0h9v9z"/><rect id="r" class="st1" width="9" height="9"/>',
        '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:cc="http://creativecommons.org/ns#">'
        '<cc:Work rdf:about=""><dc:format>image/svg+xml</dc:format><dc:type'
        ' rdf:resource="http://purl.org/dc/dcmitype/StillImage"/><dc:title>Logo</dc:title>'
        '</cc:Work></rdf:RDF></metadata><rect width="9" height="9"/>',
    ],
)
def test_a_plain_svg_with_gradients_symbols_styles_and_metadata_is_accepted(body: str) -> None:
    image = check_image(b'<?xml version="1.0" encoding="UTF-8"?>\n' + _svg(body), "logo.svg", AT)
    assert image.media_type == "image/svg+xml"


# ------------------------------------------------------------------ raster: decoded in full
def _jpeg() -> bytes:
    stream = io.BytesIO()
    Image.effect_noise((64, 64), 60).convert("RGB").save(stream, format="JPEG")
    return stream.getvalue()


def test_a_whole_jpeg_is_accepted_and_a_truncated_one_refused() -> None:
    data = _jpeg()
    assert check_image(data, "logo.jpg", AT).media_type == "image/jpeg"
    assert "readable" in _refusal(data[: len(data) // 2], "logo.jpg")


def test_a_truncated_jpeg_is_refused_after_weasyprint_allowed_truncated_images(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)  # as importing WeasyPrint does
    data = _jpeg()
    assert "readable" in _refusal(data[: len(data) // 2], "logo.jpg")
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # WeasyPrint's setting is left as it was


def test_an_image_format_pillow_knows_but_brief_does_not_is_never_decoded() -> None:
    stream = io.BytesIO()
    Image.new("RGB", (8, 8)).save(stream, format="GIF")
    assert "PNG or JPEG" in _refusal(stream.getvalue(), "logo.gif")


def _progressive_jpeg(scans: int, side: int = 16) -> bytes:
    """A valid progressive JPEG of one grey component with `scans` identical AC scans."""

    def segment(marker: int, payload: bytes) -> bytes:
        return bytes([0xFF, marker]) + (len(payload) + 2).to_bytes(2, "big") + payload

    header = segment(0xDB, b"\x00" + bytes([1] * 64))
    header += segment(0xC2, bytes([8]) + side.to_bytes(2, "big") * 2 + bytes([1, 1, 0x11, 0]))
    header += segment(0xC4, bytes([0x00, 1] + [0] * 15 + [0]))  # DC: category 0 only
    header += segment(0xC4, bytes([0x10, 1] + [0] * 15 + [0xE0]))  # AC: EOB runs only
    blocks = (side // 8) ** 2
    dc = segment(0xDA, bytes([1, 1, 0x00, 0, 0, 0x00])) + b"\x00" * ((blocks + 7) // 8)
    run = (blocks - (1 << 14)) % (1 << 14)  # one EOB run of `blocks`, padded with ones
    bits = f"0{run:014b}".ljust(16, "1")
    ac = segment(0xDA, bytes([1, 1, 0x00, 1, 63, 0x00])) + int(bits, 2).to_bytes(2, "big")
    return b"\xff\xd8" + header + dc + ac * scans + b"\xff\xd9"


def test_a_jpeg_with_too_many_scans_is_refused_before_it_is_decoded() -> None:
    assert check_image(_progressive_jpeg(10), "logo.jpg", AT).media_type == "image/jpeg"
    assert check_image(_jpeg(), "logo.jpg", AT).media_type == "image/jpeg"
    assert "a JPEG with 202 scans" in _refusal(_progressive_jpeg(201), "logo.jpg")


def _paths(count: int, length: int) -> str:
    segment = "c0.125 -0.25 0.5 0.75 -1.25 1.5"  # six numbers
    return "".join(f'<path d="M{n} 0{segment * (length // 32)}z"/>' for n in range(count))


def test_an_svg_that_draws_too_much_geometry_is_refused() -> None:
    arcs = "".join(f"A9 9 0 1 1 {n % 97} {n % 89}" for n in range(1_000))
    uses = '<use href="#p1"/>' * 10
    bomb = f'<defs><path id="p0" d="M0 0{arcs}"/><g id="p1">{uses.replace("p1", "p0")}</g></defs>'
    assert "geometry" in _refusal(_svg(bomb + uses))
    points = " ".join(["1,2"] * 20_000)
    polygon = f'<polygon id="p1" points="{points}"/>'
    assert "geometry" in _refusal(_svg(polygon + uses * 2))


def test_a_logo_of_300_paths_of_3_kb_is_accepted() -> None:
    data = _svg(_paths(300, 3_000))
    assert len(data) > 850_000
    assert check_image(data, "logo.svg", AT).media_type == "image/svg+xml"


@pytest.mark.parametrize(
    "body",
    [
        '<text font-family="DejaVu Sans Mono">Thorn</text>',
        '<text font-family="serif, DejaVu Sans">Thorn</text>',
        '<text font-family="monospace">Thorn</text>',
        "<text style=\"font-family: 'DejaVu Sans'\">Thorn</text>",
        '<text style="FONT: 12px DejaVu Sans">Thorn</text>',
        '<text font="12px DejaVu Sans">Thorn</text>',
        "<style>text { font-family: Arial }</style><text>Thorn</text>",
        "<style>.a { fill: red; font-family/**/: Arial }</style><text>Thorn</text>",
    ],
)
def test_an_svg_naming_a_system_font_is_refused(body: str) -> None:
    text = _refusal(_svg(body))
    assert "font" in text
    assert "outlines" in text  # the hint
