"""Rules about runs of lines, for lines.classify: what a line is, told by the lines around it.

A list's items, a table's rows and a program's lines are text however short they are; a run of short lines outside
any list is a menu. Headings in a row are other stories' cards, unless they are the article's own numbered or named
items (a recipe round-up's recipes, nested section headings). A credit closes the caption above it, unless it opens a
picture-heading-text card or the line above is the article's prose. An embedded post is its text, its signature and
its date; a video player its length and title. A box about the author is its heading, the biography and the links
to the author's other articles.

Every function takes the lines, their kinds so far (None: undecided) and their hints, and decides undecided lines.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from corroborate.extract import patterns as p
from corroborate.extract.metadata import find_authors
from corroborate.extract.shape import (
    LISTED,
    SENTENCE_END,
    Hint,
    heading_level,
    is_heading,
    is_headline_like,
    looks_like_code,
    words,
)
from corroborate.extract.verbs import has_verb
from corroborate.models import Line, LineKind

Kind = tuple[LineKind, str | None]
Kinds = list[Kind | None]

CARD: Kind = ("related_headline", "card of another article (a list item made of headings)")
EMBEDDED_POST: Kind = ("widget", "embedded social-media post")
VIDEO: Kind = ("widget", "video player")
ABOUT_THE_AUTHOR: Kind = ("boilerplate", "about the author")
GALLERY: Kind = ("caption", "caption of a picture of a gallery")
"""The kinds these rules give. An embedded post and a video player are "widget" lines with their own reason: content
embedded from elsewhere rather than the page's own controls. A kind of their own ("embed") would say so to readers of
a report; it would be added to `LineKind` in models.py and to the report's schema."""
_TIMESTAMP: Kind = ("boilerplate", "timestamp")

_NUMBERED = re.compile(r"^(?:(?:#|no\.)\s?(\d{1,3})[.):]?|(\d{1,3})[.):])\s+\S", re.IGNORECASE)
"""An item's number: "1. Lemon drizzle cake", "2) ...", "#3 ...", "No. 4 ..." (not "15 Fun Facts About ...")."""
_ITEM_WORDS = 6
"""An item of the article's own list set as a heading is a name ("Lemon drizzle cake", "Best actress"): at most this
many words and none of the verb forms of patterns.VERB_FORMS ("is", "says", "rise"); a word ending like an inflected
verb does not count, as plural nouns end so too ("Chocolate chip cookies"). The cards and runs of headings of other
stories on the 181 benchmark pages run 8 to 23 words (but a sign-up form's "Sorry!"), all but three with a verb
(as "Ferry fares rise again" has)."""
POST_WORDS = 60
"""A post's text (with its picture link), at most 280 characters: about this many words."""
_POST_LINES = 6
"""Lines of a post's quotation block above its signature: a tweet broken at its line ends."""
_VIDEO_TITLE_WORDS = 15
"""A video's title is a headline: at most this many words (the titles of the players met on Readability's test pages
and invented ones run 4 to 12)."""
_BOX_WORDS = 80
"""A biography in a box about the author runs one to three sentences; longer text is the article's own."""
_BOX_LINES = 3
"""Lines under an "About the author" heading that belong to the box: the biography, a link, a contact."""


def reads_as_item(line: str) -> bool:
    """An item of the article's own list, not another story's headline: numbered, or a short name with no verb."""
    return bool(_NUMBERED.match(line)) or (words(line) <= _ITEM_WORDS and not has_verb(line, inflected=False))


# Embedded posts and video players -------------------------------------------------------------------------------


def mark_embeds(lines: Sequence[str], kinds: Kinds, hints: Sequence[Hint]) -> None:
    """The text above a post's signature is the post (its quotation block in a page, the line above in scraped text),
    and a date right under it the post's; a video's length alone, or a length and a title, is a player when a player
    stands beside it (a clock time opens a live blog's entries the same way)."""
    for index, line in enumerate(lines):
        if kinds[index] != EMBEDDED_POST or not p.SOCIAL_SIGNATURE.match(line):
            continue
        if hints[index] == "quote":  # the post's quotation block: its lines above the signature
            above = index - 1
            while above >= 0 and hints[above] == "quote" and kinds[above] is None and index - above <= _POST_LINES:
                kinds[above] = EMBEDDED_POST
                above -= 1
        elif index and kinds[index - 1] is None and words(lines[index - 1]) <= POST_WORDS:
            kinds[index - 1] = EMBEDDED_POST  # scraped text: the post is the paragraph above its signature
        below = index + 1  # the post's date, maybe taken for the page's under the headline
        if below < len(lines) and kinds[below] in (None, _TIMESTAMP) and _is_bare_date(lines[below]):
            kinds[below] = EMBEDDED_POST
    candidates = [
        index
        for index, line in enumerate(lines)
        if kinds[index] is None and (p.VIDEO_LENGTH.match(line) or p.VIDEO_LENGTH_TITLE.match(line))
    ]
    for index in candidates:
        beside = [kinds[near] for near in (index - 1, index + 1) if 0 <= near < len(lines)]
        if VIDEO in beside or index - 1 in candidates or index + 1 in candidates:
            kinds[index] = VIDEO
            title = index + 1  # a length alone: the title under it is the player's
            if (
                p.VIDEO_LENGTH.match(lines[index])
                and title < len(lines)
                and kinds[title] is None
                and is_headline_like(lines[title])
                and words(lines[title]) <= _VIDEO_TITLE_WORDS
            ):
                kinds[title] = VIDEO


