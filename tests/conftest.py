"""Shared fixtures: the example, temporary briefs, the CLI in-process, and built outputs."""

from __future__ import annotations

import io
import os
import shutil
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

import brief
from brief import BuildOptions, Layout, Paper
from brief.run.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "thorn"


META = """\
brief: 1
meta:
  title: "Thorn and the numbers"
  lang: en
  date: 2018-01-10
"""


def write(folder: Path, text: str, name: str = "brief.yaml") -> Path:
    """Write a dedented text into `folder/name` and return its path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the CLI's output cache out of the user's home folder during tests."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))


@pytest.fixture
def example_path() -> Path:
    """The bundled example brief's folder."""
    return EXAMPLE


@pytest.fixture
def write_brief(tmp_path: Path) -> Callable[[str], Path]:
    """Write a brief.yaml into a fresh folder and return the folder."""

    def write(text: str, name: str = "case") -> Path:
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        (folder / "brief.yaml").write_text(text, encoding="utf-8")
        return folder

    return write


@pytest.fixture
def run_cli() -> Callable[..., tuple[int, str, str]]:
    """Run `brief` in-process and return (exit code, stdout, stderr)."""

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(list(argv), out, err)
        return code, out.getvalue(), err.getvalue()

    return run


def _build(tmp: Path, name: str, **options: object) -> Path:
    out = tmp / name
    result = brief.build(EXAMPLE, BuildOptions(out_dir=out, **options))  # type: ignore[arg-type]
    assert not result.stopped, [str(finding) for finding in result.report.findings]
    return out


@pytest.fixture(scope="session")
def built_handout_a4(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built in every format, handout layout on A4, with the print HTML kept."""
    return _build(tmp_path_factory.mktemp("a4"), "dist", paper=Paper.A4, keep_html=True)


@pytest.fixture(scope="session")
def built_handout_letter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's handout PDF on Letter paper."""
    return _build(tmp_path_factory.mktemp("letter"), "dist", paper=Paper.LETTER, formats=("pdf",))


@pytest.fixture(scope="session")
def built_brief_layout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's full `brief` layout PDF on A4."""
    return _build(tmp_path_factory.mktemp("brief"), "dist", layout=Layout.BRIEF, formats=("pdf",))


def require_tool(name: str) -> str:
    """Return a validator's path; a missing validator fails the run, never skips it."""
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    found = shutil.which(name, path=search)
    assert found, f"{name} is not installed: run scripts/setup.sh"
    return found
