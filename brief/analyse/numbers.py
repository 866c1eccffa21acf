"""One number reader for a figure's `as_reported` and for prose: what a number is, not only its
digits ("$100m (£48.8m)", "over three years", "from 1,000 to 17,000 tests per week", "hundreds").

In: a text and the language it is written in. Out: `Reading`s, each with the values the words
allow, its kind (a count, money, a share, a change, a rate, a duration; or a year, age, time,
ordinal or label that callers skip), currency, unit, qualifier, vague or range bounds, a bracketed
conversion and a change's two ends. Number words come from the `text2num` library (en, es, fr,
de, pt, it); Arabic number words and the vague quantities are small tables here (docs/findings.md,
"How numbers are read"). Pure and linear in the text's length: every pattern is anchored on a
number found once.
"""

from __future__ import annotations

import bisect
import enum
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

import text_to_num

from brief.model import Qualifier

__all__ = ["QUALIFIER_PHRASES", "VAGUE", "Kind", "Reading", "read_numbers"]


class Kind(enum.Enum):
    """What a number is. The first six are quantities a figure can be; the rest are skipped."""

    COUNT = "count"
    MONEY = "money"
    SHARE = "share"
    CHANGE = "change"
    RATE = "rate"
    DURATION = "duration"
    YEAR = "year"
    AGE = "age"
    TIME = "time"
    DATE = "date"  # the day in "20 October", "October 20"
    ORDINAL = "ordinal"
    LABEL = "label"  # "COVID-19", "Route 66", "24/7", a phone number

    @property
    def quantity(self) -> bool:
        """Return whether this kind is an amount a figure may report (not a year, age, label…)."""
        return self in _QUANTITIES


_QUANTITIES = frozenset({Kind.COUNT, Kind.MONEY, Kind.SHARE, Kind.CHANGE, Kind.RATE, Kind.DURATION})


@dataclass(frozen=True)
class Reading:
    """A number as written in a text and what its words allow.

    `low`/`high` are the bounds the words state: equal for an exact number (and for "about" or
    "nearly", whose spread `intervals.py` computes), a range's ends, a vague word's table entry;
    `high` is None for an open upper bound ("more than 200"), `low` is 0 for "up to". `values`
    holds every value the written digits could mean (6,000 is six in German), scaled and not.
    """

    start: int
    end: int
    written: str
    low: float
    high: float | None
    values: frozenset[float]
    kind: Kind = Kind.COUNT
    currency: str = ""
    unit: str = ""
    qualifier: Qualifier | None = None
    qualifier_words: str = ""
    vague: bool = False
    also: tuple[Reading, ...] = ()
    ends: tuple[Reading, Reading] | None = None

    def means(self, value: float) -> bool:
        """Return whether the written number can be read as `value` (or a vague amount holds it)."""
        if any(math.isclose(candidate, value, rel_tol=1e-9) for candidate in self.values):
            return True
        return self.vague and self.holds(value)  # "hundreds" means 450; "over 200" is not 300

    def holds(self, value: float) -> bool:
        """Return whether `value` lies within the bounds the words state."""
        return self.low <= value and (self.high is None or value <= self.high)


# --- Tables --------------------------------------------------------------------------------

