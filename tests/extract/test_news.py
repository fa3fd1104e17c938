"""What is news (corroborate/extract/news.py): a short brief is an article with a warning; only what is not news is
refused. Every text here is invented; the ECB+ corpus is read in place, only to check that none of it is refused.
"""

from __future__ import annotations

import pytest
from tests.conftest import SHARED

from corroborate.errors import NotAnArticle
from corroborate.extract import extract
from corroborate.extract.news import has_verb
from corroborate.ingest import IngestOptions, read_path
from corroborate.models import Article, RawDocument

ECBPLUS = SHARED / "dev-data" / "ecbplus" / "docs"

_FULL_ARTICLE = "\n\n".join(
    [
        "Saltby council votes to rebuild the sea wall",
        "Saltby's council voted on Tuesday to rebuild the sea wall that the January storm breached, a project the "
        "harbour board has costed at four million pounds and expects to finish before next winter.",
        "Residents of the lower town, whose cellars flooded twice this year, had petitioned the council since spring, "
        "and several of them watched the vote from the public gallery.",
    ]
)


def _extract(text: str, fmt: str = "text") -> Article:
    return extract(RawDocument(source=f"item.{'html' if fmt == 'html' else 'txt'}", text=text, format=fmt))


def _brief_warning(article: Article) -> str | None:
    return next((warning for warning in article.warnings if warning.startswith("a short news brief")), None)


# (input text, title, paragraphs): each is a news item, kept, with the warning that it is short.
BRIEFS = [
    pytest.param(
        "The harbour board has named Amara Okafor as its first woman chair.",
        None,
        ["The harbour board has named Amara Okafor as its first woman chair."],
        id="one sentence",
    ),
    pytest.param(
        "Veteran ferry captain dies at 88",
        "Veteran ferry captain dies at 88",
        ["Veteran ferry captain dies at 88"],
        id="one headline: its own text",
    ),
    pytest.param(
        "Harbour master dies at 90",
        "Harbour master dies at 90",
        ["Harbour master dies at 90"],
        id="a headline of five words",
    ),
    pytest.param(
        'The council says the old pier will be renamed "Fisher\'s Walk."',
        None,
        ['The council says the old pier will be renamed "Fisher\'s Walk."'],
        id="one sentence ending inside quotes: not a title",
    ),
    pytest.param(
        "Storm closes the coast road\n\nHeavy rain closed the coast road north of Saltby on Monday, police said.",
        "Storm closes the coast road",
        ["Heavy rain closed the coast road north of Saltby on Monday, police said."],
        id="headline and one sentence",
    ),
    pytest.param(
        "March 3, 2026\nLighthouse keeper retires after forty years on the rock",
        "Lighthouse keeper retires after forty years on the rock",
        ["Lighthouse keeper retires after forty years on the rock"],
        id="date and headline: the date is no title",
    ),
    pytest.param(
        "SALTBY (AP) — Two fishermen were rescued on Sunday after their boat capsized off the harbour wall."
        "\nBoth men were taken to hospital as a precaution.",
        None,
        [
            "Two fishermen were rescued on Sunday after their boat capsized off the harbour wall.",
            "Both men were taken to hospital as a precaution.",
        ],
        id="two sentences under a dateline",
    ),
    pytest.param(
        "MINISTER TO VISIT FLOODED VALLEY\nTHE MINISTER WILL TOUR THE FLOODED VALLEY ON FRIDAY, HER OFFICE SAID.",
        "MINISTER TO VISIT FLOODED VALLEY",
        ["THE MINISTER WILL TOUR THE FLOODED VALLEY ON FRIDAY, HER OFFICE SAID."],
        id="in capitals",
    ),
]


@pytest.mark.parametrize(("text", "title", "paragraphs"), BRIEFS)
def test_a_short_news_brief_is_an_article_with_a_warning(text: str, title: str | None, paragraphs: list[str]) -> None:
    article = _extract(text)
    assert article.title == title
    assert list(article.paragraphs) == paragraphs
    warning = _brief_warning(article)
    assert warning is not None and "words of body text" in warning, article.warnings


