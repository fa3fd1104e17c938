"""Line classification (corroborate/extract/lines.py) at the top of short items and in capitals, and the noise of
pages that are not articles. Every line is invented."""

from __future__ import annotations

import pytest

from corroborate.extract.lines import Context, classify

_BODY = "The council voted on Tuesday to close the harbour road for repairs, residents said after the meeting."


def _kinds(lines: list[str], title: str | None = None) -> list[str]:
    return [line.kind for line in classify(lines, None, Context(title=title))]


# (lines, kinds): what opens a short item.
TOPS = [
    pytest.param(["Ferry captain dies at 88"], ["title"], id="a headline alone is the title"),
    pytest.param(
        ['The board says the pier will be renamed "Fisher\'s Walk."'],
        ["body"],
        id="a sentence ending inside quotes is no title",
    ),
    pytest.param(
        ["March 3, 2026", "Lighthouse keeper retires after forty years"],
        ["boilerplate", "title"],
        id="a date on the first line is a timestamp, the headline under it the title",
    ),
    pytest.param(
        ["3/3/2026", "Lighthouse keeper retires after forty years", _BODY],
        ["boilerplate", "title", "body"],
        id="a numeric date too",
    ),
    pytest.param(
        ["FERRY SERVICE TO THE ISLANDS RESUMES AFTER STORM", _BODY],
        ["title", "body"],
        id="a headline in capitals opening the text is the title",
    ),
    pytest.param(
        ["Published Monday, March 2, 2026 at 9:15 AM/Updated at 9:40 AM", "Ferry captain dies at 88", _BODY],
        ["boilerplate", "title", "body"],
        id="a timestamp in capitals is a timestamp",
    ),
]


@pytest.mark.parametrize(("lines", "kinds"), TOPS)
def test_the_top_of_a_short_item(lines: list[str], kinds: list[str]) -> None:
    assert _kinds(lines) == kinds


# (line in the middle of an article, kind): capitals say "a link elsewhere" only for a short line.
CAPITALS = [
    pytest.param("MAYOR SAYS HARBOUR ROAD WILL REOPEN BEFORE SUMMER", "related_headline", id="short: a link"),
    pytest.param("MAYOR SAYS HARBOUR ROAD WILL REOPEN BEFORE SUMMER.", "related_headline", id="short sentence: a link"),
    pytest.param(
        "THE MAYOR SAID ON MONDAY THAT THE HARBOUR ROAD WOULD REOPEN BEFORE THE SUMMER SEASON BEGINS.",
        "body",
        id="a long sentence: prose in capitals",
    ),
]


@pytest.mark.parametrize(("line", "kind"), CAPITALS)
def test_a_line_in_capitals_inside_an_article(line: str, kind: str) -> None:
    lines = ["Council closes harbour road", _BODY, _BODY.replace("Tuesday", "Monday"), line, _BODY.upper()[:40]]
    assert _kinds(lines, title="Council closes harbour road")[3] == kind


def test_a_wire_item_in_capitals_is_title_and_body() -> None:
    lines = [
        "DOCKWORKERS END STRIKE AT SALTBY PORT",
        "DOCKWORKERS AT THE PORT OF SALTBY VOTED ON TUESDAY TO END A STRIKE THAT HALTED SHIPPING FOR NINE DAYS.",
        'THE UNION SAID ITS MEMBERS WOULD "RETURN TO WORK ON THURSDAY AFTER ACCEPTING A NEW PAY OFFER."',
    ]
    assert _kinds(lines) == ["title", "body", "body"]


# (line, why): the furniture of pages that are not articles, set apart wherever it stands.
FURNITURE = [
    ("404 Page not found", "error page"),
    ("Error 404 - Not Found", "error page"),
    ("Sorry, this page could not be found.", "error page"),
    ("The page you are looking for does not exist or has been moved.", "error page"),
    ("Go to the home page", "error page"),
    ("Password", "account or subscription prompt"),
    ("Username or email", "account or subscription prompt"),
    ("Keep me signed in", "account or subscription prompt"),
    ("Don't have an account? Register", "account or subscription prompt"),
    ("Your session has expired. Please sign in again.", "account or subscription prompt"),
    ("This site uses cookies to remember your settings.", "cookie banner"),
    ("Accept all cookies", "cookie banner"),
    ("Manage preferences", "cookie banner"),
]


@pytest.mark.parametrize(("line", "why"), FURNITURE)
def test_page_furniture_is_set_apart(line: str, why: str) -> None:
    (classified,) = [found for found in classify([_BODY, line, _BODY]) if found.text == line]
    assert (classified.kind, classified.why) == ("boilerplate", why)


@pytest.mark.parametrize(
    "line",
    [
        "500 people were evacuated from the harbour district on Monday.",
        "Visitors saw an error message when the ticket site crashed, the operator said.",
        "The cookies sold at the harbour fair raised money for the lifeboat crew.",
    ],
)
def test_article_text_that_mentions_the_furniture_stays(line: str) -> None:
    assert classify([_BODY, line, _BODY])[1].kind == "body"
