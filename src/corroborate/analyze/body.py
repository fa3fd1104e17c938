"""The parsed body of one article: one spaCy doc per paragraph, and its sentences with their offsets.

Every analyser reads the same `Body`; offsets are into `Article.text` (paragraphs joined by a blank line),
so that a sentence, a quote or a date can always be found again in the clean text.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from corroborate.models import Article, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class Paragraph:
    index: int
    offset: int
    doc: Doc


class Body:
    """Paragraph docs and sentences of an article, with lookups from a character offset to its sentence."""

    def __init__(self, article: Article, docs: list[Doc]) -> None:
        self.article = article
        self.paragraphs: list[Paragraph] = []
        self.sentences: list[Sentence] = []
        self.spans: list[Span] = []
        offset = 0
        for index, doc in enumerate(docs):
            self.paragraphs.append(Paragraph(index, offset, doc))
            for span in doc.sents:
                text = span.text.strip()
                if not text:
                    continue
                start = offset + span.start_char
                self.sentences.append(Sentence(text=text, paragraph=index, start=start, end=start + len(span.text)))
                self.spans.append(span)
            offset += len(doc.text) + len(PARAGRAPH_BREAK)
        self._starts = [sentence.start for sentence in self.sentences]

    def sentence_at(self, position: int) -> int:
        """Index of the sentence holding the character at `position` (in `Article.text`)."""
        return max(0, bisect.bisect_right(self._starts, position) - 1)

    def sentence_of(self, token: Token, paragraph: int) -> int:
        return self.sentence_at(self.paragraphs[paragraph].offset + token.idx)

    def tokens(self) -> Iterator[tuple[int, Token]]:
        for paragraph in self.paragraphs:
            for token in paragraph.doc:
                yield paragraph.index, token
