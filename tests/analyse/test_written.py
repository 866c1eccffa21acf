"""The source's words for a date, read in the shipped languages (brief/analyse/written.py)."""

from __future__ import annotations

import pytest

from brief.analyse.written import Written, read_written


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("on Tuesday", "en", Written(weekday=1)),
        ("Tuesday, October 20th", "en", Written(1, 10, 20)),
        ("it may rain in march", "en", Written()),  # English capitalises its names
        ("el martes 20 de octubre de 2020", "es", Written(1, 10, 20, 2020)),
        ("mardi 20 octobre", "fr", Written(1, 10, 20)),
        ("am Dienstag, 20. Oktober", "de", Written(1, 10, 20)),
        ("na terça-feira, 20 de outubro", "pt", Written(1, 10, 20)),
        ("يوم الثلاثاء 20 أكتوبر", "ar", Written(1, 10, 20)),
        ("on Tuesday", "es", Written(weekday=1)),  # a Spanish brief from an English source
        ("in 2019", "en", Written(year=2019)),
        ("31 people on Friday", "en", Written(weekday=4)),  # a count is not a day
    ],
)
def test_the_words_for_a_date_are_read(text: str, lang: str, expected: Written) -> None:
    assert read_written(text, lang) == expected
