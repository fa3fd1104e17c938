"""HTML extraction against hand-made ground truth: corroborate versus plain trafilatura, same pages, same run.

The pages are the 181 of the article-extraction-benchmark (html/<id>.html.gz and ground-truth.json, read in
place from the shared folder). The metric is that benchmark's own: word 4-gram shingles of `\\w+` tokens; per
page true/false positives and false negatives as counts of shingles, normalised to sum 1; precision and recall
each averaged over pages; F1 of the two means.

Our text for a page is what a user gets as the article's text, `"\\n".join(article.paragraphs)`: the body and
its subheadings, without title and standfirst. The ground truth's articleBody leaves the headline out, and the
standfirst too on most pages: with the standfirst put first, F1 is lower (0.972 against 0.974 when measured),
and that variant is scored alongside in every run to show it. A page that raises `InputError` /
`NotAnArticle` counts as an empty prediction.

Speed: both extractors run on every page in the same process, alternating which goes first, after one page of
warm-up; ours is timed in its two stages, ingest (`parse_bytes`: decoding, mojibake repair) and `extract`.
Scraped-text speed is measured on the ground truth's own article bodies given as text inputs.

    python bench/extraction.py                 # machine, figures table, speed constraint
    python bench/extraction.py --limit 20      # the first 20 pages only
    python bench/extraction.py --json out.json # the figures, saved
    python bench/extraction.py --before b.json # a run saved with --json: its F1 and time ratio beside
    (bench/readability.py scores the same extractors on Mozilla Readability's test pages, with metadata)
    python bench/extraction.py --worst 10      # the 10 pages with most false positives, the lines that cost
    python bench/extraction.py --page ID       # every line of one page with its kind and its cost
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CORROBORATE_SHARED", ROOT.parent / "shared"))
BENCHMARK = SHARED / "bench-data" / "article-extraction-benchmark"
MAX_TIME_RATIO = 2.0
"""Our whole extraction of the pages may take at most this many times plain trafilatura's time."""

# The metric ---------------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4

Counts = tuple[float, float, float]
"""True positives, false positives, false negatives of one page, normalised to sum 1 (or all 0)."""


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[str]:
    """The word `size`-grams of `text`, counted; a text shorter than `size` words is one shingle of them all."""
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    return Counter(" ".join(tokens[start : start + size]) for start in range(max(1, len(tokens) - size + 1)))


def page_counts(truth: str, prediction: str) -> Counts:
    """How the shingles of `prediction` match those of `truth`, each shingle counted as often as it occurs."""
    expected, predicted = shingles(truth), shingles(prediction)
    tp = sum((expected & predicted).values())
    fp = sum((predicted - expected).values())
    fn = sum((expected - predicted).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def page_precision(counts: Counts) -> float:
    tp, fp, fn = counts
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def page_recall(counts: Counts) -> float:
    tp, fp, fn = counts
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float


def scores(pages: Iterable[Counts]) -> Scores:
    """Precision averaged over pages that predicted something, recall over pages that expect something, F1."""
    pages = list(pages)
    precisions = [page_precision(counts) for counts in pages if counts[0] + counts[1] > 0]
    recalls = [page_recall(counts) for counts in pages if counts[0] + counts[2] > 0]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision=precision, recall=recall, f1=f1)


# The pages and the extractors ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    id: str
    html: bytes
    """The page as served, uncompressed; each extractor decodes it itself."""
    truth: str
    url: str


