"""Localised numbers, dates and labels for `meta.lang` (Babel for formats, small catalogues for
words).

In: figures, partial dates, a language tag. Out: display strings. Pure: no clock, no environment.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from decimal import Decimal
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent, format_scientific

from brief.dates import PartialDate
from brief.model import Figure, Qualifier  # noqa: F401 - Qualifier is used by the doctests
from brief.resources import asset_dir

#: Languages with a message catalogue in assets/locales; others fall back to English words.
CATALOGUE_LANGUAGES = ("en", "es", "fr", "de", "pt", "ar")
#: The Babel locale whose list pattern a catalogue follows, where it is not the brief's own: en.json
#: is written in British English ("organisation", "Licence"), which has no serial comma.
LIST_LOCALES = {"en": "en_GB"}
#: Babel formats a number exactly below this size, and validation refuses larger figures (B203);
#: a larger one built by a program prints as 1E25 rather than raising (Babel's `quantize` did).
LARGEST_EXACT = 10**15


@cache
def catalogue(lang: str) -> dict[str, dict[str, str]]:
    """Return the message catalogue (labels and qualifier words) of a base language."""
    path = asset_dir() / "locales" / f"{base_language(lang)}.json"
    if not path.is_file():
        path = asset_dir() / "locales" / "en.json"
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=32)
def locale_for(lang: str) -> Locale:
    """Return the Babel locale of a BCP 47 tag (validated earlier, B204)."""
    return Locale.parse(lang, sep="-")


def base_language(lang: str) -> str:
    """Return the language part of a tag: `pt-BR` -> `pt`."""
    return lang.split("-")[0].lower()


def texts_for(lang: str, section: str) -> dict[str, str]:
    """Return one section of the catalogue of `lang`, English texts filling any gap."""
    return {**catalogue("en")[section], **catalogue(lang).get(section, {})}


def labels_for(lang: str) -> dict[str, str]:
    """Return the interface labels for `lang`, English words filling any gap."""
    return texts_for(lang, "labels")


def format_message(lang: str, section: str, key: str, /, **values: object) -> str:
    """Fill the named placeholders of one catalogue text of `lang` (English if it has none).

    >>> format_message("fr", "labels", "more_quotes", n=3)
    '3 autres citations figurent dans le dossier complet et le livre numérique.'
    """
    return texts_for(lang, section)[key].format(**values)


def format_items(items: Iterable[str], lang: str) -> str:
    """Join items as a list is written in `lang`.

    >>> format_items(["A", "B", "C"], "en"), format_items(["A", "B", "C"], "fr")
    ('A, B and C', 'A, B et C')
    """
    locale = LIST_LOCALES.get(base_language(lang)) or locale_for(lang)
    return format_list(list(items), locale=locale)


def format_number(value: float, lang: str, unit: str = "") -> str:
    """Format a number (with a currency or % unit) for `lang`.

    >>> format_number(5791, "en"), format_number(6000, "es"), format_number(12.5, "en", "%")
    ('5,791', '6.000', '12.5%')
    """
    locale = locale_for(lang)
    if value != value or not -LARGEST_EXACT < value < LARGEST_EXACT:
        number = format_scientific(value, "#.###E0", locale=locale)
        currency = len(unit) == 3 and unit.isupper()
        return number + "%" if unit == "%" else f"{number} {unit}" if currency else number
    if unit == "%":  # the language's own spacing ("42 %" in Spanish), the digits as written
        share = Decimal(repr(float(value))) / 100
        return format_percent(share, locale=locale, decimal_quantization=False)
    if len(unit) == 3 and unit.isupper():
        decimals = "" if float(value).is_integer() else ".00"
        return format_currency(
            value, unit, "¤#,##0" + decimals, locale=locale, currency_digits=False
        )
    if float(value).is_integer():
        value = int(value)
    return format_decimal(value, locale=locale)


def format_figure(figure: Figure, lang: str) -> str:
    """Render a figure as the qualifier and the number, never a bare number (design.md §2).

    >>> from brief.errors import Location
    >>> fig = Figure("x", Location("b.yaml"), value=6000, counts="x", qualifier=Qualifier.NEARLY)
    >>> format_figure(fig, "en"), format_figure(fig, "de")
    ('nearly 6,000', 'fast 6.000')
    >>> format_figure(Figure("x", Location("b.yaml"), value=32, counts="x", unit="minutes"), "en")
    '32\xa0minutes'
    >>> gift = Figure("x", Location("b"), value=1e8, counts="gift", currency="GBP", high=2e8)
    >>> format_figure(gift, "en"), format_figure(gift, "fr")
    ('£100,000,000–£200,000,000', '£GB100\u202f000\u202f000–£GB200\u202f000\u202f000')
    >>> from brief.model import Conversion
    >>> both = Figure("x", Location("b"), value=1e8, counts="gift", currency="USD",
    ...               also=(Conversion(48.8e6, "GBP"),))
    >>> format_figure(both, "en")
    '$100,000,000 (£48,800,000)'
    >>> tests = Figure("x", Location("b"), value=17000, counts="tests", from_value=1000)
    >>> format_figure(tests, "en"), format_figure(tests, "es")
    ('from 1,000 to 17,000', 'de 1.000 a 17.000')
    """
    words = catalogue(lang)["qualifiers"]
    unit = figure.unit or figure.currency
    number = format_number(figure.value, lang, unit)
    if figure.high is not None:  # a range where the source is vague: "200–999"
        number = f"{number}\u2013{format_number(figure.high, lang, unit)}"
    if figure.from_value is not None:  # one change with its two ends
        start = format_number(figure.from_value, lang, unit)
        number = format_message(lang, "labels", "change", start=start, end=number)
    if unit and not _is_formatted_unit(unit):
        number = f"{number}\u00a0{unit}"  # a unit in words: printed after the number
    shown = words[figure.qualifier.value].format(n=number)
    if figure.also:  # the same amount as the source also gives it: "$100,000,000 (£48,800,000)"
        others = (
            _format_also(also.value, also.currency or also.unit, lang) for also in figure.also
        )
        shown = f"{shown} ({format_items(others, lang)})"
    return shown


def _format_also(value: float, unit: str, lang: str) -> str:
    number = format_number(value, lang, unit)
    return f"{number}\u00a0{unit}" if unit and not _is_formatted_unit(unit) else number


def describe_figure(figure: Figure, lang: str) -> str:
    """Return a figure with what it counts, without saying its unit twice.

    >>> from brief.errors import Location
    >>> states = Figure("x", Location("b"), value=21, counts="states with teams", unit="states")
    >>> describe_figure(states, "en")
    '21 states with teams'
    >>> describe_figure(Figure("x", Location("b"), value=3, counts="days late", unit="weeks"), "en")
    '3\xa0weeks days late'
    """
    unit_words, count_words = figure.unit.lower().split(), figure.counts.lower().split()
    if unit_words and count_words[: len(unit_words)] == unit_words:
        figure = dataclasses.replace(figure, unit="")
    return f"{format_figure(figure, lang)} {figure.counts}"


def _is_formatted_unit(unit: str) -> bool:
    """Return whether Babel prints the unit itself: a percentage or a currency code."""
    return unit == "%" or (len(unit) == 3 and unit.isupper())


def format_partial_date(date: PartialDate, lang: str, approx: bool = False) -> str:
    """Format a partial date at its own precision.

    >>> format_partial_date(PartialDate(2017, 2), "en")
    'February 2017'
    >>> format_partial_date(PartialDate(2017, 2, 15), "fr")
    '15 février 2017'
    """
    locale = locale_for(lang)
    if date.precision == "day":
        text = format_date(date.first_day(), "long", locale=locale)
    elif date.precision == "month":
        text = format_skeleton("yMMMM", date.first_day(), locale=locale)
    else:
        text = str(date.year)
    return labels_for(lang)["around"].format(date=text) if approx else text
