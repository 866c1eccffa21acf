"""Benchmark `brief build` against bare WeasyPrint and pandoc on the same content (issue 6).

Usage: python bench/run.py [--sizes 4,100,400] [--runs 5] [--smoke]
Generates seeded briefs of about 4, 100 and 400 PDF pages (`brief` layout), times each command in
interleaved rounds (median and spread of wall time, peak RSS of the process tree), and writes
bench/RESULTS.md with ratios. pandoc comes from PyPI's `pypandoc-binary` (benchmark only).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
#: Paragraphs per target page count (A4, `brief` layout; 5 gave 58 pages for 100).
PARAGRAPHS_PER_PAGE = 9


def _sentence(rng: random.Random) -> str:
    words = [
        rng.choice(
            [
                "report",
                "children",
                "online",
                "safety",
                "the",
                "team",
                "numbers",
                "data",
                "volunteers",
                "identified",
                "tools",
                "partners",
                "cases",
                "year",
                "work",
            ]
        )
        for _ in range(rng.randint(8, 18))
    ]
    return " ".join(words).capitalize() + "."


def generate(folder: Path, pages: int, seed: int = 7) -> tuple[Path, Path]:
    """Write a brief of about `pages` pages and the same content as Markdown; return both."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paragraphs = [
        " ".join(_sentence(rng) for _ in range(5)) for _ in range(pages * PARAGRAPHS_PER_PAGE)
    ]
    summary = "\n\n".join(paragraphs)
    (folder / "summary.md").write_text(summary + "\n", encoding="utf-8")
    figures = "\n".join(
        f'  - {{id: f{i}, value: {rng.randint(10, 9999)}, counts: "things counted {i}", '
        f'period: "2020", source: s}}'
        for i in range(pages * 3)
    )
    (folder / "brief.yaml").write_text(
        "brief: 1\nmeta: {title: Benchmark brief, lang: en, date: 2024-01-01, layout: brief}\n"
        f"summary: {{file: summary.md}}\nfigures:\n{figures}\n"
        "sources:\n  - {id: s, title: Report, publisher: Example}\n",
        encoding="utf-8",
    )
    markdown = folder / "content.md"
    rows = "\n".join(f"| f{i} | things counted {i} |" for i in range(pages * 3))
    markdown.write_text(
        f"# Benchmark brief\n\n{summary}\n\n| id | counts |\n|---|---|\n{rows}\n", encoding="utf-8"
    )
    return folder, markdown


def timed(command: list[str]) -> tuple[float, int]:
    """Run a command; return wall seconds and the peak RSS (KiB) of its process tree."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(after, before)


def measure_rss(command: list[str]) -> int:
    """Return the peak RSS (KiB) of one run, measured by GNU time when it is installed."""
    gnu_time = shutil.which("time") or "/usr/bin/time"
    if not Path(gnu_time).exists():
        return 0
    result = subprocess.run(
        [gnu_time, "-f", "%M", *command], check=True, capture_output=True, text=True
    )
    return int(result.stderr.strip().splitlines()[-1])


def commands(folder: Path, markdown: Path, out: Path) -> dict[str, list[str]]:
    import pypandoc

    pandoc = pypandoc.get_pandoc_path()
    brief = [PYTHON, "-m", "brief", "build", str(folder), "--no-cache", "-q", "-o", str(out)]
    return {
        "brief pdf": [*brief, "-f", "pdf", "--keep-html"],
        "brief epub": [*brief, "-f", "epub"],
        "brief html": [*brief, "-f", "html"],
        "brief all": brief,
        "weasyprint": [
            PYTHON,
            "-m",
            "weasyprint",
            "--pdf-variant",
            "pdf/ua-1",
            "--base-url",
            str(folder),
            str(out / f"{folder.name}.print.html"),
            str(out / "bare.pdf"),
        ],
        "pandoc pdf": [
            pandoc,
            str(markdown),
            "--pdf-engine",
            "weasyprint",
            "-o",
            str(out / "pandoc.pdf"),
        ],
        "pandoc epub": [pandoc, str(markdown), "-o", str(out / "pandoc.epub")],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="4,100,400")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--smoke", action="store_true", help="4 pages, one run each")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    sizes = [4] if args.smoke else [int(size) for size in args.sizes.split(",")]
    runs = 1 if args.smoke else args.runs
    env_path = str(Path(PYTHON).parent)
    os.environ["PATH"] = env_path + os.pathsep + os.environ.get("PATH", "")
    lines = [
        f"# Benchmark results\n\nCommand: `python bench/run.py {' '.join(sys.argv[1:])}`  ",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; {time.strftime('%Y-%m-%d')}. Ratios, not absolute "
        "claims: wall time medians over interleaved rounds.\n",
    ]
    home = Path.cwd()
    with tempfile.TemporaryDirectory() as scratch:
        os.chdir(scratch)  # pandoc's WeasyPrint engine leaves temporary files in the working folder
        for size in sizes:
            folder, markdown = generate(Path(scratch) / f"b{size}", size)
            out = Path(scratch) / f"out{size}"
            out.mkdir()
            jobs = commands(folder, markdown, out)
            timed(jobs["brief pdf"])  # warm the disk cache and create the kept HTML
            times: dict[str, list[float]] = {name: [] for name in jobs}
            for _ in range(runs):
                for name, command in jobs.items():
                    times[name].append(timed(command)[0])
            rss = {name: measure_rss(command) for name, command in jobs.items()}
            pages = subprocess.run(
                ["pdfinfo", str(out / f"{folder.name}.pdf")], capture_output=True, text=True
            ).stdout
            count = next(
                (int(line.split()[-1]) for line in pages.splitlines() if line.startswith("Pages:")),
                size,
            )
            median = {name: statistics.median(values) for name, values in times.items()}
            lines.append(f"\n## About {size} pages ({count} PDF pages, {runs} runs)\n")
            lines.append("| command | median s | spread s | s/page | peak RSS MiB | ratio |")
            lines.append("|---|---|---|---|---|---|")
            for name, values in times.items():
                base = "weasyprint" if name.startswith("brief") and name != "brief epub" else None
                base = "pandoc epub" if name == "brief epub" else base
                ratio = f"{median[name] / median[base]:.2f}× {base}" if base else ""
                lines.append(
                    f"| {name} | {median[name]:.2f} | {max(values) - min(values):.2f} | "
                    f"{median[name] / count:.3f} | {rss[name] / 1024:.0f} | {ratio} |"
                )
            own = median["brief pdf"] - median["weasyprint"]
            lines.append(
                f"\nbrief's own share of the PDF build: {own:.2f} s "
                f"({own / count:.4f} s per page). pandoc → PDF via WeasyPrint: "
                f"{median['pandoc pdf'] / median['weasyprint']:.2f}× bare WeasyPrint."
            )
            sys.stdout.write("\n".join(lines[-len(times) - 5 :]) + "\n")
        os.chdir(home)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
