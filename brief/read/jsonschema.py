"""JSON Schema and Markdown reference of the source format, generated from `schema.py`.

In: the schema table. Out: a JSON Schema (draft 2020-12) for YAML editors, and `docs/format.md`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from brief import schema
from brief.schema import Field

_DATE = {
    "anyOf": [
        {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
        {"type": "integer", "minimum": 1},
    ]
}
#: A whole value from a variants table's cell (brief/read/variants/): `value: "{row:rate}"`.
_ROW = {"type": "string", "pattern": r"^\s*\{row:[^{}\n]*\}\s*$"}
_SCALARS: dict[str, dict[str, Any]] = {
    "str": {"type": "string"},
    "id": {"type": "string", "pattern": schema.ID_PATTERN},
    "url": {"type": "string", "pattern": "^https?://"},
    "text": {
        "anyOf": [
            {"type": "string"},
            {
                "type": "object",
                "required": ["file"],
                "properties": {"file": {"type": "string"}},
                "additionalProperties": False,
            },
        ]
    },
    "date": _DATE,
    "period": {
        "anyOf": [
            _DATE,
            {
                "type": "string",
                "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?/"
                r"\d{4}(-\d{2}(-\d{2})?)?$",
            },
        ]
    },
    "number": {"anyOf": [{"type": "number"}, _ROW]},
    "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
    "amount": {
        "oneOf": [
            {"type": "number"},
            _ROW,
            {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2},
        ]
    },
    "int": {"type": "integer"},
    "bool": {"type": "boolean"},
    "map[str]": {"type": "object", "additionalProperties": {"type": "string"}},
    "names": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
}


def _field(spec: Field) -> dict[str, Any]:
    if spec.kind == "object":
        node = _object(spec.fields)
    elif spec.kind.startswith("list["):
        inner = Field(spec.kind[5:-1], spec.doc, fields=spec.fields, choices=spec.choices)
        node = {"type": "array", "items": _field(inner)}
    else:
        node = dict(_SCALARS[spec.kind])
    if spec.choices and not spec.kind.startswith("list["):
        node = {"enum": list(spec.choices)}
    node["description"] = spec.doc
    return node


def _object(fields: Mapping[str, Field]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {name: _field(spec) for name, spec in fields.items()},
        "required": [name for name, spec in fields.items() if spec.required],
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema of the source format."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://brief.invalid/schema/brief-1.json",
        "title": "brief source, format version 1",
        **_object(schema.BRIEF),
    }


def format_reference() -> str:
    """Return docs/format.md: every key with its kind, whether required, and its doc."""
    lines = [
        "# Source format, version 1",
        "",
        "Generated from `brief/schema.py` by `python -m brief.read.jsonschema`; do not edit.",
        "",
    ]

    def table(title: str, fields: Mapping[str, Field]) -> None:
        lines.extend(
            [f"## {title}", "", "| key | kind | required | meaning |", "|---|---|---|---|"]
        )
        nested = []
        for name, spec in fields.items():
            choices = f" ({', '.join(spec.choices)})" if spec.choices else ""
            lines.append(
                f"| `{name}` | {spec.kind} | {'yes' if spec.required else ''} | "
                f"{spec.doc}{choices} |"
            )
            if spec.fields:
                nested.append((f"{title} › {name}", spec.fields))
        lines.append("")
        for sub_title, sub_fields in nested:
            table(sub_title, sub_fields)

    table("brief.yaml", schema.BRIEF)
    return "\n".join(lines)


if __name__ == "__main__":
    from pathlib import Path

    Path("docs/format.md").write_text(format_reference() + "\n", encoding="utf-8")
