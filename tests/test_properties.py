"""Property tests: any input ends in a result or in BriefError, never in another exception."""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from brief.analyse.intervals import counts_key, interval, same_thing
from brief.compose.l10n import format_figure
from brief.dates import PartialDate, parse_partial_date, parse_period
from brief.errors import BriefError, Location
from brief.model import Figure, Qualifier
from brief.read.load import SourceMap, compose_plain
from brief.read.markup import render_markdown

pytestmark = pytest.mark.slow  # the quick loop (`pytest -m "not slow"`) leaves it out

#: CI runs 200 examples per property; `BRIEF_FUZZ_EXAMPLES=50000 pytest tests/test_properties.py`
#: is the long fuzzing pass (a separate command, not part of .ci/run).
FAST = settings(
    max_examples=int(os.environ.get("BRIEF_FUZZ_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


class _Resolver:
    def cite(self, source_id: str) -> str:
        return f"<sup>{source_id}</sup>"

    def figure(self, figure_id: str) -> str:
        return "nearly 6,000"


@FAST
@given(st.text(max_size=400))
def test_any_text_loads_as_data_or_a_brief_error(text: str) -> None:
    problems: tuple = ()
    try:
        compose_plain(text, SourceMap("fuzz.yaml"))
    except BriefError as caught:
        problems = caught.diagnostics
    assert all(d.location is not None for d in problems)


@FAST
@given(
    st.lists(
        st.sampled_from(
            [
                "a:",
                " b",
                "- c",
                "[",
                "]",
                "{",
                "}",
                "&x",
                "*x",
                "!t",
                "'",
                '"',
                "\n",
                "  ",
                ":",
                "? ",
                "|",
                ">",
                "#",
                "\t",
                "2017-02-30",
            ]
        ),
        max_size=40,
    )
)
def test_yaml_shaped_noise_never_escapes_the_error_type(parts: list[str]) -> None:
    with contextlib.suppress(BriefError):
        compose_plain("".join(parts), SourceMap("fuzz.yaml"))


@FAST
@given(st.text(max_size=300))
def test_markdown_never_yields_script_or_unsafe_links(text: str) -> None:
    html = render_markdown(text, _Resolver())
    lowered = html.lower()
    assert "<script" not in lowered
    assert 'href="javascript:' not in lowered
    assert 'href="data:' not in lowered
    assert "<img" not in lowered


@FAST
@given(
    st.one_of(st.text(max_size=20), st.integers(-10, 10_000), st.booleans(), st.none(), st.dates())
)
def test_partial_dates_parse_or_raise_value_error(value: object) -> None:
    try:
        date = parse_partial_date(value)
    except ValueError:
        return
    assert isinstance(date, PartialDate)
    assert date.first_day() <= date.last_day()


@FAST
@given(st.text(max_size=25))
def test_periods_parse_in_order_or_raise_value_error(text: str) -> None:
    try:
        start, end = parse_period(text)
    except ValueError:
        return
    assert start.first_day() <= end.last_day()


@FAST
@given(
    st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
    st.sampled_from(list(Qualifier)),
    st.sampled_from(["en", "es", "fr", "de", "pt", "ar"]),
)
def test_every_figure_formats_and_keeps_a_sane_interval(
    value: float, qualifier: Qualifier, lang: str
) -> None:
    figure = Figure("f", Location("b.yaml"), value=value, counts="x", qualifier=qualifier)
    assert format_figure(figure, lang)
    low, high = interval(figure)
    assert low <= high
    if qualifier in (Qualifier.EXACT, Qualifier.ABOUT):
        assert low <= value <= high
    assert not math.isnan(low)


@FAST
@given(st.text(max_size=60), st.text(max_size=60))
def test_counts_comparison_is_symmetric(first: str, second: str) -> None:
    a, b = counts_key(first), counts_key(second)
    assert same_thing(a, b) == same_thing(b, a)


# ── Whole briefs: near-valid sources through check, compose and render ────────────────────
_SOURCES = st.sampled_from(["s-a", "s-b", "s-c"])  # ids are unique across kinds: one pool each
_FIGURE_IDS = st.sampled_from(["f-a", "f-b", "f-c", "f-d", "f-e"])
_QUOTE_IDS = st.sampled_from(["q-a", "q-b", "q-c", "q-d"])
_EVENT_IDS = st.sampled_from(["e-a", "e-b", "e-c", "e-d"])
_WORDS = st.sampled_from(
    [
        "children",
        "victims",
        "identified",
        "rescued",
        "lives",
        "saved",
        "over",
        "nearly",
        "6,000",
        "5,791",
        "2017",
        "Thorn",
        "…",
        "the",
        "{{ 7*7 }}",
        "<script>",
        "[@s-a]",
        "{fig:f-a}",
        "é",
        "ع",
        "**bold**",
        "\n\n",
        "-",
        "1e3",
        "%",
    ]
)
_TEXT = st.lists(_WORDS, min_size=2, max_size=12).map(" ".join)
_DATE = st.one_of(
    st.sampled_from(["2012", "2017", "2017-02", "2017-02-15", "2016-12-31"]),
    st.dates(max_value=dt.date(2018, 1, 10)).map(str),
)


def _entry(
    required: dict[str, st.SearchStrategy[object]], optional: dict[str, st.SearchStrategy[object]]
) -> st.SearchStrategy[dict[str, object]]:
    """A dict with the `required` fields and some of the `optional` ones (values may be wrong)."""
    return st.fixed_dictionaries(required, optional=optional)


_VALUE = st.one_of(st.integers(0, 10**12), st.floats(0, 1e12), st.sampled_from([6000, 5791, 103]))
_FIGURE = _entry(
    {
        "id": _FIGURE_IDS,
        "value": _VALUE,
        "counts": st.sampled_from(
            ["child victims identified", "children rescued", "lives saved", "victims identified"]
        ),
        "source": _SOURCES,
    },
    {
        "qualifier": st.sampled_from(["exact", "over", "nearly", "about", "at least", "up to"]),
        "unit": st.sampled_from(["%", "USD", "states"]),
        "period": _DATE,
        "claimed_by": st.sampled_from(["Thorn", "Ashton Kutcher", "Thornton"]),
        "hedges": st.lists(st.sampled_from(["reportedly", "according to"]), max_size=2),
        "as_reported": _TEXT,
    },
)
_QUOTE = _entry(
    {
        "id": _QUOTE_IDS,
        "text": _TEXT,
        "speaker": st.sampled_from(["Ashton Kutcher", "Demi Moore"]),
        "source": _SOURCES,
    },
    {"context": _TEXT, "via": _SOURCES, "date": _DATE, "role": _TEXT},
)
_EVENT = _entry(
    {"id": _EVENT_IDS, "date": _DATE, "event": _TEXT},
    {"source": _SOURCES, "same_as": _EVENT_IDS, "approx": st.booleans()},
)
_SOURCE = _entry(
    {"id": _SOURCES, "title": _TEXT},
    {
        "publisher": _TEXT,
        "published": _DATE,
        "url": st.sampled_from(["https://example.org/a", 'https://example.org/a?q=<b>&x="y"']),
    },
)


@FAST
@given(
    meta=st.fixed_dictionaries(
        {
            "title": _TEXT,
            "lang": st.sampled_from(["en", "fr", "ar", "de", "es", "pt", "pt-BR", "it"]),
            "date": st.sampled_from(["2018-01-10", "2018-01", "2018"]),
        },
        optional={
            "about": st.lists(st.sampled_from(["Thorn", "Ashton Kutcher"]), max_size=2),
            "layout": st.sampled_from(["handout", "brief"]),
            "content_warning": _TEXT,
        },
    ),
    summary=_TEXT,
    key_points=st.lists(_TEXT, max_size=3),
    figures=st.lists(_FIGURE, max_size=5, unique_by=lambda item: item["id"]),
    quotes=st.lists(_QUOTE, max_size=4, unique_by=lambda item: item["id"]),
    timeline=st.lists(_EVENT, max_size=4, unique_by=lambda item: item["id"]),
    sources=st.lists(_SOURCE, min_size=3, max_size=3, unique_by=lambda item: item["id"]),
)
def test_any_near_valid_brief_checks_composes_and_renders_or_is_refused(
    meta: dict[str, object],
    summary: str,
    key_points: list[str],
    figures: list[dict[str, object]],
    quotes: list[dict[str, object]],
    timeline: list[dict[str, object]],
    sources: list[dict[str, object]],
) -> None:
    import tempfile
    from pathlib import Path

    import yaml

    import brief
    from brief.compose.assemble import compose
    from brief.compose.ebook import render_epub
    from brief.compose.render import render_page

    data = {
        "brief": 1,
        "meta": meta,
        "summary": summary,
        "key_points": key_points,
        "figures": figures,
        "quotes": quotes,
        "timeline": timeline,
        "sources": sources,
    }
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "brief.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
        )
        try:
            report = brief.check(folder)
        except BriefError as caught:
            event("refused: " + min(d.code for d in caught.diagnostics))
            return
        event("checked and rendered")
        document = compose(report.brief, report.analysis)
        page = render_page(document, "html")
        assert "<script>alert" not in page
        # source text is data, never a template: its braces reach the page (Markdown may still
        # read `7*7 }} {{ 7*` as emphasis)
        assert page.count("{{") >= summary.count("{{")
        render_page(document, "pdf")
        render_epub(document)
