"""The validated brief as frozen dataclasses (design.md §2).

In: nothing (data definitions). Out: `Brief` and its parts, built by `validate` and read by every
later stage. Every item keeps the location of its fields so that findings can name `file:line:col`.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from brief.dates import PartialDate
from brief.errors import Location


def same_name(name: str) -> str:
    """Return a name as names are compared: case folded, spacing and a leading "the" set aside.

    >>> same_name("The  U.N. Food agency") == same_name("u.n. food Agency")
    True
    """
    words = name.casefold().split()
    return " ".join(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


@dataclass(frozen=True)
class FontFile:
    """A checked font file: its bytes, media type, CSS format and extension."""

    data: bytes
    media_type: str
    css_format: str
    extension: str


@dataclass(frozen=True)
class ImageFile:
    """A checked image: its bytes, media type and the extension to store it under."""

    data: bytes
    media_type: str
    extension: str


class Qualifier(enum.Enum):
    """How exact a reported number is; always shown with the number (F-qualifier)."""

    EXACT = "exact"
    ABOUT = "about"
    NEARLY = "nearly"
    OVER = "over"
    AT_LEAST = "at least"
    UP_TO = "up to"


class Paper(enum.Enum):
    """Paper sizes for the PDF."""

    A4 = "a4"
    LETTER = "letter"


class Layout(enum.Enum):
    """PDF layouts: a handout of at most two pages, or a full brief with contents."""

    HANDOUT = "handout"
    BRIEF = "brief"


@dataclass(frozen=True)
class Text:
    """Markdown from the source with where it starts (line offsets count from `location`)."""

    markdown: str
    location: Location
    block: bool = False
    span: tuple[int, int] | None = None

    def line_location(self, offset: int) -> Location:
        """Return the location of character `offset` of the Markdown in the source file."""
        lines_before = self.markdown.count("\n", 0, offset)
        if self.block:  # a `|` block starts on the line after its indicator
            return Location(self.location.path, self.location.line + 1 + lines_before, 1)
        return Location(self.location.path, self.location.line + lines_before, self.location.column)


@dataclass(frozen=True)
class Organization:
    name: str
    url: str = ""
    logo: str = ""
    logo_alt: str = ""


@dataclass(frozen=True)
class Contact:
    """How readers reach the organisation: printed at the foot of the handout."""

    call_to_action: str = ""
    phone: str = ""
    email: str = ""
    web: str = ""
    address: str = ""


@dataclass(frozen=True)
class Revision:
    date: PartialDate
    note: Text


@dataclass(frozen=True)
class Meta:
    title: str
    lang: str
    date: PartialDate
    subtitle: str = ""
    about: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    organization: Organization | None = None
    license: str = ""
    version: str = ""
    revisions: tuple[Revision, ...] = ()
    content_warning: Text | None = None
    url: str = ""
    paper: Paper = Paper.A4
    layout: Layout = Layout.HANDOUT


@dataclass(frozen=True)
class Item:
    """Anything with an id and a location; `where` maps field names to their locations."""

    id: str
    location: Location
    where: Mapping[str, Location] = field(default_factory=dict, compare=False, repr=False)

    def locate(self, name: str) -> Location:
        """Return the location of field `name`, or of the item itself."""
        return self.where.get(name, self.location)


@dataclass(frozen=True)
class Conversion:
    """The same amount as a source also gives it: "$100m (£48.8m)"."""

    value: float
    currency: str = ""
    unit: str = ""
    as_reported: str = ""


@dataclass(frozen=True)
class Figure(Item):
    value: float = 0
    counts: str = ""
    unit: str = ""
    high: float | None = None  # a range's upper end: value is its lower end
    kind: str = ""  # count, money, share, change, rate, duration; "" when read from the wording
    currency: str = ""
    from_value: float | None = None  # a change's starting value ("from 1,000 to 17,000")
    also: tuple[Conversion, ...] = ()
    qualifier: Qualifier = Qualifier.EXACT
    as_reported: str = ""
    period: tuple[PartialDate, PartialDate] | None = None
    period_text: str = ""
    claimed_by: tuple[str, ...] = ()  # people ids, names or aliases; one or several
    hedges: tuple[str, ...] = ()
    source: str = ""
    locator: str = ""


@dataclass(frozen=True)
class Claim(Item):
    """A reported claim without a number (issue 12): printed with the figures, citable."""

    text: str = ""
    claimant: tuple[str, ...] = ()
    source: str = ""
    as_reported: str = ""
    locator: str = ""


@dataclass(frozen=True)
class Event(Item):
    date: PartialDate | None = None  # None: no source dates it (printed last, without a date)
    event: Text = Text("", Location(""))
    approx: bool = False
    end: PartialDate | None = None
    source: str = ""
    locator: str = ""
    same_as: str = ""
    as_written: str = ""  # the source's words for the date (issue 12)


@dataclass(frozen=True)
class Person(Item):
    name: str = ""
    born: PartialDate | None = None
    role: str = ""
    # -- speakers and claimants (issue 12) --
    kind: str = "person"  # person, organization or unnamed
    aliases: tuple[str, ...] = ()
    speaks_for: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """Return the name and every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Quote(Item):
    text: str = ""
    speaker: str = ""
    role: str = ""
    context: str = ""
    date: PartialDate | None = None
    source: str = ""
    via: str = ""
    locator: str = ""
    as_written: str = ""  # the source's words for the date (issue 12)


