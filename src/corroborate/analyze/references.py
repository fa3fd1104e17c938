"""Who a subject stands for: "he", "the president", "the letter", resolved to a named entity.

The story's focus is the last person it made the subject of a sentence; a pronoun refers to it. A
definite title ("the president") refers to the person the article gave that title; a document ("the
letter") to its author. Quotations and claims both need this, so it lives here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corroborate.analyze.body import Body
from corroborate.analyze.entities import DOCUMENTS, PRONOUNS, EntityIndex

if TYPE_CHECKING:
    from spacy.tokens import Token

WRITING_VERBS = frozenset({"write", "send", "sign", "address"})


class Focus:
    """Who "he" and "she" are at each sentence: the last person the story made its subject."""

    def __init__(self, body: Body, index: EntityIndex) -> None:
        self.body = body
        self.index = index
        self.at: list[str | None] = []
        self.document_author: list[dict[str, str]] = []
        focus: str | None = None
        authors: dict[str, str] = {}
        for number, span in enumerate(body.spans):
            self.at.append(focus)
            self.document_author.append(dict(authors))
            paragraph = body.sentences[number].paragraph
            for token in span:
                if token.lemma_.lower() in DOCUMENTS and token.pos_ == "NOUN":
                    author = self._author_of(token, paragraph, focus)
                    if author:
                        authors[token.lemma_.lower()] = author
            subject = next((t for t in span if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
            subject = subject or next((t for t in span if t.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                person = self.resolve(subject, paragraph, focus, authors)
                if self.index.is_person(person):
                    focus = person
                if person and subject.head.lemma_.lower() in WRITING_VERBS:
                    authors["letter"] = person  # "Kavari wrote on Tuesday to Whitcombe": the letter is hers

    def before(self, sentence: int) -> str | None:
        return self.at[sentence] if sentence < len(self.at) else None

    def authors_before(self, sentence: int) -> dict[str, str]:
        return self.document_author[sentence] if sentence < len(self.document_author) else {}

    def resolve(self, token: Token, paragraph: int, focus: str | None, authors: dict[str, str]) -> str | None:
        """The entity a subject token stands for, or None."""
        named = self.index.name_at(paragraph, token.idx, token.idx + len(token.text)) or self.index.name_at(
            paragraph, *phrase(token)
        )
        if named and (self.index.labels.get(named) in ("PERSON", "ORG", "GPE", "NORP")):
            return named
        for appositive in (child for child in token.children if child.dep_ == "appos"):
            named = self.index.name_at(paragraph, appositive.idx, appositive.idx + len(appositive.text))
            if self.index.is_person(named):  # "The ship's master, Captain Rolando Magsino, radioed ..."
                return named
        lower = token.lower_
        if lower in PRONOUNS:
            return focus
        if token.lemma_.lower() in DOCUMENTS:
            return self._author_of(token, paragraph, focus) or authors.get(token.lemma_.lower())
        determiner = next((child.lower_ for child in token.children if child.dep_ in ("det", "poss")), None)
        if determiner == "the" and token.pos_ == "NOUN":
            modifiers = {child.text for child in token.children if child.dep_ in ("amod", "compound", "poss")}
            compound = next((c.lower_ for c in token.children if c.dep_ == "compound"), None)
            return (
                compound and self.index.person_for_role(f"{compound} {lower}", modifiers)
            ) or self.index.person_for_role(lower, modifiers)
        return None

    def owner_of(self, noun: Token, paragraph: int, sentence: int) -> str | None:
        """Whose thing a noun is: "his letter" is the letter of the sentence's subject (or of the story's
        focus), "Hun Sen's letter" and "a letter from Hun Sen" are Hun Sen's."""
        focus = self.before(sentence)
        clause = noun
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        subject = next(
            (t for t in clause.children if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ not in PRONOUNS), None
        )
        if subject is not None:
            named = self.index.name_at(paragraph, *phrase(subject))
            if self.index.is_person(named):
                focus = named
        return self._author_of(noun, paragraph, focus)

    def _author_of(self, document: Token, paragraph: int, focus: str | None) -> str | None:
        """Who wrote a document the text mentions: "Hun Sen's letter", "his letter", "a letter (dated ...) from X"."""
        holders = [document, *(child for child in document.children if child.dep_ == "acl")]
        for holder in holders:
            for child in holder.children:
                if child.dep_ == "poss" and holder is document:
                    if child.lower_ in PRONOUNS:
                        return focus
                    return self.index.name_at(paragraph, *phrase(child))
                if child.dep_ == "prep" and child.lower_ in ("from", "by"):
                    target = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if target is not None:
                        return self.index.name_at(paragraph, *phrase(target))
        if document.dep_ == "pobj" and document.head.lower_ == "in" and document.head.head.pos_ == "VERB":
            speaker = next((t for t in document.head.head.children if t.dep_ == "nsubj"), None)
            if speaker is not None:  # "Brannock said in a statement": the statement is Brannock's
                return self.resolve(speaker, paragraph, focus, {})
        return None


def phrase(token: Token) -> tuple[int, int]:
    """Character offsets of a noun phrase around its head token, clauses left out."""
    left = [t for t in token.subtree if t.i <= token.i]
    right = [t for t in token.subtree if t.i > token.i and t.dep_ not in ("relcl", "acl", "prep", "punct", "appos")]
    first = left[0] if left else token
    last = token
    for t in right:
        if t.i == last.i + 1:
            last = t
    return first.idx, last.idx + len(last.text)
