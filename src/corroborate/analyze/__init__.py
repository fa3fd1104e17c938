"""Stage 3, analyze: read one article at a time into entities, quotations, dates, figures and claims.

    Article ─ spaCy (one doc per paragraph, batched) ─ Body ─┬─ entities (merged mentions, roles)
                                                            ├─ quotes (speaker, cue, partial, scare)
                                                            ├─ dates (resolved against the article's date)
                                                            ├─ figures (value, unit, bound)
                                                            └─ claims (clauses with their entities, dates, figures)

Only English is read today; an article in another language comes back with `analysed=False` and a note.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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


def analyze(articles: Iterable[Article], batch_size: int = BATCH) -> Iterator[Reading]:
    """A reading of every article, in order; the spaCy pipeline is loaded once and fed in batches."""
    iterator = iter(articles)
    while batch := list(islice(iterator, batch_size)):
        yield from _analyze_batch(batch)


def analyze_one(article: Article) -> Reading:
    return next(analyze([article]))


def _analyze_batch(articles: list[Article]) -> Iterator[Reading]:
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
