"""The plain data every drafting stage passes on: the article's text, its lines and its metadata.

In: nothing. Out: `Article` (what the reader stage took from the input) and `Line` (one
paragraph of the local copy, with the locator a brief prints for it).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty line of the local copy (a paragraph of an article, a line of a PDF page)."""

    number: int  # 1-based line in the local copy
    text: str
    start: int  # offset of the line's first character in the local copy
    page: int | None = None  # 1-based page of a PDF
    page_line: int | None = None  # 1-based line on that page

    @property
    def locator(self) -> str:
        """Say where the line is, as a brief's `locator` does: `line 12` or `page 2, line 5`."""
        if self.page is not None:
            return f"page {self.page}, line {self.page_line}"
        return f"line {self.number}"


@dataclass(frozen=True, slots=True)
class Article:
    """An article or report as read from its input file, before any drafting."""

    text: str  # the local copy, exactly as written to DIR/article.txt
    lines: tuple[Line, ...]
    input_kind: str  # text, html or pdf
    title: str = ""
    author: str = ""
    published: str = ""  # an ISO partial date, or ""
    site: str = ""
    url: str = ""
    warnings: tuple[str, ...] = field(default=())

    def line_at(self, offset: int) -> Line:
        """Return the line holding character `offset` of the text."""
        low, high = 0, len(self.lines) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.lines[middle].start <= offset:
                low = middle
            else:
                high = middle - 1
        return self.lines[low]


def split_lines(text: str, pages: tuple[int, ...] = ()) -> tuple[Line, ...]:
    """Cut a text into its non-empty lines; `pages` gives the offset where each PDF page starts."""
    lines: list[Line] = []
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        if raw.strip():
            page, page_line = _page_of(offset, pages, text)
            lines.append(Line(number, raw, offset, page, page_line))
        offset += len(raw) + 1
    return tuple(lines)


def _page_of(offset: int, pages: tuple[int, ...], text: str) -> tuple[int | None, int | None]:
    if not pages:
        return None, None
    page = max(bisect.bisect_right(pages, offset) - 1, 0)
    return page + 1, text.count("\n", pages[page], offset) + 1
