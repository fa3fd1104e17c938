"""The reading of the examples against their hand-made ground truth, tests/data/planted.json.

Every planted quotation (speaker, cue, partial, scare), date expression (start and end) and figure (value, unit,
bound) of the four story files is checked, with the credits and the merging of an entity's variants. Relative
dates resolve against each article's own date: its publication date, or for the undated AFP copy the earliest date
its text supports, as the ground truth's "publication" says.

Planted items are found in the reading by their words and their place in the article's text: a date or figure by
the reading's expression that overlaps the planted words (the reading's "Wednesday" for the planted "on
Wednesday"), a quotation by the shortest quotation that holds the planted words (a quotation inside a quotation
is also inside the outer one).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, ROOT

from corroborate.analyze import analyze
from corroborate.extract import extract
from corroborate.ingest import IngestOptions, parse_bytes, read_path
from corroborate.models import Reading

PLANTED = json.loads((ROOT / "tests" / "data" / "planted.json").read_text(encoding="utf-8"))
STORY_FILES: list[str] = PLANTED["story_files"]

# The ground truth names what a figure counts in general terms; the reading names the noun the number modifies.
# These are the planted units the reading writes otherwise, with the words it takes them from.
UNIT_AS_READ = {
    "crew": {"crew", "members", "sailors"},  # "23-strong crew", "All 23 crew members", "23 sailors"
    "people": {"people", "specialists"},  # "four oil-spill specialists"
}
# The planted "what" says which figures are bounds rather than approximations.
BOUND_IN_WHAT = {"(a lower bound)": "at least", "(an upper bound)": "at most"}


@pytest.fixture(scope="module")
def readings() -> dict[str, Reading]:
    articles = [
        extract(document) for name in STORY_FILES for document in read_path(str(EXAMPLES / name), IngestOptions())
    ]
    return {Path(reading.article.source).name: reading for reading in analyze(articles)}


def _planted(kind: str, source: str | None = None) -> list[dict]:
    return [item for item in PLANTED[kind] if source is None or item["source"] == source]


def _id(item: dict) -> str:
    return f"{item['source'].split('.')[0]}:{item['text'][:40]}"


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(".,").strip()


def _places(reading: Reading, items: list[dict]) -> list[tuple[int, int]]:
    """Where each planted text is in the article, in order: the planted lists follow the text."""
    text, position, places = reading.article.text, 0, []
    for item in items:
        start = text.find(item["text"], position)
        assert start >= 0, f"{item['text']!r} is not in {reading.article.source} after offset {position}"
        places.append((start, start + len(item["text"])))
        position = start + 1
    return places


def _overlapping(reading: Reading, found, place: tuple[int, int]) -> list:
    """The reading's dates or figures whose words overlap `place` (found again in their sentence)."""
    text, (start, end), hits = reading.article.text, place, []
    for item in found:
        sentence = reading.sentences[item.sentence]
        for match in re.finditer(re.escape(item.text), text[sentence.start : sentence.end]):
            if sentence.start + match.start() < end and start < sentence.start + match.end():
                hits.append(item)
                break
    return hits


def test_relative_dates_are_read_against_each_articles_own_date(readings: dict[str, Reading]) -> None:
    for name in STORY_FILES:
        article, planted = readings[name].article, PLANTED["publication"][name]
        assert (article.published and article.published.isoformat()) == planted["published"], name
        if planted["earliest"]:
            assert article.published_estimate is not None
            assert article.reference_date.isoformat() == planted["earliest"], name


# Quotations.


@pytest.mark.parametrize("planted", _planted("quotes"), ids=_id)
def test_every_planted_quotation_has_its_speaker(readings: dict[str, Reading], planted: dict) -> None:
    reading = readings[planted["source"]]
    holding = [quote for quote in reading.quotes if _normal(planted["text"]) in _normal(quote.text)]
    assert holding, f"no quotation holds {planted['text']!r}"
    quote = min(holding, key=lambda quote: len(quote.text))
    assert quote.speaker == planted["speaker"], quote.how
    assert (quote.cue or "none").lower() == planted["cue"]
    assert (quote.partial, quote.scare) == (planted["partial"], planted["scare"])


@pytest.mark.parametrize("name", STORY_FILES)
def test_every_quotation_found_is_a_planted_one(readings: dict[str, Reading], name: str) -> None:
    planted = [_normal(item["text"]) for item in _planted("quotes", name)]
    for quote in readings[name].quotes:
        assert any(words in _normal(quote.text) for words in planted), quote.text


def test_a_quotation_over_two_paragraphs_is_one_quotation(readings: dict[str, Reading]) -> None:
    first, second = (item["text"] for item in _planted("quotes") if "paragraph" in item["case"].split(":")[0])
    (quote,) = [quote for quote in readings["daily-ledger.txt"].quotes if _normal(first) in _normal(quote.text)]
    assert _normal(second) in _normal(quote.text)


# Dates.


def _place_of(reading: Reading, kind: str, planted: dict) -> tuple[int, int]:
    items = _planted(kind, planted["source"])
    return _places(reading, items)[items.index(planted)]


def _planted_places(reading: Reading, kind: str, source: str) -> list[tuple[int, int]]:
    return _places(reading, _planted(kind, source))


@pytest.mark.parametrize("planted", _planted("dates"), ids=_id)
def test_every_planted_date_is_resolved(readings: dict[str, Reading], planted: dict) -> None:
    reading = readings[planted["source"]]
    hits = _overlapping(reading, reading.dates, _place_of(reading, "dates", planted))
    assert len(hits) == 1, f"{planted['text']!r}: {[hit.text for hit in hits]}"
    (expression,) = hits
    assert (str(expression.start), str(expression.end)) == (planted["start"], planted["end"]), expression.note


