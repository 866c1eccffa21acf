"""The number reader (`brief.analyse.numbers`) on a table of real phrasings and their traps.

Each row: the text, its language, and what each number in it must read as, written
`kind low high` then optional `CUR` (an ISO code), `q=qualifier`, `u=unit`, `vague`,
`also=CUR:value`, `ends=a>b`. `-` for an open upper bound.
"""

from __future__ import annotations

import pytest

from brief.analyse.numbers import Kind, Reading, read_numbers

TABLE: list[tuple[str, str, list[str]]] = [
    # Decimals with scales, currencies before and after, conversions (issue 12)
    ("$100m (£48.8m)", "en", ["money 1e8 1e8 USD also=GBP:4.88e+07"]),
    ("2.5m people", "en", ["count 2.5e6 2.5e6"]),
    ("1.2k tests", "en", ["count 1200 1200"]),
    ("$2.5bn", "en", ["money 2.5e9 2.5e9 USD"]),
    ("a $2.5 bn gift", "en", ["money 2.5e9 2.5e9 USD"]),
    ("6.2 million", "en", ["count 6.2e6 6.2e6"]),
    ("USD 5 million", "en", ["money 5e6 5e6 USD"]),
    ("5 million USD", "en", ["money 5e6 5e6 USD"]),
    ("5 millones de dólares", "es", ["money 5e6 5e6 USD"]),
    ("€3,5 Mio.", "de", ["money 3.5e6 3.5e6 EUR"]),
    ("3,5 Mio. €", "de", ["money 3.5e6 3.5e6 EUR"]),
    ("2 milliards d'euros", "fr", ["money 2e9 2e9 EUR"]),
    ("£48.8m", "en", ["money 48.8e6 48.8e6 GBP"]),
    ("€1.2bn (about $1.3bn)", "en", ["money 1.2e9 1.2e9 EUR also=USD:1.3e+09"]),
    ("up to $2m", "en", ["money 0 2e6 USD q=up to"]),
    ("R$ 10 milhões", "pt", ["money 1e7 1e7 BRL"]),
    ("5 mil millones de pesos", "es", ["money 5e9 5e9 MXN"]),
    ("a 100m race", "en", ["count 100 100"]),
    ("6,000", "en", ["count 6000 6000"]),
    ("6.000", "es", ["count 6000 6000"]),
    ("1,234,567", "en", ["count 1234567 1234567"]),
    ("12.5", "en", ["count 12.5 12.5"]),
    ("6 000 victimes", "fr", ["count 6000 6000"]),
    ("٥٠٠٠ شخص", "ar", ["count 5000 5000"]),
    # Number words (text2num for en/es/fr/de/pt/it; a table of our own for Arabic)
    ("five children", "en", ["count 5 5"]),
    ("Twelve million people", "en", ["count 12e6 12e6"]),
    ("Around 12 million people", "en", ["count 12e6 12e6 q=about"]),
    ("twenty-one states", "en", ["count 21 21"]),
    ("doce millones de personas", "es", ["count 12e6 12e6"]),
    ("douze millions de personnes", "fr", ["count 12e6 12e6"]),
    ("zwölf Millionen Menschen", "de", ["count 12e6 12e6"]),
    ("doze milhões de pessoas", "pt", ["count 12e6 12e6"]),
    ("dodici milioni di persone", "it", ["count 12e6 12e6"]),
    ("خمسة ملايين شخص", "ar", ["count 5e6 5e6"]),
    ("unos cinco mil", "es", ["count 5000 5000 q=about"]),
    ("أكثر من ألفي شخص", "ar", ["count 2000 - q=over"]),
    ("نحو ثلاثمئة عائلة", "ar", ["count 300 300 q=about"]),
    # Vague quantities as ranges (docs/findings.md)
    ("hundreds of people", "en", ["count 200 999 vague"]),
    ("thousands of homes", "en", ["count 2000 9999 vague"]),
    ("tens of thousands", "en", ["count 20000 99999 vague"]),
    ("hundreds of thousands", "en", ["count 200000 999999 vague"]),
    ("a few hundred thousand", "en", ["count 200000 900000 vague"]),
    ("several thousand", "en", ["count 2000 9000 vague"]),
    ("dozens of victims", "en", ["count 24 99 vague"]),
    ("more than hundreds", "en", ["count 200 - q=over vague"]),
    ("miles de personas", "es", ["count 2000 9999 vague"]),
    ("5 miles away", "en", ["count 5 5 u=miles"]),
    ("winds of 170 mph, at 908 PM", "en", ["rate 170 170 u=mph", "time 908 908"]),
    ("des milliers de réfugiés", "fr", ["count 2000 9999 vague"]),
    ("Tausende Menschen", "de", ["count 2000 9999 vague"]),
    ("مئات الأشخاص", "ar", ["count 200 999 vague"]),
    # Percentages: shares and changes
    ("75 % of residents", "en", ["share 75 75 u=%"]),
    ("75% of residents", "en", ["share 75 75 u=%"]),
    ("75 per cent of residents", "en", ["share 75 75 u=%"]),
    ("75 percent", "en", ["share 75 75 u=%"]),
    ("el 40 por ciento", "es", ["share 40 40 u=%"]),
    ("40 pour cent", "fr", ["share 40 40 u=%"]),
    ("an 88 % increase in demand", "en", ["change 88 88 u=%"]),
    ("demand rose 88%", "en", ["change 88 88 u=%"]),
    ("down 5 percentage points", "en", ["change 5 5 u=percentage points"]),
    ("3 points de pourcentage", "fr", ["change 3 3 u=percentage points"]),
    ("scored 5 points", "en", ["count 5 5"]),
    ("between 5 and 10 per cent", "en", ["share 5 10 u=%"]),
    # Durations: "over" is not a qualifier there
    ("over three years", "en", ["duration 3 3 u=years"]),
    ("for 12 days", "en", ["duration 12 12 u=days"]),
    (
        "up to $2m over three years from 2009",
        "en",
        ["money 0 2e6 USD q=up to", "duration 3 3 u=years", "year 2009 2009"],
    ),
    ("durante 6 meses", "es", ["duration 6 6 u=meses"]),
    ("more than 10 years", "en", ["duration 10 - q=over u=years"]),
    # Ranges and changes
    ("between 200 and 300", "en", ["count 200 300"]),
    ("200-300", "en", ["count 200 300"]),
    ("200 to 300 people", "en", ["count 200 300"]),
    ("entre 200 y 300", "es", ["count 200 300"]),
    ("$2m-$3m", "en", ["money 2e6 3e6 USD"]),
    ("from 1,000 to 17,000 tests per week", "en", ["change 1000 17000 u=per week ends=1000>17000"]),
    ("fell from 60% to 45%", "en", ["change 45 60 u=% ends=60>45"]),
    ("de 1.000 a 17.000 pruebas", "es", ["change 1000 17000 ends=1000>17000"]),
    # Rates
    ("17,000 tests per week", "en", ["rate 17000 17000 u=per week"]),
    ("5 per 100,000", "en", ["rate 5 5 u=per 100,000"]),
    ("5 cases per 100,000 residents", "en", ["rate 5 5 u=per 100,000"]),
    ("40 deaths a day", "en", ["rate 40 40 u=per day"]),
    ("$5 a day", "en", ["money 5 5 USD u=per day"]),
    # Qualifiers in every shipped language
    ("nearly 6,000", "en", ["count 6000 6000 q=nearly"]),
    ("more than 6,000", "en", ["count 6000 - q=over"]),
    ("6,000 or more", "en", ["count 6000 - q=at least"]),
    ("6,000+", "en", ["count 6000 - q=over"]),
    ("at least 200", "en", ["count 200 - q=at least"]),
    ("casi 6.000 personas", "es", ["count 6000 6000 q=nearly"]),
    ("más de 200 muertos", "es", ["count 200 - q=over"]),
    ("unas 300 familias", "es", ["count 300 300 q=about"]),
    ("alrededor de 12 millones", "es", ["count 12e6 12e6 q=about"]),
    ("cerca de 500", "es", ["count 500 500 q=about"]),
    ("al menos 40", "es", ["count 40 - q=at least"]),
    ("hasta 3.000", "es", ["count 0 3000 q=up to"]),
    ("نحو 12 مليون شخص", "ar", ["count 12e6 12e6 q=about"]),
    ("أكثر من 5000", "ar", ["count 5000 - q=over"]),
    ("قرابة 300", "ar", ["count 300 300 q=about"]),
    ("حوالي 40", "ar", ["count 40 40 q=about"]),
    ("ما يقرب من 40", "ar", ["count 40 40 q=about"]),
    ("على الأقل 40", "ar", ["count 40 - q=at least"]),
    ("près de 6 000", "fr", ["count 6000 6000 q=about"]),
    ("plus de 200", "fr", ["count 200 - q=over"]),
    ("environ 300", "fr", ["count 300 300 q=about"]),
    ("au moins 40", "fr", ["count 40 - q=at least"]),
    ("mehr als 200", "de", ["count 200 - q=over"]),
    ("rund 300", "de", ["count 300 300 q=about"]),
    ("mindestens 40", "de", ["count 40 - q=at least"]),
    ("fast 6.000", "de", ["count 6000 6000 q=nearly"]),
    ("mais de 200", "pt", ["count 200 - q=over"]),
    ("cerca de 300", "pt", ["count 300 300 q=about"]),
    ("pelo menos 40", "pt", ["count 40 - q=at least"]),
    ("quase 6 mil", "pt", ["count 6000 6000 q=nearly"]),
    # Traps: numbers that are not amounts
    ("In 2017, the charity", "en", ["year 2017 2017"]),
    ("since the 1990s", "en", ["year 1990 1990"]),
    ("a 7-year-old girl", "en", ["age 7 7"]),
    ("a girl aged 7", "en", ["age 7 7"]),
    ("12 years old", "en", ["age 12 12"]),
    ("COVID-19 cases", "en", ["label 19 19"]),
    ("Route 66", "en", ["label 66 66"]),
    ("at 3 p.m.", "en", ["time 3 3"]),
    ("at 10:30", "en", ["time 10 10", "label 30 30"]),
    ("the 1st time", "en", ["ordinal 1 1"]),
    ("the first time", "en", ["ordinal 1 1"]),
    ("open 24/7", "en", ["label 24 24", "label 7 7"]),
    ("call 555-1234", "en", ["label 555 555", "label 1234 1234"]),
    (
        "call +1 202 555 0100",
        "en",
        ["label 1 1", "label 202 202", "label 555 555", "label 100 100"],
    ),
    ("H1N1 flu", "en", []),
    ("G7 summit", "en", []),
    ("no one came", "en", ["count 1 1"]),
    ("call (555) 123-4567", "en", ["label 555 555", "label 123 123", "label 4567 4567"]),
    ("on October 20, 2020, 12 people died", "en", ["date 20 20", "year 2020 2020", "count 12 12"]),
    ("le 20 octobre, 12 morts", "fr", ["date 20 20", "count 12 12"]),
    ("el 20 de octubre", "es", ["date 20 20"]),
    ("4,000-5,000 people", "en", ["count 4000 5000"]),
    ("a 3-2 win", "en", ["count 3 3", "count 2 2"]),
    (
        "12 million, up from 9 million in 2019",
        "en",
        ["count 12e6 12e6", "count 9e6 9e6", "year 2019 2019"],
    ),
    ("200,000 or so", "en", ["count 200000 200000 q=about"]),
    ("more than 1,000 people a day", "en", ["rate 1000 - q=over u=per day"]),
    ("£1.5 million a year", "en", ["money 1.5e6 1.5e6 GBP u=per year"]),
    ("the largest gift in the nation's history", "en", []),
    # A table row of shares is not a phone number; a dotted phone number is not a crash.
    (
        "Labour National NZ 40.72 39.63 5.84",
        "en",
        ["count 40.72 40.72", "count 39.63 39.63", "count 5.84 5.84"],
    ),
    ("call 555.010.0199", "en", []),
    ("over two dozen people", "en", ["count 24 - q=over"]),
    ("half a dozen cars", "en", ["count 6 6"]),
    ("a dozen eggs and 3 dozen rolls", "en", ["count 12 12", "count 36 36"]),
    # Shares written as fractions; "out" is a month only in Portuguese dates ("7 out. 2020").
    ("7 out of every 10 Americans", "en", ["share 70 70 u=%"]),
    ("fewer than 3 in 10 projects", "en", ["share 0 30 q=up to u=%"]),
    ("one in five children", "en", ["share 20 20 u=%"]),
    ("nearly half of the homes", "en", ["share 50 50 q=nearly u=%"]),
    ("killed 3 in 10 minutes", "en", ["count 3 3", "duration 10 10 u=minutes"]),
    ("more than a million people", "en", ["count 1e6 - q=over"]),
    # A number in brackets after what it measures keeps the comparison before it.
    (
        "predicted to be higher than the 2002 turnout (77%)",
        "en",
        ["year 2002 2002", "share 77 - q=over u=%"],
    ),
    ("a story about the budget (1,200 pages)", "en", ["count 1200 1200"]),
    ("more than 5 people (10%)", "en", ["count 5 - q=over", "share 10 10 u=%"]),
    (
        "Greens United Future ACT 5.07 2.72 1.52",
        "en",
        ["count 5.07 5.07", "count 2.72 2.72", "count 1.52 1.52"],
    ),
    ("Act 5 of the play", "en", ["label 5 5"]),
    # Days of a range of dates are dates, not counts.
    ("tornadoes on March 24-25, 2023", "en", ["date 24 24", "date 25 25", "year 2023 2023"]),
    ("on 24–25 March 2023", "en", ["date 24 24", "date 25 25", "year 2023 2023"]),
    ("Release HQ-22-160, 4,000 homes", "en", ["label 22 22", "label 160 160", "count 4000 4000"]),
    # Coordinates are labels (their digits stay ambiguous, as "6.000" is: both readings kept).
    ("Latitude/ Longitude: 31.110°N 8.440°W", "en", ["label 31110 31110", "label 8440 8440"]),
    ("moving approximately 24 mm per year", "en", ["rate 24 24 q=about u=per year"]),
    ("a fault 24 mm wide", "en", ["count 24 24 u=mm"]),
]


