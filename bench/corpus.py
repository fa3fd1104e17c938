"""A corpus run on Dask (`corroborate batch`): articles per second with 1 and 2 workers, peak memory per worker,
and the time of the grouping step for the whole corpus; then grouping alone at larger sizes.

The corpus is ECB+ (shared/dev-data/ecbplus/docs: 982 real news articles, as plain text), or its first `--limit`
of them. Each run starts its own LocalCluster of N worker processes (one thread each) and writes to a fresh
folder; what is timed is the per-article step (ingest, extract, analyze, sign, written as Parquet), from the
first partition submitted to the last written, so that starting the cluster is left out but loading the models
in each worker is not (it is what a real run pays, once per worker). Grouping runs on the driver over every
signature; its time is printed for the whole corpus. Peak memory is each worker process's high-water mark. The
workers' CPU time gives the rate per core whatever else the machine runs (wall-clock rates on a shared machine
are lower than its cores allow).
Grouping at larger sizes (`--grouping-sizes`) uses corpora synthesised from the run's signatures as
bench/grouping.py makes them (copies with their own dates, names and hashes): time and memory of the index.

    .venv/bin/python bench/corpus.py                    # ECB+, 1 then 2 workers
    .venv/bin/python bench/corpus.py --limit 200 --workers 2
    .venv/bin/python bench/corpus.py --warc examples.warc.gz   # only write the examples as a WARC file

`examples_warc` writes the examples as a small WARC file (the README's `batch` run, and the tests, use it).
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.extraction import SHARED, describe_machine, machine  # noqa: E402

from corroborate.batch import BatchOptions, run_batch  # noqa: E402
from corroborate.batch.tables import read_signatures  # noqa: E402
from corroborate.group import MemoryState  # noqa: E402
from corroborate.models import Signature  # noqa: E402
from corroborate.pipeline import PipelineOptions  # noqa: E402

ECBPLUS = SHARED / "dev-data" / "ecbplus"
EXAMPLES = ROOT / "examples"
ARCHIVED = "2026-03-10T06:00:00Z"
EXAMPLE_RECORDS = (  # file, content type it is archived as, charset
    ("harbour-herald.html", "text/html", "windows-1252"),
    ("coastal-times-wire.txt", "text/plain", "utf-16"),
    ("daily-ledger.txt", "text/plain", "windows-1252"),
    ("northshore-post-wire.json", "text/plain", "utf-8"),
    ("riverside-festival.txt", "text/plain", "utf-8"),
)


def examples_warc(path: Path, broken: bool = False) -> Path:
    """The examples as a WARC file (gzipped when `path` ends in .gz): one response per example, in several
    charsets (the JSON example's text, under its URL), and an image; with `broken`, bytes that are no record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=path.name.endswith(".gz"))

    def respond(url: str, body: bytes, content_type: str) -> None:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": ARCHIVED},
        )
        writer.write_record(record)

    for number, (name, media, charset) in enumerate(EXAMPLE_RECORDS):
        text = (EXAMPLES / name).read_text(encoding="utf-8")
        url = f"https://examples.invalid/{Path(name).stem}"
        if name.endswith(".json"):
            data = json.loads(text)
            text, url = data["text"], data["url"]
        text = text.replace('<meta charset="utf-8">', f'<meta charset="{charset}">')
        respond(url, text.encode(charset), f"{media}; charset={charset}")
        if number == 1:
            respond("https://examples.invalid/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(32), "image/png")
        if number == 2 and broken:
            buffer.write(b"these bytes are no WARC record\r\n\r\n")
    path.write_bytes(buffer.getvalue())
    return path


def ecb_inputs(limit: int | None) -> list[str]:
    docs = sorted((ECBPLUS / "docs").glob("*.txt"))
    return [str(doc) for doc in docs[:limit]]


def measure(
    paths: Sequence[str], workers: int, embeddings: bool, keep: list[Signature], reports: bool = True
) -> dict[str, float]:
    """One run on a fresh LocalCluster of `workers` processes: the per-article step's rate, grouping's time, and
    the workers' peak memory. The run's signatures are put in `keep`."""
    with tempfile.TemporaryDirectory(prefix="corroborate-bench-") as out:
        # Partitions of ~20 articles: enough of them that both workers stay busy to the end.
        batch = BatchOptions(out=Path(out), workers=workers, partition_files=20, reports=reports)
        result = run_batch(paths, PipelineOptions(embeddings=embeddings), batch)
        keep[:] = read_signatures(Path(out))
    return {
        "workers": workers,
        "articles": result.articles,
        "failures": result.failures,
        "reading_seconds": result.reading_seconds,
        "articles_per_second": result.articles / result.reading_seconds,
        "grouping_seconds": result.grouping_seconds,
        "reporting_seconds": result.reporting_seconds,
        "stories": result.stories,
        "peak_worker_mib": max(result.worker_peak_mib.values()),
        "worker_cpu_seconds": sum(result.worker_cpu_seconds.values()),
        "articles_per_cpu_second": result.articles / sum(result.worker_cpu_seconds.values()),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N articles of ECB+")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="cluster sizes to run (default 1 2)")
    parser.add_argument("--no-embeddings", action="store_true")
    parser.add_argument("--no-reports", action="store_true", help="stop each run after grouping")
    parser.add_argument("--warc", type=Path, help="only write the examples as a WARC file here, and stop")
    parser.add_argument(
        "--grouping-sizes",
        type=int,
        nargs="*",
        default=[10_000, 30_000],
        help="corpus sizes to group, synthesised from the run's signatures as bench/grouping.py does",
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if args.warc:
        print(examples_warc(args.warc))
        return 0
    paths = ecb_inputs(args.limit)
    if not paths:
        parser.error(f"ECB+ is not in {ECBPLUS} (set CORROBORATE_SHARED to the shared folder)")
    print(describe_machine(machine()))
    print(f"corpus: {len(paths)} articles of ECB+; embeddings {'off' if args.no_embeddings else 'on'}")
    runs: list[dict] = []
    signatures: list[Signature] = []
    for workers in args.workers:
        figures = measure(paths, workers, not args.no_embeddings, signatures, reports=not args.no_reports)
        runs.append(figures)
        print(
            f"{workers} worker(s): {figures['articles_per_second']:.2f} articles/s "
            f"({figures['articles']:.0f} articles, {figures['failures']:.0f} failures, "
            f"{figures['reading_seconds']:.1f} s; per CPU second of the workers, models loaded included: "
            f"{figures['articles_per_cpu_second']:.2f}); peak memory per worker {figures['peak_worker_mib']:.0f} MiB; "
            f"grouping {figures['articles']:.0f} articles: {figures['grouping_seconds']:.2f} s "
            f"({figures['stories']:.0f} stories); reports {figures['reporting_seconds']:.1f} s"
        )
    if len(runs) >= 2:
        print(f"speed-up from {runs[0]['workers']} to {runs[-1]['workers']} workers: "
              f"{runs[-1]['articles_per_second'] / runs[0]['articles_per_second']:.2f}x")  # fmt: skip
    grouping = []
    if args.grouping_sizes and signatures:
        from bench.grouping import scale

        print(f"grouping a corpus (MemoryState, as the batch's corpus step), from the {len(signatures)} signatures:")
        grouping = scale(MemoryState, signatures, args.grouping_sizes, probes=10)
        for row in grouping:
            per_article = row["fill_seconds"] / row["articles"] * 1000, row["state_rss_mib"] * 1024 / row["articles"]
            print(
                f"  {row['articles']:,} articles: grouped in {row['fill_seconds']:.1f} s ({per_article[0]:.2f} ms per"
                f" article), index {row['state_rss_mib']:.0f} MiB ({per_article[1]:.1f} KiB per article)"
            )
    if args.json:
        args.json.write_text(json.dumps({"runs": runs, "grouping": grouping}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
