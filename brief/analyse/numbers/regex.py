"""Regular-expression pieces the number reader's modules share.

In: words. Out: an alternation a pattern can embed, longest word first so that "more than"
wins over "more".
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """Return the words as one regular-expression alternation, escaped, longest first."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
