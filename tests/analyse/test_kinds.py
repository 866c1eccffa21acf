"""Kinds of numbers in the checks, the format's new figure keys, and findings' wording
(docs/findings.md, "Kinds of numbers"; docs/format.md, figures)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from brief.analyse import analyse
from brief.analyse.kinds import figure_kind
from brief.analyse.numbers import Kind
from brief.errors import BriefError, Location
from brief.model import Brief, Figure, Qualifier
from brief.read.load import load
from brief.read.validate import validate

HEAD = "brief: 1\nmeta: {title: T, lang: en, date: 2024-01-01}\nfigures:\n"
SOURCES = (
    "sources:\n  - {id: s, title: Report, publisher: P}\n  - {id: t, title: B, publisher: Q}\n"
)


@pytest.fixture
def made(write_brief: Callable[[str], Path]) -> Callable[[str], Brief]:
    return lambda figures: validate(load(write_brief(HEAD + figures + SOURCES)))


def _figure(**fields: object) -> Figure:
    return Figure("f", Location("b"), **{"counts": "things", **fields})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "kind", "currency"),
    [
        ({"value": 1e8, "currency": "USD"}, Kind.MONEY, "USD"),
        ({"value": 1e8, "unit": "GBP"}, Kind.MONEY, "GBP"),
        ({"value": 48.8e6, "as_reported": "$100m (£48.8m)"}, Kind.MONEY, "GBP"),
        ({"value": 75, "unit": "%", "as_reported": "75 % of residents"}, Kind.SHARE, ""),
        ({"value": 88, "unit": "%", "as_reported": "an 88 % increase"}, Kind.CHANGE, ""),
        ({"value": 88, "unit": "%", "counts": "increase in demand"}, Kind.CHANGE, ""),
        ({"value": 3, "unit": "percentage points"}, Kind.CHANGE, ""),
        ({"value": 5, "unit": "per 100,000"}, Kind.RATE, ""),
        ({"value": 17000, "as_reported": "17,000 tests per week"}, Kind.RATE, ""),
        ({"value": 3, "unit": "years"}, Kind.DURATION, ""),
        ({"value": 17000, "from_value": 1000}, Kind.CHANGE, ""),
        ({"value": 12, "kind": "rate"}, Kind.RATE, ""),
        ({"value": 5, "counts": "case rate"}, Kind.RATE, ""),
        ({"value": 170, "unit": "mph", "as_reported": "195 miles per hour"}, Kind.COUNT, ""),
        ({"value": 12e6, "as_reported": "Twelve million people"}, Kind.COUNT, ""),
    ],
)
def test_a_figures_kind_is_read_from_what_the_author_wrote(
    fields: dict[str, object], kind: Kind, currency: str
) -> None:
    found = figure_kind(_figure(**fields))
    assert (found.kind, found.currency) == (kind, currency)


def test_a_share_is_never_compared_with_a_change() -> None:
    share = figure_kind(_figure(value=75, unit="%", counts="residents vaccinated"))
    change = figure_kind(_figure(value=88, unit="%", as_reported="an 88 % increase in demand"))
    assert not share.comparable(change)
    assert "a share" in share.describe()


def test_the_drift_hint_names_the_brief_s_own_measures(made: Callable[[str], Brief]) -> None:
    brief = made(
        "  - {id: a, value: 6000, counts: meals served, period: '2023', source: s}\n"
        "  - {id: b, value: 5800, counts: families helped, period: '2023', source: t}\n"
    )
    (drift,) = [f for f in analyse(brief).findings if f.code == "F-drift"]
    assert "“meals served” and “families helped” are different measures" in drift.hint
    assert "lives saved" not in drift.hint
    assert "read as a count" in drift.message


def test_messages_never_put_one_before_a_plural(made: Callable[[str], Brief]) -> None:
    brief = made(
        "  - {id: a, value: 1, counts: deaths, period: '2023', source: s}\n"
        "  - {id: b, value: 3, counts: deaths, period: '2023', source: t}\n"
    )
    (conflict,) = [f for f in analyse(brief).findings if f.code == "F-conflict"]
    assert "“deaths: 1”" in conflict.message
    assert "1 deaths" not in conflict.message
    assert "`period`" in conflict.hint  # both have one: correcting it is a real option


def test_the_conflict_hint_does_not_ask_for_a_period_nobody_gave(
    made: Callable[[str], Brief],
) -> None:
    brief = made(
        "  - {id: a, value: 100, counts: tests per week, source: s}\n"
        "  - {id: b, value: 170, counts: tests per week, source: t}\n"
    )
    (conflict,) = [f for f in analyse(brief).findings if f.code == "F-conflict"]
    assert "period" not in conflict.hint


def test_a_dropped_qualifier_says_which_word_was_dropped(made: Callable[[str], Brief]) -> None:
    brief = made(
        "  - {id: fao, value: 12000000, qualifier: about, counts: people facing hunger,"
        " source: s}\n"
        "  - {id: lead, value: 12000000, counts: people facing hunger, source: t}\n"
    )
    found = [f for f in analyse(brief).findings if f.code.startswith("F-")]
    (dropped,) = [f for f in found if f.kind == "dropped"]
    assert "only one says “about”" in dropped.message
    assert "`qualifier: about` on lead" in dropped.hint
    assert not [f for f in found if f.code == "F-drift"]


def test_a_value_may_be_a_range_and_version_1_briefs_mean_the_same(
    made: Callable[[str], Brief],
) -> None:
    brief = made(
        "  - {id: a, value: [200, 999], counts: homes, as_reported: hundreds of homes, source: s}\n"
        "  - {id: b, value: 5791, counts: victims, source: s}\n"
        "  - {id: c, value: 1e8, currency: USD, counts: gift, source: s,\n"
        "     also: [{value: 48800000, currency: GBP, as_reported: £48.8m}]}\n"
        "  - {id: d, value: 17000, from: 1000, counts: tests, source: s}\n"
    )
    homes, victims, gift, tests = brief.figures
    assert (homes.value, homes.high) == (200, 999)
    assert (victims.value, victims.high, victims.kind, victims.currency) == (5791, None, "", "")
    assert victims.qualifier is Qualifier.EXACT
    assert gift.also[0].currency == "GBP"
    assert gift.also[0].value == 48_800_000
    assert tests.from_value == 1000
    assert not [f for f in analyse(brief).findings if f.code == "F-qualifier"]


def test_a_range_written_backwards_is_refused_with_a_fix(made: Callable[[str], Brief]) -> None:
    with pytest.raises(BriefError) as caught:
        made("  - {id: a, value: [999, 200], counts: homes, source: s}\n")
    (error,) = caught.value.diagnostics
    assert error.code == "B203"
    assert "smaller number first" in error.hint


def test_a_number_typed_in_spanish_prose_keeps_its_spanish_qualifier(
    write_brief: Callable[[str], Path],
) -> None:
    source = (
        HEAD.replace("lang: en", "lang: es")
        + "  - {id: c, value: 300, qualifier: about, counts: familias, source: s}\n"
        + "summary: Según el informe, unas 300 familias perdieron su casa [@s].\n"
        + SOURCES
    )
    brief = validate(load(write_brief(source)))
    (typed,) = [f for f in analyse(brief).findings if f.kind == "typed"]
    assert "not kept in step" in typed.message  # "unas" is "about": nothing was dropped


def test_a_currency_is_an_iso_code(made: Callable[[str], Brief]) -> None:
    with pytest.raises(BriefError) as caught:
        made("  - {id: a, value: 5, currency: dollars, counts: gift, source: s}\n")
    (error,) = caught.value.diagnostics
    assert error.code == "B203"
    assert "ISO 4217" in error.hint


def test_dropped_qualifiers_are_listed_within_the_limit(made: Callable[[str], Brief]) -> None:
    rows = "".join(
        f"  - {{id: f{n}, value: 500, counts: meals served, source: s}}\n" for n in range(150)
    )
    brief = made(
        rows + "  - {id: q, value: 500, qualifier: about, counts: meals served, source: t}\n"
    )
    found = [f for f in analyse(brief).findings if f.code == "F-qualifier"]
    dropped = [f for f in found if f.kind == "dropped"]
    assert len(dropped) == 100
    assert any("lists only the first 100" in f.message for f in found)
