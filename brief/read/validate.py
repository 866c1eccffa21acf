"""Validate stage: plain data + positions → a `Brief`, or a BriefError carrying every B-code found.

In: `load.Source`. Out: `model.Brief`. Like a compiler, it collects all problems before stopping:
B2xx schema (unknown key, missing field, wrong type, bad choice or date), B3xx references.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from brief import model, schema
from brief.dates import DATE_HINT, PartialDate, parse_partial_date, parse_period
from brief.errors import BriefError, Diagnostic, Location, error, sort_key
from brief.read.files import output_name as output_file_name
from brief.read.load import Coerced, KeyPath, Source
from brief.read.references import check_dates, check_references
from brief.schema import Field

_ID = re.compile(schema.ID_PATTERN)
_YAML_KIND = {bool: "a yes/no value", int: "a number", float: "a number", dt.date: "a date"}
#: The longest value of a one-line field (title, name, id, quote...). Longer text is a mistake or an
#: attack on layout time (a 1 MB title takes the EPUB cover most of a minute): it is refused.
MAX_LINE_CHARS = 2_000
#: A figure's value must be smaller than this in size. No reported count or amount comes near it
#: (people on Earth: 8·10⁹; the world's yearly output in US dollars: about 10¹⁴), every whole
#: number below it is exact as a float (up to 2⁵³ ≈ 9·10¹⁵), so the printed figure is the one
#: written; beyond, formatting failed (Babel, from 10²⁵) and huge integers overflowed float().
MAX_FIGURE_VALUE = 10**15


def validate(source: Source) -> model.Brief:
    """Check a loaded source against the schema and its references; return the Brief."""
    checker = _Checker(source)
    values = checker.fields(source.data, schema.BRIEF, ())
    problems = checker.problems
    if values.get("brief") not in (None, schema.FORMAT_VERSION):
        problems.append(
            error(
                "B208",
                f"unknown format version {values['brief']}",
                source.where.locate("brief"),
                "this version of brief reads `brief: 1`",
            )
        )
    if problems:
        raise BriefError(sorted(problems, key=sort_key))
    brief = build_brief(source, values)
    problems = list(check_references(brief)) + list(check_dates(brief))
    if problems:
        raise BriefError(sorted(problems, key=sort_key))
    return brief


def item_name(node: object, at: KeyPath) -> str:
    """Return how a message names the mapping at `at`: `meta`, "figures item 'gift'" by its id,
    or "sources item 2" by its position counted from one when it has no usable id."""
    if not at:
        return "the brief"
    if not isinstance(at[-1], int):
        return ".".join(str(part) for part in at)
    within = ".".join(str(part) for part in at[:-1])
    given = node.get("id") if isinstance(node, dict) else None
    if isinstance(given, str) and _ID.match(given.strip()) and len(given) <= 80:
        return f"{within} item '{given.strip()}'"
    return f"{within} item {at[-1] + 1}"


class _OutOfRangeError(ValueError):
    """A value of the right kind but beyond what a brief may hold; says what to write instead."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def _slug_example(text: str) -> str:
    """Return `, such as 'an-id'` made from text that is not an id, or "" if none can be made."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9_-]+", "-", plain).strip("-_")[:80]
    return f", such as '{slug}'" if _ID.match(slug) else ""


def _describe(value: object) -> str:
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
    if isinstance(value, bool):
        return "yes/no/true/false/on/off"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class _Checker:
    """Walks the data along the schema, converting values and collecting diagnostics."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.where = source.where
        self.problems: list[Diagnostic] = []

    def fail(self, code: str, message: str, at: KeyPath, hint: str = "", key: bool = False) -> None:
        location = self.where.locate_key(*at) if key else self.where.locate(*at)
        self.problems.append(error(code, message, location, hint))

    def fields(self, node: object, fields: Mapping[str, Field], at: KeyPath) -> dict[str, Any]:
        """Check a mapping against `fields`; return converted values for the keys present."""
        name = item_name(node, at)
        if not isinstance(node, dict):
            self.fail("B203", f"{name} must be a mapping of keys, not {_describe(node)}", at)
            return {}
        for key in sorted(node.keys() - fields.keys()):
            guess = difflib.get_close_matches(key, list(fields), n=1)
            hint = f"did you mean '{guess[0]}'?" if guess else "allowed: " + ", ".join(fields)
            self.fail("B201", f"unknown key '{key}' in {name}", (*at, key), hint, key=True)
        values: dict[str, Any] = {}
        for key, spec in fields.items():
            if node.get(key) is None:
                if spec.required and key in node:
                    self.fail(
                        "B202",
                        f"{name} has '{key}' but it is empty",
                        (*at, key),
                        f"write a value after `{key}:` ({spec.doc})",
                    )
                elif spec.required:
                    self.fail(
                        "B202", f"{name} needs '{key}': {spec.doc}", at, f"add `{key}:` to {name}"
                    )
                continue
            converted = self.value(node[key], spec, (*at, key))
            if converted is not None:
                values[key] = converted
        return values

    def value(self, raw: object, spec: Field, at: KeyPath) -> Any:
        """Convert one value of kind `spec.kind`, or record why it cannot be."""
        kind, field_name = spec.kind, self.field_name(at)
        if kind == "object":
            return self.fields(raw, spec.fields, at)
        if kind.startswith("list["):
            if not isinstance(raw, list):
                self.fail(
                    "B203",
                    f"{field_name} must be a list, not {_describe(raw)}",
                    at,
                    "write one item per line, each starting with `- `",
                )
                return None
            item_spec = Field(kind[5:-1], spec.doc, fields=spec.fields, choices=spec.choices)
            items = [self.value(item, item_spec, (*at, index)) for index, item in enumerate(raw)]
            return [item for item in items if item is not None]
        converter = getattr(self, "to_" + kind.replace("[", "_").replace("]", ""))
        try:
            converted = converter(raw, at)
        except ValueError as caught:
            code = "B205" if kind in ("date", "period") else "B203"
            self.fail(
                code,
                f"{field_name}: {caught}",
                at,
                getattr(caught, "hint", "")
                or self.hint_for(self.where.written.get(at, raw), raw, kind),
            )
            return None
        if spec.choices and converted not in spec.choices:
            guess = difflib.get_close_matches(str(converted), spec.choices, n=1)
            hint = (
                f"did you mean '{guess[0]}'?"
                if guess
                else "choose one of: " + ", ".join(spec.choices)
            )
            self.fail("B204", f"{field_name} cannot be '{converted}'", at, hint)
            return None
        return converted

    def field_name(self, at: KeyPath) -> str:
        """Return how a message names the value at `at`: its key, after the item that holds it
        ("figures item 'gift': 'value'"; "sources item 2: 'title'"), or its key alone."""
        key = f"'{at[-1]}'" if len(at) < 2 or not isinstance(at[-1], int) else f"'{at[-2]}'"
        nodes: list[Any] = [self.source.data]
        for part in at[:-1]:
            try:
                nodes.append(nodes[-1][part])
            except (KeyError, IndexError, TypeError):
                return key
        for depth in range(len(at) - 1, 0, -1):  # the innermost list item that is a mapping
            if isinstance(at[depth - 1], int) or not isinstance(at[depth], int):
                continue
            if depth + 1 < len(nodes) and isinstance(nodes[depth + 1], dict):
                return f"{item_name(nodes[depth + 1], at[: depth + 1])}: {key}"
        return key

    @staticmethod
    def hint_for(written: object, raw: object, kind: str) -> str:
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
                "write the number without separators or words, e.g. 5791; put wording in "
                "`as_reported`"
            )
        if kind in ("date", "period"):
            return DATE_HINT
        return ""

    def to_str(self, raw: object, at: KeyPath) -> str:
        text = self.to_any_length_str(raw)
        if len(text) > MAX_LINE_CHARS:
            raise ValueError(
                f"{len(text):,} characters is too long for this field (at most {MAX_LINE_CHARS:,})"
            )
        return text

    @staticmethod
    def to_any_length_str(raw: object) -> str:
        if not isinstance(raw, str):
            raise ValueError(f"expected text, got {_describe(raw)}")
        return raw.strip()

    def to_id(self, raw: object, at: KeyPath) -> str:
        text = self.to_str(raw, at)
        if not _ID.match(text):
            raise ValueError(f"'{text}' is not an id")
        return text

    def to_url(self, raw: object, at: KeyPath) -> str:
        text = self.to_str(raw, at)
        if not re.match(r"^https?://[^\s/$.?#][^\s]*$", text):
            raise ValueError(f"'{text}' is not a web address starting with https://")
        return text

    def to_text(self, raw: object, at: KeyPath) -> model.Text:
        if isinstance(raw, dict):
            values = self.fields(raw, {"file": Field("str", "a Markdown file", required=True)}, at)
            name = values.get("file")
            if name is None or name not in self.source.files:
                raise ValueError("the included file could not be read")
            from brief.read.load import display_path

            path = display_path(self.source.folder / name)
            return model.Text(self.source.files[name], Location(path, 1, 1))
        text = self.to_any_length_str(raw)
        return model.Text(
            text, self.where.locate(*at), self.where.block.get(at, False), self.where.spans.get(at)
        )

    def to_date(self, raw: object, at: KeyPath) -> PartialDate:
        if isinstance(raw, Coerced):
            return parse_partial_date(raw.text)
        return parse_partial_date(raw)

    def to_period(self, raw: object, at: KeyPath) -> tuple[tuple[PartialDate, PartialDate], str]:
        text = raw.text if isinstance(raw, Coerced) else raw
        text = text.isoformat() if isinstance(text, dt.date) else text
        return parse_period(text), str(text)

    def to_number(self, raw: object, at: KeyPath) -> float:
        if isinstance(raw, Coerced) and raw.kind == "number":  # `1e3`, as YAML 1.2 reads it
            raw = int(raw.text, 0) if raw.text.startswith("0o") else float(raw.text)
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise ValueError(f"expected a number, got {_describe(raw)}")
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise ValueError("expected a finite number")
        if not -MAX_FIGURE_VALUE < raw < MAX_FIGURE_VALUE:
            raise _OutOfRangeError(
                f"the number is out of range: a figure's value must be smaller than "
                f"{MAX_FIGURE_VALUE:,} (10^15) in size",
                "no reported figure is that large: check the number, or count in a larger unit "
                "(3.2 with `unit: billion people`)",
            )
        return raw

    def to_amount(self, raw: object, at: KeyPath) -> tuple[float, float | None]:
        """A number, or a range [low, high] of two numbers, low first."""
        if not isinstance(raw, list):
            return self.to_number(raw, at), None
        if len(raw) != 2:
            raise _OutOfRangeError(
                f"a range needs two numbers, got {len(raw)}",
                "write the range as [low, high], e.g. [200, 999] for 'hundreds'",
            )
        low, high = (self.to_number(end, (*at, n)) for n, end in enumerate(raw))
        if high < low:
            raise _OutOfRangeError(
                f"the range [{low:g}, {high:g}] ends below its start",
                "write the smaller number first: [low, high]",
            )
        return low, high

    def to_currency(self, raw: object, at: KeyPath) -> str:
        """An ISO 4217 code, as Babel knows them: USD, GBP, EUR."""
        from babel import Locale

        text = self.to_str(raw, at)
        if text not in Locale("en").currencies:
            raise _OutOfRangeError(
                f"'{text}' is not a currency code",
                "write the ISO 4217 code in capitals, e.g. USD, GBP, EUR",
            )
        return text

    def to_int(self, raw: object, at: KeyPath) -> int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ValueError(f"expected a whole number, got {_describe(raw)}")
        return raw

    def to_bool(self, raw: object, at: KeyPath) -> bool:
        if not isinstance(raw, bool):
            raise ValueError(f"expected true or false, got {_describe(raw)}")
        return raw

    def to_names(self, raw: object, at: KeyPath) -> tuple[str, ...]:
        """One name or a list of names (format version 1 wrote one), as a tuple."""
        names = raw if isinstance(raw, list) else [raw]
        if not names:
            raise ValueError("expected a name or a list of names, got an empty list")
        converted = tuple(self.to_str(name, (*at, n)) for n, name in enumerate(names))
        return tuple(dict.fromkeys(name for name in converted if name))

    def to_map_str(self, raw: object, at: KeyPath) -> dict[str, str]:
        if not isinstance(raw, dict):
            raise ValueError(f"expected a mapping of names to text, got {_describe(raw)}")
        return {str(key): self.to_str(value, (*at, key)) for key, value in raw.items()}


