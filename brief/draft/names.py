"""Names in an article: people, organisations and pronouns, in reading order, resolved to whom
they stand for.

In: the article's text outside quotations and the language's `Words`. Out: `Mention`s (where a
name or pronoun stands) and the `Entity` each refers to. A surname alone ("Kutcher") is the
person named in full before; "he" and "she" the last person of that gender (or of unknown
gender, which the pronoun then fixes); "it" and "the organization" the last organisation. A
resolved pronoun is a guess and says so (`Mention.guessed`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from brief.draft.roles import role_before
from brief.draft.words.vocabulary import Words

#: How many mentions back a pronoun may reach for whom it stands for (a few paragraphs).
LOOK_BACK = 60
#: How many characters on either side of a name its role, office and apposition are read from
#: (a role is at most a dozen words): a long paragraph is not searched again for each name.
NEAR = 400
_TOKEN = re.compile(r"[^\W\d_](?:[\w’'&.\-]*[\w.])?")
_NAME_GAP = re.compile(r"^[ ]?$|^ (?:[a-zà-ÿ&]+ ){1}$")


@dataclass(slots=True)
class Entity:
    """A person or organisation the article names."""

    name: str
    kind: str  # person, org or unknown
    gender: str = ""  # m, f or ""
    role: str = ""
    first: int = 0  # offset of the first mention

    @property
    def slug(self) -> str:
        """Return an id for the entity: lowercase words joined by hyphens."""
        from brief.draft.yamlout import slug

        return slug(self.name)


@dataclass(slots=True)
class Mention:
    """A name, pronoun or description at a place in the text, and whom it stands for."""

    start: int
    end: int
    text: str
    entity: Entity | None = None
    guessed: bool = False  # a pronoun or a description resolved by the draft
    pronoun: str = ""  # m, f or it for pronouns


@dataclass
class Cast:
    """Everyone named in an article, with every mention in reading order."""

    words: Words
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # each mention's start, for bisect

    def add(self, mention: Mention) -> None:
        """Add the next mention in reading order."""
        self.mentions.append(mention)
        self.starts.append(mention.start)

    def between(self, start: int, end: int) -> list[Mention]:
        """Return the mentions inside the span [start, end), in order (mentions are kept in
        reading order, so this is a binary search, not a scan)."""
        first = bisect.bisect_left(self.starts, start)
        found = []
        for mention in self.mentions[first:]:
            if mention.start >= end:
                break
            if mention.end <= end:
                found.append(mention)
        return found

    def last_before(self, offset: int, want: str) -> Entity | None:
        """Return the entity last named before `offset` that a pronoun of `want` can stand for,
        looking back at most LOOK_BACK mentions."""
        index = bisect.bisect_left(self.starts, offset)
        for mention in reversed(self.mentions[max(0, index - LOOK_BACK) : index]):
            if mention.entity is None or mention.pronoun:
                continue
            entity = mention.entity
            if want == "it" and entity.kind != "person":
                return entity
            if want in ("m", "f") and entity.kind == "person" and entity.gender in ("", want):
                return entity
        return None


def capitalised(word: str) -> bool:
    """Tell whether a word starts with a capital letter."""
    return word[:1].isupper()


def name_spans(text: str, words: Words) -> list[tuple[int, int, str]]:
    """Return runs of capitalised words (joined by `of`, `de`...) that may be names."""
    runs: list[list[re.Match[str]]] = []
    for token in _TOKEN.finditer(text):
        word = token[0].rstrip(".") if not token[0].endswith(("Inc.", "Jr.", "Sr.")) else token[0]
        if not capitalised(word) or (
            word.lower() in words.closed and not _joined(runs, text, token)
        ):
            continue
        if runs and _joined(runs, text, token):
            runs[-1].append(token)
        else:
            runs.append([token])
    spans = []
    for run in runs:
        for part in _split_and(run, text, words):
            start, end = part[0].start(), part[-1].start() + len(part[-1][0].rstrip(".,"))
            if text[end - 1 : end] == "." and not _ABBREVIATED.search(text, max(0, end - 8), end):
                end -= 1
            possessive = _POSSESSIVE.search(text[start:end])
            end -= len(possessive[0]) if possessive else 0
            numbered = _NUMBERED.search(text, max(0, start - 40), start)
            if numbered and numbered.end() == start:  # "48 Hours", "60 Minutes": a name
                start = numbered.start(1)
            name = text[start:end]
            if name.lower() not in words.months and name.lower() not in words.weekdays:
                spans.append((start, end, name))
    return spans


#: A number opening a name after a credit: "an interview with 48 Hours", "told 60 Minutes"
#: (not "reached 46 Americans").
_NUMBERED = re.compile(r"\b(?:with|told|on|a|à|con|mit)\s+([1-9][0-9]{0,2}) $", re.I)
_ABBREVIATED = re.compile(r"\b(?:Inc|Jr|Sr|Co)\.$")
_POSSESSIVE = re.compile(r"(?:[’']s?)?$")


def _split_and(run: list[re.Match[str]], text: str, words: Words) -> list[list[re.Match[str]]]:
    """Part "Kutcher and Moore" in two; keep "Food and Agriculture Organization" whole."""
    name = text[run[0].start() : run[-1].end()]
    offices = [t[0].lower() for t in run[:-2]]
    if classify(name, words) == "org" or any(word in words.offices for word in offices):
        return [run]
    parts: list[list[re.Match[str]]] = [[run[0]]]
    for token in run[1:]:
        gap = text[parts[-1][-1].end() : token.start()].strip()
        if gap in ("and", "&", "y"):
            parts.append([token])
        else:
            parts[-1].append(token)
    return parts


def _joined(runs: list[list[re.Match[str]]], text: str, token: re.Match[str]) -> bool:
    if not runs:
        return False
    last = runs[-1][-1]
    if last[0].endswith(".") and len(last[0]) > 3:  # a sentence ended
        return False
    gap = text[last.end() : token.start()]
    return bool(_NAME_GAP.match(gap)) and gap.strip() in (
        "",
        "of",
        "for",
        "de",
        "del",
        "la",
        "y",
        "&",
        "and",
    )


def classify(name: str, words: Words) -> str:
    """Say whether a name is a person's, an organisation's, or unknown."""
    parts = name.replace(".", "").split()
    lowered = {part.lower() for part in parts}
    if lowered & words.org or any(len(part) > 1 and part.isupper() for part in parts):
        return "org"
    if len(parts) >= 2 and all(capitalised(part) for part in parts):
        return "person"
    return "unknown"


_APPOSITION = re.compile(
    r"^,\s+((?:the |a |an |el |la |un |una )?[^,.;:“”\"()]{3,90}?)\s*(?:,|\.|;|$)"
)


def read_cast(pieces: list[tuple[int, str]], words: Words) -> Cast:
    """Find and resolve every name and pronoun in `pieces` (offset, text outside quotes)."""
    cast = Cast(words)
    pronouns = _pronoun_pattern(words)
    for offset, text in pieces:
        found = [(start, end, name, "") for start, end, name in name_spans(text, words)]
        found += [
            (m.start(), m.end(), m[0], _pronoun_kind(m[0], words)) for m in pronouns.finditer(text)
        ]
        for start, end, name, pronoun in sorted(found):
            mention = Mention(offset + start, offset + end, name, pronoun=pronoun)
            if pronoun:
                _resolve_pronoun(cast, mention)
            else:
                mention.entity = _entity_for(cast, name, offset + start, words)
                before, after = text[max(0, start - NEAR) : start], text[end : end + NEAR]
                _read_role_before(mention.entity, before, after, words)  # closes at the name
                _read_apposition(mention.entity, after, words)
                _read_office_before(mention.entity, before, words)
            cast.add(mention)
    return cast


def _pronoun_pattern(words: Words) -> re.Pattern[str]:
    options = sorted(words.he | words.she | words.it, key=len, reverse=True)
    return re.compile(r"(?<![\w’'])(?:" + "|".join(map(re.escape, options)) + r")(?![\w’'])", re.I)


def _pronoun_kind(text: str, words: Words) -> str:
    lowered = text.lower()
    return "m" if lowered in words.he else "f" if lowered in words.she else "it"


def _resolve_pronoun(cast: Cast, mention: Mention) -> None:
    entity = cast.last_before(mention.start, mention.pronoun)
    noun = mention.text.split()[-1].lower() if " " in mention.text else ""
    if noun and entity is not None and noun not in entity.name.lower():
        entity = _named_like(cast, mention.start, noun)  # "the ministry": a Ministry, or none
    if entity is not None:
        if entity.kind == "person" and not entity.gender:
            entity.gender = mention.pronoun
        mention.entity, mention.guessed = entity, True


def _named_like(cast: Cast, offset: int, noun: str) -> Entity | None:
    """Return the last organisation named before `offset` whose name holds `noun`."""
    index = bisect.bisect_left(cast.starts, offset)
    for mention in reversed(cast.mentions[max(0, index - LOOK_BACK) : index]):
        entity = mention.entity
        if entity is not None and entity.kind != "person" and noun in entity.name.lower():
            return entity
    return None


def _strip_titles(name: str, words: Words) -> tuple[str, str]:
    parts = name.split()
    gender = ""
    while len(parts) > 1 and parts[0].lower().rstrip(".") in {
        w.rstrip(".") for w in words.male | words.female
    }:
        title = parts.pop(0).lower()
        gender = "m" if title in words.male or title + "." in words.male else "f"
    return " ".join(parts), gender


def _entity_for(cast: Cast, name: str, offset: int, words: Words) -> Entity:
    name, gender = _strip_titles(name, words)
    name, role = _split_office(name, words)
    for entity in cast.entities:
        if entity.name == name or (
            len(name.split()) == 1 and entity.kind == "person" and name in entity.name.split()[1:]
        ):
            entity.gender = entity.gender or gender
            return entity
    kind = "person" if role else classify(name, words)
    if kind == "unknown" and gender:
        kind = "person"
    entity = Entity(name, kind, gender, role, first=offset)
    cast.entities.append(entity)
    return entity


def _split_office(name: str, words: Words) -> tuple[str, str]:
    """Part "USAID Administrator Samantha Power" into the person and the office before them."""
    parts = name.split()
    for index in range(len(parts) - 2, -1, -1):
        if parts[index].lower().rstrip(".") in words.offices:
            person = parts[index + 1 :]
            if 2 <= len(person) <= 4 and classify(" ".join(person), words) == "person":
                return " ".join(person), " ".join(parts[: index + 1])
            break
    return name, ""


def _read_office_before(entity: Entity, before: str, words: Words) -> None:
    """Take a role from "the mayor Ana Ruiz", "la alcaldesa Ana Ruiz" (an office in lower case)."""
    found = re.search(r"(?:^|\s)((?:[a-zà-ÿ\-]+\s+){0,2}?([a-zà-ÿ\-]+))\s+$", before)
    if found and found[2] in words.offices and entity.kind != "org" and not entity.role:
        entity.role = found[2]
        entity.kind = "person"


def _read_role_before(entity: Entity, before: str, after: str, words: Words) -> None:
    """Take a role set off by commas before the name ("Its director, Ana Pérez, said") and a
    gender from its words, for a person: not an organisation, nor one word of unknown kind
    ("The mayor of Springfield, Ohio,": a place) (`roles`)."""
    if entity.kind != "person" or entity.role:
        return
    role = role_before(before, after, words)
    if not role:
        return
    lowered = set(re.findall(r"\w+", role.lower()))
    male, female = bool(lowered & words.male), bool(lowered & words.female)
    if not entity.gender and male != female:
        entity.gender = "m" if male else "f"
    entity.role = role


def _read_apposition(entity: Entity, after: str, words: Words) -> None:
    """Take a role from "NAME, president of X," and a gender from its words (`_apposed`)."""
    found = _APPOSITION.match(after)
    role = _apposed(found[1].strip(), entity, words) if found else ""
    if not role:
        return
    lowered = set(re.findall(r"\w+", role.lower()))
    if not entity.gender:
        entity.gender = "m" if lowered & words.male else "f" if lowered & words.female else ""
    if not entity.role or " " not in entity.role:  # "Dr. Amy Chen, an epidemiologist at …"
        entity.role = role
        entity.kind = "person"


def _apposed(role: str, entity: Entity, words: Words) -> str:
    """Return the words after a name and a comma if they are a person's role, or "".

    Only people get roles: a name not known as a person's ("Virginia", "Horn of Africa") takes
    one only when it holds an office word, an organisation none. A role holds no verb (no
    speech verb, no auxiliary: "Virginia, were convicted of …"), no number, opens in lower
    case (in German, whose nouns take capitals, also with an office: "Sprecherin des …"),
    with an article, an office word or a noun with a complement ("of", "for"), and is no name
    after an article ("Horn of Africa, the United States")."""
    parts = role.split()
    first, lowered = parts[0].lower(), {word.lower().strip("’'") for word in parts}
    office = bool(lowered & words.offices)
    articles = {"the", "a", "an", "el", "la", "un", "una"}
    if entity.kind == "org" or (entity.kind != "person" and not office):
        return ""
    capital = not role[0].islower() and not (words.nouns_capitalised and first in words.offices)
    if capital or any(c.isdigit() for c in role):  # a name: "Inspector in Charge Ann Lee"
        return ""
    if lowered & (words.speech | words.auxiliaries) or first in words.closed - articles:
        return ""
    if first in articles and len(parts) > 1 and parts[1][:1].isupper() and not office:
        return ""  # a name after an article
    if first not in articles and not office and not re.search(r"\b(?:of|for|at|de|del)\b", role):
        return ""
    return role
