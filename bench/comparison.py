"""Comparison quality on the planted examples, and the cost of a full report for 2, 10 and 50 articles.

Quality: the examples (examples/) tell one invented story through three outlets with planted agreements,
single-source facts and disagreements of every kind, written down by hand in tests/data/planted.json. The
report of the examples is scored against them, kind by kind: precision and recall of each disagreement kind,
recall of corroborated and single-source facts. tests/test_compare_examples.py holds the same figures to floors.

Cost: a full report (read, extract, analyse, group, compare) of 2, 10 and 50 articles (the seeds, the
examples, then real articles from the extraction benchmark), and the alignment of one story of N sources:
how many claim pairs exist across sources, how many the blocking lets through to be scored, and how many
align. Scored pairs, not all pairs, drive the cost.

    .venv/bin/python bench/comparison.py [--sizes 2 10 50] [--no-embeddings] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.extraction import describe_machine, machine  # noqa: E402

from corroborate.compare import CompareOptions  # noqa: E402
from corroborate.compare.align import align, story_items  # noqa: E402
from corroborate.extract import extract  # noqa: E402
from corroborate.ingest import IngestOptions, parse_bytes, read_inputs  # noqa: E402
from corroborate.models import Article, Reading, Report, Story, StoryReport  # noqa: E402
from corroborate.pipeline import PipelineOptions, report_story  # noqa: E402
from corroborate.store import Library, report_inputs  # noqa: E402

EXAMPLES = ROOT / "examples"
PLANTED = ROOT / "tests" / "data" / "planted.json"
KINDS = ("quote_wording", "quote_speaker", "figure", "date", "name")


# Quality against the planted ground truth.


@dataclass
class Tally:
    """True positives, false positives and false negatives of one kind of finding."""

    found: int = 0
    false: int = 0
    missed: int = 0
    false_examples: list[str] = field(default_factory=list)
    missed_examples: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.found / (self.found + self.false) if self.found + self.false else 1.0

    @property
    def recall(self) -> float:
        return self.found / (self.found + self.missed) if self.found + self.missed else 1.0


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _same_text(a: str, b: str) -> bool:
    x, y = _plain(a), _plain(b)
    return bool(x and y) and (x == y or x in y or y in x)


def _file(source: str) -> str:
    return Path(source.split("#")[0]).name


def _matches(sides: Sequence[tuple[str, str]], wanted: dict[str, str]) -> int:
    """How many of the planted sides (file -> exact text) a report's sides contain."""
    return sum(
        1
        for file, text in wanted.items()
        if any(_file(source) == file and _same_text(said, text) for source, said in sides)
    )


def evaluate(story: StoryReport, planted: dict) -> dict[str, Tally]:
    """Each kind's tally: disagreement kinds, "corroborated" and "single_source"."""
    tallies = {kind: Tally() for kind in (*KINDS, "corroborated", "single_source")}
    name = {source.id: source.name for source in story.sources}  # the report knows sources by id, the plants by file
    flagged = [(d.kind, [(name[side.source], side.text) for side in d.sides], d.about) for d in story.disagreements]
    for kind in KINDS:
        wanted = [p for p in planted["disagreements"] if p["kind"] == kind]
        used: set[int] = set()
        for plant in wanted:
            hit = next(
                (
                    n
                    for n, (k, sides, _) in enumerate(flagged)
                    if k == kind and n not in used and _matches(sides, plant["sides"]) >= 2
                ),
                None,
            )
            if hit is None:
                tallies[kind].missed += 1
                tallies[kind].missed_examples.append(plant["about"])
            else:
                used.add(hit)
                tallies[kind].found += 1
        for n, (k, _sides, about) in enumerate(flagged):
            if k == kind and n not in used:
                tallies[kind].false += 1
                tallies[kind].false_examples.append(about)
    facts = [[(name[s.source], s.sentence) for s in fact.support] for fact in story.corroborated]
    for plant in planted["corroborated"]:
        if any(_matches(sides, plant["support"]) >= 2 for sides in facts):
            tallies["corroborated"].found += 1
        else:
            tallies["corroborated"].missed += 1
            tallies["corroborated"].missed_examples.append(plant["about"])
    allowed = (
        [p["support"] for p in planted["corroborated"]]
        + [p["sides"] for p in planted["disagreements"]]
        + [p["sides"] for p in planted["not_disagreements"]]
    )
    for sides in facts:
        if not any(_matches(sides, wanted) >= 2 for wanted in allowed):
            tallies["corroborated"].false += 1
            tallies["corroborated"].false_examples.append(sides[0][1][:80])
    singles = [(name[s.source], s.sentence) for s in story.single_source]
    for plant in planted["single_source"]:
        reported = _matches(singles, {plant["source"]: plant["sentence"]})
        corroborated = any(_matches(sides, {plant["source"]: plant["sentence"]}) for sides in facts)
        if reported and not corroborated:
            tallies["single_source"].found += 1
        else:
            tallies["single_source"].missed += 1
            tallies["single_source"].missed_examples.append(plant["about"])
    return tallies


def examples_report(embeddings: bool = True) -> Report:
    report, _outcomes = report_inputs([str(EXAMPLES)], PipelineOptions(embeddings=embeddings))
    return report


