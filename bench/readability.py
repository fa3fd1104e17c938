"""Extraction on pages of publishers our rules were not written for: Mozilla Readability's test pages, beside the
181 pages of the article-extraction-benchmark.

The pages are `test/test-pages/<name>/` of github.com/mozilla/readability (Apache License 2.0; the page texts
remain their publishers'): `source.html` as served, `expected.html` (Readability's cleaned article, taken as the
truth) and `expected-metadata.json` (its title, byline and, on some pages, published time). They are not part
of this repository: put them in a folder given by `--pages` or `$CORROBORATE_READABILITY` (default
/work/scratch/pages/readability), one sub-folder per page, for instance with

    git clone --depth 1 https://github.com/mozilla/readability /tmp/readability
    cp -r /tmp/readability/test/test-pages /work/scratch/pages/readability

Text is scored with the metric of bench/extraction.py (word 4-gram shingles, precision and recall averaged over
pages, F1 of the means), ours being `"\\n".join(article.paragraphs)` and plain trafilatura's `trafilatura.extract`.
The truth is Readability's own output, not a hand-made text: it keeps image captions and some furniture that a
careful reader would drop, so no extractor reaches 1.0 and small differences are noise.

Not every page is news. Each is put in one group, and the figures are given per group and for all real pages:
- `news`: English articles of news outlets and magazines (NEWS below, chosen by hand by reading each page);
- `other`: the other English pages: blogs, documentation, encyclopedia entries, fiction, a standards draft; our
  rules are written for news, but a reader may give us any page, so they are scored all the same;
- `foreign`: pages whose expected text is not English (our line rules are English; trafilatura does the work);
- `fixture`: Readability's own synthetic pages (placeholder "Lorem ipsum" text, or under 30 words), which test
  its markup handling rather than an article: shown, but left out of "all real pages".
The last row, `bench 181`, scores the same two extractors on the 181 pages of bench/extraction.py (text only: that
benchmark has no metadata; `--no-benchmark` leaves it out, bench/extraction.py adds speed and the standfirst).

Metadata is scored on every page whose expected-metadata.json has the field, ours (`Article.title`, `.authors`,
`.published`) against trafilatura's own (`trafilatura.extract_metadata`):
- title: right when, in lower-case words, it is the expected title or a run of its parts around " | ", " - ",
  " — " (site names stay out of headlines) that holds the part with most words;
- author: right when every word of our author names is a word of the expected byline's first line, with at least
  two words or all of them ("By GILLIAN MOHNEY" is matched by "Gillian Mohney"); no author is wrong;
- date: right when the day (YYYY-MM-DD) is the expected published time's.
Readability's metadata is itself extracted, so some expected values are wrong (a site's name as title, a
timestamp as byline): both extractors are scored against the same values, and `--page` shows them.

    python bench/readability.py                        # machine, text and metadata tables
    python bench/readability.py --json after.json      # the figures, saved
    python bench/readability.py --before before.json   # a saved run's figures beside this one's (F1, metadata)
    python bench/readability.py --worst 10             # the pages where we lose most F1 to trafilatura
    python bench/readability.py --page nytimes-1       # every line of one page with its kind and its cost
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.extraction import (  # noqa: E402
    BENCHMARK,
    Page,
    _line_costs,
    article_text,
    corroborate_article,
    describe_machine,
    machine,
    page_counts,
    plain_trafilatura,
    scores,
)
from bench.extraction import load_pages as load_benchmark  # noqa: E402

PAGES = Path(os.environ.get("CORROBORATE_READABILITY", "/work/scratch/pages/readability"))
GROUPS = ("news", "other", "foreign", "fixture")
BENCHMARK_GROUP = "bench 181"

NEWS = frozenset(
    """
    ars-1 article-author-tag bbc-1 breitbart bug-1255978 buzzfeed-1 citylab-1 cnet cnn engadget guardian-1
    herald-sun-1 keep-images lazy-image-2 lifehacker-post-comment-load lifehacker-working medicalnewstoday msn
    nytimes-1 nytimes-2 nytimes-3 nytimes-4 quanta-1 salon-1 schema-org-context-object seattletimes-1 simplyfound-1
    spiceworks telegraph theverge tmz-1 videos-1 wapo-1 wapo-2 webmd-1 webmd-2 wikia wordpress yahoo-1 yahoo-2
    yahoo-3
    """.split()
)
"""English pages of news outlets and magazines (read one by one): reports, reviews, explainers, features."""

_FIXTURE_WORDS = 30
"""Under this many words of expected text, a page tests Readability's markup handling (the 1 to 16 words of its
synthetic pages `005-...`, `js-link-replacement`, `ol`): no article to speak of."""


@dataclass(frozen=True)
class TestPage:
    """One Readability test page: the page to score (`bench.extraction.Page`), its group and expected metadata."""

    page: Page
    group: str
    title: str | None
    byline: str | None
    published: str | None


# The pages ----------------------------------------------------------------------------------------------------


def load_pages(folder: Path = PAGES, names: Sequence[str] = ()) -> list[TestPage]:
    """Every sub-folder of `folder` with a source.html and an expected.html, in name order."""
    from corroborate.extract.language import detect_language

    pages = []
    for directory in sorted(path for path in folder.iterdir() if (path / "expected.html").is_file()):
        if names and directory.name not in names:
            continue
        truth = html_text((directory / "expected.html").read_text(encoding="utf-8"))
        metadata_file = directory / "expected-metadata.json"
        metadata = json.loads(metadata_file.read_text(encoding="utf-8")) if metadata_file.is_file() else {}
        html = (directory / "source.html").read_bytes()
        if b"lorem ipsum" in html.lower() or "lorem ipsum" in truth.lower() or len(truth.split()) < _FIXTURE_WORDS:
            group = "fixture"
        elif detect_language(truth) != "en":
            group = "foreign"
        else:
            group = "news" if directory.name in NEWS else "other"
        pages.append(
            TestPage(
                page=Page(id=directory.name, html=html, truth=truth, url=""),
                group=group,
                title=metadata.get("title") or None,
                byline=metadata.get("byline") or None,
                published=metadata.get("publishedTime") or None,
            )
        )
    return pages


_BLOCKS = frozenset(
    "address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)


def html_text(markup: str) -> str:
    """The text of an HTML fragment, each block on its own line (so that words of two blocks are never glued)."""
    import lxml.html

    root = lxml.html.fromstring(markup)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return "\n".join(" ".join(line.split()) for line in root.text_content().split("\n") if line.strip())


# Running both extractors --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What one extractor gave for one page: text and metadata."""

    text: str
    title: str | None
    authors: tuple[str, ...]
    published: str | None


