"""Classify every line of a scraped article: its own text, its captions, and the noise around them.

Two passes, like a careful reader: first what each line says by itself (a share widget, a byline, a
photo credit), then what its place tells (the first headline-like line is the title, a short line before
a caption labels the photo, the lines under "You might also like" are other stories' headlines).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from corroborate.extract import patterns as p
from corroborate.extract.normalize import normalize_line
from corroborate.models import Line, LineKind

Hint = str | None
"""What the page's markup says a line is: "heading", "item" (of a list), "teaser" (a list item made of headings,
a card for another story), "quote", or None for plain text."""

SENTENCE_END = re.compile(r"[.!?…。！？][\"')\]」』]*$")
_WORD = re.compile(r"\w+(?:['-]\w+)*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
"""Chinese and Japanese script: written without spaces, so a run of it is many words, not one."""
_TOP = 8  # the title, standfirst, byline and lead photo sit within the first lines


@dataclass(frozen=True)
class Context:
    """What is known of the page before its lines are read (from markup or a JSON record)."""

    title: str | None = None
    description: str | None = None
    url: str | None = None


def classify(lines: Sequence[str], hints: Sequence[Hint] | None = None, context: Context | None = None) -> list[Line]:
    """Every line with its kind and, for lines that are not the article's text, why."""
    hints = hints or [None] * len(lines)
    context = context or Context()
    kinds: list[tuple[LineKind, str | None] | None] = [
        _by_itself(line, hint) for line, hint in zip(lines, hints, strict=True)
    ]
    _mark_own_address(lines, kinds, context)
    _mark_top_dates(lines, kinds)  # before the title: a date alone on the first line is never the headline
    _mark_title(lines, kinds, hints, context)
    _mark_photo_labels(lines, kinds)
    _mark_related_blocks(lines, kinds, hints)
    _mark_link_lists(lines, kinds, hints)
    _mark_heading_runs(kinds, hints)
    _mark_standfirst(lines, kinds, context)
    _mark_repeats(lines, kinds)
    for index, (line, hint) in enumerate(zip(lines, hints, strict=True)):
        if kinds[index] is None:
            kinds[index] = ("subheading", None) if _is_subheading(line, hint, index) else ("body", None)
    return [Line(text=line, kind=kind, why=why) for line, (kind, why) in zip(lines, _decided(kinds), strict=True)]


def _decided(kinds: list[tuple[LineKind, str | None] | None]) -> list[tuple[LineKind, str | None]]:
    return [kind if kind is not None else ("body", None) for kind in kinds]


@functools.lru_cache(maxsize=8192)
def words(line: str) -> int:
    """Words in `line`; in Chinese or Japanese script, where no spaces part them, about one per two characters."""
    cjk = len(_CJK.findall(line))
    if not cjk:
        return len(_WORD.findall(line))
    return len(_WORD.findall(_CJK.sub(" ", line))) + (cjk + 1) // 2


def continues(previous: str, line: str) -> bool:
    """A line that goes on the previous one's sentence: the previous is long and unfinished, this starts lowercase.

    Hard-wrapped text (scraped text, or a page that breaks its paragraphs with <br>) is joined back with it.
    """
    return len(previous) >= 50 and not _FINISHED.search(previous) and line[:1].islower()


_FINISHED = re.compile(r"[.!?:\"')\]。！？]$")


_SHOUTED: tuple[LineKind, str] = ("related_headline", "a headline in capitals: a link to another story")
_PROSE_WORDS = 12
"""A line in capitals that ends a sentence and runs this long is prose set in capitals (old wire copy), not a link.

The links in capitals on the benchmark's 181 pages run 8 to 14 words and none ends with a full stop; the sentences
of the ECB+ article in capitals (36_7ecb) run 18 to 30 words."""


