"""The signature of an article (corroborate/group/signature.py), from readings built by hand: no spaCy, no model.
Every article here is invented."""

from __future__ import annotations

from datetime import date

import pytest

from corroborate.group import GroupingOptions, sign
from corroborate.group.signature import embedding_text, entity_key, key_terms, word_shingles
from corroborate.models import Article, Entity, Line, Reading, Signature, TimeExpression, WeightedKey

PARAGRAPHS = (
    "Harbour pilot Anna Kessler guided the stricken ferry Nordlys into Tromsø on Monday after its engine failed.",
    "Kessler said the crossing took four hours. The ferry company thanked Kessler and the coastguard.",
    "A spokesman for the Norwegian Coastal Administration said the ferries would sail again on March 4, 2026.",
)


def reading(paragraphs=PARAGRAPHS, title="Pilot brings crippled ferry home", published=None, dates=(), entities=None):
    article = Article(
        source="invented.txt",
        title=title,
        standfirst=None,
        outlet="The Northern Light",
        wire=None,
        authors=("Per Olsen",),
        credits=(),
        dateline=None,
        published=published,
        published_estimate=None,
        paragraphs=tuple(paragraphs),
        captions=(),
        lines=tuple(Line(text, "body") for text in paragraphs),
    )
    if entities is None:
        entities = (
            Entity("Anna Kessler", "PERSON", ("Anna Kessler", "Kessler")),
            Entity("Tromsø", "GPE", ("Tromsø",)),
            Entity("Norwegian Coastal Administration", "ORG", ("Norwegian Coastal Administration",)),
            Entity("Per Olsen", "PERSON", ("Per Olsen",), role="credit"),
        )
    return Reading(article=article, analysed=True, note=None, entities=tuple(entities), dates=tuple(dates))


def weights(keys: tuple[WeightedKey, ...]) -> dict[str, float]:
    return {key.key: key.weight for key in keys}


def test_a_signature_without_the_model_has_no_embedding_and_everything_else() -> None:
    (signature,) = sign([reading()], embeddings=False)
    assert isinstance(signature, Signature)
    assert signature.article == reading().id and signature.source == "invented.txt"
    assert len(signature.minhash) == GroupingOptions().num_perm and all(isinstance(v, int) for v in signature.minhash)
    assert signature.shingles == len(word_shingles(reading().article.text, GroupingOptions().shingle))
    assert signature.embedding == ()


def test_the_people_the_article_is_about_count_by_mentions_and_reporters_are_left_out() -> None:
    (signature,) = sign([reading()], embeddings=False)
    entities = weights(signature.entities)
    assert "per olsen" not in entities  # a credit, not a person of the story
    assert entities == {"anna kessler": 3.0, "tromsø": 1.0, "norwegian coastal administration": 1.0}


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("The White House", "white house"),
        ("U.S. Surgeon General", "u s surgeon general"),
        ("Tromsø", "tromsø"),
        ("O'Brien", "o brien"),
    ],
)
def test_entity_keys_spell_one_entity_one_way(name: str, key: str) -> None:
    assert entity_key(name) == key


@pytest.mark.parametrize(
    ("heavier", "lighter", "why"),
    [
        ("nordlys", "ferry", "a name nobody else uses outweighs a common noun"),
        ("ferry", "said", "a word of the event outweighs a word of every article"),
        ("kessler", "pilot", "named three times, and rarer"),
    ],
)
def test_terms_weigh_what_is_rare_in_english_and_repeated(heavier: str, lighter: str, why: str) -> None:
    terms = weights(key_terms(["Pilot Anna Kessler said the Nordlys ferry was safe. Kessler, Kessler."], 20))
    assert terms[heavier] > terms[lighter], why


def test_key_terms_are_a_unit_vector_of_content_words_and_numbers() -> None:
    terms = weights(key_terms(["The ferries sailed; the ferry sailed again with 120 passengers."], 10))
    assert "the" not in terms and "with" not in terms
    assert "120" in terms and "ferries" in terms and "ferry" in terms
    assert sum(weight * weight for weight in terms.values()) == pytest.approx(1.0, abs=1e-4)
    assert len(key_terms(["ferry pilot harbour engine coastguard crossing tug"], 4)) == 4


def test_only_days_read_with_their_year_count() -> None:
    dates = (
        TimeExpression("March 4, 2026", date(2026, 3, 4), date(2026, 3, 4), "exact", 2),
        TimeExpression("in 2019", date(2019, 1, 1), date(2019, 12, 31), "exact", 2),
        TimeExpression("Monday", date(2026, 3, 2), date(2026, 3, 2), "low", 0),  # against an estimated date
    )
    (signature,) = sign([reading(dates=dates)], embeddings=False)
    assert signature.days == (date(2026, 3, 4),)


def test_the_publication_date_is_a_day_and_relative_dates_count_against_it() -> None:
    dates = (TimeExpression("Monday", date(2026, 3, 2), date(2026, 3, 2), "medium", 0),)
    (signature,) = sign([reading(dates=dates, published=date(2026, 3, 3))], embeddings=False)
    assert signature.published == date(2026, 3, 3)
    assert signature.days == (date(2026, 3, 2), date(2026, 3, 3))


def test_the_embedded_text_is_the_title_and_lead_cut_to_a_number_of_words() -> None:
    text = embedding_text(reading(), 12)
    assert text.startswith("Pilot brings crippled ferry home Harbour pilot")
    assert len(text.split()) == 12


def test_an_unread_article_still_gets_a_signature() -> None:
    unread = Reading(article=reading().article, analysed=False, note="not analysed: in Norwegian")
    (signature,) = sign([unread], embeddings=False)
    assert signature.entities == () and signature.terms and signature.minhash
