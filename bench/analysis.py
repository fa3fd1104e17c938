"""Speed and memory of the analysis stage: articles per second, words per second, peak RSS.

The articles are the two seeds (shared/seeds), the examples (examples/) and, for volume, the 181 hand-made
article bodies of the article-extraction-benchmark (ground-truth.json, read in place), each given to the pipeline
as scraped text (`parse_bytes(..., suffix=".txt")` then `extract`). Ingest and extraction happen before the clock
starts; what is timed is `corroborate.analyze.analyze`, which loads the spaCy pipeline once and feeds the
paragraphs of `--batch-size` articles at a time through `nlp.pipe`.

Three timings, in this order, after one article of warm-up:
  1. the whole corpus through `analyze` (batched), best of `--repeat` runs: articles/s, words/s and seconds per
     1,000 words;
  2. the same batches again, with the spaCy parse and our rules timed apart, to show what each costs;
  3. single articles, each analysed on its own (`analyze_one`, no batching): those of 800 to 1,200 words, for the
     requirement that a 1,000-word article takes well under a second (here: under WELL_UNDER seconds per 1,000
     words), and the longest ones.
Peak RSS is the process's high-water mark (`resource.getrusage`), after the model is loaded and at the end.

    .venv/bin/python bench/analysis.py                  # machine, model load, speed table, memory
    .venv/bin/python bench/analysis.py --limit 40       # only the first 40 benchmark bodies
    .venv/bin/python bench/analysis.py --json out.json  # the figures, saved
    .venv/bin/python bench/analysis.py --repeat 3       # the best of 3 batched runs (default 2)
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.extraction import BENCHMARK, SHARED, describe_machine, machine  # noqa: E402

from corroborate.analyze import BATCH, _read, analyze, analyze_one  # noqa: E402
from corroborate.analyze.body import Body  # noqa: E402
from corroborate.analyze.nlp import english  # noqa: E402
from corroborate.errors import InputError  # noqa: E402
from corroborate.extract import extract  # noqa: E402
from corroborate.ingest import IngestOptions, parse_bytes, read_path  # noqa: E402
from corroborate.models import Article  # noqa: E402

SEEDS = SHARED / "seeds"
EXAMPLES = ROOT / "examples"
WELL_UNDER = 0.5
"""Seconds per 1,000 words below which "well under a second for a 1,000-word article" is taken to hold."""
AROUND_1000 = (800, 1200)
LONGEST = 5
_WORD = re.compile(r"\w+")


@dataclass
class Corpus:
    articles: list[Article]
    origin: dict[str, str]  # source -> "seed", "example" or "benchmark"
    skipped: dict[str, str]  # source -> why it is left out: not an article, not in English


def words(article: Article) -> int:
    return len(_WORD.findall(article.text))


def load_corpus(limit: int | None, benchmark: Path) -> Corpus:
    articles: list[Article] = []
    origin: dict[str, str] = {}
    skipped: dict[str, str] = {}

    def add(kind: str, documents) -> None:
        for document in documents:
            try:
                article = extract(document)
            except InputError as error:
                skipped[document.source] = error.reason
                continue
            articles.append(article)
            origin[article.source] = kind

    for path in sorted(SEEDS.glob("*.txt")):
        add("seed", read_path(str(path), IngestOptions()))
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix in (".txt", ".html", ".json"):
            add("example", read_path(str(path), IngestOptions()))
    truth = json.loads((benchmark / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id, page in list(truth.items())[:limit]:
        body = page.get("articleBody") or ""
        try:
            add("benchmark", parse_bytes(f"{page_id[:16]}.txt", body.encode("utf-8"), suffix=".txt"))
        except InputError as error:
            skipped[page_id[:16]] = error.reason
    english_only = []
    for article in articles:
        if article.language in (None, "en"):
            english_only.append(article)
        else:  # the analysis reads English only and passes other languages by at no cost: they are left out
            skipped[article.source] = f"in {article.language}, which the analysis does not read"
            del origin[article.source]
    return Corpus(english_only, origin, skipped)


def peak_rss_mib() -> float:
    """The process's peak resident set size so far (ru_maxrss is in KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def split(articles: list[Article], batch_size: int) -> tuple[float, float]:
    """The batched analysis again, its two parts timed apart: the spaCy parse of a batch's paragraphs, then our
    rules on the parsed articles (the same steps as `analyze`, with the clock stopped between them)."""
    nlp = english()
    parse_seconds = rules_seconds = 0.0
    for first in range(0, len(articles), batch_size):
        batch = articles[first : first + batch_size]
        started = time.perf_counter()
        docs = iter(list(nlp.pipe([paragraph for article in batch for paragraph in article.paragraphs], batch_size=64)))
        parse_seconds += time.perf_counter() - started
        started = time.perf_counter()
        for article in batch:
            _read(article, Body(article, [next(docs) for _ in article.paragraphs]))
        rules_seconds += time.perf_counter() - started
    return parse_seconds, rules_seconds


