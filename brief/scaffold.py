"""`brief new NAME`: create a brief folder that builds as it is."""

from __future__ import annotations

from pathlib import Path

from brief.errors import BriefError, Location, error

TEMPLATE = """\
# A brief: every figure, quote and date points at a source.
# Format reference: docs/format.md. Build with: brief build {folder}
brief: 1
meta:
  title: "{title}"
  subtitle: "What was reported, and how sure we can be"
  lang: en
  date: 2026-01-15
  about: ["{title}"]
  authors: ["Your name"]
  license: "CC BY 4.0"

summary: |
  Write two short paragraphs in your own words. Insert reported numbers with
  {{fig:example-figure}} so the qualifier is never lost, and cite sources like
  this [@example-source].

key_points:
  - "One short point per line, citing a source [@example-source]."

figures:
  - id: example-figure
    value: 1200
    qualifier: over
    counts: people helped
    as_reported: "more than 1,200 people"
    period: "2025"
    source: example-source
    locator: "paragraph 2"

sources:
  - id: example-source
    title: "Annual report 2025"
    publisher: "Example Organisation"
    published: 2025-12-01
    kind: report
    url: https://example.org/report-2025
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
    target.write_text(TEMPLATE.format(folder=name, title=title), encoding="utf-8")
    return name
