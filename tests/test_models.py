"""Stable ids: an article's id comes from its canonical URL when known, else from its clean text."""

from __future__ import annotations

import pytest
from tests.records import article

from corroborate.models import Article, article_id, canonical_url, from_dict, to_dict


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://www.example.org/news/ferry-resumes/", "https://example.org/news/ferry-resumes"),
        ("HTTP://Example.org/news/ferry-resumes#comments", "https://example.org/news/ferry-resumes"),
        ("https://example.org/a?id=7&utm_source=feed&utm_medium=rss", "https://example.org/a?id=7"),
        ("https://example.org/a?fbclid=xyz", "https://example.org/a"),
        ("https://example.org", "https://example.org/"),
        ("ftp://example.org/file", None),
        ("not a url", None),
        ("", None),
    ],
)
def test_canonical_url(url: str, canonical: str | None) -> None:
    assert canonical_url(url) == canonical


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ((None, "The ferry sailed."), (None, "The  ferry\n\nsailed."), True),  # spacing is not content
        ((None, "The ferry sailed."), (None, "The ferry sank."), False),
        (("https://example.org/x?utm_source=a", "one text"), ("https://www.example.org/x", "another text"), True),
        (("https://example.org/x", "same text"), ("https://example.org/y", "same text"), False),
        (("https://example.org/x", "same text"), (None, "same text"), False),
    ],
)
def test_article_ids(a: tuple[str | None, str], b: tuple[str | None, str], same: bool) -> None:
    assert (article_id(*a) == article_id(*b)) is same
    assert article_id(*a).startswith("a") and len(article_id(*a)) == 16


def test_an_article_gets_its_id_when_made_and_keeps_it_through_json() -> None:
    made = article("The island ferry sailed again on Friday.", source="ferry.txt")
    assert made.id == article_id(None, made.text)
    assert from_dict(Article, to_dict(made)).id == made.id
