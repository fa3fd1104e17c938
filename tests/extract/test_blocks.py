"""Runs of lines (corroborate/extract/blocks.py, through lines.classify): lists, tables and code are text; headings in
a row are cards only when they read as other stories; a credit closes the caption above it only when that line is
a caption; embedded posts and video players are set apart; so is the box about the author. Every line is invented.
"""

from __future__ import annotations

import pytest

from corroborate.extract.lines import Context, classify

_TITLE = "Saltby council backs new sea wall"
_BODY = "The council voted on Tuesday to rebuild the sea wall, a project residents had asked for since the storm."
_MORE = "Work will start in April and should end before the winter storms, the harbour master said on Wednesday."


def _classified(middle: list[str], hints: list[str | None] | None = None) -> list[tuple[str, str | None]]:
    """Kind and why of each of `middle`'s lines, in an article: title, a paragraph, `middle`, a paragraph."""
    lines = [_TITLE, _BODY, *middle, _MORE]
    all_hints = [None, None, *(hints or [None] * len(middle)), None]
    found = classify(lines, all_hints, Context(title=_TITLE))
    return [(line.kind, line.why) for line in found[2:-1]]


def _kinds(middle: list[str], hints: list[str | None] | None = None) -> list[str]:
    return [kind for kind, _why in _classified(middle, hints)]


# (lines, hints, kinds): short lines of lists, tables and programs are the article's text.
LISTS = [
    pytest.param(
        ["Best actress", "Ines Moll", "Petra Dahl", "Joan Feld", "Best actor", "Karl Venn", "Sam Reyes"],
        ["h2", "item", "item", "item", "h2", "item", "item"],
        ["subheading", "body", "body", "body", "subheading", "body", "body"],
        id="nominees under their categories",
    ),
    pytest.param(
        ["Pros", "Fast off the line", "Long battery life", "Cons", "Heavy to carry", "Small saddle"],
        ["h3", "item", "item", "h3", "item", "item"],
        ["subheading", "body", "body", "subheading", "body", "body"],
        id="pros and cons",
    ),
    pytest.param(
        ["• Fast off the line", "• Long battery life", "• Bright lights"],
        None,
        ["body", "body", "body"],
        id="bullets of scraped text",
    ),
    pytest.param(
        ["| Spec | Value |", "|---|---|", "| Weight | 28 kg |", "| Range | 90 km |", "| PRICE | 2,400 EUROS |"],
        None,
        ["body", "boilerplate", "body", "body", "body"],
        id="rows of a table, its rule line no words",
    ),
    pytest.param(
        ["def greet(name):", "    return NAME", "SELECT NAME, TOWN FROM HARBOUR_USERS WHERE TOWN = 'SALTBY'", "}"],
        ["code", "code", "code", "code"],
        ["body", "body", "body", "body"],
        id="a program's lines, in capitals or braces only",
    ),
    pytest.param(
        ["harbour: {", "boats: [", "count = 3;", "});"],
        None,
        ["body", "body", "body", "boilerplate"],
        id="code pasted as text is no menu",
    ),
    pytest.param(
        ["Best film", "The Lighthouse Keeper", "Salt and Iron", "North Pier"],
        ["h3", None, None, None],
        ["subheading", "body", "body", "body"],
        id="nominees one to a paragraph under their category",
    ),
    pytest.param(["Home", "News", "Sport", "Weather"], None, ["boilerplate"] * 4, id="a menu is still a menu"),
]


def test_a_menu_under_a_heading_at_the_end_of_the_page_is_a_menu() -> None:
    lines = [_TITLE, _BODY, _MORE, "Sections", "Home", "News", "Sport"]
    found = classify(lines, [None, None, None, "h3", None, None, None], Context(title=_TITLE))
    assert [line.kind for line in found[4:]] == ["boilerplate"] * 3


@pytest.mark.parametrize(("lines", "hints", "kinds"), LISTS)
def test_lists_tables_and_code_are_text(lines: list[str], hints: list[str | None] | None, kinds: list[str]) -> None:
    assert _kinds(lines, hints) == kinds


