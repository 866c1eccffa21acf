"""Time the analysis of a large generated brief: 5,000 figures and 2,000 quotes (issue 4).

Usage: python bench/analysis.py [--figures N] [--quotes N] [--seed S] [--repeat R]
Writes a seeded brief to a temporary folder, then prints the time to load and validate it and,
separately, the time to analyse it (the best of R runs, each on a freshly validated brief), and
the findings per code. Every check has work to do: counts share words, values cluster, some
figures are undated or hedged, prose types numbers by hand, a tenth of the quotes are verified
against a local source copy, and speakers repeat themselves in other words.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ADJECTIVES = ["child", "adult", "online", "local", "new", "repeat", "missing", "foreign", ""]
NOUNS = ["victims", "survivors", "families", "people", "cases", "reports", "offenders"]
NOUNS += ["accounts", "images", "schools", "volunteers", "tips", "officers", "hotlines"]
VERBS = ["identified", "rescued", "helped", "reached", "trained", "removed", "reviewed"]
VERBS += ["supported", "referred", "flagged", "served", "counselled", "saved", "arrested"]
QUALIFIERS = ["exact", "exact", "exact", "about", "nearly", "over", "at least", "up to"]
SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "pe", "da", "zu", "fi"]
#: About 1,700 made-up words: quotes share words as real prose does, not every word.
WORDS = sorted({"".join(random.Random(n).choices(SYLLABLES, k=3)) for n in range(3000)})
SOURCES = 60


def _figure(rng: random.Random, index: int) -> str:
    counts = " ".join(
        part for part in (rng.choice(ADJECTIVES), rng.choice(NOUNS), rng.choice(VERBS)) if part
    )
    value = round(10 ** rng.uniform(1, 6))
    qualifier = rng.choice(QUALIFIERS)
    fields = [f"id: f{index}", f"value: {value}", f"qualifier: {qualifier}", f'counts: "{counts}"']
    if rng.random() < 0.9:
        start = rng.randint(2005, 2023)
        fields.append(
            f'period: "{start}"' if rng.random() < 0.7 else f'period: "{start - 3}/{start}"'
        )
    if rng.random() < 0.2:
        fields.append(
            f'as_reported: "reportedly {qualifier if qualifier != "exact" else ""} {value:,}"'
        )
    if rng.random() < 0.1:
        fields.append("claimed_by: Org")
    fields.append(f"source: s{index % SOURCES}")
    return "  - {" + ", ".join(fields) + "}"


def _quotes(rng: random.Random, count: int) -> tuple[list[str], list[str]]:
    """Return quote entries, and the sentences of the local source copy (source s0)."""
    lines, copy = [], []
    said: dict[int, list[str]] = {}
    for index in range(count):
        speaker = index % 40
        earlier = said.get(speaker, [])
        if earlier and rng.random() < 0.05:  # the same remark again, a word or two changed
            words = rng.choice(earlier).split()
            words[rng.randrange(len(words))] = rng.choice(WORDS)
        else:
            words = [rng.choice(WORDS) for _ in range(rng.randint(8, 30))]
        text = " ".join(words)
        said.setdefault(speaker, []).append(text)
        source = index % SOURCES
        if source == 0:
            copy.append(text.capitalize() + "." if rng.random() < 0.95 else rng.choice(WORDS))
        lines.append(
            f'  - {{id: q{index}, text: "{text}", speaker: p{speaker}, source: s{source}}}'
        )
    return lines, copy


def generate(figures: int, quotes: int, seed: int) -> tuple[str, str]:
    """Return a valid brief.yaml with many figures, quotes, events and sources, and a text copy."""
    rng = random.Random(seed)
    numbers = ", ".join(f"{round(10 ** rng.uniform(1, 6)):,}" for _ in range(200))
    lines = [
        "brief: 1",
        "meta: {title: Large brief, lang: en, date: 2024-06-01, about: [Org]}",
        f"summary: {json.dumps('Numbers typed by hand: ' + numbers + ' [@s1].')}",
        "figures:",
        *(_figure(rng, index) for index in range(figures)),
        "timeline:",
    ]
    for index in range(500):
        date = f"{rng.randint(2005, 2023)}" + (f"-{rng.randint(1, 12):02d}" if index % 3 else "")
        event = f"Event {index % 450}"  # some events told twice, perhaps with two dates
        lines.append(
            f'  - {{id: e{index}, date: "{date}", event: "{event}", source: s{index % 9}}}'
        )
    quote_lines, copy = _quotes(rng, quotes)
    lines += ["quotes:", *quote_lines, "sources:"]
    for index in range(SOURCES):
        text = ", text: copy.txt" if index == 0 else ""
        lines.append(
            f"  - {{id: s{index}, title: Source {index}, publisher: Outlet {index}{text}}}"
        )
    return "\n".join(lines) + "\n", " ".join(copy) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--figures", type=int, default=5000)
    parser.add_argument("--quotes", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from brief.analyse import analyse
    from brief.read.load import load
    from brief.read.validate import validate

    with tempfile.TemporaryDirectory() as folder:
        source, copy = generate(args.figures, args.quotes, args.seed)
        (Path(folder) / "brief.yaml").write_text(source, encoding="utf-8")
        (Path(folder) / "copy.txt").write_text(copy, encoding="utf-8")
        loading, analysing = [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            brief = validate(load(Path(folder)))
            loaded = time.perf_counter()
            analysis = analyse(brief)
            analysing.append(time.perf_counter() - loaded)
            loading.append(loaded - start)
    found = Counter(finding.code for finding in analysis.findings)
    sys.stdout.write(
        f"{args.figures} figures, {args.quotes} quotes ({len(source) // 1024} KiB of YAML), "
        f"best of {args.repeat}:\n"
        f"  load+validate {min(loading):.2f} s\n"
        f"  analyse       {min(analysing):.2f} s (first run, cold caches: {analysing[0]:.2f} s)\n"
        f"  findings: {dict(sorted(found.items()))}\n"
        f"  quotes verified: {len(analysis.matches)}\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
