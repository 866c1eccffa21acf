"""X-hidden: invisible characters that make a text read otherwise than it is stored.

In: a `Brief` (its YAML and included files as read). Out: a warning at the `file:line:col` of each
bidirectional control (U+202A–U+202E, U+2066–U+2069: "Trojan Source") and each invisible
separator (zero-width space, word joiner, a byte-order mark inside the text). Code review tools
warn about the same. Joiners and direction marks that Arabic, Persian or Hebrew text needs
(U+200C, U+200D, U+200E, U+200F) are not reported. The warning is for the author only: it is
never printed for readers and no caveat can answer it.
"""

from __future__ import annotations

import re
import unicodedata

from brief.analyse.findings import Finding
from brief.dates import PartialDate
from brief.errors import Diagnostic, Location, Severity
from brief.model import Brief
from brief.read.files import display_path

HIDDEN = re.compile("[\u202a-\u202e\u2066-\u2069\u200b\u2060\u180e\ufeff]")
#: The most places reported per file; a file full of them is said once more, in a count.
MAX_LISTED = 20


def find_hidden(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """X-hidden: every invisible character that changes how a text reads, where it stands."""
    texts = [(brief.path, brief.source_yaml.decode("utf-8-sig", errors="replace"))]
    texts += [
        (display_path(brief.folder / name), text) for name, text in sorted(brief.texts.items())
    ]
    return [finding for path, text in texts for finding in _in_text(path, text)]


def _in_text(path: str, text: str) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for count, match in enumerate(HIDDEN.finditer(text)):
        if count == MAX_LISTED:
            rest = len(HIDDEN.findall(text, match.start()))
            found.append(_finding(path, text, match.start(), f"{rest} more such characters"))
            break
        char = match[0]
        name = unicodedata.name(char, "an invisible character")
        found.append(_finding(path, text, match.start(), f"U+{ord(char):04X} {name}"))
    return found


def _finding(path: str, text: str, offset: int, what: str) -> Finding:
    return Finding(
        "X-hidden",
        Severity.WARNING,
        f"the text holds {what}, which is invisible and can make it read otherwise than it is "
        "stored",
        Location.at_offset(path, text, offset),
        "delete it (in most editors: move the cursor across it); right-to-left text needs no "
        "such character",
        (),
        kind="hidden",
    )
