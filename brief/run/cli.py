"""Command line: parse argv, call the library, print diagnostics, return an exit code. No logic."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from brief.errors import BriefError, Diagnostic, ExitCode, format_json, format_text, summarise
from brief.run.arguments import argument_parser
from brief.run.progress import named, progress

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from brief.dates import PartialDate
    from brief.run.batch import BatchItem
    from brief.run.report import Output


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line and return its exit code."""
    out, err = out or sys.stdout, err or sys.stderr
    # The command line, not the library, decides what is logged: WeasyPrint's notes about CSS it
    # ignores are not the reader's business; its errors are.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    try:
        args = argument_parser().parse_args(argv)
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
    from brief.run.timelimit import source_location, within

    code = ExitCode.OK
    findings: list[Diagnostic] = []
    refused: list[Diagnostic] = []
    for source in args.sources:  # every source is checked, however the ones before it ended
        try:
            limit, where = args.time_limit or None, source_location(source)
            checked = within(limit, where, partial(check_all, source, _as_of(args), args.only))
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
    with _executor(args.scheduler) as executor, progress(err, args.quiet, args.verbose) as shown:
        items = build_many(
            args.sources,
            options,
            args.jobs,
            executor=executor,
            only=args.only,
            progress=shown,
        )
    for item in items:
        if item.exit_code == ExitCode.INPUT_ERROR:
            err.write(format_text(item.diagnostics) + "\n")
        elif item.stopped:
            err.write(format_text(item.diagnostics) + "\n")
            strict = " (warnings fail under --strict)" if args.strict else ""
            err.write(f"{named(item)}: not built: fix the errors above{strict}\n")
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
    return f"{named(item)}: {', '.join(said)} (`brief check {item.source}` lists them)"


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
