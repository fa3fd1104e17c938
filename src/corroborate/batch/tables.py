"""A batch run's output as Parquet: one table per kind of record, one file per partition.

Each table has columns to query (ids, sources, dates, counts) and, where the record is more than its columns, the
record itself as the library keeps it (store/records.py: zlib-compressed JSON of `to_dict`), so reading a batch back
gives exactly the records the pipeline made:

    OUT/articles/part-ID.parquet     id, source, url, title, outlet, wire, published, language, words, text
    OUT/readings/part-ID.parquet     id, source, analysed, sentences, quotes, claims, record
    OUT/signatures/part-ID.parquet   id, source, published, earliest, latest, record
    OUT/failures/part-ID.parquet     source, stage, reason
    OUT/stories.parquet, OUT/placements.parquet, OUT/reports/part-N.parquet: the corpus and per-story steps
    OUT/partitions.json              the run's partitions, in input order

A file is written beside its place and moved there whole, so a file that exists is complete.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corroborate.models import Failure, Placement, Reading, Signature, Story, StoryReport, to_dict
from corroborate.pipeline import Processed
from corroborate.store import records

if TYPE_CHECKING:
    import pyarrow as pa

MANIFEST = "partitions.json"
PARTITION_TABLES = ("articles", "readings", "signatures", "failures")
"""What each partition of the per-article step writes; a partition is done when all four exist."""


def _schemas() -> dict[str, pa.Schema]:
    import pyarrow as pa

    day = pa.date32()
    return {
        "articles": pa.schema(
            [
                ("id", pa.string()),
                ("source", pa.string()),
                ("url", pa.string()),
                ("title", pa.string()),
                ("outlet", pa.string()),
                ("wire", pa.string()),
                ("published", day),
                ("language", pa.string()),
                ("words", pa.int32()),
                ("text", pa.large_string()),
            ]
        ),
        "readings": pa.schema(
            [
                ("id", pa.string()),
                ("source", pa.string()),
                ("analysed", pa.bool_()),
                ("sentences", pa.int32()),
                ("quotes", pa.int32()),
                ("claims", pa.int32()),
                ("record", pa.large_binary()),
            ]
        ),
        "signatures": pa.schema(
            [
                ("id", pa.string()),
                ("source", pa.string()),
                ("published", day),
                ("earliest", day),
                ("latest", day),
                ("record", pa.binary()),
            ]
        ),
        "failures": pa.schema([("source", pa.string()), ("stage", pa.string()), ("reason", pa.string())]),
        "stories": pa.schema(
            [
                ("id", pa.string()),
                ("articles", pa.list_(pa.string())),
                ("sources", pa.list_(pa.list_(pa.string()))),
            ]
        ),
        "placements": pa.schema(
            [
                ("article", pa.string()),
                ("story", pa.string()),
                ("source", pa.string()),
                ("new_story", pa.bool_()),
                ("fit", pa.float64()),
            ]
        ),
        "reports": pa.schema(
            [
                ("id", pa.string()),
                ("title", pa.string()),
                ("sources", pa.int32()),
                ("corroborated", pa.int32()),
                ("disagreements", pa.int32()),
                ("record", pa.large_binary()),
            ]
        ),
    }


def partition_paths(out: Path, partition: str) -> dict[str, Path]:
    return {table: out / table / f"part-{partition}.parquet" for table in PARTITION_TABLES}


def write_partition(out: Path, partition: str, items: Iterable[Processed | Failure]) -> tuple[int, int]:
    """The per-article step's output of one partition, as its four tables; how many articles and failures."""
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in PARTITION_TABLES}
    for item in items:
        if isinstance(item, Failure):
            rows["failures"].append(to_dict(item))
            continue
        reading, signature = item.reading, item.signature
        article = reading.article
        rows["articles"].append(
            {
                "id": article.id,
                "source": article.source,
                "url": article.url,
                "title": article.title,
                "outlet": article.outlet,
                "wire": article.wire,
                "published": article.published,
                "language": article.language,
                "words": len(article.text.split()),
                "text": article.text,
            }
        )
        rows["readings"].append(
            {
                "id": reading.id,
                "source": article.source,
                "analysed": reading.analysed,
                "sentences": len(reading.sentences),
                "quotes": len(reading.quotes),
                "claims": len(reading.claims),
                "record": records.dump_reading(reading),
            }
        )
        rows["signatures"].append(
            {
                "id": signature.article,
                "source": signature.source,
                "published": signature.published,
                "earliest": signature.earliest,
                "latest": signature.latest,
                "record": records.dump_signature(signature),
            }
        )
    paths = partition_paths(out, partition)
    for table in PARTITION_TABLES:  # failures last: a partition whose four files exist is complete
        write_table(paths[table], table, rows[table])
    return len(rows["articles"]), len(rows["failures"])


