"""Load test of `corroborate serve`: requests per second and latency (p50, p99) of the story list and of story
pages, on a library of 10,000 articles, over loopback only.

The library. Reading 10,000 articles with the real pipeline takes hours here, so the library is synthesised from
the 982 real news articles of ECB+ as bench/grouping.py reads them (`load_corpus`, its readings cached in
`--cache DIR`): copies of the corpus, each a week after the previous one, with new ids and grouping signatures
from bench/grouping.py's `synthesise` (names and rare words renamed per copy, so copies stay separate stories),
stored with `Library.add_processed`, which makes and keeps every story's report as `add` does. Each copy keeps its
reading whole (text, sentences, quotations, claims), so a story's report is a real one: a copy differs from the
original only in its id, source name and date. The file is kept (default under the system's temporary folder;
`--library FILE` reuses or builds one there). Without `--embeddings` (the default here) the library's reports are
made, and the server runs, without the sentence-embedding model: serving reads a kept report either way, and
making 895 stories' reports with the model takes over an hour of CPU on 2 cores (about 5 s a story, against
0.14 s without), work `add` does once per change of a story, not per request.

The run. `corroborate serve` is started on 127.0.0.1 on a free port in a subprocess, with this checkout's code;
a few warm-up requests (not counted) load what the first story page loads; then each kind of request is sent by
`--clients` concurrent clients until `--requests` have been answered or `--seconds` have passed, whichever comes
first: the list's first page, a search, a filtered page (a date range and at least two sources), and the pages of
random stories. Every request goes to 127.0.0.1 and must answer 200. Printed per kind: requests answered, per
second, p50 and p99 latency; first the machine.

    .venv/bin/python bench/serve_load.py --cache /tmp/readings                # 10,000 articles
    .venv/bin/python bench/serve_load.py --library /tmp/serve-10000.db        # reuse (or build) this file
    .venv/bin/python bench/serve_load.py --articles 1000 --requests 50 --clients 2
    .venv/bin/python bench/serve_load.py --embeddings --library /tmp/serve-10000-model.db   # reports with the model
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.extraction import describe_machine, machine  # noqa: E402
from bench.grouping import CACHE, ECBPLUS, SPLITS, load_corpus, synthesise  # noqa: E402

from corroborate.group import GroupingOptions, sign  # noqa: E402
from corroborate.models import Reading  # noqa: E402
from corroborate.pipeline import PipelineOptions, Processed  # noqa: E402
from corroborate.store import Library  # noqa: E402

HOST = "127.0.0.1"
CHUNK = 2_000
"""Articles stored (and placed) per call of add_processed while the library is built."""
SEARCH = "police"
"""A common word of news (about 1 ECB+ article in 4 holds it): a search with many matches, ranked."""
START = 30.0
"""Seconds the server has to answer its first request."""


@dataclasses.dataclass(frozen=True)
class Kind:
    """One kind of request: a name to print and the URLs to send (cycled through)."""

    name: str
    urls: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Figures:
    name: str
    answered: int
    seconds: float
    latencies_ms: tuple[float, ...]

    @property
    def per_second(self) -> float:
        return self.answered / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0

    def row(self) -> str:
        return (
            f"{self.name:<28} {self.answered:>6} {self.per_second:>8.1f} {statistics.median(self.latencies_ms):>8.1f}"
            f" {self.percentile(0.99):>8.1f}"
        )


# The library ----------------------------------------------------------------------------------------------------


def copies(readings: Sequence[Reading], count: int, embeddings: bool = False) -> Iterator[Processed]:
    """`count` articles from copies of `readings`: each copy's reading whole, with the id, source and date of
    its synthetic signature (bench/grouping.py's `synthesise`). Readings of one text (ECB+ holds a few twice) are
    taken once: copies of them would share an id, and the library would keep one."""
    readings = list({reading.id: reading for reading in readings}.values())
    signatures = synthesise(sign(list(readings), embeddings, GroupingOptions()), count)
    for index, signature in enumerate(signatures):
        reading = readings[index % len(readings)]
        article = dataclasses.replace(
            reading.article, id=signature.article, source=signature.source, published=signature.published
        )
        yield Processed(dataclasses.replace(reading, article=article), signature)


def build_library(path: Path, readings: Sequence[Reading], count: int, embeddings: bool) -> tuple[int, int]:
    """A library of `count` articles copied from `readings` at `path` (a new file), its stories' reports made with
    or without the embedding model; its articles and stories."""
    started = time.perf_counter()
    items = list(copies(readings, count))
    with Library(path, PipelineOptions(embeddings=embeddings)) as library:
        for start in range(0, len(items), CHUNK):
            list(library.add_processed(items[start : start + CHUNK]))
            print(f"  stored {min(count, start + CHUNK):,} of {count:,} articles", flush=True)
        articles, stories = library.counts()
    print(f"built {path} in {time.perf_counter() - started:.0f} s: {articles:,} articles, {stories:,} stories")
    return articles, stories


def story_ids(path: Path) -> list[str]:
    with Library(path) as library:
        return library.story_ids()


# The server -----------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def start_server(library: Path, port: int, embeddings: bool) -> subprocess.Popen[bytes]:
    """`corroborate serve` on 127.0.0.1:port, this checkout's code, answering once it does (or an error)."""
    command = [sys.executable, "-c", "import sys; from corroborate.cli import main; sys.exit(main(sys.argv[1:]))"]
    command += ["serve", "--db", str(library), "--host", HOST, "--port", str(port)]
    command += [] if embeddings else ["--no-embeddings"]
    env = os.environ | {"PYTHONPATH": str(ROOT / "src"), "HF_HUB_OFFLINE": "1"}
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)  # its messages go to our stderr
    deadline = time.monotonic() + START
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"corroborate serve stopped at start (status {server.returncode}; its error above)")
        try:
            if httpx.get(f"http://{HOST}:{port}/api/stories", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    stop_server(server)
    raise RuntimeError(f"corroborate serve did not answer on {HOST}:{port} within {START:.0f} s")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


# The load -------------------------------------------------------------------------------------------------------


async def load(base: str, kind: Kind, clients: int, requests: int, seconds: float) -> Figures:
    """`kind`'s URLs sent by `clients` concurrent clients until `requests` are answered or `seconds` have passed."""
    latencies: list[float] = []
    sent = 0
    deadline = time.perf_counter() + seconds

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal sent
        while sent < requests and time.perf_counter() < deadline:
            url = kind.urls[sent % len(kind.urls)]
            sent += 1
            started = time.perf_counter()
            response = await http.get(url)
            latencies.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"{kind.name}: {url} answered {response.status_code}")

    started = time.perf_counter()
    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits, trust_env=False) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    return Figures(kind.name, len(latencies), time.perf_counter() - started, tuple(latencies))


