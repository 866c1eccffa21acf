"""The per-document build time limit (issue 7): B502, exit 2, nothing written, nothing left.

The limit covers the whole build before publishing: loading, validation and analysis as well as
rendering (a 3,000-figure source spent a minute in analysis, outside a render-only limit)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

import brief
from brief import BuildOptions
from brief.run.api import _cache_options
from tests.conftest import EXAMPLE


def test_a_render_over_the_time_limit_stops_with_b502_and_writes_nothing(
    tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "thorn.pdf").write_bytes(b"the previous build")
    code, stdout, err = run_cli(
        "build", str(EXAMPLE), "-o", str(out), "--no-cache", "--time-limit", "0.05"
    )
    assert code == 2
    assert "brief.yaml:" in err
    assert "error B502: the build took longer than 0.05 s and was stopped" in err
    assert "hint: " in err
    assert "Traceback" not in err + stdout
    assert sorted(path.name for path in out.iterdir()) == ["thorn.pdf"]
    assert (out / "thorn.pdf").read_bytes() == b"the previous build"


def test_the_default_limit_lets_the_example_build_and_zero_turns_it_off(
    tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    code, _, err = run_cli("build", str(EXAMPLE), "-o", str(tmp_path / "a"), "-f", "html")
    assert code == 0, err
    code, _, err = run_cli(
        "build", str(EXAMPLE), "-o", str(tmp_path / "b"), "-f", "html", "--time-limit", "0"
    )
    assert code == 0, err


def test_the_timer_is_restored_after_a_build(tmp_path: Path) -> None:
    import signal

    before = signal.getsignal(signal.SIGALRM)
    result = brief.build(EXAMPLE, BuildOptions(out_dir=tmp_path, formats=("html",)))
    assert not result.stopped
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_build_off_the_main_thread_runs_without_the_timer(tmp_path: Path) -> None:
    """`brief serve` builds on a worker thread, where signals cannot reach: no limit, no error."""
    results: list[object] = []
    options = BuildOptions(out_dir=tmp_path, formats=("html",), time_limit=0.000001)
    worker = threading.Thread(target=lambda: results.append(brief.build(EXAMPLE, options)))
    worker.start()
    worker.join()
    assert len(results) == 1
    assert not results[0].stopped  # type: ignore[attr-defined]


def test_the_limit_is_not_part_of_the_cache_key() -> None:
    assert "time_limit" not in _cache_options(BuildOptions(time_limit=5))


def _swallowing() -> None:
    """Sleep past the limit like a careless library that catches everything."""
    import time

    with contextlib.suppress(BaseException):
        time.sleep(0.5)


def _replacing() -> None:
    """Sleep past the limit like a library that turns any interruption into its own error."""
    import time

    try:
        time.sleep(0.5)
    except BaseException:
        raise ValueError("a library's own error, raised while handling the expiry") from None


@pytest.mark.parametrize("work", [_swallowing, _replacing])
def test_an_expiry_caught_by_a_library_is_still_reported(work: Callable[[], None]) -> None:
    from brief.errors import BriefError, Location
    from brief.run.timelimit import time_limit

    def limited() -> None:
        with time_limit(0.05, Location("brief.yaml", 1, 1)):
            work()

    with pytest.raises(BriefError, match=r"longer than 0\.05 s"):
        limited()


def _slow(seconds: float, then: Callable[..., object]) -> Callable[..., object]:
    """Return `then`, made to spend `seconds` of CPU first (a stand-in for a slow stage)."""
    import time

    def slow(*args: object, **kwargs: object) -> object:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            pass
        return then(*args, **kwargs)

    return slow


@pytest.mark.parametrize("stage", ["load", "analyse"])
def test_the_limit_covers_loading_and_analysis_not_only_rendering(
    stage: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    run_cli: Callable[..., tuple[int, str, str]],
) -> None:
    """Needs `api.build` to run `check` inside `time_limit` (see brief/run/timelimit.py)."""
    import brief.run.api

    monkeypatch.setattr(brief.run.api, stage, _slow(3.0, getattr(brief.run.api, stage)))
    out = tmp_path / "out"
    code, stdout, err = run_cli(
        "build", str(EXAMPLE), "-o", str(out), "-f", "html", "--no-cache", "--time-limit", "0.5"
    )
    assert code == 2, err
    assert "brief.yaml:1:1: error B502: the build took longer than 0.5 s" in err
    assert "hint: " in err
    assert "Traceback" not in err + stdout
    assert not out.exists() or list(out.iterdir()) == []


def _nested(outer: float, inner: float, inside: float, after: float) -> None:
    import time

    from brief.errors import Location
    from brief.run.timelimit import time_limit

    where = Location("brief.yaml", 1, 1)
    with time_limit(outer, where):
        with time_limit(inner, where):
            time.sleep(inside)
        time.sleep(after)


def test_a_limit_inside_a_running_limit_is_that_limit() -> None:
    """Rendering keeps its own `time_limit` call: inside the build's, it neither replaces the
    build's timer (which would give rendering the whole limit again) nor cancels it on leaving."""
    import signal

    from brief.errors import BriefError

    with pytest.raises(BriefError, match=r"longer than 0\.2 s"):
        _nested(0.2, 60, inside=0.1, after=0.5)  # the outer timer still runs after the inner
    _nested(60, 0.05, inside=0.2, after=0)  # the inner limit is the outer one: no error
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_refused_build_points_at_the_source_file_before_it_is_read(tmp_path: Path) -> None:
    from brief.read.files import display_path
    from brief.run.timelimit import source_location

    assert source_location(EXAMPLE) == source_location(EXAMPLE / "brief.yaml")
    assert source_location(EXAMPLE).path == display_path(EXAMPLE / "brief.yaml")
    assert (source_location(EXAMPLE).line, source_location(EXAMPLE).column) == (1, 1)


def test_an_expiry_inside_a_finalizer_is_quiet_and_still_stops_the_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The garbage collector may delete an object (a font folder's owner) just as the time is
    up: the expiry cannot be raised there; it must not print "Exception ignored", and the build
    is still stopped with B502."""
    import sys
    import time

    from brief.errors import BriefError, Location
    from brief.run.timelimit import time_limit

    reported: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", reported.append)

    class SlowToDelete:
        def __del__(self) -> None:
            deadline = time.monotonic() + 1
            while time.monotonic() < deadline:
                pass

    def delete_one_late() -> None:
        with time_limit(0.05, Location("brief.yaml", 1, 1)):
            SlowToDelete()  # deleted at once: its finalizer runs past the limit

    with pytest.raises(BriefError) as caught:
        delete_one_late()
    assert caught.value.diagnostics[0].code == "B502"
    assert reported == []
    assert sys.unraisablehook == reported.append  # put back
