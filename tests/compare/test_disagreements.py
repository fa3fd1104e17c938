"""Figures of aligned claims that cannot both be right; the difference itself does not make claims unalike."""

from __future__ import annotations

from typing import Literal

import pytest

from corroborate.compare.align import align
from corroborate.compare.disagreements import figure_disagreements
from corroborate.compare.pairs import Item
from corroborate.models import Claim, Figure

Bound = Literal["exact", "about", "at least", "at most"]


def item(source: str, text: str, figure: str, value: float, bound: Bound) -> Item:
    quantity = Figure(figure, value, "tonnes", bound != "exact", bound, "crude oil", 0)
    return Item(source, source, Claim(text, 0, (), (), (figure,)), text, (), (quantity,))


FIGURES = [
    # (first claim and its figure, second claim and its figure, expected: flagged)
    (  # alike enough to align, not so alike once their figures differ: judged as if the figures agreed
        ("The freighter had 5,400 tonnes of diesel fuel on board when it ran aground.", "5,400 tonnes", 5400, "exact"),
        (
            "Shipping records show the freighter had 4,500 tonnes of diesel fuel in its tanks and 200 cars on deck.",
            "4,500 tonnes",
            4500,
            "exact",
        ),
        True,
    ),
    (
        ("The tanker carried 5,400 tonnes of crude when it hit the reef.", "5,400 tonnes", 5400, "exact"),
        ("The tanker had 4,500 tonnes of crude in its hold when it struck the reef.", "4,500 tonnes", 4500, "exact"),
        True,
    ),
    (
        ("The tanker carried about 5,000 tonnes of crude when it hit the reef.", "about 5,000 tonnes", 5000, "about"),
        ("The tanker had 4,800 tonnes of crude in its hold when it struck the reef.", "4,800 tonnes", 4800, "exact"),
        False,
    ),
    (  # one quantity on board, another spilled: not the same thing, however close the words
        ("The tanker carried 5,400 tonnes of crude when it hit the reef.", "5,400 tonnes", 5400, "exact"),
        ("Divers said 300 tonnes of crude had leaked into the lagoon by Friday.", "300 tonnes", 300, "exact"),
        False,
    ),
]


@pytest.mark.parametrize(("first", "second", "expected"), FIGURES)
def test_figures_of_one_quantity_that_do_not_meet_are_flagged(
    first: tuple[str, str, float, Bound], second: tuple[str, str, float, Bound], expected: bool
) -> None:
    items = [item("one", *first), item("two", *second)]
    assert bool(figure_disagreements(items, align(items))) == expected
