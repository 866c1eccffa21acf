"""Validate stage, second pass: ids, references and dates across the whole brief (B2xx, B3xx).

In: a `Brief` built from schema-valid data. Out: diagnostics for duplicate ids, dangling references,
dates after the brief's own date, failing theme colours and unknown languages.
"""

from __future__ import annotations

import difflib
from typing import Any

from babel import Locale, UnknownLocaleError

from brief import model, schema
from brief.compose.themes import check_fonts, check_theme
from brief.dates import PartialDate
from brief.errors import Diagnostic, Location, error
from brief.read.markup import find_references, refused_markup


def check_references(brief: model.Brief) -> list[Diagnostic]:
    """Find duplicate ids and dangling references (B301–B305), refused markup (B306, B307), a
    logo or picture without alternative text (B211) and too many pictures or covers (B213)."""
    return [
        *_duplicate_ids(brief),
        *_dangling_ids(brief),
        *_unknown_codes(brief),
        *_dangling_text_references(brief),
        *check_markup(brief),
        *_logo_without_alt(brief),
        *_picture_problems(brief),
    ]


def _duplicate_ids(brief: model.Brief) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    seen: dict[str, model.Item] = {}
    every = (*brief.figures, *brief.claims, *brief.timeline, *brief.people, *brief.quotes)
    for item in (*every, *brief.sources, *brief.pictures):
        if item.id in seen:
            first = seen[item.id].location
            problems.append(
                error(
                    "B301",
                    f"duplicate id '{item.id}' (first used at line {first.line})",
                    item.locate("id"),
                    "give each item its own id",
                )
            )
        seen.setdefault(item.id, item)
    return problems


def _dangling(name: str, wanted: str, known: set[str], at: Location, what: str) -> Diagnostic:
    guess = difflib.get_close_matches(wanted, sorted(known), n=1)
    hint = f"did you mean '{guess[0]}'?" if guess else f"add it to `{what}`"
    return error("B302", f"{name} '{wanted}' is not a known id in {what}", at, hint)


def _dangling_ids(brief: model.Brief) -> list[Diagnostic]:
    sources = {item.id for item in brief.sources}
    events = {item.id for item in brief.timeline}
    cited: tuple[model.Figure | model.Claim | model.Event | model.Quote, ...] = (
        *brief.figures,
        *brief.claims,
        *brief.timeline,
        *brief.quotes,
    )
    subjects = {item.id for item in cited}
    problems = [
        _dangling("source", item.source, sources, item.locate("source"), "sources")
        for item in cited
        if item.source and item.source not in sources
    ]
    problems += [
        _dangling(
            "same_as", event.same_as, events - {event.id}, event.locate("same_as"), "timeline"
        )
        for event in brief.timeline
        if event.same_as and (event.same_as not in events or event.same_as == event.id)
    ]
    problems += [
        _dangling(
            "about",
            about,
            subjects,
            caveat.locate(f"about.{index}"),
            "figures, claims, quotes or timeline",
        )
        for caveat in brief.caveats
        for index, about in enumerate(caveat.about)
        if about not in subjects
    ]
    return problems


def _unknown_codes(brief: model.Brief) -> list[Diagnostic]:
    problems = []
    for caveat in brief.caveats:
        for index, code in enumerate(caveat.covers):
            if code not in schema.FINDING_CODES:
                guess = difflib.get_close_matches(code, schema.FINDING_CODES, n=1)
                hint = (
                    f"did you mean '{guess[0]}'?" if guess else "see docs/findings.md for the codes"
                )
                problems.append(
                    error(
                        "B305",
                        f"'{code}' is not a finding code",
                        caveat.locate(f"covers.{index}"),
                        hint,
                    )
                )
    return problems


def _dangling_text_references(brief: model.Brief) -> list[Diagnostic]:
    known_ids = {
        "cite": {item.id for item in brief.sources},
        "fig": {item.id for item in brief.figures},
        "claim": {item.id for item in brief.claims},
    }
    names = {"cite": "source", "fig": "figure", "claim": "claim"}
    problems = []
    for _label, text in brief.texts_in_order():
        for reference in find_references(text.markdown):
            known = known_ids[reference.kind]
            if reference.id in known:
                continue
            code, syntax = (
                ("B303", f"[@{reference.id}]")
                if reference.kind == "cite"
                else ("B304", f"{{{reference.kind}:{reference.id}}}")
            )
            guess = difflib.get_close_matches(reference.id, sorted(known), n=1)
            problems.append(
                error(
                    code,
                    f"{syntax} refers to no {names[reference.kind]}",
                    _reference_location(brief, text, reference),
                    f"did you mean '{guess[0]}'?" if guess else "check the id",
                )
            )
    return problems


def _logo_without_alt(brief: model.Brief) -> list[Diagnostic]:
    organization = brief.meta.organization
    if not (organization and organization.logo and not organization.logo_alt):
        return []
    return [
        error(
            "B211",
            "the logo has no alternative text",
            brief.locate("meta.organization.logo"),
            "add `logo_alt:` describing the logo for screen readers",
        )
    ]


