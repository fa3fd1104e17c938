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

import re
from collections.abc import Sequence

from corroborate.errors import NotAnArticle
from corroborate.extract.lines import SENTENCE_END, words
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


def check_is_news(source: str, lines: Sequence[Line]) -> str | None:
    """None for an article, a warning for a short news brief; raises `NotAnArticle` when the text is not news."""
    if _running_words(lines) >= MIN_BODY_WORDS:
        return None
    text = [line.text for line in lines if line.kind in TEXT_KINDS and line.why != "repeated title"]
    sentences = [line for line in text if reads_as_sentence(line)]
    news = [line for line in text if line in sentences or reads_as_headline(line)]
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


def _running_words(lines: Sequence[Line]) -> int:
    """Words of the body lines that read as running text: ending like a sentence, or long."""
    return sum(
        words(line.text)
        for line in lines
        if line.kind == "body" and (SENTENCE_END.search(line.text) or words(line.text) >= _RUNNING_WORDS)
    )


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


# A verb without a language model: the closed classes (auxiliaries, modals) and the irregular verbs news is told in,
# then inflections (-ed, -s) where no article or preposition makes the word a noun ("the injured", "in Athens"),
# then "to" + a verb in the future of headlines ("Minister to resign"). English only: elsewhere a brief must be a
# sentence of 8 words or more.
_VERB_FORMS = frozenset(
    """
    is isn't are aren't was wasn't were weren't be been being am has hasn't have haven't had hadn't
    will won't would could can can't cannot may might must shall should do does doesn't did didn't don't
    say says said go goes went gone get gets got make makes made take takes took taken give gives gave given
    find finds found win wins won lose loses lost hit hits set sets put puts cut cuts shut shuts quit quits
    beat beats leave leaves left hold holds held sell sells sold buy buys bought bring brings brought tell tells told
    come comes came become becomes became run runs ran see sees saw seen pay pays paid keep keeps kept
    fall falls fell fallen rise rises rose risen die dies died steal steals stole stolen meet meets met
    lead leads led seek seeks sought send sends sent spend spends spent build builds built show shows showed shown
    grow grows grew grown know knows knew known think thinks thought begin begins began begun feel feels felt
    break breaks broke broken flee flees fled throw throws threw thrown stand stands stood sit sits sat
    write writes wrote written speak speaks spoke spoken strike strikes struck shoot shoots shot
    it's he's she's that's there's here's what's who's let's i'm we're you're they're i've we've you've they've
    i'll we'll you'll he'll she'll it'll they'll i'd we'd you'd he'd she'd they'd
    """.split()
)
_BEFORE_A_NOUN = frozenset(
    "the a an this that these those my your our his her its their another every each no some any all "
    "of in on at for from by with into onto over under about after before".split()
)
_NOUN_ENDINGS = ("ss", "us", "is", "ics", "ous", "'s", "news")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def has_verb(line: str) -> bool:
    """Whether `line` seems to hold a verb. A cue, not a parse: it errs on the side of news."""
    tokens = _WORD.findall(line.replace("’", "'"))
    for index, token in enumerate(tokens):
        word = token.lower()
        if word in _VERB_FORMS or word.endswith("n't"):
            return True
        if index == 0 or tokens[index - 1].lower() in _BEFORE_A_NOUN:
            continue
        if len(word) >= 5 and word.endswith("ed") and not word.endswith(("eed", "dred")):
            return True
        if len(word) >= 4 and word.endswith("s") and not word.endswith(_NOUN_ENDINGS):
            return True
        if word == "to" and index + 1 < len(tokens) and _may_be_a_verb(tokens[index + 1], tokens):
            return True
    return False


def _may_be_a_verb(word: str, tokens: list[str]) -> bool:
    """After "to": a verb ("Minister to resign"), not a noun ("Welcome to Harbour Bank", "Trip to the island").
    A capital says "a name" only where the line is not in title case or capitals."""
    if word.lower() in _BEFORE_A_NOUN:
        return False
    long_words = [token for token in tokens if len(token) >= 4]
    title_cased = sum(token[0].isupper() for token in long_words) * 4 >= len(long_words) * 3
    return word[0].islower() or title_cased
