"""corroborate: what several outlets' reports of one event establish, and where they part ways.

The pipeline, one stage per module, each a function of plain records:

    read_inputs (ingest) -> extract -> analyze -> group_stories -> compare_stories -> render_* (report)
"""

from corroborate.analyze import analyze
from corroborate.compare import CompareOptions, compare_stories
from corroborate.errors import CorroborateError, InputError, ModelUnavailable, NotAnArticle
from corroborate.extract import ExtractOptions, extract
from corroborate.group import Story, group_stories
from corroborate.ingest import IngestOptions, read_inputs
from corroborate.models import (
    Article,
    Claim,
    Credit,
    DateEstimate,
    Disagreement,
    Entity,
    Fact,
    Figure,
    Line,
    Quote,
    RawDocument,
    Reading,
    Report,
    Source,
    StoryReport,
    TimeExpression,
    from_dict,
    to_dict,
)
from corroborate.report.html import render_html
from corroborate.report.jsonout import render_json
from corroborate.report.markdown import render_markdown

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Claim",
    "CompareOptions",
    "CorroborateError",
    "Credit",
    "DateEstimate",
    "Disagreement",
    "Entity",
    "ExtractOptions",
    "Fact",
    "Figure",
    "IngestOptions",
    "InputError",
    "Line",
    "ModelUnavailable",
    "NotAnArticle",
    "Quote",
    "RawDocument",
    "Reading",
    "Report",
    "Source",
    "Story",
    "StoryReport",
    "TimeExpression",
    "__version__",
    "analyze",
    "compare_stories",
    "extract",
    "from_dict",
    "group_stories",
    "read_inputs",
    "render_html",
    "render_json",
    "render_markdown",
    "to_dict",
]
