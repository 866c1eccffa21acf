"""Command line: parse argv, call the library, print diagnostics, return an exit code. No logic."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from brief.errors import BriefError, Diagnostic, ExitCode, format_json, format_text, summarise
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

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from rich.console import Console
    from rich.progress import Progress as RichProgress
    from rich.progress import TaskID
    from rich.status import Status

    from brief.dates import PartialDate
    from brief.run.batch import BatchItem, Progress
    from brief.run.report import Output


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


def _parser() -> argparse.ArgumentParser:
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


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line and return its exit code."""
    out, err = out or sys.stdout, err or sys.stderr
    # The command line, not the library, decides what is logged: WeasyPrint's notes about CSS it
    # ignores are not the reader's business; its errors are.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    try:
        args = _parser().parse_args(argv)
    except SystemExit as leaving:
        return int(leaving.code or 0) and ExitCode.INPUT_ERROR
    try:
        return int(_COMMANDS[args.command](args, out, err))
    except BriefError as caught:
        if getattr(args, "format", "text") in ("json", "sarif"):
            out.write(_machine(args.format, caught.diagnostics) + "\n")
        err.write(format_text(caught.diagnostics) + "\n")
        return ExitCode.INPUT_ERROR
    except KeyboardInterrupt:
        err.write("interrupted; outputs were left as they were\n")
        return 130


def _say(out: TextIO, line: str) -> None:
    out.write(line + "\n")
    out.flush()  # `serve` speaks while it runs: each line is seen at once


def _machine(fmt: str, diagnostics: Sequence[Diagnostic]) -> str:
    if fmt == "sarif":
        from brief.run.sarif import format_sarif

        return format_sarif(diagnostics)
    return format_json(diagnostics)


def _as_of(args: argparse.Namespace) -> PartialDate | None:
    if not args.as_of:
        return None
    from brief.dates import parse_partial_date

    try:
        return parse_partial_date(args.as_of)
    except ValueError as caught:
        from brief.errors import Location, error

        raise BriefError(
            [error("B205", f"--as-of: {caught}", Location("<command line>"))]
        ) from None


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from brief.run.api import check_all
    from brief.run.timelimit import source_location, time_limit

    code = ExitCode.OK
    findings: list[Diagnostic] = []
    refused: list[Diagnostic] = []
    for source in args.sources:  # every source is checked, however the ones before it ended
        try:
            with time_limit(args.time_limit or None, source_location(source)):
                checked = check_all(source, _as_of(args), args.only)
        except BriefError as caught:
            refused.extend(caught.diagnostics)
            code = ExitCode.INPUT_ERROR
            continue
        for report in checked:  # one per variant: a bad row is refused, the others checked
            if isinstance(report, BriefError):
                refused.extend(report.diagnostics)
                code = ExitCode.INPUT_ERROR
                continue
            findings.extend(report.findings)
            if report.fails(args.strict) and code == ExitCode.OK:
                code = ExitCode.FINDINGS
    if refused and args.format == "text":
        err.write(format_text(refused) + "\n")
    findings = [*refused, *findings] if args.format != "text" else findings
    if args.format == "text":
        if findings:
            from brief.analyse.figures import STALE_YEARS
            from brief.analyse.grouped import group_by_source

            out.write(format_text(group_by_source(findings, STALE_YEARS)) + "\n")
        from brief.errors import summarise

        counts = summarise([*refused, *findings])  # the refused sources' errors count too
        out.write(", ".join(_counted(counts[word], word) for word in SEVERITIES) + "\n")
    else:
        out.write(_machine(args.format, findings) + "\n")
    return code