# (lines, hints, kinds): headings in a row, or list items made of headings, are cards of other stories only when
# they read as other stories' headlines.
HEADINGS = [
    pytest.param(
        ["1. Lemon drizzle cake", "2. Strawberry sponge", "3. Plum crumble cake"],
        ["h2", "h2", "h2"],
        ["subheading"] * 3,
        id="numbered recipes, each over its picture",
    ),
    pytest.param(
        ["Lemon drizzle cake", "Strawberry sponge", "Plum crumble cake"],
        ["h2", "h2", "h2"],
        ["subheading"] * 3,
        id="named recipes with the article going on under them",
    ),
    pytest.param(
        ["Lemon Bars", "Chocolate Chip Cookies", "Peach Galettes"],
        ["h2", "h2", "h2"],
        ["subheading"] * 3,
        id="recipe names in title case: a plural is no verb",
    ),
    pytest.param(
        ["Project updates", "Add-ons", "Addon manager"],
        ["h2", "h3", "h4"],
        ["subheading"] * 3,
        id="nested section headings",
    ),
    pytest.param(
        ["Ferry fares rise again", "Port reopens after storm", "Lifeboat crew rescues two"],
        ["h3", "h3", "h3"],
        ["related_headline"] * 3,
        id="other stories' headlines",
    ),
    pytest.param(
        [
            "3. Ask for a room away from the lift",
            "The lift runs all night and its doors chime on every floor, the night porter said.",
            "Read more",
            "4. Test the smoke alarm",
            "Press its button once; a working alarm beeps, he said.",
        ],
        ["h2", None, None, "h2", None],
        ["subheading", "body", "related_heading", "subheading", "body"],
        id="links between two items of the article's numbered list",
    ),
    pytest.param(
        ["Read more", "Ferry fares rise again", "Lifeboat crew rescues two"],
        None,
        ["related_heading", "related_headline", "related_headline"],
        id="other stories under a related heading",
    ),
    pytest.param(["Best actress"], ["teaser"], ["body"], id="an item set as a heading: a name"),
    pytest.param(
        ["Ferry fares rise again The operator blamed fuel costs for the third rise this year"],
        ["teaser"],
        ["related_headline"],
        id="a card: headline and summary",
    ),
]


@pytest.mark.parametrize(("lines", "hints", "kinds"), HEADINGS)
def test_headings_in_a_row(lines: list[str], hints: list[str | None], kinds: list[str]) -> None:
    assert _kinds(lines, hints) == kinds


# (lines, hints, kinds): a credit closes the caption above it, unless that line is prose or a card opens.
CAPTIONS = [
    pytest.param(
        ["Volunteers carry sandbags along the quay on Monday", "Photo: Jane Roe/AFP"],
        None,
        ["caption", "photo_credit"],
        id="a caption closed by its credit",
    ),
    pytest.param(
        ["He said the wall would hold until the spring tides.", "Photo: Jane Roe/AFP"],
        None,
        ["body", "photo_credit"],
        id="a last paragraph, then the credit of a picture under it",
    ),
    pytest.param(
        ["But residents of the lower town fear the work will come too late.", "Photo: Jane Roe/AFP"],
        None,
        ["body", "photo_credit"],
        id="a paragraph opening with a connective",
    ),
    pytest.param(
        [
            "Photo: Tom Berg",
            "Anna Lind",
            "Anna runs the bakery on Quay Street and sells bread to the ferry crews.",
            "Photo: Tom Berg",
            "Karl Venn",
            "Karl has fished out of Saltby for forty years and chairs the harbour board.",
        ],
        [None, "h3", None, None, "h3", None],
        ["photo_credit", "subheading", "body", "photo_credit", "subheading", "body"],
        id="picture, heading, text cards",
    ),
    pytest.param(
        ["The keepers rebuilt the lamp in the winter of that year. [M1 / MP SP]"],
        None,
        ["body"],
        id="a reference in brackets is no credit",
    ),
    pytest.param(["The flooded quay on Monday [Gemunu Amarasinghe/AP]"], None, ["caption"], id="a credit in brackets"),
    pytest.param(["Picture-in-Picture"], ["h3"], ["subheading"], id="a feature's name is no photo credit"),
]


# (the line above a credit that ends the page, its kind): a sentence is the article's last paragraph (the picture is
# under the article); a line that is no sentence is the caption.
LAST_LINES = [
    pytest.param(
        "Work on the wall will start in April and should end before the winter storms of 2027.",
        "body",
        id="a last paragraph",
    ),
    pytest.param("Volunteers carry sandbags along the quay on Monday", "caption", id="a caption"),
]


@pytest.mark.parametrize(("line", "kind"), LAST_LINES)
def test_a_credit_at_the_end_closes_a_caption_not_the_last_paragraph(line: str, kind: str) -> None:
    found = classify([_TITLE, _BODY, line, "Photo: Jane Roe/AFP"], None, Context(title=_TITLE))
    assert [line.kind for line in found[2:]] == [kind, "photo_credit"]


@pytest.mark.parametrize(("lines", "hints", "kinds"), CAPTIONS)
def test_captions_and_credits(lines: list[str], hints: list[str | None] | None, kinds: list[str]) -> None:
    assert _kinds(lines, hints) == kinds


_POST = ("widget", "embedded social-media post")
_VIDEO = ("widget", "video player")

