"""Property tests: any input ends in a result or in BriefError, never in another exception."""

from __future__ import annotations

import contextlib
import math
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief.analyse.intervals import counts_key, interval, same_thing
from brief.dates import PartialDate, parse_partial_date, parse_period
from brief.errors import BriefError, Location
from brief.l10n import format_figure
from brief.load import SourceMap, compose_plain
from brief.markup import render_markdown
from brief.model import Figure, Qualifier

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
