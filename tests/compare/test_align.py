"""Which claims of different sources state one fact, and how aligned pairs gather into facts."""

from __future__ import annotations

import pytest

from corroborate.compare import _facts
from corroborate.compare.align import align
from corroborate.compare.pairs import Item
from corroborate.models import Claim


def item(source: str, text: str, entities: tuple[str, ...] = ()) -> Item:
    return Item(source, source, Claim(text, 0, entities, (), ()), text, (), ())


ONE_FACT_OR_NOT = [
    # (first source's claim, second source's claim, names both hold, expected: aligned)
    (
        "Reporters met the 90-year-old archbishop Desmond Kale in his garden on Sunday.",
        "The 90-year-old archbishop Desmond Kale refused to comment on the vote.",
        ("Desmond Kale",),
        False,
    ),
    (
        "Firefighters from the Lakeside station pulled two children from the burning house.",
        "The Lakeside station was built in 1962 and serves three villages.",
        ("Lakeside",),
        False,
    ),
    (
        "Mayor Ortega opened the new bridge over the Tamsin river.",
        "Mayor Ortega faces a recall vote next spring.",
        ("Ortega",),
        False,
    ),
    (
        "Protesters gathered outside the headquarters of Norvolt Energy in Bergen.",
        "Norvolt Energy reported record profits last year.",
        ("Norvolt Energy",),
        False,
    ),
    (
        "The archbishop, 90, resigned on Sunday after two decades in office.",
        "On Sunday the 90-year-old archbishop stepped down after twenty years in the post.",
        (),
        True,
    ),
    (
        "Two children were pulled from the burning house by firefighters.",
        "Firefighters rescued two children from the blaze at the house.",
        (),
        True,
    ),
    (
        "The new bridge over the Tamsin river was opened by the mayor on Friday.",
        "On Friday the mayor inaugurated the bridge spanning the Tamsin.",
        ("Tamsin",),
        True,
    ),
    (
        "The driver of the stolen van was arrested by police near the harbour.",
        "Police detained the man driving the stolen van close to the port.",
        (),
        True,
    ),
]


@pytest.mark.parametrize(("first", "second", "names", "expected"), ONE_FACT_OR_NOT)
def test_claims_align_on_a_fact_not_on_a_shared_name(
    first: str, second: str, names: tuple[str, ...], expected: bool
) -> None:
    alignment = align([item("one", first, names), item("two", second, names)])
    assert bool(alignment.pairs) == expected


ONE_SENTENCE_TWO_FACTS = [
    # (claims as (source, text), expected facts: each one's claim)
    (
        [
            ("one", "The storm cut power to 40,000 homes and closed the airport."),
            ("two", "About 40,000 homes lost power in the storm."),
            ("two", "The airport was closed because of the storm."),
        ],
        ["About 40,000 homes lost power in the storm.", "The airport was closed because of the storm."],
    ),
]


@pytest.mark.parametrize(("claims", "expected"), ONE_SENTENCE_TWO_FACTS)
def test_a_claim_states_one_fact_only(claims: list[tuple[str, str]], expected: list[str]) -> None:
    items = [item(source, text) for source, text in claims]
    facts = _facts(items, align(items), frozenset())
    assert sorted(fact.claim for fact in facts) == expected
    assert all({support.source for support in fact.support} == {"one", "two"} for fact in facts)
