"""Classify every line of a scraped article: its own text, its captions, and the noise around them.

Two passes, like a careful reader: first what each line says by itself (a share widget, a byline, a
photo credit), then what its place tells (the first headline-like line is the title, a short line before
a caption labels the photo, the lines under "You might also like" are other stories' headlines; blocks.py
holds the rules about runs of lines: lists, cards, embedded posts, boxes about the author).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from corroborate.extract import blocks
from corroborate.extract import patterns as p
from corroborate.extract.normalize import normalize_line
from corroborate.extract.shape import (
    LISTED,
    SENTENCE_END,
    Hint,
    continues,
    heading_level,
    is_heading,
    is_headline_like,
    looks_like_code,
    shape_hint,
    squash,
    words,
)
from corroborate.models import Line, LineKind

__all__ = ["SENTENCE_END", "Context", "Hint", "classify", "continues", "words"]

_TOP = 8  # the title, standfirst, byline and lead photo sit within the first lines


@dataclass(frozen=True)
class Context:
    """What is known of the page before its lines are read (from markup or a JSON record)."""

    title: str | None = None
    description: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()


def classify(lines: Sequence[str], hints: Sequence[Hint] | None = None, context: Context | None = None) -> list[Line]:
    """Every line with its kind and, for lines that are not the article's text, why."""
    hints = [shape_hint(line, hint) for line, hint in zip(lines, hints or [None] * len(lines), strict=True)]
    context = context or Context()
    kinds: list[tuple[LineKind, str | None] | None] = [
        _by_itself(line, hint) for line, hint in zip(lines, hints, strict=True)
    ]
    _mark_own_address(lines, kinds, context)
    _mark_top_dates(lines, kinds)  # before the title: a date alone on the first line is never the headline
    _mark_title(lines, kinds, hints, context)
    blocks.mark_embeds(lines, kinds, hints)
    blocks.mark_galleries(lines, kinds)
    blocks.mark_photo_labels(lines, kinds, hints)
    blocks.mark_related_blocks(lines, kinds, hints)
    blocks.mark_link_lists(lines, kinds, hints)
    blocks.mark_heading_runs(lines, kinds, hints)
    blocks.mark_author_boxes(lines, kinds, hints, context.authors)
    _mark_standfirst(lines, kinds, hints, context)
    _mark_repeats(lines, kinds)
    for index, (line, hint) in enumerate(zip(lines, hints, strict=True)):
        if kinds[index] is None:
            kinds[index] = ("subheading", None) if _is_subheading(line, hint, index) else ("body", None)
    return [Line(text=line, kind=kind, why=why) for line, (kind, why) in zip(lines, _decided(kinds), strict=True)]


def _decided(kinds: list[tuple[LineKind, str | None] | None]) -> list[tuple[LineKind, str | None]]:
    return [kind if kind is not None else ("body", None) for kind in kinds]


_SHOUTED: tuple[LineKind, str] = ("related_headline", "a headline in capitals: a link to another story")
_PROSE_WORDS = 12
"""A line in capitals that ends a sentence and runs this long is prose set in capitals (old wire copy), not a link.

The links in capitals on the benchmark's 181 pages run 8 to 14 words and none ends with a full stop; the sentences
of the ECB+ article in capitals (36_7ecb) run 18 to 30 words."""
_LABEL_WORDS = 20
"""A post's signature ("— Name (@handle) January 1, 2026"), a player's title or label: a line of a few words; longer,
the same words are the article's sentence about a post or a video."""


