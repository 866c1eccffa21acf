"""A build reads only what it may and reaches no network, proved with a Python audit hook."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, ROOT

pytestmark = pytest.mark.slow  # builds outputs: left out of the quick loop (`pytest -m "not slow"`)

# WeasyPrint is imported before the hook: at import its library lookup (cffi, then
# ctypes.util.find_library) runs ldconfig and gcc once, whatever the source says (docs/security.md).
HOOK = r"""
import json, os, sys
import weasyprint
events = []
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        events.append(["open", os.fsdecode(args[0])])
    elif event == "socket.connect":
        events.append(["connect", repr(args[1])])
    elif event in ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn"):
        events.append(["run", repr(args)])
sys.addaudithook(hook)
import brief
from pathlib import Path
brief.build(sys.argv[1], brief.BuildOptions(out_dir=Path(sys.argv[2])))
hook_out = sys.argv[3]
sys.addaudithook(lambda *a: None)
with open(hook_out, "w") as stream:
    json.dump(events, stream)
"""

HOSTILE = """\
brief: 1
meta:
  title: "{{ 7*7 }} <script>alert(1)</script>"
  lang: en
  date: 2024-01-01
summary: |
  <a href="javascript:alert(1)">click</a> <img src="http://169.254.169.254/">
  <iframe src="https://example.org"></iframe> <img src="file:///etc/passwd"> {{ 7*7 }}
sources:
  - id: s
    title: "<object data='x'>"
    url: https://example.org/a
"""


def _audit(source: Path, out: Path, tmp_path: Path) -> list[list[str]]:
    log = tmp_path / "events.json"
    subprocess.run(
        [sys.executable, "-c", HOOK, str(source), str(out), str(log)], check=True, cwd=tmp_path
    )
    return json.loads(log.read_text())


def _allowed_roots(source: Path, out: Path) -> list[Path]:
    paths = sysconfig.get_paths()
    return [
        p.resolve()
        for p in (
            source,
            out,
            Path(tempfile.gettempdir()),
            ROOT / "brief",
            ROOT / "templates",
            ROOT / "assets",
            Path(sys.prefix),
            Path(sys.base_prefix),
            Path(paths["stdlib"]),
            Path(paths["purelib"]),
            Path(paths["platlib"]),
            # System tables read by the standard library at fixed paths, never named by a source:
            # mimetypes reads the MIME table, and time zone lookups read the zoneinfo database.
            Path("/etc/mime.types"),
            Path("/usr/share/zoneinfo"),
        )
    ]


def test_building_the_example_opens_only_allowed_files_and_no_socket(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    events = _audit(EXAMPLE, out, tmp_path)
    roots = _allowed_roots(EXAMPLE, out)
    opened = [Path(path).resolve() for kind, path in events if kind == "open"]
    assert opened
    outside = [
        str(path)
        for path in opened
        if not any(path.is_relative_to(root) for root in roots)
        and not str(path).startswith(("/dev/", "/proc/"))
    ]
    assert outside == []
    assert [event for event in events if event[0] in ("connect", "run")] == []


def test_hostile_markup_is_printed_as_text_and_fetches_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "brief.yaml").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "dist"
    events = _audit(folder, out, tmp_path)
    assert [event for event in events if event[0] in ("connect", "run")] == []
    assert not any("/etc/passwd" in path for kind, path in events if kind == "open")
    html = (out / "hostile.html").read_text(encoding="utf-8")
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)  # embedded fonts hold any digits
    assert "{{ 7*7 }}" in html
    assert "49" not in html
    for tag in ("<script", "<iframe", "<img", "<object"):
        assert tag not in html
    assert 'href="javascript:' not in html
    assert 'href="file:' not in html


# ------------------------------------------------------------------ the renderer's resources
# WeasyPrint receives only the bytes that were checked (issue 16): the brief's folder is never
# read while rendering, and a file: URL is served only when the path WeasyPrint would read again
# is the path that was checked.
LOGO_BRIEF = """\
brief: 1
meta:
  title: "A logo"
  lang: en
  date: 2024-01-01
  organization:
    name: Thorn
    logo: logo.png
    logo_alt: "Thorn's logo"
"""


def _png(colour: tuple[int, int, int]) -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def test_the_pdf_renderer_reads_nothing_from_the_briefs_folder(tmp_path: Path) -> None:

    from brief.errors import BriefError
    from brief.write.pdf import layout_pdf

    (tmp_path / "logo.png").write_bytes(_png((200, 0, 0)))
    html = '<html><body><img src="logo.png" alt="x"/></body></html>'
    with pytest.raises(BriefError) as caught:
        layout_pdf(html, tmp_path, "brief.yaml")
    assert caught.value.diagnostics[0].code == "B404"


def test_a_file_url_with_a_fragment_or_query_is_refused_even_inside_an_allowed_folder(
    tmp_path: Path,
) -> None:

    from brief.write.pdf import _fetcher_class

    image = tmp_path / "x.png"
    image.write_bytes(_png((0, 200, 0)))
    (tmp_path / "x.png#").mkdir()
    fetcher = _fetcher_class()([tmp_path], {})
    assert fetcher.fetch(image.as_uri()).read() == image.read_bytes()
    for tail in (
        "#x",
        "?x",
        "#%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "%23/../../../etc/passwd",
    ):
        with pytest.raises(ValueError, match="refused"):
            fetcher.fetch(image.as_uri() + tail)
    assert len(fetcher.refused) == 4


def test_the_pdf_shows_the_checked_logo_bytes(tmp_path: Path) -> None:
    import brief
    from brief.analyse import analyse
    from brief.compose.assemble import ComposeOptions, compose
    from brief.compose.render import pdf_resources, render_page

    (tmp_path / "brief.yaml").write_text(LOGO_BRIEF, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(_png((200, 0, 0)))
    report = brief.check(tmp_path)
    document = compose(report.brief, analyse(report.brief), ComposeOptions())
    (tmp_path / "logo.png").write_bytes(_png((0, 0, 200)))  # changed after it was checked
    html = render_page(document, "pdf")
    assert 'src="brief-image:logo"' in html
    assert "logo.png" not in html
    assert pdf_resources(document)["brief-image:logo"] == (_png((200, 0, 0)), "image/png")


def test_an_svg_logo_is_drawn_as_svg_even_when_its_bytes_also_read_as_a_raster(
    tmp_path: Path,
) -> None:
    """A plain SVG with "PCD_" at byte 2048 is also a PhotoCD file to Pillow: WeasyPrint, when it
    guessed the type, tried Pillow first and drew a 512×768 picture nobody had checked."""
    import brief
    from brief import BuildOptions

    from .conftest import require_tool

    head = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40">'
        b'<rect width="100" height="40" fill="#336"/><desc>'
    )
    body = head + b"x" * (2048 - len(head)) + b"PCD_" + b"y" * 1600 + b"</desc></svg>"
    (tmp_path / "logo.svg").write_bytes(body)
    (tmp_path / "brief.yaml").write_text(
        LOGO_BRIEF.replace("logo.png", "logo.svg"), encoding="utf-8"
    )
    result = brief.build(tmp_path, BuildOptions(out_dir=tmp_path / "out", formats=("pdf",)))
    listed = subprocess.run(
        [require_tool("pdfimages"), "-list", result.outputs[0].path],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    assert listed[2:] == []  # no raster image: the logo is vector drawing