def write_table(path: Path, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """`rows` as the Parquet file `path`, written beside it and moved into place."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(pa.Table.from_pylist(list(rows), schema=_schemas()[table]), temporary)
    os.replace(temporary, path)


def story_rows(stories: Sequence[Story]) -> list[dict[str, Any]]:
    return [to_dict(story) for story in stories]


def placement_rows(placements: Sequence[Placement]) -> list[dict[str, Any]]:
    return [to_dict(placement) for placement in placements]


def report_rows(reports: Sequence[StoryReport]) -> list[dict[str, Any]]:
    return [
        {
            "id": report.id,
            "title": report.title,
            "sources": len(report.sources),
            "corroborated": len(report.corroborated),
            "disagreements": len(report.disagreements),
            "record": records.dump(to_dict(report)),
        }
        for report in reports
    ]


def write_manifest(out: Path, partitions: Sequence[str]) -> None:
    """The run's partitions, in input order: readers follow it, so an article given twice is first where the
    library would have met it first, and the output of an earlier run with other inputs is left out."""
    out.mkdir(parents=True, exist_ok=True)
    temporary = out / f".{MANIFEST}.tmp"
    temporary.write_text(json.dumps(list(partitions)) + "\n", encoding="utf-8")
    os.replace(temporary, out / MANIFEST)


def partition_files(out: Path, table: str) -> list[Path]:
    """A table's files in the run's order (every file of the table, sorted, for an output without a manifest)."""
    manifest = out / MANIFEST
    if not manifest.is_file():
        return sorted((out / table).glob("part-*.parquet"))
    return [partition_paths(out, partition)[table] for partition in json.loads(manifest.read_text(encoding="utf-8"))]


def read_column(folder: Path, column: str, files: Iterable[Path] | None = None) -> Iterator[tuple[Path, Any]]:
    """(file, value) of one column over a table's files (those of the run, in its order, when none are given)."""
    import pyarrow.parquet as pq

    for path in files if files is not None else partition_files(folder.parent, folder.name):
        for value in pq.read_table(path, columns=[column]).column(column).to_pylist():
            yield path, value


def read_signatures(out: Path) -> Iterator[Signature]:
    for _path, blob in read_column(out / "signatures", "record"):
        yield records.load_signature(blob)


def read_readings(files: Iterable[Path], ids: set[str] | None = None) -> Iterator[Reading]:
    """The readings in `files` (those of `ids` only, when given), read record by record."""
    import pyarrow.parquet as pq

    for path in files:
        table = pq.read_table(path, columns=["id", "record"])
        for article_id, blob in zip(table.column("id").to_pylist(), table.column("record").to_pylist(), strict=True):
            if ids is None or article_id in ids:
                yield records.load_reading(blob)


def read_failures(out: Path) -> Iterator[Failure]:
    import pyarrow.parquet as pq

    for path in partition_files(out, "failures"):
        for row in pq.read_table(path).to_pylist():
            yield Failure(row["source"], row["stage"], row["reason"])


def read_stories(out: Path) -> list[Story]:
    import pyarrow.parquet as pq

    rows = pq.read_table(out / "stories.parquet").to_pylist()
    return [Story(row["id"], tuple(row["articles"]), tuple(tuple(source) for source in row["sources"])) for row in rows]


def read_processed(out: Path) -> Iterator[Processed | Failure]:
    """A batch's per-article output as the pipeline made it: each article read and signed (an article given
    twice, the first time only), then the failures."""
    seen: set[str] = set()
    for readings in partition_files(out, "readings"):
        signatures = {signature.article: signature for signature in _signatures_of(readings.name, out)}
        for reading in read_readings([readings]):
            if reading.id not in seen:
                seen.add(reading.id)
                yield Processed(reading, signatures[reading.id])
    yield from read_failures(out)


def _signatures_of(name: str, out: Path) -> Iterator[Signature]:
    for _path, blob in read_column(out / "signatures", "record", [out / "signatures" / name]):
        yield records.load_signature(blob)
