"""The installed wheel carries templates, assets and fonts, and builds the example by itself."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, ROOT

pytestmark = pytest.mark.slow  # the quick loop (`pytest -m "not slow"`) leaves it out


def test_the_wheel_builds_the_example_without_the_checkout(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path / "wheel"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next((tmp_path / "wheel").glob("brief-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "brief/_data/templates/page.html.j2" in names
    assert "brief/_data/assets/fonts/NotoSerif-Regular.ttf" in names
    assert "brief/_data/assets/fonts/LICENSE-Noto.txt" in names
    assert not any(name.startswith("tests/") for name in names)
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    example = tmp_path / "thorn"
    subprocess.run(["cp", "-r", str(EXAMPLE), str(example)], check=True)
    env = {**os.environ, "PYTHONPATH": str(site)}
    script = (
        "import brief, brief.resources as r; "
        f"assert brief.__file__.startswith({str(site)!r}), brief.__file__; "
        "assert '_data' in str(r.template_dir()), r.template_dir(); "
        "import sys; from brief.run.cli import main; "
        f"sys.exit(main(['build', {str(example)!r}, '-o', {str(tmp_path / 'dist')!r}]))"
    )
    subprocess.run([sys.executable, "-c", script], check=True, env=env, cwd=tmp_path)
    assert sorted(path.suffix for path in (tmp_path / "dist").iterdir()) == [
        ".epub",
        ".html",
        ".json",
        ".pdf",
    ]
