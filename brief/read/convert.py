"""Convert one value of a brief to the kind its schema field names (text, an id, a web address,
a date or period, a number or a range, a currency code, a whole number, yes/no, names, a
mapping), or say in plain words why it cannot be and what to write instead.

In: a raw value as YAML gave it (or `Coerced`, a scalar YAML could not build) and its key path.
Out: the converted value, or ValueError (`OutOfRangeError` with its own hint); `hint_for` gives
the hint for any other refusal.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from brief import schema
from brief.dates import DATE_HINT, PartialDate, parse_partial_date, parse_period
from brief.read.load import Coerced, KeyPath

ID = re.compile(schema.ID_PATTERN)
_YAML_KIND = {bool: "a yes/no value", int: "a number", float: "a number", dt.date: "a date"}
#: The longest value of a one-line field (title, name, id, quote...). Longer text is a mistake or an
#: attack on layout time (a 1 MB title takes the EPUB cover most of a minute): it is refused.
MAX_LINE_CHARS = 2_000
#: A figure's value must be smaller than this in size. No reported count or amount comes near it
#: (people on Earth: 8·10⁹; the world's yearly output in US dollars: about 10¹⁴), every whole
#: number below it is exact as a float (up to 2⁵³ ≈ 9·10¹⁵), so the printed figure is the one
#: written; beyond, formatting failed (Babel, from 10²⁵) and huge integers overflowed float().
MAX_FIGURE_VALUE = 10**15


class OutOfRangeError(ValueError):
    """A value of the right kind but beyond what a brief may hold; says what to write instead."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def describe(value: object) -> str:
    """Return how a message names a value YAML read: "yes/no/true/false/on/off, which YAML reads
    as a yes/no value", "a list", "nothing"."""
    if isinstance(value, Coerced) and value.kind == "number":
        return f"{value.text}, which YAML 1.2 reads as a number"
    if isinstance(value, Coerced):
        return f"'{value.text}', which YAML reads as an impossible {value.kind}"
    kind = next((name for typ, name in _YAML_KIND.items() if isinstance(value, typ)), None)
    if kind:
        return f"{_yaml_text(value)}, which YAML reads as {kind}"
    if isinstance(value, dict):
        return "a mapping of keys"
    if isinstance(value, list):
        return "a list"
    return "nothing" if value is None else "text"


def _yaml_text(value: object) -> str:
    """Return a value as the author may have written it."""
    if isinstance(value, bool):
        return "yes/no/true/false/on/off"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def hint_for(written: object, raw: object, kind: str) -> str:
    """Return what to write instead of a value refused as `kind` ("" when nothing useful)."""
    if isinstance(raw, bool | int | float | dt.date | Coerced) and kind in (
        "str",
        "id",
        "url",
        "text",
    ):
        return f'put the value in quotes: "{written}"'
    values = raw.values() if isinstance(raw, dict) else [raw]  # map[str]: theme colours
    too_long = any(isinstance(value, str) and len(value) > MAX_LINE_CHARS for value in values)
    if too_long and kind in ("str", "id", "url", "map[str]"):
        return "shorten it: long text belongs in `summary` or `key_points`"
    if kind == "id" and isinstance(raw, str):
        return "use lowercase letters, digits, - and _" + _slug_example(raw)
    if kind == "url":
        return "write a full web address such as https://example.org/page"
    if kind == "int":
        return "write the number without quotes, e.g. 1"
    if kind in ("number", "amount") and not isinstance(raw, str):
        return "write a finite number such as 5791"
    if kind in ("number", "amount") and isinstance(raw, str):
        return (
            "write the number without separators or words, e.g. 5791; put wording in `as_reported`"
        )
    if kind in ("date", "period"):
        return DATE_HINT
    return ""


def to_str(raw: object, at: KeyPath) -> str:
    """One line of text, stripped, at most `MAX_LINE_CHARS` long."""
    text = to_any_length_str(raw)
    if len(text) > MAX_LINE_CHARS:
        raise ValueError(
            f"{len(text):,} characters is too long for this field (at most {MAX_LINE_CHARS:,})"
        )
    return text


def to_any_length_str(raw: object) -> str:
    """Text of any length, stripped."""
    if not isinstance(raw, str):
        raise ValueError(f"expected text, got {describe(raw)}")
    return raw.strip()


def to_id(raw: object, at: KeyPath) -> str:
    """An id: lowercase letters, digits, - and _."""
    text = to_str(raw, at)
    if not ID.match(text):
        raise ValueError(f"'{text}' is not an id")
    return text


