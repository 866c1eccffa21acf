"""Batch builds: several briefs at once in a process pool, one combined report, the worst exit code.

In: source paths and `BuildOptions`. Out: one `BatchItem` per source, in the order given. Each brief
builds in its own process (WeasyPrint layout is CPU-bound and single-threaded).
"""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from brief.api import BuildOptions, build
from brief.errors import BriefError, Diagnostic, ExitCode
from brief.report import Output


@dataclass(frozen=True)
class BatchItem:
    """What building one source of a batch gave."""

    source: str
    exit_code: int
    outputs: tuple[Output, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    stopped: bool = False
    notices: tuple[Diagnostic, ...] = ()


def build_one(source: str, options: BuildOptions) -> BatchItem:
    """Build one brief and summarise it; bad input becomes an item, never an exception."""
    try:
        result = build(source, options)
    except BriefError as caught:
        return BatchItem(source, ExitCode.INPUT_ERROR, diagnostics=caught.diagnostics)
    code = ExitCode.FINDINGS if result.stopped else ExitCode.OK
    return BatchItem(
        source,
        code,
        result.outputs,
        (*result.report.findings, *result.notices),
        result.stopped,
        result.notices,
    )


def build_many(
    sources: Sequence[str | Path], options: BuildOptions, jobs: int = 1
) -> list[BatchItem]:
    """Build every source, `jobs` at a time; the results keep the sources' order."""
    names = [str(source) for source in sources]
    if jobs <= 1 or len(names) == 1:
        return [build_one(name, options) for name in names]
    context = multiprocessing.get_context("spawn")  # no inherited threads or locks
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        return list(pool.map(build_one, names, [options] * len(names)))


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
