"""Whether a line holds a verb, told without a language model: what makes a line read as news rather than a label.

The word lists are in patterns.py (VERB_FORMS, BEFORE_A_NOUN, NOUN_ENDINGS).
"""

from __future__ import annotations

import re

from corroborate.extract.patterns import BEFORE_A_NOUN, NOUN_ENDINGS, VERB_FORMS

__all__ = ["has_verb"]

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def has_verb(line: str, inflected: bool = True) -> bool:
    """Whether `line` seems to hold a verb. A cue, not a parse: it errs on the side of news.

    With `inflected` False only the listed verb forms count, not words that merely end like an inflected verb (-ed,
    -s): plural nouns and participles end so too, and in a name ("Chocolate chip cookies", "Honey roasted nuts",
    "Maxwell's Equations") nothing tells them from verbs."""
    tokens = _WORD.findall(line.replace("’", "'"))
    for index, token in enumerate(tokens):
        word = token.lower()
        if word in VERB_FORMS or word.endswith("n't"):
            return True
        if not inflected or index == 0 or tokens[index - 1].lower() in BEFORE_A_NOUN:
            continue
        if len(word) >= 5 and word.endswith("ed") and not word.endswith(("eed", "dred")):
            return True
        if len(word) >= 4 and word.endswith("s") and not word.endswith(NOUN_ENDINGS):
            return True
        if word == "to" and index + 1 < len(tokens) and _may_be_a_verb(tokens[index + 1], tokens):
            return True
    return False


def _may_be_a_verb(word: str, tokens: list[str]) -> bool:
    """After "to": a verb ("Minister to resign"), not a noun ("Welcome to Harbour Bank", "Trip to the island").
    A capital says "a name" only where the line is not in title case or capitals."""
    if word.lower() in BEFORE_A_NOUN:
        return False
    long_words = [token for token in tokens if len(token) >= 4]
    title_cased = sum(token[0].isupper() for token in long_words) * 4 >= len(long_words) * 3
    return word[0].islower() or title_cased
