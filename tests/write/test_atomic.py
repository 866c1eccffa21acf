"""Publish step: outputs are replaced all or nothing, never half-written (brief/write/atomic.py)."""

from __future__ import annotations

import io
import os
import stat
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import brief
from brief.errors import BriefError
from brief.run.api import BuildOptions
from brief.run.cli import main
from brief.write import atomic
from brief.write.atomic import publish, remove_stale_temporaries, write_atomic

OLD = {"thorn.pdf": b"%PDF old", "thorn.epub": b"PK old", "thorn.html": b"<p>old</p>"}
NEW = {"thorn.pdf": b"%PDF new", "thorn.epub": b"PK new", "thorn.html": b"<p>new</p>"}
VALID = """\
brief: 1
meta:
  title: "Thorn and the numbers"
  lang: en
  date: 2018-01-10
"""


@pytest.fixture
def umask() -> Iterator[None]:
    """Run with a strict umask, so that modes come from the code, not the environment."""
    previous = os.umask(0o077)
    yield
    os.umask(previous)


def contents(folder: Path) -> dict[str, bytes]:
    """Return every file in `folder` (hidden ones too) with its bytes."""
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def old_outputs(tmp_path: Path) -> Path:
    out_dir = tmp_path / "dist"
    out_dir.mkdir()
    for name, data in OLD.items():
        (out_dir / name).write_bytes(data)
    return out_dir


def test_publish_writes_every_output_and_returns_their_paths(tmp_path: Path) -> None:
    written = publish(NEW, tmp_path / "dist")
    assert written == {name: tmp_path / "dist" / name for name in NEW}
    assert contents(tmp_path / "dist") == NEW


def test_publish_creates_a_missing_nested_output_folder(tmp_path: Path) -> None:
    publish(NEW, tmp_path / "a" / "b" / "dist")
    assert contents(tmp_path / "a" / "b" / "dist") == NEW


def test_publish_replaces_previous_outputs_and_leaves_other_files(tmp_path: Path) -> None:
    out_dir = old_outputs(tmp_path)
    (out_dir / "notes.txt").write_bytes(b"mine")
    publish(NEW, out_dir)
    assert contents(out_dir) == {**NEW, "notes.txt": b"mine"}


@pytest.mark.usefixtures("umask")
def test_published_files_are_readable_by_everyone_mode_0644(tmp_path: Path) -> None:
    publish(NEW, tmp_path / "dist")
    for name in NEW:
        assert stat.S_IMODE((tmp_path / "dist" / name).stat().st_mode) == 0o644


@pytest.mark.usefixtures("umask")
def test_write_atomic_gives_mode_0644_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "thorn.html"
    target.write_bytes(b"old")
    write_atomic(b"new", target)
    assert contents(tmp_path) == {"thorn.html": b"new"}
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_failure_staging_the_second_file_touches_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out_dir = old_outputs(tmp_path)
    real_stage = atomic._stage
    calls: list[Path] = []

    def failing_stage(data: bytes, target: Path) -> Path:
        calls.append(target)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_stage(data, target)

    monkeypatch.setattr(atomic, "_stage", failing_stage)
    with pytest.raises(BriefError) as caught:
        publish(NEW, out_dir)
    assert [d.code for d in caught.value.diagnostics] == ["B411"]
    assert "No space left on device" in caught.value.diagnostics[0].message
    assert contents(out_dir) == OLD  # byte-identical, and no temporary file left behind


def test_a_failure_replacing_the_second_file_leaves_every_old_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out_dir = old_outputs(tmp_path)
    real_replace = os.replace
    replaced_outputs: list[str] = []

    def failing_replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        if Path(target).parent == out_dir and not Path(target).name.startswith("."):
            replaced_outputs.append(Path(target).name)
            if len(replaced_outputs) == 2:
                raise OSError(13, "Permission denied")
        real_replace(source, target)

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    with pytest.raises(BriefError) as caught:
        publish(NEW, out_dir)
    monkeypatch.undo()
    assert [d.code for d in caught.value.diagnostics] == ["B411"]
    assert contents(out_dir) == OLD  # all or nothing: the first output is not left replaced


def test_a_failure_replacing_the_first_file_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out_dir = old_outputs(tmp_path)

    def failing_replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    with pytest.raises(BriefError):
        publish(NEW, out_dir)
    monkeypatch.undo()
    assert contents(out_dir) == OLD


