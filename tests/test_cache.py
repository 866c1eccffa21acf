"""The output cache: an unchanged rebuild re-publishes identical bytes; any change rebuilds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import brief
from brief import BuildOptions
from tests.conftest import EXAMPLE


def test_an_unchanged_rebuild_comes_from_the_cache_with_identical_bytes(tmp_path: Path) -> None:
    options = BuildOptions(
        out_dir=tmp_path / "one", formats=("pdf", "html"), cache_dir=tmp_path / "cache"
    )
    first = brief.build(EXAMPLE, options)
    second = brief.build(
        EXAMPLE,
        BuildOptions(
            out_dir=tmp_path / "two", formats=("pdf", "html"), cache_dir=tmp_path / "cache"
        ),
    )
    assert not first.cached
    assert second.cached
    assert [o.sha256 for o in first.outputs] == [o.sha256 for o in second.outputs]
    assert second.outputs[0].path == str(tmp_path / "two" / "thorn.pdf")
    for name in ("thorn.pdf", "thorn.html"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_a_changed_source_or_option_is_built_again(tmp_path: Path) -> None:
    folder = tmp_path / "thorn"
    shutil.copytree(EXAMPLE, folder)
    cache = tmp_path / "cache"
    brief.build(folder, BuildOptions(out_dir=tmp_path / "a", formats=("html",), cache_dir=cache))
    other_option = brief.build(
        folder,
        BuildOptions(
            out_dir=tmp_path / "b", formats=("html",), cache_dir=cache, paper=brief.Paper.LETTER
        ),
    )
    assert not other_option.cached
    summary = folder / "summary.md"
    summary.write_text(summary.read_text() + "\nOne more sentence.\n")
    changed = brief.build(
        folder, BuildOptions(out_dir=tmp_path / "c", formats=("html",), cache_dir=cache)
    )
    assert not changed.cached
    assert "One more sentence." in (tmp_path / "c" / "thorn.html").read_text()


def test_no_cache_option_always_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    from brief.cli import main

    assert main(["build", str(EXAMPLE), "-f", "html", "-o", str(tmp_path / "a"), "-q"]) == 0
    assert (tmp_path / "xdg" / "brief").is_dir()
    assert (
        main(["build", str(EXAMPLE), "-f", "html", "-o", str(tmp_path / "b"), "-q", "--no-cache"])
        == 0
    )


def test_a_cached_pdf_rebuild_never_imports_weasyprint(tmp_path: Path) -> None:
    import subprocess
    import sys

    cache = tmp_path / "cache"
    brief.build(EXAMPLE, BuildOptions(out_dir=tmp_path / "one", formats=("pdf",), cache_dir=cache))
    script = (
        "import sys, brief\n"
        "from pathlib import Path\n"
        f"options = brief.BuildOptions(out_dir=Path({str(tmp_path / 'two')!r}),"
        f" formats=('pdf',), cache_dir=Path({str(cache)!r}))\n"
        f"result = brief.build({str(EXAMPLE)!r}, options)\n"
        "print(result.cached, 'weasyprint' in sys.modules)\n"
    )
    reply = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert reply.split() == ["True", "False"]
    assert (tmp_path / "two" / "thorn.pdf").read_bytes() == (
        tmp_path / "one" / "thorn.pdf"
    ).read_bytes()
