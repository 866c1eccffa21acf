"""The EPUB checked by DAISY Ace (issue 5): no accessibility violations, left to right and right
to left. Ace is installed by scripts/setup.sh into tools/ace and drives Debian's chromium; a
missing Ace or chromium fails the run, it is never skipped."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import brief
from brief import BuildOptions

from .conftest import ROOT

pytestmark = pytest.mark.slow  # the quick loop (`pytest -m "not slow"`) leaves it out

ACE = ROOT / "tools" / "ace" / "node_modules" / ".bin" / "ace-cli"
LANGUAGES = Path(__file__).parent / "cases" / "languages"


def ace_violations(epub: Path, out: Path) -> list[str]:
    """Run DAISY Ace on `epub` and return its violations as 'document: rule (impact)' lines."""
    assert ACE.exists(), "DAISY Ace is not installed: run scripts/setup.sh"
    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium is not installed: run scripts/setup.sh"
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": chromium, "PUPPETEER_SKIP_DOWNLOAD": "1"}
    done = subprocess.run(
        [str(ACE), "--silent", "--force", "--outdir", str(out), str(epub)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    violations = [
        f"{document['earl:testSubject']['url']}: {check['earl:test']['dct:title']} "
        f"({check['earl:test']['earl:impact']})"
        for document in report["assertions"]
        for check in document["assertions"]
    ]
    assert (report["earl:result"]["earl:outcome"] == "pass") == (not violations)
    return violations


def test_example_epub_has_no_ace_violations(built_handout_a4: Path, tmp_path: Path) -> None:
    assert ace_violations(built_handout_a4 / "thorn.epub", tmp_path / "ace") == []


def test_right_to_left_epub_has_no_ace_violations(tmp_path: Path) -> None:
    folder = tmp_path / "ar"
    folder.mkdir()
    (folder / "brief.yaml").write_bytes((LANGUAGES / "ar.yaml").read_bytes())
    result = brief.build(folder, BuildOptions(out_dir=tmp_path / "out", formats=("epub",)))
    assert not result.stopped
    (epub,) = (tmp_path / "out").glob("*.epub")
    assert ace_violations(epub, tmp_path / "ace") == []


def test_ace_reports_a_real_violation(built_handout_a4: Path, tmp_path: Path) -> None:
    """Ace is really looking: an EPUB without its package language is reported."""
    import zipfile

    broken = tmp_path / "broken.epub"
    with (
        zipfile.ZipFile(built_handout_a4 / "thorn.epub") as source,
        zipfile.ZipFile(broken, "w") as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith(".opf"):
                data = data.replace(b' xml:lang="en"', b"", 1)
            target.writestr(info, data, compress_type=info.compress_type)
    assert any("epub-lang" in line for line in ace_violations(broken, tmp_path / "ace"))