def kinds(ids: Sequence[str], sample: int, seed: int = 11) -> list[Kind]:
    rng = random.Random(seed)
    stories = tuple(f"/stories/{story}" for story in rng.sample(list(ids), min(sample, len(ids))))
    return [
        Kind("story list, first page", ("/",)),
        Kind(f"search ({SEARCH!r})", (f"/?search={SEARCH}",)),
        Kind("filtered (dates, 2+ sources)", ("/?since=2000-06-01&until=2001-12-31&sources=2",)),
        Kind("story page (random story)", stories),
    ]


def run(library: Path, clients: int, requests: int, seconds: float, embeddings: bool) -> list[Figures]:
    port = free_port()
    base = f"http://{HOST}:{port}"
    server = start_server(library, port, embeddings)
    try:
        plan = kinds(story_ids(library), requests)
        for kind in plan:  # warm-up, not counted: the first story page loads the analysis' models
            httpx.get(base + kind.urls[0], timeout=300, trust_env=False).raise_for_status()
        return [asyncio.run(load(base, kind, clients, requests, seconds)) for kind in plan]
    finally:
        stop_server(server)


def print_figures(figures: Sequence[Figures]) -> None:
    print(f"{'request':<28} {'answered':>6} {'per s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    for row in figures:
        print(row.row())


# Main -----------------------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--library", type=Path, help="the library file: reused when it exists, else built there")
    parser.add_argument("--articles", type=int, default=10_000, help="articles of a library built (default 10,000)")
    parser.add_argument("--cache", type=Path, default=Path(CACHE) if CACHE else None, help="ECB+ readings cached here")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients (default 4)")
    parser.add_argument("--requests", type=int, default=200, help="at most this many requests per kind (200)")
    parser.add_argument("--seconds", type=float, default=60.0, help="at most this long per kind (60 s)")
    parser.add_argument(
        "--embeddings", action="store_true", help="reports made and served with the embedding model (slow to build)"
    )
    parser.add_argument("--json", type=Path, help="save the figures as JSON here")
    args = parser.parse_args(argv)
    if min(args.articles, args.clients, args.requests) < 1 or args.seconds <= 0:
        parser.error("--articles, --clients, --requests and --seconds must be positive")
    library = args.library or Path(tempfile.gettempdir()) / f"corroborate-serve-{args.articles}.db"
    info = machine()
    print(describe_machine(info))
    if library.exists():
        print(f"library: {library} (reused)")
    else:
        if not (ECBPLUS / "stories.json").is_file():
            print(f"no ECB+ in {ECBPLUS} (set CORROBORATE_SHARED to the shared folder)", file=sys.stderr)
            return 2
        corpus = load_corpus(SPLITS, args.cache)
        readings = [corpus.readings[doc] for doc in sorted(corpus.readings)]
        build_library(library, readings, args.articles, args.embeddings)
    with Library(library) as opened:
        articles, stories = opened.counts()
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"load average before the run (1, 5, 15 min): {load}; other work on the machine slows the figures")
    embedded = "with" if args.embeddings else "without"
    print(
        f"corroborate serve on {HOST}, {embedded} embeddings; {articles:,} articles in {stories:,} stories; "
        f"{args.clients} clients, at most {args.requests} requests or {args.seconds:g} s per kind\n"
    )
    try:
        figures = run(library, args.clients, args.requests, args.seconds, args.embeddings)
    except RuntimeError as error:
        print(f"serve_load: error: {error}", file=sys.stderr)
        return 1
    print_figures(figures)
    if args.json:
        data = {
            "machine": info,
            "load_average": os.getloadavg(),
            "articles": articles,
            "stories": stories,
            "clients": args.clients,
            "embeddings": args.embeddings,
            "figures": [
                {"name": f.name, "answered": f.answered, "per_second": f.per_second}
                | {"p50_ms": statistics.median(f.latencies_ms), "p99_ms": f.percentile(0.99)}
                for f in figures
            ],
        }
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
