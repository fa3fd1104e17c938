"""The pages: the list of stories (search, filters, pages) and a story's report, rendered on the server.

A story's report is report/html.py's own rendering of a story, the same as `corroborate report --format html`
holds; the report's CSS is served as a file, so the strict Content-Security-Policy holds. A story's page says
what is new since this browser last saw the story: the browser is known by a random id in a cookie (HttpOnly,
SameSite=Strict), and the library remembers the version of each story each visitor saw.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from corroborate.models import Source, StoryReport
from corroborate.report.html import render_story_html, story_anchors
from corroborate.serve.app import LibraryDep, resolve_story
from corroborate.serve.listing import ListingParams, QueryError, find_stories
from corroborate.store.changes import Changes

router = APIRouter(include_in_schema=False)
FEED_SIZE = 50
FEED_READ = 500
"""The feed's stories are the most recently updated of the FEED_READ newest: the library lists by publication date."""
VISITOR_COOKIE = "corroborate_visitor"
VISITOR_ID = re.compile(r"[0-9a-f]{32}")
VISITOR_DAYS = 365


@router.get("/", response_class=HTMLResponse)
def stories_page(request: Request, library: LibraryDep, form: Annotated[ListingParams, Depends()]) -> Response:
    try:
        query = form.query()
    except QueryError as error:
        return _render(request, "stories.html", {"form": form, "error": str(error), "stories": []}, status=400)
    found = find_stories(library, query)
    articles, stories = library.counts()
    context = {
        "form": form,
        "query": query,
        "stories": found.stories,
        "previous": query.params(page=query.page - 1) if query.page > 1 else None,
        "next": query.params(page=query.page + 1) if found.has_next else None,
        "counts": {"articles": articles, "stories": stories},
    }
    return _render(request, "stories.html", context)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str, library: LibraryDep) -> Response:
    visitor = request.cookies.get(VISITOR_COOKIE, "")
    known = bool(VISITOR_ID.fullmatch(visitor))
    visitor = visitor if known else secrets.token_hex(16)
    visit = library.visit(visitor, resolve_story(library, story_id))
    news = news_since(visit.report, visit.changes)
    context = {
        "story": visit.report,
        "since": visit.since,
        "news": news,
        "report_html": report_fragment(visit.report, news.anchors()),
    }
    response = _render(request, "story.html", context)
    if not known:
        response.set_cookie(
            VISITOR_COOKIE, visitor, max_age=VISITOR_DAYS * 86_400, path="/", httponly=True, samesite="strict"
        )
    return response


@dataclass(frozen=True)
class NewItem:
    """One thing new on a story's page: its anchor there, and its words."""

    anchor: str
    text: str


@dataclass(frozen=True)
class News:
    sources: tuple[NewItem, ...] = ()
    facts: tuple[NewItem, ...] = ()
    disputes: tuple[NewItem, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.sources or self.facts or self.disputes)

    def anchors(self) -> frozenset[str]:
        return frozenset(item.anchor for item in (*self.sources, *self.facts, *self.disputes))


def news_since(report: StoryReport, changes: Changes) -> News:
    """The changes as the page lists them, each with the anchor of its place in the report below."""
    source, fact, dispute = story_anchors()
    numbers = {item.id: number for number, item in enumerate(report.sources, 1)}
    return News(
        sources=tuple(
            NewItem(f"{source}{numbers[id_]}", _source_name(item))
            for id_ in changes.sources
            for item in report.sources
            if item.id == id_
        ),
        facts=tuple(NewItem(f"{fact}{n + 1}", report.corroborated[n].claim) for n in changes.facts),
        disputes=tuple(
            NewItem(f"{dispute}{n + 1}", f"{report.disagreements[n].about}: {report.disagreements[n].why}")
            for n in changes.disputes
        ),
    )


def _source_name(source: Source) -> str:
    outlet = source.wire or (source.outlets[0] if source.outlets else source.name)
    return f"{outlet}: {source.title}" if source.title else outlet


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> Response:
    """The API described from its OpenAPI document, as a plain page: Swagger UI would need a CDN and script."""
    return _render(request, "docs.html", {"openapi": request.app.openapi()})


@router.get("/feed.atom")
def feed(request: Request, library: LibraryDep) -> Response:
    """An Atom feed of the stories most recently made or changed (an article joined them)."""
    summaries = sorted(library.stories(limit=FEED_READ), key=lambda summary: summary.updated, reverse=True)
    context = {
        "base": str(request.base_url),
        "stories": summaries[:FEED_SIZE],
        "changes": {summary.id: library.last_change(summary.id) for summary in summaries[:FEED_SIZE]},
        "updated": summaries[0].updated if summaries else "1970-01-01T00:00:00+00:00",
    }
    response = _render(request, "feed.xml", context)
    response.headers["content-type"] = "application/atom+xml; charset=utf-8"
    return response


def report_fragment(story: StoryReport, fresh: frozenset[str] = frozenset()) -> Markup:
    """The story's part of the report, with the elements in `fresh` marked new."""
    html = render_story_html(story, 1, fresh, title_tag="h1")  # the page's heading
    return Markup(html)  # ready HTML: report/html.py escapes everything it is given


def _render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> Response:
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)