def _by_itself(line: str, hint: Hint) -> tuple[LineKind, str | None] | None:
    """The kind a line has whatever surrounds it, or None when only its place can tell."""
    n_words = words(line)
    if n_words == 0:
        return ("boilerplate", "no words")
    if hint == "teaser":
        return ("related_headline", "card of another article (a list item made of headings)")
    if n_words <= 12 and p.WIDGET.match(line):
        return ("widget", "share or comment widget")
    if n_words <= 12 and p.RELATED_HEADING.match(line):
        return ("related_heading", "heading of links to other articles")
    if n_words <= 25 and (p.RELATED_INLINE.match(line) or p.RELATED_TAGGED.match(line)):
        return ("related_headline", "link to another article")
    if n_words <= 14 and _is_timestamp(line):
        return ("boilerplate", "timestamp")
    if (
        n_words >= 7
        and hint != "heading"
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

    Not a heading in capitals, nor a row of a table ("| HD | THE HOME DEPOT INC. | 225.86 |"). The caller lets a
    long sentence in capitals be prose, and `_may_be_title` lets a line in capitals that opens the text be the
    headline.
    """
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
    the page's title (pages title their tab apart from their headline), the first line is, if it is headline-like
    and a heading or close to the page's title in words.
    """
    titles = _title_forms(context.title) if context.title else set()
    top = range(min(_TOP + 4, len(lines)))
    if not any(_may_be_title(lines, kinds, index) and _squash(lines[index]) in titles for index in top):
        first = next((index for index in range(min(_TOP, len(lines))) if _may_be_title(lines, kinds, index)), None)
        titles = set()
        if (
            first is not None
            and _is_headline_like(lines[first])
            and not p.DATELINE.match(lines[first])
            and (not context.title or hints[first] == "heading" or _shares_words(lines[first], context.title))
        ):
            titles = {_squash(lines[first])}
    if not titles:
        return
    seen = False
    for index, line in enumerate(lines):
        if _may_be_title(lines, kinds, index) and _squash(line) in titles and (seen or index < _TOP + 4):
            kinds[index] = ("title", "repeated title") if seen else ("title", "title")
            seen = True


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


def _shares_words(line: str, title: str) -> bool:
    """Half the words of `line` are in `title`: the headline reworded for the browser's tab."""
    line_words, title_words = set(_squash(line).split()), set(_squash(normalize_line(title)).split())
    return len(line_words & title_words) >= max(3, len(line_words) // 2)


_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+|\s*[|]\s*")


def _title_forms(title: str) -> set[str]:
    """The title, and each run of its parts around " | " or " - " long enough to be the headline."""
    parts = _TITLE_PARTS.split(normalize_line(title))
    forms = {
        _squash(" ".join(parts[start:end]))
        for start in range(len(parts))
        for end in range(start + 1, len(parts) + 1)
        if words(" ".join(parts[start:end])) >= 3
    }
    return (forms | {_squash(normalize_line(title))}) - {""}


def _mark_photo_labels(lines: Sequence[str], kinds: list) -> None:
    """A short label right above a caption ("Hun Sen - Cambodia") names the photo: it belongs to the caption.
    A line right above a photo credit ("Photo: Jane Roe/AFP") is the caption the credit closes."""
    for index in range(len(lines) - 1):
        following = kinds[index + 1]
        if kinds[index] is not None or not following or lines[index].startswith(('"', "'")):
            continue
        if (
            following[0] in ("caption", "photo_credit")
            and words(lines[index]) <= 8
            and not SENTENCE_END.search(lines[index])
        ):
            kinds[index] = ("caption", "label of a photo")
        elif following[0] == "photo_credit" and words(lines[index]) <= 40:
            kinds[index] = ("caption", "photo caption (its credit follows)")


def _mark_related_blocks(lines: Sequence[str], kinds: list, hints: Sequence[Hint]) -> None:
    """Under a related-articles heading, headline-like lines are other stories, until the article resumes."""
    inside = False
    for index, line in enumerate(lines):
        kind = kinds[index]
        if kind and kind[0] == "related_heading":
            inside = True
        elif inside and kind is None:
            if _is_headline_like(line) or (words(line) <= 30 and hints[index] in ("item", "heading")):
                kinds[index] = ("related_headline", "headline of another article")
            else:
                inside = False


def _mark_link_lists(lines: Sequence[str], kinds: list, hints: Sequence[Hint]) -> None:
    """Three or more very short undecided lines in a row, outside lists, are a menu or a list of links."""
    run: list[int] = []
    for index, line in enumerate([*lines, ""]):
        if (
            index < len(lines)
            and kinds[index] is None
            and hints[index] is None
            and words(line) <= 4
            and not SENTENCE_END.search(line)
            and not line.startswith(('"', "'"))
        ):
            run.append(index)
            continue
        if len(run) >= 3:
            for member in run:
                kinds[member] = ("boilerplate", "menu or list of links")
        run = []


def _mark_heading_runs(kinds: list, hints: Sequence[Hint]) -> None:
    """Three or more headings in a row, with no text under any of them, are a list of other stories' headlines.

    A subheading of the article introduces the paragraphs under it; headings that only follow each other are
    teasers (or a sign-up form's titles).
    """
    run: list[int] = []
    for index in range(len(kinds) + 1):
        if index < len(kinds) and hints[index] == "heading" and (kinds[index] is None or kinds[index][0] != "title"):
            run.append(index)
            continue
        if len(run) >= 3:
            for member in run:
                if kinds[member] is None:
                    kinds[member] = ("related_headline", "one of several headings in a row with no text under them")
        run = []


def _mark_standfirst(lines: Sequence[str], kinds: list, context: Context) -> None:
    """The summary under the headline: the first undecided line after the title, set apart from the body.

    It is the standfirst when the page's description is that line (not an excerpt cut from it, or running on
    into the next paragraphs: then the line opens the story), or when noise (a photo, a byline) separates
    it from the next undecided line, or when that next line opens with a dateline: the story starts there.
    """
    title_at = next((index for index, kind in enumerate(kinds) if kind and kind[0] == "title"), None)
    if title_at is None:
        return
    first = next((index for index in range(title_at + 1, len(lines)) if kinds[index] is None), None)
    if first is None or first > title_at + _TOP or p.DATELINE.match(lines[first]) or words(lines[first]) > 60:
        return
    line = lines[first]
    if context.description and _squash(context.description)[:80] == _squash(line)[:80]:
        described, opening = _squash(context.description), _squash(line)
        if abs(len(described) - len(opening)) <= max(12, len(opening) // 10):
            kinds[first] = ("standfirst", "standfirst")
        return  # else the description is an excerpt cut from the article's opening: the line is the story's start
    following = next((index for index in range(first + 1, len(lines)) if kinds[index] is None), None)
    if following is None:
        return
    noise_between = any(kinds[index] is not None for index in range(first + 1, following))
    if noise_between or p.DATELINE.match(lines[following]):
        kinds[first] = ("standfirst", "standfirst")


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
        key = _squash(line)
        if kind is None and key in seen and words(line) >= 20 and SENTENCE_END.search(line):
            kinds[index] = ("boilerplate", "repeated paragraph")
        seen.add(key)


def _is_subheading(line: str, hint: Hint, index: int) -> bool:
    if index == 0 or line.startswith(('"', "'")):
        return False
    if hint == "heading":
        return True
    return words(line) <= 10 and not SENTENCE_END.search(line) and not line.endswith((":", ",", ";"))


def _is_headline_like(line: str) -> bool:
    """Short, and not ended by a full stop (inside quotes too: 'the series "Doctor Who."' ends a sentence)."""
    return 2 <= words(line) <= 30 and (not _FULL_STOP.search(line) or line.endswith("..."))


_FULL_STOP = re.compile(r"\.[\"'”’)\]]*$")


def _squash(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))
