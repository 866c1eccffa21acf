"""Links on paper: every printed QR code decodes (zbarimg) to a source's or the brief's address."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import brief
from brief import BuildOptions
from tests.conftest import require_tool

SOURCE = """\
brief: 1
meta:
  title: QR codes
  lang: en
  date: 2024-05-01
  url: https://example.org/briefs/qr
quotes:
  - id: q
    text: "We build tools so that one person can help a great many other people in need."
    speaker: Someone
    source: report
sources:
  - id: report
    title: Annual report
    publisher: Example
    url: https://example.org/report-2023
    archived: https://archive.example.org/report-2023
  - id: post
    title: A post
    publisher: Example
    url: https://example.org/post/42
"""


def _decode(pdf: Path, tmp_path: Path) -> set[str]:
    subprocess.run(
        [require_tool("pdftoppm"), "-r", "200", "-png", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    found: set[str] = set()
    for page in sorted(tmp_path.glob("page*.png")):
        result = subprocess.run(
            [require_tool("zbarimg"), "--quiet", "--raw", str(page)], capture_output=True, text=True
        )
        found |= {line for line in result.stdout.splitlines() if line}
    return found


def test_every_qr_code_decodes_to_its_address(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = write_brief(SOURCE)
    brief.build(folder, BuildOptions(out_dir=tmp_path / "dist", formats=("pdf",)))
    found = _decode(tmp_path / "dist" / "case.pdf", tmp_path)
    assert "https://example.org/briefs/qr" in found
    assert "https://example.org/report-2023" in found
    assert "https://example.org/post/42" in found
    quote_links = [url for url in found if "#:~:text=" in url]
    assert quote_links == [
        "https://example.org/report-2023#:~:text=We%20build%20tools%20so,other%20people%20in%20need."
    ]


def test_printed_urls_lose_their_scheme_and_archived_copies_are_printed(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = write_brief(SOURCE)
    brief.build(folder, BuildOptions(out_dir=tmp_path / "dist", formats=("pdf",)))
    text = subprocess.run(
        [require_tool("pdftotext"), str(tmp_path / "dist" / "case.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "example.org/report-2023" in text
    assert "https://example.org/report-2023" not in text
    assert "archive.example.org/report-2023" in text
