"""Story grouping: quality on ECB+ (train, dev, test) before and after, and the cost of placing one article at scale.

Quality. The 982 real news articles of ECB+ (shared/dev-data/ecbplus: 43 topics, each two look-alike events, no
publication dates, no wire copies), each read by the pipeline (ingest, extract, analyze), signed (`sign`) and
grouped per split with no number of stories given (`group_signatures`). Scored with the corpus's own score.py:
B-cubed precision, recall and F1, and pairwise F1, against the gold stories. Beside it: today's all-pairs grouping
(`group_stories`, "before") and each whole gold topic taken as one story (the reference a topic-level grouping
gets). The options were calibrated on train and dev only; test is the figure to report.

Readings take ~5 minutes to build (spaCy on 2 cores): `--cache DIR` (or CORROBORATE_GROUPING_CACHE) keeps them
as JSON Lines in DIR and reads them back next time; delete the file there after a change to extract or analyze.

Scale. Signatures synthesised from the real ones (each copy of the corpus with its own published dates a week
apart, entity names, MinHash values and embedding dimensions permuted, so that stories stay distinct while
vocabulary is shared) fill libraries of 1,000, 10,000 and 100,000 articles, 5,000 at a time (a library grows by
batches, each refined once placed). For each size, two measures side by side: `Grouper.place` and the refinement
of its story over a `MemoryState` (the grouping's own cost), and adding one article to a library file as
`corroborate add` does (`Library.add_processed`: store it, place it, refine its story; SQLite), the file filled
through the same method, so it is the file `add` makes. Each is the median over `--probes` more articles, in CPU
time (what the work costs, whatever else the machine runs) and wall-clock time (median and max), with the time
and CPU time the fill took, the memory the library took (resident set growth while it was filled), the
process's peak RSS (which includes the language models when quality ran first), the file's size, and the load
average (the machine is shared). Today's all-pairs grouping of 1,000 articles is timed first: it has no way to
place one article but to regroup all.

    .venv/bin/python bench/grouping.py                       # quality and scale
    .venv/bin/python bench/grouping.py --quality-only --cache /tmp/readings
    .venv/bin/python bench/grouping.py --scale-only --sizes 1000 10000
    .venv/bin/python bench/grouping.py --json out.json
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import importlib.util
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.analysis import peak_rss_mib  # noqa: E402
from bench.extraction import SHARED, describe_machine, machine  # noqa: E402
from bench.legacy_grouping import group_stories  # noqa: E402

from corroborate.group import (  # noqa: E402
    Grouper,
    GroupingOptions,
    GroupingState,
    MemoryState,
    group_signatures,
    sign,
)
from corroborate.group.signature import rarity  # noqa: E402
from corroborate.models import Article, Reading, Signature, WeightedKey  # noqa: E402
from corroborate.pipeline import Processed  # noqa: E402
from corroborate.store import Library  # noqa: E402

ECBPLUS = SHARED / "dev-data" / "ecbplus"
SPLITS = ("train", "dev", "test")
SIZES = (1_000, 10_000, 100_000)
BATCH = 5_000
"""Articles per `add` when filling a library (a library grows by batches; each batch is refined when placed)."""
RARE = 4.0
"""Terms at least this rare (8 minus their Zipf frequency: "rehab" 4.2, "qeshm" 7.0; "earthquake" 3.8 and "police"
2.7 stay shared) are renamed per copy."""
CACHE = os.environ.get("CORROBORATE_GROUPING_CACHE")


# Readings of ECB+ ------------------------------------------------------------------------------------------------


@dataclasses.dataclass
class Corpus:
    readings: dict[str, Reading]  # ECB+ doc id -> reading
    gold: dict[str, str]  # doc id -> gold story (sub-topic)
    topics: dict[str, str]  # doc id -> gold topic
    splits: dict[str, list[str]]  # split -> doc ids


def scorer(folder: Path = ECBPLUS) -> ModuleType:
    """ECB+'s own score.py, loaded from the corpus folder (standard library only)."""
    spec = importlib.util.spec_from_file_location("ecbplus_score", folder / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_corpus(splits: Sequence[str] = SPLITS, cache: Path | None = None, folder: Path = ECBPLUS) -> Corpus:
    """The readings of the docs of `splits`, built (and cached in `cache`) when not cached yet."""
    stories = json.loads((folder / "stories.json").read_text(encoding="utf-8"))
    split_docs = {name: sorted(json.loads((folder / "splits.json").read_text())["docs"][name]) for name in splits}
    wanted = sorted({doc for docs in split_docs.values() for doc in docs})
    cached = _read_cache(cache) if cache else {}
    missing = [doc for doc in wanted if doc not in cached]
    if missing:
        cached |= build_readings(missing, folder)
        if cache:
            _write_cache(cache, cached)
    return Corpus(
        readings={doc: cached[doc] for doc in wanted if doc in cached},
        gold={doc: stories[doc]["story"] for doc in wanted},
        topics={doc: stories[doc]["topic"] for doc in wanted},
        splits=split_docs,
    )


def build_readings(docs: Sequence[str], folder: Path = ECBPLUS) -> dict[str, Reading]:
    """doc id -> its reading, by the pipeline (ingest, extract, analyze); a doc the pipeline fails is left out
    (and shows as unplaced in the figures)."""
    from corroborate.pipeline import inputs, read_articles

    results = read_articles(inputs([str(folder / "docs" / f"{doc}.txt") for doc in docs]))
    return {doc: result for doc, result in zip(docs, results, strict=True) if isinstance(result, Reading)}


def _cache_file(cache: Path) -> Path:
    return cache / "ecbplus-readings.jsonl"


def _read_cache(cache: Path) -> dict[str, Reading]:
    path = _cache_file(cache)
    if not path.is_file():
        return {}
    records = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    return {record["doc"]: Reading.from_dict(record["reading"]) for record in records}


def _write_cache(cache: Path, readings: dict[str, Reading]) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    with _cache_file(cache).open("w", encoding="utf-8") as out:
        for doc in sorted(readings):
            out.write(json.dumps({"doc": doc, "reading": readings[doc].to_dict()}) + "\n")


# Quality ---------------------------------------------------------------------------------------------------------


def score(gold: dict[str, str], predicted: dict[str, str], module: ModuleType) -> dict[str, float]:
    precision, recall, f1 = module.bcubed(gold, predicted)
    pair_precision, pair_recall, pair_f1, *_ = module.pairwise(gold, predicted)
    return {
        "bcubed_p": precision,
        "bcubed_r": recall,
        "bcubed_f1": f1,
        "pairwise_p": pair_precision,
        "pairwise_r": pair_recall,
        "pairwise_f1": pair_f1,
        "stories": len(set(predicted.values())),
        "gold_stories": len(set(gold.values())),
    }


def new_grouping(corpus: Corpus, docs: Sequence[str], signatures: dict[str, Signature], options: GroupingOptions):
    """doc id -> story id by `group_signatures`, and whether every article was read and placed."""
    read = [doc for doc in docs if doc in signatures]
    _stories, placements = group_signatures([signatures[doc] for doc in read], options)
    story_of = {placement.article: placement.story for placement in placements}
    return {doc: story_of[signatures[doc].article] for doc in read}, len(placements) == len(docs)


def legacy_grouping(corpus: Corpus, docs: Sequence[str]) -> dict[str, str]:
    by_source = {corpus.readings[doc].article.source: doc for doc in docs}
    predicted = {}
    for number, story in enumerate(group_stories([corpus.readings[doc] for doc in docs])):
        for reading in story.readings:
            predicted[by_source[reading.article.source]] = f"legacy{number}"
    # an article the old grouping left out of every story is scored as a story of its own
    return predicted | {doc: f"alone-{doc}" for doc in docs if doc not in predicted}


def quality(corpus: Corpus, options: GroupingOptions, embeddings: bool = True) -> dict:
    module = scorer()
    docs = sorted(corpus.readings)
    signatures = dict(zip(docs, sign([corpus.readings[doc] for doc in docs], embeddings, options), strict=True))
    figures: dict = {"splits": {}, "embeddings": embeddings}
    for split, split_docs in corpus.splits.items():
        gold = {doc: corpus.gold[doc] for doc in split_docs}
        started = time.perf_counter()
        predicted, all_placed = new_grouping(corpus, split_docs, signatures, options)
        seconds = time.perf_counter() - started
        figures["splits"][split] = {
            "articles": len(split_docs),
            "after": score(gold, predicted, module) | {"seconds": seconds, "all_placed": all_placed},
            "before": score(gold, legacy_grouping(corpus, split_docs), module),
            "gold_topics": score(gold, {doc: corpus.topics[doc] for doc in split_docs}, module),
        }
    return figures


def print_quality(figures: dict) -> None:
    embedded = "with" if figures["embeddings"] else "without"
    print(
        f"ECB+ story grouping, no number of stories given ({embedded} embeddings for blocking), each split on its own"
    )
    print(f"{'split':<6} {'grouping':<22} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'pair F1':>8} {'stories':>8}")
    for split, numbers in figures["splits"].items():
        rows = (("after (this grouping)", "after"), ("before (all pairs)", "before"), ("gold topics", "gold_topics"))
        for label, key in rows:
            row = numbers[key]
            print(
                f"{split:<6} {label:<22} {row['bcubed_p']:6.3f} {row['bcubed_r']:6.3f} {row['bcubed_f1']:6.3f} "
                f"{row['pairwise_f1']:8.3f} {row['stories']:4d}/{row['gold_stories']:<3d}"
            )
        after = numbers["after"]
        placed = "every article placed" if after["all_placed"] else "SOME ARTICLES NOT PLACED"
        print(f"{'':<6} {numbers['articles']} articles grouped in {after['seconds']:.2f} s, {placed}")


# Scale -----------------------------------------------------------------------------------------------------------


def synthesise(base: Sequence[Signature], count: int, seed: int = 7) -> list[Signature]:
    """`count` signatures from copies of `base`: each copy dated a week after the previous one, with its own
    entity names and rare terms (names, places, the event's own words; common words stay shared), MinHash values
    (XOR with a per-copy mask, so copies of one wire story still match each other) and embedding dimensions (a
    per-copy permutation, which keeps every cosine within the copy). Copies share the language's common words:
    the copies of one story are look-alike events a week apart whose text differs only in names and rare words,
    closer than two real events; grouping keeps them apart by their names (`GroupingOptions.names`), and the
    number of stories printed shows it (about 86 per 982 articles when no copies merge)."""
    rng = random.Random(seed)
    out: list[Signature] = []
    copy = 0
    while len(out) < count:
        mask = [rng.getrandbits(32) for _ in range(len(base[0].minhash))]
        dims = list(range(len(base[0].embedding)))
        rng.shuffle(dims)
        start = date(2000, 1, 3) + timedelta(weeks=copy)
        for signature in base:
            if len(out) == count:
                break
            digest = hashlib.sha256(f"{copy}:{signature.article}".encode()).hexdigest()[:15]
            day = start + timedelta(days=int(digest, 16) % 4)
            out.append(
                dataclasses.replace(
                    signature,
                    article="a" + digest,
                    source=f"{signature.source}#{copy}",
                    published=day,
                    minhash=tuple(value ^ bits for value, bits in zip(signature.minhash, mask, strict=True)),
                    entities=tuple(WeightedKey(f"{key.key} {copy}", key.weight) for key in signature.entities),
                    terms=tuple(
                        WeightedKey(f"{key.key}~{copy}" if rarity(key.key) >= RARE else key.key, key.weight)
                        for key in signature.terms
                    ),
                    days=(day,),
                    embedding=tuple(signature.embedding[index] for index in dims) if signature.embedding else (),
                )
            )
        copy += 1
    return out


def scale(
    state_factory: Callable[[], GroupingState],
    base: Sequence[Signature],
    sizes: Sequence[int] = SIZES,
    probes: int = 30,
    options: GroupingOptions | None = None,
) -> list[dict]:
    """For each size: fill a fresh state with that many synthetic articles, then time placing `probes` more, each
    followed by the refinement of its story, as `corroborate add` does."""
    options = options or GroupingOptions()
    results = []
    for size in sizes:
        signatures = synthesise(base, size + probes)
        library, probe = signatures[:size], signatures[size:]
        before = current_rss_mib()
        grouper = Grouper(state_factory(), options)
        started, started_cpu = time.perf_counter(), time.process_time()
        for start in range(0, size, BATCH):
            # as the library does: place a batch, then refine the stories it touched
            grouper.refine({grouper.place(signature).story for signature in library[start : start + BATCH]})
        fill, fill_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        times, cpu = [], []
        for signature in probe:
            started, started_cpu = time.perf_counter(), time.process_time()
            grouper.refine([grouper.place(signature).story])
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        results.append(
            {
                "articles": size,
                "stories": grouper.state.stories(),
                "fill_seconds": fill,
                "fill_cpu_seconds": fill_cpu,
                "place_one_ms_median": statistics.median(times) * 1000,
                "place_one_ms_max": max(times) * 1000,
                "place_one_cpu_ms_median": statistics.median(cpu) * 1000,
                "state_rss_mib": current_rss_mib() - before,
                "peak_rss_mib": peak_rss_mib(),
                "load_average": os.getloadavg()[0],
            }
        )
        print_scale_row(results[-1])
        del grouper
    return results


def library_scale(base: Sequence[Signature], sizes: Sequence[int] = SIZES, probes: int = 30) -> list[dict]:
    """For each size: a library file (SQLite) filled with that many synthetic articles, then the time to add one
    more, as `corroborate add` does: store it, place it, refine its story. Each article's reading is a stub (its
    size does not change the cost of grouping); the file's size is printed with the timings."""
    import tempfile

    results = []
    for size in sizes:
        signatures = synthesise(base, size + probes)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "library.db"
            before = current_rss_mib()
            with Library(path) as library:
                started, started_cpu = time.perf_counter(), time.process_time()
                for start in range(0, size, BATCH):  # one `add` of BATCH articles after another
                    list(
                        library.add_processed(
                            _stub(signature) for signature in signatures[start : min(size, start + BATCH)]
                        )
                    )
                fill, fill_cpu = time.perf_counter() - started, time.process_time() - started_cpu
                times, cpu = [], []
                for signature in signatures[size:]:
                    started, started_cpu = time.perf_counter(), time.process_time()
                    list(library.add_processed([_stub(signature)]))
                    times.append(time.perf_counter() - started)
                    cpu.append(time.process_time() - started_cpu)
                articles, stories = library.counts()
            results.append(
                {
                    "articles": articles - probes,
                    "stories": stories,
                    "fill_seconds": fill,
                    "fill_cpu_seconds": fill_cpu,
                    "place_one_ms_median": statistics.median(times) * 1000,
                    "place_one_ms_max": max(times) * 1000,
                    "place_one_cpu_ms_median": statistics.median(cpu) * 1000,
                    "state_rss_mib": current_rss_mib() - before,
                    "file_mib": path.stat().st_size / 2**20,
                    "peak_rss_mib": peak_rss_mib(),
                    "load_average": os.getloadavg()[0],
                }
            )
        print_scale_row(results[-1])
    return results


def _stub(signature: Signature) -> Processed:
    """A signature with the smallest reading that carries its id: what the library stores beside it."""
    article = Article(
        source=signature.source, title=None, standfirst=None, outlet=None, wire=None, authors=(), credits=(),
        dateline=None, published=signature.published, published_estimate=None, paragraphs=(signature.source,),
        captions=(), lines=(), id=signature.article,
    )  # fmt: skip
    return Processed(Reading(article, analysed=False, note=None), signature)


def current_rss_mib() -> float:
    """The process's resident set size now (Linux), to tell what a state holds from what the process loaded before."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def legacy_timing(readings: Sequence[Reading], size: int = 1_000) -> dict:
    """Today's all-pairs grouping of `size` readings (the corpus, repeated as needed)."""
    sample = [readings[index % len(readings)] for index in range(size)]
    started = time.perf_counter()
    group_stories(sample)
    return {"articles": size, "seconds": time.perf_counter() - started, "peak_rss_mib": peak_rss_mib()}


def print_scale_row(row: dict) -> None:
    held = f"file {row['file_mib']:,.0f} MiB, " if "file_mib" in row else ""
    print(
        f"{'file' if held else 'memory':<6} {row['articles']:>7,} articles {row['stories']:>8,} stories   "
        f"filled in {row['fill_seconds']:7.0f} s "
        f"({row['fill_cpu_seconds']:.0f} s CPU)   "
        f"one more article: {row['place_one_cpu_ms_median']:7.2f} ms CPU, {row['place_one_ms_median']:.2f} ms wall "
        f"(max {row['place_one_ms_max']:.1f})   "
        f"{held}memory grew {row['state_rss_mib']:,.0f} MiB, process peak RSS {row['peak_rss_mib']:,.0f} MiB"
        f"   (load average {row['load_average']:.1f})"
    )


# Main ------------------------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=Path(CACHE) if CACHE else None, help="keep readings here")
    parser.add_argument("--quality-only", action="store_true")
    parser.add_argument("--scale-only", action="store_true")
    parser.add_argument("--no-embeddings", action="store_true", help="group without the embedding model")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--probes", type=int, default=30, help="articles placed and timed per library size")
    parser.add_argument("--json", type=Path, help="save the figures as JSON here")
    args = parser.parse_args(argv)
    if not (ECBPLUS / "stories.json").is_file():
        print(f"no ECB+ in {ECBPLUS} (set CORROBORATE_SHARED to the shared folder)", file=sys.stderr)
        return 2
    info = machine()
    print(describe_machine(info))
    where = f"cached in {args.cache}" if args.cache else "not cached (--cache DIR keeps them)"
    print(f"readings: ECB+ from {ECBPLUS}, {where}\n")
    options = GroupingOptions()
    corpus = load_corpus(SPLITS, args.cache)
    figures: dict = {"machine": info, "options": dataclasses.asdict(options)}
    if not args.scale_only:
        figures["quality"] = quality(corpus, options, embeddings=not args.no_embeddings)
        print_quality(figures["quality"])
    if not args.quality_only:
        docs = sorted(corpus.readings)
        base = sign([corpus.readings[doc] for doc in docs], not args.no_embeddings, options)
        print(
            f"\nadding one article to synthetic libraries made from the {len(base)} ECB+ signatures, filled "
            f"{BATCH:,} articles at a time; per size, in memory (MemoryState: place and refine its story), then in a "
            "library file (SQLite: store, place, refine its story, as `corroborate add` does):"
        )
        figures["legacy"] = legacy_timing([corpus.readings[doc] for doc in docs])
        legacy = figures["legacy"]
        print(
            f"{legacy['articles']:>9,} articles, today's all-pairs grouping (group_stories): {legacy['seconds']:.1f} s "
            "for the whole set, which is what placing one more article costs it"
        )
        figures["scale"], figures["library_scale"] = [], []
        for size in args.sizes:
            figures["scale"] += scale(lambda: MemoryState(options), base, [size], args.probes, options)
            figures["library_scale"] += library_scale(base, [size], args.probes)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str) + "\n", encoding="utf-8")
        print(f"\nfigures saved to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
