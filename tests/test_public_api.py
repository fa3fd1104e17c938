"""The public API is hand-picked: the names in corroborate.__all__, and nothing heavy imported with them."""

from __future__ import annotations

import subprocess
import sys

import corroborate

PUBLIC = {
    "Article", "Claim", "CompareOptions", "CorroborateError", "Credit", "DateEstimate", "Disagreement", "Duplicate",
    "Entity", "ExtractOptions", "Fact", "Failure", "Figure", "GroupingOptions", "IngestOptions", "InputError",
    "Library", "LibraryError", "Line", "ModelUnavailable", "NotAnArticle", "Notice", "PipelineOptions", "Placement",
    "Processed", "Quote", "RawDocument", "Reading", "Report", "Signature", "Source", "Story", "StoryReport",
    "StorySummary", "TimeExpression", "__version__", "extract_articles", "from_dict", "group_articles", "inputs",
    "process_articles", "read_articles", "render_html", "render_json", "render_markdown", "report_inputs",
    "report_story", "to_dict",
}  # fmt: skip


def test_exported_members() -> None:
    assert set(corroborate.__all__) == PUBLIC
    assert all(hasattr(corroborate, name) for name in PUBLIC)


def test_importing_the_package_loads_no_model() -> None:
    code = "import sys, corroborate; print([m for m in ('spacy', 'torch', 'trafilatura') if m in sys.modules])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
