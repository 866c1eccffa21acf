"""ISO partial dates: parse, bound, compare and format them (brief/dates.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from brief.analyse.figures import STALE_YEARS
from brief.dates import DATE_HINT, MAX_YEAR, MIN_YEAR, PartialDate, parse_partial_date, parse_period


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (2012, PartialDate(2012)),
        ("2012", PartialDate(2012)),
        ("2017-02", PartialDate(2017, 2)),
        ("2017-02-15", PartialDate(2017, 2, 15)),
        (" 2017-02-15 ", PartialDate(2017, 2, 15)),
        (dt.date(2017, 2, 15), PartialDate(2017, 2, 15)),
        ("2016-02-29", PartialDate(2016, 2, 29)),
        ("2000-02-29", PartialDate(2000, 2, 29)),
        ("1000", PartialDate(1000)),
        ("2999-12-31", PartialDate(2999, 12, 31)),
    ],
)
def test_partial_dates_parse_from_years_months_and_days(
    value: object, expected: PartialDate
) -> None:
    assert parse_partial_date(value) == expected


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("2017-02-30", "February 2017 has 28 days"),
        ("2017-02-29", "February 2017 has 28 days"),
        ("1900-02-29", "February 1900 has 28 days"),
        ("2017-04-31", "April 2017 has 30 days"),
        ("2017-01-00", "January 2017 has 31 days"),
        ("2017-13", "no month 13"),
        ("2017-00", "no month 0"),
        ("0000", "no year 0"),
        ("0001", "the year 1 is out of range"),
        ("0005-01-01", "the year 5 is out of range"),
        ("0999-12-31", "the year 999 is out of range"),
        ("3017", "the year 3017 is out of range"),
        ("9999-12-31", "the year 9999 is out of range"),
        ("2012/9999", "the year 9999 is out of range"),
        (dt.date(5, 1, 1), "'0005-01-01': the year 5 is out of range"),
        (dt.date(9999, 12, 31), "the year 9999 is out of range"),
        ("2017-2", "is not a date"),
        ("2017-02-5", "is not a date"),
        ("17", "is not a date"),
        ("20170215", "is not a date"),
        ("2017/02/15", "is not a date"),
        ("15.02.2017", "is not a date"),
        ("", "is not a date"),
        ("2017-02-15T10:00", "is not a date"),
        (-2012, "is not a date"),
    ],
)
def test_impossible_or_malformed_dates_are_refused_saying_why(value: object, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        parse_period(value) if "/" in str(value) else parse_partial_date(value)


def test_every_date_in_range_leaves_room_for_the_analysis_to_widen_it_and_count_back() -> None:
    """Years 1000-2999: a year and a day either side, and F-stale's years back, stay datable."""
    earliest, latest = parse_partial_date(str(MIN_YEAR)), parse_partial_date(str(MAX_YEAR))
    assert earliest.first_day() - dt.timedelta(days=366) > dt.date.min
    assert earliest.first_day().replace(year=MIN_YEAR - STALE_YEARS) > dt.date.min
    assert latest.last_day() + dt.timedelta(days=366) <= dt.date.max
    assert "1000 to 2999" in DATE_HINT


@pytest.mark.parametrize("value", [True, False, None, 2017.5, [2017], {"year": 2017}])
def test_values_that_are_not_dates_are_refused(value: object) -> None:
    with pytest.raises(ValueError, match="expected a date"):
        parse_partial_date(value)


def test_a_datetime_is_refused_because_a_date_has_no_time_of_day() -> None:
    with pytest.raises(ValueError, match="no time of day"):
        parse_partial_date(dt.datetime(2017, 2, 15, 10, 30))


@pytest.mark.parametrize(
    ("date", "precision"),
    [
        (PartialDate(2012), "year"),
        (PartialDate(2017, 2), "month"),
        (PartialDate(2017, 2, 15), "day"),
    ],
)
def test_precision_names_the_finest_known_part(date: PartialDate, precision: str) -> None:
    assert date.precision == precision


@pytest.mark.parametrize(
    ("date", "first", "last"),
    [
        (PartialDate(2012), dt.date(2012, 1, 1), dt.date(2012, 12, 31)),
        (PartialDate(2016, 2), dt.date(2016, 2, 1), dt.date(2016, 2, 29)),
        (PartialDate(2017, 2), dt.date(2017, 2, 1), dt.date(2017, 2, 28)),
        (PartialDate(2017, 4), dt.date(2017, 4, 1), dt.date(2017, 4, 30)),
        (PartialDate(2017, 2, 15), dt.date(2017, 2, 15), dt.date(2017, 2, 15)),
    ],
)
def test_a_partial_date_spans_its_first_to_its_last_day(
    date: PartialDate, first: dt.date, last: dt.date
) -> None:
    assert (date.first_day(), date.last_day()) == (first, last)


@pytest.mark.parametrize("text", ["2012", "2017-02", "2017-02-15", "1087-01-05"])
def test_a_partial_date_prints_as_it_was_written(text: str) -> None:
    assert str(parse_partial_date(text)) == text


def test_partial_dates_of_equal_precision_compare_chronologically() -> None:
    assert PartialDate(2012) < PartialDate(2017)
    assert PartialDate(2017, 2) < PartialDate(2017, 11)
    assert PartialDate(2017, 2, 15) < PartialDate(2017, 2, 16)
    assert PartialDate(2017, 2) == parse_partial_date("2017-02")


def test_partial_dates_of_mixed_precision_can_be_sorted() -> None:
    dates = [PartialDate(2017, 2, 15), PartialDate(2012), PartialDate(2017), PartialDate(2017, 2)]
    ordered = sorted(dates)  # a timeline mixes years, months and days
    assert ordered[0] == PartialDate(2012)
    assert [date.year for date in ordered] == [2012, 2017, 2017, 2017]


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2012/2017", PartialDate(2012), PartialDate(2017)),
        ("2017-02/2017-05", PartialDate(2017, 2), PartialDate(2017, 5)),
        ("2017-02-01/2017-02-28", PartialDate(2017, 2, 1), PartialDate(2017, 2, 28)),
        ("2017/2017-06", PartialDate(2017), PartialDate(2017, 6)),
        ("2017", PartialDate(2017), PartialDate(2017)),
        (2017, PartialDate(2017), PartialDate(2017)),
        (dt.date(2017, 2, 15), PartialDate(2017, 2, 15), PartialDate(2017, 2, 15)),
    ],
)
def test_a_period_is_one_partial_date_or_a_start_and_an_end(
    value: object, start: PartialDate, end: PartialDate
) -> None:
    assert parse_period(value) == (start, end)


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("2017/2012", "ends before it starts"),
        ("2017-05/2017-02", "ends before it starts"),
        ("2012/", "is not a date"),
        ("/2017", "is not a date"),
        ("2012/2017/2020", "is not a date"),
        ("2012/2017-13", "no month 13"),
    ],
)
def test_a_bad_period_is_refused_saying_why(value: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        parse_period(value)