def _by_itself(line: str, hint: Hint) -> tuple[LineKind, str | None] | None:
    """The kind a line has whatever surrounds it, or None when only its place can tell."""
    if hint == "code":
        return ("body", None)  # a program's lines are text of a tutorial, braces and all
    n_words = words(line)
    if n_words == 0:
        return ("boilerplate", "no words")
    if hint == "row":
        return ("body", None)  # a row of a table: its cells are short, never a menu
    if hint == "teaser":
        return None if blocks.reads_as_item(line) else blocks.CARD
    if n_words <= 12 and p.WIDGET.match(line):
        return ("widget", "share or comment widget")
    if (n_words <= _LABEL_WORDS and p.SOCIAL_SIGNATURE.match(line)) or (
        n_words <= blocks.POST_WORDS and p.SOCIAL_LINK.search(line)
    ):
        return blocks.EMBEDDED_POST
    if n_words <= _LABEL_WORDS and (
        p.VIDEO_TITLE.match(line) or (p.VIDEO_PLAYER_TEXT.match(line) and not is_heading(hint))
    ):
        return blocks.VIDEO
    if n_words <= 12 and p.RELATED_HEADING.match(line):
        return ("related_heading", "heading of links to other articles")
    if n_words <= 25 and (p.RELATED_INLINE.match(line) or p.RELATED_TAGGED.match(line)):
        return ("related_headline", "link to another article")
    if n_words <= 12 and (p.AUTHOR_BOX_HEADING.match(line) or p.AUTHOR_LINK.match(line)):
        return blocks.ABOUT_THE_AUTHOR
    if n_words <= 14 and _is_timestamp(line):
        return ("boilerplate", "timestamp")
    if (
        n_words >= 7
        and not is_heading(hint)
        and _is_shouted(line)
        and not line.endswith(("?", ":", "|"))
        and not (n_words >= _PROSE_WORDS and SENTENCE_END.search(line))
    ):
        return _SHOUTED
    if n_words <= 14 and p.BYLINE.match(line) and not SENTENCE_END.search(line.rstrip(".").strip()):
        return ("byline", "byline")
    if n_words <= 40 and p.CREDIT.match(line):
        return ("credit", "writing, reporting or editing credit")
    if n_words <= 14 and p.WIRE_LINE.match(line):
        return ("wire", "names the wire agency or source")
    if n_words <= 40 and p.WIRE_COPYRIGHT.search(line) and ("rights reserved" in line.lower() or n_words <= 6):
        return ("wire", "copyright notice of the wire agency")
    if n_words <= 12 and p.PHOTO_CREDIT.match(line) and not line.startswith(('"', "'")):
        return ("photo_credit", "photo credit")
    if n_words <= 60 and (p.CAPTION_CREDIT.search(line) or p.CAPTION_START.match(line)):
        return ("caption", "photo caption")
    if n_words <= 40:
        for pattern, why in p.BOILERPLATE:
            if pattern.search(line):
                return ("boilerplate", why)
    return None


_BY_NAME = re.compile(r"\s+by\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}$")


def _is_timestamp(line: str, anywhere: bool = True) -> bool:
    """Only a date, maybe labelled ("Updated:"), with a time or a weekday, or signed ("5:45 AM PST 11/19/2019 by
    Jane Roe"): when the page was published. A bare date ("Nov. 19, 2019") is one only under the headline
    (`anywhere` False); further down it may head a part of a timeline.

    One date: two are a range ("29 November 2018 | 20 January 2019"), an event's dates, part of the story.
    """
    core = _BY_NAME.sub("", line)
    if not p.DATE_ONLY.match(core) or len(p.FULL_DATE.findall(core)) != 1:
        return False
    return not anywhere or core != line or bool(p.TIME_OR_WEEKDAY.search(core))


def _is_shouted(line: str) -> bool:
    """Written in capitals, as news sites set the links to their other stories inside an article.

    Not a heading in capitals, nor a row of a table or a line of code ("SELECT NAME FROM USERS"). The caller lets a
    long sentence in capitals be prose, and `_may_be_title` lets a line in capitals that opens the text be the
    headline.
    """
    if line != line.upper():
        return False  # a lower-case letter: the quick answer for almost every line
    cased = [character for character in line if character.isalpha() and character.lower() != character.upper()]
    return len(cased) >= 20 and all(character.isupper() for character in cased)


def _mark_top_dates(lines: Sequence[str], kinds: list) -> None:
    """A date alone on its line near the headline is when the page was published."""
    for index in range(min(_TOP, len(lines))):
        if kinds[index] is None and words(lines[index]) <= 14 and _is_timestamp(lines[index], anywhere=False):
            kinds[index] = ("boilerplate", "timestamp")


