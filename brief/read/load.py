"""Load stage: read a brief's YAML safely into plain data with a position for every node.

In: a path (a brief's folder or a .yaml file). Out: `Source` (plain data, a `SourceMap`, and the
text of every local file the brief includes). Reads only inside the brief's folder; never runs
code: YAML tags, anchors and aliases are refused, duplicate keys are errors, and size and depth are
capped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from brief.errors import BriefError, Location, error
from brief.model import FontFile, ImageFile
from brief.read.files import (
    CONTROL,
    MAX_INCLUDE_BYTES,
    decode_utf8,
    display_path,
    read_capped,
    read_includes,
    resolve_inside,
)
from brief.read.fonts import read_fonts
from brief.read.images import read_images
from brief.read.positions import Coerced, KeyPath, SourceMap

__all__ = [
    "MAX_INCLUDE_BYTES",
    "Coerced",
    "KeyPath",
    "Source",
    "SourceMap",
    "load",
    "resolve_inside",
]

MAX_SOURCE_BYTES = 2_000_000
MAX_DEPTH = 64

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_RESOLVER = yaml.resolver.Resolver()
#: Plain scalars that libyaml (YAML 1.1) keeps as text but YAML 1.2, which editors and most other
#: tools read, takes for numbers: `1e3`, `1.5E-2`, `0o17`. Given where text is meant they are
#: errors like `no` (design.md §2), so that no two readers of one source disagree.
_YAML12_NUMBER = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$"
)
_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Source:
    """A brief as read from disk: plain data, positions, and included files' text by path."""

    folder: Path
    file: Path
    display: str
    data: dict[str, Any]
    where: SourceMap
    files: dict[str, str] = field(default_factory=dict)
    raw: bytes = b""
    images: dict[str, ImageFile] = field(default_factory=dict)
    fonts: dict[str, FontFile] = field(default_factory=dict)


def find_source_file(path: Path) -> Path:
    """Return the YAML file of a brief given its folder or the file itself."""
    if path.is_dir():
        return path / "brief.yaml"
    return path


def load(path: Path | str) -> Source:
    """Read a brief's YAML and its included files, or raise BriefError with every problem found."""
    file = find_source_file(Path(path))
    display = display_path(file)
    if not _stays_inside(file):
        raise BriefError(
            [
                error(
                    "B401",
                    f"{file.name} leads outside its folder (through a symbolic link)",
                    Location(str(Path(display_path(file.parent)) / file.name), 1, 1),
                    "copy the file into the brief's folder",
                )
            ]
        )
    raw = read_capped(file, MAX_SOURCE_BYTES, Location(display, 1, 1), code_missing="B100")
    text = decode_utf8(raw, display)
    where = SourceMap(display)
    data = compose_plain(text, where)
    if not isinstance(data, dict):
        raise BriefError(
            [
                error(
                    "B107",
                    "a brief must be a mapping of keys such as `brief:` and `meta:`",
                    where.values.get((), Location(display, 1, 1)),
                    "start from `brief new NAME`",
                )
            ]
        )
    folder = file.parent
    files, problems = read_includes(data, where, folder)
    images, image_problems = read_images(data, where, folder)
    fonts, font_problems = read_fonts(data, where, folder)
    if problems or image_problems or font_problems:
        raise BriefError([*problems, *image_problems, *font_problems])
    return Source(folder, file, display, data, where, files, raw, images, fonts)


def _too_deep(at: Location) -> BriefError:
    return BriefError(
        [error("B106", f"nesting deeper than {MAX_DEPTH} levels", at, "flatten the structure")]
    )


def _mark(where: SourceMap, mark: Any) -> Location:
    return Location(where.path, mark.line + 1, mark.column + 1)


def _stays_inside(file: Path) -> bool:
    """Return whether `file` resolves inside its own folder (False for a loop of links too)."""
    try:
        return file.resolve().is_relative_to(file.parent.resolve())
    except (RuntimeError, OSError):
        return False


def compose_plain(text: str, where: SourceMap) -> Any:
    """Parse YAML events into plain data, recording positions and refusing unsafe constructs."""
    try:
        events = yaml.parse(text, Loader=_Parser)
        return _Builder(where, events).document()
    except yaml.MarkedYAMLError as caught:
        mark = caught.problem_mark or caught.context_mark
        problem = caught.problem or caught.context or "invalid YAML"
        if "end of stream" in problem and caught.context_mark:
            mark, problem = caught.context_mark, f"{caught.context}: {problem}"
        at = _mark(where, mark) if mark else Location(where.path, 1, 1)
        if "nesting depth" in problem and mark:
            raise _too_deep(_where_too_deep(text[: mark.index], where) or at) from None
        tab = mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t"
        hint = (
            "tabs cannot indent YAML: use spaces"
            if tab
            else ("check the indentation and the quotes on this line")
        )
        raise BriefError([error("B101", f"YAML syntax: {problem}", at, hint)]) from None
    except yaml.YAMLError as caught:
        raise BriefError(
            [error("B101", f"YAML syntax: {caught}", Location(where.path, 1, 1))]
        ) from None


