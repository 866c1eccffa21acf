"""Where each value of a source came from: the positions the load stage records for every later
stage's diagnostics (`file:line:col`).

In: nothing (data definitions). Out: `SourceMap` (key path -> location of the key and the value),
`KeyPath`, and `Coerced` (a scalar YAML would read as something other than text).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from brief.errors import Location

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class SourceMap:
    """Where each node of the YAML came from: key path -> location of the key and of its value."""

    path: str
    keys: dict[KeyPath, Location] = field(default_factory=dict)
    values: dict[KeyPath, Location] = field(default_factory=dict)
    block: dict[KeyPath, bool] = field(default_factory=dict)
    written: dict[KeyPath, str] = field(default_factory=dict)
    spans: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)

    def locate(self, *at: str | int) -> Location:
        """Return the location of the value at `at`, or of its nearest located parent."""
        path: KeyPath = tuple(at)
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), Location(self.path, 1, 1))

    def locate_key(self, *at: str | int) -> Location:
        """Return the location of the key at `at` (of the value for list items)."""
        return self.keys.get(tuple(at)) or self.locate(*at)


@dataclass(frozen=True)
class Coerced:
    """A plain scalar that YAML reads as something other than text but that could not be built,
    or that YAML 1.2 reads as a number where YAML 1.1 keeps text (kind "number": `1e3`)."""

    text: str
    kind: str

    def __str__(self) -> str:
        return self.text
