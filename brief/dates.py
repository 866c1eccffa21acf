"""ISO partial dates (`2012`, `2017-02`, `2017-02-15`): parse, compare and bound them.

In: YAML scalars (strings, years, dates). Out: `PartialDate` values used by validation and analysis.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

#: ASCII digits only: `\d` also matches Arabic-Indic, full-width and Bengali digits ("৪" is a 4
#: that looks like an 8), so a reader could see another year than the checks use.
_PARTIAL = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
#: The years a brief may give. Outside them a year is far more often a typo (0217 or 3017 for
#: 2017) than a date a brief needs: every date is at most the brief's own (B206), and a brief is
#: about the past. The bounds also keep the analysis far inside the calendar Python knows (years
#: 1 to 9999) when it widens a date ("around 2012" starts in 2011) or counts years back (F-stale):
#: a brief dated in year 5, or "around 9999", ended in OverflowError.
MIN_YEAR = 1000
MAX_YEAR = 2999
#: What to write instead of a date that is not one (validation and `--as-of`).
DATE_HINT = f"write 2012, 2017-02 or 2017-02-15, with a year from {MIN_YEAR} to {MAX_YEAR}"


@functools.total_ordering
@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return (self.year, self.month or 0, self.day or 0) < (
            other.year,
            other.month or 0,
            other.day or 0,
        )

    @property
    def precision(self) -> str:
        """Return `year`, `month` or `day`."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def first_day(self) -> dt.date:
        """Return the earliest calendar day this date may mean.

        >>> PartialDate(2017, 2).first_day()
        datetime.date(2017, 2, 1)
        """
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """Return the latest calendar day this date may mean.

        >>> PartialDate(2016, 2).last_day()
        datetime.date(2016, 2, 29)
        """
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)


def parse_partial_date(value: object) -> PartialDate:
    """Parse a YAML scalar as a partial date, or raise ValueError saying why.

    >>> parse_partial_date("2017-02")
    PartialDate(year=2017, month=2, day=None)
    >>> parse_partial_date(2012)
    PartialDate(year=2012, month=None, day=None)
    """
    if isinstance(value, dt.datetime):
        raise ValueError("a date carries no time of day: write YYYY-MM-DD")
    if isinstance(value, dt.date):
        _check_year(value.year, value.isoformat())
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError("expected a date such as 2012, 2017-02 or 2017-02-15")
    match = _PARTIAL.match(str(value).strip())
    if not match:
        raise ValueError(f"'{value}' is not a date: write 2012, 2017-02 or 2017-02-15")
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    _check_year(year, value)
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"'{value}' has no month {month}")
    if day is not None:
        assert month is not None
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(f"'{value}': {calendar.month_name[month]} {year} has {last} days")
    return PartialDate(year, month, day)


def _check_year(year: int, value: object) -> None:
    """Raise ValueError when `year` is outside MIN_YEAR..MAX_YEAR."""
    if year == 0:
        raise ValueError(f"'{value}' has no year 0")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(
            f"'{value}': the year {year} is out of range (a brief's dates run from {MIN_YEAR} "
            f"to {MAX_YEAR})"
        )


def parse_period(value: object) -> tuple[PartialDate, PartialDate]:
    """Parse a period: one partial date or `start/end`, returning its first and last dates.

    >>> parse_period("2012/2017")
    (PartialDate(year=2012, month=None, day=None), PartialDate(year=2017, month=None, day=None))
    """
    if isinstance(value, str) and "/" in value:
        start_text, _, end_text = value.partition("/")
        start, end = parse_partial_date(start_text), parse_partial_date(end_text)
        if end.last_day() < start.first_day():
            raise ValueError(f"period '{value}' ends before it starts")
        return start, end
    single = parse_partial_date(value)
    return single, single