def _where(source: Source, at: KeyPath, item: Mapping[str, Any]) -> dict[str, Location]:
    return {key: source.where.locate(*at, key) for key in item}


def _items(source: Source, values: Mapping[str, Any], key: str) -> list[tuple[KeyPath, dict]]:
    raw = source.data.get(key) or []
    converted = values.get(key) or []
    return [((key, index), item) for index, item in enumerate(converted) if index < len(raw)]


def output_name(source: Source) -> str:
    """Return the name of the outputs (`files.output_name`)."""
    return output_file_name(source.file)


def build_brief(source: Source, values: dict[str, Any]) -> model.Brief:
    """Build the frozen model from converted values (called only when the schema is satisfied)."""
    theme = values.get("theme") or {}
    return model.Brief(
        folder=source.folder,
        name=output_name(source),
        path=source.display,
        meta=_meta(values["meta"]),
        summary=values.get("summary"),
        key_points=tuple(values.get("key_points", ())),
        figures=_make(source, values, model.Figure, "figures", **_FIGURE_FIELDS),
        claims=_make(source, values, model.Claim, "claims"),
        timeline=_make(source, values, model.Event, "timeline"),
        people=_make(source, values, model.Person, "people", **_PERSON_FIELDS),
        quotes=_make(source, values, model.Quote, "quotes"),
        caveats=_caveats(source, values),
        sources=_make(source, values, model.Source, "sources"),
        pictures=_make(source, values, model.Picture, "images"),
        theme=model.Theme(
            theme.get("name", "default"), theme.get("colors", {}), theme.get("fonts", {})
        ),
        contact=model.Contact(**values["contact"]) if values.get("contact") else None,
        texts=dict(source.files),
        source_yaml=source.raw,
        images=dict(source.images),
        font_files=dict(source.fonts),
        where={
            ".".join(map(str, at)): location
            for at, location in source.where.values.items()
            if len(at) <= 3 and all(isinstance(part, str) for part in at)
        },
    )


