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
                f"rendering took longer than {seconds:g} s and was stopped; nothing was written",
                where,
                "shorten the brief or split it into several; on a slow machine, raise the "
                "limit with --time-limit SECONDS",
            )
        ]
    )


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

    expired: list[bool] = []

    def expire(signum: int, frame: object) -> None:
        expired.append(True)
        raise _ExpiredError

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
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