def _mark_own_address(lines: Sequence[str], kinds: list, context: Context) -> None:
    """A line that is only the page's own address, or its site's, is the page's furniture (a share link, a logo)."""
    own = _host(context.url) if context.url else None
    if not own:
        return
    for index, line in enumerate(lines):
        if kinds[index] is None and (match := p.BARE_ADDRESS.match(line)) and _host(match.group("host")) == own:
            kinds[index] = ("boilerplate", "the page's own address")


def _host(address: str) -> str:
    host = re.sub(r"^[a-z]+://", "", address.strip().lower()).split("/")[0].split("?")[0]
    return host.removeprefix("www.")


def _mark_title(lines: Sequence[str], kinds: list, hints: Sequence[Hint], context: Context) -> None:
    """The headline: the page's own title where known, else the first headline-like line; repeats go too.

    A page's title often carries the section or the site around the headline ("Opinion | Is Football Violence
    a Crime?", "Floods close the port - The Gazette"): the headline is any run of its parts. When no line is
    the page's title (pages title their tab apart from their headline), the first line is, if it can be a headline
    (`_may_headline`).
    """
    titles = _title_forms(context.title) if context.title else set()
    top = range(min(_TOP + 4, len(lines)))
    if not any(_may_be_title(lines, kinds, index) and squash(lines[index]) in titles for index in top):
        first = next((index for index in range(min(_TOP, len(lines))) if _may_be_title(lines, kinds, index)), None)
        if first is None or not _may_headline(lines[first], hints[first], context.title):
            first = None
        titles = {squash(lines[first])} if first is not None else set()
    if not titles:
        return
    seen = False
    for index, line in enumerate(lines):
        if _may_be_title(lines, kinds, index) and squash(line) in titles and (seen or index < _TOP + 4):
            kinds[index] = ("title", "repeated title") if seen else ("title", "title")
            seen = True


_HEADLINE_WORDS = 4
"""With the page's title known and no word of it shared, a heading must have this many words to be the headline:
"Quick facts", "Information and Resources" head boxes beside the story (WebMD's page on superbugs, Readability's
test pages); the shortest headlines of the 181 benchmark pages that are their page's title reworded run 5 words."""
_LONGER_THAN_TITLE = 3
"""A plain line (not a heading of the markup) may run this many words beyond the page's title and still be its
headline reworded; longer, it is the standfirst or the lead sharing the title's words (Breitbart's page on a Snopes
writer, an h2 of 19 words under a title of 13, of Readability's test pages). A top heading (h1) may run longer: The
Sun's h1 runs 18 words where its title has 12 (181 benchmark pages)."""


def _may_headline(line: str, hint: Hint, page_title: str | None) -> bool:
    """Whether `line`, first of the text but not the page's title, is the headline: headline-like, no dateline, no
    box's heading. When the page has a title: a heading of several words if the two share (almost) no word (the
    title names the page's section or site: "Harbour and Coast News Centre"); else the top heading (h1), or a line that
    is not much longer than the title (a longer one restates it: the standfirst, or the lead), and shares half its
    words with it unless it is a heading."""
    if not is_headline_like(line) or p.DATELINE.match(line) or p.BOX_HEADING.match(line):
        return False
    if not page_title:
        return True
    shared = _shared_words(line, page_title)
    if shared < _SHARED:
        return is_heading(hint) and words(line) >= _HEADLINE_WORDS
    if is_heading(hint) and heading_level(hint) in (None, 1):
        return True
    longest = max((words(part) for part in _TITLE_PARTS.split(normalize_line(page_title))), default=0)
    return words(line) <= longest + _LONGER_THAN_TITLE and (
        is_heading(hint) or shared >= len(squash(line).split()) // 2
    )


def _may_be_title(lines: Sequence[str], kinds: list, index: int) -> bool:
    """Undecided, or in capitals with no undecided line above it: a headline set in capitals ("RCMP MAKE ARRESTS IN
    BC POLYGAMOUS COMMUNITY") opens the text, where no link to another story stands. Not a line in capitals with a
    full date: that is when the page was published ("PUBLISHED FRIDAY, MARCH 8, 2013 AT 12:46 PM/UPDATED ...")."""
    kind = kinds[index]
    if kind is None:
        return True
    return (
        kind == _SHOUTED
        and not p.FULL_DATE.search(lines[index])
        and all(kinds[above] is not None for above in range(index))
    )


