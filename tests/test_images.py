"""The organisation's logo: shown in every output, and refused when it is not a safe image."""

from __future__ import annotations

import io
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

import brief
from brief import BriefError, BuildOptions
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