def test_a_brief_under_a_dateline_keeps_its_dateline() -> None:
    article = _extract("SALTBY (AP) — Two fishermen were rescued on Sunday after their boat capsized.")
    assert (article.dateline, article.wire) == ("SALTBY", "AP")
    assert article.paragraphs == ("Two fishermen were rescued on Sunday after their boat capsized.",)


def test_the_warning_counts_the_words_of_the_body() -> None:
    article = _extract("Veteran ferry captain dies at 88")
    assert _brief_warning(article) == "a short news brief: only 6 words of body text"


def test_a_full_article_has_no_warning() -> None:
    article = _extract(_FULL_ARTICLE)
    assert _brief_warning(article) is None
    assert article.title == "Saltby council votes to rebuild the sea wall"


def test_an_all_caps_wire_item_is_read_as_text() -> None:
    """Old wire copy set in capitals: the headline is the title, every sentence is body, none a link elsewhere."""
    text = "\n".join(
        [
            "DOCKWORKERS END STRIKE AT SALTBY PORT",
            "DOCKWORKERS AT THE PORT OF SALTBY VOTED ON TUESDAY TO END A STRIKE THAT HALTED SHIPPING FOR NINE DAYS.",
            "THE UNION SAID ITS MEMBERS WOULD RETURN TO WORK ON THURSDAY MORNING AFTER ACCEPTING A NEW PAY OFFER.",
            "THE PORT AUTHORITY SAID IT EXPECTED THE BACKLOG OF CONTAINER SHIPS TO CLEAR BY THE END OF THE MONTH.",
        ]
    )
    article = _extract(text)
    assert [line.kind for line in article.lines] == ["title", "body", "body", "body"]
    assert article.title == "DOCKWORKERS END STRIKE AT SALTBY PORT"
    assert _brief_warning(article) is None  # 56 words of running text: an article, not a brief


_NOMINEES = """<html><head><title>Harbour Film Awards: the nominees | Saltby Gazette</title></head><body><article>
<h1>Harbour Film Awards: the nominees</h1>
<p>The nominations for this year's Harbour Film Awards were announced on Tuesday at the old customs house.</p>
<h2>Best film</h2><ul><li>The Lighthouse Keeper</li><li>Salt and Iron</li><li>North Pier</li><li>Gulls</li></ul>
<h2>Best director</h2><ul><li>Ana Lind</li><li>Tomas Berg</li><li>Ruth Okoye</li></ul>
<h2>Best actress</h2><ul><li>Ines Moll</li><li>Petra Dahl</li><li>Joan Feld</li></ul>
<h2>Best actor</h2><ul><li>Karl Venn</li><li>Olu Adebayo</li><li>Sam Reyes</li></ul>
<p>The winners will be named on March 3.</p></article></body></html>"""

_PROS_AND_CONS = """Review: the Tidewater e-bike is quick but heavy

We rode the Tidewater for three weeks along the coast road.

Pros
• Fast off the line
• Long battery life
• Bright lights for the coast road
Cons
• Heavy to carry up the stairs
• Small hard saddle
• Loud motor on hills

| Weight | 28 kg |
| Range | 90 km |
"""

# (input, format, a line of the list): an article that is mostly a list is an article, its items its text.
LIST_ARTICLES = [
    pytest.param(_NOMINEES, "html", "Petra Dahl", id="nominees under their categories"),
    pytest.param(_PROS_AND_CONS, "text", "Small hard saddle", id="pros and cons as scraped text"),
]


@pytest.mark.parametrize(("text", "fmt", "item"), LIST_ARTICLES)
def test_an_article_that_is_mostly_a_list_is_kept(text: str, fmt: str, item: str) -> None:
    article = _extract(text, fmt)
    assert item in article.paragraphs
    assert _brief_warning(article) is None


_LOGIN_FORM = """<!DOCTYPE html><html><head><title>Members' area</title></head><body><main>
<h1>Welcome back</h1><form><label>Username or email</label><input name="user"><label>Password</label>
<input type="password"><label><input type="checkbox"> Keep me signed in</label><button>Log in</button></form>
<p><a href="/reset">Forgot your password?</a></p><p>Don't have an account? <a href="/join">Register</a></p>
</main></body></html>"""

