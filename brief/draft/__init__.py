"""`brief draft`: a skeleton brief from an article or report (docs/draft.md).

In: a plain-text file, an HTML page saved from a browser or a PDF, and options. Out: a folder
holding `brief.yaml` (format version 1) and `article.txt`, the article's text as the main
source's local copy, so `brief check` verifies every drafted quote and figure against it.

The stages, each a small module of pure functions: `read` (input to `Article`) → `quotes`
(quoted passages) → `names` (people, organisations, pronouns) → `attribute` (quotes and their
speakers) → `when` (dates) → `figures` → `sources` → `compose` and `yamlout` (the YAML). The
package itself is callable, so that `brief.draft(...)` works however it was imported.
"""

from __future__ import annotations

import datetime as dt
import sys
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brief.draft.sources import COPY_NAME
from brief.errors import BriefError, Location, error

#: Seconds drafting may take before it stops with B502 (a 300-page PDF reads in about 30 s).
DEFAULT_SECONDS = 120.0


@dataclass(frozen=True, slots=True)
class Drafted:
    """What `draft` wrote and how much of it is to review."""

    folder: Path
    brief: Path
    copy: Path
    quotes: int
    figures: int
    dates: int
    reviews: int


def draft(
    input: Path | str,
    out_dir: Path | str | None = None,
    *,
    lang: str = "en",
    published: str | None = None,
    url: str | None = None,
    force: bool = False,
    today: dt.date | None = None,
    time_limit: float | None = DEFAULT_SECONDS,
) -> Drafted:
    """Draft a brief from `input` into `out_dir` (default: a folder named after the input).

    Refuses to replace an existing brief.yaml unless `force` (B412); writes both files at once
    or neither (`write.atomic.publish`). Raises BriefError for an unreadable input (B415), a bad
    `published` date (B205) or a draft taking longer than `time_limit` seconds (B502).
    """
    from brief.run.timelimit import within
    from brief.write.atomic import publish

    _check_lang(lang)
    _check_url(url)
    source = Path(input)
    folder = Path(out_dir) if out_dir is not None else Path(source.stem or "draft")
    target = folder / "brief.yaml"
    if target.exists() and not force:
        raise BriefError(
            [
                error(
                    "B412",
                    f"{target} already exists",
                    Location(str(target)),
                    "draft into another folder with -o, or replace it with --force",
                )
            ]
        )

    def draft_and_publish() -> tuple[str, tuple[int, int, int]]:
        text, copy, counts = _draft_text(source, lang, published, url, today or dt.date.today())
        publish({COPY_NAME: copy.encode("utf-8"), "brief.yaml": text.encode("utf-8")}, folder)
        return text, counts

    text, counts = within(time_limit, Location(str(source)), draft_and_publish)
    return Drafted(folder, target, folder / COPY_NAME, *counts, reviews=text.count("# review:"))


def _draft_text(
    source: Path, lang: str, published: str | None, url: str | None, today: dt.date
) -> tuple[str, str, tuple[int, int, int]]:
    from brief.draft.attribute import draft_quotes
    from brief.draft.compose import Found, compose
    from brief.draft.figures import find_figures
    from brief.draft.names import read_cast
    from brief.draft.quotes import find_spans, outside
    from brief.draft.read import read_article
    from brief.draft.when import find_dates
    from brief.draft.words import words_for

    article = read_article(source)
    words = words_for(lang)
    when = _published(published, article, words)
    spans = [span for line in article.lines for span in find_spans(line)]
    cast = read_cast(outside(article, spans), words)
    quotes = draft_quotes(article, spans, cast)
    lines = [line for line in article.lines if not _dateline(line.text, words)]
    dates = [d for line in lines for d in find_dates(line, words, when)]
    by_line: dict[int, list[Any]] = {}
    for item in dates:
        by_line.setdefault(item.line.number, []).append(item)
    figures = [
        figure
        for line in lines
        for figure in find_figures(line, lang, words, cast, by_line.get(line.number, []))
    ]
    dates = [d for d in dates if not _restates_publication(d, when, article)]
    found = Found(article, lang, when, url or "", cast, quotes, figures, dates)
    text = compose(found, today, source.name)
    return text, article.text, (len(quotes), len(figures), len([d for d in dates if d.iso]))


def _check_lang(lang: str) -> None:
    """Refuse a language tag a brief would refuse (B204), before anything is read."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(lang, sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        raise BriefError(
            [
                error(
                    "B204",
                    f"--lang: unknown language '{lang}'",
                    Location("<command line>"),
                    "use a BCP 47 tag such as en, es, fr",
                )
            ]
        ) from None


def _check_url(url: str | None) -> None:
    """Refuse an address a brief would refuse (B203)."""
    from brief.draft.sources import WEB_ADDRESS

    if url is not None and not WEB_ADDRESS.match(url):
        raise BriefError(
            [
                error(
                    "B203",
                    f"--url: '{url[:200]}' is not a web address starting with https://",
                    Location("<command line>"),
                    "give the article's address, e.g. https://example.org/news/1",
                )
            ]
        )


def _published(given: str | None, article: Any, words: Any) -> str:
    """Return the publication date: --published, else the page's, else a dateline's."""
    from brief.dates import parse_partial_date
    from brief.draft.when import find_dates

    if given:
        try:
            parse_partial_date(given)
        except ValueError as caught:
            raise BriefError(
                [error("B205", f"--published: {caught}", Location("<command line>"))]
            ) from None
        return given
    if article.published:
        return article.published
    for line in article.lines[:4]:
        if _dateline(line.text, words):
            found = [d for d in find_dates(line, words, "") if len(d.iso) == 10]
            if found:
                return found[0].iso
    return ""


def _restates_publication(dated: Any, published: str, article: Any) -> bool:
    """Tell whether a date in the first two lines is the publication date again (a headline's
    or a standfirst's "December 13, 2008"): not an event for the timeline."""
    first = dated.line in article.lines[:2]
    return bool(published) and dated.iso == published and first and not dated.resolved


def _dateline(text: str, words: Any) -> bool:
    """Tell whether a line is only a date ("Monday, April 6, 2009"): the article's dateline."""
    from brief.draft.article import Line
    from brief.draft.when import find_dates

    if len(text) > 40:
        return False
    found = find_dates(Line(0, text, 0), words, "")
    return any(len(d.iso) == 10 and len(d.written) >= len(text.strip(" ,.")) - 12 for d in found)


class _CallableModule(types.ModuleType):
    """The package, callable as `brief.draft(...)` (the lazy API may hand out either)."""

    def __call__(self, *args: Any, **kwargs: Any) -> Drafted:
        return draft(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