def _describe(reading: Reading) -> str:
    high = "-" if reading.high is None else f"{reading.high:g}"
    parts = [reading.kind.value, f"{reading.low:g}", high]
    parts += [reading.currency] if reading.currency else []
    parts += [f"q={reading.qualifier.value}"] if reading.qualifier else []
    parts += [f"u={reading.unit}"] if reading.unit else []
    parts += ["vague"] if reading.vague else []
    parts += [f"also={other.currency}:{other.low:g}" for other in reading.also]
    if reading.ends:
        parts.append(f"ends={reading.ends[0].low:g}>{reading.ends[1].low:g}")
    return " ".join(parts)


def _normal(expected: str) -> str:
    """Write the numbers of an expected row as `_describe` prints them (1e8 -> 1e+08)."""
    words = expected.split()
    for position in (1, 2):
        if words[position] != "-":
            words[position] = f"{float(words[position]):g}"
    return " ".join(words)


@pytest.mark.parametrize(("text", "lang", "expected"), TABLE, ids=[row[0] for row in TABLE])
def test_reads_real_phrasings(text: str, lang: str, expected: list[str]) -> None:
    assert [_describe(reading) for reading in read_numbers(text, lang)] == [
        _normal(row) for row in expected
    ]


def test_the_table_is_large_enough() -> None:
    assert len(TABLE) >= 80


