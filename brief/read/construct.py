"""Build the frozen model (`model.Brief`) from the values the checker converted: figures with
their ranges, qualifiers and periods, people, caveats numbered in order, every item located.

In: a loaded `Source` and its converted values (called only when the schema is satisfied). Out:
the `model.Brief`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from brief import model, schema
from brief.errors import Location
from brief.read.files import output_name as output_file_name
from brief.read.load import KeyPath, Source


def _where(source: Source, at: KeyPath, item: Mapping[str, Any]) -> dict[str, Location]:
    """Return where each key of an item is written."""
    return {key: source.where.locate(*at, key) for key in item}


def _items(source: Source, values: Mapping[str, Any], key: str) -> list[tuple[KeyPath, dict]]:
    """Return the converted items of a list with their key paths (items refused are left out)."""
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
    """Return the `meta` block as the model holds it."""
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
    """Return a figure's qualifier, an alias ("over", "approximately") read as its name."""
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
    """Return the author's caveats, numbered in order, each list entry located."""
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