#: Qualifier words before a number, in every shipped language (a source may be in any of them).
QUALIFIER_PHRASES: dict[str, Qualifier] = {
    phrase: qualifier
    for qualifier, phrases in (
        (
            Qualifier.ABOUT,
            "about|around|approximately|roughly|some|an estimated|estimated|near|circa|c.|approx."
            "|alrededor de|aproximadamente|unos|unas|cerca de|en torno a|del orden de"
            "|environ|autour de|quelque|quelques|près de|rund|etwa|ungefähr|circa|ca."
            "|zirka|cerca de|por volta de|aproximadamente|em torno de|circa|intorno a"
            "|nell'ordine di|نحو|حوالي|حوالى|قرابة|ما يقرب من|زهاء|تقريبا",
        ),
        (
            Qualifier.NEARLY,
            "nearly|almost|close to|just under|just shy of|not quite|casi|presque|fast|knapp"
            "|beinahe|nahezu|quase|quasi|pressoché|ما يناهز",
        ),
        (
            Qualifier.OVER,
            "over|more than|above|upwards of|in excess of|exceeding|just over|higher than"
            "|greater than|larger than|más de|mas de|sobre"
            "|por encima de|plus de|au-delà de|mehr als|über|mais de|più di|oltre|أكثر من"
            "|ما يزيد على|ما يزيد عن|يزيد عن|يزيد على|أزيد من",
        ),
        (
            Qualifier.AT_LEAST,
            "at least|no fewer than|no less than|a minimum of|al menos|por lo menos|como mínimo"
            "|au moins|mindestens|wenigstens|pelo menos|no mínimo|almeno|per lo meno|على الأقل"
            "|ما لا يقل عن|لا يقل عن",
        ),
        (
            Qualifier.UP_TO,
            "up to|as many as|at most|no more than|under|fewer than|less than|lower than"
            "|smaller than|hasta|menos de"
            "|jusqu'à|jusqu’à|moins de|bis zu|weniger als|até|menos de|fino a|meno di|حتى"
            "|أقل من|ما يصل إلى",
        ),
    )
    for phrase in phrases.split("|")
}
#: Qualifier words after a number: "6,000 or more", "6,000-plus", "6.000 o más", "نحو".
TRAILING_PHRASES: dict[str, Qualifier] = {
    "or more": Qualifier.AT_LEAST,
    "o más": Qualifier.AT_LEAST,
    "ou plus": Qualifier.AT_LEAST,
    "oder mehr": Qualifier.AT_LEAST,
    "ou mais": Qualifier.AT_LEAST,
    "o più": Qualifier.AT_LEAST,
    "أو أكثر": Qualifier.AT_LEAST,
    "plus": Qualifier.OVER,
    "+": Qualifier.OVER,
    "or so": Qualifier.ABOUT,
    "approximately": Qualifier.ABOUT,
    "tops": Qualifier.UP_TO,
    "تقريبا": Qualifier.ABOUT,
    "تقريباً": Qualifier.ABOUT,
}
#: Vague quantities as ranges: "hundreds" is 200–999 (two hundred up to the next order); the
#: same rule for every order, in every shipped language (docs/findings.md).
VAGUE: dict[str, tuple[float, float]] = {
    **dict.fromkeys(["dozens", "docenas", "douzaines", "dutzende", "dúzias", "dozzine"], (24, 99)),
    **dict.fromkeys(["scores"], (40, 99)),
    **dict.fromkeys(["tens", "decenas", "dizaines", "dezenas", "decine", "عشرات"], (20, 99)),
    **dict.fromkeys(
        [
            "hundreds",
            "cientos",
            "centenares",
            "centaines",
            "hunderte",
            "centenas",
            "centinaia",
            "مئات",
            "مئات",
        ],
        (200, 999),
    ),
    **dict.fromkeys(
        ["thousands", "miles", "milliers", "tausende", "milhares", "migliaia", "آلاف", "الآلاف"],
        (2_000, 9_999),
    ),
    **dict.fromkeys(["zehntausende"], (20_000, 99_999)),
    **dict.fromkeys(["hunderttausende"], (200_000, 999_999)),
    **dict.fromkeys(
        ["millions", "millones", "milhões", "millionen", "milioni", "ملايين"], (2e6, 9_999_999)
    ),
    **dict.fromkeys(["billions", "miles de millones", "milliards", "milliarden"], (2e9, 9.999e9)),
}
#: "a few hundred", "several thousand": a few of that order (2–9 of it).
FEW = (
    "a few|few|several|a couple of|some|unos pocos|unas pocas|varios|varias|quelques|plusieurs"
    "|einige|mehrere|ein paar|alguns|algumas|vários|várias|alcuni|alcune|diversi|بضع|بضعة|عدة"
)
#: Scale words after digits or number words, and what they multiply by.
SCALES: dict[str, float] = {
    **dict.fromkeys(["k", "thousand", "mil", "mille", "mila", "tausend", "ألف", "آلاف"], 1e3),
    **dict.fromkeys(
        [
            "m",
            "mn",
            "mln",
            "million",
            "millions",
            "millón",
            "millon",
            "millones",
            "mio",
            "mio.",
            "millionen",
            "milhão",
            "milhao",
            "milhões",
            "milhoes",
            "milione",
            "milioni",
            "مليون",
            "ملايين",
        ],
        1e6,
    ),
    **dict.fromkeys(
        [
            "bn",
            "b",
            "billion",
            "billions",
            "mil millones",
            "milliard",
            "milliards",
            "mrd",
            "mrd.",
            "md",
            "mds",
            "milliarde",
            "milliarden",
            "bilhão",
            "bilhões",
            "bilhao",
            "bilhoes",
            "miliardo",
            "miliardi",
            "مليار",
            "مليارات",
        ],
        1e9,
    ),
    **dict.fromkeys(["tn", "trillion", "trillions", "billones", "billón"], 1e12),
}
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
PERCENT_WORDS = (
    r"%|٪|per ?cent|percent|pct|por ?ciento|pour ?cent|prozent|por ?cento|per ?cento|في المائة"
    r"|في المئة|بالمائة|بالمئة"
)
POINT_WORDS = (
    r"percentage points?|points? de pourcentage|puntos porcentuales|prozentpunkte?"
    r"|pontos percentuais|punti percentuali|نقاط? مئوية|points?|pp|pts?"
)
CHANGE_WORDS = (
    "increase|increased|increases|rise|rises|rose|risen|rising|growth|grew|grown|jump|jumped"
    "|surge|surged|fall|fell|fallen|drop|dropped|decline|declined|decrease|decreased|cut|up|down"
    "|higher|lower|more|less|fewer|gain|gained|climb|climbed|plunge|plunged|reduction|boost"
    "|aumento|aumentó|subió|subida|crecimiento|creció|caída|cayó|bajó|descenso|disminución"
    "|hausse|augmentation|baisse|diminution|recul|progression|hausse|anstieg|gestiegen|stieg"
    "|rückgang|gesunken|sank|zunahme|aumentou|queda|caiu|crescimento|aumentato|calo|crescita"
    "|diminuzione|ارتفاع|زيادة|انخفاض|تراجع|نمو"
)
TIME_UNITS = (
    "years?|yrs?|months?|weeks?|fortnights?|days?|nights?|hours?|hrs?|minutes?|mins?|seconds?|secs?|decades?"
    "|centuries|century|años?|meses|mes|semanas?|días?|horas?|minutos?|décadas?|ans?|années?"
    "|mois|semaines?|jours?|nuits?|heures?|noches?|nächte|noites?|décennies?|jahren?|jahre|monaten?|monate|wochen?|tagen?|tage"
    "|stunden?|jahrzehnten?|anos?|meses|semanas?|dias?|horas?|anni|anno|mesi|settimane?"
    "|giorni|giorno|ore|سنوات|سنة|أعوام|عاما|عامًا|عام|أشهر|شهرا|شهرًا|أسابيع|أيام|يوما|يومًا|ساعة|ساعات"
)
#: Words after which a number is a name, not an amount: "Route 66", "Article 5", "No. 10".
LABEL_WORDS = frozenset(
    [
        "route",
        "highway",
        "interstate",
        "room",
        "flight",
        "line",
        "no.",
        "nº",
        "n°",
        "number",
        "article",
        "section",
        "chapter",
        "page",
        "p.",
        "pp.",
        "rule",
        "grade",
        "level",
        "phase",
        "stage",
        "type",
        "version",
        "model",
        "resolution",
        "bus",
        "platform",
        "gate",
        "category",
        "class",
        "act",
        "title",
        "exit",
        "lane",
        "unit",
        "ward",
        "district",
        "precinct",
        "apartment",
        "apt",
        "suite",
        "building",
        "floor",
        "channel",
        "episode",
        "season",
        "game",
        "week",
        "round",
        "item",
        "paragraph",
        "clause",
        "schedule",
        "artículo",
        "capítulo",
        "página",
        "ruta",
        "número",
        "article",
        "chapitre",
        "page",
        "numéro",
        "artikel",
        "kapitel",
        "seite",
        "nummer",
        "artigo",
        "capítulo",
        "página",
        "número",
        "articolo",
        "capitolo",
        "pagina",
        "numero",
        "المادة",
        "الفصل",
        "صفحة",
    ]
)
ARABIC_WORDS: dict[str, float] = {
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4,
    "أربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8,
    "ثماني": 8, "تسعة": 9, "تسع": 9, "عشرة": 10, "عشر": 10, "عشرين": 20, "عشرون": 20,
    "ثلاثين": 30, "ثلاثون": 30, "أربعين": 40, "أربعون": 40, "خمسين": 50, "خمسون": 50,
    "مئة": 100, "مائة": 100, "مئتين": 200, "مائتين": 200, "ألف": 1e3, "ألفين": 2e3,
    "مليون": 1e6, "مليونين": 2e6, "مليونا": 2e6, "مليار": 1e9, "ستين": 60, "ستون": 60,
    "سبعين": 70, "سبعون": 70, "ثمانين": 80, "ثمانون": 80, "تسعين": 90, "تسعون": 90,
    "مئتي": 200, "مائتي": 200, "ألفي": 2e3, "ألفا": 2e3,
    **{f"{unit}{hundred}": value * 100 for unit, value in (("ثلاث", 3), ("أربع", 4), ("خمس", 5),
       ("ست", 6), ("سبع", 7), ("ثمان", 8), ("تسع", 9)) for hundred in ("مئة", "مائة")},
}  # fmt: skip
_TEXT2NUM_LANGUAGES = ("en", "es", "fr", "de", "pt", "it")
_ARTICLES = frozenset(
    ["a", "an", "un", "una", "uno", "unos", "unas", "une", "ein", "eine", "einen", "um", "uma"]
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_MAX_TEXT = 200_000  # longer texts are read up to here: prose in a brief is far shorter


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_SCALE = _alternation(SCALES)
#: Qualifier words just before a number, matched on the reversed text before it: one anchored
#: match instead of a search from every position (the alternation is long).
_QUALIFIER_BEFORE_REVERSED = re.compile(
    r"\s*(?:\$(?:SU|C|A|R)?|€|£)?[\s~$€£¥₹₦\u00a0]*"
    rf"({_alternation(phrase[::-1] for phrase in QUALIFIER_PHRASES)})(?!\w)",
    re.I,
)
_QUALIFIER_AFTER = re.compile(rf"^\s*(?:-\s*)?({_alternation(TRAILING_PHRASES)})(?!\w)", re.I)
_CURRENCY_BEFORE = re.compile(r"(?:^|(?<=[^\w]))((?:US|C|A|R|NZ)?\$|€|£|¥|₹|₦|\b[A-Z]{3}\b)\s?$")
_CURRENCY_AFTER = re.compile(
    rf"^\s?(?:de\s+|d'|di\s+)?({_alternation(CURRENCY_WORDS)}|[A-Z]{{3}})(?![^\W\d_])", re.I
)
_PERCENT = re.compile(rf"^\s?(?:{PERCENT_WORDS})(?!\w)", re.I)
_POINTS = re.compile(rf"^\s?(?:{POINT_WORDS})(?!\w)", re.I)
_DURATION = re.compile(rf"^(?:\s|-|\u00a0)?(?:{TIME_UNITS})(?!\w)(?P<old>[\s-]*old)?", re.I)
_AGE_BEFORE = re.compile(r"(?:\baged?|\bâgée?s? de|\bedad de|\bim alter von)\s*$", re.I)
_RATE = re.compile(
    r"^(?:[\s\u00a0]+[^\W\d_][\w-]*){0,3}?\s*(?<![^\W\d_])(?:"
    rf"(?:per|a|an|each|every|/|por|par|pro|je|al|à la|ogni|cada|لكل|في)\s*(?P<unit>{TIME_UNITS})"
    r"(?!\w)|(?:per|/|por|pour|pro|je|لكل)\s*(?P<base>\d[\d,.]*(?:\s(?:thousand|million))?)"
    r"|per\s+(?:capita|head|person|resident|inhabitant)s?\b)",
    re.I,
)
_CHANGE_BEFORE = re.compile(rf"(?:{CHANGE_WORDS})(?:\s+(?:of|by|de|du|um|di|بنسبة))?\s*$", re.I)
_CHANGE_AFTER = re.compile(rf"^(?:\s+\w+)?\s+(?:{CHANGE_WORDS})(?!\w)", re.I)
_CLOCK = re.compile(r"^\s?(?:[ap]\.?\s?m\.?(?![^\W\d_])|o'clock|h\b|uhr\b|:\d\d)", re.I)
_ORDINAL = re.compile(r"^(?:st|nd|rd|th|º|ª|e|er|ère|eme|ème|\.(?=\s+[A-ZÄÖÜ]))(?!\w)", re.I)
_PHONE = re.compile(
    r"(?<![\w.])(?:\+\d{1,3}[\s.-]?)?\(\d{1,4}\)[\s.-]?\d{2,4}(?:[\s.-]\d{2,4})+(?!\w)"
    r"|(?<![\w.])(?:\+\d{1,3}[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,4}){2,}(?!\w)"
    r"|(?<![\w.])\d{3}-\d{4}(?!\w)"
)
_JOINERS = r"\s*(?:-|–|—|to|and|y|a|à|et|bis|und|e|al|até|o|or|ou|oder|إلى|و)\s*"
_RANGE_OPEN = re.compile(
    r"(?:between|entre|zwischen|tra|fra|بين|from|de|desde|von|da|من)\s*$", re.I
)
_WORD_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+|[^\w\s]")


@dataclass
class _Atom:
    """A number found in the text before its context is read."""

    start: int
    end: int
    values: frozenset[float]
    primary: float
    scaled: bool = False
    vague: tuple[float, float] | None = None
    words: bool = False
    extra: dict[str, object] = field(default_factory=dict)


# --- Finding the numbers -------------------------------------------------------------------


def readings(digits: str) -> set[float]:
    """Return every value a written number could mean, in any of our languages.

    "6,000" is six thousand in English and six in German; both readings are kept, so that a
    number typed in either convention is recognised.

    >>> sorted(readings("6.000")), sorted(readings("1,234,567")), sorted(readings("12.5"))
    ([6.0, 6000.0], [1234567.0], [12.5])
    """
    found: set[float] = set()
    parts = re.split(r"([,.\u00a0\u202f\u2009'’])", digits)
    groups, marks = parts[::2], parts[1::2]
    if len(groups) == 1:
        return {float(digits)}
    if all(len(group) == 3 for group in groups[1:]) and len(set(marks)) == 1:
        found.add(float("".join(groups)))  # thousands separators
    last, earlier = marks[-1], set(marks[:-1])
    decimal = last in ",." and last not in earlier and len(earlier) <= 1
    if decimal and all(len(group) == 3 for group in groups[1:-1]):
        found.add(float("".join(groups[:-1]) + "." + groups[-1]))  # a decimal mark
    return found


_FEW_BASES = {
    **dict.fromkeys(
        [
            "hundred",
            "cien",
            "cientos",
            "cent",
            "cents",
            "hundert",
            "cem",
            "centenas",
            "cento",
            "مئة",
        ],
        100,
    ),
    **dict.fromkeys(["thousand", "mil", "mille", "tausend", "mila", "ألف", "آلاف"], 1e3),
    **dict.fromkeys(
        ["million", "millones", "millions", "millionen", "milhões", "milioni", "ملايين"], 1e6
    ),
}
_FEW_BASE = _alternation(_FEW_BASES)
_VAGUE_WORDS = "|".join(
    re.escape(word) + (r"(?=\s+de\b)" if word == "miles" else "")
    for word in sorted(VAGUE, key=len, reverse=True)
)
_VAGUE = re.compile(
    rf"(?<!\w)(?:(?P<few>{FEW})\s+(?P<base>(?:{_FEW_BASE})(?:\s+(?:{_FEW_BASE}))?)"
    r"|(?P<tens>tens|decenas|dizaines|dezenas|decine|عشرات)\s+(?:of|de|des|di)?\s*"
    r"(?P<tbase>thousands|millions|miles|milliers|milhares|migliaia|millones|milhões|milioni"
    r"|الآلاف|آلاف|ملايين)|(?P<hbase>hundreds|cientos|centaines|centenas|centinaia|مئات)\s+"
    r"(?:of|de|des|di)?\s*(?:thousands|miles|milliers|milhares|migliaia|الآلاف|آلاف)"
    rf"|(?P<word>{_VAGUE_WORDS}))(?!\w)",
    re.I,
)


@lru_cache(maxsize=16)
def _number_pattern(spaces: bool) -> re.Pattern[str]:
    """Digits with thousands separators (a plain space too, where the language allows it)."""
    separators = r"[,.\u00a0\u202f\u2009'’ ]" if spaces else r"[,.\u00a0\u202f\u2009'’]"
    return re.compile(
        rf"(?<![\w.,'’])(?P<digits>\d{{1,3}}(?P<sep>{separators})\d{{3}}(?:(?P=sep)\d{{3}})*"
        r"(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?)"
        rf"(?:(?P<space>[ \u00a0]?)(?P<scale>{_SCALE})(?![^\W\d_]))?",
        re.I,
    )


def _digit_value(digits: str) -> tuple[frozenset[float], float] | None:
    """Return every value of written digits, and the one to read first: a group of three digits
    after one mark is a thousands group in news in every language ("4,380 millones" in a
    Mexican report, "6.000" in a Spanish one), so the larger reading comes first."""
    values = readings(digits.replace(" ", "\u00a0"))
    return (frozenset(values), max(values)) if values else None  # "555.010.0199" reads as none


def _takes_scale(text: str, match: re.Match[str], currency: bool) -> bool:
    """Return whether a scale after digits is one ("2.5m" is million, "100m race" metres)."""
    scale = match.group("scale").lower()
    if scale in ("k", "m", "b") and match.group("space"):
        return False
    if scale == "m" and not currency:
        after = text[match.end() : match.end() + 20].lower()
        return not re.match(r"\s*(?:tall|high|long|deep|wide|away|race|sprint|²|\))", after)
    return True


def _digit_atoms(text: str, lang: str) -> Iterator[_Atom]:
    pattern = _number_pattern(not lang.lower().startswith("en"))
    for match in pattern.finditer(text):
        value = _digit_value(match.group("digits"))
        if value is None:
            continue
        values, primary = value
        end, scaled = match.end(), False
        if match.group("scale"):
            currency = bool(
                _CURRENCY_BEFORE.search(text[max(0, match.start() - 4) : match.start()])
            )
            if _takes_scale(text, match, currency):
                factor = SCALES[match.group("scale").lower()]
                values = values | {value * factor for value in values}
                primary, scaled = primary * factor, True
            else:
                end = match.end("digits")
        else:
            end = match.end("digits")
        yield _Atom(match.start(), end, values, primary, scaled)


class _Token:
    """A word for `text_to_num.find_numbers` (its Token protocol), with its place in the text."""

    def __init__(self, match: re.Match[str]) -> None:
        self.match = match

    def text(self) -> str:
        return self.match.group(0)

    def nt_separated(self, previous: _Token) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


def _word_atoms(text: str, lang: str) -> Iterator[_Atom]:
    """Number words: text2num for its languages, a small table for Arabic."""
    base = lang.split("-")[0].lower()
    tokens = [_Token(match) for match in _WORD_TOKEN.finditer(text)]
    if base == "ar" or re.search(r"[\u0600-\u06ff]", text):
        yield from _arabic_atoms(tokens)
    primary = base if base in _TEXT2NUM_LANGUAGES else "en"
    candidates = list(_words_in(tokens, primary))
    for other in _TEXT2NUM_LANGUAGES:  # a source quoted in another language than the brief's
        if other != primary:
            found = _words_in(tokens, other)
            candidates += [atom for atom in found if _word_count(atom) >= 2]
    yield from _longest_first(candidates)


def _word_count(atom: _Atom) -> int:
    """Return how many words a number written in words took ("Twelve million": 2)."""
    count = atom.extra.get("words", 0)
    return count if isinstance(count, int) else 0


def _longest_first(candidates: list[_Atom]) -> list[_Atom]:
    """Keep the longest reading of each stretch of words ("Twelve million" in English over
    "million" in French), the brief's language first among equals; linear in the text."""
    taken = bytearray(max((atom.end for atom in candidates), default=0))
    chosen = []
    for atom in sorted(candidates, key=lambda atom: atom.start - atom.end):  # stable: primary first
        if taken.find(1, atom.start, atom.end) == -1:
            taken[atom.start : atom.end] = b"\x01" * (atom.end - atom.start)
            chosen.append(atom)
    return sorted(chosen, key=lambda atom: atom.start)


def _words_in(tokens: list[_Token], language: str) -> Iterator[_Atom]:
    for found in text_to_num.find_numbers(tokens, language, 0.0):
        words = [token.text() for token in tokens[found.start : found.end]]
        if any(word.isdigit() for word in words):
            continue  # digits are read above, with their separators and scales
        if len(words) == 1 and words[0].lower() in _ARTICLES:
            continue  # "un", "unos", "a": an article, not the number one
        first = found.start
        if first and len(words) == 1 and tokens[first - 1].text().lower() in ("a", "an"):
            first -= 1  # "a million": the article belongs to the number, and so does "over a"
        start, end = tokens[first].match.start(), tokens[found.end - 1].match.end()
        value = float(found.value)
        atom = _Atom(start, end, frozenset({value}), value, words=True)
        atom.extra["words"] = sum(word.isalpha() for word in words)
        if found.is_ordinal:
            atom.extra["kind"] = Kind.ORDINAL
        yield atom


def _arabic_atoms(tokens: list[_Token]) -> Iterator[_Atom]:
    position = 0
    while position < len(tokens):
        word = tokens[position].text()
        word = word[1:] if word.startswith("و") and word[1:] in ARABIC_WORDS else word
        if word not in ARABIC_WORDS:
            position += 1
            continue
        value, last = ARABIC_WORDS[word], position
        if position + 1 < len(tokens) and tokens[position + 1].text() in SCALES:
            value *= SCALES[tokens[position + 1].text()]
            last += 1
        start, end = tokens[position].match.start(), tokens[last].match.end()
        yield _Atom(start, end, frozenset({value}), value, words=True)
        position = last + 1


def _vague_atoms(text: str) -> Iterator[_Atom]:
    for match in _VAGUE.finditer(text):
        if match.group("few"):
            factor = math.prod(_FEW_BASES[w.lower()] for w in match.group("base").split())
            bounds = (2 * factor, 9 * factor)
        elif match.group("tens"):
            order = _order(match.group("tbase"))
            bounds = (20 * order, 100 * order - 1)
        elif match.group("hbase"):
            bounds = (200_000, 999_999)
        else:
            bounds = VAGUE[match.group("word").lower()]
        atom = _Atom(match.start(), match.end(), frozenset(), bounds[0], vague=bounds)
        atom.extra["compound"] = not match.group("word")
        yield atom


#: "a dozen", "half a dozen", "two dozen", "3 dozen" (English; "dozens" is vague, see VAGUE).
_DOZEN = re.compile(
    r"(?<![\w.,])(?:(?P<half>half\s+an?)|(?P<one>an?)|(?P<digits>\d{1,3})|(?P<word>one|two|three"
    r"|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+dozen(?!\w)",
    re.I,
)
_SMALL = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]


