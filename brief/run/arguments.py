"""The command line's arguments: every command, option and default of `brief`, and the readers
that turn option text into values.

In: argv (through the returned `argparse.ArgumentParser`). Out: an `argparse.Namespace` with
`command` and that command's options, already converted (paths, formats, seconds, keys); a bad
value is refused by argparse with its usage message. Defaults come from `brief.options`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from brief.options import (
    CHECK_FORMATS,
    DEFAULT_PDF_VARIANT,
    DEFAULT_TIME_LIMIT,
    FORMATS,
    LAYOUTS,
    MAX_TIME_LIMIT,
    MIN_TIME_LIMIT,
    PAPERS,
    PDF_VARIANTS,
)
from brief.version import __version__


def _seconds(text: str) -> float:
    """Read `--time-limit`: 0 (no limit) or a number of seconds from 1 to a day."""
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if seconds != 0 and not MIN_TIME_LIMIT <= seconds <= MAX_TIME_LIMIT:
        raise argparse.ArgumentTypeError(
            f"{text!r}: give 0 (no limit) or {MIN_TIME_LIMIT:g} to {MAX_TIME_LIMIT:g} seconds"
        )
    return seconds


def _formats(text: str) -> tuple[str, ...]:
    chosen = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [part for part in chosen if part not in FORMATS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(unknown) or text!r}: choose from {', '.join(FORMATS)}"
        )
    return chosen


def _keys(text: str) -> tuple[str, ...]:
    """Read `--only`: variant keys separated by commas."""
    keys = tuple(part.strip() for part in text.split(",") if part.strip())
    if not keys:
        raise argparse.ArgumentTypeError("give at least one key")
    return keys


def argument_parser() -> argparse.ArgumentParser:
    """Return the parser of every `brief` command."""
    parser = argparse.ArgumentParser(
        prog="brief",
        description="Build printable, trustworthy briefs (PDF, EPUB 3, HTML) from a YAML source.",
    )
    parser.add_argument("--version", action="version", version=f"brief {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    _build_arguments(commands.add_parser("build", help="build PDF, EPUB and HTML"))
    check = commands.add_parser("check", help="validate and analyse; print findings")
    check.add_argument("sources", nargs="*", type=Path, default=[Path(".")], metavar="SOURCE")
    check.add_argument("--format", choices=CHECK_FORMATS, default=CHECK_FORMATS[0])
    check.add_argument("--strict", action="store_true", help="warnings give exit code 1")
    check.add_argument("--as-of", metavar="DATE", help="judge staleness as of this date")
    check.add_argument("--only", type=_keys, metavar="KEY,…", help="check only these variants")
    _time_limit_argument(check, "stop checking a brief")
    new = commands.add_parser("new", help="scaffold a new brief folder")
    new.add_argument("name", type=Path)
    _draft_arguments(commands.add_parser("draft", help="draft a brief from an article or report"))
    commands.add_parser("schema", help="print the JSON Schema of the source format")
    serve = commands.add_parser("serve", help="live preview on 127.0.0.1, rebuilt on save")
    serve.add_argument("source", nargs="?", type=Path, default=Path("."), metavar="SOURCE")
    serve.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    return parser


def _draft_arguments(draft: argparse.ArgumentParser) -> None:
    draft.add_argument("input", type=Path, metavar="INPUT", help="a .txt, .html or .pdf file")
    draft.add_argument("-o", "--out", type=Path, metavar="DIR", help="default: the input's name")
    draft.add_argument("--lang", default="en", metavar="xx", help="the article's language")
    draft.add_argument("--published", metavar="DATE", help="its date: 2007, 2011-07, 2011-07-20")
    draft.add_argument("--url", metavar="URL", help="its web address")
    draft.add_argument("--force", action="store_true", help="replace an existing brief.yaml")


def _time_limit_argument(command: argparse.ArgumentParser, what: str) -> None:
    command.add_argument(
        "--time-limit",
        type=_seconds,
        default=DEFAULT_TIME_LIMIT,
        metavar="SECONDS",
        help=f"{what} after this many seconds (B502; default {DEFAULT_TIME_LIMIT:g}, 0: no limit)",
    )


def _build_arguments(build: argparse.ArgumentParser) -> None:
    build.add_argument("sources", nargs="*", type=Path, default=[Path(".")], metavar="SOURCE")
    build.add_argument("-f", "--formats", type=_formats, default=FORMATS, metavar="pdf,epub,html")
    build.add_argument("-o", "--out", type=Path, default=Path("dist"), metavar="DIR")
    build.add_argument("--paper", choices=PAPERS)
    build.add_argument("--layout", choices=LAYOUTS)
    _time_limit_argument(build, "stop a build")
    build.add_argument(
        "--large-print",
        action="store_true",
        help="16pt body text in the PDF and HTML (a handout may then take 4 pages)",
    )
    build.add_argument("--strict", action="store_true", help="warnings fail the build")
    build.add_argument("--keep-html", action="store_true", help="also write <name>.print.html")
    build.add_argument(
        "--pdf-variant",
        choices=tuple(PDF_VARIANTS),
        default=DEFAULT_PDF_VARIANT,
        help="ua-1 (tagged, default); a-3a or a-3b attach brief.yaml and findings",
    )
    build.add_argument("--as-of", metavar="DATE", help="judge staleness as of this date")
    build.add_argument("--no-cache", action="store_true", help="rebuild even when unchanged")
    build.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N", help="build N briefs at once"
    )
    build.add_argument(
        "--only", type=_keys, metavar="KEY,…", help="build only these variants (their keys)"
    )
    build.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="build on a Dask cluster (tcp://host:8786; needs brief[dask]) instead of locally",
    )
    build.add_argument("-q", "--quiet", action="store_true")
    build.add_argument("-v", "--verbose", action="store_true")
