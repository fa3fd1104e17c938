"""An article's metadata as `extract` gives it (corroborate/extract/__init__.py): its title, authors and publication
date, from invented pages and scraped texts whose markup or lines mislead."""

from __future__ import annotations

from datetime import date

import pytest

from corroborate.extract import extract
from corroborate.models import Article, RawDocument

_PARAGRAPHS = (
    "<p>The council voted on Tuesday to rebuild the sea wall at Saltby, a project residents of the lower town had "
    "asked for since the January storm flooded their cellars twice in one week.</p>"
    "<p>Work will start in April and should end before the winter storms, the harbour master said on Wednesday, "
    "adding that the coast road would stay open while the crews worked from barges moored off the quay.</p>"
)


def _page(head: str, article: str) -> Article:
    html = f"<html><head>{head}</head><body><article>{article}{_PARAGRAPHS}</article></body></html>"
    return extract(RawDocument(source="page.html", text=html, format="html"))


def _text(text: str) -> Article:
    return extract(RawDocument(source="item.txt", text=text, format="text"))


_TITLE = "<title>Saltby council votes to rebuild the sea wall | Saltby Gazette</title>"

# (head, top of the article, title): the headline, never a box's heading nor a standfirst restating it.
TITLES = [
    pytest.param(_TITLE, "<h2>Quick facts</h2>", "Saltby council votes to rebuild the sea wall", id="a fact box"),
    pytest.param(
        _TITLE,
        "<h2>The council voted to rebuild the sea wall at Saltby after residents of the lower town petitioned it for "
        "months</h2>",
        "Saltby council votes to rebuild the sea wall",
        id="a standfirst set as a heading",
    ),
    pytest.param(
        "<title>Local news | Saltby Gazette</title>",
        "<h2>Saltby council votes to rebuild the sea wall</h2>",
        "Saltby council votes to rebuild the sea wall",
        id="a headline under a title naming the section",
    ),
    pytest.param(
        "<title>Sea wall: what it will cost and who pays</title>",
        "<h1>Information and Resources</h1><p>Which cellar floods first? We asked the harbour master where the water "
        "comes in and why.</p><h2>Sea wall: what it will cost and who pays</h2>",
        "Sea wall: what it will cost and who pays",
        id="a box's heading as the page's only h1",
    ),
]


@pytest.mark.parametrize(("head", "top", "title"), TITLES)
def test_the_title_is_the_headline(head: str, top: str, title: str) -> None:
    assert _page(head, top).title == title


# (head, top of the article, authors): people, not the labels around their names nor a team.
AUTHORS = [
    pytest.param(_TITLE + '<meta name="author" content="Our Editors">', "", (), id="a team in the metadata"),
    pytest.param(
        _TITLE + '<meta name="author" content="View all posts by Pia Holm">', "", ("Pia Holm",), id="an author link"
    ),
    pytest.param(
        _TITLE + '<meta name="author" content="Tom Berg Games Editor">',
        "",
        ("Tom Berg",),
        id="a name with its job",
    ),
    pytest.param(_TITLE, "<p>By Pia Holm, Senior Reporter</p>", ("Pia Holm",), id="a byline with the job"),
]


@pytest.mark.parametrize(("head", "top", "authors"), AUTHORS)
def test_the_authors_are_people(head: str, top: str, authors: tuple[str, ...]) -> None:
    assert _page(head, top).authors == authors


def test_a_byline_under_another_story_is_not_the_author() -> None:
    cards = (
        "<p>Ferry fares rise for the third time this year as the operator blames the price of fuel for it.</p>"
        "<p>By Karl Venn</p>"
    )
    html = (
        f'<html><head>{_TITLE}<meta name="author" content="Pia Holm"></head><body><article>{_PARAGRAPHS}{cards}'
        "</article></body></html>"
    )
    assert extract(RawDocument(source="page.html", text=html, format="html")).authors == ("Pia Holm",)


_MODIFIED = '<meta property="article:modified_time" content="2026-01-03T10:00:00Z">'
_JSON_LD = (
    '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-07-10T14:15:42+00:00", '
    '"dateModified": "2026-01-03T10:00:00+00:00"}</script>'
)

# (input, format, publication date): the day it was published, never the day it was updated.
DATES = [
    pytest.param(
        "Sea wall vote\n\nUpdated January 3, 2026, 10:04 AM\nPublished January 1, 2026, 8:00 AM\n\n"
        "The council voted on Tuesday to rebuild the sea wall at Saltby, residents said after the meeting.",
        "text",
        date(2026, 1, 1),
        id="scraped text: updated above published",
    ),
    pytest.param(
        "Sea wall vote\n\nUpdated: Jan. 3, 2026\n\n"
        "The council voted on Tuesday to rebuild the sea wall at Saltby, residents said after the meeting.",
        "text",
        None,
        id="scraped text: only updated",
    ),
    pytest.param(
        f"<html><head>{_TITLE}{_MODIFIED}{_JSON_LD}</head><body><article><h1>Sea wall vote</h1>"
        f'<div datetime="2026-01-03T10:00:00Z"><em>Last updated:</em> January 3, 2026</div>{_PARAGRAPHS}'
        "</article></body></html>",
        "html",
        date(2025, 7, 10),
        id="a page showing when it was updated",
    ),
]


@pytest.mark.parametrize(("text", "fmt", "published"), DATES)
def test_the_publication_date_is_not_the_update(text: str, fmt: str, published: date | None) -> None:
    document = RawDocument(source=f"item.{'html' if fmt == 'html' else 'txt'}", text=text, format=fmt)
    assert extract(document).published == published