def _picture_problems(brief: model.Brief) -> list[Diagnostic]:
    """A picture needs words for readers who cannot see it; a brief has one cover at most and
    no more than MAX_PICTURES pictures (each is decoded in full when the source is checked)."""
    problems = [
        error(
            "B211",
            f"the picture '{picture.id}' has no alternative text",
            picture.locate("alt"),
            "say in `alt:` what the picture shows, in a sentence, for screen readers",
        )
        for picture in brief.pictures
        if not picture.alt.strip()
    ]
    covers = [picture for picture in brief.pictures if picture.place == "cover"]
    problems += [
        error(
            "B213",
            f"the picture '{picture.id}' is a second cover (the first is '{covers[0].id}')",
            picture.locate("place"),
            "a brief has one cover picture: set `place: summary` on the others",
        )
        for picture in covers[1:]
    ]
    if len(brief.pictures) > schema.MAX_PICTURES:
        problems.append(
            error(
                "B213",
                f"{len(brief.pictures)} pictures: a brief shows at most {schema.MAX_PICTURES}",
                brief.pictures[schema.MAX_PICTURES].location,
                "keep the pictures that tell the story and remove the others",
            )
        )
    return problems


def check_markup(brief: model.Brief) -> list[Diagnostic]:
    """Refuse pictures (B306) and links to anything but the web, e-mail or the page (B307)
    written in a text: they would otherwise print as Markdown syntax. One error per text, at the
    first, saying how many more it holds."""
    problems: list[Diagnostic] = []
    for _label, text in brief.texts_in_order():
        found = refused_markup(text.markdown)
        if not found:
            continue
        first, more = found[0], len(found) - 1
        also = f" (and {more} more in this text)" if more else ""
        at = _literal_location(brief, text, text.markdown[first.offset : first.offset + 2], first)
        if first.kind == "image":
            problems.append(
                error(
                    "B306",
                    f"a picture written in the text ('{first.target[:80]}') cannot be shown{also}",
                    at,
                    "remove it: the text holds words and links; the organisation's logo goes in "
                    "meta.organization.logo",
                )
            )
        else:
            problems.append(
                error(
                    "B307",
                    f"the link to '{first.target[:80]}' is not a web or e-mail address{also}",
                    at,
                    "link to an https://, http:// or mailto: address, or remove the link",
                )
            )
    return problems


def _reference_location(brief: model.Brief, text: model.Text, reference: Any) -> Location:
    markdown = text.markdown
    literal = (
        markdown[reference.offset :].split("]", 1)[0] + "]"
        if reference.kind == "cite"
        else (markdown[reference.offset :].split("}", 1)[0] + "}")
    )
    return _literal_location(brief, text, literal, reference)


def _literal_location(brief: model.Brief, text: model.Text, literal: str, found: Any) -> Location:
    """Return where the `literal` at `found.offset` of a text's Markdown stands in its file."""
    markdown = text.markdown
    nth = markdown.count(literal, 0, found.offset)
    if text.span is None:
        raw, start = markdown, 0
    else:
        raw, start = brief.source_yaml.decode("utf-8-sig"), text.span[0]
    index = start - 1
    for _ in range(nth + 1):
        index = raw.find(literal, index + 1, text.span[1] if text.span else len(raw))
    if index < 0:
        return text.line_location(found.offset)
    return Location.at_offset(text.location.path, raw, index)


def check_dates(brief: model.Brief) -> list[Diagnostic]:
    """Refuse dates after the brief's own date (B206) and an unknown language (B204)."""
    problems: list[Diagnostic] = []
    limit = brief.meta.date.last_day()
    dated: list[tuple[model.Item, str, PartialDate | None]] = []
    for event in brief.timeline:
        dated += [(event, "date", event.date), (event, "end", event.end)]
    dated += [(quote, "date", quote.date) for quote in brief.quotes]
    dated += [(person, "born", person.born) for person in brief.people]
    for source in brief.sources:
        dated += [(source, "published", source.published), (source, "accessed", source.accessed)]
    dated += [
        (figure, "period", figure.period[0] if figure.period else None) for figure in brief.figures
    ]
    for item, name, date in dated:
        if date is not None and date.first_day() > limit:
            problems.append(
                error(
                    "B206",
                    f"{name} {date} of '{item.id}' is after the brief's date {brief.meta.date}",
                    item.locate(name),
                    "correct the date, or update meta.date",
                )
            )
    for event in brief.timeline:
        if event.end and event.date is None:
            problems.append(
                error(
                    "B202",
                    f"timeline item '{event.id}' has an end but no date",
                    event.locate("end"),
                    "add `date:` for the start, or remove `end:`",
                )
            )
        elif event.end and event.date and event.end.last_day() < event.date.first_day():
            problems.append(
                error(
                    "B205",
                    f"event '{event.id}' ends before it starts",
                    event.locate("end"),
                    "correct the start or the end date",
                )
            )
    theme_problems = check_theme(brief.theme.name, brief.theme.colors)
    for key, problem, hint in theme_problems + check_fonts(brief.theme.fonts):
        problems.append(error("B212", problem, brief.locate(f"theme.{key}"), hint))
    try:
        Locale.parse(brief.meta.lang, sep="-")
    except (UnknownLocaleError, ValueError):
        problems.append(
            error(
                "B204",
                f"unknown language '{brief.meta.lang}'",
                brief.locate("meta.lang"),
                "use a BCP 47 tag such as en, es, fr",
            )
        )
    return problems
