"""The library API: `load()`, `check()`, `build()`; the CLI is a thin layer over these.

In: a path to a brief and options. Out: a `Report` (check) or a `BuildResult` (build). Only `build`
writes, through `publish`, after every requested output exists as bytes.
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
import threading
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from brief import l10n
from brief.analyse import Analysis, analyse
from brief.cache import CacheKey, cache_key, lookup, store
from brief.compose import RTL_LANGUAGES, ComposeOptions, compose
from brief.dates import PartialDate
from brief.errors import Diagnostic, Location, Severity, format_json
from brief.load import load
from brief.model import Brief, Layout, Paper
from brief.options import ATTACHING_VARIANTS, DEFAULT_PDF_VARIANT, DEFAULT_TIME_LIMIT, FORMATS
from brief.render import MOVED_FIT, pdf_resources, printed_quotes, render_page
from brief.report import Output, build_report, describe_output, stage
from brief.timelimit import time_limit
from brief.validate import validate
from brief.version import __version__
from brief.write.atomic import prepare_folder, publish

if TYPE_CHECKING:
    from brief.write.pdf import PdfAttachment

#: A handout prints on at most two pages, on A4 and on Letter (design.md §4).
HANDOUT_PAGES = 2
#: A large-print handout sets 16pt type where the handout sets 9–10pt: 2.5 times the area per
#: word. It may take two sheets printed on both sides.
LARGE_PRINT_HANDOUT_PAGES = 4


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
    """Load, validate and analyse a brief; raise BriefError for B-codes."""
    timings: dict[str, float] = {}
    with stage("load", timings):
        source = load(path)
    with stage("validate", timings):
        brief = validate(source)
    with stage("analyse", timings):
        analysis = analyse(brief, as_of)
    return Report(brief, analysis, timings)


def build(path: Path | str, options: BuildOptions | None = None) -> BuildResult:
    """Check a brief and, unless its findings stop it, write every requested output."""
    options = options or BuildOptions()
    report = check(path, options.as_of)
    if report.fails(options.strict):
        return BuildResult(report, stopped=True)
    prepare_folder(options.out_dir)
    timings = report.timings
    key = cache_key(report.brief, _cache_options(options))
    cached = _from_cache(options, key)
    if cached:
        files, outputs = cached
    else:
        if "pdf" in options.formats:
            _preload_weasyprint()  # not before the cache is asked: a no-op rebuild never needs it
        with time_limit(options.time_limit, report.brief.locate("meta")):
            files, outputs = _write_outputs(report, options, timings)
        if options.cache_dir:
            store(options.cache_dir, key, files, outputs)
    name = report.brief.name
    notices = build_notices(report.brief, options, outputs)
    files[f"{name}.report.json"] = build_report(
        (*report.findings, *notices), outputs, report.analysis.matches, timings, __version__
    )
    with stage("publish", timings):
        publish(files, options.out_dir)
    return BuildResult(report, tuple(outputs), cached=bool(cached), notices=notices)


def fit_notice(output: Output, quotes: int, timeline: bool, where: Location) -> list[Diagnostic]:
    """Say what a handout changed to fit its pages (O-fit): smaller type, quotes left out, the
    timeline and quotes moved to the ebook and web page. Nothing moves or shrinks in silence."""
    fit, shown = output.fit or 0, output.quotes_shown
    said = []
    if 1 <= fit < MOVED_FIT:
        said.append(f"it used fit level {fit}: tighter spacing and smaller type")
    if fit >= MOVED_FIT:
        moved = " and ".join(["the timeline"] * timeline + ["the quotes"] * bool(quotes))
        said.append(
            f"it used fit level {fit}: smaller type, and {moved or 'nothing'} moved to the "
            "ebook and web page"
        )
    elif shown is not None and shown < quotes:
        said.append(f"it prints {shown} of its {quotes} quotes (all are in the ebook and web page)")
    if not said:
        return []
    return [
        Diagnostic(
            "O-fit",
            Severity.WARNING,
            f"to fit the handout on {output.pages} pages, " + "; ".join(said),
            where,
            "shorten the summary, key points or quotes to print everything, or build with "
            "--layout brief",
        )
    ]


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
            notices += fit_notice(output, len(brief.quotes), bool(brief.timeline), where)
        if (
            layout is Layout.HANDOUT
            and options.large_print
            and output.pages > LARGE_PRINT_HANDOUT_PAGES
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
    path: Path | str, options: BuildOptions | None = None
) -> tuple[Report, dict[str, bytes], list[Output]]:
    """Check a brief and return its outputs as bytes without writing anything (for previews)."""
    options = options or BuildOptions()
    report = check(path, options.as_of)
    if report.fails(options.strict):
        return report, {}, []
    files, outputs = _write_outputs(report, options, report.timings)
    return report, files, outputs


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


def first_anchor_per_page(anchors: tuple[tuple[str, ...], ...]) -> dict[str, int]:
    """Map the first element id on each printed page to that page's number (for the EPUB)."""
    starts: dict[str, int] = {}
    for number, ids in enumerate(anchors, start=1):
        usable = [i for i in ids if not i.startswith(("note-", "ref-")) and i not in starts]
        if usable:
            starts[usable[0]] = number
    return starts


