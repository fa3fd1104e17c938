"""The pages: the list of stories (search, filters, pages) and a story's report, rendered on the server.

A story's report is report/html.py's own rendering, the same as `corroborate report --format html`: the page
takes its <main> element and serves the report's CSS as a file, so the strict Content-Security-Policy holds.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from corroborate.models import Report
from corroborate.report.html import render_html
from corroborate.serve.app import LibraryDep, resolve_story
from corroborate.serve.listing import ListingParams, QueryError, find_stories

router = APIRouter(include_in_schema=False)
FEED_SIZE = 50
FEED_READ = 500
"""The feed's stories are the most recently updated of the FEED_READ newest: the library lists by publication date."""


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
    report = library.report([resolve_story(library, story_id)])
    return _render(request, "story.html", {"story": report.stories[0], "report_html": report_fragment(report)})


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
        "updated": summaries[0].updated if summaries else "1970-01-01T00:00:00+00:00",
    }
    response = _render(request, "feed.xml", context)
    response.headers["content-type"] = "application/atom+xml; charset=utf-8"
    return response


def report_fragment(report: Report) -> Markup:
    """The report's <main> as render_html makes it. Every word of an article in it is escaped, so the only
    <main> tags in the page are the report's own."""
    page = render_html(report)
    start, end = page.index("<main>") + len("<main>"), page.rindex("</main>")
    # The story's title, the report's first <h2>, is the page's heading: an <h1> (no article text can hold a tag).
    main = page[start:end].replace("<h2", "<h1", 1).replace("</h2>", "</h1>", 1)
    return Markup(main)  # ready HTML: render_html escapes everything it is given


def _render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> Response:
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)