def _where_too_deep(text: str, where: SourceMap) -> Location | None:
    """Return where nesting passes MAX_DEPTH in `text`, cut where libyaml gave up at its own limit.

    libyaml scans a run of `[` or `{` ahead of its events, so it stops first, far past our limit.
    """
    try:
        _Builder(SourceMap(where.path), yaml.parse(text, Loader=_Parser)).document()
    except BriefError as caught:
        deepest = caught.diagnostics[0]
        return deepest.location if deepest.code == "B106" else None
    except yaml.YAMLError:
        return None
    return None


class _Builder:
    """Turn a YAML event stream into dicts, lists and scalars; refuse tags, aliases, duplicates."""

    def __init__(self, where: SourceMap, events: Iterator[Any]) -> None:
        self.where = where
        self.events = events

    def document(self) -> Any:
        value: Any = None
        for event in self.events:
            if isinstance(event, yaml.DocumentStartEvent):
                value = self.node(next(self.events), (), 0)
            elif isinstance(event, yaml.DocumentEndEvent):
                following = next(self.events)
                if not isinstance(following, yaml.StreamEndEvent):
                    at = _mark(self.where, following.start_mark)
                    raise BriefError(
                        [
                            error(
                                "B101",
                                "only one YAML document is allowed",
                                at,
                                "remove the `---` line",
                            )
                        ]
                    )
                return value
        return value

    def node(self, event: Any, path: KeyPath, depth: int) -> Any:
        at = self.check(event, depth)
        self.where.values[path] = at
        if isinstance(event, yaml.ScalarEvent):
            self.where.block[path] = event.style in ("|", ">")
            self.where.written[path] = event.value
            start, end = event.start_mark, event.end_mark  # libyaml always gives marks
            self.where.spans[path] = (start.index if start else 0, end.index if end else 0)
            return self.scalar(event, at)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            for item_event in self.events:
                if isinstance(item_event, yaml.SequenceEndEvent):
                    return items
                items.append(self.node(item_event, (*path, len(items)), depth + 1))
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(path, depth)
        raise BriefError([error("B101", "unexpected YAML structure", at)])

    def check(self, event: Any, depth: int) -> Location:
        """Refuse what a brief never needs: deep nesting, anchors, aliases and tags."""
        at = _mark(self.where, event.start_mark)
        if depth > MAX_DEPTH:
            raise _too_deep(at)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise BriefError(
                [
                    error(
                        "B103",
                        "YAML anchors and aliases (& and *) are not allowed",
                        at,
                        "write the value out in full",
                    )
                ]
            )
        tag = getattr(event, "tag", None)
        if tag and tag not in ("!", *_PLAIN_TAGS):
            raise BriefError(
                [
                    error(
                        "B102",
                        f"YAML tag '{tag}' is not allowed",
                        at,
                        "remove the tag: values are plain text, numbers and dates",
                    )
                ]
            )
        return at

    def mapping(self, path: KeyPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_event in self.events:
            if isinstance(key_event, yaml.MappingEndEvent):
                return result
            at = self.check(key_event, depth + 1)
            if not isinstance(key_event, yaml.ScalarEvent):
                raise BriefError(
                    [error("B101", "a key must be plain text", at, "write the key as a word")]
                )
            key = self.scalar(key_event, at)
            key = key.isoformat() if isinstance(key, dt.date) else str(key)
            if key in result:
                first = self.where.keys[(*path, key)]
                raise BriefError(
                    [
                        error(
                            "B104",
                            f"duplicate key '{key}' (first at line {first.line})",
                            at,
                            "keep one of the two",
                        )
                    ]
                )
            self.where.keys[(*path, key)] = at
            result[key] = self.node(next(self.events), (*path, key), depth + 1)
        return result

    def scalar(self, event: Any, at: Location) -> Any:
        found = CONTROL.search(event.value)
        if found:  # only an escape (`"\e"`, `"\x07"`) can write one: the file itself is checked
            raise BriefError(
                [
                    error(
                        "B105",
                        f"a value holds the control character U+{ord(found[0]):04X}",
                        at,
                        "remove the escape sequence (such as \\e, \\a or \\x1b): "
                        "a brief holds printable text only",
                    )
                ]
            )
        if event.style or event.tag == "tag:yaml.org,2002:str" or event.implicit == (False, False):
            return event.value  # quoted, block or explicitly a string
        tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
        constructor = yaml.SafeLoader.yaml_constructors.get(tag)
        if tag == "tag:yaml.org,2002:str" and _YAML12_NUMBER.match(event.value):
            return Coerced(event.value, "number")  # `1e3`: text here, 1000 to YAML 1.2 readers
        if tag == "tag:yaml.org,2002:str" or constructor is None:
            return event.value
        try:
            return constructor(yaml.SafeLoader(""), yaml.ScalarNode(tag, event.value))
        except (ValueError, yaml.YAMLError):
            if tag == "tag:yaml.org,2002:timestamp":
                return Coerced(event.value, "date")
            return event.value