def ours(test: TestPage) -> Outcome:
    article = corroborate_article(f"{test.page.id}.html", test.page.html)
    if article is None:
        return Outcome("", None, (), None)
    published = article.published.isoformat() if article.published else None
    return Outcome(article_text(article), article.title, article.authors, published)


def theirs(test: TestPage) -> Outcome:
    import trafilatura

    html = test.page.html.decode("utf-8", errors="replace")
    found: Any = trafilatura.extract_metadata(html)
    authors = tuple(name.strip() for name in re.split(r"\s*;\s*", found.author or "") if name.strip()) if found else ()
    return Outcome(
        plain_trafilatura(test.page.html),
        (found.title or None) if found else None,
        authors,
        (found.date or None) if found else None,
    )


# Scoring metadata ---------------------------------------------------------------------------------------------

_PARTS = re.compile(r"\s+[|–—-]\s+|\s*\|\s*|\s+::\s+|\s+_\s+|\s+»\s+")
_LETTERS = re.compile(r"[^\W\d_]+")
_NOT_NAMES = frozenset("by written and par avec et with de von".split())


def _words(text: str) -> list[str]:
    return [word.lower() for word in _LETTERS.findall(text)]


def title_right(found: str | None, expected: str) -> bool:
    """`found` is the expected title, or a run of its parts holding its longest part (site names left out)."""
    if not found:
        return False
    parts = [part for part in _PARTS.split(expected) if _words(part)]
    longest = max((len(_words(part)) for part in parts), default=0)
    forms = {tuple(_words(expected))}
    for start in range(len(parts)):
        for end in range(start + 1, len(parts) + 1):
            if any(len(_words(part)) == longest for part in parts[start:end]):
                forms.add(tuple(_words(" ".join(parts[start:end]))))
    return tuple(_words(found)) in forms


def author_right(found: Sequence[str], expected: str) -> bool:
    """Every word of the names found is in the expected byline's first line: two words at least, or all."""
    names = {word for word in _words(expected.strip().split("\n")[0]) if word not in _NOT_NAMES}
    given = {word for name in found for word in _words(name)}
    return bool(given) and given <= names and len(given) >= min(2, len(names))


def date_right(found: str | None, expected: str) -> bool:
    return bool(found) and found is not None and found[:10] == expected[:10] and _is_date(expected[:10])


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


