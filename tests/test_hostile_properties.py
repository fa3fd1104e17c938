"""Random bytes, random JSON and random Unicode, fed to ingest, extract and the JSON reader: a record or a clean
failure (an `InputError`) every time, never another exception; and what the reports show of such text is inert."""

from __future__ import annotations

import json
import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corroborate.errors import InputError
from corroborate.extract import extract
from corroborate.ingest import parse_bytes
from corroborate.ingest_json import FIELD_ALIASES, HTML_FIELDS, TEXT_FIELDS, YEARS
from corroborate.models import Article, RawDocument
from corroborate.report.markdown import _text
from corroborate.report.safe import printable

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SUFFIXES = st.sampled_from(["", ".txt", ".html", ".json", ".jsonl"])
UNICODE = st.text(alphabet=st.characters(codec="utf-8"), max_size=1500)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
KEYS = st.sampled_from(sorted({key for keys in FIELD_ALIASES.values() for key in keys} | {*TEXT_FIELDS, *HTML_FIELDS}))
RECORDS = st.dictionaries(KEYS, JSON_VALUES | st.text(max_size=300), max_size=8)


def _documents(data: bytes, suffix: str) -> list[RawDocument]:
    """What ingest makes of `data`, or [] for a clean refusal; every document's text can be written out."""
    try:
        documents = parse_bytes("input", data, suffix=suffix)
    except InputError as error:
        assert error.source.startswith("input") and error.reason
        return []
    for document in documents:
        document.text.encode("utf-8")  # no lone surrogate: it could not be printed or stored
        given = document.given
        assert given.title is None or isinstance(given.title, str)
        assert all(isinstance(author, str) and author for author in given.authors)
        assert given.published is None or (
            isinstance(given.published, date) and YEARS[0] <= given.published.year <= YEARS[1]
        )
    return documents


def _extracted(document: RawDocument) -> None:
    try:
        article = extract(document)
    except InputError:
        return
    assert isinstance(article, Article)


@SETTINGS
@given(st.binary(max_size=3000), SUFFIXES)
def test_random_bytes_are_documents_or_one_input_error(data: bytes, suffix: str) -> None:
    for document in _documents(data, suffix):
        _extracted(document)


@SETTINGS
@given(JSON_VALUES, st.sampled_from([".json", ".jsonl", ""]))
def test_random_json_is_documents_or_one_input_error(value: object, suffix: str) -> None:
    _documents(json.dumps(value).encode(), suffix)


@SETTINGS
@given(st.lists(RECORDS, min_size=1, max_size=3), st.booleans())
def test_random_records_are_checked_field_by_field(records: list[dict], lines: bool) -> None:
    data = "\n".join(json.dumps(record) for record in records) if lines else json.dumps(records)
    for document in _documents(data.encode(), ".jsonl" if lines else ".json"):
        _extracted(document)


@SETTINGS
@given(UNICODE, st.sampled_from([".txt", ".html", ""]))
def test_random_unicode_is_an_article_or_one_input_error(text: str, suffix: str) -> None:
    for document in _documents(text.encode("utf-8"), suffix):
        _extracted(document)


_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@SETTINGS
@given(st.text(max_size=300))
def test_printable_text_holds_no_control_character(text: str) -> None:
    shown = printable(text)
    assert not _UNSAFE.search(shown)
    assert printable(shown) == shown


@SETTINGS
@given(st.text(max_size=300))
def test_article_text_in_markdown_is_only_text(text: str) -> None:
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(f"x {_text(text)}")
    assert set(re.findall(r"<(/?[a-z0-9]+)", html)) <= {"p", "/p"}, html
