"""The source format, version 1 (design.md §2), as documented data.

Validation, `docs/format.md` and `brief schema` (JSON Schema) all read this one table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

FORMAT_VERSION = 1

QUALIFIERS = ("exact", "about", "nearly", "over", "at least", "up to")
QUALIFIER_ALIASES = {
    "around": "about",
    "approximately": "about",
    "almost": "nearly",
    "more than": "over",
}
FIGURE_KINDS = ("count", "money", "share", "change", "rate", "duration")
SOURCE_KINDS = ("news", "report", "interview", "testimony", "social", "organization", "dataset")
PERSON_KINDS = ("person", "organization", "unnamed")
PAPERS = ("a4", "letter")
LAYOUTS = ("handout", "brief")
CAVEAT_SEVERITIES = ("note", "warning")
PICTURE_PLACES = ("summary", "cover")
#: The most pictures a brief may show (each is decoded in full when the source is checked).
MAX_PICTURES = 8
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"


@dataclass(frozen=True)
class Field:
    """One key of the source format: its kind, whether it is required, and a one-line doc.

    Kinds: str, text (Markdown inline or {file: NAME.md}), date (ISO partial), period, number,
    amount (a number or a range [low, high]), currency (an ISO 4217 code), bool, int, id, url,
    list[str], names (one str or a list[str]), map[str], object (see `fields`), list[object].
    """

    kind: str
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()
    fields: Mapping[str, Field] = field(default_factory=dict)
    example: str = ""


ORGANIZATION: Mapping[str, Field] = {
    "name": Field("str", "the publishing organisation's name", required=True),
    "url": Field("url", "its web address"),
    "logo": Field("str", "a PNG, JPEG or SVG file inside the brief's folder"),
    "logo_alt": Field("str", "alternative text for the logo (required with a logo)"),
}

CONTACT: Mapping[str, Field] = {
    "call_to_action": Field("str", "one line for readers, e.g. 'Need food this week? Call us.'"),
    "phone": Field("str", "a phone number, printed as written"),
    "email": Field("str", "an e-mail address"),
    "web": Field("url", "a web address, printed without https://"),
    "address": Field("str", "a street address, one line"),
}

REVISION: Mapping[str, Field] = {
    "date": Field("date", "when the brief was corrected", required=True),
    "note": Field("text", "what changed, printed as a correction", required=True),
}

META: Mapping[str, Field] = {
    "title": Field("str", "the brief's title", required=True),
    "subtitle": Field("str", "a subtitle; also the PDF's Subject"),
    "lang": Field("str", "BCP 47 language tag: en, es, fr, de, pt, ar", required=True),
    "date": Field(
        "date", "the brief's own date: drives staleness checks and metadata", required=True
    ),
    "about": Field("list[str]", "names of who or what the brief is about"),
    "authors": Field("list[str]", "who wrote the brief"),
    "organization": Field("object", "who publishes the brief", fields=ORGANIZATION),
    "license": Field("str", "licence printed in the colophon, e.g. CC BY 4.0"),
    "version": Field("str", "the brief's own version, e.g. '1.2'"),
    "revisions": Field("list[object]", "corrections, printed with their dates", fields=REVISION),
    "content_warning": Field("text", "printed before the summary"),
    "url": Field("url", "canonical address, printed as a QR code"),
    "paper": Field("str", "paper size", choices=PAPERS),
    "layout": Field("str", "handout (at most 2 pages) or brief (with contents)", choices=LAYOUTS),
}

CONVERSION: Mapping[str, Field] = {
    "value": Field(
        "number", "the same amount in another currency or unit: 48800000", required=True
    ),
    "currency": Field("currency", "its ISO 4217 code: GBP"),
    "unit": Field("str", "or its unit, when it is not money"),
    "as_reported": Field("str", "the source's own wording: '£48.8m'"),
}

FIGURE: Mapping[str, Field] = {
    "id": Field("id", "slug, cited in text as {fig:id}", required=True),
    "value": Field(
        "amount",
        "the number itself: 5791; or a range [200, 999] where the source is vague "
        "('hundreds'); an open bound is a number with `qualifier: at least`",
        required=True,
    ),
    "unit": Field("str", "optional unit: people, USD, %"),
    "kind": Field(
        "str",
        "what sort of number it is; read from unit, currency and as_reported when not given",
        choices=FIGURE_KINDS,
    ),
    "currency": Field("currency", "ISO 4217 code of an amount of money: USD, GBP, EUR"),
    "from": Field("number", "a change's starting value: 'from 1,000 to 17,000' is 17000 from 1000"),
    "also": Field(
        "list[object]",
        "the same amount as the source also gives it, e.g. in another currency; never compared "
        "as a second figure",
        fields=CONVERSION,
    ),
    "counts": Field("str", "what is counted: 'child victims identified'", required=True),
    "qualifier": Field(
        "str",
        "exact, about, nearly, over, at least, up to: always shown with the number",
        choices=QUALIFIERS + tuple(QUALIFIER_ALIASES),
    ),
    "as_reported": Field("str", "the source's own wording: 'nearly 6,000'"),
    "period": Field("period", "when it applies: 2017 or 2012/2017"),
    "claimed_by": Field(
        "names",
        "who makes the claim: a people entry's id, name or alias, or a name; a list when "
        "several do",
    ),
    "hedges": Field("list[str]", "words that weaken it in the source: reportedly, according to"),
    "source": Field("id", "id of the source that reported it"),
    "locator": Field("str", "where in that source: page, paragraph, timestamp"),
}

AS_WRITTEN_DOC = (
    "the source's own words for the date: 'on Tuesday', '20 October'; checked against `date`, "
    "counting from the source's `published` date when they give no year"
)

EVENT: Mapping[str, Field] = {
    "id": Field("id", "slug", required=True),
    "date": Field(
        "date",
        "ISO partial date: 2012, 2017-02, 2017-02-15; left out when no source dates the event "
        "(it prints without a date, last)",
    ),
    "approx": Field("bool", "true when the date is 'around'"),
    "end": Field("date", "optional end date"),
    "event": Field("text", "what happened (Markdown)", required=True),
    "source": Field("id", "id of the source that reports it"),
    "locator": Field("str", "where in that source"),
    "same_as": Field("id", "id of another entry telling the same event"),
    # -- dates as real sources give them (issue 12) --
    "as_written": Field("str", AS_WRITTEN_DOC),
}

PERSON: Mapping[str, Field] = {
    "id": Field("id", "slug, usable as a quote's speaker", required=True),
    "name": Field(
        "str",
        "full name, or how the source describes an unnamed speaker ('a spokeswoman for X')",
        required=True,
    ),
    "born": Field("date", "ISO partial date of birth"),
    "role": Field("str", "role relevant to the brief"),
    # -- speakers and claimants (issue 12): organisations, unnamed speakers, other names --
    "kind": Field("str", "person (the default), organization, or unnamed", choices=PERSON_KINDS),
    "aliases": Field("list[str]", "other names the sources use: FAO, the U.N. food agency"),
    "speaks_for": Field("str", "whom they speak for: another people entry's id or a name"),
}

QUOTE: Mapping[str, Field] = {
    "id": Field("id", "slug", required=True),
    "text": Field("str", "the exact words", required=True),
    "speaker": Field("str", "who said it: a person's id or a name", required=True),
    "role": Field("str", "the speaker's role when speaking"),
    "context": Field("str", "where and to whom it was said"),
    "date": Field("date", "when it was said"),
    "as_written": Field("str", AS_WRITTEN_DOC),
    "source": Field("id", "id of the source that reports it"),
    "via": Field("str", "intermediary: a source id or a name, when first given elsewhere"),
    "locator": Field("str", "where in that source"),
}

# -- claims without a number (issue 12) --
CLAIM: Mapping[str, Field] = {
    "id": Field("id", "slug, cited in text as {claim:id}", required=True),
    "text": Field(
        "str",
        "the claim, in the brief's words: 'the largest gift in the city's history'",
        required=True,
    ),
    "claimant": Field(
        "names",
        "who makes it: a people entry's id, name or alias, or a name; a list when several do",
    ),
    "source": Field("id", "id of the source that reported it"),
    "as_reported": Field("str", "the source's own words, verified in its local copy"),
    "locator": Field("str", "where in that source: page, paragraph, timestamp"),
}

CAVEAT: Mapping[str, Field] = {
    "about": Field("list[str]", "ids of the figures, quotes and events it is about"),
    "text": Field("text", "the caveat, in plain words", required=True),
    "severity": Field("str", "note or warning", choices=CAVEAT_SEVERITIES),
    "covers": Field("list[str]", "finding codes this caveat answers, e.g. [F-drift]"),
}

SOURCE: Mapping[str, Field] = {
    "id": Field("id", "slug, cited in text as [@id]", required=True),
    "title": Field("str", "title of the article, report or post", required=True),
    "publisher": Field("str", "outlet or organisation"),
    "author": Field("str", "author's name"),
    "url": Field("url", "web address"),
    "published": Field("date", "publication date"),
    "accessed": Field("date", "when the brief's author read it"),
    "kind": Field("str", "kind of source", choices=SOURCE_KINDS),
    "text": Field("str", "local plain-text copy inside the brief's folder: enables verification"),
    "archived": Field("url", "address of an archived copy"),
}

PICTURE: Mapping[str, Field] = {
    "id": Field("id", "slug", required=True),
    "file": Field("str", "a PNG, JPEG or SVG file inside the brief's folder", required=True),
    "alt": Field(
        "str", "what the picture shows, for readers who cannot see it (required)", required=True
    ),
    "caption": Field("str", "a line printed under the picture"),
    "credit": Field("str", "who made it and its licence, e.g. 'Photo: Ana Ruiz, CC BY 4.0'"),
    "place": Field(
        "str",
        "summary (beside the summary, the default) or cover (the brief layout's cover, the "
        "ebook's cover and the top of the web page; one picture at most)",
        choices=PICTURE_PLACES,
    ),
}

THEME: Mapping[str, Field] = {
    "name": Field("str", "a built-in theme: default, forest, plum, mono"),
    "colors": Field("map[str]", "colour overrides: text, accent, muted, background"),
    "fonts": Field(
        "map[str]",
        "fonts by role: body and heading take serif or sans (shipped) or a font file in the "
        "brief's folder (.ttf, .otf, .woff, .woff2, licensed for embedding); body_bold, "
        "body_italic and body_bold_italic take files",
    ),
}

# ── variants: one brief, many handouts (brief/read/variants/) ─────────────────────────────
VARIANTS: Mapping[str, Field] = {
    "table": Field(
        "str",
        "a CSV (.csv, with a header row) or JSON lines (.jsonl) file inside the brief's folder, "
        "one row per variant",
        required=True,
    ),
    "key": Field(
        "str", "the column naming each variant: its outputs are named after it", required=True
    ),
    "columns": Field(
        "list[str]",
        "the columns the brief uses, as {row:column} in text, or as a whole figure value, "
        "period or as_reported",
        required=True,
    ),
    "lang": Field("str", "a column choosing each variant's language (as meta.lang)"),
}
# ── end of variants ──────────────────────────────────────────────────────────────────────

BRIEF: Mapping[str, Field] = {
    "brief": Field("int", "format version: 1", required=True),
    "meta": Field(
        "object", "title, language, date and publishing details", required=True, fields=META
    ),
    "summary": Field("text", "Markdown, inline or {file: summary.md}"),
    "key_points": Field("list[text]", "short Markdown bullets"),
    "figures": Field("list[object]", "reported numbers", fields=FIGURE),
    "claims": Field("list[object]", "reported claims without a number", fields=CLAIM),
    "timeline": Field("list[object]", "dated events", fields=EVENT),
    "people": Field("list[object]", "people quoted or named", fields=PERSON),
    "quotes": Field("list[object]", "quotations with their speakers", fields=QUOTE),
    "caveats": Field("list[object]", "the author's own caveats", fields=CAVEAT),
    "sources": Field("list[object]", "where everything was reported", fields=SOURCE),
    "images": Field(
        "list[object]",
        f"pictures with alt text, caption and credit (at most {MAX_PICTURES})",
        fields=PICTURE,
    ),
    "theme": Field("object", "the look only: colours and fonts", fields=THEME),
    "contact": Field(
        "object", "how readers reach you, printed at the foot of the handout", fields=CONTACT
    ),
    "variants": Field(
        "object",
        "one handout per row of a table: each row fills the brief's {row:column} placeholders",
        fields=VARIANTS,
    ),
}

#: The finding codes of design.md §3 that an author's caveat may `cover`.
FINDING_CODES = (
    "F-conflict",
    "F-drift",
    "F-qualifier",
    "F-undated",
    "F-stale",
    "F-self-reported",
    "F-single-source",
    "F-unverified",
    "Q-variant",
    "Q-unverified",
    "Q-secondhand",
    "T-imprecise",
    "T-conflict",
    "T-wording",
    "T-undated",
    "S-uncited",
    "S-anonymous",
    "C-stale",
    "X-hidden",
)

#: Keys of list items that other items may refer to by id.
ITEM_LISTS = ("figures", "claims", "timeline", "people", "quotes", "sources")
