"""Who said each quotation: one table per construction that names a speaker, each row an invented text and the
speaker of every quotation in it, in order (None: the text does not tell)."""

from __future__ import annotations

import pytest

from corroborate.analyze import analyze_one
from corroborate.models import Article, Quote


def read(text: str) -> list[Quote]:
    """The quotations of an article whose paragraphs are separated by blank lines."""
    paragraphs = tuple(part.strip() for part in text.split("\n\n") if part.strip())
    article = Article(
        source="test", title=None, standfirst=None, outlet=None, wire=None, authors=(), credits=(), dateline=None,
        published=None, published_estimate=None, paragraphs=paragraphs, captions=(), lines=(),
    )  # fmt: skip
    return list(analyze_one(article).quotes)


def speakers(text: str) -> list[str | None]:
    return [quote.speaker for quote in read(text) if not quote.scare]


SAID = [  # the plain cases, kept as they were
    ('"We reopen the port on Friday," harbour master Lena Voss said.', ["Lena Voss"]),
    ('Lena Voss said the port "will reopen on Friday at the earliest."', ["Lena Voss"]),
    ('"The water is clean again," said Lena Voss, the harbour master.', ["Lena Voss"]),
    ('"Nobody has told us anything at all," a fisherman said.', [None]),
]

COLONS_DASHES_LABELS = [
    ('Mayor Kofi Okafor met the unions on Friday. Okafor agreed: "We start on Monday."', ["Kofi Okafor"]),
    ('Kofi Okafor, the mayor, had one answer for the unions: "Not a cent more this year."', ["Kofi Okafor"]),
    (
        'Kofi Okafor spoke to the unions on Friday. He told them:\n\n"We start on Monday, whatever happens."',
        ["Kofi Okafor"],
    ),
    ('Mayor Kofi Okafor: "Not a cent more this year, and not the next."', ["Kofi Okafor"]),
    ('"Nothing is decided until the last vote is counted." ― Maria Lind', ["Maria Lind"]),
    ('"Nothing is decided until the last vote is counted."\n\n― Maria Lind', ["Maria Lind"]),
    (
        'The host Sam Ruiz spoke to the mayor, Kofi Okafor.\n\n"RUIZ: Will you stand for a third term?\n\n'
        '"OKAFOR: Not this year, and maybe never."',
        ["Sam Ruiz", "Kofi Okafor"],
    ),
    ('The plan has a single aim: "to cut the waiting lists by half."', [None]),
]

UNKNOWN_VERBS = [
    ('"I moved the money myself," Daniel Cho confessed on Tuesday.', ["Daniel Cho"]),
    ('"You should have known better," scolded Judge Mary Olsen.', ["Mary Olsen"]),
    ('"We have waited long enough for this bridge," declared Senator Ruth Adeyemi.', ["Ruth Adeyemi"]),
    ('"I was wrong about the dam," Ruth Adeyemi, who chairs the committee, conceded after the vote.', ["Ruth Adeyemi"]),
    (
        'Ruth Adeyemi went on to praise the engineers: "They did in a year what we feared would take five."',
        ["Ruth Adeyemi"],
    ),
    ('"The bridge is a monument to waste," Tom Reyes complained, and the crowd cheered.', ["Tom Reyes"]),
]

MISREAD_BY_THE_TAGGER = [  # the construction still says who spoke when the small model tags a word wrongly
    ('"The budget is fine," Reyes says of the plan.', ["Reyes"]),  # "says" tagged as a plural noun
    ('"Having a plan is valuable," said Skelly, explaining he had worked on it for years.', ["Skelly"]),  # an adverb
    ('"Support was soft to begin with," Texas-based Matt Mackowiak said.', ["Matt Mackowiak"]),  # "based" no verb
]

NAMES_AS_WRITTEN = [  # a surname the article never writes in full is still a name; a group or a plural is not
    ('"The committee has no plan at all," Voskuijlen said on Tuesday.', ["Voskuijlen"]),
    ('The host was in a good mood. "Marco is still a rising star," Hannity said on Tuesday.', ["Hannity"]),
    ('"Nobody asked us," one senior Republican said.', [None]),
    ('"We lost the county," an Iowa Democrat said.', [None]),
    ('"We will not back down," said Pollsters.', [None]),
]