def load_pages(folder: Path = BENCHMARK, limit: int | None = None) -> list[Page]:
    """The benchmark's pages in id order, read in place."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append(Page(id=page_id, html=html, truth=truth[page_id]["articleBody"], url=truth[page_id]["url"]))
    return pages


def plain_trafilatura(html: bytes) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def corroborate_article(source: str, data: bytes, suffix: str = ".html"):
    """The article corroborate makes of `data` through the public API, or None for an unusable input."""
    from corroborate.errors import InputError
    from corroborate.extract import extract
    from corroborate.ingest import parse_bytes

    try:
        (document,) = parse_bytes(source, data, suffix=suffix)
        return extract(document)
    except InputError:
        return None


def article_text(article, with_standfirst: bool = False) -> str:
    """What a user gets as the article's text: its paragraphs (and, for the variant, the standfirst first)."""
    if article is None:
        return ""
    paragraphs = list(article.paragraphs)
    if with_standfirst and article.standfirst:
        paragraphs.insert(0, article.standfirst)
    return "\n".join(paragraphs)


# The run ------------------------------------------------------------------------------------------------------


@dataclass
class Run:
    """Everything one run measured: predictions, seconds per extractor."""

    ours: dict[str, str] = field(default_factory=dict)
    ours_with_standfirst: dict[str, str] = field(default_factory=dict)
    theirs: dict[str, str] = field(default_factory=dict)
    seconds_ours: float = 0.0
    seconds_ingest: float = 0.0
    seconds_theirs: float = 0.0
    seconds_text: float = 0.0
    text_pages: int = 0
    failed: dict[str, str] = field(default_factory=dict)


def run(pages: Sequence[Page]) -> Run:
    """Both extractors on every page, alternating which goes first so neither gets the warmer caches."""
    result = Run()
    _warm_up(pages[0])
    for index, page in enumerate(pages):
        order: list[Callable[[], None]] = [
            lambda page=page: _ours(page, result),
            lambda page=page: _theirs(page, result),
        ]
        for step in order if index % 2 == 0 else reversed(order):
            step()
    for page in pages:  # scraped text: the ground truth's article bodies as text inputs
        start = time.perf_counter()
        corroborate_article(f"{page.id}.txt", page.truth.encode("utf-8"), suffix=".txt")
        result.seconds_text += time.perf_counter() - start
        result.text_pages += 1
    return result


def _warm_up(page: Page) -> None:
    """Imports and models are loaded once per process, not per page: load them before timing.

    corroborate loads py3langid's model the first time it meets a text that is not English (under a second).
    """
    from corroborate.extract.language import detect_language

    plain_trafilatura(page.html)
    corroborate_article(f"{page.id}.html", page.html)
    corroborate_article(f"{page.id}.txt", page.truth.encode("utf-8"), suffix=".txt")
    detect_language("Dies ist kein englischer Text, sondern ein kurzer deutscher Satz über das Wetter.")


def _ours(page: Page, result: Run) -> None:
    """The public API as a user calls it, timed in its two stages: ingest (decoding) and extract."""
    from corroborate.errors import InputError
    from corroborate.extract import extract
    from corroborate.ingest import parse_bytes

    start = time.perf_counter()
    article = None
    try:
        (document,) = parse_bytes(f"{page.id}.html", page.html, suffix=".html")
        decoded = time.perf_counter()
        result.seconds_ingest += decoded - start
        article = extract(document)
    except InputError as error:
        result.failed[page.id] = error.reason
    result.seconds_ours += time.perf_counter() - start
    result.ours[page.id] = article_text(article)
    result.ours_with_standfirst[page.id] = article_text(article, with_standfirst=True)


def _theirs(page: Page, result: Run) -> None:
    start = time.perf_counter()
    text = plain_trafilatura(page.html)
    result.seconds_theirs += time.perf_counter() - start
    result.theirs[page.id] = text


# Reporting ----------------------------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    import trafilatura

    return {
        "cpu": _cpu_model(),
        "cores": str(os.cpu_count()),
        "ram": _ram(),
        "python": platform.python_version(),
        "trafilatura": trafilatura.__version__,
        "platform": platform.platform(),
    }


