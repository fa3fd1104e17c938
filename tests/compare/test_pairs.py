"""The chance that two claims state one fact; claims that are mostly quotation are compared as quotations."""

from __future__ import annotations

import pytest

from corroborate.compare.options import CompareOptions
from corroborate.compare.pairs import Item, PairScorer, comparable, mostly_quoted


def item(source: str, text: str, statements: frozenset[int] = frozenset()) -> Item:
    from corroborate.models import Claim

    return Item(source, source, Claim(text, 0, (), (), ()), text, (), (), statements)


APOLOGY = '"I deeply apologise to the families for the delay in the rescue," Beck said.'
APOLOGY_AGAIN = '"I want to say sorry to the families that the rescue was so slow," Beck told reporters.'
ANOTHER = '"The families deserve to know what went wrong at the mine," Beck said.'

QUOTED_CLAIMS = [
    # (first claim, its quotations' numbers, second claim, its numbers, expected: can state one fact)
    (APOLOGY, {0}, APOLOGY_AGAIN, {0}, True),  # one statement, two wordings (quotes.py numbered them alike)
    (APOLOGY, {0}, ANOTHER, {1}, False),  # one speaker, two statements: not one fact, however alike
    (APOLOGY, set(), APOLOGY, set(), True),  # not numbered: the same words still are one
    (APOLOGY, set(), ANOTHER, set(), False),
    (APOLOGY, {0}, "Beck apologised to the families for the slow rescue.", set(), True),  # a report of it
]


@pytest.mark.parametrize(("first", "first_numbers", "second", "second_numbers", "expected"), QUOTED_CLAIMS)
def test_quotations_are_compared_as_quotations(
    first: str, first_numbers: set[int], second: str, second_numbers: set[int], expected: bool
) -> None:
    a, b = item("one", first, frozenset(first_numbers)), item("two", second, frozenset(second_numbers))
    assert comparable(a, b, CompareOptions()) == expected


def test_one_statement_quoted_twice_is_one_fact() -> None:
    items = [item("one", APOLOGY, frozenset({0})), item("two", APOLOGY_AGAIN, frozenset({0}))]
    assert all(mostly_quoted(each) for each in items)
    options = CompareOptions()
    assert PairScorer(items, None, options)(0, 1) >= options.same_fact
