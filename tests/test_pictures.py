"""Pictures (`images:`, issue 11): a picture beside the summary or on the cover, with alt text, a
caption and a credit, in the PDF, EPUB and web page; checked like the logo, and never dropped in
silence when a handout needs the room."""

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
from brief.model import Layout

from .conftest import META, require_tool

pytestmark = pytest.mark.slow  # builds outputs: left out of the quick loop (`pytest -m "not slow"`)

PICTURE = """\
images:
  - id: queue
    file: queue.png
    alt: "People waiting in line outside the pantry door"
    caption: "Saturday morning at the pantry"
    credit: "Photo: Ana Ruiz, CC BY 4.0"
"""
COVER = """\
  - id: door
    file: door.png
    alt: "The pantry's front door"
    place: cover
"""


def _png(path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (240, 160)) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())


@pytest.fixture
def pictured(write_brief: Callable[[str], Path]) -> Callable[[str], Path]:
    def write(text: str) -> Path:
        folder = write_brief(text)
        _png(folder / "queue.png", (200, 60, 20))
        _png(folder / "door.png", (20, 60, 200))
        return folder

    return write


def _codes(folder: Path) -> list[tuple[str, int]]:
    with pytest.raises(BriefError) as caught:
        brief.check(folder)
    return [(d.code, d.location.line) for d in caught.value.diagnostics if d.location]


def test_a_picture_shows_in_every_output_with_its_words(
    pictured: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = pictured(META + PICTURE + COVER)
    brief.build(folder, BuildOptions(out_dir=tmp_path, formats=("html", "epub")))
    html = (tmp_path / "case.html").read_text(encoding="utf-8")
    figure = html.split('<figure class="picture picture-summary" id="picture-queue">')[1]
    figure = figure.split("</figure>")[0]
    assert 'src="data:image/png;base64,' in figure
    assert 'alt="People waiting in line outside the pantry door"' in figure
    assert "Saturday morning at the pantry" in figure
    assert '<span class="credit">Photo: Ana Ruiz, CC BY 4.0</span>' in figure
    masthead = html.split('id="masthead"')[1].split("</header>")[0]
    assert 'id="picture-door"' in masthead  # the cover picture tops the web page
    with zipfile.ZipFile(tmp_path / "case.epub") as book:
        names = book.namelist()
        assert "EPUB/images/picture-queue.png" in names
        assert book.read("EPUB/images/picture-queue.png") == (folder / "queue.png").read_bytes()
        summary = book.read("EPUB/summary.xhtml").decode()
        assert 'src="images/picture-queue.png"' in summary
        assert 'alt="People waiting in line outside the pantry door"' in summary


def test_a_handout_prints_the_picture_from_the_checked_bytes(
    pictured: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = pictured(META + PICTURE)
    brief.build(folder, BuildOptions(out_dir=tmp_path, formats=("pdf",)))
    pdfimages = require_tool("pdfimages")
    listed = subprocess.run(
        [pdfimages, "-list", str(tmp_path / "case.pdf")], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert [row.split()[3:5] for row in listed] == [["240", "160"]], listed
    text = subprocess.run(
        [require_tool("pdftotext"), str(tmp_path / "case.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Saturday morning at the pantry" in text
    assert "Photo: Ana Ruiz, CC BY 4.0" in text


def test_a_picture_needs_alt_text(pictured: Callable[[str], Path]) -> None:
    folder = pictured(
        META + PICTURE.replace('"People waiting in line outside the pantry door"', '""')
    )
    assert _codes(folder) == [("B211", 9)]
    folder = pictured(META + PICTURE.replace('    alt: "People waiting', '    # alt: "'))
    assert [code for code, _ in _codes(folder)] == ["B202"]


def test_one_cover_picture_at_most(pictured: Callable[[str], Path]) -> None:
    second = COVER.replace("id: door", "id: door-2")
    assert _codes(pictured(META + PICTURE + COVER + second)) == [("B213", 19)]


def test_no_more_than_eight_pictures(pictured: Callable[[str], Path]) -> None:
    many = "".join(
        COVER.replace("id: door", f"id: p{n}").replace("place: cover", "place: summary")
        for n in range(9)
    )
    codes = _codes(pictured(META + "images:\n" + many))
    assert [code for code, _ in codes] == ["B213"]


def test_a_picture_outside_the_folder_is_refused(pictured: Callable[[str], Path]) -> None:
    folder = pictured(META + PICTURE.replace("file: queue.png", "file: ../outside.png"))
    _png(folder.parent / "outside.png", (0, 0, 0))
    assert [code for code, _ in _codes(folder)] == ["B401"]


def test_a_picture_that_is_not_an_image_is_refused(pictured: Callable[[str], Path]) -> None:
    folder = pictured(META + PICTURE)
    (folder / "queue.png").write_bytes(b"%PDF-1.7 not a picture")
    assert [code for code, _ in _codes(folder)] == ["B405"]


def test_a_full_handout_moves_its_pictures_and_says_so(
    pictured: Callable[[str], Path], tmp_path: Path
) -> None:
    # A summary just too long for fit level 2 (tighter spacing, smaller type): level 3 makes
    # room by moving what is not text, and says what it moved.
    summary = "summary: |\n  " + "A long summary sentence that fills the page. " * 290 + "\n"
    folder = pictured(META + summary + PICTURE)
    result = brief.build(folder, BuildOptions(out_dir=tmp_path, formats=("pdf",)))
    notices = [d.message for d in result.notices if d.code == "O-fit"]
    assert len(notices) == 1
    assert "its pictures (1) moved to the ebook and web page" in notices[0]
    listed = subprocess.run(
        [require_tool("pdfimages"), "-list", str(tmp_path / "case.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[2:]
    assert ["240", "160"] not in [row.split()[3:5] for row in listed]


def test_the_ebook_cover_shows_the_cover_picture(
    pictured: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = pictured(META + "images:\n" + COVER)
    brief.build(folder, BuildOptions(out_dir=tmp_path, formats=("epub",)))
    with zipfile.ZipFile(tmp_path / "case.epub") as book:
        cover = Image.open(io.BytesIO(book.read("EPUB/cover.png"))).convert("RGB")
    assert cover.getpixel((10, 10)) == (20, 60, 200)  # the band is the picture
    assert cover.getpixel((10, cover.height - 10)) == (255, 255, 255)


def test_the_brief_layout_cover_shows_the_cover_picture(
    pictured: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = pictured(META + "images:\n" + COVER)
    options = BuildOptions(out_dir=tmp_path, formats=("pdf",), layout=Layout.BRIEF)
    brief.build(folder, options)
    listed = subprocess.run(
        [require_tool("pdfimages"), "-list", str(tmp_path / "case.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[2:]
    assert [row.split()[:1] + row.split()[3:5] for row in listed] == [["1", "240", "160"]]
