"""Invariants of the parsers and records, checked on generated input."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from tests.records import article as make_article

from corroborate.extract.lines import classify
from corroborate.extract.normalize import normalize_line, normalize_text
from corroborate.ingest import decode
from corroborate.models import LINE_KINDS, Article, Credit, DateEstimate, Line, from_dict, to_dict

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)


@given(texts)
def test_normalising_twice_is_normalising_once(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert normalize_line(normalize_line(text)) == normalize_line(text)


@given(texts)
def test_normalised_text_has_ascii_quotes_and_no_invisible_characters(text: str) -> None:
    for character in "‘’“”\u00a0\u200b\ufeff\t":
        assert character not in normalize_text(text)


@given(st.lists(st.text(min_size=1, max_size=120).map(normalize_line).filter(bool), max_size=30))
def test_every_line_gets_exactly_one_known_kind(lines: list[str]) -> None:
    classified = classify(lines)
    assert [line.text for line in classified] == lines
    assert all(line.kind in LINE_KINDS for line in classified)


@given(st.binary(max_size=2000))
def test_decoding_never_fails_with_anything_but_an_input_error(data: bytes) -> None:
    from corroborate.errors import InputError

    try:
        text, warnings = decode("x", data)
    except InputError:
        return
    assert isinstance(text, str)
    assert all(isinstance(warning, str) for warning in warnings)


short = st.text(max_size=40)
articles = st.builds(
    Article,
    source=short,
    title=st.none() | short,
    standfirst=st.none() | short,
    outlet=st.none() | short,
    wire=st.none() | short,
    authors=st.tuples(short),
    credits=st.tuples(st.builds(Credit, role=short, name=short, agency=st.none() | short)),
    dateline=st.none() | short,
    published=st.none() | st.dates(),
    published_estimate=st.none()
    | st.builds(
        DateEstimate,
        earliest=st.none() | st.dates(),
        latest=st.none() | st.dates(),
        evidence=st.tuples(short),
    ),
    paragraphs=st.lists(short, max_size=4).map(tuple),
    captions=st.lists(short, max_size=2).map(tuple),
    lines=st.lists(
        st.builds(Line, text=short, kind=st.sampled_from(LINE_KINDS), why=st.none() | short), max_size=4
    ).map(tuple),
    url=st.none() | short,
    language=st.none() | short,
    warnings=st.lists(short, max_size=2).map(tuple),
)


@given(articles)
def test_an_article_survives_a_round_trip_through_json_data(article: Article) -> None:
    assert from_dict(Article, to_dict(article)) == article


def test_reference_date_prefers_the_publication_date() -> None:
    estimate = DateEstimate(earliest=date(2019, 11, 26), latest=None, evidence=())
    read = from_dict(Article, {**to_dict(make_article(source="x")), "published_estimate": to_dict(estimate)})
    assert read.reference_date == date(2019, 11, 26)
