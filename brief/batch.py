"""Batch builds: several briefs at once in a process pool, one combined report, the worst exit code.

In: source paths and `BuildOptions`. Out: one `BatchItem` per source, in the order given. Each brief
builds in its own process (WeasyPrint layout is CPU-bound and single-threaded). Briefs whose
outputs would share a name in the output folder are refused before anything is built; a brief
that fails, however it fails, is that brief's item and never stops or hides the others.
"""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass
from pathlib import Path

from brief.api import BuildOptions, build
from brief.errors import BriefError, Diagnostic, ExitCode, Location, error
from brief.files import output_name as output_file_name
from brief.load import find_source_file
from brief.report import Output

#: The combined report a batch writes beside its briefs' outputs.
BATCH_REPORT = "batch.report.json"


@dataclass(frozen=True)
class BatchItem:
    """What building one source of a batch gave."""

    source: str
    exit_code: int
    outputs: tuple[Output, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    stopped: bool = False
    notices: tuple[Diagnostic, ...] = ()


Worker = Callable[[str, BuildOptions], BatchItem]


def build_one(source: str, options: BuildOptions) -> BatchItem:
    """Build one brief and summarise it; any failure becomes an item, never an exception."""
    try:
        result = build(source, options)
    except BriefError as caught:
        return BatchItem(source, ExitCode.INPUT_ERROR, diagnostics=caught.diagnostics)
    except Exception as caught:  # a bug must not take the other briefs down with it
        return _failed(source, f"{type(caught).__name__}: {caught}")
    code = ExitCode.FINDINGS if result.stopped else ExitCode.OK
    return BatchItem(
        source,
        code,
        result.outputs,
        (*result.report.findings, *result.notices),
        result.stopped,
        result.notices,
    )


def _failed(source: str, why: str) -> BatchItem:
    """The item of a brief whose build failed unexpectedly (B503)."""
    diagnostic = error(
        "B503",
        f"building this brief failed unexpectedly: {why}",
        Location(source),
        "this is a bug in brief: please report it with the brief; the other briefs were built",
    )
    return BatchItem(source, ExitCode.INPUT_ERROR, diagnostics=(diagnostic,))


def build_many(
    sources: Sequence[str | Path],
    options: BuildOptions,
    jobs: int = 1,
    *,
    worker: Worker = build_one,
) -> list[BatchItem]:
    """Build every source, `jobs` at a time; the results keep the sources' order.

    Raises BriefError (B413), before building anything, when two sources' outputs share a name.
    """
    names = [str(source) for source in sources]
    if len(names) > 1:
        refuse_shared_names(names, options)
    if jobs <= 1 or len(names) == 1:
        return [worker(name, options) for name in names]
    items = _in_pool(names, options, jobs, worker)
    for index, item in enumerate(items):  # a crashed process took its neighbours' builds too:
        if item is None:  # each builds again alone, so only the culprit fails
            items[index] = _in_pool([names[index]], options, 1, worker)[0] or _failed(
                names[index], "the process building it stopped"
            )
    return [item for item in items if item is not None]


def _in_pool(
    names: list[str], options: BuildOptions, jobs: int, worker: Worker
) -> list[BatchItem | None]:
    """Build in a process pool; None for a build lost with its pool (a worker process died)."""
    context = multiprocessing.get_context("spawn")  # no inherited threads or locks
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        futures = [pool.submit(worker, name, options) for name in names]
        return [_outcome(name, future) for name, future in zip(names, futures, strict=True)]


def _outcome(source: str, future: Future[BatchItem]) -> BatchItem | None:
    problem = future.exception()  # waits; Ctrl+C while waiting still stops the batch
    if problem is None:
        return future.result()
    if isinstance(problem, BrokenProcessPool):
        return None
    return _failed(source, f"{type(problem).__name__}: {problem}")  # raised in the worker


def output_name(source: Path) -> str:
    """The name a brief's outputs get, without loading it (`files.output_name`)."""
    return output_file_name(find_source_file(source))


def _output_files(name: str, options: BuildOptions) -> set[str]:
    """The files a brief named `name` writes into the output folder (case-folded)."""
    suffixes = {*options.formats, "report.json"}
    if options.keep_html and "pdf" in options.formats:
        suffixes.add("print.html")
    return {f"{name}.{suffix}".casefold() for suffix in suffixes}


def refuse_shared_names(sources: Sequence[str], options: BuildOptions) -> None:
    """Raise BriefError (B413) when two sources would write a file of the same name."""
    owners: dict[str, str] = {BATCH_REPORT: "the batch's combined report"}
    problems: list[Diagnostic] = []
    for source in sources:
        if not find_source_file(Path(source)).is_file():
            continue  # it fails on its own, as B100
        files = _output_files(output_name(Path(source)), options)
        clash = sorted(files & owners.keys())
        if clash:
            problems.append(_shared_name(owners[clash[0]], source, clash[0], options))
        owners.update(dict.fromkeys(files, source))
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
                "exit_code": item.exit_code,
                "stopped": item.stopped,
                "outputs": [asdict(output) for output in item.outputs],
                "findings": [diagnostic.as_json() for diagnostic in item.diagnostics],
            }
            for item in items
        ],
    }
    return (json.dumps(payload, indent=2, ensure_ascii=False) + "\n").encode()
