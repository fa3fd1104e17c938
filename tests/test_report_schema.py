"""The JSON report against its JSON Schema (src/corroborate/report/schema.json), and the schema against the
records, so that neither drifts from the other."""

from __future__ import annotations

import dataclasses
import json

import jsonschema
import pytest

from corroborate.models import SCHEMA_VERSION, Fact, QuoteEntry, Report, Source, StoryReport, TimelineEntry
from corroborate.report.jsonout import render_json, schema


@pytest.mark.parametrize("which", ["seeds_report", "examples_report"])
def test_reports_validate_against_the_schema(which: str, request: pytest.FixtureRequest) -> None:
    report: Report = request.getfixturevalue(which)
    data = json.loads(render_json(report))
    jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker()).validate(data)
    assert data["schema_version"] == SCHEMA_VERSION


def test_the_schema_rejects_what_the_issue_forbids() -> None:
    validator = jsonschema.Draft202012Validator(schema())
    assert not validator.is_valid({"schema_version": SCHEMA_VERSION})
    bad_kind = {"kind": "mood", "about": "x", "sides": [{"source": "a", "text": "b"}], "why": "y"}
    assert not validator.is_valid({"schema_version": SCHEMA_VERSION, "stories": [], "notes": [bad_kind]})


@pytest.mark.parametrize(
    ("record", "definition"),
    [
        (StoryReport, "story"),
        (Source, "source"),
        (Fact, "fact"),
        (QuoteEntry, "quote"),
        (TimelineEntry, "timeline_entry"),
    ],
)
def test_schema_and_records_have_the_same_fields(record: type, definition: str) -> None:
    fields = {field.name for field in dataclasses.fields(record)}
    assert set(schema()["$defs"][definition]["properties"]) == fields
