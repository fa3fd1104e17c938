"""One quotation, however each source words or translates it; two, when only the subject is the same."""

from __future__ import annotations

import pytest
from tests.records import article as make_article

from corroborate.compare.disagreements import quote_disagreements
from corroborate.compare.quotes import quote_clusters, quote_table, same_speaker
from corroborate.models import Quote, Reading, Sentence


def reading(source: str, words: str, speaker: str | None) -> Reading:
    """One source's article: one sentence quoting `words`, said by `speaker`."""
    sentence = f'"{words}," {speaker or "someone"} said.'
    article = make_article(sentence, source=source, id=source)
    quote = Quote(text=words, speaker=speaker, cue="said", partial=False, scare=False, sentence=0)
    return Reading(
        article=article,
        analysed=True,
        note=None,
        sentences=(Sentence(sentence, 0, 0, len(sentence)),),
        quotes=(quote,),
    )


ONE_QUOTATION_OR_TWO = [
    # (first source's words and speaker, second source's words and speaker, expected: one quotation)
    (
        ("We regret the confusion our statement caused last week", "Mira Tal"),
        ("We are sorry for the confusion that our statement created last week", "Mira Tal"),
        True,
    ),
    (
        ("Our players gave everything tonight and I am proud of every one of them", "Jon Reyes"),
        ("The players gave all they had this evening, and I'm proud of each of them", "Reyes"),
        True,
    ),
    (
        ("I deeply apologise to the families for the delay in the rescue", "Chief Ana Beck"),
        ("I want to say sorry to the families that the rescue was so slow", "Ana Beck"),
        True,
    ),
    (  # one speaker, two statements on one subject
        ("We will appeal the ruling as soon as the court opens on Monday", "Mira Tal"),
        ("This ruling is a victory for every family in the valley", "Mira Tal"),
        False,
    ),
    (
        ("The water is safe to drink again in every district of the city", "Jon Reyes"),
        ("Nobody should drink the tap water until further notice", "Jon Reyes"),
        False,
    ),
    (  # the same thing said in other words by two people is two quotations
        ("Our players gave everything tonight and I am proud of every one of them", "Jon Reyes"),
        ("The players gave all they had this evening, and I'm proud of each of them", "Lea Novak"),
        False,
    ),
    (  # the same words put in two mouths are one quotation (and a disagreement on who said it)
        ("The lake is the soul of this valley and it is dying", "Jon Reyes"),
        ("The lake is the soul of this valley and it is dying", "Lea Novak"),
        True,
    ),
    (  # a speaker the sentence does not name: words alike are still one quotation, other words are not
        ("I deeply apologise to the families for the delay in the rescue", None),
        ("I want to say sorry to the families that the rescue was so slow", "Ana Beck"),
        False,
    ),
]


@pytest.mark.parametrize(("first", "second", "expected"), ONE_QUOTATION_OR_TWO)
def test_one_statement_in_two_wordings_is_one_quotation(
    first: tuple[str, str | None], second: tuple[str, str | None], expected: bool
) -> None:
    readings = [reading("one", *first), reading("two", *second)]
    clusters = quote_clusters(readings, {"one": "one", "two": "two"})
    assert (len(clusters) == 1) == expected


SPEAKERS = [
    # (first, second, expected: one person)
    ("Jon Reyes", "Reyes", True),
    ("James G. Bodiford", "James Bodiford", True),
    ("Chief Ana Beck", "Ana Beck", True),
    ("Jon Reyes", "Lea Reyes", False),
    ("Jon Reyes", None, False),
]


@pytest.mark.parametrize(("first", "second", "expected"), SPEAKERS)
def test_same_speaker(first: str, second: str | None, expected: bool) -> None:
    assert same_speaker(first, second) == expected
    assert same_speaker(second, first) == expected


def test_a_statement_worded_two_ways_shows_both_wordings() -> None:
    first, second, _ = ONE_QUOTATION_OR_TWO[1]
    readings = [reading("one", *first), reading("two", *second)]
    clusters = quote_clusters(readings, {"one": "one", "two": "two"})
    (disagreement,) = quote_disagreements(clusters, {"one": "The Courier", "two": "The Ledger"})
    assert disagreement.kind == "quote_wording"
    assert {side.text for side in disagreement.sides} == {first[0], second[0]}
    (entry,) = quote_table(clusters)
    assert {variant.text for variant in entry.variants} == {first[0], second[0]}