def _is_bare_date(line: str) -> bool:
    """Only a date ("January 1, 2026"), as an embedded post shows under its signature."""
    return bool(p.DATE_ONLY.match(line)) and len(p.FULL_DATE.findall(line)) == 1


# Photos: galleries, labels and captions --------------------------------------------------------------------------


def mark_galleries(lines: Sequence[str], kinds: Kinds) -> None:
    """Lines opening with their place in a gallery ("1/12 Crowds on the quay ...", "2/12 The first rocket ...")
    are its pictures' captions: two or more of one gallery (the same count of pictures, each place within it)."""
    places: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if kinds[index] is None and (match := p.GALLERY_COUNTER.match(line)):
            place, count = int(match.group("place")), int(match.group("of"))
            if 1 <= place <= count:
                places.setdefault(count, []).append(index)
    for members in places.values():
        if len(members) >= 2:
            for index in members:
                kinds[index] = GALLERY


def mark_photo_labels(lines: Sequence[str], kinds: Kinds, hints: Sequence[Hint]) -> None:
    """A short label right above a caption ("Hun Sen - Cambodia") names the photo: it belongs to the caption.
    A line right above a photo credit ("Photo: Jane Roe/AFP") is the caption the credit closes, unless the credit
    opens a card (a heading follows it: picture, heading, text) or the line is the article's prose: it goes on
    telling the story ("He said ...", "But the council ..."), or it is a sentence after which the article ends (its
    last paragraph, then the credit of a picture under it). A heading of the markup is never a caption. (On the 181
    benchmark pages and Readability's test pages a single line is a caption by its credit alone, a headline-like
    line: a caption is most often told by its own credit or its <figcaption>, so the rule errs on keeping text.)"""
    for index in range(len(lines) - 1):
        following = kinds[index + 1]
        line = lines[index]
        if kinds[index] is not None or not following or line.startswith(('"', "'")) or is_heading(hints[index]):
            continue
        if following[0] in ("caption", "photo_credit") and words(line) <= 8 and not SENTENCE_END.search(line):
            kinds[index] = ("caption", "label of a photo")
        elif following[0] == "photo_credit" and words(line) <= 40 and not p.CONTINUING_PROSE.search(line):
            after = index + 2
            card = after < len(lines) and is_heading(hints[after])
            last = bool(SENTENCE_END.search(line)) and not _article_after(lines, kinds, hints, index + 1)
            if not card and not last:
                kinds[index] = ("caption", "photo caption (its credit follows)")


# Links to other stories -----------------------------------------------------------------------------------------


def mark_related_blocks(lines: Sequence[str], kinds: Kinds, hints: Sequence[Hint]) -> None:
    """Under a related-articles heading, headline-like lines are other stories, until the article resumes: with a
    line that is no headline, or with the next item of the article's numbered list ("5. Test the smoke alarm" after
    "4. ..." above the heading: the page put its links between two items)."""
    inside = False
    last_item: int | None = None  # the number of the article's last numbered line above
    for index, line in enumerate(lines):
        kind = kinds[index]
        number = _number(line)
        if kind and kind[0] == "related_heading":
            inside = True
        elif inside and kind is None:
            if number is not None and last_item is not None and number == last_item + 1:
                inside = False
            elif is_headline_like(line) or (words(line) <= 30 and (hints[index] == "item" or is_heading(hints[index]))):
                kinds[index] = ("related_headline", "headline of another article")
            else:
                inside = False
        if not inside and kind is None and number is not None:
            last_item = number


def _number(line: str) -> int | None:
    """The number an item of a numbered list opens with ("3. Plum crumble cake"), if any."""
    match = _NUMBERED.match(line)
    return int(match.group(1) or match.group(2)) if match else None