def measure(corpus: Corpus, batch_size: int, repeat: int = 2) -> dict:
    started = time.perf_counter()
    nlp = english()
    load_seconds = time.perf_counter() - started
    rss_after_load = peak_rss_mib()
    analyze_one(corpus.articles[0])  # warm-up: first-call allocations, lazy imports (dateparser)

    articles = corpus.articles
    total_words = sum(words(article) for article in articles)
    runs = []
    for _ in range(repeat):  # the best of `repeat` runs: on a shared machine, the slower ones measure the neighbours
        started = time.perf_counter()
        readings = list(analyze(articles, batch_size=batch_size))
        runs.append(time.perf_counter() - started)
    seconds = min(runs)
    analysed = sum(reading.analysed for reading in readings)

    rss_after_batched = peak_rss_mib()
    parse_seconds, rules_seconds = split(articles, batch_size)

    def alone(article: Article) -> dict:
        started = time.perf_counter()
        analyze_one(article)
        elapsed = time.perf_counter() - started
        count = words(article)
        return {"source": article.source, "words": count, "seconds": elapsed, "per_1000_words": elapsed / count * 1000}

    low, high = AROUND_1000
    around = [alone(article) for article in articles if low <= words(article) <= high]
    longest = [alone(article) for article in sorted(articles, key=words, reverse=True)[:LONGEST]]
    per_1000 = statistics.median(item["per_1000_words"] for item in around) if around else None
    return {
        "machine": machine(),
        "model": f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')}",
        "model_version": nlp.meta.get("version", "?"),
        "model_load_seconds": load_seconds,
        "batch_size": batch_size,
        "articles": len(articles),
        "analysed": analysed,
        "by_origin": {kind: list(corpus.origin.values()).count(kind) for kind in ("seed", "example", "benchmark")},
        "skipped": corpus.skipped,
        "words": total_words,
        "seconds": seconds,
        "runs_seconds": runs,
        "articles_per_second": len(articles) / seconds,
        "words_per_second": total_words / seconds,
        "seconds_per_1000_words": seconds / total_words * 1000,
        "spacy_parse_seconds": parse_seconds,
        "rules_seconds": rules_seconds,
        "single_article_per_1000_words": per_1000,
        "single_articles_around_1000_words": len(around),
        "single_article_requirement_holds": per_1000 is not None and per_1000 < WELL_UNDER,
        "longest": longest,
        "peak_rss_mib_after_model_load": rss_after_load,
        "peak_rss_mib_after_batched_analysis": rss_after_batched,
        "peak_rss_mib": peak_rss_mib(),
    }


def print_figures(numbers: dict) -> None:
    info = numbers["machine"]
    print(describe_machine(info))
    print(f"model:   {numbers['model']} {numbers['model_version']}, loaded in {numbers['model_load_seconds']:.2f} s")
    origin = numbers["by_origin"]
    print(
        f"corpus:  {numbers['articles']} articles ({origin['seed']} seeds, {origin['example']} examples, "
        f"{origin['benchmark']} benchmark bodies as text), {numbers['words']:,} words; "
        f"{len(numbers['skipped'])} inputs left out (below)"
    )
    print(
        f"batch:   {numbers['batch_size']} articles per analyze() batch, paragraphs through nlp.pipe(batch_size=64)\n"
    )
    runs = ", ".join(f"{run:.2f}" for run in numbers["runs_seconds"])
    print(f"{'analysis, batched':<34} {numbers['seconds']:8.2f} s (best of {len(numbers['runs_seconds'])}: {runs})")
    print(f"{'  articles/s':<34} {numbers['articles_per_second']:8.1f}")
    print(f"{'  words/s':<34} {numbers['words_per_second']:8.0f}")
    print(f"{'  per 1,000 words':<34} {numbers['seconds_per_1000_words']:8.3f} s")
    parse, rules = numbers["spacy_parse_seconds"], numbers["rules_seconds"]
    print(
        f"{'  timed apart: spaCy parse':<34} {parse:8.2f} s ({parse / (parse + rules):.0%}), "
        f"our rules {rules:.2f} s ({rules / (parse + rules):.0%})"
    )
    per_1000 = numbers["single_article_per_1000_words"]
    if per_1000 is None:
        print("\nno article of 800 to 1,200 words to time on its own")
    else:
        holds = "holds" if numbers["single_article_requirement_holds"] else "DOES NOT HOLD"
        print(
            f"\none 1,000-word article on its own: {per_1000:.3f} s (median per 1,000 words of "
            f"{numbers['single_articles_around_1000_words']} articles of {AROUND_1000[0]}-{AROUND_1000[1]} words); "
            f"well under a second (< {WELL_UNDER} s): {holds}"
        )
    print("longest articles, each on its own:")
    for item in numbers["longest"]:
        print(
            f"  {Path(item['source']).name[:28]:<28} {item['words']:6,} words {item['seconds']:7.3f} s "
            f"({item['per_1000_words']:.3f} s per 1,000 words)"
        )
    print(
        f"\npeak RSS: {numbers['peak_rss_mib_after_model_load']:.0f} MiB after loading the model, "
        f"{numbers['peak_rss_mib_after_batched_analysis']:.0f} MiB after the batched analysis of the whole corpus, "
        f"{numbers['peak_rss_mib']:.0f} MiB at the end"
    )
    for source, reason in numbers["skipped"].items():
        print(f"left out: {Path(source).name}: {reason}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N benchmark bodies")
    parser.add_argument("--json", type=Path, help="save the figures as JSON here")
    parser.add_argument("--batch-size", type=int, default=BATCH, help=f"articles per batch (default {BATCH})")
    parser.add_argument("--repeat", type=int, default=2, help="batched runs, the best one reported (default 2)")
    parser.add_argument("--benchmark", type=Path, default=BENCHMARK, help="the benchmark folder")
    args = parser.parse_args(argv)
    if not (args.benchmark / "ground-truth.json").is_file():
        print(f"no benchmark in {args.benchmark} (set CORROBORATE_SHARED to the shared folder)", file=sys.stderr)
        return 2
    corpus = load_corpus(args.limit, args.benchmark)
    numbers = measure(corpus, args.batch_size, args.repeat)
    print_figures(numbers)
    if args.json:
        args.json.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
        print(f"\nfigures saved to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