@dataclass(frozen=True)
class Caveat(Item):
    text: Text = Text("", Location(""))
    about: tuple[str, ...] = ()
    severity: str = "note"
    covers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Picture(Item):
    """A picture the brief shows: `file` names checked bytes in `Brief.images`."""

    file: str = ""
    alt: str = ""
    caption: str = ""
    credit: str = ""
    place: str = "summary"


@dataclass(frozen=True)
class Source(Item):
    title: str = ""
    publisher: str = ""
    author: str = ""
    url: str = ""
    published: PartialDate | None = None
    accessed: PartialDate | None = None
    kind: str = ""
    text: str = ""
    archived: str = ""


@dataclass(frozen=True)
class Theme:
    name: str = "default"
    colors: Mapping[str, str] = field(default_factory=dict)
    fonts: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Brief:
    """A validated brief: everything later stages need, and nothing read from disk after this."""

    folder: Path
    name: str
    path: str
    meta: Meta
    summary: Text | None = None
    key_points: tuple[Text, ...] = ()
    figures: tuple[Figure, ...] = ()
    claims: tuple[Claim, ...] = ()
    timeline: tuple[Event, ...] = ()
    people: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    caveats: tuple[Caveat, ...] = ()
    sources: tuple[Source, ...] = ()
    pictures: tuple[Picture, ...] = ()
    theme: Theme = Theme()
    contact: Contact | None = None
    texts: Mapping[str, str] = field(default_factory=dict, repr=False)
    where: Mapping[str, Location] = field(default_factory=dict, repr=False)
    source_yaml: bytes = field(default=b"", repr=False)
    images: Mapping[str, ImageFile] = field(default_factory=dict, repr=False)
    font_files: Mapping[str, FontFile] = field(default_factory=dict, repr=False)
    #: The table row this brief was filled from (`variants:`): its key, then (column, cell) pairs.
    variant: tuple[tuple[str, str], ...] = ()
    #: What the analysis derives from this brief once and shares between checks (indexes), by
    #: name: it lives and dies with the brief, and a copy (`dataclasses.replace`) starts empty.
    derived: dict[str, object] = field(
        default_factory=dict, init=False, compare=False, repr=False, hash=False
    )

    def locate(self, dotted: str) -> Location:
        """Return the location of a top-level or meta key such as `meta.lang`."""
        return self.where.get(dotted) or Location(self.path, 1, 1)

    def figure(self, figure_id: str) -> Figure | None:
        """Return the figure with this id, if any."""
        return next((item for item in self.figures if item.id == figure_id), None)

    def source(self, source_id: str) -> Source | None:
        """Return the source with this id, if any."""
        return next((item for item in self.sources if item.id == source_id), None)

    def person(self, person_id: str) -> Person | None:
        """Return the person with this id, if any."""
        return self._by_id.get(person_id)

    @functools.cached_property
    def _by_id(self) -> dict[str, Person]:
        found: dict[str, Person] = {}
        for person in self.people:
            found.setdefault(person.id, person)
        return found

    def speaker_name(self, speaker: str) -> str:
        """Return a quote speaker's display name (a person's name, or the text as given): by
        id, name or alias, so one speaker under several names is one speaker."""
        person = self.who(speaker)
        return person.name if person else speaker

    # -- speakers and claimants (issue 12) --
    def who(self, name: str) -> Person | None:
        """Return the people entry that `name` gives: by id, else by its name or an alias
        (equal once case and spacing are set aside: never a part of a longer name)."""
        person = self.person(name)
        return person if person is not None else self._by_name.get(same_name(name))

    @functools.cached_property
    def _by_name(self) -> dict[str, Person]:
        """Every people entry under each of its names (the first entry of a name wins)."""
        found: dict[str, Person] = {}
        for person in self.people:
            for name in person.names:
                found.setdefault(same_name(name), person)
        return found

    def identities(self, name: str) -> tuple[str, ...]:
        """Return every name `name` goes by: its entry's name and aliases, and those of whom it
        speaks for (followed a few steps, so a loop of `speaks_for` ends)."""
        found: list[str] = []
        for _ in range(4):
            person = self.who(name)
            found += person.names if person else (name,)
            if person is None or not person.speaks_for:
                break
            name = person.speaks_for
        return tuple(dict.fromkeys(found))

    def claimant_names(self, item: Figure | Claim) -> tuple[str, ...]:
        """Return how a figure's or claim's claimants are printed: each entry's name, or the
        name given."""
        names = item.claimed_by if isinstance(item, Figure) else item.claimant
        return tuple(dict.fromkeys(self.speaker_name(name) for name in names))

    def claim(self, claim_id: str) -> Claim | None:
        """Return the claim with this id, if any."""
        return self._claims_by_id.get(claim_id)

    @functools.cached_property
    def _claims_by_id(self) -> dict[str, Claim]:
        found: dict[str, Claim] = {}
        for claim in self.claims:
            found.setdefault(claim.id, claim)
        return found

    def texts_in_order(self) -> list[tuple[str, Text]]:
        """Return every Markdown text with a label, in reading order."""
        found: list[tuple[str, Text]] = []
        if self.meta.content_warning:
            found.append(("meta.content_warning", self.meta.content_warning))
        if self.summary:
            found.append(("summary", self.summary))
        found += [(f"key_points[{index}]", text) for index, text in enumerate(self.key_points)]
        found += [(f"timeline:{event.id}", event.event) for event in self.timeline]
        found += [(f"caveats:{caveat.id}", caveat.text) for caveat in self.caveats]
        found += [(f"revision:{revision.date}", revision.note) for revision in self.meta.revisions]
        return found
