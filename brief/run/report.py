"""Build report: findings, outputs with size and sha256, quote matches and time per stage.

In: the check report, the written outputs and stage timings. Out: `<name>.report.json` bytes
(design.md §4). Also the `stage()` timer every stage runs under (style.md pattern 5).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass

from brief.analyse.findings import QuoteMatch
from brief.errors import Diagnostic, summarise

LOGGER = logging.getLogger("brief")


@dataclass(frozen=True)
class Output:
    """One written output file."""

    format: str
    path: str
    size: int
    sha256: str
    pages: int | None = None
    fit: int | None = None
    quotes_shown: int | None = None  # a handout PDF: how many quotes it prints
    figures_shown: int | None = None  # and how many rows of the figures table


@contextlib.contextmanager
def stage(name: str, timings: dict[str, float]) -> Iterator[None]:
    """Time a named stage into `timings` (seconds); log its start (DEBUG) and its time (INFO)."""
    LOGGER.debug("%s", name)
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - start
        LOGGER.info("stage %s: %.3f s", name, timings[name])


def describe_output(
    fmt: str,
    path: str,
    data: bytes,
    pages: int | None = None,
    fit: int | None = None,
    quotes_shown: int | None = None,
    figures_shown: int | None = None,
) -> Output:
    """Return size and hash of an output's bytes (and, for a PDF, its pages, fit level and the
    quotes it prints)."""
    digest = hashlib.sha256(data).hexdigest()
    return Output(fmt, path, len(data), digest, pages, fit, quotes_shown, figures_shown)


def _match(match: QuoteMatch) -> dict[str, object]:
    """Return one verified item as the report records it: its id under its kind, the source,
    the copy's sha256 and line, and a W3C TextQuoteSelector."""
    return {
        match.kind: match.quote,
        "source": match.source,
        "source_sha256": match.sha256,
        "line": match.line,
        "selector": {
            "type": "TextQuoteSelector",
            "exact": match.exact,
            "prefix": match.prefix,
            "suffix": match.suffix,
        },
    }


def build_report(
    findings: Sequence[Diagnostic],
    outputs: Sequence[Output],
    matches: Sequence[QuoteMatch],
    timings: Mapping[str, float],
    version: str,
) -> bytes:
    """Return the build report as JSON bytes."""
    payload = {
        "version": 1,
        "brief_version": version,
        "findings": [finding.as_json() for finding in findings],
        "summary": summarise(findings),
        "outputs": [asdict(output) for output in outputs],
        "quotes": [_match(match) for match in matches if match.kind == "quote"],
        "figures": [_match(match) for match in matches if match.kind == "figure"],
        "claims": [_match(match) for match in matches if match.kind == "claim"],
        "timings": {name: round(seconds, 4) for name, seconds in timings.items()},
    }
    return (json.dumps(payload, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
