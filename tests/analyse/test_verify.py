"""Quote verification against a local copy: gaps, and the fast paths that must match the slow
ones (normalising by runs, finding whole words with a regular expression)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st


def test_gaps_cannot_stitch_words_from_across_the_text() -> None:
    from brief.analyse.locate import MAX_GAP, locate_quote

    copy = "We met at noon. " + "Filler words here. " * 40 + "No child was saved by the tool alone."
    assert locate_quote("We … saved … the tool … alone", copy) is None
    near = "We said that a child was saved by the tool alone."
    assert locate_quote("We … saved … the tool … alone", near) is not None
    far = "We spoke. " + "x" * (MAX_GAP + 10) + " saved"
    assert locate_quote("We … saved", far) is None
    assert locate_quote("We … saved", "We spoke. " + "x " * 10 + "saved") is not None


# ── Normalising and finding words fast, exactly as character by character ────────────────

_SAMPLES = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(" \t\n\u00a0\u2009-—–“”‘’'\"…İΣσςaAzZ09._,")),
        st.characters(codec="utf-8"),
    ),
    max_size=60,
)


def _reference(text: str) -> tuple[str, tuple[int, ...]]:
    """Normalise one character at a time, the path `normalise` keeps for texts whose lower case
    changes length: the runs must give the same text and offsets."""
    from brief.analyse.locate import _MARKS, _by_character

    slow = _by_character(text.translate(_MARKS))
    return slow.text, slow.offsets


@settings(max_examples=300, deadline=None)
@given(_SAMPLES)
def test_normalising_by_runs_is_normalising_by_characters(text: str) -> None:
    from brief.analyse.locate import normalise

    found = normalise(text)
    assert (found.text, found.offsets) == _reference(text)


def _find_slowly(haystack: str, needle: str, start: int) -> int:
    at = haystack.find(needle, start)
    while at >= 0:
        before = haystack[at - 1] if at else " "
        after = haystack[at + len(needle) : at + len(needle) + 1] or " "
        if not (needle[0].isalnum() and before.isalnum()) and not (
            needle[-1].isalnum() and after.isalnum()
        ):
            return at
        at = haystack.find(needle, at + 1)
    return -1


@settings(max_examples=300, deadline=None)
@given(_SAMPLES, st.text(alphabet="ab_- .é1", min_size=1, max_size=4), st.integers(0, 70))
def test_a_word_is_found_where_it_is_not_inside_a_longer_word(
    haystack: str, needle: str, start: int
) -> None:
    from brief.analyse.locate import _find_word

    assert _find_word(haystack, needle, start) == _find_slowly(haystack, needle, start)
    assert _find_word("a_b ab", "b", 0) == 2  # an underscore is not a letter: `_b` is a word