# (lines, hints, classified): a post embedded from a social network, a video player.
EMBEDS = [
    pytest.param(
        ["What a night in Saltby! The whole harbour lit up", "— Saltby Gazette (@saltbygazette) January 1, 2026"],
        None,
        [_POST, _POST],
        id="a tweet as scraped text: its text and signature",
    ),
    pytest.param(
        ["Harbour wall update:", "Work starts in April.", "— Saltby Council (@saltbycouncil)", "March 3, 2026"],
        ["quote", "quote", "quote", None],
        [_POST, _POST, _POST, _POST],
        id="a tweet in its quotation block, its date under it",
    ),
    pytest.param(["The whole harbour lit up pic.twitter.com/abc123"], None, [_POST], id="a picture link ends a post"),
    pytest.param(
        ["A post shared by Saltby Gazette (@saltbygazette) on Jan 1, 2026 at 8:01pm PST"],
        None,
        [_POST],
        id="an Instagram post's credit",
    ),
    pytest.param(["4:57 Watch: fireworks over the harbour"], None, [_VIDEO], id="a video's length and title"),
    pytest.param(["VIDEO: Storm waves batter the sea wall"], None, [_VIDEO], id="a video's title"),
    pytest.param(
        ["4:57", "Watch: fireworks over the harbour"], None, [_VIDEO, _VIDEO], id="a length alone beside a player"
    ),
    pytest.param(
        ["Watch: the harbour master on the cost", "4:57", "Fireworks over the harbour"],
        None,
        [_VIDEO, _VIDEO, _VIDEO],
        id="a length alone beside a player, and the title under it",
    ),
    pytest.param(
        ["2:31 Harbour board chair on the cost of the display", "1:05 Fireworks seen from the breakwater"],
        None,
        [_VIDEO, _VIDEO],
        id="a playlist",
    ),
    pytest.param(
        ["10:32 Police arrive at the harbour", _BODY],
        None,
        [("subheading", None), ("body", None)],
        id="a live blog's clock time alone is no video",
    ),
]


@pytest.mark.parametrize(("lines", "hints", "classified"), EMBEDS)
def test_embedded_posts_and_videos_are_set_apart(
    lines: list[str], hints: list[str | None] | None, classified: list[tuple[str, str | None]]
) -> None:
    assert _classified(lines, hints) == classified


_ABOUT = ("boilerplate", "about the author")

# (lines, hints, classified): the box about the author, and text about people that is the article's own.
AUTHOR_BOXES = [
    pytest.param(
        [
            "About the author",
            "Pia Holm is a senior reporter at the Saltby Gazette, covering the harbour and the courts.",
            "View all posts by Pia Holm",
        ],
        None,
        [_ABOUT, _ABOUT, _ABOUT],
        id="heading, biography, link",
    ),
    pytest.param(
        ["By Pia Holm", "Pia Holm is a senior reporter at the Saltby Gazette. She joined the paper in 2019."],
        None,
        [("byline", "byline"), _ABOUT],
        id="the biography of the byline's author",
    ),
    pytest.param(
        ["Marta Quist is a retired editor who has swum in the harbour every morning for thirty years."],
        None,
        [("body", None)],
        id="a person of the story, with the article going on under it",
    ),
    pytest.param(
        ["Stories by Hans Andersen were read aloud."],
        None,
        [("body", None)],
        id="a sentence naming a writer is no link to an author's page",
    ),
]


@pytest.mark.parametrize(("lines", "hints", "classified"), AUTHOR_BOXES)
def test_the_box_about_the_author_is_set_apart(
    lines: list[str], hints: list[str | None] | None, classified: list[tuple[str, str | None]]
) -> None:
    assert _classified(lines, hints) == classified


# (lines, classified): a video player's labels before it plays, and the captions of a gallery.
PLAYERS_AND_GALLERIES = [
    pytest.param(
        ["Chapters", "descriptions off, selected", "This is a modal window."],
        [_VIDEO, _VIDEO, _VIDEO],
        id="a player's menus",
    ),
    pytest.param(
        [
            "1/12 Storm over the quay Waves broke over the harbour wall on Monday.",
            "2/12 Clean-up The crews began at dawn.",
        ],
        [("caption", "caption of a picture of a gallery")] * 2,
        id="a gallery's pictures",
    ),
    pytest.param(
        ["1/3 of the lower town flooded on Monday night, the council said."],
        [("body", None)],
        id="a fraction opening a sentence",
    ),
]


@pytest.mark.parametrize(("lines", "classified"), PLAYERS_AND_GALLERIES)
def test_players_and_galleries_are_set_apart(lines: list[str], classified: list[tuple[str, str | None]]) -> None:
    assert _classified(lines) == classified
