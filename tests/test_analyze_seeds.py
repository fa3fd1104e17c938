"""The reading of the two seeds: speakers of every quotation, every date and figure, entities and credits.

Quotations are named by their order and length; the seeds' words stay in ../shared/seeds.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from tests.conftest import AP_SEED, REUTERS_SEED

from corroborate.analyze import analyze
from corroborate.extract import ExtractOptions, extract
from corroborate.ingest import IngestOptions, read_path
from corroborate.models import Reading

PUBLISHED = date(2019, 11, 27)  # both stories ran on Wednesday, Nov. 27, 2019


def _reading(path, published: date | None = None) -> Reading:
    (document,) = read_path(str(path), IngestOptions())
    return next(analyze([extract(document, ExtractOptions(published=published))]))


@pytest.fixture(scope="module")
def ap(seeds) -> Reading:
    return _reading(AP_SEED, PUBLISHED)


@pytest.fixture(scope="module")
def reuters(seeds) -> Reading:
    return _reading(REUTERS_SEED, PUBLISHED)


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def test_every_ap_quotation_has_its_speaker(ap: Reading) -> None:
    assert [(q.speaker, _words(q.text), q.partial, q.scare, q.cue) for q in ap.quotes] == [
        (None, 2, False, True, None),  # 'regime change', scare quotes
        ("Donald Trump", 9, True, False, "counselled"),  # "The president counselled Hun Sen to ..."
        ("Hun Sen", 27, False, False, "wrote"),  # "... ," Hun Sen wrote in his letter to Trump
        (None, 2, False, True, None),  # 'colour revolution'
        (None, 1, False, True, None),  # 'difficulties'
        ("Hun Sen", 24, False, False, "wrote"),  # "With regards to ...," Hun Sen wrote in response.
        ("Hun Sen", 21, False, False, "wrote"),  # the 'dark chapters' paragraph continues that quotation
        ("Hun Sen", 23, True, False, "said"),  # He said ... owes its prosperity in part to "..."
    ]


def test_every_reuters_quotation_has_its_speaker(reuters: Reading) -> None:
    assert [(q.speaker, _words(q.text), q.partial, q.scare, q.cue) for q in reuters.quotes] == [
        (None, 2, False, True, None),  # 'regime change', scare quotes
        ("Hun Sen", 17, True, False, "added"),  # "...", he added in the letter seen by Reuters
        (None, 4, True, False, "said"),  # a Cambodian official said: unnamed, so unknown
        ("Hun Sen", 20, False, False, "wrote"),  # "... dark chapters in our history," he wrote.
        ("Hun Sen", 21, False, False, "wrote"),  # the next quoted sentence, same speaker
        ("Hun Sen", 3, True, False, "referred"),  # Hun Sen referred to ... "generous market access"
        ("Hun Sen", 10, False, False, "read"),  # "...," the letter read.
    ]
    unknown = reuters.quotes[2]
    assert unknown.speaker_text == "a Cambodian official"


def test_the_dark_chapters_quotation_keeps_each_outlets_exact_words(ap: Reading, reuters: Reading) -> None:
    assert "dark chapters of our own history" in ap.quotes[6].text
    assert "dark chapters in our history" in reuters.quotes[3].text


def _dates(reading: Reading) -> dict[str, tuple[str | None, str | None]]:
    """The dates, not the durations or the references to the present or the past ("34 years", "now")."""
    return {
        d.text: (d.start and d.start.isoformat(), d.end and d.end.isoformat())
        for d in reading.dates
        if d.kind == "date"
    }


def test_ap_dates_are_resolved_against_the_publication_date(ap: Reading) -> None:
    assert _dates(ap) == {
        "early next year": ("2020-01-01", "2020-04-30"),
        "Wednesday": ("2019-11-27", "2019-11-27"),
        "November 1": ("2019-11-01", "2019-11-01"),
        "November 26": ("2019-11-26", "2019-11-26"),
        "until 2028": ("2028-01-01", "2028-12-31"),
        "last July's": ("2019-07-01", "2019-07-31"),
        "In 2018": ("2018-01-01", "2018-12-31"),
        "late 2017": ("2017-09-01", "2017-12-31"),
    }
    vague = next(d for d in ap.dates if d.text == "recent years")
    assert (vague.kind, vague.start, vague.confidence) == ("past", None, "unresolved") and "vague" in vague.note
    duration = next(d for d in ap.dates if d.text == "34 years")
    assert (duration.kind, duration.start, duration.end) == ("duration", None, None)


def test_reuters_dates_are_resolved_against_the_publication_date(reuters: Reading) -> None:
    assert _dates(reuters) == {
        "Nov. 26": ("2019-11-26", "2019-11-26"),
        "Less than four months ago": ("2019-07-27", "2019-11-27"),
        "2018": ("2018-01-01", "2018-12-31"),
        "earlier this month": ("2019-11-01", "2019-11-27"),
        "in the 1990s": ("1990-01-01", "1999-12-31"),
    }


def test_without_a_date_relative_expressions_use_the_estimate_and_say_so(seeds) -> None:
    reading = _reading(REUTERS_SEED)
    earlier = next(d for d in reading.dates if d.text == "earlier this month")
    assert (earlier.start, earlier.end) == (date(2019, 11, 1), date(2019, 11, 26))
    assert earlier.confidence == "low" and "estimated publication date 2019-11-26" in earlier.note


def _figures(reading: Reading) -> dict[str, tuple[float, str, bool, str]]:
    return {f.text: (f.value, f.unit, f.approx, f.bound) for f in reading.figures}


def test_ap_figures(ap: Reading) -> None:
    figures = _figures(ap)
    assert figures["nearly $10bn"] == (10_000_000_000, "USD", True, "about")
    assert figures["all 125 National Assembly seats"] == (125, "seats", False, "exact")
    assert figures["nearly 800,000 people"] == (800_000, "people", True, "about")
    assert figures["34 years"] == (34, "years", False, "exact")
    employed = next(f for f in ap.figures if f.text == "nearly 800,000 people")
    assert employed.what == "people employed"


def test_reuters_figures(reuters: Reading) -> None:
    figures = _figures(reuters)
    assert figures["all 125 parliamentary seats"] == (125, "seats", False, "exact")
    assert figures["more than three decades"] == (30, "years", True, "at least")


def test_credit_people_are_not_story_entities(ap: Reading, reuters: Reading) -> None:
    for reading in (ap, reuters):
        story = {entity.name for entity in reading.entities if entity.role == "story"}
        credits = {entity.name for entity in reading.entities if entity.role == "credit"}
        assert not story & {"Samrang Pring", "Gemunu Amarasinghe", "Andrew Cawthorne", "Kay Johnson", "Prak Chan Thul"}
        assert "Samrang Pring" in credits
    assert {"Andrew Cawthorne", "Kay Johnson", "Prak Chan Thul"} <= {
        entity.name for entity in reuters.entities if entity.role == "credit"
    }


def test_mentions_of_one_entity_are_merged(ap: Reading, reuters: Reading) -> None:
    def entity(reading: Reading, name: str):
        return next(e for e in reading.entities if e.name == name)

    assert [e.name for e in ap.entities].count("Hun Sen") == 1
    assert entity(ap, "Donald Trump").label == "PERSON"  # "Trump" alone is tagged ORG by the model
    assert {"US", "United States", "Washington"} <= set(entity(ap, "United States").mentions)
    assert {"U.S.", "United States", "Washington"} <= set(entity(reuters, "United States").mentions)
    assert "CCP" in entity(reuters, "Cambodian People's Party").mentions
    assert "EU" in entity(reuters, "European Union").mentions


def test_sentences_point_into_the_clean_text(reuters: Reading) -> None:
    text = reuters.article.text
    for sentence in reuters.sentences:
        assert text[sentence.start : sentence.end].strip() == sentence.text


def test_claims_are_tied_to_their_sentence_entities_dates_and_figures(reuters: Reading) -> None:
    seats = next(claim for claim in reuters.claims if "all 125 parliamentary seats" in claim.figures)
    assert "Cambodian People's Party" in seats.entities
    assert reuters.sentences[seats.sentence].text.startswith(seats.text.rstrip("."))
    banned = [claim for claim in reuters.claims if claim.sentence == seats.sentence]
    assert len(banned) == 2  # who won the seats, and who disbanded the opposition
    released = next(claim for claim in reuters.claims if "earlier this month" in claim.dates)
    assert released.subject == "Kem Sokha"


def test_a_reading_survives_a_round_trip_through_json(reuters: Reading) -> None:
    assert Reading.from_dict(reuters.to_dict()) == reuters
