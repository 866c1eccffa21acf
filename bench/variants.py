"""Benchmark of variants (issue 15): many handouts from one brief and one table, on 2 cores.

    .venv/bin/python bench/variants.py [--rows 200] [--runs 1] [--skip-dask] [--skip-rss]

Measures, interleaved in one run:
- `brief build -f pdf -j 2` of ROWS county variants against the bare `weasyprint` command run once
  per document, 2 at a time, on the same print HTML (goal ≤ 0.5×), and all formats (goal ≤ 0.7×);
- the resident memory of one warm worker after its 10th and its last brief (goal: flat within 10 %);
- `brief check` of every variant (goal < 10 s);
- the same PDF build on a Dask LocalCluster (2 worker processes) against the local pool (goal:
  within 20 %);
- the committed example (`-f pdf --keep-html --jobs 2`) against bare WeasyPrint on its print HTML.

The ROWS-row table repeats the example's 67 counties with numbered keys. Prints a Markdown section
for bench/RESULTS.md. Not a test: it takes about a quarter of an hour.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "variants-alabama-poverty"
PYTHON = sys.executable
RSS_LOG = "BRIEF_BENCH_RSS_LOG"


def make_table(folder: Path, rows: int) -> Path:
    """Copy the example into `folder` with a table of `rows` rows (the counties, repeated)."""
    target = folder / "counties"
    shutil.copytree(EXAMPLE, target)
    with (EXAMPLE / "counties.csv").open(newline="") as stream:
        counties = list(csv.DictReader(stream))
    with (target / "counties.csv").open("w", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(counties[0]), lineterminator="\n")
        writer.writeheader()
        for index in range(rows):
            row = dict(counties[index % len(counties)])
            row["file"] = f"{row['file']}-{index // len(counties) + 1}"
            writer.writerow(row)
    return target


def brief_command(folder: Path, out: Path, *extra: str) -> list[str]:
    return [PYTHON, "-m", "brief", "build", str(folder), "--no-cache", "-q", "-o", str(out), *extra]


def run(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def bare_weasyprint(folder: Path, html_dir: Path, out: Path) -> float:
    """Run the `weasyprint` command once per print HTML, 2 at a time; return the wall time."""
    out.mkdir(parents=True, exist_ok=True)
    pages = sorted(html_dir.glob("*.print.html"))

    def one(page: Path) -> None:
        name = page.name.removesuffix(".print.html")
        subprocess.run(
            [
                PYTHON,
                "-m",
                "weasyprint",
                "--pdf-variant",
                "pdf/ua-1",
                "--base-url",
                str(folder),
                str(page),
                str(out / f"{name}.pdf"),
            ],
            check=True,
            capture_output=True,
        )

    start = time.perf_counter()
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(one, pages))
    return time.perf_counter() - start


def _measured(job: object, options: object) -> object:
    """A batch worker that logs its process's memory after every brief it builds."""
    from brief.run.batch import build_one

    item = build_one(job, options)  # type: ignore[arg-type]
    with open(f"/proc/{os.getpid()}/statm") as stream:
        current = int(stream.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with open(os.environ[RSS_LOG], "a") as log:
        log.write(f"{os.getpid()} {current} {peak}\n")
    return item


def rss_per_brief(folder: Path, out: Path, log: Path) -> dict[int, tuple[int, int]]:
    """Build every variant in one warm worker; return its RSS and peak (KiB) after each brief."""
    from brief import BuildOptions
    from brief.run.batch import build_many, warm_up

    os.environ[RSS_LOG] = str(log)
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context, initializer=warm_up) as pool:
        build_many(
            [folder], BuildOptions(formats=("pdf",), out_dir=out), executor=pool, worker=_measured
        )  # type: ignore[arg-type]
    lines = [line.split() for line in log.read_text().splitlines()]
    return {index: (int(line[1]), int(line[2])) for index, line in enumerate(lines, start=1)}


def dask_build(folder: Path, out: Path) -> tuple[float, float]:
    """Build the PDFs on a LocalCluster of 2 worker processes; return start-up and build time."""
    from distributed import Client, LocalCluster

    from brief import BuildOptions
    from brief.run.batch import build_many

    start = time.perf_counter()
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        ready = time.perf_counter()
        build_many(
            [folder], BuildOptions(formats=("pdf",), out_dir=out), executor=client.get_executor()
        )
        done = time.perf_counter()
    return ready - start, done - ready


