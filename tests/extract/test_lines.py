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


# (lines, hints, page's title, the title line or None): which line is the headline when none is the page's title.
TITLES = [
    pytest.param(
        ["Quick facts", _BODY], ["h2", None], "Saltby sea wall: what we know", None, id="a fact box's heading"
    ),
    pytest.param(
        [
            "The council voted to rebuild the sea wall at Saltby after residents of the lower town petitioned it for "
            "months",
            _BODY,
        ],
        ["h2", None],
        "Saltby council votes to rebuild sea wall",
        None,
        id="a standfirst sharing the title's words, set as a heading",
    ),
    pytest.param(
        ["Ferry crews win a shorter winter timetable", _BODY],
        ["h2", None],
        "Harbour and Coast News Centre",
        "Ferry crews win a shorter winter timetable",
        id="a headline under a title naming the section",
    ),
    pytest.param(
        ["Lighthouse keeper who kept the Saltby lamp lit through three wars and two floods retires at ninety", _BODY],
        ["h1", None],
        "Saltby lighthouse keeper retires at ninety",
        "Lighthouse keeper who kept the Saltby lamp lit through three wars and two floods retires at ninety",
        id="a long top heading restating the title",
    ),
]


@pytest.mark.parametrize(("lines", "hints", "page_title", "title"), TITLES)
def test_the_headline_when_the_page_titles_its_tab_apart(
    lines: list[str], hints: list[str | None], page_title: str, title: str | None
) -> None:
    found = [line.text for line in classify(lines, hints, Context(title=page_title)) if line.why == "title"]
    assert found == ([title] if title else [])


_LEAD = "Saltby's council voted on Tuesday to rebuild the sea wall, after residents petitioned it for months."

# (line under the headline, its hint, the page's description, kind): the description names the standfirst, unless
# the line is a paragraph of prose that runs straight into the story (pages copy their lead into the description).
STANDFIRSTS = [
    pytest.param(
        "Residents had asked for it since the storm",
        None,
        "Residents had asked for it since the storm",
        "standfirst",
        id="a dek",
    ),
    pytest.param(_LEAD, "h2", _LEAD, "standfirst", id="a dek set as a heading"),
    pytest.param(_LEAD, None, _LEAD, "body", id="the lead copied into the description"),
]


@pytest.mark.parametrize(("line", "hint", "description", "kind"), STANDFIRSTS)
def test_the_standfirst_and_the_lead(line: str, hint: str | None, description: str, kind: str) -> None:
    title = "Saltby council backs new sea wall"
    lines = [title, line, _BODY, _BODY.replace("Tuesday", "Monday")]
    context = Context(title=title, description=description)
    assert classify(lines, [None, hint, None, None], context)[1].kind == kind


# (line, why): promotions around the article, set apart wherever they stand; and article text that mentions them.
PROMOTIONS = [
    ("Subscribe for just $1 a week to keep reading the news that matters to Saltby.", "subscription promotion"),
    ("Start your free trial today and get unlimited access to the Gazette.", "subscription promotion"),
    ("You have 2 free articles left this month.", "subscription promotion"),
    ("This article is only available to subscribers.", "subscription promotion"),
    ("Only $1 a week. Cancel anytime.", "subscription promotion"),
    ("As an Amazon Associate the Gazette earns from qualifying purchases.", "affiliate notice"),
    ("Products are independently selected by our editors; we may earn a commission.", "affiliate notice"),
    ("This post contains affiliate links.", "affiliate notice"),
]


@pytest.mark.parametrize(("line", "why"), PROMOTIONS)
def test_promotions_are_set_apart(line: str, why: str) -> None:
    (classified,) = [found for found in classify([_BODY, line, _BODY]) if found.text == line]
    assert (classified.kind, classified.why) == ("boilerplate", why)


@pytest.mark.parametrize(
    "line",
    [
        "The ferry operator raised the price of a season ticket to 40 euros a month, angering commuters.",
        "Sign up for the harbour festival's rowing race closes on Friday, the organisers said.",
        '"We earn a commission on every ticket we sell," the agent told the council.',
        "Streaming services lost subscribers in Saltby after the price rise, the survey found.",
        "Members can cancel at any time, the gym chain said in a statement.",
        "Under the new law, customers must be able to cancel anytime without paying a fee.",
        "The agent said we earn a commission on every ticket we sell.",
    ],
)
def test_article_text_about_prices_and_subscriptions_stays(line: str) -> None:
    assert classify([_BODY, line, _BODY])[1].kind == "body"
