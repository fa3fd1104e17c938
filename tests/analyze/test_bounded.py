"""What analysis takes of an article: a huge paragraph split at sentence ends, a huge text cut, both said."""

from __future__ import annotations

from tests.records import article as make_article

from corroborate.analyze import MAX_PARAGRAPH, MAX_TEXT, bounded

SENTENCE = "The ship ran aground on a sandbank outside the harbour. "


def test_an_ordinary_article_is_left_as_it_is() -> None:
    article = make_article(SENTENCE * 3, SENTENCE)
    assert bounded(article) is article


def test_a_huge_paragraph_is_split_at_sentence_ends_with_a_warning() -> None:
    paragraph = (SENTENCE * (3 * MAX_PARAGRAPH // len(SENTENCE))).strip()
    result = bounded(make_article(paragraph))
    assert len(result.paragraphs) >= 3
    assert all(len(part) <= MAX_PARAGRAPH and part.endswith(".") for part in result.paragraphs)
    assert " ".join(result.paragraphs) == paragraph
    assert result.warnings[-1].startswith(f"a paragraph of {len(paragraph):,} characters was split")


def test_a_paragraph_without_a_sentence_end_or_a_space_is_cut_anywhere() -> None:
    result = bounded(make_article("x" * (MAX_PARAGRAPH * 2 + 10)))
    assert [len(part) for part in result.paragraphs] == [MAX_PARAGRAPH, MAX_PARAGRAPH, 10]


def test_a_huge_text_is_cut_with_a_warning_and_keeps_its_id() -> None:
    article = make_article(*[SENTENCE * 20] * (2 * MAX_TEXT // (len(SENTENCE) * 20)))
    result = bounded(article)
    assert len(result.text) <= MAX_TEXT < len(article.text)
    assert result.paragraphs == article.paragraphs[: len(result.paragraphs)]
    assert result.id == article.id
    assert "only its first 100,000 characters were read" in result.warnings[-1]
