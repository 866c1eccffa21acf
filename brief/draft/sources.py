"""The sources and people of a drafted brief.

In: the `Article`, its `Cast` and the drafted quotes. Out: the article as the main source (with
the metadata the page gave and its local copy), every outlet the article credits ("according
to PEOPLE", "told CBS", "the BBC reports") as a further source, and every person or
organisation quoted as a `people` entry with the role the article gives.
"""

from __future__ import annotations

import re
from typing import Any

from brief.draft.article import Article
from brief.draft.names import Cast, Entity
from brief.draft.quotes import Drafted
from brief.draft.yamlout import REVIEW, Ids, Raw, slug, unique

#: The local copy's file name inside the brief's folder.
COPY_NAME = "article.txt"
ARTICLE_ID = "article"
#: A web address as a brief accepts one (convert.to_url).
WEB_ADDRESS = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
_CREDIT = re.compile(
    r"(?:according to|told|said to|interview with|as reported by|según|dijo a|declaró a)"
    r"\s+(?:the\s+|el\s+|la\s+)?$",
    re.I,
)
_REPORTS = re.compile(r"^\s+(?:reports?|reported|informó|publicó)\b", re.I)


def main_source(article: Article, url: str, published: str) -> dict[str, Any]:
    """Return the article's own source entry, its local copy attached."""
    entry: dict[str, Any] = {"id": ARTICLE_ID}
    reviews = []
    if article.title:
        entry["title"] = article.title
    else:
        entry["title"] = "The drafted article"
        reviews.append("title: the input gave none; write the article's title")
    if article.site:
        entry["publisher"] = article.site
    if article.author:
        entry["author"] = article.author
    address = url or article.url
    if WEB_ADDRESS.match(address) and len(address) <= 2_000:
        entry["url"] = address
    if published:
        entry["published"] = Raw(published)
    else:
        reviews.append("published: no date found; add it if the article gives one")
    entry["kind"] = "report" if article.input_kind == "pdf" else "news"
    entry["text"] = COPY_NAME
    entry[REVIEW] = reviews
    return entry


def credited(article: Article, cast: Cast, taken: Ids) -> list[dict[str, Any]]:
    """Return a source for each outlet or organisation the article credits by name."""
    found: dict[str, dict[str, Any]] = {}
    for mention in cast.mentions:
        entity = mention.entity
        if entity is None or mention.pronoun or entity.kind == "person":
            continue
        before = article.text[max(0, mention.start - 40) : mention.start]
        after = article.text[mention.end : mention.end + 20]
        if not (_CREDIT.search(before) or _REPORTS.match(after)) or entity.name in found:
            continue
        line = article.line_at(mention.start)
        found[entity.name] = {
            "id": unique(slug(entity.name), taken),
            "title": f"{entity.name} (as credited by the article)",
            "publisher": entity.name,
            "kind": "news",
            REVIEW: [f"credited at {line.locator}: check the kind and add the original's title"],
        }
    return list(found.values())


def people(quotes: list[Drafted], taken: Ids) -> tuple[list[dict[str, Any]], dict[int, str]]:
    """Return a `people` entry for every named speaker, and each entity's id by identity."""
    entries: list[dict[str, Any]] = []
    ids: dict[int, str] = {}
    for quote in quotes:
        entity = quote.speaker.entity if quote.speaker else None
        if entity is None or id(entity) in ids:
            continue
        ids[id(entity)] = unique(slug(entity.name), taken)
        entries.append(_person(entity, ids[id(entity)]))
    return entries, ids


def _person(entity: Entity, ident: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": ident, "name": entity.name}
    if entity.role:
        entry["role"] = entity.role
        entry[REVIEW] = ["role: as the article gives it"]
    else:
        what = "an organisation" if entity.kind == "org" else "a person"
        entry[REVIEW] = [f"role: the article gives none for {what}; add one"]
    return entry