def test_kinds_that_are_not_amounts_say_so() -> None:
    assert Kind.COUNT.quantity
    assert Kind.MONEY.quantity
    assert Kind.DURATION.quantity
    assert not any(kind.quantity for kind in (Kind.YEAR, Kind.AGE, Kind.TIME, Kind.LABEL))


def test_a_vague_quantity_means_every_value_in_its_range() -> None:
    (hundreds,) = read_numbers("hundreds of people")
    assert hundreds.means(450)
    assert not hundreds.means(1500)


def test_an_open_bound_does_not_mean_every_value_above_it() -> None:
    (over,) = read_numbers("more than 200 people")
    assert over.means(200)
    assert not over.means(300)
    assert over.holds(300)


def test_ambiguous_digits_keep_both_values() -> None:
    (german,) = read_numbers("6,000", "de")
    assert german.values == frozenset({6.0, 6000.0})


def test_a_huge_text_is_read_in_bounded_time() -> None:
    readings = read_numbers("about 6,000 people; " * 20_000)
    assert 0 < len(readings) <= 20_000


def test_a_number_too_long_for_a_float_is_read_without_error() -> None:
    """Found by the value fuzz test: 400 digits before "PM" overflowed the clock-time check."""
    read = read_numbers("at " + "9" * 400 + " PM, then 908 PM", "en")
    assert [reading.kind for reading in read] == [Kind.COUNT, Kind.TIME]
