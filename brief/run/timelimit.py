"""A per-document time limit on the build (issue 7): a hostile or huge source ends in a clear
error (B502) instead of a build that never finishes.

The limit covers the whole build before publishing: loading, validation, analysis, composing and
rendering (`api.build`). In the main thread it is an interval timer (SIGALRM); in any other
thread (`brief serve`'s builds, a Dask worker's) a watchdog thread raises the expiry in the
building thread with CPython's `PyThreadState_SetAsyncExc`. Either way the expiry is raised
between two steps of Python code, never inside one C call. Limits do not nest: inside a running
limit (in the same thread), another is the same one.
"""

from __future__ import annotations

import ctypes
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from brief.errors import BriefError, Location, error
from brief.read.files import display_path

#: Seconds a document may take to build, all formats together. A 400-page brief renders in
#: about 80 s on a 2-core machine; a handout in under 2 s; loading and analysing the largest
#: source (2 MB) take a few seconds.
DEFAULT_SECONDS = 300.0
T = TypeVar("T")
_RUNNING = threading.local()  # `seconds`: the limit running in this thread, if any


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


def within(seconds: float | None, where: Location, work: Callable[[], T]) -> T:
    """Return `work()`, or raise BriefError B502 when it runs longer than `seconds` (None: no
    limit; inside a running limit, that one counts).

    The limit is armed, the work done and the limit disarmed in this one frame, each step inside
    a handler: wherever an expiry lands, it is B502 or nothing, never an exception raised later
    in the caller's code (a context manager cannot promise that: an expiry may land as its
    `__exit__` is entered, before any of its code runs)."""
    if not seconds or getattr(_RUNNING, "seconds", None) is not None:
        return work()
    limit = _Limit(seconds)
    _RUNNING.seconds = seconds
    _QUIET.__enter__()
    failure: BaseException | None = None
    try:
        limit.arm()
        result = work()
    except BaseException as caught:  # re-raised below, or B502
        failure = caught
    while not limit.disarmed:
        try:
            limit.disarm()
        except _ExpiredError:  # landed while disarming: disarm again
            limit.expired = True
    _RUNNING.seconds = None
    _QUIET.__exit__()
    if limit.expired:  # whatever the expiry turned into on its way, or swallowed by a library
        raise _too_long(seconds, where) from None
    if failure is not None:
        raise failure
    return result


class _Limit:
    """A limit running in this thread: a timer signal in the main thread, a watchdog thread
    that raises the expiry in this one elsewhere."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = self.disarmed = False
        self.ident, self.lock = threading.get_ident(), threading.Lock()
        on_main = threading.current_thread() is threading.main_thread()
        self.by_signal = on_main and hasattr(signal, "setitimer")
        self.previous: Any = None
        self.watchdog = threading.Timer(seconds, self._fire)
        self.watchdog.daemon = True

    def arm(self) -> None:
        if self.by_signal:
            self.previous = signal.signal(signal.SIGALRM, self._expire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)  # an expiry at once is B502 too
        else:
            self.watchdog.start()

    def disarm(self) -> None:
        if self.by_signal:
            signal.setitimer(signal.ITIMER_REAL, 0)
            if self.previous is not None:
                signal.signal(signal.SIGALRM, self.previous)
        else:
            with self.lock:  # from here on the watchdog raises nothing
                self.disarmed = True
                self.watchdog.cancel()
                if self.expired:
                    _raise_in(self.ident, None)  # an expiry not raised yet is dropped
        self.disarmed = True

    def _expire(self, signum: int, frame: object) -> None:
        self.expired = True
        raise _ExpiredError

    def _fire(self) -> None:
        with self.lock:
            if not self.disarmed:
                self.expired = True
                _raise_in(self.ident, _ExpiredError)


def _raise_in(ident: int, error: type[BaseException] | None) -> None:
    """Raise `error` in thread `ident` at its next step of Python code (None: cancel it)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(ident), error and ctypes.py_object(error)
    )


class _QuietExpiries:
    """While any limit runs, in any thread, `sys.unraisablehook` is quiet about an expiry that
    came while a finalizer ran (a font folder removed by the garbage collector): Python cannot
    raise it there and would print "Exception ignored"; the expiry is remembered and reported at
    the boundary all the same."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = 0
        self.hook: Callable[[Any], object] = sys.unraisablehook

    def __enter__(self) -> None:
        with self.lock:
            if self.running == 0:
                self.hook = sys.unraisablehook
                sys.unraisablehook = self.quiet
            self.running += 1

    def __exit__(self, *exc: object) -> None:
        with self.lock:
            self.running -= 1
            if self.running == 0:
                sys.unraisablehook = self.hook

    def quiet(self, unraisable: Any) -> object:
        if isinstance(unraisable.exc_value, _ExpiredError):
            return None
        return self.hook(unraisable)


_QUIET = _QuietExpiries()