def test_write_atomic_leaves_the_target_untouched_when_the_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "thorn.html"
    target.write_bytes(b"old")

    def failing_replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    with pytest.raises(OSError, match="Permission denied"):
        write_atomic(b"new", target)
    monkeypatch.undo()
    assert contents(tmp_path) == {"thorn.html": b"old"}


def test_an_output_folder_that_is_a_file_is_refused_with_b410(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "dist"
    not_a_folder.write_bytes(b"a file")
    with pytest.raises(BriefError) as caught:
        publish(NEW, not_a_folder)
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.code == "B410"
    assert diagnostic.hint
    assert not_a_folder.read_bytes() == b"a file"
    assert contents(tmp_path) == {"dist": b"a file"}


def test_an_output_folder_below_a_file_is_refused_with_b410(tmp_path: Path) -> None:
    (tmp_path / "file").write_bytes(b"a file")
    with pytest.raises(BriefError) as caught:
        publish(NEW, tmp_path / "file" / "dist")
    assert [d.code for d in caught.value.diagnostics] == ["B410"]


def test_building_into_a_file_is_refused_with_b410_before_anything_is_written(
    tmp_path: Path,
) -> None:
    (tmp_path / "thorn").mkdir()
    (tmp_path / "thorn" / "brief.yaml").write_text(VALID, encoding="utf-8")
    not_a_folder = tmp_path / "dist"
    not_a_folder.write_bytes(b"a file")
    with pytest.raises(BriefError) as caught:
        brief.build(tmp_path / "thorn", BuildOptions(formats=("html",), out_dir=not_a_folder))
    assert [d.code for d in caught.value.diagnostics] == ["B410"]
    assert not_a_folder.read_bytes() == b"a file"
    out, err = io.StringIO(), io.StringIO()
    code = main(["build", str(tmp_path / "thorn"), "-f", "html", "-o", str(not_a_folder)], out, err)
    assert code == 2
    assert "B410" in err.getvalue()
    assert "Traceback" not in err.getvalue()


def test_a_refused_source_leaves_previous_outputs_byte_identical(tmp_path: Path) -> None:
    out_dir = old_outputs(tmp_path)
    source = tmp_path / "thorn.yaml"
    source.write_text(VALID.replace("lang: en", "lang: en\n  titel: typo"), encoding="utf-8")
    with pytest.raises(BriefError):
        brief.build(source, BuildOptions(out_dir=out_dir))
    assert contents(out_dir) == OLD


def test_a_rebuild_replaces_the_html_and_report_and_nothing_else(tmp_path: Path) -> None:
    folder = tmp_path / "thorn"
    folder.mkdir()
    (folder / "brief.yaml").write_text(textwrap.dedent(VALID), encoding="utf-8")
    out_dir = old_outputs(tmp_path)
    brief.build(folder, BuildOptions(formats=("html",), out_dir=out_dir))
    after = contents(out_dir)
    assert set(after) == {*OLD, "thorn.report.json"}
    assert after["thorn.html"] != OLD["thorn.html"]
    assert after["thorn.pdf"] == OLD["thorn.pdf"]
    assert after["thorn.epub"] == OLD["thorn.epub"]


def test_stale_temporaries_of_an_interrupted_build_are_removed(tmp_path: Path) -> None:
    (tmp_path / ".thorn.pdf.abc123.tmp").write_bytes(b"half")
    (tmp_path / ".thorn.html.x.tmp").write_bytes(b"half")
    (tmp_path / ".other.pdf.abc123.tmp").write_bytes(b"not ours")
    (tmp_path / "thorn.pdf").write_bytes(b"kept")
    remove_stale_temporaries(tmp_path, {"thorn.pdf": b"", "thorn.html": b""})
    assert contents(tmp_path) == {".other.pdf.abc123.tmp": b"not ours", "thorn.pdf": b"kept"}


def test_publish_clears_stale_temporaries_of_the_same_outputs(tmp_path: Path) -> None:
    out_dir = old_outputs(tmp_path)
    (out_dir / ".thorn.pdf.abc123.tmp").write_bytes(b"half")
    publish(NEW, out_dir)
    assert contents(out_dir) == NEW
