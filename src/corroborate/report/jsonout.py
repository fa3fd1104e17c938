"""The report as one JSON document, `{"schema_version", "stories": [...]}`, checked by report/schema.json."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from corroborate.models import Report, to_dict


def report_data(report: Report) -> dict[str, Any]:
    return to_dict(report)


def render_json(report: Report) -> str:
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the report, shipped with the package."""
    return json.loads(resources.files("corroborate.report").joinpath("schema.json").read_text(encoding="utf-8"))