SPLIT_QUOTATIONS = [
    (
        '"We have no suspects in this case," Chief Dana Ruiz said Monday. "We will find them."',
        ["Dana Ruiz", "Dana Ruiz"],
    ),
    (
        '"We have no suspects," said Chief Dana Ruiz. "But we will find them, and soon."',
        ["Dana Ruiz", "Dana Ruiz"],
    ),
    (
        '"We have no suspects," Dana Ruiz said.\n\n"We will find them, and we will bring them to court."',
        ["Dana Ruiz", "Dana Ruiz"],
    ),
]

PARTICIPLE_CLAUSES = [
    (
        'Senator Paul Brandt posted a statement saying the plan was "dead on arrival and everyone knows it."',
        ["Paul Brandt"],
    ),
    ('Paul Brandt voted against the bill, calling it "a gift to the banks and nobody else."', ["Paul Brandt"]),
    (
        'Paul Brandt said the vote was rigged, adding that the count "would not survive a single audit."',
        ["Paul Brandt"],
    ),
    (
        'Paul Brandt, who said the count "would not survive a single audit," left the chamber.',
        ["Paul Brandt"],
    ),
    (
        'Ruth Adeyemi says Paul Brandt took money from the banks and "there is nothing wrong with that," '
        "insisting the donations changed nothing.",
        ["Ruth Adeyemi"],
    ),
]

SENTENCE_BEFORE = [  # a quotation standing alone, with no tag, is the words of the person the sentence before is about
    (
        "Mayor Tom Reyes praised the engineers for their work after the storm.\n\n"
        '"We need people who are going to get things done."',
        ["Tom Reyes"],
    ),
    ('Tom Reyes praised the engineers. "We need people who get things done."', ["Tom Reyes"]),
    # a sentence about no one in between: no one
    ('Ann Holt spoke first. The crowd cheered for a long time.\n\n"We need people who get things done."', [None]),
]

INVERTED_TAGS = [  # "said" before the speaker: the person the phrase ends on, not a word that modifies it
    ('"We have waited long enough," said Texas-based strategist Matt Mackowiak.', ["Matt Mackowiak"]),
    ('"That can go a long way," said a senior Reyes adviser.', [None]),
]

NOT_A_SPEECH_TAG = [  # a comma after a fragment hands it over to nobody; a clause ending in one is no speech tag
    ('While Paul Brandt called the report "a careful piece of work," Ruth Adeyemi doubted it.', ["Paul Brandt"]),
    ('Paul Brandt said that once the session ends, "we go home and we campaign."', ["Paul Brandt"]),
    ('The fans of the home team chanted, "Out, out, out," as the referee left.', [None]),
]


@pytest.mark.parametrize(("text", "expected"), SAID)
def test_a_verb_of_saying_names_its_subject(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), COLONS_DASHES_LABELS)
def test_a_colon_a_dash_or_a_transcript_label_names_the_speaker(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), UNKNOWN_VERBS)
def test_any_verb_in_a_speech_tag_reports_speech(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), MISREAD_BY_THE_TAGGER)
def test_a_speech_tag_names_its_speaker_whatever_the_tagger_says(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), NAMES_AS_WRITTEN)
def test_a_surname_alone_is_a_name_and_a_group_is_nobody(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), SPLIT_QUOTATIONS)
def test_the_second_half_of_a_split_quotation_has_the_first_halfs_speaker(
    text: str, expected: list[str | None]
) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), PARTICIPLE_CLAUSES)
def test_a_participle_or_relative_clause_takes_the_subject_it_hangs_from(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), SENTENCE_BEFORE)
def test_a_quotation_alone_belongs_to_the_person_the_sentence_before_is_about(
    text: str, expected: list[str | None]
) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), INVERTED_TAGS)
def test_an_inverted_tag_names_the_person_its_phrase_ends_on(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), NOT_A_SPEECH_TAG)
def test_a_comma_that_ends_a_clause_names_nobody(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


def test_a_transcript_label_splits_a_quotation_carried_over_paragraphs() -> None:
    quotes = read('"RUIZ: Will you stand again?\n\n"OKAFOR: Not this year."')
    assert [quote.text for quote in quotes] == ["RUIZ: Will you stand again?", "OKAFOR: Not this year."]


def test_how_says_which_construction_named_the_speaker() -> None:
    (quote,) = read('"Nothing is decided until the last vote is counted." ― Maria Lind')
    assert quote.how == 'named after a dash: "Maria Lind"'
    assert quote.cue is None
