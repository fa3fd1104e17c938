"""Temporal expressions against TimeML gold: how many we find, and how many of the dates we find we resolve right.

The data is the TempEval-3 training data (TBAQ-cleaned: TimeBank 1.2 and the AQUAINT TimeML corpus, 256 news
articles of 1989-1998 annotated with TIMEX3 tags), not the platinum test set. TimeBank 1.2 is LDC2006T08, under
the LDC User Agreement for Non-Members; the AQUAINT TimeML corpus and the cleaned versions of both were released
by the TempEval-3 organisers for research. It is read in place and never copied into this repository: put the
`.tml` files (any folder layout) under `--data` or `$CORROBORATE_TIMEML` (default /work/scratch/dates/data). One
public copy is `data/TempEval3/Training/TBAQ-cleaned/` of github.com/qiangning/StructTempRel-EMNLP17.

Each document becomes an `Article`: its <TEXT> with the tags taken out, cut into paragraphs at blank lines,
published on the day of its DCT (the document creation time), and read by `corroborate.pipeline.read_articles`.
Every document whose name sorts fifth, tenth, ... is held out: the rules were written looking at the other four
fifths (dev) only.

Scores, over the gold TIMEX3 tags of the text (the DCT itself is not counted):
  recall      a gold expression is found when one of ours overlaps its characters (relaxed), or has exactly
              its characters (strict: our "in 2018" against gold "2018" is relaxed only);
  precision   the share of ours that overlap a gold expression (relaxed; TimeBank leaves some unmarked);
  kind        of the gold DURATION and SET expressions found, the share we call a duration or a recurrence;
  accuracy    of the gold DATE and TIME expressions found, the share whose resolved value is the gold value at
              the gold's granularity (our expression with the largest overlap is the one judged):
                1998-08-07, 1998-08-07T14:30, 1998-08-07TMO   our start and end are that day
                1998-08, 1998, 199 (the 1990s), 19 (1900-1999)   our start and end are that month, year, ...
                1998-Q3, 1998-H1, 1998-W32, 1998-W32-WE, 1998-SU   the quarter, half, ISO week, its weekend,
                                                                   the season (SP Mar-May, SU Jun-Aug, FA Sep-Nov,
                                                                   WI Dec-Feb, the year of its December)
                with mod START, MID or END                        ours lies inside it (and shares its start, or
                                                                   its end)
                PRESENT_REF, PAST_REF, FUTURE_REF                 our kind is "present", "past", "future"
              Values the gold leaves open (1998-WXX, XXXX-08-07) or writes as durations (P1W for a DATE) are
              not judged; "1968-XX" is read as the year 1968 and "1998-10-XX" as the month.
  resolved    right values over all judged gold DATE and TIME expressions, found or not (recall times accuracy).

    .venv/bin/python bench/dates.py                    # before (bench/dates_baseline.json) beside now
    .venv/bin/python bench/dates.py --errors 40        # and 40 of each kind of miss on the dev part
    .venv/bin/python bench/dates.py --json out.json    # the figures, saved
    .venv/bin/python bench/dates.py --write-baseline   # measure the code as it is and keep it as "before"
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from corroborate.models import Article, Reading, TimeExpression  # noqa: E402

DEFAULT_DATA = Path("/work/scratch/dates/data")
BASELINE = ROOT / "bench" / "dates_baseline.json"
HELD_OUT_EVERY = 5
"""Every fifth document (by name) is held out from the development of the rules."""
REFERENCES = {"PRESENT_REF": "present", "PAST_REF": "past", "FUTURE_REF": "future"}
SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True)
class Gold:
    start: int  # offsets into Article.text
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    mod: str


@dataclass(frozen=True)
class Document:
    name: str
    dct: date
    paragraphs: tuple[str, ...]
    gold: tuple[Gold, ...]

    @property
    def held_out(self) -> bool:
        return self.name.endswith("#held-out")


# Reading the TimeML files -------------------------------------------------------------------------------------


def load_documents(folder: Path) -> list[Document]:
    files = sorted(folder.rglob("*.tml"), key=lambda path: path.name)
    documents = [_document(path) for path in files]
    return [
        Document(f"{doc.name}#held-out", doc.dct, doc.paragraphs, doc.gold)
        if number % HELD_OUT_EVERY == HELD_OUT_EVERY - 1
        else doc
        for number, doc in enumerate(documents)
    ]


def _document(path: Path) -> Document:
    root = ElementTree.parse(path).getroot()
    dct = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    if dct is None or body is None:
        raise SystemExit(f"{path}: no DCT or no TEXT: is it a TimeML file of TempEval-3?")
    pieces: list[str] = []
    tags: list[tuple[int, int, dict[str, str]]] = []

    def walk(element: ElementTree.Element) -> None:
        begin = sum(map(len, pieces))
        pieces.append(element.text or "")
        for child in element:
            walk(child)
            pieces.append(child.tail or "")
        if element.tag == "TIMEX3":
            tags.append((begin, sum(map(len, pieces)), dict(element.attrib)))

    walk(body)
    text = "".join(pieces)
    paragraphs, offsets = [], []  # each paragraph, and where it starts in `text`
    for match in re.finditer(r"\S(?:.*?\S)??(?=\s*\n\s*\n|\s*$)", text, re.DOTALL):
        paragraphs.append(match.group(0).replace("\n", " "))
        offsets.append(match.start())
    shift, at = [], 0  # where each paragraph starts in Article.text
    for paragraph in paragraphs:
        shift.append(at)
        at += len(paragraph) + 2
    gold = []
    for begin, end, attributes in tags:
        number = max((n for n, offset in enumerate(offsets) if offset <= begin), default=0)
        start = begin - offsets[number] + shift[number]
        gold.append(
            Gold(
                start,
                start + end - begin,
                text[begin:end],
                attributes.get("type", ""),
                attributes.get("value", ""),
                attributes.get("mod", ""),
            )
        )
    return Document(path.stem, date.fromisoformat(dct.attrib["value"][:10]), tuple(paragraphs), tuple(gold))


def article_of(document: Document) -> Article:
    return Article(
        source=document.name,
        title=None,
        standfirst=None,
        outlet=None,
        wire=None,
        authors=(),
        credits=(),
        dateline=None,
        published=document.dct,
        published_estimate=None,
        paragraphs=document.paragraphs,
        captions=(),
        lines=(),
        language="en",
    )


def read(documents: Sequence[Document]) -> dict[str, Reading]:
    from corroborate.pipeline import PipelineOptions, read_articles

    readings: dict[str, Reading] = {}
    for item in read_articles((article_of(document) for document in documents), PipelineOptions(embeddings=False)):
        if not isinstance(item, Reading):
            raise SystemExit(f"{item.source}: {item.reason}")
        readings[item.article.source] = item
    return readings


def spans(reading: Reading) -> list[tuple[int, int, TimeExpression]]:
    """Where each of our expressions is in Article.text: its words, looked for in its sentence (the n-th
    expression with the same words in one sentence is their n-th occurrence there)."""
    text = reading.article.text
    found = []
    cursor: dict[tuple[int, str], int] = {}
    for expression in reading.dates:
        sentence = reading.sentences[expression.sentence]
        key = (expression.sentence, expression.text)
        start = text.find(expression.text, cursor.get(key, sentence.start), sentence.end + 1)
        if start < 0:
            start = text.find(expression.text, sentence.start)
        if start < 0:
            continue
        cursor[key] = start + 1
        found.append((start, start + len(expression.text), expression))
    return found


# What a gold value means ----------------------------------------------------------------------------------------


def gold_range(value: str) -> tuple[date, date] | str | None:
    """The days a TimeML value stands for; "present", "past" or "future" for the references; None when the
    value leaves the date open or is not a date."""
    if value in REFERENCES:
        return REFERENCES[value]
    value = re.sub(r"(?:-XX)+$", "", value.split("T")[0])
    if "X" in value or value.startswith("P") or not value:
        return None
    if re.fullmatch(r"\d\d", value):
        century = int(value) * 100
        return date(century, 1, 1), date(century + 99, 12, 31)
    if re.fullmatch(r"\d\d\d", value):
        decade = int(value) * 10
        return date(decade, 1, 1), date(decade + 9, 12, 31)
    if re.fullmatch(r"\d{4}", value):
        return date(int(value), 1, 1), date(int(value), 12, 31)
    year = int(value[:4])
    rest = value[5:]
    if re.fullmatch(r"\d\d", rest):
        return _month(year, int(rest), int(rest))
    if re.fullmatch(r"\d\d-\d\d", rest):
        day = date(year, int(rest[:2]), int(rest[3:]))
        return day, day
    if re.fullmatch(r"Q[1-4]", rest):
        quarter = int(rest[1])
        return _month(year, 3 * quarter - 2, 3 * quarter)
    if re.fullmatch(r"H[12]", rest):
        half = int(rest[1])
        return _month(year, 6 * half - 5, 6 * half)
    if rest in SEASONS:
        first, last = SEASONS[rest]
        return (date(year, 12, 1), _month(year + 1, 2, 2)[1]) if rest == "WI" else _month(year, first, last)
    week = re.fullmatch(r"W(\d\d)(-WE)?", rest)
    if week:
        monday = date.fromisocalendar(year, int(week.group(1)), 1)
        return (
            (monday + timedelta(days=5), monday + timedelta(days=6))
            if week.group(2)
            else (monday, monday + timedelta(6))
        )
    return None


def _month(year: int, first: int, last: int) -> tuple[date, date]:
    following = date(year + (last == 12), last % 12 + 1, 1)
    return date(year, first, 1), following - timedelta(days=1)


def right(gold: Gold, ours: TimeExpression) -> bool:
    target = gold_range(gold.value)
    if isinstance(target, str):
        return ours.kind == target
    if target is None or ours.start is None or ours.end is None:
        return False
    start, end = target
    if gold.mod in ("START", "MID", "END"):
        inside = start <= ours.start and ours.end <= end
        return inside and (gold.mod == "MID" or (ours.start == start if gold.mod == "START" else ours.end == end))
    return (ours.start, ours.end) == (start, end)


# Scoring ----------------------------------------------------------------------------------------------------------


@dataclass
class Scores:
    gold: int = 0
    found: int = 0
    found_strict: int = 0
    ours: int = 0
    ours_overlapping: int = 0
    typed: int = 0  # gold DURATION and SET found
    typed_right: int = 0
    judged: int = 0  # gold DATE and TIME with a value we can judge
    judged_found: int = 0
    judged_right: int = 0
    not_judged: int = 0

    def figures(self) -> dict[str, float]:
        def share(part: int, whole: int) -> float:
            return round(part / whole, 4) if whole else 0.0

        return {
            "recall": share(self.found, self.gold),
            "recall_strict": share(self.found_strict, self.gold),
            "precision": share(self.ours_overlapping, self.ours),
            "kind": share(self.typed_right, self.typed),
            "accuracy": share(self.judged_right, self.judged_found),
            "resolved": share(self.judged_right, self.judged),
        }


@dataclass
class Misses:
    not_found: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


def score(documents: Iterable[Document], readings: dict[str, Reading], misses: Misses | None = None) -> Scores:
    scores = Scores()
    for document in documents:
        reading = readings[document.name]
        ours = spans(reading)
        scores.ours += len(ours)
        scores.ours_overlapping += sum(any(g.start < e and s < g.end for g in document.gold) for s, e, _ in ours)
        if misses is not None:
            misses.extra += [
                f"{document.name}: {x.text!r} ({x.kind})"
                for s, e, x in ours
                if not any(g.start < e and s < g.end for g in document.gold)
            ]
        for gold in document.gold:
            scores.gold += 1
            overlapping = [
                (min(e, gold.end) - max(s, gold.start), x) for s, e, x in ours if s < gold.end and gold.start < e
            ]
            scores.found += bool(overlapping)
            scores.found_strict += any((s, e) == (gold.start, gold.end) for s, e, _ in ours)
            best = max(overlapping, key=lambda item: item[0])[1] if overlapping else None
            sentence = _sentence(reading, gold)
            if best is None and misses is not None:
                misses.not_found.append(f"{document.name}: {gold.text!r} {gold.type} {gold.value} | {sentence}")
            if gold.type in ("DURATION", "SET"):
                if best is not None:
                    scores.typed += 1
                    kind = "duration" if gold.type == "DURATION" else "recurrence"
                    scores.typed_right += best.kind == kind
                    if misses is not None and best.kind != kind:
                        misses.kind.append(
                            f"{document.name}: {gold.text!r} {gold.type} {gold.value}; ours {best.text!r} {best.kind}"
                        )
                continue
            if gold_range(gold.value) is None:
                scores.not_judged += 1
                continue
            scores.judged += 1
            if best is None:
                continue
            scores.judged_found += 1
            if right(gold, best):
                scores.judged_right += 1
            elif misses is not None:
                misses.wrong.append(
                    f"{document.name} (DCT {document.dct}): {gold.text!r} = {gold.value} {gold.mod}; "
                    f"ours {best.text!r} {best.kind} {best.start} {best.end} ({best.note}) | {sentence}"
                )
    return scores


def _sentence(reading: Reading, gold: Gold) -> str:
    sentence = next((s for s in reading.sentences if s.start <= gold.start < s.end + 1), None)
    return sentence.text[:160] if sentence else ""


def measure(documents: Sequence[Document], readings: dict[str, Reading]) -> dict[str, dict[str, float]]:
    parts = {
        "dev": [d for d in documents if not d.held_out],
        "held-out": [d for d in documents if d.held_out],
        "all": list(documents),
    }
    figures = {}
    for name, part in parts.items():
        scores = score(part, readings)
        figures[name] = {**scores.figures(), "gold": float(scores.gold)}
    return figures


# Output ----------------------------------------------------------------------------------------------------------


def table(now: dict[str, dict[str, float]], before: dict[str, dict[str, float]] | None) -> str:
    rows = ["recall", "recall_strict", "precision", "kind", "accuracy", "resolved"]
    lines = [f"{'':16}" + "".join(f"{part:>22}" for part in now)]
    lines.append(f"{'':16}" + "".join(f"{'before':>11}{'after':>11}" for _ in now))
    for row in rows:
        cells = ""
        for part, figures in now.items():
            was = before.get(part, {}).get(row) if before else None
            cells += f"{'-' if was is None else f'{was:.3f}':>11}{figures[row]:>11.3f}"
        lines.append(f"{row:16}{cells}")
    lines.append(f"{'gold TIMEX3':16}" + "".join(f"{int(figures['gold']):>22}" for figures in now.values()))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("CORROBORATE_TIMEML", DEFAULT_DATA)))
    parser.add_argument("--errors", type=int, default=0, help="print this many misses of each kind (dev part)")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--write-baseline", action="store_true", help=f"save the figures as 'before' ({BASELINE.name})")
    args = parser.parse_args(argv)
    if not args.data.is_dir() or not any(args.data.rglob("*.tml")):
        print(
            f"bench/dates.py: no TimeML files (*.tml) under {args.data}. Put the TempEval-3 training data there "
            "(TBAQ-cleaned: TimeBank and AQUAINT; one copy is data/TempEval3/Training/TBAQ-cleaned/ of "
            "github.com/qiangning/StructTempRel-EMNLP17), or point --data or $CORROBORATE_TIMEML at it.",
            file=sys.stderr,
        )
        return 2
    documents = load_documents(args.data)
    readings = read(documents)
    now = measure(documents, readings)
    before = json.loads(BASELINE.read_text())["figures"] if BASELINE.exists() and not args.write_baseline else None
    print(f"{len(documents)} TimeML documents from {args.data} ({sum(d.held_out for d in documents)} held out)\n")
    print(table(now, before))
    if args.errors:
        misses = Misses()
        score([d for d in documents if not d.held_out], readings, misses)
        for title, items in (
            ("not found", misses.not_found),
            ("wrong value", misses.wrong),
            ("not in the gold", misses.extra),
        ):
            print(f"\n{title} ({len(items)}):")
            for item in items[: args.errors]:
                print(f"  {item}")
    if args.json:
        args.json.write_text(json.dumps({"figures": now}, indent=2) + "\n")
    if args.write_baseline:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        BASELINE.write_text(json.dumps({"commit": commit, "figures": now}, indent=2) + "\n")
        print(f"\nsaved as the baseline in {BASELINE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