@pytest.mark.parametrize("name", STORY_FILES)
def test_every_date_found_is_a_planted_one(readings: dict[str, Reading], name: str) -> None:
    """Rates ("every day", "a weekly service") and durations ("34 years") are not dates: they are kept with their
    kind ("recurrence", "duration") and no dates."""
    reading = readings[name]
    places = _planted_places(reading, "dates", name)
    matched = {id(hit) for place in places for hit in _overlapping(reading, reading.dates, place)}
    unplanted = [expression for expression in reading.dates if id(expression) not in matched]
    assert [expression.text for expression in unplanted if expression.kind == "date"] == []
    assert all(expression.start is None and expression.end is None for expression in unplanted)


# Figures.


@pytest.mark.parametrize("planted", _planted("figures"), ids=_id)
def test_every_planted_figure_has_its_value_unit_and_bound(readings: dict[str, Reading], planted: dict) -> None:
    reading = readings[planted["source"]]
    hits = _overlapping(reading, reading.figures, _place_of(reading, "figures", planted))
    assert len(hits) == 1, f"{planted['text']!r}: {[hit.text for hit in hits]}"
    (figure,) = hits
    assert figure.text == planted["text"]
    assert figure.value == planted["value"]
    assert figure.unit in UNIT_AS_READ.get(planted["unit"], {planted["unit"]})
    assert figure.approx == planted["approx"]
    bound = next((bound for words, bound in BOUND_IN_WHAT.items() if words in planted["what"]), None)
    assert figure.bound == (bound or ("about" if planted["approx"] else "exact"))


@pytest.mark.parametrize("name", STORY_FILES)
def test_every_figure_found_is_a_planted_one(readings: dict[str, Reading], name: str) -> None:
    """ "one port official said" names an unnamed source; it counts nothing."""
    reading = readings[name]
    places = _planted_places(reading, "figures", name)
    matched = {id(hit) for place in places for hit in _overlapping(reading, reading.figures, place)}
    assert [figure.text for figure in reading.figures if id(figure) not in matched] == []


def test_a_figure_says_what_it_counts(readings: dict[str, Reading]) -> None:
    figures = {figure.text: figure for figure in readings["coastal-times-wire.txt"].figures}
    assert figures["nearly 17,000 people"].what == "people employed"


# Entities and credits.


def _clean(name: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", re.sub(r"['’]s$", "", name))


def _credits() -> list:
    params = []
    for name in STORY_FILES:
        for person in PLANTED["credit_people"][name]:
            params.append(pytest.param(name, person, id=f"{name.split('.')[0]}:{person}"))
    return params


@pytest.mark.parametrize("name", STORY_FILES)
def test_no_credit_person_is_a_story_entity(readings: dict[str, Reading], name: str) -> None:
    story = {mention for e in readings[name].entities if e.role == "story" for mention in (e.name, *e.mentions)}
    for person in PLANTED["credit_people"][name]:
        assert not {person, person.split()[-1]} & story, person


@pytest.mark.parametrize(("name", "person"), _credits())
def test_every_credit_person_is_a_credit_entity(readings: dict[str, Reading], name: str, person: str) -> None:
    assert person in {entity.name for entity in readings[name].entities if entity.role == "credit"}


MERGED = [item for item in PLANTED["entities"] if len({_clean(variant) for variant in item["variants"]}) > 1]


@pytest.mark.parametrize("planted", MERGED, ids=lambda item: f"{item['source'].split('.')[0]}:{item['name']}")
def test_the_variants_of_an_entity_are_one_entity(readings: dict[str, Reading], planted: dict) -> None:
    """Possessives ("Kavari's"), abbreviations in brackets ("(CWT)", even the misspelt "(CTW)"), surnames alone,
    and "US", "U.S.", "the United States", "America" and an acting "Washington" for the United States."""
    variants = {_clean(variant) for variant in planted["variants"]}
    holding = [e for e in readings[planted["source"]].entities if variants & {_clean(m) for m in e.mentions}]
    assert [entity.name for entity in holding] == [planted["name"]]
    assert variants <= {_clean(mention) for mention in holding[0].mentions}


@pytest.mark.parametrize("name", STORY_FILES)
def test_the_people_of_the_story_are_people(readings: dict[str, Reading], name: str) -> None:
    people = {item["name"] for item in _planted("entities", name) if item["label"] == "PERSON"}
    found = {entity.name for entity in readings[name].entities if entity.role == "story" and entity.label == "PERSON"}
    assert people <= found


# What the examples cannot show: expressions with nothing to resolve against keep their words and say so.


def _read_text(text: str) -> Reading:
    (document,) = parse_bytes("plain.txt", text.encode(), suffix=".txt")
    return next(analyze([extract(document)]))


def test_a_time_of_day_with_no_day_around_it_stays_unresolved() -> None:
    reading = _read_text(
        "Police raided a house in the north of the town before dawn and arrested two men, officers said. The raid "
        "followed a long investigation into the theft of copper cable from the railway line.\n\n"
        "The two men were released without charge, a police spokesman said. Officers are still searching for a "
        "third man, who is thought to have left the country, and have asked the public for help."
    )
    (expression,) = reading.dates
    assert (expression.text, expression.start, expression.confidence) == ("before dawn", None, "unresolved")
    assert "does not say which day" in expression.note
