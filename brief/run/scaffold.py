"""`brief new NAME`: create a brief folder that builds as it is."""

from __future__ import annotations

import datetime
import json
import shlex
from pathlib import Path

from brief.errors import BriefError, Location, error

TEMPLATE = """\
# A brief: every figure, quote and date points at a source. Every section is here: replace the
# examples with your own, delete the ones you do not need, and uncomment the optional ones.
# Format reference: docs/format.md. Check with: brief check {folder}
# Build the handout (PDF), the ebook (EPUB) and the web page (HTML) with: brief build {folder}
brief: 1

meta:
  title: {title}
  subtitle: "What was reported, and how sure we can be"
  lang: en                  # the readers' language: en, es, fr, de, pt, ar
  date: {today}           # the day this brief was written (ISO: 2026, 2026-01 or 2026-01-15)
  about: [{title}]          # who or what the brief is about (a figure they report is self-reported)
  authors: ["Your name"]
  license: "CC BY 4.0"
  paper: a4                 # or letter
  layout: handout           # a two-page handout; `brief` for a longer document with a cover
  # organization:
  #   name: "Your organisation"
  #   url: https://example.org
  #   logo: logo.png        # a PNG, JPEG or SVG file in this folder
  #   logo_alt: "What the logo shows, for screen readers"
  # url: https://example.org/this-brief   # where the brief is read online (printed as a QR code)

# Two short paragraphs in your own words. Insert reported numbers with {{fig:ID}} so their
# qualifier is never lost, cite sources with [@ID], and quotations with {{quote:ID}}.
summary: |
  Write two short paragraphs in your own words. The example organisation helped
  {{fig:example-figure}} in 2025 [@example-source].

key_points:
  - "One short point per line, citing a source [@example-source]."

# Every reported number: its value, what it counts, how the source worded it, and where.
figures:
  - id: example-figure
    value: 1200
    qualifier: over         # exact, about, nearly, over, at least, up to
    counts: people helped
    as_reported: "more than 1,200 people"   # the source's own words, copied exactly
    period: "2025"
    claimed_by: Example Organisation        # who gives the number
    source: example-source
    locator: "paragraph 2"

# Claims without a number ("the largest gift in the city's history"), checked like quotes.
claims:
  - id: example-claim
    text: "the first pantry in the county open on Sundays"
    claimant: Example Organisation
    as_reported: "the first pantry in the county to open on Sundays"
    source: example-source
    locator: "paragraph 4"

# Dated events, oldest first or in any order: they are sorted.
timeline:
  - id: example-opening
    date: 2025-03
    event: "The example organisation opened its second site."
    source: example-source
    locator: "paragraph 1"

# People quoted or named; a quote's speaker may be one of their ids.
people:
  - id: example-person
    name: "Alex Example"
    role: "director of the example organisation"
  - id: example-organisation
    name: "Example Organisation"
    kind: organization      # person, organization, or unnamed ("a spokeswoman for X")
    aliases: ["EO"]         # other names the sources use for it

# Quotations, word for word as the source prints them.
quotes:
  - id: example-quote
    text: "We helped more people this year than ever before."
    speaker: example-person
    source: example-source
    locator: "paragraph 3"

# Your own caveats, in plain words: what the numbers cannot tell readers.
caveats:
  - about: [example-figure]
    text: "The organisation counts people each time they visit, so one person may be counted twice."

# Where everything was reported. `text:` names a plain-text copy in this folder, so every
# quote and figure is checked word for word against it.
sources:
  - id: example-source
    title: "Annual report 2025"
    publisher: "Example Organisation"
    published: 2025-12-01
    kind: report            # news, report, interview, testimony, social, organization, dataset
    url: https://example.org/report-2025
    # text: sources/annual-report-2025.txt

# Pictures: each needs `alt:` (what it shows); `place: cover` for the cover, else by the summary.
# images:
#   - id: example-picture
#     file: picture.jpg
#     alt: "Volunteers packing boxes in the warehouse"
#     caption: "The warehouse in March"
#     credit: "Photo: your name, CC BY 4.0"

# How readers reach you, printed at the foot of every output.
# contact:
#   call_to_action: "Need help this week? Call or walk in."
#   phone: "+1 555 010 0199"
#   email: help@example.org
#   web: https://example.org
#   address: "12 Example Street"

# One handout per row of a table (a county, a pantry): {{row:COLUMN}} in text, or a whole cell
# as a figure's value ("{{row:households}}"). See docs/variants.md.
# variants:
#   table: counties.csv
#   key: county
#   columns: [households, rate]

# The look: a built-in theme (default, forest, plum, mono) and your brand colour.
# theme:
#   name: default
#   colors: {{brand: "#e85d04"}}
"""


def scaffold(name: Path) -> Path:
    """Create `name/brief.yaml` from the template; refuse to overwrite anything."""
    target = name / "brief.yaml"
    if target.exists():
        raise BriefError(
            [
                error(
                    "B412",
                    f"{target} already exists",
                    Location(str(target)),
                    "choose a new folder name",
                )
            ]
        )
    name.mkdir(parents=True, exist_ok=True)
    title = name.resolve().name.replace("-", " ").replace("_", " ").title()
    text = TEMPLATE.format(
        folder=shlex.quote(str(name)),
        title=json.dumps(title, ensure_ascii=False),  # a YAML double-quoted string, escaped
        today=datetime.date.today().isoformat(),
    )
    target.write_text(text, encoding="utf-8")
    return name
