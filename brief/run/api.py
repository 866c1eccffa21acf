"""The library API: `load()`, `check()`, `build()`; the CLI is a thin layer over these.

In: a path to a brief and options. Out: a `Report` (check) or a `BuildResult` (build). Only `build`
writes, through `publish`, after every requested output exists as bytes.
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
import threading
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from brief.analyse import Analysis, analyse
from brief.compose import l10n
from brief.compose.assemble import RTL_LANGUAGES, ComposeOptions, compose
from brief.compose.render import FEWER_QUOTES_FIT, MOVED_FIT
from brief.dates import PartialDate
from brief.errors import BriefError, Diagnostic, Location, Severity, format_json
from brief.model import Brief, Layout, Paper
from brief.options import ATTACHING_VARIANTS, DEFAULT_PDF_VARIANT, DEFAULT_TIME_LIMIT, FORMATS
from brief.read import variants
from brief.read.load import Source, load
from brief.read.validate import validate
from brief.read.variants import Row
from brief.run.cache import CacheKey, cache_key, lookup, store
from brief.run.report import Output, build_report, stage
from brief.run.timelimit import source_location, within
from brief.version import __version__
from brief.write.atomic import prepare_folder, publish
from brief.write.outputs import (
    LARGE_PRINT_HANDOUT_PAGES,
    WriteRequest,
    write_all,
)
from brief.write.pdf import PdfRenderer

if TYPE_CHECKING:
    from brief.write.pdf import PdfAttachment


@dataclass(frozen=True)
class BuildOptions:
    """Options of `brief build` (design.md §5); None means "as the source's meta says"."""

    formats: tuple[str, ...] = FORMATS
    out_dir: Path = Path("dist")
    paper: Paper | None = None
    layout: Layout | None = None
    large_print: bool = False
    time_limit: float | None = DEFAULT_TIME_LIMIT
    strict: bool = False
    keep_html: bool = False
    pdf_variant: str = DEFAULT_PDF_VARIANT
    as_of: PartialDate | None = None
    cache_dir: Path | None = None


@dataclass(frozen=True)
class Report:
    """A checked brief: the model and what the analysis found."""

    brief: Brief
    analysis: Analysis
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def findings(self) -> tuple[Diagnostic, ...]:
        return self.analysis.findings

    def fails(self, strict: bool = False) -> bool:
        """Return whether the findings stop the build (errors; warnings too under --strict)."""
        failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
        return any(finding.severity in failing for finding in self.findings)


@dataclass(frozen=True)
class BuildResult:
    """What a build produced; `outputs` is empty when findings stopped it."""

    report: Report
    outputs: tuple[Output, ...] = ()
    stopped: bool = False
    cached: bool = False
    notices: tuple[Diagnostic, ...] = ()


def check(path: Path | str, as_of: PartialDate | None = None) -> Report:
    """Load, validate and analyse a brief; raise BriefError for B-codes. A brief with variants is
    checked as its first row (`check_source` with a row checks any other)."""
    timings: dict[str, float] = {}
    with stage("load", timings):
        source = load(path)
    return check_source(source, as_of, None, timings)


def check_all(
    path: Path | str, as_of: PartialDate | None = None, only: Iterable[str] | None = None
) -> list[Report | BriefError]:
    """Check a brief, or every row of its variants (those `only` names) as its own brief: a row
    refused by validation is its BriefError in the list, the other rows are still checked."""
    source = load(path)
    if not variants.has_variants(source):
        return [check_source(source, as_of)]
    table = variants.read_table(source)
    wanted = set(only) if only is not None else None
    if wanted is not None and (unknown := wanted - {row.key for row in table.rows}):
        raise BriefError([variants.unknown_key(key) for key in sorted(unknown)])
    checked: list[Report | BriefError] = []
    for row in table.rows:
        if wanted is None or row.key in wanted:
            try:
                checked.append(check_source(source, as_of, row))
            except BriefError as caught:
                checked.append(caught)
    return checked


def check_source(
    source: Source,
    as_of: PartialDate | None = None,
    row: Row | None = None,
    timings: dict[str, float] | None = None,
) -> Report:
    """Validate and analyse a loaded brief, or one row of its variants (brief/read/variants/)."""
    timings = {} if timings is None else timings
    if row is None and variants.has_variants(source):
        row = variants.read_table(source).rows[0]
    if row is None:
        with stage("validate", timings):
            brief = validate(source)
        with stage("analyse", timings):
            return Report(brief, analyse(brief, as_of), timings)
    try:
        with stage("validate", timings):
            brief = variants.name_variant(validate(variants.fill(source, row)), row)
    except BriefError as caught:
        raise BriefError(variants.label(caught.diagnostics, row)) from None
    with stage("analyse", timings):
        analysis = analyse(brief, as_of)
    labelled = replace(analysis, findings=variants.label(analysis.findings, row))
    return Report(brief, labelled, timings)


def build(
    path: Path | str, options: BuildOptions | None = None, renderer: PdfRenderer | None = None
) -> BuildResult:
    """Check a brief and, unless its findings stop it, write every requested output.

    A process that builds many briefs may keep one `renderer` (`brief.write.pdf.PdfRenderer`)
    for all of them: it parses each print stylesheet once."""
    options = options or BuildOptions()
    using = renderer or PdfRenderer()  # closed below, outside the time limit (PdfRenderer.close)

    def whole_build() -> tuple[BuildResult, dict[str, bytes]]:
        timings: dict[str, float] = {}
        with stage("load", timings):
            source = load(path)
        return build_files(source, options, None, timings, True, using)

    try:
        result, files = within(options.time_limit, source_location(path), whole_build)
    finally:
        if renderer is None:
            using.close()
    if files:
        with stage("publish", result.report.timings):
            publish(files, options.out_dir)
    return result


def build_files(
    source: Source,
    options: BuildOptions,
    row: Row | None = None,
    timings: dict[str, float] | None = None,
    prepare: bool = False,
    renderer: PdfRenderer | None = None,
) -> tuple[BuildResult, dict[str, bytes]]:
    """Check a loaded brief (or one row of its variants) and return its outputs and report as
    bytes by file name, published by the caller (a batch's client: workers need no shared
    disk); `prepare` first makes sure the output folder can be written."""
    report = check_source(source, options.as_of, row, timings)
    if report.fails(options.strict):
        return BuildResult(report, stopped=True), {}
    if prepare:  # before the work: a batch's client prepares it once, on its own disk
        prepare_folder(options.out_dir)
    key = cache_key(report.brief, _cache_options(options))
    cached = _from_cache(options, key)
    files, outputs = cached or _write_and_keep(report, options, key, renderer)
    notices = build_notices(report.brief, options, outputs)
    files[f"{report.brief.name}.report.json"] = build_report(
        (*report.findings, *notices), outputs, report.analysis.matches, report.timings, __version__
    )
    return BuildResult(report, tuple(outputs), cached=bool(cached), notices=notices), files


def _write_and_keep(
    report: Report, options: BuildOptions, key: CacheKey, renderer: PdfRenderer | None
) -> tuple[dict[str, bytes], list[Output]]:
    """Write every output (the cache missed) and keep them in the cache."""
    if "pdf" in options.formats:
        _preload_weasyprint()  # not before the cache is asked: a no-op rebuild never needs it
    files, outputs = _write(report, options, report.timings, renderer)
    if options.cache_dir:
        store(options.cache_dir, key, files, outputs)
    return files, outputs


def fit_notice(output: Output, brief: Brief, where: Location) -> list[Diagnostic]:
    """Say what a handout changed to fit its pages (O-fit): smaller type, quotes left out, the
    timeline and quotes moved to the ebook and web page, figures cut to the key rows. Nothing
    moves or shrinks in silence."""
    said = _what_fitting_changed(output, len(brief.quotes), bool(brief.timeline))
    figures, shown = len(brief.figures), output.figures_shown
    if shown is not None and shown < figures:
        said.append(f"its figures table prints {shown} of {figures} figures")
    if brief.pictures and (output.fit or 0) >= FEWER_QUOTES_FIT:
        said.append(f"its pictures ({len(brief.pictures)}) moved to the ebook and web page")
    if not said:
        return []
    return [
        Diagnostic(
            "O-fit",
            Severity.WARNING,
            f"to fit the handout on {output.pages} pages, " + "; ".join(said),
            where,
            "shorten the summary, key points or quotes to print everything, or build with "
            "--layout brief (everything is in the ebook and web page)",
        )
    ]


def _what_fitting_changed(output: Output, quotes: int, timeline: bool) -> list[str]:
    fit, shown = output.fit or 0, output.quotes_shown
    if 1 <= fit < MOVED_FIT:
        said = [f"it used fit level {fit}: tighter spacing and smaller type"]
    elif fit >= MOVED_FIT:
        moved = " and ".join(["the timeline"] * timeline + ["the quotes"] * bool(quotes))
        said = [f"it used fit level {fit}: smaller type, and {moved or 'nothing'} moved out"]
    else:
        said = []
    if fit < MOVED_FIT and shown is not None and shown < quotes:
        said.append(f"it prints {shown} of its {quotes} quotes")
    return said


def build_notices(
    brief: Brief, options: BuildOptions, outputs: list[Output]
) -> tuple[Diagnostic, ...]:
    """Return what the builder should know about its outputs: O- codes, warnings that never
    stop a build (not even under --strict: they describe the output, not the source)."""
    notices = []
    where = brief.locate("meta.layout")
    layout = options.layout or brief.meta.layout
    for output in outputs:
        if output.format != "pdf":
            continue
        if layout is Layout.HANDOUT:
            notices += fit_notice(output, brief, where)
        if (
            layout is Layout.HANDOUT
            and options.large_print
            and (output.pages or 0) > LARGE_PRINT_HANDOUT_PAGES
        ):
            notices.append(
                Diagnostic(
                    "O-pages",
                    Severity.WARNING,
                    f"the large-print handout takes {output.pages} pages, more than the "
                    f"{LARGE_PRINT_HANDOUT_PAGES} it aims at; it was built anyway, at 16pt",
                    where,
                    "shorten the summary or key points, or build with --layout brief",
                )
            )
        if l10n.base_language(brief.meta.lang) in RTL_LANGUAGES:
            notices.append(
                Diagnostic(
                    "O-rtl",
                    Severity.WARNING,
                    "right-to-left PDF: text and tables read right to left, but WeasyPrint may "
                    "put Latin words set in bold or italic inside an Arabic or Hebrew sentence in "
                    "the wrong order, and a dash or note mark at a line's end on the wrong side",
                    brief.locate("meta.lang"),
                    "check the PDF by eye before printing; the EPUB and HTML are fully "
                    "right-to-left",
                )
            )
    return tuple(notices)


def build_in_memory(
    path: Path | str, options: BuildOptions | None = None, renderer: PdfRenderer | None = None
) -> tuple[Report, dict[str, bytes], list[Output]]:
    """Check a brief and return its outputs as bytes without writing anything (for previews),
    within the time limit of `options`."""
    options = options or BuildOptions()

    def in_memory() -> tuple[Report, dict[str, bytes], list[Output]]:
        report = check(path, options.as_of)
        if report.fails(options.strict):
            return report, {}, []
        files, outputs = _write(report, options, report.timings, renderer)
        return report, files, outputs

    return within(options.time_limit, source_location(path), in_memory)


def _preload_weasyprint() -> None:
    """Import WeasyPrint on a second thread while the document is composed and rendered to HTML.

    The part of its import spent waiting on its library lookup (ldconfig and gcc subprocesses)
    overlaps our own work; the rest is CPU under the GIL and adds up (bench/README.md, issue 6).
    """
    if "weasyprint" not in sys.modules:
        threading.Thread(target=importlib.import_module, args=("weasyprint",), daemon=True).start()


def _cache_options(options: BuildOptions) -> dict[str, object]:
    return {
        key: value
        for key, value in asdict(options).items()
        if key not in ("out_dir", "cache_dir", "strict", "time_limit")
    }


def _from_cache(
    options: BuildOptions, key: CacheKey
) -> tuple[dict[str, bytes], list[Output]] | None:
    """Return cached outputs (verified, described for this output folder), or None."""
    hit = lookup(options.cache_dir, key) if options.cache_dir else None
    if hit is None:
        return None
    return dict(hit.files), [
        replace(output, path=str(options.out_dir / output.path)) for output in hit.outputs
    ]


def _write(
    report: Report,
    options: BuildOptions,
    timings: dict[str, float],
    renderer: PdfRenderer | None = None,
) -> tuple[dict[str, bytes], list[Output]]:
    """Compose the document once, then write every requested format (brief/write/outputs.py)."""
    brief = report.brief
    with stage("compose", timings):
        document = compose(
            brief,
            report.analysis,
            ComposeOptions(options.paper, options.layout, options.large_print),
        )
    attaching = options.pdf_variant in ATTACHING_VARIANTS
    request = WriteRequest(
        name=brief.name,
        folder=brief.folder,
        source_path=brief.path,
        formats=options.formats,
        out_dir=options.out_dir,
        pdf_variant=options.pdf_variant,
        attachments=_audit_attachments(report) if attaching else (),
        keep_html=options.keep_html,
        renderer=renderer,
    )
    return write_all(document, request, timings)


def _audit_attachments(report: Report) -> list[PdfAttachment]:
    """Return the source and its findings, attached to a PDF/A-3 so it can be audited alone."""
    from brief.write.pdf import PdfAttachment

    date = report.brief.meta.date
    when = dt.datetime(date.year, date.month or 1, date.day or 1, tzinfo=dt.UTC)
    findings = (format_json(report.findings) + "\n").encode()
    return [
        PdfAttachment("brief.yaml", report.brief.source_yaml, "the brief's source", "Source", when),
        PdfAttachment("findings.json", findings, "brief check --format json", "Data", when),
    ]