def _build(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from brief.model import Layout, Paper
    from brief.run.api import BuildOptions
    from brief.run.batch import batch_report, build_many, worst_exit_code

    if args.verbose:
        logging.basicConfig(level=logging.INFO, format="%(message)s", stream=err)
    options = BuildOptions(
        formats=args.formats,
        out_dir=args.out,
        paper=Paper(args.paper) if args.paper else None,
        layout=Layout(args.layout) if args.layout else None,
        large_print=args.large_print,
        time_limit=args.time_limit or None,
        strict=args.strict,
        keep_html=args.keep_html,
        pdf_variant=args.pdf_variant,
        as_of=_as_of(args),
        cache_dir=None if args.no_cache else _cache_dir(),
    )
    with _executor(args.scheduler) as executor, _progress(err, args) as progress:
        items = build_many(
            args.sources,
            options,
            args.jobs,
            executor=executor,
            only=args.only,
            progress=progress,
        )
    for item in items:
        if item.exit_code == ExitCode.INPUT_ERROR:
            err.write(format_text(item.diagnostics) + "\n")
        elif item.stopped:
            err.write(format_text(item.diagnostics) + "\n")
            strict = " (warnings fail under --strict)" if args.strict else ""
            err.write(f"{_named(item)}: not built: fix the errors above{strict}\n")
        elif not args.quiet:
            if item.notices:
                err.write(format_text(item.notices) + "\n")
            err.write(_findings_line(item) + "\n")
            for output in item.outputs:
                out.write(f"{output.path}  ({_described(output)})\n")
    if len(items) > 1:
        from brief.write.atomic import publish

        publish({"batch.report.json": batch_report(items)}, args.out)
    return worst_exit_code(items)


def _described(output: Output) -> str:
    """Return an output's size, and a PDF's pages and fit level, in a few words."""
    words = [f"{output.size:,} bytes"]
    if output.pages:
        words.append(f"{output.pages} page" + "s" * (output.pages != 1))
    if output.fit:
        words.append(f"fit level {output.fit}")
    return ", ".join(words)


#: The severities a summary line counts, in its order.
SEVERITIES = ("error", "warning", "note")


def _counted(count: int, word: str) -> str:
    """Return "1 note", "2 notes", "0 errors"."""
    return f"{count} {word}" + "s" * (count != 1)


def _findings_line(item: BatchItem) -> str:
    """Return one line counting a built brief's findings by severity."""
    counts = summarise([d for d in item.diagnostics if d not in item.notices])
    said = [_counted(counts[severity], severity) for severity in SEVERITIES[1:]]
    return f"{_named(item)}: {', '.join(said)} (`brief check {item.source}` lists them)"


def _named(item: BatchItem) -> str:
    """Name a built brief, and its variant when it is one."""
    return f"{item.source} (variant '{item.variant}')" if item.variant else item.source


@contextlib.contextmanager
def _progress(err: TextIO, args: argparse.Namespace) -> Iterator[Progress | None]:
    """Say how a build goes on a terminal (rich): the running stage of one brief, then, once a
    batch turns out to hold several briefs or variants, a bar with counts and time left.
    Elsewhere, one plain line per finished brief of a batch."""
    if args.quiet or args.verbose:
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
            err.write(f"[{done}/{total}] {_named(item)}: {'not built' if failed else 'built'}\n")
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


@contextlib.contextmanager
def _executor(address: str | None) -> Iterator[Executor | None]:
    """The executor of `--scheduler`: a Dask cluster's, imported only when asked for."""
    if not address:
        yield None
        return
    try:
        from distributed import Client
    except ImportError:
        from brief.errors import Location, error

        raise BriefError(
            [
                error(
                    "B504",
                    "--scheduler needs Dask distributed, which is not installed",
                    Location("<command line>"),
                    'install it with: pip install "brief[dask]"',
                )
            ]
        ) from None
    with Client(address) as client:
        yield client.get_executor()


def _cache_dir() -> Path:
    """Return the output cache folder ($XDG_CACHE_HOME/brief, else ~/.cache/brief)."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "brief"


def _new(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from brief.run.scaffold import scaffold

    folder = scaffold(args.name)
    out.write(f"created {folder}/brief.yaml — build it with: brief build {folder}\n")
    return ExitCode.OK


def _draft(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from brief.draft import draft

    done = draft(
        args.input,
        args.out,
        lang=args.lang,
        published=args.published,
        url=args.url,
        force=args.force,
    )
    out.write(
        f"drafted {done.brief}: {done.quotes} quotes, {done.figures} figures, {done.dates} dates; "
        f"{done.reviews} lines marked '# review:' to check, then: brief check {done.folder}\n"
    )
    return ExitCode.OK


def _schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from brief.read.jsonschema import json_schema

    out.write(json.dumps(json_schema(), indent=2) + "\n")
    return ExitCode.OK


def _serve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from brief.run.serve import serve

    serve(
        args.source,
        args.port,
        lambda url: _say(out, f"previewing {args.source} at {url} (Ctrl+C to stop)"),
        lambda preview: _say(out, f"rebuilt (version {preview.version!s})"),
    )
    return ExitCode.OK


_COMMANDS = {
    "build": _build,
    "check": _check,
    "draft": _draft,
    "new": _new,
    "schema": _schema,
    "serve": _serve,
}
