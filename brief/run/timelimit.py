"""A per-document time limit on the build (issue 7): a hostile or huge source ends in a clear
error (B502) instead of a build that never finishes.

The limit covers the whole build before publishing: loading, validation, analysis, composing and
rendering (`api.build`). It is an interval timer (SIGALRM) raising in the main thread, where the
build runs; it is active only there (a build on another thread, as in `brief serve`, runs without
it). Limits do not nest: inside a running limit, another is the same one.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from brief.errors import BriefError, Location, error
from brief.read.files import display_path

#: Seconds a document may take to build, all formats together. A 400-page brief renders in
#: about 80 s on a 2-core machine; a handout in under 2 s; loading and analysing the largest
#: source (2 MB) take a few seconds.
DEFAULT_SECONDS = 300.0
_RUNNING: list[float] = []  # the limit running in the main thread, if any


class _ExpiredError(BaseException):
    """Raised by the timer inside the rendering code; turned into B502 at the boundary.

    A BaseException, like KeyboardInterrupt, so that no `except Exception` in a library swallows
    it; and should one catch it anyway, the expiry is remembered and reported at the boundary.
    """


def _too_long(seconds: float, where: Location) -> BriefError:
    return BriefError(
        [
            error(
                "B502",
                f"the build took longer than {seconds:g} s and was stopped; nothing was written",
                where,
                "shorten the brief or split it into several; on a slow machine, raise the "
                "limit with --time-limit SECONDS",
            )
        ]
    )


def source_location(path: Path | str) -> Location:
    """Return where a build's B502 points before its source is read: the YAML file, line 1."""
    path = Path(path)
    return Location(display_path(path / "brief.yaml" if path.is_dir() else path), 1, 1)


@contextlib.contextmanager
def time_limit(seconds: float | None, where: Location) -> Iterator[None]:
    """Raise BriefError B502 when the block runs longer than `seconds` (None: no limit)."""
    usable = (
        seconds
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and not _RUNNING  # inside a running limit: that one still counts, and reports
    )
    if not usable or seconds is None:
        yield
        return
    with _running(seconds), _timer(seconds, where):
        yield


@contextlib.contextmanager
def _running(seconds: float) -> Iterator[None]:
    _RUNNING.append(seconds)
    try:
        yield
    finally:
        _RUNNING.pop()


@contextlib.contextmanager
def _timer(seconds: float, where: Location) -> Iterator[None]:
    """Run the block under an interval timer; turn its expiry into B502."""
    expired: list[bool] = []

    def expire(signum: int, frame: object) -> None:
        expired.append(True)
        raise _ExpiredError

    previous = signal.signal(signal.SIGALRM, expire)
    hook = sys.unraisablehook
    sys.unraisablehook = _quiet_expiry(hook)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)  # inside: an expiry at once is B502 too
        yield
    except BaseException:
        if not expired:
            raise
        raise _too_long(seconds, where) from None  # whatever the expiry turned into on its way
    else:
        if expired:  # raised, then swallowed by a library: the work is late all the same
            raise _too_long(seconds, where)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        sys.unraisablehook = hook


def _quiet_expiry(
    hook: Callable[[Any], object],
) -> Callable[[Any], object]:
    """Return `hook`, quiet about an expiry that came while a finalizer ran (a font folder
    removed by the garbage collector): Python cannot raise it there and would print "Exception
    ignored"; the expiry is remembered and reported at the boundary all the same."""

    def quiet(unraisable: Any) -> object:
        if isinstance(unraisable.exc_value, _ExpiredError):
            return None
        return hook(unraisable)

    return quiet
