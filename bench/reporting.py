"""Score `brief check` on the corpus of real reporting (corpus/reporting; issue 12, item 9).

Usage: python -m bench.reporting [--split all|tuning|held-out] [--corpus DIR]

Every folder of the corpus holds a brief written from one real article and `expected.yaml`, what a
careful reviewer says `brief check` should report on it (`should`) and what it should not
(`should_not`), each entry a finding code, the subject ids it is about and why. Findings are
matched by code and subject id: a finding about several subjects (an F-conflict pair, an F-drift
group) counts once per subject, so grouping findings differently in the output does not change the
score. A produced (code, subject) pair that is not in `should` is a false alarm, whether or not
`should_not` foresaw it ("unannotated" counts the ones it did not). The split of each brief
(tuning or held-out) is read from the table in the corpus README. Prints one row per brief, the
totals, the totals per code and the details of every false alarm and miss; always exits 0.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from brief.errors import BriefError
from brief.run.api import check

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "reporting"
SPLITS = ("all", "tuning", "held-out")
#: A README table row: | `slug` | kind | licence | split |
_ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|.*\|\s*(tuning|held-out)\s*\|\s*$")

Pair = tuple[str, str]


@dataclass(frozen=True)
class Expected:
    """A reviewer's annotation of one brief, as (code, subject id) pairs."""

    should: frozenset[Pair]
    should_not: frozenset[Pair]


@dataclass(frozen=True)
class Score:
    """How `brief check` did on one brief (or on several, summed)."""

    name: str
    true_positives: int = 0
    false_alarms: int = 0
    misses: int = 0
    unannotated: int = 0
    error: str = ""

    @property
    def precision(self) -> float | None:
        found = self.true_positives + self.false_alarms
        return self.true_positives / found if found else None

    @property
    def recall(self) -> float | None:
        wanted = self.true_positives + self.misses
        return self.true_positives / wanted if wanted else None


@dataclass(frozen=True)
class Outcome:
    """One brief's score and the pairs behind it, for the details."""

    score: Score
    split: str
    true_positives: frozenset[Pair]
    false_alarms: frozenset[Pair]
    misses: frozenset[Pair]
    known: frozenset[Pair]


def _pairs(entries: object, where: str) -> frozenset[Pair]:
    """Read a list of {code, subjects | subject, why} entries into (code, subject) pairs."""
    if entries is None:
        return frozenset()
    if not isinstance(entries, list):
        raise ValueError(f"{where}: expected a list of entries")
    pairs: set[Pair] = set()
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
            raise ValueError(f"{where} entry {number}: needs a 'code'")
        if not str(entry.get("why", "")).strip():
            raise ValueError(f"{where} entry {number}: needs a 'why'")
        subjects = entry.get("subjects", [entry["subject"]] if "subject" in entry else None)
        if not isinstance(subjects, list) or not subjects:
            raise ValueError(f"{where} entry {number}: needs 'subjects' (a list) or 'subject'")
        pairs.update((entry["code"], str(subject)) for subject in subjects)
    return frozenset(pairs)


def read_expected(path: Path) -> Expected:
    """Read an expected.yaml; a pair both expected and not expected is an error."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping")
    should = _pairs(data.get("should"), f"{path} should")
    should_not = _pairs(data.get("should_not"), f"{path} should_not")
    both = sorted(should & should_not)
    if both:
        raise ValueError(f"{path}: in both should and should_not: {both}")
    return Expected(should, should_not)


def read_splits(readme: Path) -> dict[str, str]:
    """Return {slug: split} from the corpus README's table."""
    lines = readme.read_text(encoding="utf-8").splitlines()
    return {m.group(1): m.group(2) for m in map(_ROW.match, lines) if m}


def produced_pairs(folder: Path) -> frozenset[Pair]:
    """Check the brief in `folder` and return its findings as (code, subject) pairs."""
    findings = check(folder).findings
    return frozenset((f.code, subject) for f in findings for subject in f.subjects or ("",))


def score_pairs(
    name: str, split: str, expected: Expected, produced: frozenset[Pair], error: str = ""
) -> Outcome:
    """Compare what the engine produced with what the reviewer expected."""
    hits = produced & expected.should
    alarms = produced - expected.should
    missed = expected.should - produced
    known = alarms & expected.should_not
    score = Score(name, len(hits), len(alarms), len(missed), len(alarms - known), error)
    return Outcome(score, split, hits, alarms, missed, known)


