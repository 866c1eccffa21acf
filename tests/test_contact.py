"""The `contact:` block (issue 11): how readers reach the organisation, at the foot of every
output, in the brief's language, with links a phone or mail program opens."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import brief
from brief import BriefError, BuildOptions

from .conftest import META

pytestmark = pytest.mark.slow  # builds outputs: left out of the quick loop (`pytest -m "not slow"`)

CONTACT = """\
contact:
  call_to_action: "Need food this week? Call or walk in."
  phone: "+1 (555) 010-0199"
  email: help@example.org
  web: https://example.org/pantry
  address: "12 Alder Street, open Tue-Sat 9-5"
"""


def test_the_contact_block_prints_at_the_foot_of_every_output(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = write_brief(META.replace("lang: en", "lang: es") + CONTACT)
    brief.build(folder, BuildOptions(out_dir=tmp_path, formats=("html", "epub")))
    html = (tmp_path / "case.html").read_text(encoding="utf-8")
    block = html.split('<aside class="contact"', 1)[1].split("</aside>", 1)[0]
    assert "Cómo contactarnos" in block
    assert "Need food this week? Call or walk in." in block
    assert 'href="tel:+15550100199"' in block
    assert 'href="mailto:help@example.org"' in block
    assert ">example.org/pantry</a>" in block
    assert html.index('class="contact"') > html.index('id="sources"')  # at the foot
    with zipfile.ZipFile(tmp_path / "case.epub") as book:
        assert any(b'class="contact"' in book.read(name) for name in book.namelist())


def test_a_contact_web_address_must_be_a_web_address(
    write_brief: Callable[[str], Path],
) -> None:
    folder = write_brief(META + "contact:\n  web: javascript:alert(1)\n")
    with pytest.raises(BriefError) as caught:
        brief.check(folder)
    assert [(d.code, d.location.line) for d in caught.value.diagnostics] == [("B203", 7)]


def test_a_handout_prints_its_contact_block(
    write_brief: Callable[[str], Path], tmp_path: Path
) -> None:
    import subprocess

    from .conftest import require_tool

    folder = write_brief(META + CONTACT)
    result = brief.build(folder, BuildOptions(out_dir=tmp_path, formats=("pdf",)))
    text = subprocess.run(
        [require_tool("pdftotext"), result.outputs[0].path, "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "Need food this week? Call or walk in." in text
    assert "help@example.org" in text
