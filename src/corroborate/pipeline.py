"""The pipeline: every way of running corroborate goes through these steps, in the order data flows.

    per article:  path or URL ─ ingest ─ extract ─ analyze ─ sign ──> Processed(reading, signature) | Failure
    per corpus:   signatures ─ group ──> stories (and where each article was placed)
    per story:    a story and its readings ─ compare ──> StoryReport

The command line, the library (store/), the benches, the tests and the Dask runner all call these functions;
none of them chains the stages itself. Each article is isolated at every stage: whatever goes wrong with one
becomes a `Failure` naming it, and the rest of the batch goes on. Models load once per process; analysis
and embeddings run in batches.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Literal, TypeVar

from corroborate.compare import CompareOptions
from corroborate.errors import CorroborateError, InputError, ModelUnavailable
from corroborate.extract import ExtractOptions
from corroborate.group.options import GroupingOptions
from corroborate.ingest import IngestOptions, read_inputs
from corroborate.models import Article, Failure, Placement, RawDocument, Reading, Signature, Story, StoryReport

__all__ = [
    "PipelineOptions",
    "Processed",
    "extract_articles",
    "group_articles",
    "inputs",
    "process_articles",
    "read_articles",
    "report_story",
]

log = logging.getLogger(__name__)
T = TypeVar("T")
Stage = Literal["ingest", "extract", "analyze", "group"]

BATCH = 16
"""Articles analysed together: spaCy and the embedding model work faster on batches; a failure inside one is
isolated by reading its articles again one by one."""


@dataclass(frozen=True)
class PipelineOptions:
    """Everything a run can be told, stage by stage. `embeddings`: use the sentence-embedding model for the
    signatures and the alignment of claims when it is installed."""

    ingest: IngestOptions = field(default_factory=IngestOptions)
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    grouping: GroupingOptions = field(default_factory=GroupingOptions)
    embeddings: bool = True
    batch_size: int = BATCH

    @property
    def compare(self) -> CompareOptions:
        return CompareOptions(embeddings=self.embeddings)


@dataclass(frozen=True)
class Processed:
    """An article read and signed: what the library stores, and what grouping and comparison need of it."""

    reading: Reading
    signature: Signature

    @property
    def id(self) -> str:
        return self.reading.id


def inputs(paths: Iterable[str], options: PipelineOptions | None = None) -> Iterator[RawDocument | Failure]:
    """Every document the paths (files, folders, URLs, `-`) hold, or a failure for each that cannot be read."""
    options = options or PipelineOptions()
    for item in read_inputs(paths, options.ingest):
        yield Failure(item.source, "ingest", item.reason) if isinstance(item, InputError) else item


def extract_articles(
    documents: Iterable[RawDocument | Article | Failure], options: PipelineOptions | None = None
) -> Iterator[Article | Failure]:
    """The clean article of each document (no language model is loaded); articles and failures pass through."""
    from corroborate.extract import extract

    options = options or PipelineOptions()
    for document in documents:
        if isinstance(document, RawDocument):
            yield _isolated(document.source, "extract", functools.partial(extract, document, options.extract))
        else:
            yield document


def read_articles(
    documents: Iterable[RawDocument | Article | Failure], options: PipelineOptions | None = None
) -> Iterator[Reading | Failure]:
    """Each document extracted and analysed, in order."""
    options = options or PipelineOptions()
    for batch in _batches(extract_articles(documents, options), options.batch_size):
        yield from _analyse(batch)


def process_articles(
    documents: Iterable[RawDocument | Article | Failure], options: PipelineOptions | None = None
) -> Iterator[Processed | Failure]:
    """The per-article step: each document read and signed for grouping, or a failure saying why not."""
    options = options or PipelineOptions()
    for batch in _batches(read_articles(documents, options), options.batch_size):
        yield from _sign(batch, options)


def group_articles(signatures: Sequence[Signature]) -> tuple[list[Story], list[Placement]]:
    """The corpus step: signatures into stories, largest first, and where each article was placed."""
    from corroborate.group import group_signatures

    return group_signatures(signatures)


def report_story(story: Story, readings: Sequence[Reading], options: PipelineOptions | None = None) -> StoryReport:
    """The per-story step: what the story's sources corroborate, report alone, and dispute."""
    from corroborate.compare import compare

    return compare(story, readings, (options or PipelineOptions()).compare)


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _analyse(batch: list[Article | Failure]) -> Iterator[Reading | Failure]:
    """A batch analysed together; when that fails, each article alone, so only the culprit fails."""
    from corroborate.analyze import analyze

    articles = [item for item in batch if isinstance(item, Article)]
    results: dict[str, Reading | Failure]
    try:
        results = {reading.id: reading for reading in analyze(articles, batch_size=max(1, len(articles)))}
    except ModelUnavailable:
        raise  # no article's fault: every one would fail the same way
    except Exception:
        log.debug("a batch failed analysis; reading its articles one by one", exc_info=True)
        results = {
            article.id: _isolated(article.source, "analyze", functools.partial(_analyse_one, article))
            for article in articles
        }
    for item in batch:
        yield item if isinstance(item, Failure) else results[item.id]


def _sign(batch: list[Reading | Failure], options: PipelineOptions) -> Iterator[Processed | Failure]:
    """A batch signed together (one call of the embedding model); when that fails, each reading alone."""
    from corroborate.group import sign

    readings = [item for item in batch if isinstance(item, Reading)]
    results: dict[str, Signature | Failure]
    try:
        signatures = sign(readings, embeddings=options.embeddings)
        results = {reading.id: signature for reading, signature in zip(readings, signatures, strict=True)}
    except ModelUnavailable:
        raise
    except Exception:
        log.debug("a batch failed signing; signing its readings one by one", exc_info=True)
        results = {
            reading.id: _isolated(reading.article.source, "group", functools.partial(_sign_one, reading, options))
            for reading in readings
        }
    for item in batch:
        result = item if isinstance(item, Failure) else results[item.id]
        yield result if isinstance(result, Failure) else Processed(item, result)  # type: ignore[arg-type]


def _analyse_one(article: Article) -> Reading:
    from corroborate.analyze import analyze

    return next(analyze([article]))


def _sign_one(reading: Reading, options: PipelineOptions) -> Signature:
    from corroborate.group import sign

    return sign([reading], options.embeddings)[0]


def _isolated(source: str, stage: Stage, step: Callable[[], T]) -> T | Failure:
    """One article's step: a failure is recorded against that article and the batch goes on."""
    try:
        return step()
    except ModelUnavailable:
        raise
    except InputError as error:
        return Failure(error.source, stage, error.reason)
    except RecursionError:
        return Failure(source, stage, "too deeply nested to read (broken HTML?)")
    except CorroborateError as error:
        return Failure(source, stage, str(error))
    except Exception as error:  # a bug of ours, not the input's: said plainly, and the batch goes on
        return Failure(source, stage, f"could not be processed ({type(error).__name__}: {error}); please report this")
