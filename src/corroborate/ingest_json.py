"""JSON inputs, for ingest: one article per object (a list, a single object, or JSON Lines), each checked.

A JSON record is data from anywhere, so every field is checked where it enters and converted to what the rest
of the pipeline expects: a field of the wrong type or size is dropped or cut with a warning naming it, never
passed on. The decoder is bounded too: nesting too deep for Python's parser, a number too long to convert,
a lone surrogate in a string are each an `InputError` or a repaired value, never a traceback.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from typing import Any, Literal

from corroborate.errors import InputError
from corroborate.models import Given, RawDocument

TEXT_FIELDS = ("text", "body", "content", "article", "articleBody")
HTML_FIELDS = ("html", "raw_html", "page")
FIELD_ALIASES = {
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url"),
    "outlet": ("outlet", "site", "sitename", "source_name", "publisher"),
    "published": ("published", "date", "published_at", "datePublished", "pubdate"),
    "authors": ("authors", "author", "byline"),
}
MAX_FIELD_CHARS = {"title": 1_000, "url": 2_000, "outlet": 200, "author": 200}
"""Longer than any real headline, address, outlet or name: beyond it a field is cut, with a warning."""
MAX_AUTHORS = 50
MAX_DIGITS = 100
"""A JSON number longer than this is read as a float (infinite if need be): Python refuses to turn a string of
over 4,300 digits into an int, and no article field needs more than a few."""
_SURROGATE = re.compile("[\ud800-\udfff]")
YEARS = (1000, 2999)
"""Publication years believed: outside them a date is a typo or a placeholder, and date arithmetic (a week
before, a century later) would leave the calendar."""


def json_documents(source: str, text: str, warnings: list[str], html_start: re.Pattern[bytes]) -> list[RawDocument]:
    """The articles a JSON input holds; a record (or a line of JSON Lines) that cannot be used is skipped with a
    warning, and an `InputError` when none can. `html_start` tells an HTML body from plain text."""
    records = list(_json_records(source, text))
    if not records:
        raise InputError(source, "JSON holds no articles")
    if len(records) == 1 and isinstance(records[0][1], InputError):  # not JSON at all: said as it is
        raise InputError(source, records[0][1].reason)
    documents: list[RawDocument] = []
    errors: list[str] = []
    for name, record in records:
        try:
            if isinstance(record, InputError):
                raise record
            documents.append(record_document(name, record, warnings, html_start))
        except InputError as error:
            errors.append(error.reason)
    if not documents:
        raise InputError(source, f"no usable article in the JSON ({errors[0]})")
    if errors:
        first = documents[0]
        documents[0] = replace(first, warnings=(*first.warnings, f"{len(errors)} records skipped, e.g. {errors[0]}"))
    return documents


def _json_records(source: str, text: str) -> Iterator[tuple[str, Any]]:
    stripped = text.strip()
    if stripped.startswith("["):
        data = load_json(source, stripped)
        for index, item in enumerate(data if isinstance(data, list) else [data], start=1):
            yield f"{source}#{index}", item
        return
    try:
        yield source, load_json(source, stripped)
        return
    except InputError:
        pass
    for number, line in enumerate(text.splitlines(), start=1):  # JSON Lines: a broken line is one record lost
        if line.strip():
            try:
                yield f"{source}#{number}", load_json(f"{source}#{number}", line)
            except InputError as error:
                yield error.source, error


def load_json(source: str, text: str) -> Any:
    """`json.loads`, bounded: an `InputError` for broken or too deeply nested JSON; huge numbers as floats."""
    try:
        return json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as error:
        raise InputError(source, f"broken JSON at line {error.lineno}, column {error.colno}: {error.msg}") from None
    except RecursionError:
        raise InputError(source, "JSON nested too deeply to read (arrays or objects inside each other)") from None


def _bounded_int(digits: str) -> int | float:
    return int(digits) if len(digits) <= MAX_DIGITS else float(digits)


def record_document(name: str, record: Any, warnings: Iterable[str], html_start: re.Pattern[bytes]) -> RawDocument:
    """One JSON record as a document: its text or html, and each metadata field checked and converted."""
    if not isinstance(record, dict):
        raise InputError(name, f"expected a JSON object, found {_kind(record)}")
    notes = list(warnings)
    html = _clean(_first_string(record, HTML_FIELDS), "html", notes)
    body = _clean(_first_string(record, TEXT_FIELDS), "text", notes)
    if not html and not body:
        wrong = [field for field in (*HTML_FIELDS, *TEXT_FIELDS) if record.get(field) not in (None, "")]
        if wrong:
            raise InputError(name, f"the {wrong[0]!r} field is {_kind(record[wrong[0]])}, not text")
        raise InputError(name, "record has no text or html field")
    form: Literal["html", "text"] = "html" if html or html_start.match(body.encode()[:4096]) else "text"
    given = Given(
        title=_field(record, "title", notes),
        url=_field(record, "url", notes),
        outlet=_field(record, "outlet", notes),
        published=_published(record, notes),
        authors=_authors(record, notes),
    )
    return RawDocument(source=name, text=html or body, format=form, given=given, warnings=tuple(notes))


def _field(record: dict[str, Any], name: str, notes: list[str]) -> str | None:
    key = _present(record, FIELD_ALIASES[name])
    if key is None:
        return None
    value = record[key]
    if not isinstance(value, str):
        notes.append(f"the {key!r} field is {_kind(value)}, not text; ignored")
        return None
    return _cut(_clean(value, key, notes), MAX_FIELD_CHARS[name], key, notes) or None


def _authors(record: dict[str, Any], notes: list[str]) -> tuple[str, ...]:
    key = _present(record, FIELD_ALIASES["authors"])
    if key is None:
        return ()
    value = record[key]
    if isinstance(value, str):
        value = re.split(r"\s*(?:;|,| and )\s*", value)
    if not isinstance(value, list):
        notes.append(f"the {key!r} field is {_kind(value)}, not a name or a list of names; ignored")
        return ()
    names = [item for item in value if isinstance(item, str) and item.strip()]
    if len(names) < len([item for item in value if item not in (None, "")]):
        notes.append(f"the {key!r} field holds values that are not names; they were ignored")
    if len(names) > MAX_AUTHORS:
        notes.append(f"the {key!r} field lists {len(names)} names; only the first {MAX_AUTHORS} were kept")
    limit = MAX_FIELD_CHARS["author"]
    return tuple(_cut(_clean(name.strip(), key, notes), limit, key, notes) for name in names[:MAX_AUTHORS])


def _published(record: dict[str, Any], notes: list[str]) -> date | None:
    key = _present(record, FIELD_ALIASES["published"])
    if key is None:
        return None
    value = record[key]
    if not isinstance(value, str):
        notes.append(f"the {key!r} field is {_kind(value)}, not an ISO date (YYYY-MM-DD); ignored")
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        notes.append(f"publication date {value[:40]!r} is not an ISO date (YYYY-MM-DD); ignored")
        return None
    if not YEARS[0] <= day.year <= YEARS[1]:
        notes.append(f"publication date {value[:10]!r} is not a plausible date (years {YEARS[0]}-{YEARS[1]}); ignored")
        return None
    return day


def _first_string(record: dict[str, Any], fields: Iterable[str]) -> str:
    for field in fields:
        value = record.get(field)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def _present(record: dict[str, Any], fields: Iterable[str]) -> str | None:
    return next((field for field in fields if record.get(field) not in (None, "", [])), None)


def _clean(value: str, key: str, notes: list[str]) -> str:
    """The string with lone surrogates (which JSON allows, and UTF-8 cannot write) replaced."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        notes.append(f"the {key!r} field holds invalid characters (lone surrogates); they were replaced")
        return _SURROGATE.sub("\ufffd", value)
    return value


def _cut(value: str, limit: int, key: str, notes: list[str]) -> str:
    if len(value) <= limit:
        return value
    notes.append(f"the {key!r} field is {len(value):,} characters long; cut to {limit:,}")
    return value[:limit]


def _kind(value: Any) -> str:
    """A JSON value's type in JSON's words (a boolean, a number), for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"