_SMALL_NUMBER = r"\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten"
#: "7 out of every 10", "3 in 10", "one in five": a share, read as a percentage (English).
_FRACTION = re.compile(
    rf"(?<![\w.,])(?P<part>{_SMALL_NUMBER})\s+(?:out\s+of|in)\s+(?:every\s+)?"
    rf"(?P<whole>{_SMALL_NUMBER}|a\s+hundred|a\s+thousand)(?![\w.,]?\d|\w)",
    re.I,
)


def _small_value(word: str) -> float:
    word = " ".join(word.lower().split())
    if word.isdigit():
        return float(word)
    return {"a hundred": 100.0, "a thousand": 1000.0}.get(word) or _SMALL.index(word) + 1.0


#: "a third of", "half of", "two-thirds of": a share of what follows (English).
_PART_OF = re.compile(
    r"(?<!\w)(?P<part>(?:a|one)\s+(?:third|quarter|fifth|tenth)|half|two[-\s]thirds"
    r"|three[-\s]quarters)\s+of(?!\w)",
    re.I,
)
_PARTS = {"third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0, "half": 50.0}


def _fraction_atoms(text: str) -> Iterator[_Atom]:
    for match in _FRACTION.finditer(text):
        part, whole = _small_value(match.group("part")), _small_value(match.group("whole"))
        if _DURATION.match(text[match.end() : match.end() + 24]):
            continue  # "3 in 10 minutes" is a count and a span of time
        if 0 < part < whole <= 1000:  # "died in 2019" is no share
            yield _share_atom(match.start(), match.end(), 100 * part / whole)
    for match in _PART_OF.finditer(text):
        words = match.group("part").lower().replace("-", " ").split()
        value = _PARTS.get(words[-1].rstrip("s"), 0.0) * (2 if words[0] == "two" else 1)
        value *= 3 if words[0] == "three" else 1
        end = match.start() + len(match.group("part"))
        yield _share_atom(match.start(), end, value)


def _share_atom(start: int, end: int, value: float) -> _Atom:
    value = round(value, 6)
    atom = _Atom(start, end, frozenset({value}), value, words=True)
    atom.extra["fraction"] = True
    return atom


def _dozen_atoms(text: str) -> Iterator[_Atom]:
    for match in _DOZEN.finditer(text):
        if match.group("half"):
            value = 6.0
        elif match.group("one"):
            value = 12.0
        elif match.group("digits"):
            value = 12.0 * int(match.group("digits"))
        else:
            value = 12.0 * (_SMALL.index(match.group("word").lower()) + 1)
        yield _Atom(match.start(), match.end(), frozenset({value}), value, words=True)


def _order(word: str) -> float:
    """Return the order a plural scale word names: "thousands" -> 1,000."""
    return 1e6 if word.lower() in ("millions", "millones", "milhões", "milioni", "ملايين") else 1e3


def _atoms(text: str, lang: str) -> list[_Atom]:
    """Return the numbers in a text: digits first, then "tens of thousands", number words, and
    single vague words ("hundreds"), each where no earlier one was read; linear in the text."""
    vague = list(_vague_atoms(text))
    layers = [
        list(_fraction_atoms(text)),
        list(_dozen_atoms(text)),
        list(_digit_atoms(text, lang)),
        [atom for atom in vague if atom.extra.get("compound")],
        [
            atom
            for atom in _word_atoms(text, lang)
            if text[atom.start : atom.end].lower() not in VAGUE
        ],
        [atom for atom in vague if not atom.extra.get("compound")],
    ]
    taken = bytearray(len(text) + 1)
    atoms = []
    for layer in layers:
        for atom in layer:
            if taken.find(1, atom.start, atom.end) == -1:
                taken[atom.start : atom.end] = b"\x01" * (atom.end - atom.start)
                atoms.append(atom)
    return sorted(atoms, key=lambda atom: atom.start)


def _spans(atoms: list[_Atom]) -> tuple[list[int], list[int]]:
    return [atom.start for atom in atoms], [atom.end for atom in atoms]


def _free(starts: list[int], ends: list[int], atom: _Atom) -> bool:
    """Return whether an atom overlaps none of the sorted, disjoint spans given."""
    position = bisect.bisect_left(starts, atom.end)  # the spans starting before its end
    return position == 0 or ends[position - 1] <= atom.start


# --- Reading each number in its context ----------------------------------------------------


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    from babel import Locale

    return frozenset(Locale("en").currencies)


def _currency_before(before: str) -> tuple[str, int]:
    """Return the currency written just before a number and where it starts (in `before`)."""
    offset = max(0, len(before) - 6)  # a sign or code and a space: never further back
    match = _CURRENCY_BEFORE.search(before, offset)
    if not match:
        return "", len(before)
    sign = match.group(1)
    code = CURRENCY_WORDS.get(sign.lower(), sign if sign in _iso_codes() else "")
    return code, match.start(1) if code else len(before)


def _currency_after(after: str) -> tuple[str, int]:
    match = _CURRENCY_AFTER.match(after)
    if not match:
        return "", 0
    word = match.group(1)
    code = CURRENCY_WORDS.get(word.lower(), word if word in _iso_codes() else "")
    return code, match.end() if code else 0


def _label(text: str, atom: _Atom) -> bool:
    """Return whether a number is a name or code: "COVID-19", "Route 66", "24/7", a phone."""
    before, after = text[max(0, atom.start - 20) : atom.start], text[atom.end : atom.end + 2]
    if re.search(r"[^\W\d_][-‐]?$", before) or re.match(r"[/:]\d|[^\W\d_]\d", after):
        return True  # glued to letters (H1N1, G7, COVID-19) or a slash (24/7, 9/11)
    if re.search(r"\d[/:]$", before) or re.match(r"[^\W\d_]{1,2}\d", after):
        return True
    if re.search(r"[^\W\d_][-‐]\d+[-‐]$", before):
        return True  # the last part of a code: "HQ-22-160", "A-1-2"
    if re.match(r"\s?°\s?[NSEW]\b", text[atom.end : atom.end + 4]):
        return True  # a coordinate: "31.110°N 8.440°W"
    words = before.split()
    if not words or (words[-1].isupper() and len(words[-1]) >= 3):
        return False  # an acronym is a name before its number: "ACT 5.07" (a party's share)
    return words[-1].lower() in LABEL_WORDS and not atom.scaled


#: The languages whose month names make a number the day of a date (analyse/monthnames.py).
MONTH_LANGUAGES = ("en", "es", "fr", "de", "pt", "it", "ar")


def month_names_from_babel(width: Literal["wide", "abbreviated"]) -> set[str]:
    """Return Babel's month names of `MONTH_LANGUAGES`, lower case, without a final full stop.

    Not called at run time: scripts/make-month-names.py writes them into monthnames.py, which
    spares every check loading six locales' data (about 0.07 s).
    """
    from babel.dates import get_month_names

    return {
        name.lower().rstrip(".")
        for lang in MONTH_LANGUAGES
        for name in get_month_names(width, locale=lang).values()
    }


@lru_cache(maxsize=1)
def _months() -> re.Pattern[str]:
    """Month names in the six shipped languages (from Babel): wide names anywhere, abbreviated
    ones only as dates write them ("Oct. 30", "30 Oct 2009", "30 Oct,"), since many are words
    of another language ("out", "set", "mar")."""
    from brief.analyse.monthnames import ABBREVIATED, WIDE

    wide = {name for name in WIDE if name != "may"}  # a verb
    short = {name for name in ABBREVIATED - wide if len(name) >= 3 and name != "may"}
    return re.compile(
        rf"(?<!\w)(?:(?:{_alternation(wide)})\.?(?!\w)"
        rf"|(?:{_alternation(short)})(?:\.|(?=\s*[\d,;)]|\s*$))(?!\w))",
        re.I,
    )


def _next_to_month(text: str, atom: _Atom) -> bool:
    """Return whether a number is the day of a date: "20 October", "October 20", "20 de octubre"."""
    before = text[max(0, atom.start - 20) : atom.start].rstrip(" \u00a0")
    before = re.sub(
        r"\b\d{1,2}(?:st|nd|rd|th)?\s*(?:[-–—]|to|and|y|et|und|e)\s*$", "", before
    ).rstrip()
    after = text[atom.end : atom.end + 24]
    after = re.sub(r"^\s*(?:[-–—]|to|and|y|et|und|e)\s*\d{1,2}(?:st|nd|rd|th)?(?!\d)", "", after)
    after = re.sub(r"^(?:st|nd|rd|th|er|º|\.)?\s*(?:de|of)?\s*", "", after)
    month_before = re.search(rf"(?:{_months().pattern})$", before, re.I)
    return bool(month_before or _months().match(after))


def _skipped_kind(text: str, atom: _Atom, phone: list[tuple[int, int]]) -> Kind | None:
    """Return the kind of a number that is not an amount (label, ordinal, time, age, year)."""
    if "kind" in atom.extra:
        kind = atom.extra["kind"]
        return kind if isinstance(kind, Kind) else None
    after = text[atom.end : atom.end + 24]
    if atom.vague is not None:
        return None
    if not atom.scaled and _clock_time(atom.primary) and _CLOCK.match(after):
        return Kind.TIME
    if not atom.scaled and 1 <= atom.primary <= 31 and _next_to_month(text, atom):
        return Kind.DATE
    if any(start <= atom.start and atom.end <= end for start, end in phone) or _label(text, atom):
        return Kind.LABEL
    if not atom.words and _ORDINAL.match(after):
        return Kind.ORDINAL
    duration = _DURATION.match(after)
    if (duration and duration.group("old")) or _AGE_BEFORE.search(text[: atom.start][-20:]):
        return Kind.AGE
    written = text[atom.start : atom.end]
    if re.fullmatch(r"(?:19|20)\d\d|2100", written) or (
        re.match(r"['’]?s\b", after) and len(written) == 4
    ):
        return Kind.YEAR
    return None


def _measure(text: str, atom: _Atom) -> tuple[Kind, str, str, int]:
    """Return a number's kind, currency, unit, and where its written form ends."""
    if atom.extra.get("fraction"):
        return Kind.SHARE, "", "%", atom.end
    before, after = text[max(0, atom.start - 40) : atom.start], text[atom.end : atom.end + 60]
    currency, _ = _currency_before(before)
    if not currency:
        currency, length = _currency_after(after)
        if currency:
            return Kind.MONEY, currency, "", atom.end + length
    percent = _PERCENT.match(after) or _POINTS.match(after)
    if percent and not currency:
        points = not _PERCENT.match(after)
        change = _CHANGE_BEFORE.search(before) or _CHANGE_AFTER.match(after[percent.end() :])
        if points and not (
            change
            or re.search("percent|pourcentage|porcentual|prozent|mئوية|pp", percent.group(0), re.I)
        ):
            return Kind.COUNT, "", "", atom.end
        unit = "percentage points" if points else "%"
        kind = Kind.CHANGE if points or change else Kind.SHARE
        return kind, "", unit, atom.end + percent.end()
    duration = _DURATION.match(after)
    if duration and not currency:
        word = duration.group(0).strip(" -\u00a0").lower()
        return Kind.DURATION, "", word, atom.end + duration.end()
    rate = _RATE.match(after)
    if rate:
        per = rate.group("unit") or rate.group("base") or "person"
        kind = Kind.MONEY if currency else Kind.RATE
        return kind, currency, f"per {per}", atom.end + rate.end()
    measure = _MEASURE.match(after)
    if measure and not currency:
        word = measure.group("unit")
        kind = Kind.RATE if word.lower() in _SPEEDS else Kind.COUNT
        return kind, "", word, atom.end + measure.end()
    return (Kind.MONEY if currency else Kind.COUNT), currency, "", atom.end


#: Units of measure after a number ("170 mph", "59.4 miles", "95 kilometres"): the unit, not
#: what is counted; speeds are rates.
_SPEEDS = frozenset({"mph", "km/h", "kph", "knots", "kt", "m/s"})
_MEASURE = re.compile(
    r"^[\s\u00a0-]?(?P<unit>mph|km/h|kph|knots|kt|m/s|miles?|mi|kilometres?|kilometers?|km"
    r"|metres?|meters?|centimetres?|centimeters?|millimetres?|millimeters?|cm|mm|feet|foot|ft"
    r"|inches|inch|yards?|acres?|hectares?|ha|tons?|tonnes?"
    r"|pounds|lbs?|kilograms?|kg|grams?|gallons?|litres?|liters?|°[CF]|degrees)(?![\w/])",
    re.I,
)


def _clock_time(value: float) -> bool:
    """Return whether a number before "a.m."/"PM" can be a time: 9, 12, or 908 for 9:08."""
    if value <= 24:
        return True
    if not value < 2400:  # also refuses inf and nan: digits beyond any float are no time
        return False
    hours, minutes = divmod(int(value), 100)
    return value == int(value) and 1 <= hours <= 12 and minutes < 60


def _qualifier(text: str, atom: _Atom, kind: Kind, end: int) -> tuple[Qualifier | None, str]:
    """Return the qualifier written before (or after) a number, and its words."""
    before = text[max(0, atom.start - 40) : atom.start]
    match = _QUALIFIER_BEFORE_REVERSED.match(before[::-1])
    if match:
        words = match.group(1)[::-1]
        if kind is Kind.DURATION and words.lower() in ("over", "in", "under", "during"):
            return None, ""  # "over three years" is a span of time, not "more than"
        return QUALIFIER_PHRASES.get(words.lower(), QUALIFIER_PHRASES.get(words)), words
    trailing = _QUALIFIER_AFTER.match(text[end : end + 16])
    if trailing:
        return TRAILING_PHRASES[trailing.group(1).lower()], trailing.group(1)
    return _qualifier_of_bracket(text[max(0, atom.start - 80) : atom.start])


#: A number in brackets after what it measures, the qualifier before that: "higher than the
#: 2002 turnout (77%)" is over 77 %. At most six words between, none a number but a year; only
#: phrases of several words ("more than", "at least"): "about" or "over" there is a preposition.
_BRACKET_OPEN = re.compile(r"\(\s*$")


def _qualifier_of_bracket(before: str) -> tuple[Qualifier | None, str]:
    opening = _BRACKET_OPEN.search(before)
    if not opening:
        return None, ""
    words = " ".join(before[: opening.start()].split()[-9:])
    lowered = words.lower()
    for phrase in sorted(QUALIFIER_PHRASES, key=len, reverse=True):
        at = lowered.rfind(phrase)
        if " " in phrase and at != -1 and (at == 0 or not lowered[at - 1].isalnum()):
            between = lowered[at + len(phrase) :].split()
            numbers = [word for word in between if any(char.isdigit() for char in word)]
            if 0 < len(between) <= 6 and all(re.fullmatch(r"(?:19|20)\d\d", n) for n in numbers):
                return QUALIFIER_PHRASES[phrase], words[at : at + len(phrase)]
    return None, ""


def _bounds(atom: _Atom, qualifier: Qualifier | None) -> tuple[float, float | None]:
    if atom.vague is not None:
        low, high = atom.vague
        return (low, None) if qualifier in (Qualifier.OVER, Qualifier.AT_LEAST) else (low, high)
    if qualifier in (Qualifier.OVER, Qualifier.AT_LEAST):
        return atom.primary, None
    if qualifier is Qualifier.UP_TO:
        return min(0.0, atom.primary), atom.primary
    return atom.primary, atom.primary


def _read(text: str, atom: _Atom, phone: list[tuple[int, int]]) -> Reading:
    """Read one number in its context."""
    skipped = _skipped_kind(text, atom, phone)
    if skipped is not None:
        written = text[atom.start : atom.end]
        return Reading(
            atom.start, atom.end, written, atom.primary, atom.primary, atom.values, skipped
        )
    kind, currency, unit, end = _measure(text, atom)
    qualifier, words = _qualifier(text, atom, kind, end)
    low, high = _bounds(atom, qualifier)
    start = atom.start
    sign, at = _currency_before(text[max(0, atom.start - 40) : atom.start])
    if sign:
        start = max(0, atom.start - 40) + at
    return Reading(
        start, end, text[start:end], low, high,
        atom.values, kind, currency, unit, qualifier, words,
        vague=atom.vague is not None,
    )  # fmt: skip


# --- Ranges, changes and conversions -------------------------------------------------------

_JOINER = re.compile(
    r"\s*(?P<dash>[-–—])\s*|\s+(?P<to>to|a|à|al|bis|até|إلى|alla)\s+|\s+(?P<and>and|y|et|und|e|و)\s+",
    re.I,
)
_BETWEEN = re.compile(r"(?:between|entre|zwischen|tra|fra|بين)\s*\S{0,2}$", re.I)
_FROM = re.compile(r"(?:from|de|desde|von|da|dal|من)\s*\S{0,2}$", re.I)
_BRACKET = re.compile(
    r"\s*[(\[]\s*(?:about|around|approx\.?|approximately|c\.|ca\.|~|some|roughly|environ"
    r"|unos|unas|etwa|rund|cerca de|نحو|حوالي)?\s*$",
    re.I,
)


def _like(first: Reading, second: Reading) -> Reading:
    """Return `first` with the kind, currency and unit of `second` where it has none."""
    if first.kind is Kind.COUNT and second.kind is not Kind.COUNT:
        kind = Kind.SHARE if second.kind is Kind.CHANGE and second.unit == "%" else second.kind
        return replace(first, kind=kind, currency=second.currency, unit=second.unit)
    return first


def _pair(text: str, first: Reading, second: Reading) -> Reading | None:
    """Join "between 200 and 300", "200-300", "200 to 300" into a range, and "from 1,000 to
    17,000" into one change with two ends; None when the two numbers are apart."""
    if not (first.kind.quantity and second.kind.quantity) or first.vague or second.vague:
        return None
    joiner = _JOINER.fullmatch(text, first.end, second.start)
    if joiner is None or (second.low < first.low and not joiner.group("to")):
        return None
    before = text[max(0, first.start - 12) : first.start]
    if joiner.group("and") and not _BETWEEN.search(before):
        return None
    if first.currency and second.currency and first.currency != second.currency:
        return None
    first = _like(first, second)
    start, end = first.start, second.end
    values = first.values | second.values
    if joiner.group("to") and _FROM.search(before) and not _BETWEEN.search(before):
        low, high = sorted((first.low, second.low))
        return Reading(
            start, end, text[start:end], low, high, values, Kind.CHANGE, second.currency,
            second.unit, ends=(first, second),
        )  # fmt: skip
    return replace(
        second, start=start, end=end, written=text[start:end], low=first.low,
        values=values, qualifier=first.qualifier or second.qualifier,
        qualifier_words=first.qualifier_words or second.qualifier_words,
    )  # fmt: skip


def _conversion(text: str, first: Reading, second: Reading) -> bool:
    """Return whether `second` is `first` in another currency, in brackets: "$100m (£48.8m)"."""
    if first.kind is not Kind.MONEY or second.kind is not Kind.MONEY:
        return False
    if first.currency == second.currency:
        return False
    return bool(_BRACKET.fullmatch(text, first.end, second.start))


def _combine(text: str, found: list[Reading]) -> list[Reading]:
    """Join ranges and changes, and attach bracketed conversions, in one pass."""
    combined: list[Reading] = []
    for reading in found:
        last = combined[-1] if combined else None
        if last is not None and reading.start < last.end:
            continue  # read as part of the number before: "5 per 100,000"

        if last is not None and _conversion(text, last, reading):
            combined[-1] = replace(last, also=(*last.also, reading))
            continue
        pair = _pair(text, last, reading) if last is not None and not last.ends else None
        if pair is not None:
            combined[-1] = pair
        else:
            combined.append(reading)
    return combined


def read_numbers(text: str, lang: str = "en") -> list[Reading]:
    """Return the numbers in a text, each read with its kind, bounds, currency and qualifier.

    >>> [(r.written, r.kind.value, r.low, r.currency) for r in read_numbers("$100m (£48.8m)")]
    [('$100m', 'money', 100000000.0, 'USD')]
    >>> [(r.written, r.kind.value) for r in read_numbers("up to $2m over three years from 2009")]
    [('$2m', 'money'), ('three years', 'duration'), ('2009', 'year')]
    """
    return list(_read_cached(text[:_MAX_TEXT], lang))


@lru_cache(maxsize=4096)
def _read_cached(text: str, lang: str) -> tuple[Reading, ...]:
    """Read a text once: checks read each figure's `as_reported` more than once."""
    text = text.translate(_DIGITS)
    phone = [match.span() for match in _PHONE.finditer(text) if _phone_like(match.group(0))]
    found = [_read(text, atom, phone) for atom in _atoms(text, lang)]
    return tuple(_combine(text, found))


def _phone_like(written: str) -> bool:
    """Return whether digit groups are a phone number, not a number with spaced thousands."""
    groups = re.split(r"[\s.()+-]+", written.strip("+()"))
    groups = [group for group in groups if group]
    separators = set(re.findall(r"[\s.]", written))
    if "." in separators and len(separators) > 1 and not written.startswith(("+", "(")):
        return False  # "40.72 5.84 39.63": decimals listed with spaces, a table row

    if len(groups) == 2:
        return True  # "555-1234"
    return not all(len(group) == 3 for group in groups[1:]) or written.startswith(("+", "("))
