"""Stage 3, analyze: read one article at a time into entities, quotations, dates, figures and claims.

    Article ─ spaCy (one doc per paragraph, batched) ─ Body ─┬─ entities (merged mentions, roles)
                                                            ├─ quotes (speaker, cue, partial, scare)
                                                            ├─ dates (resolved against the article's date)
                                                            ├─ figures (value, unit, bound)
                                                            └─ claims (clauses with their entities, dates, figures)

Only English is read today; an article in another language comes back with `analysed=False` and a note.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice

from corroborate.analyze.body import Body
from corroborate.analyze.claims import find_claims
from corroborate.analyze.dates import find_dates
from corroborate.analyze.entities import find_entities
from corroborate.analyze.figures import find_figures
from corroborate.analyze.nlp import english, language_name
from corroborate.analyze.quotes import find_quotes
from corroborate.analyze.references import Focus
from corroborate.models import Article, Reading

__all__ = ["analyze", "analyze_one"]

BATCH = 16
MAX_PARAGRAPH = 5_000
"""Characters of one paragraph analysed at once. Real paragraphs hold a few hundred; a longer one (a page scraped
onto one line) is split at sentence ends, since reading a paragraph costs more than its length (every date and
quotation looks at its whole paragraph), and spaCy refuses a text over 1,000,000 characters outright."""
MAX_TEXT = 100_000
"""Characters of one article analysed: more than the longest long-form piece (about 60,000); the rest of a
longer text is left out of the reading, with a warning, so that one huge input cannot stall a batch."""
_BREAKS = (re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))
"""Where a long paragraph is cut, best first: after a sentence, else at a space."""


def analyze(articles: Iterable[Article], batch_size: int = BATCH) -> Iterator[Reading]:
    """A reading of every article, in order; the spaCy pipeline is loaded once and fed in batches."""
    iterator = iter(articles)
    while batch := list(islice(iterator, batch_size)):
        yield from _analyze_batch(batch)


def analyze_one(article: Article) -> Reading:
    return next(analyze([article]))


def bounded(article: Article) -> Article:
    """The article as analysis can take it: paragraphs over `MAX_PARAGRAPH` characters split, the text cut after
    `MAX_TEXT`, each with a warning; the article itself when it is within both."""
    if len(article.text) <= MAX_TEXT and all(len(paragraph) <= MAX_PARAGRAPH for paragraph in article.paragraphs):
        return article
    warnings = list(article.warnings)
    longest = max(len(paragraph) for paragraph in article.paragraphs)
    paragraphs: list[str] = []
    for paragraph in article.paragraphs:
        paragraphs += _split(paragraph) if len(paragraph) > MAX_PARAGRAPH else [paragraph]
    if longest > MAX_PARAGRAPH:
        warnings.append(f"a paragraph of {longest:,} characters was split into parts of at most {MAX_PARAGRAPH:,}")
    kept, size = [], 0
    for paragraph in paragraphs:
        size += len(paragraph) + 2
        if size > MAX_TEXT:
            warnings.append(f"the text is too long to analyse whole: only its first {MAX_TEXT:,} characters were read")
            break
        kept.append(paragraph)
    return replace(article, paragraphs=tuple(kept), warnings=tuple(warnings))


def _split(paragraph: str) -> list[str]:
    parts = []
    while len(paragraph) > MAX_PARAGRAPH:
        window = paragraph[: MAX_PARAGRAPH + 1]
        cut = next(
            (ends[-1] for ends in ([m.end() for m in b.finditer(window, MAX_PARAGRAPH // 2)] for b in _BREAKS) if ends),
            MAX_PARAGRAPH,
        )
        parts.append(paragraph[:cut].strip())
        paragraph = paragraph[cut:]
    return [part for part in (*parts, paragraph.strip()) if part]


def _analyze_batch(articles: list[Article]) -> Iterator[Reading]:
    articles = [bounded(article) for article in articles]
    readable = [article for article in articles if _readable(article)]
    nlp = english() if readable else None
    paragraphs = [paragraph for article in readable for paragraph in article.paragraphs]
    docs = iter(nlp.pipe(paragraphs, batch_size=64)) if nlp else iter(())
    for article in articles:
        if not _readable(article):
            yield Reading(article=article, analysed=False, note=_why_not(article))
            continue
        body = Body(article, [next(docs) for _ in article.paragraphs])
        yield _read(article, body)


def _read(article: Article, body: Body) -> Reading:
    index = find_entities(article, body)
    focus = Focus(body, index)
    dates = find_dates(body, focus)
    figures = find_figures(body, dates)
    return Reading(
        article=article,
        analysed=True,
        note=None,
        sentences=tuple(body.sentences),
        entities=tuple(index.entities),
        quotes=tuple(find_quotes(body, index, focus)),
        dates=tuple(dates),
        figures=tuple(figures),
        claims=tuple(find_claims(body, index, focus, dates, figures)),
    )


def _readable(article: Article) -> bool:
    return article.language in (None, "en") and bool(article.paragraphs)


def _why_not(article: Article) -> str:
    if not article.paragraphs:
        return "not analysed: the article has no body text"
    code = article.language or "?"
    return f"not analysed: the article is in {language_name(code)} ({code}); corroborate reads English only today"