def _meta(values: dict[str, Any]) -> model.Meta:
    meta = dict(values)
    organization = meta.pop("organization", None)
    revisions = tuple(model.Revision(**item) for item in meta.pop("revisions", []))
    for key in ("about", "authors"):
        meta[key] = tuple(meta.get(key, ()))
    meta["paper"] = model.Paper(meta.get("paper", "a4"))
    meta["layout"] = model.Layout(meta.get("layout", "handout"))
    return model.Meta(
        **meta,
        organization=model.Organization(**organization) if organization else None,
        revisions=revisions,
    )


def _make(
    source: Source, values: dict[str, Any], kind: type, key: str, **extra: Any
) -> tuple[Any, ...]:
    """Build one item of `kind` per entry of `values[key]`, with the fields `extra` converts."""
    made = []
    for at, item in _items(source, values, key):
        fields = {**item, **{name: convert(item) for name, convert in extra.items()}}
        fields = {name: value for name, value in fields.items() if value is not None}
        made.append(
            kind(location=source.where.locate(*at), where=_where(source, at, item), **fields)
        )
    return tuple(made)


def _qualifier(item: dict[str, Any]) -> model.Qualifier:
    written = item.get("qualifier", "exact")
    return model.Qualifier(schema.QUALIFIER_ALIASES.get(written, written))


