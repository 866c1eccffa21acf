"""What a number measures, read from the words after (or before) it: a percentage or percentage
points, a change ("rose 5%"), a length of time, a rate ("per 100,000", "a week"), money, or a
unit of measure ("170 mph").

In: the text around a found number (`Atom`). Out: its kind, currency, unit and where its
written form ends; the tables of words (`TIME_UNITS`, `CHANGE_WORDS`) other checks reuse.
"""

from __future__ import annotations

import re

from brief.analyse.numbers.currency import currency_after, currency_before
from brief.analyse.numbers.reading import Atom, Kind

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
_PERCENT = re.compile(rf"^\s?(?:{PERCENT_WORDS})(?!\w)", re.I)
_POINTS = re.compile(rf"^\s?(?:{POINT_WORDS})(?!\w)", re.I)
DURATION = re.compile(rf"^(?:\s|-|\u00a0)?(?:{TIME_UNITS})(?!\w)(?P<old>[\s-]*old)?", re.I)
_RATE = re.compile(
    r"^(?:[\s\u00a0]+[^\W\d_][\w-]*){0,3}?\s*(?<![^\W\d_])(?:"
    rf"(?:per|a|an|each|every|/|por|par|pro|je|al|à la|ogni|cada|لكل|في)\s*(?P<unit>{TIME_UNITS})"
    r"(?!\w)|(?:per|/|por|pour|pro|je|لكل)\s*(?P<base>\d[\d,.]*(?:\s(?:thousand|million))?)"
    r"|per\s+(?:capita|head|person|resident|inhabitant)s?\b)",
    re.I,
)
_CHANGE_BEFORE = re.compile(rf"(?:{CHANGE_WORDS})(?:\s+(?:of|by|de|du|um|di|بنسبة))?\s*$", re.I)
_CHANGE_AFTER = re.compile(rf"^(?:\s+\w+)?\s+(?:{CHANGE_WORDS})(?!\w)", re.I)


def measure(text: str, atom: Atom) -> tuple[Kind, str, str, int]:
    """Return a number's kind, currency, unit, and where its written form ends."""
    if atom.extra.get("fraction"):
        return Kind.SHARE, "", "%", atom.end
    before, after = text[max(0, atom.start - 40) : atom.start], text[atom.end : atom.end + 60]
    currency, _ = currency_before(before)
    if not currency:
        currency, length = currency_after(after)
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
    duration = DURATION.match(after)
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
