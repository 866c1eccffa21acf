"""Q-unverified and F-unverified: every quote, and every figure's `as_reported`, citing a source
with a local text copy must be found in that copy.

In: a `Brief` (with `brief.texts`, the local copies). Out: findings for quotes not found (with
the closest passage as a word diff), and a `QuoteMatch` (a W3C TextQuoteSelector plus the copy's
sha256) for every quote found. Matching ignores case, quote styles, dashes, whitespace; `…`,
`...` and `[…]` in a quote are gaps whose pieces must appear in order (docs/findings.md).

`locate` finds a quote in a copy, `closest` the passage shown when it is not there.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from array import array
from dataclasses import dataclass, field

from brief.analyse.closest import WordIndex, closest_passage, index_words
from brief.analyse.findings import Finding, QuoteMatch, per_brief
from brief.analyse.locate import EDGES, Normalised, locate_quote, normalise
from brief.analyse.quotes import terminal_diff, word_diff
from brief.dates import PartialDate
from brief.errors import Diagnostic, Severity
from brief.model import Brief, Claim, Figure, Quote, Source

#: Characters of context kept on each side of a verified quote (TextQuoteSelector prefix/suffix).
CONTEXT = 32


@dataclass(frozen=True)
class Verification:
    """Quotes and figures not found in their source's copy (findings) and those found (matches)."""

    findings: tuple[Finding, ...]
    matches: tuple[QuoteMatch, ...]


def _local_copy(brief: Brief, item: Quote | Figure | Claim) -> Source | None:
    source = brief.source(item.source) if item.source else None
    return source if source and source.text and source.text in brief.texts else None


def _miss(quote: Quote, source: Source, copy: WordIndex) -> Finding:
    passage = closest_passage(quote.text, copy)
    diff = word_diff(passage, quote.text)
    return Finding(
        "Q-unverified",
        Severity.ERROR,
        f"the quote is not in {source.text}, the copy of “{source.title}”; the closest passage "
        f"differs: {terminal_diff(diff)}",
        quote.locate("text"),
        "copy the words exactly as the source prints them (mark cuts with …), or cite the "
        "source that has them",
        (quote.id,),
        facts=(("passage", passage), ("copy", source.text)),
        diff=diff,
    )


def _figure_miss(figure: Figure | Claim, source: Source, copy: WordIndex) -> Finding:
    passage = closest_passage(figure.as_reported, copy, whole=True)
    diff = word_diff(passage, figure.as_reported)
    return Finding(
        "F-unverified",
        Severity.WARNING,
        f"the wording “{figure.as_reported}” is not in {source.text}, the copy of "
        f"“{source.title}”; the closest passage differs: {terminal_diff(diff)}",
        figure.locate("as_reported"),
        "copy `as_reported` exactly as the source prints it (mark cuts with …), or "
        "cite the source that has it",
        (figure.id,),
        facts=(("passage", passage), ("copy", source.text)),
        diff=diff,
    )


@dataclass
class _Copies:
    """The brief's source copies in matching form, each prepared once, when first needed."""

    brief: Brief
    normalised: dict[str, tuple[Normalised, str]] = field(default_factory=dict)
    indexes: dict[str, WordIndex] = field(default_factory=dict)
    lines: dict[str, array[int]] = field(default_factory=dict)

    def match(self, item_id: str, kind: str, words: str, source: Source) -> QuoteMatch | None:
        """Return where `words` (with … gaps) are in the source's copy, or None."""
        copy = self.brief.texts[source.text]
        if source.text not in self.normalised:
            digest = hashlib.sha256(copy.encode("utf-8")).hexdigest()
            self.normalised[source.text] = (normalise(copy), digest)
        normalised, digest = self.normalised[source.text]
        where = locate_quote(words, normalised)
        if where is None:
            return None
        start, end = where
        prefix, suffix = copy[max(0, start - CONTEXT) : start], copy[end : end + CONTEXT]
        line = self.line(source.text, start)
        return QuoteMatch(
            item_id, source.id, copy[start:end], prefix, suffix, digest, start, end, kind, line
        )

    def line(self, name: str, offset: int) -> int:
        """Return the 1-based line of the copy `name` that character `offset` is on."""
        if name not in self.lines:
            text = self.brief.texts[name]
            self.lines[name] = array("q", (m.start() for m in re.finditer("\n", text)))
        return bisect.bisect_left(self.lines[name], offset) + 1

    def index(self, source: Source) -> WordIndex:
        """Return the word index of a source's copy (built at its first miss)."""
        if source.text not in self.indexes:
            self.indexes[source.text] = index_words(self.brief.texts[source.text])
        return self.indexes[source.text]


def _verify(brief: Brief) -> Verification:
    findings: list[Finding] = []
    matches: list[QuoteMatch] = []
    copies = _Copies(brief)
    for quote in brief.quotes:
        source = _local_copy(brief, quote)
        if source is None:
            continue
        found = copies.match(quote.id, "quote", quote.text, source)
        if found is None:
            findings.append(_miss(quote, source, copies.index(source)))
        else:
            matches.append(found)
    worded = [("figure", item) for item in brief.figures] + [("claim", c) for c in brief.claims]
    for kind, figure in worded:
        source = _local_copy(brief, figure) if figure.as_reported.strip(EDGES) else None
        if source is None:
            continue
        found = copies.match(figure.id, kind, figure.as_reported, source)
        if found is None:
            findings.append(_figure_miss(figure, source, copies.index(source)))
        else:
            matches.append(found)
    return Verification(tuple(findings), tuple(matches))


def verify_quotes(brief: Brief) -> Verification:
    """Check every quote, and every figure's `as_reported`, against its source's local copy
    (computed once per brief)."""
    return per_brief("verification", brief, _verify)


def find_figures_unverified(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """F-unverified, as a registered check."""
    return [f for f in verify_quotes(brief).findings if f.code == "F-unverified"]


def find_unverified(brief: Brief, as_of: PartialDate) -> list[Diagnostic]:
    """Q-unverified, as a registered check."""
    return [f for f in verify_quotes(brief).findings if f.code == "Q-unverified"]
