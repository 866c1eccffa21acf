"""Currencies written before or after a number: signs ("$", "US$", "€"), words ("dollars",
"euros", "دولار") and ISO codes ("CHF 20"), with the code each stands for.

In: the text just before or just after a number. Out: the ISO code of its currency (or "") and
where that currency's sign or word starts or ends.
"""

from __future__ import annotations

import re
from functools import lru_cache

from brief.analyse.numbers.regex import alternation

#: Currency signs and words, before or after a number, and their ISO codes.
CURRENCY_WORDS: dict[str, str] = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollars": "USD", "dollar": "USD",
    "dólares": "USD", "dolares": "USD", "dólar": "USD", "dólares estadounidenses": "USD",
    "dollars américains": "USD", "us-dollar": "USD", "dólares americanos": "USD",
    "دولار": "USD", "دولارات": "USD",
    "€": "EUR", "eur": "EUR", "euros": "EUR", "euro": "EUR", "يورو": "EUR",
    "£": "GBP", "gbp": "GBP", "pounds": "GBP", "pound": "GBP", "libras": "GBP",
    "livres sterling": "GBP", "pfund": "GBP", "جنيه إسترليني": "GBP",
    "¥": "JPY", "jpy": "JPY", "yen": "JPY", "cad": "CAD", "c$": "CAD", "aud": "AUD",
    "a$": "AUD", "chf": "CHF", "inr": "INR", "₹": "INR", "rupees": "INR", "cny": "CNY",
    "yuan": "CNY", "brl": "BRL", "r$": "BRL", "reais": "BRL", "mxn": "MXN",
    "pesos": "MXN", "sar": "SAR", "riyals": "SAR", "ريال": "SAR", "egp": "EGP",
    "جنيه": "EGP", "nzd": "NZD", "zar": "ZAR", "rand": "ZAR", "sek": "SEK", "nok": "NOK",
    "dkk": "DKK", "kes": "KES", "ngn": "NGN", "₦": "NGN",
}  # fmt: skip
CURRENCY_BEFORE = re.compile(r"(?:^|(?<=[^\w]))((?:US|C|A|R|NZ)?\$|€|£|¥|₹|₦|\b[A-Z]{3}\b)\s?$")
_CURRENCY_AFTER = re.compile(
    rf"^\s?(?:de\s+|d'|di\s+)?({alternation(CURRENCY_WORDS)}|[A-Z]{{3}})(?![^\W\d_])", re.I
)


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    from babel import Locale

    return frozenset(Locale("en").currencies)


def currency_before(before: str) -> tuple[str, int]:
    """Return the currency written just before a number and where it starts (in `before`)."""
    offset = max(0, len(before) - 6)  # a sign or code and a space: never further back
    match = CURRENCY_BEFORE.search(before, offset)
    if not match:
        return "", len(before)
    sign = match.group(1)
    code = CURRENCY_WORDS.get(sign.lower(), sign if sign in _iso_codes() else "")
    return code, match.start(1) if code else len(before)


def currency_after(after: str) -> tuple[str, int]:
    match = _CURRENCY_AFTER.match(after)
    if not match:
        return "", 0
    word = match.group(1)
    code = CURRENCY_WORDS.get(word.lower(), word if word in _iso_codes() else "")
    return code, match.end() if code else 0
