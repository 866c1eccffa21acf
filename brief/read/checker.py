"""Walk a brief's plain data along the schema: refuse unknown keys (B201, with a guess), missing
or empty fields (B202), values of the wrong kind (B203), choices not offered (B204) and bad dates
(B205), converting every other value (`convert`); all problems are collected before stopping.

In: a loaded `Source`. Out: `Checker.fields`: the converted values of the keys present, and
`Checker.problems`: every diagnostic found on the way.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from brief import model
from brief.errors import Diagnostic, Location, error
from brief.read.convert import CONVERTERS, ID, describe, hint_for, to_any_length_str
from brief.read.load import KeyPath, Source
from brief.schema import Field


def item_name(node: object, at: KeyPath) -> str:
    """Return how a message names the mapping at `at`: `meta`, "figures item 'gift'" by its id,
    or "sources item 2" by its position counted from one when it has no usable id."""
    if not at:
        return "the brief"
    if not isinstance(at[-1], int):
        return ".".join(str(part) for part in at)
    within = ".".join(str(part) for part in at[:-1])
    given = node.get("id") if isinstance(node, dict) else None
    if isinstance(given, str) and ID.match(given.strip()) and len(given) <= 80:
        return f"{within} item '{given.strip()}'"
    return f"{within} item {at[-1] + 1}"


class Checker:
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
            self.fail("B203", f"{name} must be a mapping of keys, not {describe(node)}", at)
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
                    f"{field_name} must be a list, not {describe(raw)}",
                    at,
                    "write one item per line, each starting with `- `",
                )
                return None
            item_spec = Field(kind[5:-1], spec.doc, fields=spec.fields, choices=spec.choices)
            items = [self.value(item, item_spec, (*at, index)) for index, item in enumerate(raw)]
            return [item for item in items if item is not None]
        name = kind.replace("[", "_").replace("]", "")
        converter = self.to_text if kind == "text" else CONVERTERS[name]
        try:
            converted = converter(raw, at)
        except ValueError as caught:
            code = "B205" if kind in ("date", "period") else "B203"
            self.fail(
                code,
                f"{field_name}: {caught}",
                at,
                getattr(caught, "hint", "") or hint_for(self.where.written.get(at, raw), raw, kind),
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

    def to_text(self, raw: object, at: KeyPath) -> model.Text:
        """Text in the brief, or `{file: NAME}`: a Markdown file the loader read, located in it."""
        if isinstance(raw, dict):
            values = self.fields(raw, {"file": Field("str", "a Markdown file", required=True)}, at)
            name = values.get("file")
            if name is None or name not in self.source.files:
                raise ValueError("the included file could not be read")
            from brief.read.load import display_path

            path = display_path(self.source.folder / name)
            return model.Text(self.source.files[name], Location(path, 1, 1))
        text = to_any_length_str(raw)
        return model.Text(
            text, self.where.locate(*at), self.where.block.get(at, False), self.where.spans.get(at)
        )
