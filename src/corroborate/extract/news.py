"""Is it news? What a short news brief is, and the floor under which an input is not an article at all.

A news item may be a single line ("Storm closes the coast road") or two sentences under a dateline: it is kept,
with a warning that it is short. What is refused is text that is not news: only noise (widgets, prompts, a cookie
notice, an error page, all set apart by `lines.classify`), labels (a form), or a list (a menu, links to stories).

Checked on the 982 real news articles of ECB+ (shared/dev-data/ecbplus): 79 were refused when 40 words of body
were the floor (one-line items, a headline under a date, a wire item in capitals); with this floor none is, and
the shortest is one sentence of 7 words. The 181 pages of the extraction benchmark give the same text as before.
tests/extract/test_news.py holds invented briefs and non-news inputs (a login form, a menu, a cookie banner, a 404).
"""

from __future__ import annotations

from collections.abc import Sequence

from corroborate.errors import NotAnArticle
from corroborate.extract.shape import LISTED, SENTENCE_END, Hint, words
from corroborate.extract.verbs import has_verb
from corroborate.models import TEXT_KINDS, Line

__all__ = ["MIN_BODY_WORDS", "MIN_NEWS_WORDS", "check_is_news", "has_verb", "own_text"]

MIN_BODY_WORDS = 40
"""At least this many words of running text make an article; fewer, and it is a short news brief (with a warning)."""

MIN_NEWS_WORDS = 5
"""A handful: fewer words than this in the lines that read as news say too little to be a news item ("Page not
found", "Your basket is empty", "Nobody was hurt."). A headline alone has five or more ("Swimming star dies at 91");
the shortest article of ECB+ is one sentence of 7 words."""

_FEW_LINES = 3
"""A brief with no sentence is a headline, maybe with a kicker or a date: more lines than this, none of them a
sentence, are a list (a menu, links to other stories)."""

_RUNNING_WORDS = 15
"""A body line this long is running text even when it does not end like a sentence (a paragraph cut short)."""


def own_text(lines: Sequence[Line]) -> list[Line]:
    """The lines that are the article's own text: its body and subheadings.

    When no line is body, the headline (and the standfirst) is the text: a news item of one line is its own text,
    and analysis downstream needs paragraphs to read.
    """
    if any(line.kind == "body" for line in lines):
        return [line for line in lines if line.kind in ("body", "subheading")]
    return [line for line in lines if line.kind in TEXT_KINDS and line.why != "repeated title"]


def check_is_news(source: str, lines: Sequence[Line], hints: Sequence[Hint] | None = None) -> str | None:
    """None for an article, a warning for a short news brief; raises `NotAnArticle` when the text is not news.

    `hints` (shape.Hint, one per line) tell the items of lists, the rows of tables and the lines of programs: under
    a sentence of the article they are its text however short (nominees under their categories, a table of
    specifications, a tutorial's code), where the same short lines alone are a menu.
    """
    listed = _listed(lines, hints or [None] * len(lines))
    if _running_words(lines, listed) >= MIN_BODY_WORDS:
        return None
    text = [line.text for line in lines if line.kind in TEXT_KINDS and line.why != "repeated title"]
    sentences = [line for line in text if reads_as_sentence(line)]
    news = [line for line in text if line in sentences or line in listed or reads_as_headline(line)]
    news_words = sum(map(words, news))

    def refuse(reason: str) -> NotAnArticle:
        return NotAnArticle(source, f"not an article: {reason}")

    if not text:
        furniture = "; ".join(dict.fromkeys(line.why or line.kind for line in lines))
        raise refuse(f"nothing but page furniture ({furniture})")
    if not sentences and len(text) > _FEW_LINES:
        raise refuse(f"no running text, only {len(text)} short lines (a list of links or a menu?)")
    if not news:
        raise refuse("no line reads as a sentence or a headline (a form, a menu or an error page?)")
    if news_words < MIN_NEWS_WORDS:
        raise refuse(f"only {news_words} words of text (a form or a login page?)")
    if 2 * news_words < sum(map(words, text)):
        raise refuse(f"{len(text) - len(news)} short lines and little running text (a list of links or a menu?)")
    return f"a short news brief: only {sum(words(line.text) for line in own_text(lines))} words of body text"


def _running_words(lines: Sequence[Line], listed: set[str]) -> int:
    """Words of the body lines that read as running text (ending like a sentence, or long) or are `listed`."""
    return sum(
        words(line.text)
        for line in lines
        if line.kind == "body"
        and (SENTENCE_END.search(line.text) or words(line.text) >= _RUNNING_WORDS or line.text in listed)
    )


def _listed(lines: Sequence[Line], hints: Sequence[Hint]) -> set[str]:
    """The text of the items, rows and code lines of the article, when its body holds a sentence (items alone, with
    no sentence anywhere, are a menu or a list of links)."""
    if not any(line.kind == "body" and SENTENCE_END.search(line.text) for line in lines):
        return set()
    return {line.text for line, hint in zip(lines, hints, strict=True) if hint in LISTED and line.kind == "body"}


def reads_as_sentence(line: str) -> bool:
    """Says something as prose does: "Nobody was hurt." but not "Story 3 of the day.".

    A line that ends like a sentence, with a verb or long enough to have one; or a paragraph cut short, long and
    with a verb but no full stop.
    """
    n_words = words(line)
    if SENTENCE_END.search(line):
        return n_words >= 3 and (n_words >= 8 or has_verb(line))
    return n_words >= _RUNNING_WORDS and has_verb(line)


def reads_as_headline(line: str) -> bool:
    """A headline says who did what: "Swimming star dies at 91", not "Terms of use" or "Story 3 of the day"."""
    return 3 <= words(line) <= 30 and has_verb(line)
