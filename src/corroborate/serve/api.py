"""The JSON API: stories (listed, searched, filtered), one story with its articles, and its report in the
report's JSON format (report/schema.json, served at /api/schema/report)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException

from corroborate.models import Reading, StorySummary, to_dict
from corroborate.report.jsonout import report_data, schema
from corroborate.serve.app import LibraryDep, resolve_story
from corroborate.serve.listing import ListingParams, QueryError, find_stories

router = APIRouter(prefix="/api", tags=["api"])


@router.get("/stories", summary="Stories, newest first; with `search`, best match first")
def list_stories(library: LibraryDep, params: Annotated[ListingParams, Depends()]) -> dict[str, Any]:
    """`search`: words every matching article holds (title or text); `since`, `until`: YYYY-MM-DD, the stories
    whose dates overlap; `outlet`: one of the story's outlets; `sources`: at least this many sources;
    `disagreements`: 1 for only the stories whose sources disagree somewhere; `page`: 1... Each story comes with
    its counts of corroborated facts and disagreements (null until it is first reported)."""
    try:
        query = params.query()
    except QueryError as error:
        raise HTTPException(400, str(error)) from None
    found = find_stories(library, query)
    return {
        "page": query.page,
        "has_next": found.has_next,
        "stories": [_summary(summary) for summary in found.stories],
    }


@router.get("/stories/{story_id}", summary="One story: its sources and articles")
def get_story(story_id: str, library: LibraryDep) -> dict[str, Any]:
    """`story_id`: the id, or its first characters."""
    story, readings = library.story(resolve_story(library, story_id))
    by_id = {reading.article.id: reading for reading in readings}
    return {
        "id": story.id,
        "title": next((r.article.title for r in readings if r.article.title), None),
        "sources": [list(source) for source in story.sources],
        "articles": [_article(by_id[article]) for article in story.articles if article in by_id],
    }


@router.get("/stories/{story_id}/report", summary="The story's report (JSON Schema: /api/schema/report)")
def get_report(story_id: str, library: LibraryDep) -> dict[str, Any]:
    return report_data(library.report([resolve_story(library, story_id)]))


@router.get("/schema/report", summary="The JSON Schema of reports")
def report_schema() -> dict[str, Any]:
    return schema()


def _summary(summary: StorySummary) -> dict[str, Any]:
    return {**to_dict(summary), "url": f"/stories/{summary.id}", "report": f"/api/stories/{summary.id}/report"}


def _article(reading: Reading) -> dict[str, Any]:
    article = reading.article
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "wire": article.wire,
        "authors": list(article.authors),
        "published": article.published.isoformat() if article.published else None,
        "words": len(article.text.split()),
        "analysed": reading.analysed,
    }
