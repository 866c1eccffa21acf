"""The single small build (issue 15, item 4): `brief build` on examples/thorn vs bare WeasyPrint.

Usage: python bench/example.py [--runs 9] [--example examples/thorn] [--other-src DIR]
Times, in interleaved rounds, `brief build -f pdf`, `brief build` (all formats) and the bare
`weasyprint` command on the print HTML brief kept (`--keep-html`), same PDF/UA-1 variant; prints
median wall and CPU times and the two ratios (PDF / bare WeasyPrint, all formats / PDF).
`--other-src DIR` adds the same two brief commands run from another checkout's `brief` package
(PYTHONPATH=DIR), e.g. an export of main, so a change is compared with its base under one load.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PYTHON = sys.executable


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run a command; return its wall seconds and its CPU seconds (user and system, all threads).

    CPU time is the steadier measure on a shared machine: other work there lengthens the wall
    time of whichever command it overlaps, much less the CPU time a command needs.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def _ratios(measure: str, median: dict[str, float], other: bool) -> list[str]:
    bare = median["weasyprint"]
    lines = [
        f"{measure} brief pdf / weasyprint: {median['brief pdf'] / bare:.3f}x",
        f"{measure} brief all / brief pdf:  {median['brief all'] / median['brief pdf']:.3f}x",
    ]
    if other:
        lines += [
            f"{measure} other pdf / weasyprint: {median['other pdf'] / bare:.3f}x",
            f"{measure} other all / other pdf:  {median['other all'] / median['other pdf']:.3f}x",
        ]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--example", type=Path, default=Path("examples/thorn"))
    parser.add_argument("--other-src", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / args.example.name
        shutil.copytree(args.example, folder)
        out = Path(scratch) / "out"
        brief = [PYTHON, "-m", "brief", "build", str(folder), "--no-cache", "-q", "-o", str(out)]
        jobs: dict[str, tuple[list[str], dict[str, str] | None]] = {
            "brief pdf": ([*brief, "-f", "pdf", "--keep-html"], None),
            "brief all": (brief, None),
        }
        if args.other_src:
            other = {**os.environ, "PYTHONPATH": str(args.other_src.resolve())}
            jobs["other pdf"] = ([*brief, "-f", "pdf"], other)
            jobs["other all"] = (brief, other)
        html = out / f"{folder.name}.print.html"
        bare = ["--pdf-variant", "pdf/ua-1", "--base-url", str(folder), str(html)]
        jobs["weasyprint"] = ([PYTHON, "-m", "weasyprint", *bare, str(out / "bare.pdf")], None)
        timed(*jobs["brief pdf"])  # warm the disk cache and keep the print HTML
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in jobs}
        for _ in range(args.runs):
            for name, (command, env) in jobs.items():
                times[name].append(timed(command, env))
    lines: list[str] = []
    for index, measure in enumerate(("wall", "cpu")):
        median = {
            name: statistics.median(v[index] for v in values) for name, values in times.items()
        }
        for name, values in times.items():
            spread = max(v[index] for v in values) - min(v[index] for v in values)
            lines.append(f"{measure} {name:12} median {median[name]:.3f} s  spread {spread:.3f} s")
        lines += _ratios(measure, median, bool(args.other_src))
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
