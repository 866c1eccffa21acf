"""The per-document build time limit (issue 7): B502, exit 2, nothing written, nothing left.

The limit covers the whole build before publishing: loading, validation and analysis as well as
rendering (a 3,000-figure source spent a minute in analysis, outside a render-only limit)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

import brief
from brief import BuildOptions
from brief.run.api import _cache_options
from tests.conftest import EXAMPLE


# Stopped inside WeasyPrint, a build may leave a temporary font file it was writing to the garbage
# collector (its folder goes with the font configuration); Python says so only when warnings show.
@pytest.mark.filterwarnings(
    "ignore:Exception ignored in. <_io.(FileIO|BufferedWriter) name='.*weasyprint-"
    ":pytest.PytestUnraisableExceptionWarning",
    "ignore:unclosed file <_io.BufferedWriter name='.*weasyprint-:ResourceWarning",
)
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


def test_a_build_off_the_main_thread_is_held_to_the_limit(tmp_path: Path) -> None:
    """`brief serve` and Dask workers build on threads, where signals cannot reach: a watchdog
    stops the build there, with B502, and nothing is written."""
    results: list[BaseException] = []
    options = BuildOptions(out_dir=tmp_path / "out", formats=("html",), time_limit=0.000001)

    def build() -> None:
        try:
            brief.build(EXAMPLE, options)
        except BaseException as caught:  # handed to the test
            results.append(caught)

    worker = threading.Thread(target=build)
    worker.start()
    worker.join()
    assert len(results) == 1
    assert isinstance(results[0], brief.BriefError)
    assert results[0].diagnostics[0].code == "B502"
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


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
    from brief.run.timelimit import within

    def limited() -> None:
        within(0.05, Location("brief.yaml", 1, 1), work)

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
    """Needs `api.build` to run `check` inside `within` (see brief/run/timelimit.py)."""
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
    from brief.run.timelimit import within

    where = Location("brief.yaml", 1, 1)

    def inner_then_after() -> None:
        within(inner, where, lambda: time.sleep(inside))
        time.sleep(after)

    within(outer, where, inner_then_after)


def test_a_limit_inside_a_running_limit_is_that_limit() -> None:
    """Rendering keeps its own `within` call: inside the build's, it neither replaces the
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
    from brief.run.timelimit import within

    reported: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", reported.append)

    class SlowToDelete:
        def __del__(self) -> None:
            deadline = time.monotonic() + 1
            while time.monotonic() < deadline:
                pass

    def delete_one_late() -> None:
        SlowToDelete()  # deleted at once: its finalizer runs past the limit

    with pytest.raises(BriefError) as caught:
        within(0.05, Location("brief.yaml", 1, 1), delete_one_late)
    assert caught.value.diagnostics[0].code == "B502"
    assert reported == []
    assert sys.unraisablehook == reported.append  # put back


def _in_a_thread(work: Callable[[], object]) -> list[BaseException]:
    """Run `work` on a thread of its own; return what it raised."""
    raised: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as caught:  # handed to the test
            raised.append(caught)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive()
    return raised


def test_a_build_on_another_thread_is_stopped_at_its_limit_too() -> None:
    """A Dask worker and `brief serve` build on threads: the limit holds there as well."""
    import time

    from brief.errors import BriefError, Location
    from brief.run.timelimit import within

    def forever() -> None:
        while True:
            time.sleep(0.001)

    def endless() -> None:
        within(0.2, Location("brief.yaml", 1, 1), forever)

    started = time.monotonic()
    raised = _in_a_thread(endless)
    assert time.monotonic() - started < 5
    assert len(raised) == 1
    assert isinstance(raised[0], BriefError)
    assert raised[0].diagnostics[0].code == "B502"


@pytest.mark.slow
def test_a_limit_that_ends_as_it_expires_never_raises_after_its_work() -> None:
    """The watchdog may fire just as the work ends: the expiry is then B502 or nothing, never
    an exception raised later in the caller's code (a smoke test: the race is rare; it caught
    an expiry landing as a context manager's `__exit__` was entered, hence `within`)."""
    import time

    from brief.errors import BriefError, Location
    from brief.run.timelimit import within

    outcomes: list[str] = []

    def busy(seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            pass

    def many() -> None:
        for round_ in range(300):
            try:
                within(0.002, Location("brief.yaml", 1, 1), partial(busy, 0.004 * (round_ % 5)))
                outcomes.append("done")
            except BriefError:
                outcomes.append("B502")
            for _ in range(2_000):  # plenty of steps where a stray expiry would surface
                pass

    assert _in_a_thread(many) == []
    assert len(outcomes) == 300
    assert "B502" in outcomes


def test_a_preview_build_is_held_to_the_limit() -> None:
    """`brief serve` builds in memory: the same limit stops it with B502."""
    from brief.run.api import build_in_memory

    with pytest.raises(brief.BriefError) as caught:
        build_in_memory(EXAMPLE, BuildOptions(formats=("html",), time_limit=0.000001))
    assert caught.value.diagnostics[0].code == "B502"
