"""The progress display of `brief build`: what a build says on stderr while it runs.

In: the error stream and whether the command is quiet or verbose. Out: a `batch.Progress`
callback for `build_many` (or None): on a terminal, rich's running stage of one brief (read from
the `brief` logger's debug records) and, once a batch holds several briefs or variants, a bar with
counts and time left; elsewhere, one plain line per finished brief of a batch. Rich is imported
only when a terminal shows it.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from brief.errors import ExitCode

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress as RichProgress
    from rich.progress import TaskID
    from rich.status import Status

    from brief.run.batch import BatchItem, Progress


@contextlib.contextmanager
def progress(err: TextIO, quiet: bool, verbose: bool) -> Iterator[Progress | None]:
    """Say how a build goes on a terminal (rich): the running stage of one brief, then, once a
    batch turns out to hold several briefs or variants, a bar with counts and time left.
    Elsewhere, one plain line per finished brief of a batch."""
    if quiet or verbose:
        yield None
    elif not err.isatty():
        yield _plain_progress(err)
    else:
        from rich.console import Console

        with _stages(Console(file=err)) as display:
            yield display.advance


def _plain_progress(err: TextIO) -> Progress:
    def said(done: int, total: int, item: BatchItem | None) -> None:
        if total > 1 and item is not None:
            failed = item.exit_code == ExitCode.INPUT_ERROR or item.stopped
            err.write(f"[{done}/{total}] {named(item)}: {'not built' if failed else 'built'}\n")
            err.flush()

    return said


class _Display:
    """What the terminal shows: a stage line, replaced by a progress bar for a batch."""

    def __init__(self, console: Console, status: Status) -> None:
        self.console, self.status = console, status
        self.bar: RichProgress | None = None
        self.task: TaskID | None = None

    def advance(self, done: int, total: int, item: BatchItem | None) -> None:
        if total <= 1:
            return
        if self.bar is None:
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
            from rich.progress import Progress as Bar

            self.status.stop()
            columns = (TextColumn("brief"), BarColumn(), MofNCompleteColumn())
            self.bar = Bar(*columns, TimeRemainingColumn(), console=self.console, transient=True)
            self.bar.start()
            self.task = self.bar.add_task("building", total=total)
        if self.task is not None:
            self.bar.update(self.task, completed=done, total=total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@contextlib.contextmanager
def _stages(console: Console) -> Iterator[_Display]:
    """Show the running stage of a build, until a batch's bar takes its place."""
    logger = logging.getLogger("brief")

    class StageHandler(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno == logging.DEBUG and display.bar is None:
                status.update(f"brief: {record.getMessage()}…")

    with console.status("brief: starting…") as status:
        display = _Display(console, status)
        handler = StageHandler(logging.DEBUG)
        logger.addHandler(handler)
        level = logger.level
        logger.setLevel(logging.DEBUG)
        try:
            yield display
        finally:
            display.close()
            logger.removeHandler(handler)
            logger.setLevel(level)


def named(item: BatchItem) -> str:
    """Name a built brief, and its variant when it is one."""
    return f"{item.source} (variant '{item.variant}')" if item.variant else item.source
