"""Claims: the body cut into statements a reader could check, each with its entities, dates and figures.

A sentence with two independent clauses ("X won all 125 seats after the main opposition party was
banned") says two checkable things; each clause with a subject and a verb of its own becomes a claim.
Quotations are never cut. A claim's subject is resolved like a speaker ("he" -> Hun Sen), so that the
comparison stage can line claims up by who did what.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from corroborate.analyze.body import Body
from corroborate.analyze.entities import EntityIndex
from corroborate.analyze.references import Focus
from corroborate.models import Claim, Figure, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

CLAUSE_DEPS = frozenset({"conj", "advcl", "relcl"})  # not ccomp: "X said that Y" does not claim Y
MIN_WORDS = 4


def find_claims(
    body: Body, index: EntityIndex, focus: Focus, dates: list[TimeExpression], figures: list[Figure]
) -> list[Claim]:
    claims: list[Claim] = []
    headings = {line.text for line in body.article.lines if line.kind == "subheading"}
    heading_paragraphs = {p.index for p in body.paragraphs if p.doc.text in headings}
    for number, span in enumerate(body.spans):
        paragraph = body.sentences[number].paragraph
        if paragraph in heading_paragraphs:
            continue  # a subheading announces what follows; it claims nothing
        asides = _asides(span)
        for tokens, head in [*_clauses(span), *asides]:
            text = _tidy("".join(token.text_with_ws for token in tokens))
            if len(re.findall(r"\w+", text)) < MIN_WORDS or tokens[0].tag_ in ("WDT", "WP", "WP$"):
                continue
            subject = (
                _subject(head, focus, paragraph, number)
                if head.pos_ in ("VERB", "AUX")
                else focus.resolve(head, paragraph, focus.before(number), focus.authors_before(number))
            )
            entities = list(dict.fromkeys(name for t in tokens for name in index.names_in(paragraph, t.idx, t.idx + 1)))
            if subject and subject not in entities:
                entities.insert(0, subject)
            claims.append(
                Claim(
                    text=text,
                    sentence=number,
                    entities=tuple(entities),
                    dates=tuple(d.text for d in dates if d.sentence == number and d.text in text),
                    figures=tuple(f.text for f in figures if f.sentence == number and f.text in text),
                    subject=subject,
                    aside=any(tokens is aside for aside, _ in asides),
                )
            )
    return claims


def _clauses(span: Span) -> list[tuple[list[Token], Token]]:
    """The tokens and head of each independent clause of a sentence: the main clause, and clauses joined to
    it (or to one another) by a conjunction or as adverbial clauses, each with a subject of its own."""
    sentence = [token for token in span if not token.is_space]
    if _quotes_words(span):
        return [(sentence, span.root)]
    heads = [span.root]
    for token in span:
        subject = next((child for child in token.children if child.dep_ in ("nsubj", "nsubjpass")), None)
        joined = (token.dep_ == "relcl" and _has_relativizer(token)) or (token.dep_ != "relcl" and token.head in heads)
        if subject is not None and subject.pos_ == "PRON" and subject.lower_ in ("it", "they", "this", "that"):
            continue  # "when it struck the bank": a clause about an unnamed "it" says nothing on its own
        if (
            token.dep_ in CLAUSE_DEPS
            and token.pos_ in ("VERB", "AUX")
            and subject is not None
            and joined
            and subject.tag_ not in ("WDT", "WP")
        ):
            heads.append(token)
        elif (
            token.dep_ == "conj"
            and token.pos_ == "VERB"
            and subject is None
            and token.head in heads
            and _subject_of(token.head) is not None
            and _has_object(token)
        ):
            heads.append(token)  # "Fishing ... is a big earner and employs 17,000 people": two facts, one subject
    if len(heads) == 1:
        return [(sentence, span.root)]
    head_ids = {head.i for head in heads}
    clauses = []
    for head in heads:
        tokens = [t for t in _own_subtree(head, head_ids) if span.start <= t.i < span.end and not t.is_space]
        shared = _subject_of(head.head) if head.dep_ == "conj" and _subject_of(head) is None else None
        if shared is not None:
            tokens = sorted(shared.subtree, key=lambda t: t.i) + tokens
        while tokens and (
            (tokens[0].dep_ in ("cc", "mark", "punct") and tokens[0].head.i in head_ids) or tokens[0].is_punct
        ):
            tokens.pop(0)
        if len(tokens) > 2 and tokens[0].dep_ == "prep" and tokens[1].tag_ in ("WDT", "WP", "WRB"):
            del tokens[:2]  # "in which his party won ..." -> "his party won ..."
        stop = tokens.pop() if tokens and tokens[-1].text == "." else None
        while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct):
            tokens.pop()
        if stop is not None and tokens:
            tokens.append(stop)
        if tokens:
            clauses.append((tokens, head))
    return sorted(clauses, key=lambda clause: clause[0][0].i)


def _subject_of(verb: Token) -> Token | None:
    return next((child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")), None)


def _has_object(verb: Token) -> bool:
    return any(child.dep_ in ("dobj", "attr", "prep", "acomp", "xcomp") for child in verb.children)


def _asides(span: Span) -> list[tuple[list[Token], Token]]:
    """Facts told in passing about a subject, between commas: "Hun Sen, in power for 34 years, had ..." says
    that Hun Sen has been in power for 34 years. Each becomes a claim of its own: subject, comma, aside."""
    asides = []
    for subject in span:
        if subject.dep_ not in ("nsubj", "nsubjpass") or subject.pos_ not in ("PROPN", "NOUN"):
            continue
        verb = subject.head
        between = [t for t in verb.children if subject.i < t.i < verb.i]  # "Hun Sen, in power ..., had accused"
        for child in [*subject.rights, *between]:
            if child.dep_ not in ("prep", "acl", "amod", "appos"):
                continue
            part = sorted(child.subtree, key=lambda t: t.i)
            before = span.doc[part[0].i - 1] if part[0].i > 0 else None
            after = span.doc[part[-1].i + 1] if part[-1].i + 1 < len(span.doc) else None
            if before is None or after is None or before.text != "," or after.text != ",":
                continue
            if not any(t.like_num or t.ent_type_ in ("DATE", "MONEY", "QUANTITY", "PERCENT") for t in part):
                continue  # only asides that state a figure or a date are facts of their own
            head_phrase = [t for t in subject.subtree if t.i < before.i]
            asides.append(([*head_phrase, before, *part], subject))
    return asides


def _tidy(text: str) -> str:
    """A clause cut out of its sentence, without the stray commas and spaces the cut leaves."""
    text = re.sub(r"\s+([,.;:])", r"\1", text.strip())
    text = re.sub(r"[,;:]+(?=[.]$)|[,;:]+$", "", text)
    return re.sub(r"\s{2,}", " ", text)


def _own_subtree(head: Token, head_ids: set[int]) -> list[Token]:
    """The head's subtree without the subtrees of the other clause heads under it."""
    result = []
    stack = [head]
    while stack:
        token = stack.pop()
        result.append(token)
        stack.extend(child for child in token.children if child.i not in head_ids)
    return sorted(result, key=lambda t: t.i)


def _quotes_words(span: Span) -> bool:
    """Does the sentence quote someone (more than the one or two words of scare quotes)? Quotes are not cut."""
    return any(len(re.findall(r"\w+", inner)) > 2 for inner in re.findall(r'"([^"]*)"?', span.text))


def _has_relativizer(verb: Token) -> bool:
    """ "... election, in which his party won ...": a relative clause that says something of its own."""
    return any(t.tag_ in ("WDT", "WP", "WRB") and t.dep_ != "nsubj" for t in verb.subtree if t.i < verb.i)


def _subject(head: Token, focus: Focus, paragraph: int, sentence: int) -> str | None:
    subject = next((child for child in head.children if child.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    return focus.resolve(subject, paragraph, focus.before(sentence), focus.authors_before(sentence))
