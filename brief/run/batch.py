"""Batch builds: several briefs at once in a process pool, one combined report, the worst exit code.

In: source paths and `BuildOptions`. Out: one `BatchItem` per source, in the order given. Each brief
builds in its own process (WeasyPrint layout is CPU-bound and single-threaded). Briefs whose
outputs would share a name in the output folder are refused before anything is built; a brief
that fails, however it fails, is that brief's item and never stops or hides the others.
"""

from __future__ import annotations

import atexit
import importlib
import json
import multiprocessing
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field, replace
from functools import cache, partial
from pathlib import Path

from brief.errors import BriefError, Diagnostic, ExitCode, Location, error
from brief.read import variants
from brief.read.files import output_name as output_file_name
from brief.read.load import Source, find_source_file
from brief.read.variants import Row
from brief.read.variants.table import Table
from brief.run import api
from brief.run.api import BuildOptions, build_files
from brief.run.report import Output
from brief.run.timelimit import source_location, within
from brief.write.atomic import prepare_folder, publish
from brief.write.pdf import PdfRenderer

#: The combined report a batch writes beside its briefs' outputs.
BATCH_REPORT = "batch.report.json"


@dataclass(frozen=True)
class Job:
    """One brief to build: its source as given, the source as the client loaded it (so that a
    worker elsewhere needs no shared disk), and the table row when it is one variant."""

    source: str
    loaded: Source | None = None
    row: Row | None = None