#: How a figure's fields are made from its converted values.
_FIGURE_FIELDS: dict[str, Any] = {
    "value": lambda item: item["value"][0],
    "high": lambda item: item["value"][1],
    "from": lambda item: None,
    "from_value": lambda item: item.get("from"),
    "also": lambda item: tuple(model.Conversion(**also) for also in item.get("also", ())),
    "qualifier": _qualifier,
    "period": lambda item: item["period"][0] if "period" in item else None,
    "period_text": lambda item: item["period"][1] if "period" in item else None,
    "hedges": lambda item: tuple(item.get("hedges", ())),
}
#: How a people entry's fields are made (speakers and claimants, issue 12).
_PERSON_FIELDS: dict[str, Any] = {
    "aliases": lambda item: tuple(item.get("aliases", ())),
}


def _caveats(source: Source, values: dict[str, Any]) -> tuple[model.Caveat, ...]:
    caveats = []
    for index, (at, item) in enumerate(_items(source, values, "caveats")):
        listed = {
            f"{key}.{n}": source.where.locate(*at, key, n)
            for key in ("about", "covers")
            for n in range(len(item.get(key, ())))
        }
        caveats.append(
            model.Caveat(
                id=f"caveat-{index + 1}",
                location=source.where.locate(*at),
                where={**_where(source, at, item), **listed},
                text=item["text"],
                about=tuple(item.get("about", ())),
                severity=item.get("severity", "note"),
                covers=tuple(item.get("covers", ())),
            )
        )
    return tuple(caveats)
