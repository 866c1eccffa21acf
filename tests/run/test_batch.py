"""Batch builds: one name per output, and no brief's failure stops or hides the others."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

import brief
from brief import BuildOptions
from brief.errors import BriefError, ExitCode
from brief.read.load import Source
from brief.run.batch import BatchItem, Job, build_many, build_one
from brief.run.cli import main
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.slow  # builds outputs: left out of the quick loop (`pytest -m "not slow"`)


def _copy(tmp_path: Path, *parts: str) -> Path:
    folder = tmp_path.joinpath(*parts)
    shutil.copytree(EXAMPLE, folder)
    return folder


def _broken(tmp_path: Path, name: str = "broken") -> Path:
    folder = _copy(tmp_path, name)
    source = folder / "brief.yaml"
    source.write_text(source.read_text().replace("  title:", "  titel:", 1))
    return folder


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out, err)
    return code, out.getvalue(), err.getvalue()


def test_two_briefs_with_one_name_are_refused_before_anything_is_built(tmp_path: Path) -> None:
    first, second = _copy(tmp_path, "x", "brief"), _copy(tmp_path, "y", "brief")
    out = tmp_path / "dist"
    code, _, err = _run(["build", str(first), str(second), "-f", "html", "-o", str(out), "-j", "2"])
    assert code == ExitCode.INPUT_ERROR
    assert "B413" in err
    assert str(first) in err
    assert str(second) in err
    assert "brief.html" in err
    assert "-o" in err  # the hint: different output folders, or rename a folder
    assert "Traceback" not in err
    assert not out.exists() or not any(out.iterdir())


def test_names_differing_only_in_case_are_refused(tmp_path: Path) -> None:
    folders = [_copy(tmp_path, "a", "thorn"), _copy(tmp_path, "b", "Thorn")]  # one file on macOS
    with pytest.raises(BriefError) as caught:
        build_many(folders, BuildOptions(out_dir=tmp_path / "out", formats=("html",)))
    assert caught.value.diagnostics[0].code == "B413"
    assert not (tmp_path / "out").exists()


def test_a_folder_and_a_file_of_one_name_are_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path, "a", "notes")
    (tmp_path / "b").mkdir()
    file = tmp_path / "b" / "notes.yaml"
    shutil.copy(folder / "brief.yaml", file)
    with pytest.raises(BriefError) as caught:
        build_many([folder, file], BuildOptions(out_dir=tmp_path / "out", formats=("html",)))
    assert caught.value.diagnostics[0].code == "B413"
    assert str(folder) in caught.value.diagnostics[0].message
    assert str(file) in caught.value.diagnostics[0].message


def test_a_brief_named_batch_would_lose_its_report_to_the_batchs(tmp_path: Path) -> None:
    folders = [_copy(tmp_path, "batch"), _copy(tmp_path, "thorn")]
    with pytest.raises(BriefError) as caught:
        build_many(folders, BuildOptions(out_dir=tmp_path / "out", formats=("html",)))
    assert "batch.report.json" in caught.value.diagnostics[0].message


def test_one_brief_given_alone_is_never_refused_for_its_name(tmp_path: Path) -> None:
    folder = _copy(tmp_path, "batch")
    items = build_many([folder], BuildOptions(out_dir=tmp_path / "out", formats=("html",)))
    assert items[0].exit_code == ExitCode.OK


@pytest.mark.parametrize("source", ["thorn", "thorn/brief.yaml", "."])
def test_the_batch_predicts_the_names_the_build_gives(tmp_path: Path, source: str) -> None:
    from brief.run.batch import output_name

    _copy(tmp_path, "thorn")
    here = Path.cwd()
    os.chdir(tmp_path / "thorn" if source == "." else tmp_path)
    try:
        assert output_name(Path(source)) == brief.check(Path(source)).brief.name
    finally:
        os.chdir(here)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failed_brief_neither_stops_nor_hides_the_others(tmp_path: Path, jobs: int) -> None:
    sources = [_broken(tmp_path), tmp_path / "missing", _copy(tmp_path, "good")]
    out = tmp_path / "out"
    code, printed, err = _run(
        ["build", *map(str, sources), "-f", "html", "-o", str(out), "-j", str(jobs)]
    )
    assert code == ExitCode.INPUT_ERROR
    assert "B201" in err
    assert "B100" in err
    assert "good.html" in printed
    assert (out / "good.html").is_file()
    assert (out / "batch.report.json").is_file()


def test_an_unexpected_exception_is_that_briefs_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = brief.run.batch.build_files

    def flaky(source: Source, options: BuildOptions, row: object = None, **more: Any) -> object:
        if "bad" in str(source.folder):
            raise RuntimeError("a bug in brief")
        return real(source, options, row, **more)

    monkeypatch.setattr("brief.run.batch.build_files", flaky)
    sources = [_copy(tmp_path, "bad"), _copy(tmp_path, "good")]
    out = tmp_path / "out"
    code, _, err = _run(["build", *map(str, sources), "-f", "html", "-o", str(out)])
    assert code == ExitCode.INPUT_ERROR
    assert "B503" in err
    assert "RuntimeError: a bug in brief" in err
    assert "Traceback" not in err
    assert (out / "good.html").is_file()


def _crashing_worker(job: Job, options: BuildOptions) -> BatchItem:
    """A worker for the pool tests: crashes its process, raises, or succeeds by the name."""
    source = job.source
    if source.endswith("crash"):
        os._exit(3)
    if source.endswith("raise"):
        raise SystemExit("a library called sys.exit")  # not an Exception: escapes build_one
    return BatchItem(source, ExitCode.OK)


def test_a_worker_that_dies_fails_its_own_brief_only() -> None:
    sources = ["one", "crash", "two", "raise", "three"]
    items = build_many(sources, BuildOptions(), jobs=2, worker=_crashing_worker)
    assert [item.source for item in items] == sources
    codes = {item.source: item.exit_code for item in items}
    assert codes == {"one": 0, "crash": 2, "two": 0, "raise": 2, "three": 0}
    assert items[1].diagnostics[0].code == "B503"
    assert "SystemExit: a library called sys.exit" in items[3].diagnostics[0].message


def test_build_one_turns_any_exception_into_an_item(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(source: Source, options: BuildOptions, row: object = None) -> object:
        raise MemoryError

    monkeypatch.setattr("brief.run.batch.build_files", boom)
    monkeypatch.setattr("brief.run.api.load", lambda source: object())
    item = build_one("somewhere", BuildOptions())
    assert item.exit_code == ExitCode.INPUT_ERROR
    assert item.diagnostics[0].code == "B503"
    assert "somewhere" in str(item.diagnostics[0].location)


def test_pool_workers_remove_their_font_folders_when_they_exit(tmp_path: Path) -> None:
    """Each worker keeps a renderer (parsed stylesheets and their fonts' temporary folders) for
    all its briefs, and closes it when the pool ends: nothing is left in the temporary folder."""
    import subprocess
    import sys

    scratch, out = tmp_path / "tmp", tmp_path / "out"
    scratch.mkdir()
    sources = [str(_copy(tmp_path, name)) for name in ("one", "two", "three")]
    done = subprocess.run(
        [sys.executable, "-m", "brief", "build", *sources, "-f", "pdf", "-j", "2", "-o", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "TMPDIR": str(scratch), "XDG_CACHE_HOME": str(tmp_path / "cache")},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in out.glob("*.pdf")) == ["one.pdf", "three.pdf", "two.pdf"]
    assert list(scratch.iterdir()) == []
    assert "Exception ignored" not in done.stderr
