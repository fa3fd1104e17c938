"""What a line looks like, whatever it says: its words, how it ends, what the markup hinted it is.

Shared by the line classifier (lines.py, blocks.py), the news check (news.py) and the HTML reader (html.py).
"""

from __future__ import annotations

import functools
import re

Hint = str | None
"""What the page's markup says a line is: a heading ("h1" to "h6", or "heading" when its level is unknown), "item"
(of a list, or a cell of a table), "row" (of a table, "| a | b |"), "teaser" (a list item made of headings), "quote"
(a line of a block quotation), "code" (a line of a block of code), or None for plain text."""

HEADINGS = frozenset({"heading", "h1", "h2", "h3", "h4", "h5", "h6"})
LISTED = frozenset({"item", "row", "code"})
"""Hints of lines that belong to a list, a table or a program: text of the article however short they are."""

SENTENCE_END = re.compile(r"[.!?…。！？][\"')\]」』]*$")
_WORD = re.compile(r"\w+(?:['-]\w+)*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
"""Chinese and Japanese script: written without spaces, so a run of it is many words, not one."""
_FINISHED = re.compile(r"[.!?:\"')\]。！？]$")
_FULL_STOP = re.compile(r"\.[\"'”’)\]]*$")
_TABLE_ROW = re.compile(r"^\|.*\|$")
_BULLET = re.compile(r"^[-*•·▪►]\s+")
_CODE = re.compile(r"[{}\[\]();=<>]\s*$|^\s*[}\])]|\w\(|</?\w+[ >]")


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


def is_heading(hint: Hint) -> bool:
    return hint in HEADINGS


def heading_level(hint: Hint) -> int | None:
    """2 for "h2"; None for a heading of unknown level or a line that is no heading."""
    return int(hint[1]) if hint and hint in HEADINGS and hint != "heading" else None


def shape_hint(line: str, hint: Hint) -> Hint:
    """The hint the line's own shape gives where the markup gave none: "| a | b |" is a row of a table, "• Bright
    lights" an item of a list (scraped text keeps the bullets)."""
    if hint is None and _TABLE_ROW.match(line):
        return "row"
    if hint is None and _BULLET.match(line):
        return "item"
    return hint


def strip_bullet(line: str) -> str:
    return _BULLET.sub("", line, count=1)


def looks_like_code(line: str) -> bool:
    """A line of a program pasted as text: it ends with a bracket or an operator, closes a bracket, calls a function
    or is a tag ("harbour: {", "});", "print(total)", "<div id=\"main\">")."""
    return bool(_CODE.search(line))


def is_headline_like(line: str) -> bool:
    """Short, and not ended by a full stop (inside quotes too: 'the series "Doctor Who."' ends a sentence)."""
    return 2 <= words(line) <= 30 and (not _FULL_STOP.search(line) or line.endswith("..."))


def squash(text: str) -> str:
    """Lower-case words only: two renderings of one line compare equal."""
    return " ".join(_WORD.findall(text.lower()))
