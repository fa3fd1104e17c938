"""Word overlap of two claims: a phrase both hold is one shared thing, not as many shared words as it has."""

from __future__ import annotations

import pytest

from corroborate.compare.similarity import lexical_similarity, phrase_overlap

SHARED_PHRASE = [
    # (first, second, expected overlap)
    ("She met the former Olympic swimming champion in Leeds.", "The former Olympic swimming champion wept.", 0.4),
    ("Police closed the road.", "Fans cheered the team.", 0.0),
    ("The bridge was opened on Friday.", "The bridge was opened on Friday.", 1.0),
    ("The bridge over the river was opened by the mayor.", "The mayor opened the bridge over the river.", 1.0),
]


@pytest.mark.parametrize(("first", "second", "expected"), SHARED_PHRASE)
def test_a_shared_phrase_counts_once(first: str, second: str, expected: float) -> None:
    assert phrase_overlap(first, second) == pytest.approx(expected, abs=0.01)
    assert phrase_overlap(second, first) == pytest.approx(expected, abs=0.01)


def test_a_shared_name_weighs_less_than_the_token_set_ratio_says() -> None:
    first, second = SHARED_PHRASE[0][:2]
    assert lexical_similarity(first, second) > 0.9  # the shared words are most of the short claim
    assert phrase_overlap(first, second) < 0.5
