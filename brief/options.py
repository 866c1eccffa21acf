"""The one table of build options: what the command line offers, the API accepts and the writers
understand, with their defaults. Every other module reads its choices from here.

In: nothing (definitions). Out: the formats, papers, layouts, PDF variants, report formats and
defaults, as plain tuples and mappings.
"""

from __future__ import annotations

from brief.model import Layout, Paper

#: Output formats, in the order they are built and listed.
FORMATS = ("pdf", "epub", "html")
PAPERS = tuple(paper.value for paper in Paper)
LAYOUTS = tuple(layout.value for layout in Layout)
#: `--pdf-variant` names and the WeasyPrint variant each gives.
PDF_VARIANTS = {"ua-1": "pdf/ua-1", "a-3b": "pdf/a-3b", "a-3a": "pdf/a-3a"}
DEFAULT_PDF_VARIANT = "ua-1"
#: The PDF/A-3 variants, which attach brief.yaml and its findings so that the file audits itself.
ATTACHING_VARIANTS = ("a-3b", "a-3a")
#: Seconds a build may take before it stops with B502 (`--time-limit`; 0 or None: no limit).
DEFAULT_TIME_LIMIT = 300.0
MIN_TIME_LIMIT, MAX_TIME_LIMIT = 0.01, 86_400.0
#: How `brief check` prints its findings.
CHECK_FORMATS = ("text", "json", "sarif")
