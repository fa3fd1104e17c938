"""JSON records checked where they enter: each field of the wrong type or size is dropped or cut with a warning
naming it; a decoder that cannot be made to recurse or to convert a huge number."""

from __future__ import annotations

import json
from datetime import date

import pytest

from corroborate.errors import InputError
from corroborate.ingest import parse_bytes

TEXT = "The ferry left the harbour on Tuesday morning with 300 passengers on board, officials said."


def _document(**fields: object):
    (document,) = parse_bytes("a.json", json.dumps({"text": TEXT, **fields}).encode(), suffix=".json")
    return document


@pytest.mark.parametrize(
    ("fields", "given", "warning"),
    [
        ({"authors": True}, {"authors": ()}, "the 'authors' field is a boolean, not a name or a list of names"),
        ({"authors": 42}, {"authors": ()}, "the 'authors' field is a number"),
        ({"author": {"name": "x"}}, {"authors": ()}, "the 'author' field is an object"),
        ({"authors": ["Ann Lee", 3, None]}, {"authors": ("Ann Lee",)}, "holds values that are not names"),
        ({"authors": "Ann Lee and Bo Chen"}, {"authors": ("Ann Lee", "Bo Chen")}, None),
        ({"authors": ["A"] * 60}, {"authors": ("A",) * 50}, "lists 60 names; only the first 50 were kept"),
        ({"title": 7}, {"title": None}, "the 'title' field is a number, not text; ignored"),
        ({"headline": ["x"]}, {"title": None}, "the 'headline' field is a list"),
        ({"title": "x" * 5000}, {"title": "x" * 1000}, "the 'title' field is 5,000 characters long; cut to 1,000"),
        ({"url": False}, {"url": None}, "the 'url' field is a boolean"),
        ({"outlet": None}, {"outlet": None}, None),
        ({"published": 20240301}, {"published": None}, "the 'published' field is a number, not an ISO date"),
        ({"published": "0001-01-01"}, {"published": None}, "not a plausible date (years 1000-2999)"),
        ({"date": "9999-12-31"}, {"published": None}, "not a plausible date"),
        ({"published": "2024-02-30"}, {"published": None}, "is not an ISO date"),
        ({"published": "2024-03-01T10:00:00Z"}, {"published": date(2024, 3, 1)}, None),
        ({"title": "caf\ud800"}, {"title": "caf\ufffd"}, "holds invalid characters (lone surrogates)"),
    ],
)
def test_each_field_is_checked_and_converted(fields: dict, given: dict, warning: str | None) -> None:
    document = _document(**fields)
    for name, value in given.items():
        assert getattr(document.given, name) == value
    if warning is None:
        assert not document.warnings
    else:
        (said,) = document.warnings
        assert warning in said


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "JSON nested too deeply to read"),
        (b'{"a": ' * 100_000 + b"1" + b"}" * 100_000, "JSON nested too deeply to read"),
        (b'{"text": 5}', "the 'text' field is a number, not text"),
        (b'{"html": ["<p>x</p>"]}', "the 'html' field is a list, not text"),
        (b"null", "expected a JSON object, found null"),
    ],
)
def test_records_that_cannot_be_used_are_one_input_error(content: bytes, reason: str) -> None:
    with pytest.raises(InputError) as error:
        parse_bytes("a.json", content, suffix=".json")
    assert reason in error.value.reason


def test_a_number_of_thousands_of_digits_is_read_as_a_float() -> None:
    data = f'{{"text": {json.dumps(TEXT)}, "views": {"9" * 5000}, "authors": {"1" * 5000}}}'.encode()
    (document,) = parse_bytes("a.json", data, suffix=".json")
    assert document.text == TEXT and document.given.authors == ()


def test_a_bad_line_of_json_lines_is_skipped_with_a_warning() -> None:
    data = b"\n".join(
        [json.dumps({"text": TEXT}).encode(), b"[" * 50_000, json.dumps({"text": TEXT + " More."}).encode()]
    )
    first, second = parse_bytes("a.jsonl", data, suffix=".jsonl")
    assert (first.source, second.source) == ("a.jsonl#1", "a.jsonl#3")
    assert first.warnings == (
        "1 records skipped, e.g. JSON nested too deeply to read (arrays or objects inside each other)",
    )
