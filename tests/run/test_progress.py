"""run/progress.py: what `brief build` shows on stderr while it runs, on a terminal or not."""

from __future__ import annotations

import io
import logging

from brief.errors import ExitCode
from brief.run.batch import BatchItem
from brief.run.progress import named, progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_quiet_or_verbose_build_shows_no_progress() -> None:
    for quiet, verbose in ((True, False), (False, True)):
        with progress(_Terminal(), quiet, verbose) as shown:
            assert shown is None


def test_away_from_a_terminal_a_batch_says_one_line_per_brief() -> None:
    err = io.StringIO()
    with progress(err, False, False) as shown:
        assert shown is not None
        shown(0, 2, None)
        shown(1, 2, BatchItem("a", ExitCode.OK, variant="fr"))
        shown(2, 2, BatchItem("b", ExitCode.INPUT_ERROR))
    assert err.getvalue() == "[1/2] a (variant 'fr'): built\n[2/2] b: not built\n"


def test_away_from_a_terminal_a_single_brief_says_nothing() -> None:
    err = io.StringIO()
    with progress(err, False, False) as shown:
        assert shown is not None
        shown(1, 1, BatchItem("a", ExitCode.OK))
    assert err.getvalue() == ""


def test_on_a_terminal_the_stage_is_shown_and_the_logger_left_as_it_was() -> None:
    logger = logging.getLogger("brief")
    level, handlers = logger.level, list(logger.handlers)
    err = _Terminal()
    with progress(err, False, False) as shown:
        assert shown is not None
        assert logger.level == logging.DEBUG
        logger.debug("composing")
        shown(1, 2, BatchItem("a", ExitCode.OK))
        shown(2, 2, BatchItem("b", ExitCode.OK))
    assert (logger.level, logger.handlers) == (level, handlers)
    assert "brief" in err.getvalue()


def test_a_variant_is_named_with_its_brief() -> None:
    assert named(BatchItem("x", ExitCode.OK)) == "x"
    assert named(BatchItem("x", ExitCode.OK, variant="de")) == "x (variant 'de')"
