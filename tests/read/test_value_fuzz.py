"""Property test: ordinary values at their extremes never end in a traceback.

Briefs with extreme numbers (10^400, 1e25, 5e-324, -0.0), dates at the calendar's edges (year 1,
year 9999, 29 February), periods, qualifiers, approximate dates and `same_as` links are checked
(and staleness judged as of extreme dates): each is refused with a BriefError or gives a report,
which then composes and renders to HTML. A traceback exits 1, which CI reads as findings.

CI runs 200 examples; `BRIEF_FUZZ_EXAMPLES=20000 pytest tests/read/test_value_fuzz.py` is the
long pass.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import TypeVar

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import brief
from brief.compose.assemble import compose
from brief.compose.render import render_page
from brief.dates import PartialDate
from brief.errors import BriefError

pytestmark = pytest.mark.slow  # the quick loop (`pytest -m "not slow"`) leaves it out

T = TypeVar("T")
FAST = settings(
    max_examples=int(os.environ.get("BRIEF_FUZZ_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

_EDGE_NUMBERS = [0, -0.0, 1, -1, 10**15 - 1, 10**15, -(10**15), 1e15, 999_999_999_999_999.9]
_EDGE_NUMBERS += [1e25, 1e308, -1e308, 5e-324, 1e-300, 0.1, 2**53, 2**63, 10**400, -(10**400)]
_EDGE_NUMBERS += ["1e25", "1e400", "0x" + "f" * 80, "6,000", "nan", float("nan"), float("inf")]
_NUMBER_IN_RANGE = st.one_of(
    st.integers(-(10**15) + 1, 10**15 - 1),
    st.floats(-1e15, 1e15, exclude_min=True, exclude_max=True, allow_nan=False),
    st.integers(0, 14).map(lambda power: 10**power),
    st.sampled_from([6000, 5791, 5400, 6608, 50, 49.5, 0.001, -0.0, 5e-324, 999_999_999_999_999]),
)
_NUMBER_OUT_OF_RANGE = st.one_of(
    st.sampled_from(_EDGE_NUMBERS),
    st.integers(15, 400).map(lambda power: 10**power),
    st.floats(allow_nan=True, allow_infinity=True),
)
_YEAR_IN_RANGE = st.one_of(
    st.integers(1995, 2024),
    st.integers(1000, 2999),
    st.sampled_from([1000, 1001, 1005, 1006, 2999]),
)
_YEAR_OUT_OF_RANGE = st.one_of(
    st.integers(0, 10_000), st.sampled_from([1, 5, 6, 999, 3000, 9998, 9999])
)


def _mostly(usual: st.SearchStrategy[T], rare: st.SearchStrategy[T]) -> st.SearchStrategy[T]:
    """Draw from `usual` six times in seven, so that most briefs reach the analysis."""
    return st.sampled_from([usual] * 6 + [rare]).flatmap(lambda chosen: chosen)


_NUMBER = _mostly(_NUMBER_IN_RANGE, _NUMBER_OUT_OF_RANGE)
_YEAR = _mostly(_YEAR_IN_RANGE, _YEAR_OUT_OF_RANGE)


def _partial(year: st.SearchStrategy[int], day: st.SearchStrategy[dt.date]) -> st.SearchStrategy:
    """Partial dates of these years: 2012, 2017-02, 2017-02-15 (as text or as a YAML date)."""
    return st.one_of(
        year.map(lambda number: f"{number:04d}"),
        st.tuples(year, st.integers(1, 12)).map(lambda ym: f"{ym[0]:04d}-{ym[1]:02d}"),
        day.map(str),
        day,  # written unquoted: YAML reads it as a date
    )


_PARTIAL = _mostly(
    _partial(_YEAR_IN_RANGE, st.dates(dt.date(1000, 1, 1), dt.date(2999, 12, 31))),
    st.one_of(
        _partial(_YEAR_OUT_OF_RANGE, st.dates()),
        st.sampled_from(["2016-02-29", "2017-02-29", "0000", "9999-12-31", "0001-01", "2017-13"]),
    ),
)
_DATE = st.one_of(_PARTIAL, _YEAR)  # a bare year is written as a YAML number
_LATE_DATE = st.one_of(  # the brief's own date: mostly after the others, sometimes at the edges
    st.sampled_from(["2999-12-31", "2999", "2024-06-01"]), _PARTIAL
)
_PERIOD = st.one_of(
    _PARTIAL.map(str),
    st.tuples(_PARTIAL, _PARTIAL).map(lambda pair: "/".join(sorted(map(str, pair)))),
)
#: Numbers as prose writes them, typed by hand or in `as_reported`: huge, tiny, with separators.
_WRITTEN_NUMBER = st.one_of(
    st.sampled_from(["6,000", "6.000", "6.2 million", "10 trillion", "1e25", "0.000001", "1,5"]),
    st.integers(0, 2_000).map(lambda digits: "9" * max(1, digits)),
    st.integers(1, 700).map(lambda groups: "1" + ",000" * groups),
    st.integers(1, 700).map(lambda groups: "1" + ".000" * groups + " billion"),
    _NUMBER_IN_RANGE.map(lambda number: f"{number:,}"),
)
_QUALIFIER = st.sampled_from(
    ["exact", "about", "nearly", "over", "at least", "up to", "around", "almost", "more than"]
)
_COUNTS = st.sampled_from(["child victims identified", "children rescued", "lives saved", "x"])
_UNIT = st.sampled_from(["", "%", "USD", "JPY", "people", "percent"])
_EVENT_IDS = ["e-a", "e-b", "e-c", "e-d"]


def _figure(number: int) -> st.SearchStrategy[dict[str, object]]:
    return st.fixed_dictionaries(
        {"id": st.just(f"f-{number}"), "value": _NUMBER, "counts": _COUNTS},
        optional={
            "qualifier": _QUALIFIER,
            "unit": _UNIT,
            "period": _PERIOD,
            "as_reported": _WRITTEN_NUMBER.map(lambda written: f"nearly {written} people"),
            "source": st.just("s"),
        },
    )


def _event(number: int) -> st.SearchStrategy[dict[str, object]]:
    return st.fixed_dictionaries(
        {"id": st.just(_EVENT_IDS[number]), "date": _DATE, "event": st.just("The dam breaks.")},
        optional={
            "approx": st.booleans(),
            "end": _DATE,
            "same_as": st.sampled_from(_EVENT_IDS),
            "source": st.just("s"),
        },
    )


_QUOTE = st.fixed_dictionaries(
    {"id": st.just("q-a"), "text": st.just("We saved 6,000 lives."), "speaker": st.just("Ann")},
    optional={"date": _DATE, "source": st.just("s")},
)
_SOURCE = st.fixed_dictionaries(
    {"id": st.just("s"), "title": st.just("Report")},
    optional={"published": _DATE, "accessed": _DATE, "publisher": st.just("P")},
)
_AS_OF = st.one_of(  # a library caller's date is not validated: any the calendar holds
    st.none(),
    _YEAR.filter(lambda year: 1 <= year <= 9999).map(PartialDate),
    st.dates().map(lambda day: PartialDate(day.year, day.month, day.day)),
)


def _dump(value: object) -> object:
    """Make a value YAML can write: huge integers as digits, dates as dates."""
    if isinstance(value, dict):
        return {key: _dump(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dump(item) for item in value]
    return value


def _yaml(data: dict[str, object]) -> str:
    # unquoted numbers and dates, and strings like "1e25" quoted, exactly as safe_dump writes them
    return yaml.safe_dump(_dump(data), allow_unicode=True, width=10_000)


@FAST
@given(
    meta_date=_LATE_DATE,
    lang=st.sampled_from(["en", "ar", "de", "pt-BR"]),
    figures=st.lists(st.integers(0, 5), min_size=0, max_size=4, unique=True).flatmap(
        lambda numbers: st.tuples(*(_figure(number) for number in numbers))
    ),
    timeline=st.integers(0, 4).flatmap(
        lambda count: st.tuples(*(_event(number) for number in range(count)))
    ),
    quotes=st.lists(_QUOTE, max_size=1),
    source=_SOURCE,
    revision=st.lists(_DATE, max_size=1),
    as_of=_AS_OF,
    typed=_WRITTEN_NUMBER,
)
def test_extreme_values_are_refused_or_checked_composed_and_rendered(
    meta_date: object,
    lang: str,
    figures: tuple[dict[str, object], ...],
    timeline: tuple[dict[str, object], ...],
    quotes: list[dict[str, object]],
    source: dict[str, object],
    revision: list[object],
    as_of: PartialDate | None,
    typed: str,
) -> None:
    meta: dict[str, object] = {"title": "Edges", "lang": lang, "date": meta_date}
    if revision:
        meta["revisions"] = [{"date": revision[0], "note": "Corrected."}]
    data = {
        "brief": 1,
        "meta": meta,
        "summary": f"Figures [@s], over {typed} people."
        + "".join(f" {{fig:{item['id']}}}" for item in figures),
        "figures": list(figures),
        "timeline": list(timeline),
        "quotes": quotes,
        "sources": [source],
    }
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "brief.yaml").write_text(_yaml(data), encoding="utf-8")
        try:
            report = brief.check(folder, as_of)
        except BriefError as caught:
            refused = caught.diagnostics
        else:
            refused = ()
            event("checked and rendered")
            page = render_page(compose(report.brief, report.analysis), "html")
            assert "<html" in page
    assert all(diagnostic.location is not None for diagnostic in refused)
    if refused:
        event("refused: " + min(diagnostic.code for diagnostic in refused))


def test_the_strategy_writes_extreme_values_as_yaml_reads_them() -> None:
    written = _yaml({"a": 10**400, "b": 1e25, "c": dt.date(1, 1, 1), "d": "1e25"})
    loaded = yaml.safe_load(written)
    assert loaded == {"a": 10**400, "b": 1e25, "c": dt.date(1, 1, 1), "d": "1e25"}
