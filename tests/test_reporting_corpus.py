"""The corpus of real reporting (corpus/reporting) and its scorer (bench/reporting.py).

Every brief of the corpus loads without a B-error, every article carries an ORIGIN.md that names
its licence, the README's split table covers every folder, every expected.yaml names only ids the
brief has, and the scorer counts true positives, false alarms and misses as documented.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bench.reporting import (
    CORPUS,
    Expected,
    read_expected,
    read_splits,
    report,
    run,
    score_pairs,
    total,
)
from brief.run.api import check

FOLDERS = sorted(p for p in CORPUS.iterdir() if p.is_dir())
#: Licences the corpus may hold (README: openly licensed or public domain only).
LICENCE = re.compile(r"^\| licence \|.*(CC BY(-SA)? \d\.\d|public domain)", re.MULTILINE)


def test_the_corpus_has_at_least_ten_articles_three_held_out() -> None:
    splits = read_splits(CORPUS / "README.md")
    assert len(FOLDERS) >= 10
    assert sorted(splits) == [folder.name for folder in FOLDERS]
    assert sorted(splits.values()).count("held-out") == 3


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda folder: folder.name)
def test_every_article_names_its_origin_and_licence(folder: Path) -> None:
    origin = (folder / "ORIGIN.md").read_text(encoding="utf-8")
    assert LICENCE.search(origin), f"{folder.name}/ORIGIN.md names no licence"
    assert re.search(r"^\| URL \| <https?://", origin, re.MULTILINE)
    assert (folder / "article.txt").read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda folder: folder.name)
def test_every_brief_loads_without_b_errors_and_cites_its_article(folder: Path) -> None:
    report = check(folder)  # raises BriefError on any B-code
    assert [source.text for source in report.brief.sources] == ["article.txt"]
    assert not [f for f in report.findings if f.code == "Q-unverified"]


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda folder: folder.name)
def test_expected_names_only_ids_of_the_brief(folder: Path) -> None:
    data = yaml.safe_load((folder / "brief.yaml").read_text(encoding="utf-8"))
    ids = {item["id"] for key in ("figures", "quotes", "timeline") for item in data.get(key, [])}
    expected = read_expected(folder / "expected.yaml")
    assert {subject for _, subject in expected.should | expected.should_not} <= ids


def _expected(tmp_path: Path, text: str) -> Expected:
    path = tmp_path / "expected.yaml"
    path.write_text(text, encoding="utf-8")
    return read_expected(path)


def test_the_scorer_counts_pairs_of_code_and_subject(tmp_path: Path) -> None:
    expected = _expected(
        tmp_path,
        """
should:
  - {code: F-conflict, subjects: [a, b], why: both cannot be true}
  - {code: F-undated, subject: c, why: no period}
should_not:
  - {code: F-drift, subjects: [a, d], why: part and whole}
""",
    )
    produced = frozenset({("F-conflict", "a"), ("F-conflict", "b"), ("F-drift", "a")})
    produced |= {("F-drift", "d"), ("F-qualifier", "e")}
    outcome = score_pairs("tiny", "tuning", expected, produced)
    score = outcome.score
    assert (score.true_positives, score.false_alarms, score.misses) == (2, 3, 1)
    assert score.unannotated == 1  # F-qualifier e was not foreseen in should_not
    assert score.precision == pytest.approx(2 / 5)
    assert score.recall == pytest.approx(2 / 3)
    assert outcome.misses == {("F-undated", "c")}


def test_totals_are_computed_over_the_sums() -> None:
    empty = score_pairs("none", "tuning", Expected(frozenset(), frozenset()), frozenset())
    assert empty.score.precision is None
    assert empty.score.recall is None
    one = score_pairs("one", "tuning", Expected(frozenset({("X", "a")}), frozenset()), frozenset())
    summed = total([empty.score, one.score])
    assert (summed.true_positives, summed.misses, summed.recall) == (0, 1, 0.0)


def test_a_pair_both_expected_and_not_is_refused(tmp_path: Path) -> None:
    text = """
should: [{code: F-drift, subjects: [a, b], why: x}]
should_not: [{code: F-drift, subject: b, why: y}]
"""
    with pytest.raises(ValueError, match="both should and should_not"):
        _expected(tmp_path, text)


def test_an_entry_without_a_reason_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="needs a 'why'"):
        _expected(tmp_path, "should: [{code: F-drift, subject: a}]\n")


def test_the_held_out_split_scores_only_held_out_briefs() -> None:
    outcomes = run(CORPUS, "held-out")
    assert len(outcomes) == 3
    assert {o.split for o in outcomes} == {"held-out"}
    assert "held-out: 3 briefs" in report(outcomes, "held-out")


def test_a_brief_that_does_not_load_misses_all_it_should_give(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("| `broken` | kind | CC0 | tuning |\n", encoding="utf-8")
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "brief.yaml").write_text("brief: 1\nmeta: {title: x}\n", encoding="utf-8")
    (folder / "expected.yaml").write_text(
        "should: [{code: F-undated, subjects: [a, b], why: no period}]\n", encoding="utf-8"
    )
    [outcome] = run(tmp_path, "all")
    assert outcome.score.error.startswith("does not load: ")
    assert (outcome.score.true_positives, outcome.score.misses) == (0, 2)
