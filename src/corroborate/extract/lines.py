"""Classify every line of a scraped article: its own text, its captions, and the noise around them.

Two passes, like a careful reader: first what each line says by itself (a share widget, a byline, a
photo credit), then what its place tells (the first headline-like line is the title, a short line before
a caption labels the photo, the lines under "You might also like" are other stories' headlines).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from corroborate.extract import patterns as p
from corroborate.models import Line, LineKind

Hint = str | None
"""What the page's markup says a line is: "heading", "item" (of a list), "quote", or None for plain text."""

_SENTENCE_END = re.compile(r"[.!?…][\"')\]]*$")
_WORD = re.compile(r"\w+(?:['-]\w+)*")
_TOP = 8  # the title, standfirst, byline and lead photo sit within the first lines


@dataclass(frozen=True)
class Context:
    """What is known of the page before its lines are read (from markup or a JSON record)."""

    title: str | None = None
    description: str | None = None


def classify(lines: Sequence[str], hints: Sequence[Hint] | None = None, context: Context | None = None) -> list[Line]:
    """Every line with its kind and, for lines that are not the article's text, why."""
    hints = hints or [None] * len(lines)
    context = context or Context()
    kinds: list[tuple[LineKind, str | None] | None] = [
        _by_itself(line, hint) for line, hint in zip(lines, hints, strict=True)
    ]
    _mark_title(lines, kinds, context)
    _mark_photo_labels(lines, kinds)
    _mark_related_blocks(lines, kinds, hints)
    _mark_link_lists(lines, kinds, hints)
    _mark_standfirst(lines, kinds, context)
    for index, (line, hint) in enumerate(zip(lines, hints, strict=True)):
        if kinds[index] is None:
            kinds[index] = ("subheading", None) if _is_subheading(line, hint, index) else ("body", None)
    return [Line(text=line, kind=kind, why=why) for line, (kind, why) in zip(lines, _decided(kinds), strict=True)]


def _decided(kinds: list[tuple[LineKind, str | None] | None]) -> list[tuple[LineKind, str | None]]:
    return [kind if kind is not None else ("body", None) for kind in kinds]


def words(line: str) -> int:
    return len(_WORD.findall(line))


def _by_itself(line: str, hint: Hint) -> tuple[LineKind, str | None] | None:
    """The kind a line has whatever surrounds it, or None when only its place can tell."""
    n_words = words(line)
    if n_words == 0:
        return ("boilerplate", "no words")
    if n_words <= 12 and p.WIDGET.match(line):
        return ("widget", "share or comment widget")
    if n_words <= 12 and p.RELATED_HEADING.match(line):
        return ("related_heading", "heading of links to other articles")
    if n_words <= 25 and p.RELATED_INLINE.match(line):
        return ("related_headline", "link to another article")
    if n_words <= 14 and p.BYLINE.match(line) and not _SENTENCE_END.search(line.rstrip(".").strip()):
        return ("byline", "byline")
    if n_words <= 40 and p.CREDIT.match(line):
        return ("credit", "writing, reporting or editing credit")
    if n_words <= 14 and p.WIRE_LINE.match(line):
        return ("wire", "names the wire agency or source")
    if n_words <= 40 and p.WIRE_COPYRIGHT.search(line) and "rights reserved" in line.lower():
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


def _mark_title(lines: Sequence[str], kinds: list, context: Context) -> None:
    """The headline: the page's own title where known, else the first headline-like line; repeats go too."""
    title = _squash(context.title) if context.title else None
    if title is None:
        for index in range(min(_TOP, len(lines))):
            if kinds[index] is None:
                if _is_headline_like(lines[index]) and not p.DATELINE.match(lines[index]):
                    title = _squash(lines[index])
                break
    if title is None:
        return
    seen = False
    for index, line in enumerate(lines[: _TOP + 4]):
        if kinds[index] is None and _squash(line) == title:
            kinds[index] = ("title", "repeated title") if seen else ("title", "title")
            seen = True


def _mark_photo_labels(lines: Sequence[str], kinds: list) -> None:
    """A short label right above a caption ("Hun Sen - Cambodia") names the photo: it belongs to the caption."""
    for index in range(len(lines) - 1):
        following = kinds[index + 1]
        if (
            kinds[index] is None
            and following
            and following[0] in ("caption", "photo_credit")
            and words(lines[index]) <= 8
            and not _SENTENCE_END.search(lines[index])
        ):
            kinds[index] = ("caption", "label of a photo")


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
            and not _SENTENCE_END.search(line)
            and not line.startswith(('"', "'"))
        ):
            run.append(index)
            continue
        if len(run) >= 3:
            for member in run:
                kinds[member] = ("boilerplate", "menu or list of links")
        run = []


def _mark_standfirst(lines: Sequence[str], kinds: list, context: Context) -> None:
    """The summary under the headline: the first undecided line after the title, set apart from the body.

    It is the standfirst when the page's description says so, or when noise (a photo, a byline) separates
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
        kinds[first] = ("standfirst", "standfirst")
        return
    following = next((index for index in range(first + 1, len(lines)) if kinds[index] is None), None)
    if following is None:
        return
    noise_between = any(kinds[index] is not None for index in range(first + 1, following))
    if noise_between or p.DATELINE.match(lines[following]):
        kinds[first] = ("standfirst", "standfirst")


def _is_subheading(line: str, hint: Hint, index: int) -> bool:
    if index == 0 or line.startswith(('"', "'")):
        return False
    if hint == "heading":
        return True
    return words(line) <= 10 and not _SENTENCE_END.search(line) and not line.endswith((":", ",", ";"))


def _is_headline_like(line: str) -> bool:
    return 2 <= words(line) <= 30 and (not line.endswith(".") or line.endswith("..."))


def _squash(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))