def main_story(report: Report) -> StoryReport:
    return max(report.stories, key=lambda story: len(story.sources))


# Cost of full reports and of alignment.


def _articles(items) -> list[Article]:
    return [extract(item) for item in items if not isinstance(item, Exception)]


def corpus(size: int, shared: Path) -> list[Article]:
    """`size` articles: the seeds, then the examples, then real articles of the extraction benchmark."""
    articles = _articles(read_inputs([str(shared / "seeds"), str(EXAMPLES)]))
    truth = json.loads((shared / "bench-data" / "article-extraction-benchmark" / "ground-truth.json").read_text())
    for page_id, entry in sorted(truth.items()):
        if len(articles) >= size:
            break
        body = entry.get("articleBody") or ""
        if len(body.split()) < 150:
            continue
        try:
            (document,) = parse_bytes(f"benchmark/{page_id[:12]}.txt", body.encode(), IngestOptions(), suffix=".txt")
            articles.append(extract(document))
        except Exception:
            continue
    return articles[:size]


@dataclass
class Cost:
    articles: int
    words: int
    seconds: float
    stories: int
    claims: int
    cross_pairs: int
    scored_pairs: int
    aligned_pairs: int


def full_report_cost(articles: list[Article], embeddings: bool) -> Cost:
    """Time of analyse + group + compare, and the alignment pairs of one story holding every article."""
    start = time.perf_counter()
    with Library(":memory:", PipelineOptions(embeddings=embeddings)) as library:
        list(library.add_documents(articles))
        report = library.report()
        seconds = time.perf_counter() - start
        readings = [reading for story_id in library.story_ids() for reading in library.story(story_id)[1]]
    items = story_items(readings, _one_story(readings).sources)
    alignment = align(items, CompareOptions(embeddings=embeddings))
    per_source = Counter(item.source for item in items)
    return Cost(
        articles=len(articles),
        words=sum(len(a.text.split()) for a in articles),
        seconds=seconds,
        stories=len(report.stories),
        claims=len(items),
        cross_pairs=(len(items) ** 2 - sum(count**2 for count in per_source.values())) // 2,
        scored_pairs=alignment.candidate_pairs,
        aligned_pairs=len(alignment.pairs),
    )


def compare_cost(readings: list[Reading], embeddings: bool) -> float:
    start = time.perf_counter()
    report_story(_one_story(readings), readings, PipelineOptions(embeddings=embeddings))
    return time.perf_counter() - start


def _one_story(readings: Sequence[Reading]) -> Story:
    """Every reading in one story, each its own source: the most claim pairs alignment can meet."""
    ids = tuple(reading.id for reading in readings)
    return Story(id="s" + ids[0][1:], articles=ids, sources=tuple((article,) for article in ids))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2, 10, 50])
    parser.add_argument("--no-embeddings", action="store_true", help="align lexically, without the model")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    embeddings = not args.no_embeddings
    shared = Path(__import__("os").environ.get("CORROBORATE_SHARED", ROOT.parent / "shared"))
    info = machine()
    print(describe_machine(info))
    print(f"alignment: {'sentence embeddings (all-MiniLM-L6-v2)' if embeddings else 'lexical (no model)'}\n")

    planted = json.loads(PLANTED.read_text(encoding="utf-8"))
    story = main_story(examples_report(embeddings))
    tallies = evaluate(story, planted)
    print("quality on the planted examples (tests/data/planted.json)")
    print(f"{'kind':<16}{'found':>7}{'false':>7}{'missed':>8}{'precision':>11}{'recall':>8}")
    for kind, tally in tallies.items():
        print(
            f"{kind:<16}{tally.found:>7}{tally.false:>7}{tally.missed:>8}{tally.precision:>11.2f}{tally.recall:>8.2f}"
        )
        for example in tally.missed_examples:
            print(f"{'':16}missed: {example}")
        for example in tally.false_examples if kind in KINDS else []:
            print(f"{'':16}false:  {example}")
    print(
        "  (a corroborated fact counts as false when none of its source pairs is planted as corroborated,\n"
        "   disputed or agreeing: the planted list is not exhaustive, so read those by hand)\n"
    )

    costs = []
    print("cost of a full report (analyse + group + compare; extraction excluded)")
    print(
        f"{'articles':>8}{'words':>8}{'seconds':>9}{'stories':>8}{'claims':>8}{'all pairs':>11}{'scored':>8}"
        f"{'aligned':>8}{'scored/all':>11}"
    )
    for size in args.sizes:
        articles = corpus(size, shared)
        cost = full_report_cost(articles, embeddings)
        costs.append(cost)
        share = cost.scored_pairs / cost.cross_pairs if cost.cross_pairs else 0.0
        print(
            f"{cost.articles:>8}{cost.words:>8}{cost.seconds:>9.2f}{cost.stories:>8}{cost.claims:>8}"
            f"{cost.cross_pairs:>11}{cost.scored_pairs:>8}{cost.aligned_pairs:>8}{share:>11.3f}"
        )
    print("  (pairs: of all claims of all articles put in one story; only the scored ones are compared)")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "machine": info,
                    "quality": {k: vars(v) for k, v in tallies.items()},
                    "cost": [vars(c) for c in costs],
                },
                indent=2,
                default=str,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