def local_build(folder: Path, out: Path) -> float:
    from brief import BuildOptions
    from brief.run.batch import build_many

    start = time.perf_counter()
    build_many([folder], BuildOptions(formats=("pdf",), out_dir=out), jobs=2)
    return time.perf_counter() - start


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def interleaved(runs: int, steps: dict[str, Callable[[], float]]) -> dict[str, list[float]]:
    """Run each step once per round, in turn, `runs` rounds; return the times by step."""
    times: dict[str, list[float]] = {name: [] for name in steps}
    for round_number in range(runs):
        for name, step in steps.items():
            times[name].append(step())
            sys.stderr.write(f"  round {round_number + 1}: {name} {times[name][-1]:.1f} s\n")
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--skip-rss", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="brief-bench-variants-"))
    folder = make_table(work, args.rows)
    lines = [f"## Variants: {args.rows} county handouts (2 cores, {args.runs} run(s))", ""]
    lines += many(folder, work, args)
    lines += example(work, args.runs)
    if not args.skip_rss:
        lines += memory(folder, work)
    if not args.skip_dask:
        lines += dask(folder, work)
    sys.stdout.write("\n".join(lines) + "\n")
    shutil.rmtree(work, ignore_errors=True)
    return 0


def many(folder: Path, work: Path, args: argparse.Namespace) -> list[str]:
    subprocess.run(
        brief_command(folder, work / "html", "-f", "pdf", "--keep-html", "-j", "2"),
        check=True,
        capture_output=True,
        cwd=ROOT,
    )  # the print HTML for the bare runs
    times = interleaved(
        args.runs,
        {
            "brief pdf": lambda: run(brief_command(folder, work / "pdf", "-f", "pdf", "-j", "2")),
            "weasyprint": lambda: bare_weasyprint(folder, work / "html", work / "bare"),
            "brief all": lambda: run(brief_command(folder, work / "all", "-j", "2")),
            "brief check": lambda: run([PYTHON, "-m", "brief", "check", str(folder)]),
        },
    )
    bare = median(times["weasyprint"])
    rows = [
        "| command | median s | s per handout | ratio to bare weasyprint |",
        "|---|---|---|---|",
    ]
    for name, values in times.items():
        ratio = f"{median(values) / bare:.2f}×" if name != "brief check" else "—"
        rows.append(
            f"| {name} | {median(values):.1f} | {median(values) / args.rows:.3f} | {ratio} |"
        )
    return [*rows, ""]


def example(work: Path, runs: int) -> list[str]:
    """The committed example: `-f pdf --keep-html --jobs 2` against bare on its print HTML."""
    out = work / "example"
    times = interleaved(
        runs,
        {
            "brief pdf (example)": lambda: run(
                brief_command(EXAMPLE, out, "-f", "pdf", "--keep-html", "-j", "2")
            ),
            "weasyprint (example)": lambda: bare_weasyprint(EXAMPLE, out, work / "example-bare"),
        },
    )
    brief, bare = median(times["brief pdf (example)"]), median(times["weasyprint (example)"])
    count = len(list(out.glob("*.print.html")))
    return [
        f"The committed example ({count} rows, `-f pdf --keep-html --jobs 2`): "
        f"brief {brief:.1f} s, "
        f"bare weasyprint on its {count} print HTML files 2 at a time {bare:.1f} s: "
        f"**{brief / bare:.2f}×**.",
        "",
    ]


def memory(folder: Path, work: Path) -> list[str]:
    rss = rss_per_brief(folder, work / "rss", work / "rss.log")
    last = max(rss)
    tenth, end = rss[10], rss[last]
    return [
        f"One warm worker building all {last} PDFs: RSS {tenth[0] / 1024:.0f} MiB after brief 10, "
        f"{end[0] / 1024:.0f} MiB after brief {last} ({(end[0] / tenth[0] - 1) * 100:+.1f} %); "
        f"peak RSS {tenth[1] / 1024:.0f} MiB then {end[1] / 1024:.0f} MiB "
        f"({(end[1] / tenth[1] - 1) * 100:+.1f} %).",
        "",
    ]


def dask(folder: Path, work: Path) -> list[str]:
    local = local_build(folder, work / "local")
    startup, remote = dask_build(folder, work / "dask")
    return [
        f"PDFs in-process API, local pool of 2: {local:.1f} s; Dask LocalCluster (2 worker "
        f"processes, started in {startup:.1f} s beforehand): {remote:.1f} s "
        f"(**{remote / local:.2f}×** the local pool).",
        "",
    ]


if __name__ == "__main__":
    sys.exit(main())
