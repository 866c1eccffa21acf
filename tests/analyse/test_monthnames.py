"""The number reader's month names (analyse/monthnames.py) are Babel's, written out once."""

from __future__ import annotations

import subprocess
import sys

from brief.analyse import monthnames
from brief.analyse.numbers.months import month_names_from_babel


def test_the_table_is_exactly_what_babel_gives_now() -> None:
    assert month_names_from_babel("wide") == monthnames.WIDE, "run scripts/make-month-names.py"
    assert month_names_from_babel("abbreviated") == monthnames.ABBREVIATED


def test_the_table_covers_every_language_and_keeps_words_that_are_not_names() -> None:
    for name in ("october", "octubre", "octobre", "oktober", "outubro", "ottobre", "أكتوبر"):
        assert name in monthnames.WIDE
    assert {"oct", "okt", "out", "set"} <= monthnames.ABBREVIATED
    assert "may" in monthnames.WIDE  # the reader itself leaves it out, as a verb


PROBE = """
from babel import localedata
from brief.analyse.numbers import read_numbers
numbers = read_numbers("On 20 octobre, 1,200 people came")
print(numbers[0].kind is not numbers[1].kind, *sorted(localedata._cache))
"""


def test_reading_a_date_loads_no_other_language_for_month_names() -> None:
    found = subprocess.run(
        [sys.executable, "-c", PROBE], check=True, capture_output=True, text=True
    ).stdout.split()
    assert found[0] == "True"  # the day of a date is not read as the count's kind
    assert set(found[1:]) <= {"en", "root"}, "month names come from the table, not Babel"