_STORY_LINKS = (
    "<html><body><main><ul>"
    + "".join(
        f'<li><a href="/news/{n}">Council {verb} plan for the harbour road, part {n}</a></li>'
        for n, verb in enumerate(["backs", "drops", "delays", "revives", "approves"] * 4)
    )
    + "</ul></main></body></html>"
)

# (input, format, why): none of these is news, each is refused, and the reason says what was found.
NOT_NEWS = [
    pytest.param(_LOGIN_FORM, "html", "no line reads as a sentence or a headline", id="login form, as a page"),
    pytest.param(
        "Sign in\nUsername\nPassword\nRemember me\nForgot your password?\nSign in",
        "text",
        "nothing but page furniture (account or subscription prompt)",
        id="login form, as text",
    ),
    pytest.param("Home\nNews\nSport\nWeather\nBusiness\nContact us", "text", "menu or list of links", id="menu"),
    pytest.param("Home | News | Sport | Weather | Contact us", "text", "no line reads as", id="menu on one line"),
    pytest.param(_STORY_LINKS, "html", "only 20 short lines (a list of links", id="list of links to stories"),
    pytest.param(
        "We use cookies to give you the best experience on our website.\nAccept all\nManage preferences",
        "text",
        "nothing but page furniture (cookie banner)",
        id="cookie banner",
    ),
    pytest.param("404 Page not found", "text", "(error page)", id="404"),
    pytest.param(
        "Page not found\nThe page you are looking for does not exist or has been moved.\nGo to the home page",
        "text",
        "(error page)",
        id="error page with a sentence",
    ),
    pytest.param("Share\nTweet\nEmail\nPrint", "text", "(share or comment widget)", id="widgets only"),
    pytest.param("Weekend weather outlook for the coast", "text", "no line reads as", id="a label: no verb"),
    pytest.param("Nobody was hurt.", "text", "only 3 words of text", id="three words"),
    pytest.param("You have been logged out.\nLog in", "text", "(account or subscription prompt)", id="logged out"),
]


@pytest.mark.parametrize(("text", "fmt", "why"), NOT_NEWS)
def test_what_is_not_news_is_refused(text: str, fmt: str, why: str) -> None:
    with pytest.raises(NotAnArticle) as refusal:
        _extract(text, fmt)
    assert refusal.value.reason.startswith("not an article: ")
    assert why in refusal.value.reason


@pytest.mark.parametrize(
    ("line", "verb"),
    [
        ("Veteran ferry captain dies at 88", True),
        ("Police arrested two men", True),
        ("Minister to resign over ferry contract", True),
        ("It's official", True),
        ("Storm damage bill is rising", True),
        ("Minister To Resign Over Ferry Contract", True),
        ("Welcome to Harbour Bank online banking", False),
        ("A trip to the islands", False),
        ("Story number four of the day", False),
        ("Terms of use", False),
        ("Latest news from the harbour", False),
        ("Photos of the injured in Athens", False),
    ],
)
def test_a_verb_is_told_without_a_model(line: str, verb: bool) -> None:
    assert has_verb(line) is verb


def test_no_article_of_ecbplus_is_refused() -> None:
    """ECB+ holds 982 real news articles, 79 of them under 40 words (one-line items, headlines, wire items in
    capitals): all are news."""
    if not ECBPLUS.is_dir():
        pytest.skip(f"the ECB+ corpus is not in {ECBPLUS} (set CORROBORATE_SHARED to the shared folder)")
    refused = {}
    paths = sorted(ECBPLUS.glob("*.txt"))
    for path in paths:
        for document in read_path(str(path), IngestOptions()):
            try:
                article = extract(document)
            except NotAnArticle as error:
                refused[path.stem] = error.reason
            else:
                assert article.paragraphs, f"{path.stem}: no paragraphs to analyse"
    assert len(paths) == 982
    assert not refused, refused