@dataclass(frozen=True)
class BatchItem:
    """What building one source (or one variant of it) of a batch gave; `files` holds the
    outputs as bytes between the worker that made them and the client that publishes them."""

    source: str
    exit_code: int
    outputs: tuple[Output, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    stopped: bool = False
    notices: tuple[Diagnostic, ...] = ()
    variant: str = ""
    cached: bool = False
    files: dict[str, bytes] = field(default_factory=dict, compare=False, repr=False)


Worker = Callable[[Job, BuildOptions], BatchItem]
#: Told how many briefs are done, out of how many, and the one just finished (None at the start).
Progress = Callable[[int, int, "BatchItem | None"], None]


@cache
def worker_renderer() -> PdfRenderer:
    """Return this worker's PDF renderer: a batch worker is a warm process, so every brief it
    builds shares the print stylesheets it parsed (they differ only in their text). It is
    closed when the process exits: a pool's workers are spawned and leave through `sys.exit`,
    so `atexit` runs in them too."""
    renderer = PdfRenderer()
    atexit.register(renderer.close)
    return renderer


def build_one(job: Job | str, options: BuildOptions) -> BatchItem:
    """Build one brief or variant into bytes; any failure becomes an item, never an exception."""
    job = Job(str(job)) if not isinstance(job, Job) else job
    variant = job.row.key if job.row else ""
    try:
        result, files = within(
            options.time_limit,
            source_location(job.source),
            lambda: build_files(
                job.loaded or api.load(job.source), options, job.row, renderer=worker_renderer()
            ),
        )
    except BriefError as caught:
        return BatchItem(
            job.source, ExitCode.INPUT_ERROR, diagnostics=caught.diagnostics, variant=variant
        )
    except Exception as caught:  # a bug must not take the other briefs down with it
        return _failed(job, f"{type(caught).__name__}: {caught}")
    code = ExitCode.FINDINGS if result.stopped else ExitCode.OK
    return BatchItem(
        job.source,
        code,
        result.outputs,
        (*result.report.findings, *result.notices),
        result.stopped,
        result.notices,
        variant,
        result.cached,
        files,
    )


def _failed(job: Job, why: str) -> BatchItem:
    """The item of a brief whose build failed unexpectedly (B503)."""
    diagnostic = error(
        "B503",
        f"building this brief failed unexpectedly: {why}",
        job.row.location if job.row else Location(job.source),
        "this is a bug in brief: please report it with the brief; the other briefs were built",
    )
    variant = job.row.key if job.row else ""
    return BatchItem(job.source, ExitCode.INPUT_ERROR, diagnostics=(diagnostic,), variant=variant)


def plan(
    sources: Sequence[str | Path],
    only: Iterable[str] | None = None,
    seconds: float | None = None,
) -> list[Job | BatchItem]:
    """Turn sources into jobs: one per brief, one per chosen row of a brief with variants; a
    source whose table cannot be used is its own item. Reading a source and its table counts
    against its time limit (`seconds`). `only` keeps the rows with these keys (B425 when no
    source has one of them)."""
    wanted = set(only) if only is not None else None
    planned: list[Job | BatchItem] = []
    seen: set[str] = set()
    for given in map(str, sources):
        try:
            loaded, table = within(seconds, source_location(given), partial(_with_table, given))
        except BriefError as caught:
            if any(item.code == "B502" for item in caught.diagnostics) or _loaded(caught):
                planned.append(
                    BatchItem(given, ExitCode.INPUT_ERROR, diagnostics=caught.diagnostics)
                )
            else:
                planned.append(Job(given))  # it fails again where it is built, as its own item
            continue
        if table is None:
            planned.append(Job(given, loaded))
            continue
        rows = [row for row in table.rows if wanted is None or row.key in wanted]
        seen.update(row.key for row in rows)
        planned += [Job(given, loaded, row) for row in rows]
    if wanted is not None and wanted - seen:
        raise BriefError([variants.unknown_key(key) for key in sorted(wanted - seen)])
    return planned


def _with_table(given: str) -> tuple[Source, Table | None]:
    """Read a source and, when it has variants, its table."""
    loaded = api.load(given)
    return loaded, variants.read_table(loaded) if variants.has_variants(loaded) else None


def _loaded(caught: BriefError) -> bool:
    """Whether an error is about a variants table (B420–B424), found after the YAML loaded."""
    return any(item.code in variants.TABLE_CODES for item in caught.diagnostics)


def build_many(
    sources: Sequence[str | Path],
    options: BuildOptions,
    jobs: int = 1,
    *,
    executor: Executor | None = None,
    only: Iterable[str] | None = None,
    progress: Progress | None = None,
    worker: Worker = build_one,
) -> list[BatchItem]:
    """Build every source (every chosen row of one with variants), `jobs` at a time in a local
    process pool or on any `concurrent.futures.Executor` (a Dask cluster's, for one); publish
    each brief's outputs as it finishes; return the items in the sources' order.

    Raises BriefError, before building anything, when two outputs would share a name (B413) or
    `only` names a key no table has (B425).
    """
    planned = plan(sources, only, options.time_limit)
    work = [entry for entry in planned if isinstance(entry, Job)]
    if len(planned) > 1:
        refuse_shared_names(work, options)
    if work and (options.out_dir.exists() or options.out_dir.is_symlink()):
        prepare_folder(options.out_dir)  # once, before building: an unusable folder stops all
    done = _Done(options, len(planned), progress)
    if progress:
        progress(0, len(planned), None)
    for entry in planned:
        if isinstance(entry, BatchItem):
            done(entry)
    if executor is not None:
        items = _run(work, options, executor, worker, done)
    elif jobs <= 1 or len(work) <= 1:
        items = [done(worker(job, options)) for job in work]
    else:
        items = _in_local_pool(work, options, jobs, worker, done)
    built = iter(items)
    return [entry if isinstance(entry, BatchItem) else next(built) for entry in planned]


class _Done:
    """Publishes each finished item's outputs (on this machine, atomically) and reports it."""

    def __init__(self, options: BuildOptions, total: int, progress: Progress | None) -> None:
        self.options, self.total, self.progress, self.count = options, total, progress, 0

    def __call__(self, item: BatchItem) -> BatchItem:
        if item.files:
            try:
                publish(item.files, self.options.out_dir)
            except BriefError as caught:
                item = replace(
                    item,
                    exit_code=ExitCode.INPUT_ERROR,
                    outputs=(),
                    diagnostics=(*item.diagnostics, *caught.diagnostics),
                )
            item = replace(item, files={})  # published: no need to keep the bytes
        self.count += 1
        if self.progress:
            self.progress(self.count, self.total, item)
        return item


def _run(
    work: list[Job], options: BuildOptions, executor: Executor, worker: Worker, done: _Done
) -> list[BatchItem]:
    """Build on an executor; a job whose future fails is that job's item (B503)."""
    futures = {executor.submit(worker, job, options): index for index, job in enumerate(work)}
    items: dict[int, BatchItem] = {}
    for future in as_completed(futures):
        index = futures.pop(future)
        items[index] = done(
            _outcome(work[index], future) or _failed(work[index], "its worker stopped")
        )
    return [items[index] for index in range(len(work))]


def _in_local_pool(
    work: list[Job], options: BuildOptions, jobs: int, worker: Worker, done: _Done
) -> list[BatchItem]:
    """Build in a local process pool; the jobs lost with a worker process that died are built
    again one by one, so that only the culprit fails."""
    items: dict[int, BatchItem] = {}
    with _pool(jobs) as pool:
        futures = {pool.submit(worker, job, options): index for index, job in enumerate(work)}
        for future in as_completed(futures):
            index = futures.pop(future)
            item = _outcome(work[index], future)
            if item is not None:
                items[index] = done(item)
    lost = [index for index in range(len(work)) if index not in items]
    retry: ProcessPoolExecutor | None = None
    for index in lost:
        retry = retry or _pool(1)
        item = _outcome(work[index], retry.submit(worker, work[index], options))
        if item is None:
            retry.shutdown(wait=True)
            retry, item = None, _failed(work[index], "the process building it stopped")
        items[index] = done(item)
    if retry is not None:
        retry.shutdown(wait=True)
    return [items[index] for index in range(len(work))]


def _pool(jobs: int) -> ProcessPoolExecutor:
    """A pool of warm workers: each imports brief and WeasyPrint once and keeps its parsed
    stylesheets and fonts (brief/write/pdf.py) for every brief it is given."""
    context = multiprocessing.get_context("spawn")  # no inherited threads or locks
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=warm_up)


