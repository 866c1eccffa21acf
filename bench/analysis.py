"""Time the analysis of a large generated brief: 5,000 figures and 2,000 quotes (issue 4).

Usage: python bench/analysis.py [--figures N] [--quotes N] [--seed S]
Prints the time to load and validate, and the time to analyse, separately.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

NOUNS = [
    "children",
    "victims",
    "survivors",
    "families",
    "people",
    "women",
    "minors",
    "cases",
    "reports",
    "offenders",
    "accounts",
    "images",
    "schools",
    "volunteers",
    "tips",
]
VERBS = [
    "identified",
    "rescued",
    "helped",
    "reached",
    "trained",
    "removed",
    "reviewed",
    "found",
    "supported",
    "referred",
    "flagged",
    "served",
    "counselled",
]
SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "pe", "da", "zu", "fi"]
#: 1,700 made-up words: quotes share words as real prose does, not every word.
WORDS = sorted({"".join(random.Random(n).choices(SYLLABLES, k=3)) for n in range(3000)})


def generate(figures: int, quotes: int, seed: int) -> str:
    """Return a valid brief.yaml with many figures, quotes and sources."""
    rng = random.Random(seed)
    lines = [
        "brief: 1",
        "meta: {title: Large brief, lang: en, date: 2024-06-01, about: [Org]}",
        "figures:",
    ]
    for index in range(figures):
        counts = f"{rng.choice(NOUNS)} {rng.choice(VERBS)}"
        value = rng.choice([rng.randint(10, 99), rng.randint(100, 9999), rng.randint(10**4, 10**6)])
        qualifier = rng.choice(["exact", "about", "nearly", "over", "at least", "up to"])
        year = rng.randint(2005, 2023)
        lines.append(
            f"  - {{id: f{index}, value: {value}, qualifier: {qualifier}, counts: "
            f'"{counts}", period: "{year}", source: s{index % 50}}}'
        )
    lines.append("quotes:")
    for index in range(quotes):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30)))
        lines.append(
            f'  - {{id: q{index}, text: "{text}", speaker: p{index % 40}, source: s{index % 50}}}'
        )
    lines.append("sources:")
    lines += [
        f"  - {{id: s{index}, title: Source {index}, publisher: Outlet {index}}}"
        for index in range(50)
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--figures", type=int, default=5000)
    parser.add_argument("--quotes", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    from brief.analyse import analyse
    from brief.load import load
    from brief.validate import validate

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "brief.yaml"
        source.write_text(generate(args.figures, args.quotes, args.seed), encoding="utf-8")
        start = time.perf_counter()
        brief = validate(load(source))
        loaded = time.perf_counter()
        analysis = analyse(brief)
        done = time.perf_counter()
    counts: dict[str, int] = {}
    for finding in analysis.findings:
        counts[finding.code] = counts.get(finding.code, 0) + 1
    sys.stdout.write(
        f"{args.figures} figures, {args.quotes} quotes, {source.stat().st_size if False else ''}"
        f"load+validate {loaded - start:.2f} s, analyse {done - loaded:.2f} s\n"
        f"findings: {dict(sorted(counts.items()))}\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
