"""Write the drafted brief as YAML text with `# review:` comments where the draft guessed.

In: plain data (dicts, lists, strings, numbers; `Raw` for dates written bare; a dict's
`REVIEW` key holds its review notes). Out: YAML text in the layout of the example brief.
Strings are written as JSON strings, which YAML reads back exactly.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

#: The key under which an item carries its review notes (never written as a key).
REVIEW = "__review__"
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


class Raw(str):
    """A scalar written as it is: an ISO date such as 2017-02-15."""

    __slots__ = ()


def slug(text: str, limit: int = 40) -> str:
    """Return a lowercase id from any text: 'Ashton Kutcher' -> 'ashton-kutcher'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    cut = _NOT_SLUG.sub("-", plain).strip("-")[:limit].strip("-")
    return cut or "item"


class Ids:
    """The ids given so far in one brief, and the next number to try for each base."""

    def __init__(self, *taken: str) -> None:
        self.taken: set[str] = set(taken)
        self.next: dict[str, int] = {}


def unique(base: str, ids: Ids) -> str:
    """Return `base`, or `base-2`, `base-3`... the first not yet given (and now given)."""
    number = ids.next.get(base, 1)
    name = base if number == 1 else f"{base}-{number}"
    while name in ids.taken:
        number += 1
        name = f"{base}-{number}"
    ids.next[base] = number + 1
    ids.taken.add(name)
    return name


def scalar(value: Any) -> str:
    """Return one YAML scalar."""
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return json.dumps(str(value), ensure_ascii=False)


def dump(data: dict[str, Any], header: list[str]) -> str:
    """Return the whole brief as YAML text, `header` as comment lines on top."""
    lines = [f"# {line}" if line else "#" for line in header]
    for key, value in data.items():
        lines.append("")
        lines.extend(_entry(key, value, 0))
    return "\n".join(lines) + "\n"


def _entry(key: str, value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        return [f"{pad}{key}:", *_mapping(value, indent + 2)]
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        lines = [f"{pad}{key}:"]
        for item in value:
            lines.extend(_list_item(item, indent + 2))
        return lines
    if isinstance(value, list):
        return [f"{pad}{key}: [{', '.join(scalar(item) for item in value)}]"]
    return [f"{pad}{key}: {scalar(value)}"]


def _mapping(value: dict[str, Any], indent: int) -> list[str]:
    lines = [f"{' ' * indent}# review: {note}" for note in value.get(REVIEW, ())]
    for key, item in value.items():
        if key != REVIEW:
            lines.extend(_entry(key, item, indent))
    return lines


def _list_item(item: dict[str, Any], indent: int) -> list[str]:
    notes = [f"{' ' * indent}# review: {note}" for note in item.get(REVIEW, ())]
    body = _mapping({key: value for key, value in item.items() if key != REVIEW}, indent + 2)
    body[0] = " " * indent + "- " + body[0][indent + 2 :]
    return ["", *notes, *body] if indent == 2 else [*notes, *body]
