"""Faults around writing: a build killed mid-way, and two builds writing one folder at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import brief
from brief import BuildOptions
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.slow  # the quick loop (`pytest -m "not slow"`) leaves it out

NAMES = ("thorn.pdf", "thorn.epub", "thorn.html", "thorn.report.json")


def _command(out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "brief",
        "build",
        str(EXAMPLE),
        "-o",
        str(out),
        "--no-cache",
        "-q",
    ]


def test_a_killed_build_leaves_the_previous_outputs_intact(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    brief.build(EXAMPLE, BuildOptions(out_dir=out))
    before = {name: (out / name).read_bytes() for name in NAMES}
    for delay in (0.4, 1.2, 2.0):  # during import, layout and writing
        process = subprocess.Popen(_command(out))
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        for name in NAMES[:3]:
            assert (out / name).read_bytes() == before[name], (delay, name)
    brief.build(EXAMPLE, BuildOptions(out_dir=out))
    assert not list(out.glob(".*.tmp")), "the next build removes what a killed one left"


def test_two_builds_writing_one_folder_at_once_leave_complete_files(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    processes = [subprocess.Popen(_command(out)) for _ in range(2)]
    assert [process.wait(timeout=120) for process in processes] == [0, 0]
    pdf = (out / "thorn.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert pdf.rstrip().endswith(b"%%EOF")
    with zipfile.ZipFile(out / "thorn.epub") as book:
        assert book.testzip() is None
    assert not list(out.glob(".*.tmp"))


def test_only_temporaries_of_builds_no_longer_running_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    out.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = out / f".thorn.pdf.{dead.pid}.abc.tmp"
    running = out / f".thorn.pdf.{os.getpid()}.def.tmp"
    stale.write_bytes(b"half")
    running.write_bytes(b"in progress")
    brief.build(EXAMPLE, BuildOptions(out_dir=out, formats=("pdf",)))
    assert not stale.exists()
    assert running.exists()
