"""Score `brief draft` against answer keys: precision and recall per kind.

    python -m bench.draft [--split all|tuning|held-out] [--verbose]

For every article of `corpus/reporting/<slug>/` with a `draft-key.yaml` (format in docs/draft.md,
"Answer keys"), the article is drafted into a temporary folder and the drafted brief.yaml is
compared with the key: quotes (a drafted quote matches a key quote on the same line when one
text holds the other, normalised), speakers (of the matched quotes), figures (same line and
value), qualifiers (of the matched figures), dates (same line and date), and invented years
(a drafted date whose year the article never writes and that was not resolved from the
publication date: must be 0). The split of each article is read from the corpus README's table.

`--seed PATH` also drafts the article `examples/thorn` was written from, if you have a copy (it is
not redistributable, so it is not in the repository), and judges the draft against
`examples/thorn/brief.yaml` (its quotes, figures and timeline, matched without lines: the example
counts paragraphs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "reporting"
KINDS = ("quotes", "speakers", "figures", "qualifiers", "dates")
_LINE = re.compile(r"line (\d+)")
_MARKS = str.maketrans(
    {"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"', "—": "-", "–": "-"}
)


def normal(text: str) -> str:
    """Return text in matching form: quote marks and dashes made plain, words only, lowercase."""
    return " ".join(re.findall(r"\w+", str(text).translate(_MARKS).lower()))


def splits() -> dict[str, str]:
    """Return each corpus article's split (tuning or held-out) from the README's table."""
    found = {}
    for row in (CORPUS / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip(" `") for cell in row.split("|")]
        if len(cells) > 4 and cells[-2] in ("tuning", "held-out"):
            found[cells[1]] = cells[-2]
    return found


def drafted(article: Path, lang: str, published: str | None, tally: Tally) -> dict[str, Any]:
    """Draft an article into a temporary folder, check it (counting B-errors and unverified
    quotes in `tally`) and return the brief as data."""
    import brief
    from brief.errors import BriefError

    with tempfile.TemporaryDirectory() as folder:
        done = brief.draft(
            article, folder, lang=lang, published=published, today=dt.date(2026, 12, 1)
        )
        try:
            codes = [finding.code for finding in brief.check(folder).findings]
        except BriefError as caught:
            codes = [diagnostic.code for diagnostic in caught.diagnostics]
        tally.errors += sum(code.startswith("B") for code in codes)
        tally.unverified += codes.count("Q-unverified")
        raw = done.brief.read_text(encoding="utf-8")
        data = yaml.safe_load(raw)
        resolved = set(re.findall(r"# review: resolved:.*\n\s*- id: \"([^\"]+)\"", raw))
        for event in data.get("timeline", []):
            event["resolved"] = event["id"] in resolved  # marked as taken from the date
        return data


def line_of(item: dict[str, Any]) -> int:
    found = _LINE.search(str(item.get("locator", "")))
    return int(found[1]) if found else 0


def speakers(brief: dict[str, Any]) -> dict[str, str]:
    return {person["id"]: person["name"] for person in brief.get("people", [])}


class Tally:
    """Counts of found, expected and matched items per kind."""

    def __init__(self) -> None:
        self.found: Counter[str] = Counter()
        self.expected: Counter[str] = Counter()
        self.right: Counter[str] = Counter()
        self.invented = 0
        self.errors = 0  # B-errors `brief check` gives on the drafts
        self.unverified = 0  # drafted quotes `brief check` cannot find in the copy

    def add(self, other: Tally) -> None:
        self.found.update(other.found)
        self.expected.update(other.expected)
        self.right.update(other.right)
        self.invented += other.invented
        self.errors += other.errors
        self.unverified += other.unverified

    def line(self, kind: str) -> str:
        found, expected, right = self.found[kind], self.expected[kind], self.right[kind]
        correct = self.right.get(f"{kind}@found", right)  # drafted items that are right
        precision = correct / found if found else math.nan
        recall = right / expected if expected else math.nan
        shown = f"P {precision:5.2f} ({correct}/{found})  R {recall:5.2f} ({right}/{expected})"
        return f"{kind:<11} {shown}"


def _same_text(key: str, draft: str) -> bool:
    key, draft = normal(key), normal(draft)
    return bool(key) and bool(draft) and (key in draft or draft in key)


def _same_speaker(key: str, draft: str) -> bool:
    key, draft = normal(key), normal(draft)
    return bool(key) and (key == draft or key in draft or (len(draft) > 3 and draft in key))


def score_quotes(
    tally: Tally, brief: dict[str, Any], key: list[dict[str, Any]], lines: bool
) -> None:
    """A drafted quote is right when it matches a key quote; a key quote is found when a drafted
    one matches it (one drafted quote may hold two key quotes the example cut apart)."""
    names = speakers(brief)
    quotes = brief.get("quotes", [])
    tally.found["quotes"] += len(quotes)
    tally.expected["quotes"] += len(key)
    tally.expected["speakers"] += len(key)

    def same(wanted: dict[str, Any], quote: dict[str, Any]) -> bool:
        on_line = not lines or wanted.get("line") == line_of(quote)
        return on_line and _same_text(wanted["text"], quote["text"])

    tally.right["quotes@found"] += sum(any(same(w, q) for w in key) for q in quotes)
    for wanted in key:
        match = next((q for q in quotes if same(wanted, q)), None)
        if match is None:
            continue
        tally.right["quotes"] += 1
        speaker = names.get(match["speaker"], match["speaker"])
        tally.found["speakers"] += 1
        tally.right["speakers"] += _same_speaker(wanted["speaker"], speaker)


def same_value(wanted: Any, drafted: Any) -> bool:
    """Compare two values, numbers or [low, high] ranges, end by end."""
    ends = [wanted, drafted]
    lists = [value if isinstance(value, list) else [value] for value in ends]
    return len(lists[0]) == len(lists[1]) and all(
        math.isclose(float(a), float(b), rel_tol=1e-9) for a, b in zip(*lists, strict=True)
    )


def score_figures(
    tally: Tally, brief: dict[str, Any], key: list[dict[str, Any]], lines: bool
) -> None:
    figures = brief.get("figures", [])
    tally.found["figures"] += len(figures)
    tally.expected["figures"] += len(key)
    used: set[int] = set()
    for figure in figures:
        match = next(
            (
                n
                for n, wanted in enumerate(key)
                if n not in used
                and (not lines or wanted.get("line") == line_of(figure))
                and same_value(wanted["value"], figure["value"])
            ),
            None,
        )
        if match is None:
            continue
        used.add(match)
        tally.right["figures"] += 1
        tally.found["qualifiers"] += 1
        tally.expected["qualifiers"] += 1
        wanted = str(key[match].get("qualifier", "exact"))
        tally.right["qualifiers"] += wanted == str(figure.get("qualifier", "exact"))


def score_dates(
    tally: Tally, brief: dict[str, Any], key: list[dict[str, Any]], lines: bool
) -> None:
    events = brief.get("timeline", [])
    tally.found["dates"] += len(events)
    tally.expected["dates"] += len(key)
    wanted = Counter((item.get("line", 0) if lines else 0, str(item["date"])) for item in key)
    for event in events:
        place = (line_of(event) if lines else 0, str(event["date"]))
        if wanted[place] > 0:
            wanted[place] -= 1
            tally.right["dates"] += 1


def invented_years(brief: dict[str, Any], text: str, published: str) -> int:
    """Count drafted dates whose year the article never writes and the publication date does not
    give: a year resolved from the publication date must be marked so and lie within a year of
    it ("last year", the nearest December)."""
    years = set(re.findall(r"(?<!\d)(\d{4})(?!\d)", text))

    def given(year: str, resolved: bool) -> bool:
        return year in years or (
            resolved and bool(published) and abs(int(year) - int(published[:4])) <= 1
        )

    return sum(
        not given(str(event["date"])[:4], event.get("resolved", False))
        for event in brief.get("timeline", [])
    )


def score_article(folder: Path) -> Tally:
    key = yaml.safe_load((folder / "draft-key.yaml").read_text(encoding="utf-8"))
    published = str(key.get("published") or "") or None
    tally = Tally()
    brief = drafted(folder / "article.txt", key.get("lang", "en"), published, tally)
    score_quotes(tally, brief, key.get("quotes", []), lines=True)
    score_figures(tally, brief, key.get("figures", []), lines=True)
    score_dates(tally, brief, key.get("dates", []), lines=True)
    text = (folder / "article.txt").read_text(encoding="utf-8")
    tally.invented = invented_years(brief, text, published or "")
    return tally


def score_seed(seed: Path) -> Tally:
    """Judge the seed's draft against the example brief written from it."""
    example = yaml.safe_load(
        (ROOT / "examples" / "thorn" / "brief.yaml").read_text(encoding="utf-8")
    )
    names = speakers(example)
    tally = Tally()
    brief = drafted(seed, "en", None, tally)
    quotes = [
        {"text": q["text"], "speaker": names.get(q["speaker"], q["speaker"])}
        for q in example["quotes"]
    ]
    score_quotes(tally, brief, quotes, lines=False)
    score_figures(tally, brief, example["figures"], lines=False)
    score_dates(tally, brief, [{"date": e["date"]} for e in example["timeline"]], lines=False)
    tally.invented = invented_years(brief, seed.read_text(encoding="utf-8"), "")
    return tally


def report(title: str, tally: Tally, out: Any) -> None:
    out.write(f"{title}\n")
    for kind in KINDS:
        out.write(f"  {tally.line(kind)}\n")
    out.write(f"  invented years {tally.invented}\n")
    out.write(f"  brief check: {tally.errors} B-errors, {tally.unverified} quotes unverified\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.draft", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--split", choices=("all", "tuning", "held-out"), default="all")
    parser.add_argument("--verbose", action="store_true", help="print every article's scores")
    parser.add_argument(
        "--seed", type=Path, help="a copy of the article examples/thorn was written from"
    )
    args = parser.parse_args(argv)
    out = sys.stdout
    totals: dict[str, Tally] = {}
    for slug, split in sorted(splits().items()):
        folder = CORPUS / slug
        if args.split not in ("all", split) or not (folder / "draft-key.yaml").exists():
            continue
        tally = score_article(folder)
        totals.setdefault(split, Tally()).add(tally)
        if args.verbose:
            report(f"{slug} ({split})", tally, out)
    for split, tally in sorted(totals.items()):
        report(f"== {split} ==", tally, out)
    if args.seed is not None:
        heading = "== seed article, judged against examples/thorn/brief.yaml =="
        report(heading, score_seed(args.seed), out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