_SHARED = 3
"""Words a line must share with the page's title to restate it (the old rule: three, or half the line's words)."""


def _shared_words(line: str, title: str) -> int:
    """How many distinct words of `line` are in `title`: the headline reworded for the browser's tab shares many."""
    return len(set(squash(line).split()) & set(squash(normalize_line(title)).split()))


_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+|\s*[|]\s*")


def _title_forms(title: str) -> set[str]:
    """The title, and each run of its parts around " | " or " - " long enough to be the headline."""
    parts = _TITLE_PARTS.split(normalize_line(title))
    forms = {
        squash(" ".join(parts[start:end]))
        for start in range(len(parts))
        for end in range(start + 1, len(parts) + 1)
        if words(" ".join(parts[start:end])) >= 3
    }
    return (forms | {squash(normalize_line(title))}) - {""}


def _mark_standfirst(lines: Sequence[str], kinds: list, hints: Sequence[Hint], context: Context) -> None:
    """The summary under the headline: the first undecided line after the title, set apart from the body.

    It is the standfirst when the page's description is that line set as a heading or not ending like a sentence
    (not an excerpt cut from it or running on into the next paragraphs: then the line opens the story). A paragraph
    of prose that is the description may be the lead, which pages copy into their description (on the 181
    benchmark pages, 9 of 10 such paragraphs are in the hand-made text): like any first line, it is the standfirst
    when noise (a photo, a byline: `_under_headline`) separates it from the next undecided line, or when that next
    line opens with a dateline: the story starts there.
    """
    title_at = next((index for index, kind in enumerate(kinds) if kind and kind[0] == "title"), None)
    if title_at is None:
        return
    first = next((index for index in range(title_at + 1, len(lines)) if kinds[index] is None), None)
    if first is None or first > title_at + _TOP or p.DATELINE.match(lines[first]) or words(lines[first]) > 60:
        return
    line = lines[first]
    if context.description and squash(context.description)[:80] == squash(line)[:80]:
        described, opening = squash(context.description), squash(line)
        if abs(len(described) - len(opening)) > max(12, len(opening) // 10):
            return  # the description is an excerpt of the story's opening: the line opens the story
        if not (hints[first] is None and SENTENCE_END.search(line)):
            kinds[first] = ("standfirst", "standfirst")
            return
    following = next((index for index in range(first + 1, len(lines)) if kinds[index] is None), None)
    if following is None:
        return
    noise_between = any(_under_headline(kinds[index]) for index in range(first + 1, following))
    if noise_between or p.DATELINE.match(lines[following]):
        kinds[first] = ("standfirst", "standfirst")


def _under_headline(kind: tuple[LineKind, str | None] | None) -> bool:
    """Noise that sits between a standfirst and the story (a photo, a byline, a date, share buttons); not a video, a
    post or a link to another story, which sit between the story's own paragraphs."""
    return kind is not None and kind not in (blocks.VIDEO, blocks.EMBEDDED_POST) and not kind[0].startswith("related")


def _mark_repeats(lines: Sequence[str], kinds: list) -> None:
    """A paragraph of prose met again word for word is a copy (a teaser, a second rendering of the page).

    Only long sentences count: short lines repeat in real text (the same question put to each person
    interviewed, the same "Eat every 2-3 hours" under each meal of a plan).
    """
    seen: set[str] = set()
    for index, line in enumerate(lines):
        kind = kinds[index]
        if kind is not None and kind[0] not in ("title", "standfirst"):
            continue
        key = squash(line)
        if kind is None and key in seen and words(line) >= 20 and SENTENCE_END.search(line):
            kinds[index] = ("boilerplate", "repeated paragraph")
        seen.add(key)


def _is_subheading(line: str, hint: Hint, index: int) -> bool:
    """A heading of the markup, or a short line with no sentence end; never an item of a list or a cell of a table,
    which are the article's text however short."""
    if index == 0 or line.startswith(('"', "'")) or hint in LISTED or hint == "teaser" or looks_like_code(line):
        return False
    if is_heading(hint):
        return True
    return words(line) <= 10 and not SENTENCE_END.search(line) and not line.endswith((":", ",", ";"))