# The figures --------------------------------------------------------------------------------------------------


def figures(pages: Sequence[TestPage], benchmark: Sequence[Page] = ()) -> dict[str, Any]:
    """Per group, and for all real pages: text scores of both extractors, and metadata accuracy of both; then the
    text scores on the 181 pages of the article-extraction-benchmark (`benchmark`, which has no metadata to score)."""
    outcomes = {test.page.id: (ours(test), theirs(test)) for test in pages}
    per_page = {
        test.page.id: {
            "group": test.group,
            "ours": page_counts(test.page.truth, outcomes[test.page.id][0].text),
            "theirs": page_counts(test.page.truth, outcomes[test.page.id][1].text),
            "metadata": _metadata_marks(test, *outcomes[test.page.id]),
        }
        for test in pages
    }
    selections = {group: [test for test in pages if test.group == group] for group in GROUPS}
    selections["all real"] = [test for test in pages if test.group != "fixture"]
    result: dict[str, Any] = {"machine": machine(), "groups": {}, "pages": per_page}
    for name, members in selections.items():
        if not members:
            continue
        result["groups"][name] = {
            "pages": len(members),
            "ours": asdict(scores(per_page[test.page.id]["ours"] for test in members)),
            "trafilatura": asdict(scores(per_page[test.page.id]["theirs"] for test in members)),
            "metadata": _metadata_totals([per_page[test.page.id]["metadata"] for test in members]),
        }
    if benchmark:
        mine = [
            page_counts(page.truth, article_text(corroborate_article(f"{page.id}.html", page.html)))
            for page in benchmark
        ]
        other = [page_counts(page.truth, plain_trafilatura(page.html)) for page in benchmark]
        result["groups"][BENCHMARK_GROUP] = {
            "pages": len(benchmark),
            "ours": asdict(scores(mine)),
            "trafilatura": asdict(scores(other)),
            "metadata": {},
        }
    return result


def _metadata_marks(test: TestPage, mine: Outcome, other: Outcome) -> dict[str, dict[str, Any]]:
    marks: dict[str, dict[str, Any]] = {}
    if test.title:
        marks["title"] = {
            "expected": test.title,
            "ours": [mine.title, title_right(mine.title, test.title)],
            "trafilatura": [other.title, title_right(other.title, test.title)],
        }
    if test.byline:
        marks["author"] = {
            "expected": test.byline,
            "ours": [list(mine.authors), author_right(mine.authors, test.byline)],
            "trafilatura": [list(other.authors), author_right(other.authors, test.byline)],
        }
    if test.published:
        marks["date"] = {
            "expected": test.published,
            "ours": [mine.published, date_right(mine.published, test.published)],
            "trafilatura": [other.published, date_right(other.published, test.published)],
        }
    return marks


def _metadata_totals(marks: Sequence[dict[str, dict[str, Any]]]) -> dict[str, dict[str, int]]:
    totals: dict[str, dict[str, int]] = {}
    for field in ("title", "author", "date"):
        scored = [mark[field] for mark in marks if field in mark]
        totals[field] = {
            "pages": len(scored),
            "ours": sum(bool(mark["ours"][1]) for mark in scored),
            "trafilatura": sum(bool(mark["trafilatura"][1]) for mark in scored),
        }
    return totals


def print_figures(numbers: dict[str, Any], before: dict[str, Any] | None = None) -> None:
    """The text table (F1 beside precision and recall) and the metadata table; a saved run's figures beside."""
    print(describe_machine(numbers["machine"]))
    print("pages:   Mozilla Readability's test pages (truth: Readability's expected.html), by group; and the")
    print("         181 pages of the article-extraction-benchmark (hand-made truth; text only)\n")
    head = f"{'group':<10} {'pages':>5}  {'extractor':<12} {'precision':>9} {'recall':>7} {'F1':>7}"
    print(head + ("   F1 before" if before else ""))
    for name, group in numbers["groups"].items():
        for extractor in ("trafilatura", "ours"):
            score = group[extractor]
            was = before["groups"].get(name, {}).get(extractor) if before else None
            earlier = f"   {was['f1']:9.4f}" if was else ""
            label = f"{name:<10} {group['pages']:>5}" if extractor == "trafilatura" else " " * 16
            print(
                f"{label}  {extractor:<12} {score['precision']:9.4f} {score['recall']:7.4f} {score['f1']:7.4f}{earlier}"
            )
    print(f"\nmetadata right (pages where Readability gives it){'; before in brackets' if before else ''}")
    print(f"{'group':<10} {'field':<7} {'pages':>5} {'ours':>9} {'trafilatura':>12}")
    for name, group in numbers["groups"].items():
        for field, total in group["metadata"].items():
            if not total["pages"]:
                continue
            was = before["groups"].get(name, {}).get("metadata", {}).get(field) if before else None
            mine = f"{total['ours']}" + (f" ({was['ours']})" if was else "")
            other = f"{total['trafilatura']}" + (f" ({was['trafilatura']})" if was else "")
            print(f"{name:<10} {field:<7} {total['pages']:>5} {mine:>9} {other:>12}")


