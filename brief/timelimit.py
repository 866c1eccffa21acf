"""A per-document time limit on rendering (issue 7): a hostile or huge source ends in a clear
error (B502) instead of a build that never finishes.

The limit is an interval timer (SIGALRM) raising in the main thread, where WeasyPrint lays out the
PDF; it is active only there (a build on another thread, as in `brief serve`, runs without it).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

from brief.errors import BriefError, Location, error

#: Seconds a document may take to render, all formats together. A 400-page brief renders in
#: about 80 s on a 2-core machine; a handout in under 2 s.
DEFAULT_SECONDS = 300.0


class _ExpiredError(Exception):
    """Raised by the timer inside the rendering code; turned into B502 at the boundary."""


@contextlib.contextmanager
def time_limit(seconds: float | None, where: Location) -> Iterator[None]:
    """Raise BriefError B502 when the block runs longer than `seconds` (None: no limit)."""
    usable = (
        seconds
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _ExpiredError

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _ExpiredError:
        raise BriefError(
            [
                error(
                    "B502",
                    f"rendering took longer than {seconds:g} s and was stopped; nothing was "
                    "written",
                    where,
                    "shorten the brief or split it into several; on a slow machine, raise the "
                    "limit with --time-limit SECONDS",
                )
            ]
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
