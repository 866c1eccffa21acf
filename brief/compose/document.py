"""The composed page model (design.md §1): what every output renders, as plain frozen data.

In: nothing (data definitions). Out: `Document` and its rows, built by `compose` and read by the
templates through `render`. Markdown arrives already turned into safe HTML: `Pieces`, whose note
references and in-document links each output prints its own way (`compose.marks`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markupsafe import Markup

if TYPE_CHECKING:
    from brief.compose.chart import Chart
from brief.model import Contact, FontFile, ImageFile, Layout, Paper
from brief.read.markup import Pieces


@dataclass(frozen=True)
class Note:
    number: int
    id: str
    html: Markup
    url: str = ""
    qr: str = ""
    archived: str = ""


@dataclass(frozen=True)
class Marker:
    number: int
    id: str
    severity: str


@dataclass(frozen=True)
class FigureRow:
    id: str
    display: str
    counts: str
    unit: str
    period: str
    claimed_by: str
    as_reported: str
    note: int | None
    markers: tuple[Marker, ...]


@dataclass(frozen=True)
class ClaimRow:
    """A claim without a number, as printed with the figures (issue 12)."""

    id: str
    text: str
    claimant: str
    as_reported: str
    note: int | None
    markers: tuple[Marker, ...]
    cited: bool = False  # inserted in the summary or a key point with {claim:id}


@dataclass(frozen=True)
class EventRow:
    id: str
    date: str
    html: Pieces
    note: int | None
    markers: tuple[Marker, ...]


@dataclass(frozen=True)
class QuoteRow:
    id: str
    text: str
    speaker: str
    role: str
    context: str
    date: str
    via: str
    note: int | None
    markers: tuple[Marker, ...]
    link: str = ""
    qr: str = ""


@dataclass(frozen=True)
class CaveatRow:
    number: int
    id: str
    severity: str
    html: Pieces
    about: tuple[str, ...]
    codes: tuple[str, ...]
    diff: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class NoteLine:
    """Notes of one code, gathered on one line."""

    code: str  # for the build report; never printed
    text: str
    subjects: tuple[str, ...]
    label: str = ""  # a few plain words for the handout's compact list


@dataclass(frozen=True)
class Checked:
    """The "How this brief was checked" box."""

    sources: int
    quotes: int
    quotes_verified: int
    copies: int  # sources with a saved copy the quotes were checked against
    warnings: int
    notes: int
    covered: int


@dataclass(frozen=True)
class PictureRow:
    """A picture as each output shows it: our URL in the PDF (served from `file`), a data URI in
    the web page, a path inside the EPUB; the words with it; and the checked bytes."""

    id: str
    url: str
    uri: str
    epub: str
    alt: str
    caption: str
    credit: str
    place: str
    file: ImageFile


@dataclass(frozen=True)
class Document:
    """Everything the templates need, for PDF, EPUB and HTML alike."""

    id: str
    name: str
    lang: str
    dir: str
    title: str
    subtitle: str
    date_iso: str
    date: str
    authors: tuple[str, ...]
    organization: str
    organization_url: str
    license: str
    version: str
    url: str
    url_qr: str
    paper: Paper
    layout: Layout
    large_print: bool
    labels: dict[str, str]
    content_warning: Pieces
    summary: Pieces
    key_points: tuple[Pieces, ...]
    figures: tuple[FigureRow, ...]
    claims: tuple[ClaimRow, ...]
    callouts: tuple[FigureRow, ...]  # key figures printed large, for a reader across a room
    chart: Chart | None  # the figures drawn as ranges (not in the two-page handout)
    chart_large: Chart | None  # the same with large-print text, for the PDF and HTML page
    timeline: tuple[EventRow, ...]
    quotes: tuple[QuoteRow, ...]
    handout_quotes: tuple[str, ...]
    handout_quotes_short: tuple[str, ...]
    caveats: tuple[CaveatRow, ...]
    note_lines: tuple[NoteLine, ...]
    corrections: tuple[tuple[str, Pieces], ...]
    notes: tuple[Note, ...]
    checked: Checked
    theme: dict[str, str] = field(default_factory=dict)
    fonts: dict[str, str] = field(default_factory=dict)
    theme_fonts: dict[str, FontFile] = field(default_factory=dict)  # role -> checked file
    contact: Contact | None = None
    logo: str = ""  # the logo's URL in the PDF: served by the PDF writer from `logo_file`
    logo_alt: str = ""
    logo_uri: str = ""
    logo_epub: str = ""
    logo_file: ImageFile | None = None  # the checked bytes, the only ones any output shows
    pictures: tuple[PictureRow, ...] = ()
