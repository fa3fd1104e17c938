"""Quality gate: extraction of the 181 benchmark pages must keep its precision and F1, and beat trafilatura.

The pages and their hand-made ground truth are read in place from the shared benchmark folder; the metric is
the benchmark's own (bench/extraction.py). Plain trafilatura's scores are pinned in the baseline file rather
than measured again here, which would double the time. Speed is measured by the bench, never asserted here.
"""

from __future__ import annotations

import json

import pytest
from bench.extraction import Page, Scores, article_text, corroborate_article, load_pages, page_counts, scores
from tests.conftest import BENCHMARK, ROOT

from corroborate.extract.lines import Context, classify, words

BASELINE = json.loads((ROOT / "tests" / "data" / "extraction_baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    if not BENCHMARK.is_dir():
        pytest.skip(f"the extraction benchmark is not in {BENCHMARK} (set CORROBORATE_SHARED to the shared folder)")
    return load_pages(BENCHMARK)


@pytest.fixture(scope="module")
def predictions(pages: list[Page]) -> dict[str, str]:
    return {page.id: article_text(corroborate_article(f"{page.id}.html", page.html)) for page in pages}


@pytest.fixture(scope="module")
def ours(pages: list[Page], predictions: dict[str, str]) -> Scores:
    return scores(page_counts(page.truth, predictions[page.id]) for page in pages)


def _worst(pages: list[Page], predictions: dict[str, str]) -> str:
    """The pages with the most false positives, to start looking from when the gate fails."""
    ranked = sorted(pages, key=lambda page: -page_counts(page.truth, predictions[page.id])[1])[:5]
    return "; ".join(f"{page.id[:12]} {page.url}" for page in ranked)


def test_all_pages_are_there(pages: list[Page]) -> None:
    assert len(pages) == BASELINE["pages"]


def test_f1_and_precision_stay_above_their_floors(ours: Scores, pages: list[Page], predictions: dict[str, str]) -> None:
    floors = BASELINE["floors"]
    worst = _worst(pages, predictions)
    assert ours.f1 >= floors["f1"], f"F1 {ours.f1:.4f} fell below {floors['f1']}; most false positives: {worst}"
    assert ours.precision >= floors["precision"], (
        f"precision {ours.precision:.4f} fell below {floors['precision']}; most false positives: {worst}"
    )
    assert ours.recall >= floors["recall"], f"recall {ours.recall:.4f} fell below {floors['recall']}"


def test_beats_plain_trafilatura(ours: Scores) -> None:
    trafilatura = BASELINE["measured"]["trafilatura"]
    assert ours.f1 > trafilatura["f1"]
    assert ours.precision > trafilatura["precision"]


# The rules behind the gate, line by line: each noise line is set apart, and article text that looks like it stays.

_BODY = (
    "The council voted on Tuesday to close the harbour road for repairs, a decision residents had asked for "
    "since the storm damaged the sea wall last winter."
)


def _body(n: int) -> str:
    return _BODY.replace("Tuesday", f"the {n}th")


def _kind_of(line: str, hint: str | None = None, url: str | None = None) -> str:
    """The kind of `line` in the middle of an article, ten paragraphs under its headline."""
    lines = ["Council closes harbour road for repairs", *map(_body, range(10)), line, _body(10)]
    context = Context(title="Council closes harbour road for repairs", url=url)
    return classify(lines, [*([None] * 11), hint, None], context)[11].kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Follow us on Twitter @HarbourNews and on Facebook.", "boilerplate"),
        ("Email Jane Roe at jroe@example.com or follow her @janeroe.", "boilerplate"),
        ("Get the day's top headlines delivered to your inbox every morning.", "boilerplate"),
        ("We may earn a commission when you buy through links on our site.", "boilerplate"),
        ("CLICK HERE TO GET THE HARBOUR NEWS APP", "related_headline"),
        ("MAYOR SAYS HARBOUR ROAD WILL REOPEN BEFORE THE SUMMER SEASON", "related_headline"),
        ("Floods close the coast road as the storm moves north [VIDEO]", "related_headline"),
        ("You may also like...", "related_heading"),
        ("SEE MORE: Storm damage bill rises to £2m", "related_headline"),
        ("Tuesday, 19 November 2019 10:15 GMT", "boilerplate"),
        ("Updated: Nov. 19, 2019", "boilerplate"),
        ("https://www.example.com/news/harbour-road-1234", "boilerplate"),
        ("https://cdn.example.net/images/harbour.jpg", "boilerplate"),
        ("Jane Roe, John Doe and Richard Miles of the Associated Press contributed to this report.", "credit"),
    ],
)
def test_noise_is_set_apart(line: str, kind: str) -> None:
    assert _kind_of(line, url="https://example.com/news/harbour-road-1234") == kind


@pytest.mark.parametrize(
    "line",
    [
        "Millions of fans follow her on Instagram, where she posts from the harbour every day.",
        "Scammers have been sending fake parking fines to your inbox, the police warned residents.",
        "Users can download the new ferry app from Tuesday, the operator said.",
        "Retailers could receive a share of the revenue from the new car park, the council said.",
        "November 19, 2019",  # a part of a timeline, not when the page was published
        "HOW TO REPORT A POTHOLE",  # a subheading in capitals
        "29 November 2018 | 20 January 2019",  # an event's dates
    ],
)
def test_article_text_that_looks_like_noise_stays(line: str) -> None:
    assert _kind_of(line) in ("body", "subheading")


def test_a_paragraph_repeated_is_a_copy_but_a_short_line_repeated_is_text() -> None:
    short = "Eat every 2-3 hours"
    lines = ["Council closes harbour road for repairs", _body(1), short, _body(2), short, _body(1)]
    kinds = [line.kind for line in classify(lines, None, Context(title=lines[0]))]
    assert kinds[4] == "subheading"
    assert kinds[5] == "boilerplate"


def test_headings_with_no_text_under_them_are_other_stories() -> None:
    lines = ["Council closes harbour road", _body(1), "Port reopens", "Ferry fares rise", "Storm ahead", _body(2)]
    hints = [None, None, "heading", "heading", "heading", None]
    kinds = [line.kind for line in classify(lines, hints, Context(title=lines[0]))]
    assert kinds[2:5] == ["related_headline"] * 3


def test_the_title_is_found_inside_the_pages_title() -> None:
    context = Context(title="Opinion | Council closes harbour road - The Harbour News")
    assert classify(["Council closes harbour road", _BODY], None, context)[0].kind == "title"


def test_words_of_chinese_and_japanese_script_are_counted() -> None:
    assert words("不正に改造したiPhoneを販売したとして、男性が逮捕された。") >= 12
    assert words("The harbour road") == 3