def print_worst(pages: Sequence[TestPage], count: int) -> None:
    """The pages where our F1 falls furthest below trafilatura's, with the lines that cost most."""
    from bench.extraction import page_precision, page_recall

    def f1(counts: tuple[float, float, float]) -> float:
        precision, recall = page_precision(counts), page_recall(counts)
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    ranked = []
    for test in pages:
        mine, other = ours(test), theirs(test)
        gap = f1(page_counts(test.page.truth, other.text)) - f1(page_counts(test.page.truth, mine.text))
        ranked.append((gap, test))
    ranked.sort(key=lambda entry: -entry[0])
    for gap, test in ranked[:count]:
        article = corroborate_article(f"{test.page.id}.html", test.page.html)
        counts = page_counts(test.page.truth, article_text(article))
        print(f"\n== {test.page.id} ({test.group}) F1 {gap:+.3f} behind trafilatura")
        print(f"   precision {page_precision(counts):.3f}  recall {page_recall(counts):.3f}")
        for cost, line, verdict in sorted(_line_costs(test.page, article), key=lambda entry: -entry[0])[:8]:
            if cost > 0:
                print(f"   {verdict:<7} {cost:4d}  [{line.kind}] {line.text[:110]}")  # type: ignore[attr-defined]


def print_page(test: TestPage) -> None:
    """Every line of one page with its kind and cost, then the metadata both extractors found."""
    article = corroborate_article(f"{test.page.id}.html", test.page.html)
    print(f"== {test.page.id} ({test.group})")
    for cost, line, verdict in _line_costs(test.page, article):
        mark = f"{verdict} {cost}" if cost else ""
        print(f"{mark:>10} [{line.kind:<16}] {line.text[:140]}")  # type: ignore[attr-defined]
    for field, mark in _metadata_marks(test, ours(test), theirs(test)).items():
        print(f"{field}: expected {mark['expected']!r}; ours {mark['ours']}; trafilatura {mark['trafilatura']}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=PAGES, help="the test pages (default $CORROBORATE_READABILITY)")
    parser.add_argument(
        "--benchmark", type=Path, default=BENCHMARK, help="the 181-page benchmark (bench/extraction.py)"
    )
    parser.add_argument("--no-benchmark", action="store_true", help="score the Readability pages only")
    parser.add_argument("--json", type=Path, help="save the figures as JSON here")
    parser.add_argument("--before", type=Path, help="a run saved with --json, to print beside this one")
    parser.add_argument("--worst", type=int, metavar="N", help="the N pages where we lose most F1 to trafilatura")
    parser.add_argument("--page", metavar="NAME", help="every line of one page, with its kind and cost")
    args = parser.parse_args(argv)
    if not args.pages.is_dir() or not any(args.pages.glob("*/expected.html")):
        print(
            f"no Readability test pages in {args.pages}: copy test/test-pages of github.com/mozilla/readability "
            "there (one folder per page, with source.html and expected.html), or point --pages or "
            "CORROBORATE_READABILITY at them",
            file=sys.stderr,
        )
        return 2
    pages = load_pages(args.pages, [args.page] if args.page else ())
    if args.page:
        if not pages:
            print(f"no page {args.page!r} in {args.pages}", file=sys.stderr)
            return 2
        print_page(pages[0])
        return 0
    if args.worst:
        print_worst(pages, args.worst)
        return 0
    benchmark: list[Page] = []
    if not args.no_benchmark:
        if not (args.benchmark / "ground-truth.json").is_file():
            print(
                f"no benchmark in {args.benchmark} (set CORROBORATE_SHARED to the shared folder, or --no-benchmark)",
                file=sys.stderr,
            )
            return 2
        benchmark = load_benchmark(args.benchmark)
    numbers = figures(pages, benchmark)
    before = json.loads(args.before.read_text(encoding="utf-8")) if args.before else None
    print_figures(numbers, before)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(numbers, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
