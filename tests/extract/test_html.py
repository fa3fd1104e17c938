"""Reading a page (corroborate/extract/html.py): what the markup says of each line, and when the page says it was
published. Every page here is invented."""

from __future__ import annotations

from datetime import date

import pytest

from corroborate.extract.html import page_title, publication_date, read_page

_LEAD = (
    "<p>The council voted on Tuesday to rebuild the sea wall at Saltby, a project residents of the lower town had "
    "asked for since the January storm flooded their cellars twice in one week.</p>"
)
_MORE = (
    "<p>Work will start in April and should end before the winter storms, the harbour master said on Wednesday, "
    "adding that the coast road would stay open while the crews worked from barges moored off the quay.</p>"
)


def _hints(body: str) -> dict[str, str | None]:
    head = "<head><title>Saltby council backs new sea wall</title></head>"
    html = f"<html>{head}<body><article>{body}</article></body></html>"
    page = read_page("page.html", html)
    return dict(zip(page.lines, page.hints, strict=True))


# (markup in the article, line, hint): what the markup says a line is.
HINTS = [
    pytest.param("<h2>What happens next</h2>", "What happens next", "h2", id="a heading, with its level"),
    pytest.param(
        "<ul><li>Fast off the line</li><li>Long battery life</li></ul>", "- Fast off the line", "item", id="item"
    ),
    pytest.param(
        "<pre><code>def greet(name):\n    return name.upper()\n</code></pre>", "return name.upper()", "code", id="code"
    ),
    pytest.param(
        '<blockquote class="twitter-tweet"><p>Work starts in April.</p>&mdash; Saltby Council (@saltbycouncil) '
        "March 3, 2026</blockquote>",
        "— Saltby Council (@saltbycouncil) March 3, 2026",
        "quote",
        id="each line of a quotation block",
    ),
    pytest.param(
        "<ul><li><h3>Best actress</h3></li><li><h3>Best actor</h3></li></ul>",
        "- Best actress",
        "teaser",
        id="a list item made of headings",
    ),
]


@pytest.mark.parametrize(("markup", "line", "hint"), HINTS)
def test_the_markup_hints_what_a_line_is(markup: str, line: str, hint: str) -> None:
    hints = _hints(f"<h1>Saltby council backs new sea wall</h1>{_LEAD}{markup}{_MORE}")
    assert hints.get(line, "missing") == hint, hints


def test_a_word_in_code_type_inside_a_sentence_is_prose() -> None:
    hints = _hints(f"{_LEAD}<p>Call <code>greet()</code> with the visitor's name to welcome them to the harbour.</p>")
    assert hints["Call greet() with the visitor's name to welcome them to the harbour."] is None


_PUBLISHED_META = '<meta property="article:published_time" content="2026-01-01T08:00:00Z">'
_MODIFIED_META = '<meta property="article:modified_time" content="2026-01-03T10:00:00Z">'
_JSON_LD = (
    '<script type="application/ld+json">{"datePublished": "2025-12-31T23:00:00Z", "dateModified": "2026-01-03"}'
    "</script>"
)

# (head, body, trafilatura's date, publication date): the date the page states as its publication wins over a
# guess that is its last update; any other guess stands.
DATES = [
    pytest.param(_PUBLISHED_META + _MODIFIED_META, "", date(2026, 1, 3), date(2026, 1, 1), id="the update guessed"),
    pytest.param(
        _PUBLISHED_META + _MODIFIED_META, "", date(2026, 1, 1), date(2026, 1, 1), id="the publication guessed"
    ),
    pytest.param(_PUBLISHED_META, "", date(2025, 6, 1), date(2025, 6, 1), id="another guess stands"),
    pytest.param(_PUBLISHED_META, "", None, date(2026, 1, 1), id="no guess: the meta tag"),
    pytest.param(_JSON_LD + _PUBLISHED_META, "", date(2026, 1, 3), date(2025, 12, 31), id="JSON-LD before meta tags"),
    pytest.param(
        _MODIFIED_META,
        '<time itemprop="datePublished" datetime="2025-11-20T09:00">20 November</time>',
        date(2026, 1, 3),
        date(2025, 11, 20),
        id="a time element of the body",
    ),
    pytest.param("", "", None, None, id="nothing stated, nothing guessed"),
]


@pytest.mark.parametrize(("head", "body", "guessed", "published"), DATES)
def test_the_publication_date_is_never_the_last_update(
    head: str, body: str, guessed: date | None, published: date | None
) -> None:
    html = f"<html><head><title>Sea wall</title>{head}</head><body>{body}<p>Text.</p></body></html>"
    assert publication_date(html, guessed) == published


# (head, trafilatura's title, page title): trafilatura's title stands unless it heads a box beside the story; then
# the title the page's head states.
TITLES = [
    pytest.param(
        "<title>Saltby council backs new sea wall</title>",
        "Saltby council backs new sea wall",
        "Saltby council backs new sea wall",
        id="trafilatura's title stands",
    ),
    pytest.param(
        "<title>Sea wall: what it will cost &amp; who pays</title>",
        "Quick facts",
        "Sea wall: what it will cost & who pays",
        id="a box's heading: the title element",
    ),
    pytest.param(
        '<meta property="og:title" content="Saltby backs its sea wall"><title>Saltby Gazette</title>',
        "Information and Resources",
        "Saltby backs its sea wall",
        id="a box's heading: og:title first",
    ),
    pytest.param("<title>Saltby Gazette</title>", None, "Saltby Gazette", id="no title found: the title element"),
    pytest.param("", "Key facts", "Key facts", id="nothing stated: what was found"),
]


@pytest.mark.parametrize(("head", "guessed", "title"), TITLES)
def test_the_title_is_never_a_box_heading(head: str, guessed: str | None, title: str) -> None:
    html = f"<html><head>{head}</head><body><h1>Quick facts</h1><p>Text.</p></body></html>"
    assert page_title(html, guessed) == title