def _slug_example(text: str) -> str:
    """Return `, such as 'an-id'` made from text that is not an id, or "" if none can be made."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9_-]+", "-", plain).strip("-_")[:80]
    return f", such as '{slug}'" if ID.match(slug) else ""


def to_url(raw: object, at: KeyPath) -> str:
    """A web address starting with http:// or https://."""
    text = to_str(raw, at)
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", text):
        raise ValueError(f"'{text}' is not a web address starting with https://")
    return text


def to_date(raw: object, at: KeyPath) -> PartialDate:
    """A date, as precise as written: 2024, 2024-03 or 2024-03-05."""
    if isinstance(raw, Coerced):
        return parse_partial_date(raw.text)
    return parse_partial_date(raw)


def to_period(raw: object, at: KeyPath) -> tuple[tuple[PartialDate, PartialDate], str]:
    """A period (its first and last dates) and the period as written."""
    text = raw.text if isinstance(raw, Coerced) else raw
    text = text.isoformat() if isinstance(text, dt.date) else text
    return parse_period(text), str(text)


def to_number(raw: object, at: KeyPath) -> float:
    if isinstance(raw, Coerced) and raw.kind == "number":  # `1e3`, as YAML 1.2 reads it
        raw = int(raw.text, 0) if raw.text.startswith("0o") else float(raw.text)
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise ValueError(f"expected a number, got {describe(raw)}")
    if raw != raw or raw in (float("inf"), float("-inf")):
        raise ValueError("expected a finite number")
    if not -MAX_FIGURE_VALUE < raw < MAX_FIGURE_VALUE:
        raise OutOfRangeError(
            f"the number is out of range: a figure's value must be smaller than "
            f"{MAX_FIGURE_VALUE:,} (10^15) in size",
            "no reported figure is that large: check the number, or count in a larger unit "
            "(3.2 with `unit: billion people`)",
        )
    return raw


def to_amount(raw: object, at: KeyPath) -> tuple[float, float | None]:
    """A number, or a range [low, high] of two numbers, low first."""
    if not isinstance(raw, list):
        return to_number(raw, at), None
    if len(raw) != 2:
        raise OutOfRangeError(
            f"a range needs two numbers, got {len(raw)}",
            "write the range as [low, high], e.g. [200, 999] for 'hundreds'",
        )
    low, high = (to_number(end, (*at, n)) for n, end in enumerate(raw))
    if high < low:
        raise OutOfRangeError(
            f"the range [{low:g}, {high:g}] ends below its start",
            "write the smaller number first: [low, high]",
        )
    return low, high


def to_currency(raw: object, at: KeyPath) -> str:
    """An ISO 4217 code, as Babel knows them: USD, GBP, EUR."""
    from babel import Locale

    text = to_str(raw, at)
    if text not in Locale("en").currencies:
        raise OutOfRangeError(
            f"'{text}' is not a currency code",
            "write the ISO 4217 code in capitals, e.g. USD, GBP, EUR",
        )
    return text


def to_int(raw: object, at: KeyPath) -> int:
    """A whole number (not yes/no)."""
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise ValueError(f"expected a whole number, got {describe(raw)}")
    return raw


def to_bool(raw: object, at: KeyPath) -> bool:
    """Yes or no."""
    if not isinstance(raw, bool):
        raise ValueError(f"expected true or false, got {describe(raw)}")
    return raw


def to_names(raw: object, at: KeyPath) -> tuple[str, ...]:
    """One name or a list of names (format version 1 wrote one), as a tuple."""
    names = raw if isinstance(raw, list) else [raw]
    if not names:
        raise ValueError("expected a name or a list of names, got an empty list")
    converted = tuple(to_str(name, (*at, n)) for n, name in enumerate(names))
    return tuple(dict.fromkeys(name for name in converted if name))


def to_map_str(raw: object, at: KeyPath) -> dict[str, str]:
    """A mapping of names to one line of text each (theme colours and fonts)."""
    if not isinstance(raw, dict):
        raise ValueError(f"expected a mapping of names to text, got {describe(raw)}")
    return {str(key): to_str(value, (*at, key)) for key, value in raw.items()}


#: The converter of each kind of value the schema names, "[" and "]" as "_" (`text` is the
#: checker's own: it may include a file).
CONVERTERS: dict[str, Callable[[object, KeyPath], Any]] = {
    "str": to_str,
    "id": to_id,
    "url": to_url,
    "date": to_date,
    "period": to_period,
    "number": to_number,
    "amount": to_amount,
    "currency": to_currency,
    "int": to_int,
    "bool": to_bool,
    "names": to_names,
    "map_str": to_map_str,
}
