"""Which language an article is in: English at a glance, others named by py3langid.

Most inputs are English, and English text is recognised by its function words without loading any
model; only text that is plainly not English pays for py3langid (under a second, once per process).
"""

from __future__ import annotations

import re

_ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "was",
        "with",
        "said",
        "as",
        "at",
        "by",
        "it",
        "from",
        "his",
        "he",
        "her",
        "she",
        "have",
        "has",
        "are",
        "be",
        "an",
        "were",
        "not",
        "but",
        "they",
        "their",
        "this",
        "who",
        "which",
        "had",
        "been",
        "will",
        "would",
        "its",
        "after",
        "over",
        "than",
    ]
)
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
ENGLISH_SHARE = 0.2
"""English news prose runs at 35-45% function words from the list above; other languages well under 10%."""


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language of `text`, or None when there are too few words to tell."""
    tokens = _TOKEN.findall(text[:20000].lower())
    if len(tokens) < 8:
        return None
    if sum(token in _ENGLISH_WORDS for token in tokens) / len(tokens) >= ENGLISH_SHARE:
        return "en"
    import py3langid

    language, _score = py3langid.classify(text[:20000])
    return str(language)
