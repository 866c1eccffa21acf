"""Random damage to a valid logo or font: accepted, or refused with B405 (images) or B406 (fonts),
never another exception, and within a bounded time and memory (brief/read/images.py,
brief/read/fonts.py)."""

from __future__ import annotations

import io
import time
import tracemalloc
from collections.abc import Callable
from functools import cache
from xml.sax.saxutils import escape, quoteattr

import pytest
from fontTools import subset
from fontTools.ttLib import TTFont
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from brief import BriefError
from brief.errors import Location
from brief.read.fonts import check_font
from brief.read.images import check_image
from brief.resources import font_dir

pytestmark = pytest.mark.slow  # the quick loop (`pytest -m "not slow"`) leaves it out

AT = Location("brief.yaml", 8, 11)
SECONDS = 5
PEAK_BYTES = 64_000_000
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
    b' width="40" height="20"><defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/>'
    b'</linearGradient><symbol id="s"><circle r="4"/></symbol></defs><style>.a{fill:red}</style>'
    b'<g class="a" fill="url(#g)" transform="translate(1 2)"><use href="#s"/>'
    b'<text y="9">Thorn</text></g></svg>'
)


def _raster(kind: str) -> bytes:
    stream = io.BytesIO()
    Image.effect_noise((24, 16), 40).convert("RGB").save(stream, format=kind)
    return stream.getvalue()


@cache
def _font(flavor: str | None) -> bytes:
    font = TTFont(font_dir() / "NotoSans-Regular.ttf")
    subsetter = subset.Subsetter()
    subsetter.populate(text="AB")
    subsetter.subset(font)
    font.flavor = flavor
    stream = io.BytesIO()
    font.save(stream)
    return stream.getvalue()


def _mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """Apply edits (kind, position, bytes): overwrite, insert, delete a run, or cut the file."""
    result = bytearray(data)
    for kind, position, chunk in edits:
        at = position % (len(result) + 1)
        if kind == 0:
            result[at : at + len(chunk)] = chunk
        elif kind == 1:
            result[at:at] = chunk
        elif kind == 2:
            del result[at : at + 1 + len(chunk) * 16]
        else:
            del result[at:]
    return bytes(result)


EDITS = st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 1 << 20), st.binary(min_size=1, max_size=8)),
    min_size=1,
    max_size=6,
)


def _refusal(check: Callable[[], object]) -> BriefError | None:
    try:
        check()
    except BriefError as caught:
        return caught
    return None


def _bounded(check: Callable[[], object], code: str) -> None:
    """Run a check: it returns or raises BriefError(code), quickly and in bounded memory."""
    started = time.perf_counter()
    tracemalloc.start()
    try:
        refusal = _refusal(check)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < SECONDS
    assert peak < PEAK_BYTES
    if refusal is not None:
        assert {diagnostic.code for diagnostic in refusal.diagnostics} == {code}
        assert all(diagnostic.location == AT for diagnostic in refusal.diagnostics)


FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(("name", "kind"), [("logo.png", "PNG"), ("logo.jpg", "JPEG")])
@FUZZ
@given(edits=EDITS)
def test_damaged_png_and_jpeg_logos_are_accepted_or_refused_with_b405(
    name: str, kind: str, edits: list[tuple[int, int, bytes]]
) -> None:
    data = _mutate(_raster(kind), edits)
    _bounded(lambda: check_image(data, name, AT), "B405")


@FUZZ
@given(edits=EDITS)
def test_damaged_svg_logos_are_accepted_or_refused_with_b405(
    edits: list[tuple[int, int, bytes]],
) -> None:
    data = _mutate(SVG, edits)
    _bounded(lambda: check_image(data, "logo.svg", AT), "B405")


NAMES = st.sampled_from(
    [
        *("g", "rect", "use", "linearGradient", "stop", "clipPath", "mask", "symbol", "text"),
        *("tspan", "style", "defs", "image", "a", "foreignObject", "set"),
    ]
)
ATTRIBUTES = st.sampled_from(
    [
        *("id", "fill", "stroke", "clip-path", "mask", "style", "href", "xlink:href"),
        *("transform", "onload", "xml:base", "class"),
    ]
)
VALUES = st.sampled_from(
    [
        *("a", "b", "c", "#a", "#b", "#c", "url(#a)", "url('#b')", "url(#c) red", "fill:url(#a)"),
        *("red", "rgb(1, 2, 3)", "translate(1 2)", "url(http://x/)", "u\\72l(x)", "@import 'x'"),
        *(")(", "url(#a", "href: #a", "http://x/", ".a{fill:red}", "* {fill:red}", "#a:hover"),
    ]
)


def _element(name: str, attributes: dict[str, str], children: list[str]) -> str:
    pairs = "".join(f" {key}={quoteattr(value)}" for key, value in attributes.items())
    return f"<{name}{pairs}>{''.join(children)}</{name}>"


ELEMENTS = st.recursive(
    st.one_of(
        st.builds(_element, NAMES, st.dictionaries(ATTRIBUTES, VALUES, max_size=3), st.just([])),
        st.builds(escape, VALUES),  # text, read as a style sheet inside <style>
    ),
    lambda inner: st.builds(
        _element,
        NAMES,
        st.dictionaries(ATTRIBUTES, VALUES, max_size=3),
        st.lists(inner, max_size=5),
    ),
    max_leaves=40,
)


@FUZZ
@given(body=st.lists(ELEMENTS, max_size=4))
def test_generated_svg_drawings_are_accepted_or_refused_with_b405(body: list[str]) -> None:
    data = SVG.replace(b"</svg>", "".join(body).encode() + b"</svg>")
    _bounded(lambda: check_image(data, "logo.svg", AT), "B405")


@pytest.mark.parametrize(
    ("name", "flavor"), [("font.ttf", None), ("font.woff", "woff"), ("font.woff2", "woff2")]
)
@FUZZ
@given(edits=EDITS)
def test_damaged_fonts_are_accepted_or_refused_with_b406(
    name: str, flavor: str | None, edits: list[tuple[int, int, bytes]]
) -> None:
    data = _mutate(_font(flavor), edits)
    _bounded(lambda: check_font(data, name, AT), "B406")