def score_brief(folder: Path, split: str) -> Outcome:
    """Score one corpus folder; a brief that does not load misses everything it should give."""
    expected = read_expected(folder / "expected.yaml")
    try:
        produced = produced_pairs(folder)
    except BriefError as error:
        first = error.diagnostics[0] if error.diagnostics else None
        return score_pairs(folder.name, split, expected, frozenset(), f"does not load: {first}")
    return score_pairs(folder.name, split, expected, produced)


def total(scores: Iterable[Score], name: str = "total") -> Score:
    """Sum scores (precision and recall are then computed over the sums)."""
    scores = list(scores)
    return Score(
        name,
        sum(s.true_positives for s in scores),
        sum(s.false_alarms for s in scores),
        sum(s.misses for s in scores),
        sum(s.unannotated for s in scores),
        "; ".join(s.error for s in scores if s.error),
    )


def by_code(outcomes: Sequence[Outcome]) -> list[Score]:
    """Totals per finding code, over every brief scored."""
    codes = sorted(
        {code for o in outcomes for code, _ in o.true_positives | o.false_alarms | o.misses}
    )
    rows = []
    for code in codes:
        hits = sum(1 for o in outcomes for c, _ in o.true_positives if c == code)
        alarms = [p for o in outcomes for p in o.false_alarms if p[0] == code]
        unknown = sum(1 for o in outcomes for p in o.false_alarms - o.known if p[0] == code)
        missed = sum(1 for o in outcomes for c, _ in o.misses if c == code)
        rows.append(Score(code, hits, len(alarms), missed, unknown))
    return rows


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def format_rows(scores: Iterable[Score], splits: dict[str, str] | None = None) -> list[str]:
    """Aligned rows: name, split, TP, FA (unannotated), misses, precision, recall."""
    rows = []
    for s in scores:
        split = (splits or {}).get(s.name, "")
        rows.append(
            f"{s.name:<34} {split:<9} {s.true_positives:>4} {s.false_alarms:>4} "
            f"{f'({s.unannotated})':>5} {s.misses:>5} {_ratio(s.precision):>9} "
            f"{_ratio(s.recall):>6}"
        )
    return rows


def details(outcome: Outcome) -> list[str]:
    """The false alarms and misses of one brief, one line each."""
    lines = [f"  {outcome.score.name}: {outcome.score.error}"] if outcome.score.error else []
    for code, subject in sorted(outcome.false_alarms):
        kind = "false alarm (foreseen)" if (code, subject) in outcome.known else "false alarm"
        lines.append(f"  {outcome.score.name}: {kind}: {code} {subject}")
    lines += [f"  {outcome.score.name}: miss: {c} {s}" for c, s in sorted(outcome.misses)]
    return lines


def run(corpus: Path, split: str) -> list[Outcome]:
    """Score every brief of the corpus in the split ("all" for every one), in name order."""
    splits = read_splits(corpus / "README.md")
    folders = sorted(p.parent for p in corpus.glob("*/expected.yaml"))
    missing = [f.name for f in folders if f.name not in splits]
    if missing:
        raise ValueError(f"not in the README's split table: {missing}")
    chosen = [f for f in folders if split == "all" or splits[f.name] == split]
    return [score_brief(folder, splits[folder.name]) for folder in chosen]


def report(outcomes: Sequence[Outcome], split: str) -> str:
    """The printed report: per brief, totals, per code, then details."""
    header = f"{'brief':<34} {'split':<9} {'TP':>4} {'FA':>4} {'(new)':>5} {'miss':>5} "
    header += f"{'precision':>9} {'recall':>6}"
    scores = [o.score for o in outcomes]
    lines = [f"brief check on the reporting corpus ({split}: {len(scores)} briefs)", header]
    lines += format_rows(scores, {o.score.name: o.split for o in outcomes})
    lines += format_rows([total(scores)])
    lines += ["", "per code", header.replace("brief", "code ", 1)]
    lines += format_rows(by_code(outcomes))
    lines += ["", "FA: false alarms; (new): false alarms expected.yaml did not foresee."]
    notes = [line for outcome in outcomes for line in details(outcome)]
    return "\n".join(lines + (["", "details", *notes] if notes else []))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.reporting", description=__doc__)
    parser.add_argument("--split", choices=SPLITS, default="all")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    sys.stdout.write(report(run(args.corpus, args.split), args.split) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
