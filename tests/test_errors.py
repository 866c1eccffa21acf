"""One error type for bad input, with locations; never an unbounded list of them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import brief
from brief.errors import MAX_DIAGNOSTICS, BriefError, Location, error

from .conftest import META

pytestmark = pytest.mark.slow  # builds outputs: left out of the quick loop (`pytest -m "not slow"`)


def test_an_error_lists_at_most_max_diagnostics_and_counts_the_rest() -> None:
    many = [error("B201", f"unknown key k{n}", Location("brief.yaml", n, 1)) for n in range(1, 500)]
    caught = BriefError(many)
    assert len(caught.diagnostics) == MAX_DIAGNOSTICS + 1
    assert caught.diagnostics[:MAX_DIAGNOSTICS] == tuple(many[:MAX_DIAGNOSTICS])
    last = caught.diagnostics[-1]
    assert last.code == "B108"
    assert "399 more problems" in last.message
    assert "B201" in last.message
    assert last.location == many[MAX_DIAGNOSTICS].location


def test_one_more_than_the_cap_is_listed_rather_than_counted() -> None:
    many = [error("B201", "x", Location("brief.yaml", n, 1)) for n in range(MAX_DIAGNOSTICS + 1)]
    assert BriefError(many).diagnostics == tuple(many)


def test_a_source_with_150000_unknown_keys_gives_a_short_error(
    write_brief: Callable[[str], Path],
) -> None:
    keys = "".join(f"k{n}: 1\n" for n in range(150_000))
    folder = write_brief(META + keys)
    with pytest.raises(BriefError) as caught:
        brief.check(folder)
    assert len(caught.value.diagnostics) <= MAX_DIAGNOSTICS + 1
    assert len(str(caught.value)) < 50_000


def test_a_huge_value_quoted_in_a_message_is_cut(write_brief: Callable[[str], Path]) -> None:
    from brief.errors import MAX_MESSAGE_CHARS

    folder = write_brief(META + "k" * 1_500_000 + ": 1\n")
    with pytest.raises(BriefError) as caught:
        brief.check(folder)
    assert all(len(item.message) <= MAX_MESSAGE_CHARS for item in caught.value.diagnostics)
