"""Put the drafted parts together as one brief (plain data, then YAML text).

In: the `Article` and what each stage found. Out: the brief as data in the order of the
example brief, with prompts (never prose) where the author must write: the summary, the key
points and each timeline event.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from brief.draft.article import Article
from brief.draft.figures import Proposed
from brief.draft.names import Cast
from brief.draft.quotes import Drafted
from brief.draft.sources import ARTICLE_ID, COPY_NAME, credited, main_source, people
from brief.draft.when import Dated
from brief.draft.yamlout import REVIEW, Ids, Raw, dump, slug, unique

#: What the summary, the key points and each timeline event say until the author writes them.
PROMPT = "TO WRITE:"
SUMMARY_PROMPT = f"{PROMPT} two short paragraphs in your own words about what the article reports."
POINT_PROMPT = (
    f"{PROMPT} one key point in your own words, citing the figures and sources it rests on."
)
EVENT_PROMPT = (
    PROMPT + " what happened, in your own words (the article gives “{written}” at {locator})."
)
#: The most quotations, figures and timeline entries drafted of each: a brief is a handout, and
#: its source must stay below the 2 MB a brief may be (the rest is counted in the header).
MAX_ITEMS = 300
#: A quotation longer than this is cut (at a word) and marked with … (a brief's one-line limit).
MAX_QUOTE_CHARS = 1_900


@dataclass(frozen=True, slots=True)
class Found:
    """Everything the stages found in one article."""

    article: Article
    lang: str
    published: str
    url: str
    cast: Cast
    quotes: list[Drafted]
    figures: list[Proposed]
    dates: list[Dated]


def compose(found: Found, today: dt.date, input_name: str) -> str:
    """Return the drafted brief as YAML text."""
    taken = Ids(ARTICLE_ID)
    person_entries, person_ids = people(found.quotes[:MAX_ITEMS], taken)
    outlets = credited(found.article, found.cast, taken)
    quotes = [_quote(quote, taken, person_ids) for quote in found.quotes[:MAX_ITEMS]]
    for quote, entry in zip(found.quotes, quotes, strict=False):
        _via(quote, entry, outlets, found.article)
    data: dict[str, Any] = {
        "brief": 1,
        "meta": _meta(found, today),
        "summary": SUMMARY_PROMPT,
        "key_points": [POINT_PROMPT],
        "figures": [_figure(figure, taken) for figure in found.figures[:MAX_ITEMS]],
        "timeline": _timeline(found.dates, taken)[:MAX_ITEMS],
        "people": person_entries,
        "quotes": quotes,
        "sources": [main_source(found.article, found.url, found.published), *outlets],
    }
    data = {key: value for key, value in data.items() if value != []}
    return dump(data, _header(found, input_name, today))


def _header(found: Found, input_name: str, today: dt.date) -> list[str]:
    lines = [
        f"Drafted by `brief draft` from {input_name} on {today.isoformat()}: a skeleton to review.",
        f"Quotes and figures are copied from the article ({COPY_NAME}, its local copy) with their",
        "lines; `brief check` verifies each against it. Every `# review:` marks a guess of the",
        f"draft, every `{PROMPT}` text the author's own words still to write.",
    ]
    for kind, items in (("quotations", found.quotes), ("figures", found.figures)):
        if len(items) > MAX_ITEMS:
            lines.append(f"Only the first {MAX_ITEMS} {kind} are drafted: {len(items)} were found.")
    undated = [d for d in found.dates if not d.iso]
    for item in undated[:MAX_ITEMS]:
        lines.append(
            f'Left out of the timeline: "{item.written}" ({item.line.locator}) has no year and '
            "no publication date was given (--published)."
        )
    return lines


def _meta(found: Found, today: dt.date) -> dict[str, Any]:
    title = found.article.title or "Draft brief"
    return {
        "title": title[:300],
        "lang": found.lang,
        "date": Raw(today.isoformat()),
        REVIEW: [
            "title: the article's own title; give the brief a title of its own",
            "about: add the names of who or what the brief is about (meta.about)",
        ],
    }


def _figure(figure: Proposed, taken: Ids) -> dict[str, Any]:
    value: Any = [figure.value, figure.high] if figure.high is not None else figure.value
    entry: dict[str, Any] = {"id": unique(slug(figure.counts, 32), taken), "value": value}
    if figure.unit:
        entry["unit"] = figure.unit
    if figure.kind:
        entry["kind"] = figure.kind
    if figure.currency:
        entry["currency"] = figure.currency
    if figure.start_value is not None:
        entry["from"] = figure.start_value
    if figure.also:
        entry["also"] = figure.also
    if figure.qualifier:
        entry["qualifier"] = figure.qualifier
    entry["counts"] = figure.counts
    entry["as_reported"] = figure.as_reported
    if figure.period:
        entry["period"] = figure.period
    if figure.claimed_by:
        entry["claimed_by"] = figure.claimed_by
    if figure.hedges:
        entry["hedges"] = figure.hedges
    entry["source"] = ARTICLE_ID
    entry["locator"] = figure.line.locator
    entry[REVIEW] = figure.reviews
    return entry


def _timeline(dates: list[Dated], taken: Ids) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    seen: set[tuple[int, str]] = set()
    for item in dates:
        if not item.iso or (item.line.number, item.iso) in seen:
            continue
        seen.add((item.line.number, item.iso))
        reviews = [f"resolved: {item.resolved}"] if item.resolved else []
        entries.append(
            {
                "id": unique(slug(f"{item.iso}-line-{item.line.number}"), taken),
                "date": Raw(item.iso),
                "event": EVENT_PROMPT.format(written=item.written, locator=item.line.locator),
                "source": ARTICLE_ID,
                "locator": item.line.locator,
                REVIEW: reviews,
            }
        )
    return entries


def _via(
    quote: Drafted, entry: dict[str, Any], outlets: list[dict[str, Any]], article: Article
) -> None:
    """Name the outlet a quotation was first given to ("In an interview with 48 Hours, X said")
    when its sentence credits one before the quotation."""
    before = article.text[quote.line.start : quote.start]
    sentence = re.split(r"[.!?]\s+", before)[-1]
    for outlet in outlets:
        if re.search(rf"(?<!\w){re.escape(outlet['publisher'])}(?!\w)", sentence):
            entry["via"] = outlet["id"]
            entry[REVIEW] = [*entry.get(REVIEW, []), "via: the outlet its sentence names"]
            entry["source"], entry["locator"] = entry.pop("source"), entry.pop("locator")
            return


def _quote(quote: Drafted, taken: Ids, person_ids: dict[int, str]) -> dict[str, Any]:
    text = quote.text
    if len(text) > MAX_QUOTE_CHARS:
        text = text[:MAX_QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
        quote.reviews.append("a long quotation cut with …: keep the part you need")
    entity = quote.speaker.entity if quote.speaker else None
    entry: dict[str, Any] = {
        "id": unique(slug(" ".join(text.split()[:5]), 32), taken),
        "text": text,
        "speaker": person_ids[id(entity)]
        if entity is not None
        else (quote.speaker.text if quote.speaker else "unknown speaker"),
    }
    if entity is not None and entity.role:
        entry["role"] = entity.role
    entry["source"] = ARTICLE_ID
    entry["locator"] = quote.line.locator
    entry[REVIEW] = quote.reviews
    return entry