def _write_outputs(
    report: Report, options: BuildOptions, timings: dict[str, float]
) -> tuple[dict[str, bytes], list[Output]]:
    """Compose once, then render and write every requested format as bytes.

    The EPUB and HTML are written on a second thread while WeasyPrint serialises the PDF: they
    need only the PDF's page map, known as soon as its layout is done (issue 6).
    """
    brief = report.brief
    with stage("compose", timings):
        document = compose(
            brief,
            report.analysis,
            ComposeOptions(options.paper, options.layout, options.large_print),
        )
    files: dict[str, bytes] = {}
    outputs: dict[str, Output] = {}
    name = brief.name
    others: list[threading.Thread] = []
    failures: list[BaseException] = []

    def write_others(page_starts: dict[str, int]) -> None:
        try:
            if "epub" in options.formats:
                from brief.write.epub import write_epub

                with stage("epub", timings):
                    files[f"{name}.epub"] = write_epub(document, page_starts)
            if "html" in options.formats:
                from brief.write.html import write_html

                with stage("html", timings):
                    files[f"{name}.html"] = write_html(document)
        except BaseException as caught:  # re-raised on the calling thread below
            failures.append(caught)

    def start_others(anchors: tuple[tuple[str, ...], ...]) -> None:
        thread = threading.Thread(target=write_others, args=(first_anchor_per_page(anchors),))
        thread.start()
        others.append(thread)

    if "pdf" in options.formats:
        from brief.write.pdf import write_pdf

        page_limit = None
        if document.layout is Layout.HANDOUT:
            page_limit = LARGE_PRINT_HANDOUT_PAGES if document.large_print else HANDOUT_PAGES
        with stage("pdf", timings):
            pdf = write_pdf(
                lambda fit: render_page(document, "pdf", fit),
                brief.folder,
                brief.path,
                options.pdf_variant,
                document.id,
                max_pages=page_limit,
                hard_limit=not document.large_print,
                provided=pdf_resources(document),
                attachments=(
                    _audit_attachments(report) if options.pdf_variant in ATTACHING_VARIANTS else ()
                ),
                on_layout=start_others,
            )
        files[f"{name}.pdf"] = pdf.data
        shown = len(printed_quotes(document, "pdf", pdf.fit))
        outputs["pdf"] = describe_output(
            "pdf", str(options.out_dir / f"{name}.pdf"), pdf.data, pdf.pages, pdf.fit, shown
        )
        if options.keep_html:
            files[f"{name}.print.html"] = pdf.html.encode("utf-8")
    else:
        write_others({})
    for thread in others:
        thread.join()
    if failures:
        raise failures[0]
    for fmt in ("epub", "html"):
        if f"{name}.{fmt}" in files:
            outputs[fmt] = describe_output(
                fmt, str(options.out_dir / f"{name}.{fmt}"), files[f"{name}.{fmt}"]
            )
    return files, [outputs[fmt] for fmt in FORMATS if fmt in outputs]