def describe_machine(info: dict[str, str]) -> str:
    """The two lines every bench prints first: what the figures were measured on."""
    return (
        f"machine: {info['cpu']}, {info['cores']} cores, {info['ram']} RAM\n"
        f"         Python {info['python']}, trafilatura {info['trafilatura']}, {info['platform']}"
    )


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram() -> str:
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return "unknown"
    return f"{total / 2**30:.1f} GiB"


def figures(pages: Sequence[Page], result: Run) -> dict:
    def score(predictions: dict[str, str]) -> Scores:
        return scores(page_counts(page.truth, predictions[page.id]) for page in pages)

    n = len(pages)
    ratio = result.seconds_ours / result.seconds_theirs if result.seconds_theirs else float("inf")
    return {
        "pages": n,
        "machine": machine(),
        "extractors": {
            "trafilatura": {**asdict(score(result.theirs)), "seconds": result.seconds_theirs},
            "corroborate": {
                **asdict(score(result.ours)),
                "seconds": result.seconds_ours,
                "seconds_ingest": result.seconds_ingest,
                "seconds_extract": result.seconds_ours - result.seconds_ingest,
            },
            "corroborate+standfirst": asdict(score(result.ours_with_standfirst)),
        },
        "pages_per_second": {
            "trafilatura": n / result.seconds_theirs if result.seconds_theirs else None,
            "corroborate": n / result.seconds_ours if result.seconds_ours else None,
            "corroborate_text": result.text_pages / result.seconds_text if result.seconds_text else None,
        },
        "time_ratio": ratio,
        "time_ratio_holds": ratio <= MAX_TIME_RATIO,
        "unusable_pages": dict(sorted(result.failed.items())),
    }


def print_figures(numbers: dict, before: dict | None = None) -> None:
    """The figures table; with `before` (a run saved with --json), its F1 and time ratio beside this run's."""
    info = numbers["machine"]
    print(describe_machine(info))
    print(f"pages:   {numbers['pages']} HTML pages of the article-extraction-benchmark\n")
    rates = numbers["pages_per_second"]
    rows = [
        ("trafilatura.extract (plain)", numbers["extractors"]["trafilatura"], rates["trafilatura"]),
        ("corroborate (paragraphs)", numbers["extractors"]["corroborate"], rates["corroborate"]),
        ("corroborate (standfirst + paragraphs)", numbers["extractors"]["corroborate+standfirst"], None),
    ]
    earlier = (
        [before["extractors"][key] for key in ("trafilatura", "corroborate", "corroborate+standfirst")]
        if before
        else []
    )
    print(
        f"{'extractor':<40} {'precision':>9} {'recall':>7} {'F1':>7} {'pages/s':>8}" + ("  F1 before" if before else "")
    )
    for index, (name, score, rate) in enumerate(rows):
        speed = f"{rate:8.1f}" if rate else f"{'(same)':>8}"
        was = f"  {earlier[index]['f1']:9.4f}" if earlier else ""
        print(f"{name:<40} {score['precision']:9.4f} {score['recall']:7.4f} {score['f1']:7.4f} {speed}{was}")
    print(f"{'corroborate, scraped-text input':<40} {'':>9} {'':>7} {'':>7} {rates['corroborate_text']:8.1f}")
    print(f"{'  (the ground-truth bodies as .txt)':<40}")
    holds = "holds" if numbers["time_ratio_holds"] else "DOES NOT HOLD"
    ours, theirs = numbers["extractors"]["corroborate"], numbers["extractors"]["trafilatura"]
    print(
        f"\ntime on HTML: trafilatura {theirs['seconds']:.2f} s, corroborate {ours['seconds']:.2f} s "
        f"(ingest {ours['seconds_ingest']:.2f} s + extract {ours['seconds_extract']:.2f} s)"
    )
    print(
        f"time ratio corroborate / trafilatura: {numbers['time_ratio']:.2f} "
        f"(constraint <= {MAX_TIME_RATIO:.1f}: {holds}); extract stage alone: "
        f"{ours['seconds_extract'] / theirs['seconds']:.2f}"
        + (f"; before: {before['time_ratio']:.2f}" if before else "")
    )
    for page_id, reason in numbers["unusable_pages"].items():
        print(f"unusable for corroborate (scored as empty): {page_id[:16]}: {reason}")


