"""corroborate: what several outlets' reports of one event establish, and where they part ways.

The pipeline (pipeline.py) runs the stages in the order data flows, each a function of plain records:

    ingest -> extract -> analyze -> group -> compare -> report

    inputs(paths)                  paths, folders, URLs -> RawDocument | Failure
    process_articles(documents)    the per-article step -> Processed(reading, signature) | Failure
    group_articles(signatures)     the corpus step -> stories (and where each article went)
    report_story(story, readings)  the per-story step -> StoryReport

`Library` (store/) keeps articles and their stories in one SQLite file and places new articles incrementally;
`report_inputs(paths)` is `corroborate report PATH...`: a throw-away library in memory, then the report.
"""

from corroborate.compare import CompareOptions
from corroborate.errors import CorroborateError, InputError, LibraryError, ModelUnavailable, NotAnArticle
from corroborate.extract import ExtractOptions
from corroborate.group import GroupingOptions
from corroborate.ingest import IngestOptions
from corroborate.models import (
    Article,
    Claim,
    Credit,
    DateEstimate,
    Disagreement,
    Duplicate,
    Entity,
    Fact,
    Failure,
    Figure,
    Line,
    Notice,
    Placement,
    Quote,
    RawDocument,
    Reading,
    Report,
    Signature,
    Source,
    Story,
    StoryReport,
    StorySummary,
    TimeExpression,
    from_dict,
    to_dict,
)
from corroborate.pipeline import (
    PipelineOptions,
    Processed,
    extract_articles,
    group_articles,
    inputs,
    process_articles,
    read_articles,
    report_story,
)
from corroborate.report.html import render_html
from corroborate.report.jsonout import render_json
from corroborate.report.markdown import render_markdown
from corroborate.store import Library, report_inputs

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Claim",
    "CompareOptions",
    "CorroborateError",
    "Credit",
    "DateEstimate",
    "Disagreement",
    "Duplicate",
    "Entity",
    "ExtractOptions",
    "Fact",
    "Failure",
    "Figure",
    "GroupingOptions",
    "IngestOptions",
    "InputError",
    "Library",
    "LibraryError",
    "Line",
    "ModelUnavailable",
    "NotAnArticle",
    "Notice",
    "PipelineOptions",
    "Placement",
    "Processed",
    "Quote",
    "RawDocument",
    "Reading",
    "Report",
    "Signature",
    "Source",
    "Story",
    "StoryReport",
    "StorySummary",
    "TimeExpression",
    "__version__",
    "extract_articles",
    "from_dict",
    "group_articles",
    "inputs",
    "process_articles",
    "read_articles",
    "render_html",
    "render_json",
    "render_markdown",
    "report_inputs",
    "report_story",
    "to_dict",
]
