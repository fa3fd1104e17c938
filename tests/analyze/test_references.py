"""Who "he", "she" and a description stand for when they say something: tables of (invented text, the speaker of
each quotation in it, in order)."""

from __future__ import annotations

import pytest
from tests.analyze.test_quotes import speakers

PRONOUNS = [
    # a subject earlier in the same sentence comes before the people of the sentences before
    (
        'Mayor Tom Reyes defended the budget. Governor Ann Holt rebuked him: "This budget is a fantasy," she said.',
        ["Ann Holt"],
    ),
    # the article says who is a woman ("Ms.") and who a man ("Mr."): "she" skips the man named last
    (
        'Ms. Ann Holt met Mr. Tom Reyes on Tuesday. Reyes defended the budget. "This budget is a fantasy," she said.',
        ["Ann Holt"],
    ),
    # a gendered title does the same
    (
        "The city's spokeswoman, Ann Holt, stood beside Mr. Tom Reyes. Reyes read a statement. "
        '"No questions," she said.',
        ["Ann Holt"],
    ),
    # a person of whom the article tells nothing may be either
    ('Ann Holt stood beside Tom Reyes. Reyes read a statement. "No questions," she said.', ["Tom Reyes"]),
    # a person named inside a quotation is what the speaker talks about, not who speaks next
    ('"Reyes has never had a plan," Ann Holt said on Tuesday. "He never will," she added.', ["Ann Holt", "Ann Holt"]),
    # "they" are several people: never the one person named before
    ('Ann Holt met the nurses on Tuesday. "We will strike in March," they said.', [None]),
    # someone named only by a surname the entity model missed is a person "she" can mean
    (
        '"I am not sure where I stand," says Acs, a student from Ohio. '
        'Trump\'s record means "he must be doing something right," she says.',
        ["Acs", "Acs"],
    ),
    # someone whose words are reported inside another's ("Reyes said that Brandt has admitted") is not who speaks next
    (
        'Tom Reyes told reporters that Paul Brandt had conceded the race. "We will keep going," he said.',
        ["Tom Reyes"],
    ),
    # with nothing to tell them apart, the person the story was about
    ('Daniel Cho ran the fund for a decade. "I did it alone," he said.', ["Daniel Cho"]),
]

DESCRIPTIONS = [
    (
        "Pope Francis visited the island on Sunday. "
        '"Mercy is not weakness," the head of the church said. '
        '"We must open our doors to strangers," the pontiff told worshippers. '
        '"Peace begins at home," Francis said.',
        ["Francis", "Francis", "Francis"],
    ),
    # a title in capitals after "the" is a description, not a person called "Pontiff"
    ('Pope Francis landed on Sunday. "We come in peace," the Pontiff said.', ["Francis"]),
    # a title the article gave someone goes to that person, not to the last one named
    (
        'Senator Ruth Adeyemi opened the debate. Mayor Tom Reyes spoke next. "This bill is overdue," the senator said.',
        ["Ruth Adeyemi"],
    ),
    # a description that fits no one is still no one: a source the article keeps anonymous
    ('Ruth Adeyemi opened the debate. "The vote is rigged," a source said.', [None]),
]


@pytest.mark.parametrize(("text", "expected"), PRONOUNS)
def test_a_pronoun_means_the_nearest_person_it_can_mean(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), DESCRIPTIONS)
def test_a_description_means_the_person_it_describes(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected
