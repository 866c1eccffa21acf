"""Localised numbers, dates and labels for `meta.lang` (Babel for formats, small catalogues for
words).

In: figures, partial dates, a language tag. Out: display strings. Pure: no clock, no environment.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_currency, format_decimal, format_percent

from brief.dates import PartialDate
from brief.model import Figure, Qualifier

#: Qualifier words per language; `{n}` is the formatted number (design.md §2: never dropped).
QUALIFIER_WORDS: dict[str, dict[Qualifier, str]] = {
    "en": {
        Qualifier.EXACT: "{n}",
        Qualifier.ABOUT: "about {n}",
        Qualifier.NEARLY: "nearly {n}",
        Qualifier.OVER: "over {n}",
        Qualifier.AT_LEAST: "at least {n}",
        Qualifier.UP_TO: "up to {n}",
    },
    "es": {
        Qualifier.EXACT: "{n}",
        Qualifier.ABOUT: "unos {n}",
        Qualifier.NEARLY: "casi {n}",
        Qualifier.OVER: "más de {n}",
        Qualifier.AT_LEAST: "al menos {n}",
        Qualifier.UP_TO: "hasta {n}",
    },
    "fr": {
        Qualifier.EXACT: "{n}",
        Qualifier.ABOUT: "environ {n}",
        Qualifier.NEARLY: "près de {n}",
        Qualifier.OVER: "plus de {n}",
        Qualifier.AT_LEAST: "au moins {n}",
        Qualifier.UP_TO: "jusqu’à {n}",
    },
    "de": {
        Qualifier.EXACT: "{n}",
        Qualifier.ABOUT: "etwa {n}",
        Qualifier.NEARLY: "fast {n}",
        Qualifier.OVER: "über {n}",
        Qualifier.AT_LEAST: "mindestens {n}",
        Qualifier.UP_TO: "bis zu {n}",
    },
    "pt": {
        Qualifier.EXACT: "{n}",
        Qualifier.ABOUT: "cerca de {n}",
        Qualifier.NEARLY: "quase {n}",
        Qualifier.OVER: "mais de {n}",
        Qualifier.AT_LEAST: "pelo menos {n}",
        Qualifier.UP_TO: "até {n}",
    },
}

#: Interface labels per language; English is the fallback for any missing word.
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "summary": "Summary",
        "key_points": "Key points",
        "figures": "Reported figures",
        "timeline": "Timeline",
        "quotes": "Quotes",
        "caveats": "Caveats",
        "sources": "Sources",
        "contents": "Contents",
        "page": "page",
        "of": "of",
        "counts": "What is counted",
        "figure": "Figure",
        "period": "Period",
        "source": "Source",
        "claimed_by": "Claimed by",
        "as_reported": "As reported",
        "undated": "no date given",
        "via": "via",
        "content_warning": "Content warning",
        "checked": "How this brief was checked",
        "notes": "Notes",
        "corrections": "Corrections",
        "license": "Licence",
        "version": "Version",
        "published": "published",
        "accessed": "accessed",
        "archived": "archived copy",
        "no_source": "no source given",
        "around": "around {date}",
        "said_to": "Context",
        "more_quotes": "{n} more quotes are in the full brief and the ebook.",
        "date": "Date",
        "event": "Event",
        "by": "by",
        "cover": "Cover",
        "anonymous": "no publisher, author or date given",
        "in_source": "see it in the source",
        "moved": "The timeline and the quotes are in the full brief and the ebook.",
    },
    "es": {
        "summary": "Resumen",
        "key_points": "Puntos clave",
        "figures": "Cifras publicadas",
        "timeline": "Cronología",
        "quotes": "Citas",
        "caveats": "Advertencias",
        "sources": "Fuentes",
        "contents": "Índice",
        "page": "página",
        "of": "de",
        "counts": "Qué se cuenta",
        "figure": "Cifra",
        "period": "Periodo",
        "source": "Fuente",
        "claimed_by": "Según",
        "as_reported": "Tal como se publicó",
        "undated": "sin fecha",
        "via": "vía",
        "content_warning": "Aviso de contenido",
        "checked": "Cómo se comprobó este informe",
        "notes": "Notas",
        "corrections": "Correcciones",
        "license": "Licencia",
        "version": "Versión",
        "around": "hacia {date}",
        "date": "Fecha",
        "event": "Suceso",
    },
    "fr": {
        "summary": "Résumé",
        "key_points": "Points clés",
        "figures": "Chiffres rapportés",
        "timeline": "Chronologie",
        "quotes": "Citations",
        "caveats": "Mises en garde",
        "sources": "Sources",
        "contents": "Sommaire",
        "page": "page",
        "of": "sur",
        "counts": "Ce qui est compté",
        "period": "Période",
        "source": "Source",
        "undated": "sans date",
        "around": "vers {date}",
        "date": "Date",
        "event": "Événement",
        "checked": "Comment ce dossier a été vérifié",
        "license": "Licence",
    },
    "de": {
        "summary": "Zusammenfassung",
        "key_points": "Kernpunkte",
        "figures": "Berichtete Zahlen",
        "timeline": "Zeitleiste",
        "quotes": "Zitate",
        "caveats": "Vorbehalte",
        "sources": "Quellen",
        "contents": "Inhalt",
        "page": "Seite",
        "of": "von",
        "counts": "Was gezählt wird",
        "period": "Zeitraum",
        "source": "Quelle",
        "undated": "ohne Datum",
        "around": "um {date}",
        "date": "Datum",
        "event": "Ereignis",
        "checked": "Wie dieses Briefing geprüft wurde",
        "license": "Lizenz",
    },
    "pt": {
        "summary": "Resumo",
        "key_points": "Pontos principais",
        "figures": "Números divulgados",
        "timeline": "Cronologia",
        "quotes": "Citações",
        "caveats": "Ressalvas",
        "sources": "Fontes",
        "contents": "Sumário",
        "page": "página",
        "of": "de",
        "counts": "O que é contado",
        "period": "Período",
        "source": "Fonte",
        "undated": "sem data",
        "around": "por volta de {date}",
        "date": "Data",
        "event": "Evento",
        "checked": "Como este resumo foi verificado",
        "license": "Licença",
    },
}


@lru_cache(maxsize=32)
def locale_for(lang: str) -> Locale:
    """Return the Babel locale of a BCP 47 tag (validated earlier, B204)."""
    return Locale.parse(lang, sep="-")


def base_language(lang: str) -> str:
    """Return the language part of a tag: `pt-BR` -> `pt`."""
    return lang.split("-")[0].lower()


def labels_for(lang: str) -> dict[str, str]:
    """Return the interface labels for `lang`, English words filling any gap."""
    return {**LABELS["en"], **LABELS.get(base_language(lang), {})}


def format_number(value: float, lang: str, unit: str = "") -> str:
    """Format a number (with a currency or % unit) for `lang`.

    >>> format_number(5791, "en"), format_number(6000, "es"), format_number(12.5, "en", "%")
    ('5,791', '6.000', '12.5%')
    """
    locale = locale_for(lang)
    if unit == "%":
        return format_percent(value / 100, "#,##0.##%", locale=locale)
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
    """
    words = QUALIFIER_WORDS.get(base_language(lang), QUALIFIER_WORDS["en"])
    return words[figure.qualifier].format(n=format_number(figure.value, lang, figure.unit))


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
