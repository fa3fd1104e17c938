"""Small records for tests that need an `Article` without reading one: every field empty but those given."""

from __future__ import annotations

from typing import Any

from corroborate.models import Article


def article(*paragraphs: str, source: str = "test.txt", **fields: Any) -> Article:
    """An article of these paragraphs and nothing else (no title, no metadata) unless `fields` say otherwise."""
    empty: dict[str, Any] = {
        "title": None, "standfirst": None, "outlet": None, "wire": None, "authors": (), "credits": (),
        "dateline": None, "published": None, "published_estimate": None, "captions": (), "lines": (),
    }  # fmt: skip
    return Article(source=source, paragraphs=tuple(paragraphs), **(empty | fields))