def print_worst(pages: Sequence[Page], count: int) -> None:
    """The pages whose text has most false-positive shingles, with the lines that cost most either way."""
    ranked = []
    for page in pages:
        article = corroborate_article(f"{page.id}.html", page.html)
        counts = page_counts(page.truth, article_text(article))
        ranked.append((counts[1], counts, page, article))
    ranked.sort(key=lambda entry: entry[0], reverse=True)
    for _fp, counts, page, article in ranked[:count]:
        print(f"\n== {page.id[:16]} {page.url}")
        print(f"   precision {page_precision(counts):.3f}  recall {page_recall(counts):.3f}")
        for cost, line, verdict in sorted(_line_costs(page, article), key=lambda entry: -entry[0])[:8]:
            if cost > 0:
                print(f"   {verdict:<7} {cost:4d}  [{line.kind}] {line.text[:110]}")


def print_page(pages: Sequence[Page], page_id: str) -> None:
    """Every line of one page, its kind, and how many of its shingles are wrong where it went."""
    for page in pages:
        if page.id.startswith(page_id):
            article = corroborate_article(f"{page.id}.html", page.html)
            print(f"== {page.id} {page.url}")
            for cost, line, verdict in _line_costs(page, article):
                mark = f"{verdict} {cost}" if cost else ""
                print(f"{mark:>10} [{line.kind:<16}] {line.text[:140]}")
            return
    print(f"no page {page_id!r}", file=sys.stderr)


def _line_costs(page: Page, article) -> list[tuple[int, object, str]]:
    """For each line, the shingles it costs: a kept line those of the false positives, a removed line those of the
    false negatives (a removed copy of a kept paragraph costs nothing).

    A page corroborate found unusable shows its lines as classified before that verdict, all of them lost.
    """
    expected = shingles(page.truth)
    predicted = shingles(article_text(article))
    false_positives, false_negatives = predicted - expected, expected - predicted
    text_kinds = {"subheading", "body"} if article is not None else set()
    costs = []
    for line in article.lines if article is not None else _classified_lines(page):
        kept = line.kind in text_kinds
        wrong = false_positives if kept else false_negatives
        cost = sum(count for shingle, count in shingles(line.text).items() if shingle in wrong)
        costs.append((cost, line, "kept" if kept else "removed"))
    return costs


def _classified_lines(page: Page) -> list:
    from corroborate.errors import InputError
    from corroborate.extract import _read
    from corroborate.ingest import parse_bytes

    try:
        (document,) = parse_bytes(f"{page.id}.html", page.html, suffix=".html")
        return _read(document).lines
    except InputError as error:
        print(f"   ({error.reason})")
        return []


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--json", type=Path, help="save the figures as JSON here")
    parser.add_argument("--worst", type=int, metavar="N", help="show the N pages with most false positives")
    parser.add_argument("--page", metavar="ID", help="show every line of the page whose id starts with ID")
    parser.add_argument("--benchmark", type=Path, default=BENCHMARK, help="the benchmark folder")
    parser.add_argument("--before", type=Path, help="a run saved with --json, to print its F1 beside this run's")
    args = parser.parse_args(argv)
    if not (args.benchmark / "ground-truth.json").is_file():
        print(f"no benchmark in {args.benchmark} (set CORROBORATE_SHARED to the shared folder)", file=sys.stderr)
        return 2
    pages = load_pages(args.benchmark, args.limit)
    if args.page:
        print_page(pages, args.page)
        return 0
    if args.worst:
        print_worst(pages, args.worst)
        return 0
    numbers = figures(pages, run(pages))
    print_figures(numbers, json.loads(args.before.read_text(encoding="utf-8")) if args.before else None)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
