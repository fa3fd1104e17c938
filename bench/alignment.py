"""Claim alignment across outlets: precision and recall on the event chains of ECB+ (train, dev).

Gold. ECB+ links every mention of one real event across articles (a cross-document event chain): two sentences of
two articles of one story that mention the same chain state the same fact. Gold pairs are, per story (a gold
sub-topic, stories.json), the pairs of sentences of different articles that share a chain in events.json. Only
the *selected* sentences count (doc_meta.json): annotation is exhaustive there and nowhere else, so a pair with
an unselected sentence can be neither missed nor false (the literature scores the same sentences).

Ours. Each gold story is compared as the product compares a story (`report_story`), every article its own
source; our aligned pairs are the pairs of supporting sentences of each corroborated fact, across sources.
Our sentences (spaCy's) are mapped back to ECB+ lines by text: both are reduced to lowercase words, and a
sentence is on the line that holds its words (a line spaCy split in two gives both halves that line); a sentence
spaCy runs over two lines is on both. A pair of our sentences is then a set of line pairs, counted once each.

Score. Precision: of our cross-source sentence pairs whose lines are all selected, the share that share a gold
chain. Recall: of the gold pairs, the share we align. Train was used to tune; dev is the figure to report. Test
is not read. "Before" is compare/ as in commit 0113cc1, measured by this script before alignment changed; it is
kept in BEFORE below (re-measure with `--json` on that code).

Readings are read from a cache of JSON Lines ({"doc", "reading"}, as bench/grouping.py writes it), or built
by the pipeline and written there (~5 minutes on 2 cores).

    .venv/bin/python bench/alignment.py [--cache DIR] [--splits train dev] [--json PATH] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.extraction import SHARED, describe_machine, machine  # noqa: E402
from bench.grouping import load_corpus  # noqa: E402

from corroborate.models import Reading, Story, StoryReport  # noqa: E402
from corroborate.pipeline import PipelineOptions, report_story  # noqa: E402

ECBPLUS = SHARED / "dev-data" / "ecbplus"
SPLITS = ("train", "dev")
CACHE = os.environ.get("CORROBORATE_ALIGNMENT_CACHE") or os.environ.get("CORROBORATE_GROUPING_CACHE")

BEFORE: dict[str, dict[str, float]] = {
    "train": {"precision": 0.9082, "recall": 0.0656, "pairs_judged": 643, "pairs_correct": 584, "gold_pairs": 8898},
    "dev": {"precision": 0.9298, "recall": 0.0702, "pairs_judged": 228, "pairs_correct": 212, "gold_pairs": 3020},
}
"""Figures of the code before this change (compare/ as in commit 0113cc1), measured by this script on the same
readings: split -> figures."""

Line = tuple[str, int]  # (ECB+ doc id, line number)
Pair = tuple[Line, Line]  # ordered: the smaller line first


@dataclass
class Gold:
    """Gold sentence pairs per split, which lines can be judged (selected sentences), each line's cross-document
    event chains, and the lines with any event mention at all (`annotated`, for the lower bound)."""

    pairs: set[Pair]
    selected: set[Line]
    chains: dict[Line, set[str]]
    annotated: set[Line]


@dataclass
class Mapping:
    """How our sentences were found back on ECB+ lines."""

    one_line: int = 0
    split_line: int = 0
    several_lines: int = 0
    unmapped: int = 0
    examples: list[str] = field(default_factory=list)


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _pair(a: Line, b: Line) -> Pair:
    return (a, b) if a <= b else (b, a)


def gold_pairs(docs: Iterable[str], story_of: dict[str, str], folder: Path = ECBPLUS) -> Gold:
    """The pairs of selected sentences of different articles of one story that share an event chain."""
    docs = set(docs)
    meta = json.loads((folder / "doc_meta.json").read_text(encoding="utf-8"))
    selected = {(doc, line) for doc in docs for line in meta[doc]["selected_sentences"]}
    chains: dict[Line, set[str]] = defaultdict(set)
    pairs: set[Pair] = set()
    for chain in json.loads((folder / "events.json").read_text(encoding="utf-8")):
        lines = {(m["doc"], m["sentence"]) for m in chain["mentions"] if m["doc"] in docs}
        for line in lines:
            chains[line].add(chain["chain"])
        for a, b in combinations(sorted(lines & selected), 2):
            if a[0] != b[0] and story_of[a[0]] == story_of[b[0]]:
                pairs.add(_pair(a, b))
    annotated = set()
    with (folder / "mentions.jsonl").open(encoding="utf-8") as mentions:
        for row in map(json.loads, mentions):
            if row["kind"] == "event" and row["doc"] in docs:
                annotated.add((row["doc"], row["sentence"]))
    return Gold(pairs, selected, dict(chains), annotated)


def sentence_lines(reading: Reading, lines: Sequence[str], mapping: Mapping) -> list[tuple[int, ...]]:
    """The ECB+ lines of each of our sentences (see the module's docstring), in sentence order."""
    plain = [_words(line) for line in lines]
    found = []
    for sentence in reading.sentences:
        words = _words(sentence.text)
        holding = tuple(n for n, line in enumerate(plain) if words and words in line)
        if len(holding) >= 1:
            exact = [n for n in holding if plain[n] == words]
            holding = tuple(exact[:1]) or holding[:1]
            if plain[holding[0]] == words:
                mapping.one_line += 1
            else:
                mapping.split_line += 1
        else:
            holding = tuple(n for n, line in enumerate(plain) if line and line in words)
            if holding:
                mapping.several_lines += 1
            else:
                mapping.unmapped += 1
                if len(mapping.examples) < 5:
                    mapping.examples.append(sentence.text[:100])
        found.append(holding)
    return found


def story_pairs(report: StoryReport, readings: dict[str, Reading], lines_of: dict[str, list[tuple[int, ...]]]):
    """Our cross-source aligned sentence pairs, as ECB+ line pairs, each with the fact that aligned them."""
    by_article = {reading.id: doc for doc, reading in readings.items()}
    found: dict[Pair, str] = {}
    for fact in report.corroborated:
        located = []
        for support in fact.support:
            doc = by_article[support.source]
            reading = readings[doc]
            number = next(n for n, sentence in enumerate(reading.sentences) if sentence.text == support.sentence)
            located.append((doc, lines_of[doc][number]))
        for (doc_a, lines_a), (doc_b, lines_b) in combinations(located, 2):
            if doc_a == doc_b:
                continue
            for a in lines_a:
                for b in lines_b:
                    found.setdefault(_pair((doc_a, a), (doc_b, b)), fact.claim)
    return found


@dataclass
class Score:
    predicted: int = 0
    judged: int = 0
    correct: int = 0
    gold: int = 0
    reachable: int = 0
    recalled: int = 0
    lenient_judged: int = 0
    lenient_correct: int = 0
    false: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.judged if self.judged else 1.0

    @property
    def lower_bound(self) -> float:
        """Precision over every pair whose two lines carry an event mention, selected or not: a lower bound,
        since outside the selected sentences a shared event may have been left unlinked."""
        return self.lenient_correct / self.lenient_judged if self.lenient_judged else 1.0

    @property
    def recall(self) -> float:
        return self.recalled / self.gold if self.gold else 1.0

    def figures(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "recall_reachable": round(self.recalled / self.reachable, 4) if self.reachable else 1.0,
            "precision_lower_bound": round(self.lower_bound, 4),
            "pairs_predicted": self.predicted,
            "pairs_judged": self.judged,
            "pairs_correct": self.correct,
            "gold_pairs": self.gold,
            "gold_reachable": self.reachable,
            "gold_recalled": self.recalled,
            "pairs_judged_lower_bound": self.lenient_judged,
        }


def evaluate_split(
    docs: Sequence[str],
    readings: dict[str, Reading],
    story_of: dict[str, str],
    options: PipelineOptions,
    folder: Path = ECBPLUS,
) -> tuple[Score, Mapping]:
    """Every gold story of `docs` compared as one story, its articles each a source, and scored."""
    gold = gold_pairs(docs, story_of, folder)
    texts = {doc: (folder / "docs" / f"{doc}.txt").read_text(encoding="utf-8").splitlines() for doc in docs}
    mapping = Mapping()
    lines_of = {doc: sentence_lines(readings[doc], texts[doc], mapping) for doc in docs if doc in readings}
    members: dict[str, list[str]] = defaultdict(list)
    for doc in docs:
        if doc in readings:
            members[story_of[doc]].append(doc)
    predicted: dict[Pair, str] = {}
    for name, story_docs in sorted(members.items()):
        ids = tuple(readings[doc].id for doc in story_docs)
        story = Story(id=f"s{name}", articles=ids, sources=tuple((article,) for article in ids))
        story_readings = {doc: readings[doc] for doc in story_docs}
        report = report_story(story, list(story_readings.values()), options)
        predicted |= story_pairs(report, story_readings, lines_of)
    with_claims = {
        (doc, line)
        for doc, reading in readings.items()
        if doc in lines_of
        for claim in reading.claims
        for line in lines_of[doc][claim.sentence]
    }
    score = Score(predicted=len(predicted), gold=len(gold.pairs))
    score.reachable = sum(1 for a, b in gold.pairs if a in with_claims and b in with_claims)
    for (a, b), claim in sorted(predicted.items()):
        if a in gold.annotated and b in gold.annotated:
            score.lenient_judged += 1
            score.lenient_correct += bool(gold.chains.get(a, set()) & gold.chains.get(b, set()))
        if a not in gold.selected or b not in gold.selected:
            continue
        score.judged += 1
        if gold.chains.get(a, set()) & gold.chains.get(b, set()):
            score.correct += 1
        else:
            score.false.append((texts[a[0]][a[1]], texts[b[0]][b[1]], claim))
    score.recalled = len(gold.pairs & set(predicted))
    return score, mapping


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=Path(CACHE) if CACHE else None, help="readings are kept here")
    parser.add_argument("--splits", nargs="+", default=list(SPLITS), choices=SPLITS)
    parser.add_argument("--no-embeddings", action="store_true", help="align lexically, without the model")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--errors", type=int, default=0, help="print this many false pairs per split")
    args = parser.parse_args(argv)
    options = PipelineOptions(embeddings=not args.no_embeddings)
    info = machine()
    print(describe_machine(info))
    corpus = load_corpus(args.splits, args.cache)
    splits: dict[str, dict] = {}
    figures: dict[str, object] = {"machine": info, "embeddings": options.embeddings, "splits": splits}
    model = "with" if options.embeddings else "without"
    print(f"\nECB+ aligned-claim pairs, selected sentences only ({model} embeddings)")
    print(f"{'split':<6} {'code':<8} {'precision':>9} {'recall':>7} {'judged':>7} {'correct':>8} {'gold':>6}")
    for split in args.splits:
        started = time.perf_counter()
        score, mapping = evaluate_split(corpus.splits[split], corpus.readings, corpus.gold, options)
        seconds = time.perf_counter() - started
        splits[split] = score.figures() | {"seconds": round(seconds, 1), "mapping": vars(mapping)}
        before = BEFORE.get(split)
        if before:
            print(
                f"{split:<6} {'before':<8} {before['precision']:9.3f} {before['recall']:7.3f} "
                f"{before['pairs_judged']:7.0f} {before['pairs_correct']:8.0f} {before['gold_pairs']:6.0f}"
            )
        print(
            f"{split:<6} {'after':<8} {score.precision:9.3f} {score.recall:7.3f} {score.judged:7d} {score.correct:8d} "
            f"{score.gold:6d}"
        )
        print(
            f"{'':<6} {score.predicted} pairs aligned ({score.predicted - score.judged} with an unselected sentence); "
            f"sentences on one line {mapping.one_line}, part of a line {mapping.split_line}, over several "
            f"{mapping.several_lines}, not found {mapping.unmapped}; {seconds:.0f} s"
        )
        for left, right, claim in score.false[: args.errors]:
            print(f"    false: {left[:110]}\n       vs: {right[:110]}\n    claim: {claim[:110]}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