def warm_up() -> None:
    """Import what building takes while the client still plans (a pool's initializer)."""
    importlib.import_module("brief.write.outputs")
    importlib.import_module("weasyprint")


def _outcome(job: Job, future: Future[BatchItem]) -> BatchItem | None:
    problem = future.exception()  # waits; Ctrl+C while waiting still stops the batch
    if problem is None:
        return future.result()
    if isinstance(problem, BrokenProcessPool):
        return None
    return _failed(job, f"{type(problem).__name__}: {problem}")  # raised in the worker


def output_name(source: Path) -> str:
    """The name a brief's outputs get, without loading it (`files.output_name`)."""
    return output_file_name(find_source_file(source))


def _output_files(name: str, options: BuildOptions) -> set[str]:
    """The files a brief named `name` writes into the output folder (case-folded)."""
    suffixes = {*options.formats, "report.json"}
    if options.keep_html and "pdf" in options.formats:
        suffixes.add("print.html")
    return {f"{name}.{suffix}".casefold() for suffix in suffixes}


def _job_name(job: Job) -> str:
    if job.row is not None:
        return job.row.name
    return output_name(Path(job.source))


def _job_label(job: Job) -> str:
    return f"{job.source} (variant '{job.row.key}')" if job.row else job.source


def refuse_shared_names(work: Sequence[Job | str], options: BuildOptions) -> None:
    """Raise BriefError (B413) when two briefs or variants would write a file of the same name."""
    owners: dict[str, str] = {BATCH_REPORT: "the batch's combined report"}
    problems: list[Diagnostic] = []
    for job in (entry if isinstance(entry, Job) else Job(entry) for entry in work):
        if job.row is None and not find_source_file(Path(job.source)).is_file():
            continue  # it fails on its own, as B100
        label = _job_label(job)
        files = _output_files(_job_name(job), options)
        clash = sorted(files & owners.keys())
        if clash:
            problems.append(_shared_name(owners[clash[0]], label, clash[0], options))
        owners.update(dict.fromkeys(files, label))
    if problems:
        raise BriefError(problems)


def _shared_name(first: str, second: str, file: str, options: BuildOptions) -> Diagnostic:
    target = options.out_dir / file
    if first == "the batch's combined report":
        message = f"{second} would write {target}, which is {first}"
    else:
        message = f"{first} and {second} would both write {target}: one would overwrite the other"
    return error(
        "B413",
        message + "; nothing was built",
        Location(second),
        "build them into different output folders (-o), or rename a folder",
    )


def worst_exit_code(items: Sequence[BatchItem]) -> int:
    """Return the most serious exit code of a batch."""
    return max((item.exit_code for item in items), default=ExitCode.OK)


def batch_report(items: Sequence[BatchItem]) -> bytes:
    """Return the combined report of a batch as JSON bytes."""
    payload = {
        "version": 1,
        "exit_code": worst_exit_code(items),
        "briefs": [
            {
                "source": item.source,
                **({"variant": item.variant} if item.variant else {}),
                "exit_code": item.exit_code,
                "stopped": item.stopped,
                "outputs": [asdict(output) for output in item.outputs],
                "findings": [diagnostic.as_json() for diagnostic in item.diagnostics],
            }
            for item in items
        ],
    }
    return (json.dumps(payload, indent=2, ensure_ascii=False) + "\n").encode()