def mark_link_lists(lines: Sequence[str], kinds: Kinds, hints: Sequence[Hint]) -> None:
    """Three or more very short undecided lines in a row, outside lists, are a menu or a list of links; not lines of
    a program pasted as text ("harbour: {", "});"), nor a list set as paragraphs under a heading of the article with its
    text going on below (nominees, one to a paragraph, under their category). On the 181 benchmark pages and
    Readability's test pages, no run of a menu stands under an undecided heading."""
    run: list[int] = []
    for index, line in enumerate([*lines, ""]):
        if (
            index < len(lines)
            and kinds[index] is None
            and hints[index] is None
            and words(line) <= 4
            and not SENTENCE_END.search(line)
            and not line.startswith(('"', "'"))
            and not looks_like_code(line)
        ):
            run.append(index)
            continue
        if len(run) >= 3:
            listed = _listed_under_heading(lines, kinds, hints, run)
            for member in run:  # a list's items are its text, not headings however short
                kinds[member] = ("body", None) if listed else ("boilerplate", "menu or list of links")
        run = []


def _listed_under_heading(lines: Sequence[str], kinds: Kinds, hints: Sequence[Hint], run: list[int]) -> bool:
    """Whether `run` stands right under an undecided heading (a subheading of the article, not a related-links or
    box heading, which are decided by now) with the article's running text after it."""
    above = run[0] - 1
    return (
        above >= 0
        and is_heading(hints[above])
        and kinds[above] is None
        and _article_after(lines, kinds, hints, run[-1])
    )


def mark_heading_runs(lines: Sequence[str], kinds: Kinds, hints: Sequence[Hint]) -> None:
    """Three or more headings in a row, with no text under any of them, are a list of other stories' headlines.

    A subheading of the article introduces the paragraphs under it; headings that only follow each other are
    teasers (or a sign-up form's titles). Unless they are the article's own: nested section headings (each one level
    deeper), items numbered in order, or names with no verb ("Lemon drizzle cake" over its picture) followed by
    more of the article.
    """
    run: list[int] = []
    for index in range(len(kinds) + 1):
        kind = kinds[index] if index < len(kinds) else None
        if index < len(kinds) and is_heading(hints[index]) and (kind is None or kind[0] != "title"):
            run.append(index)
            continue
        if len(run) >= 3 and not _own_headings(lines, kinds, hints, run):
            for member in run:
                if kinds[member] is None:
                    kinds[member] = ("related_headline", "one of several headings in a row with no text under them")
        run = []


def _own_headings(lines: Sequence[str], kinds: Kinds, hints: Sequence[Hint], run: list[int]) -> bool:
    levels = [level for index in run if (level := heading_level(hints[index])) is not None]
    if len(levels) == len(run) and all(a < b for a, b in itertools.pairwise(levels)):
        return True  # h2 > h3 > h4: a part, its section, its subsection
    numbers = [number for index in run if (number := _number(lines[index])) is not None]
    if len(numbers) == len(run) and all(abs(b - a) == 1 for a, b in itertools.pairwise(numbers)):
        return True  # 1, 2, 3 (or a countdown): the article's own list
    resumes = any(kinds[index] is None and not is_heading(hints[index]) for index in range(run[-1] + 1, len(lines)))
    return resumes and all(kinds[index] is not None or reads_as_item(lines[index]) for index in run)


# The box about the author ---------------------------------------------------------------------------------------


def mark_author_boxes(lines: Sequence[str], kinds: Kinds, hints: Sequence[Hint], authors: Sequence[str]) -> None:
    """The lines under an "About the author" heading, and a biography ("Pia Holm is a senior reporter at ...") of
    one of the article's authors or with nothing of the article after it."""
    bylines = [Line(line, "byline") for line, kind in zip(lines, kinds, strict=True) if kind and kind[0] == "byline"]
    surnames = {name.split()[-1].lower() for name in [*authors, *find_authors(bylines)] if name.split()}
    under = 0
    for index, line in enumerate(lines):
        kind = kinds[index]
        if kind == ABOUT_THE_AUTHOR and p.AUTHOR_BOX_HEADING.match(line):
            under = _BOX_LINES
            continue
        if kind is not None or is_heading(hints[index]) or words(line) > _BOX_WORDS:
            under = 0
            continue
        if under:
            kinds[index] = ABOUT_THE_AUTHOR
            under -= 1
        elif (match := p.AUTHOR_BIO.match(line)) and (
            match.group("name").split()[-1].lower() in surnames or not _article_after(lines, kinds, hints, index)
        ):
            kinds[index] = ABOUT_THE_AUTHOR


def _article_after(lines: Sequence[str], kinds: Kinds, hints: Sequence[Hint], index: int) -> bool:
    """Whether running text of the article follows line `index` (an undecided sentence or an item of a list)."""
    return any(
        kinds[later] is None and (SENTENCE_END.search(lines[later]) or hints[later] in LISTED)
        for later in range(index + 1, len(lines))
    )
