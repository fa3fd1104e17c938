"""The HTML report: one self-contained page, every word of an article escaped, highlights on the exact sentences."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest

from corroborate.models import (
    BriefSentence,
    DateEstimate,
    Disagreement,
    Fact,
    Line,
    QuoteEntry,
    Report,
    Side,
    SingleClaim,
    Source,
    StoryReport,
    Support,
    TimelineEntry,
)
from corroborate.report.html import CSP, render_html, render_story_html

EVIL = """<script>alert(1)</script> "dq" 'sq' & <img src=x onerror=alert(2)> </mark></p>"""
LONG_URL = "https://example.org/" + "x" * 120
SECTIONS = ("brief", "sources", "facts", "single", "disagreements", "quotes", "timeline", "removed", "notes")
ALLOWED_TAGS = {
    *("html", "head", "meta", "title", "style", "body", "header", "main", "nav", "article", "section", "div"),
    *("h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "a", "span", "strong", "em", "mark", "blockquote", "br"),
    *("time", "table", "thead", "tbody", "tr", "th", "td", "details", "summary"),
}


class Page(HTMLParser):
    """The parsed page: every tag with its attributes, the visible text, and each <mark>'s class and words."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.marks: list[tuple[str, str, str]] = []
        self._open: list[tuple[str, str, list[str]]] = []
        self._in_style = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"
        if tag == "mark":
            values = dict(attrs)
            self._open.append((values.get("class") or "", values.get("title") or "", []))

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False
        if tag == "mark":
            kind, title, words = self._open.pop()
            self.marks.append((kind, "".join(words), title))

    def handle_data(self, data: str) -> None:
        if self._in_style:
            return
        self.text.append(data)
        for _kind, _title, words in self._open:
            words.append(data)


def source(name: str, paragraphs: tuple[str, ...], **extra: object) -> Source:
    fields: dict = {
        "id": name,  # the renderers know a source by its id; here its name serves as one
        "name": name,
        "articles": (name,),
        "article_ids": (name,),
        "title": f"Title of {name}",
        "outlets": (f"Outlet {name}",),
        "wire": None,
        "authors": ("A. Writer",),
        "published": date(2026, 3, 5),
        "published_estimate": None,
        "reference_date": date(2026, 3, 5),
        "date_note": None,
        "paragraphs": paragraphs,
        "removed": (Line("Share: Facebook | X", "widget", "share widget"),),
    }
    fields.update(extra)
    return Source(**fields)


def hostile_report() -> Report:
    """A report with a hostile string in every text field an article can reach."""
    first = f"First {EVIL} sentence."
    second = f"Second {EVIL} sentence."
    names = (f"a/{EVIL}.txt", f"b/{EVIL}.html")
    sources = (
        source(
            names[0],
            (f"{first} {second}", f"See {LONG_URL} now."),
            articles=(names[0], f"c/{EVIL}.json"),
            title=EVIL,
            outlets=(EVIL,),
            wire=EVIL,
            authors=(EVIL,),
            published=None,
            published_estimate=DateEstimate(date(2026, 3, 3), None, (EVIL,)),
            reference_date=date(2026, 3, 3),
            date_note=None,
            removed=(Line(EVIL, "widget", EVIL),),
        ),
        source(names[1], (first,), title=EVIL, date_note=EVIL, removed=(Line(EVIL, "boilerplate", None),)),
    )
    story = StoryReport(
        id="s0000000000000001",
        title=EVIL,
        sources=sources,
        corroborated=(Fact(EVIL, (Support(names[0], first), Support(names[1], first)), 0.9),),
        single_source=(SingleClaim(names[0], EVIL, second),),
        disagreements=(Disagreement("figure", EVIL, (Side(names[0], first), Side(names[1], EVIL)), EVIL),),
        quotes=(QuoteEntry(EVIL, EVIL, names, (Side(names[0], EVIL), Side(names[1], EVIL))),),
        timeline=(TimelineEntry(date(2026, 3, 2), date(2026, 3, 3), EVIL, names, (Side(names[0], EVIL),), EVIL),),
        brief=(BriefSentence(EVIL, names, True), BriefSentence(EVIL, names[:1], False)),
        notes=(EVIL,),
    )
    apart = StoryReport("s0000000000000002", EVIL, (source(EVIL, (EVIL,)),), (), (), (), (), (), (), (EVIL,))
    return Report(schema_version=EVIL, stories=(story, apart), notes=(EVIL,))


def example_report() -> Report:
    """A small, ordinary report: three sources, a passage of each kind, one quote nested in a sentence."""
    ship = "The ship ran aground on Monday."
    crew = "All 23 crew were rescued."
    fuel = "It carried 3,200 tonnes of fuel."
    quote = "We will not pay"
    said = f'"{quote}," the owner said.'
    sources = (
        source("one.txt", (f"{ship} {crew}", f"{fuel} {said}")),
        source("two.txt", ("The vessel grounded on Monday.", "It carried 2,300 tonnes of fuel.")),
        source("three.html", (f"Before dawn, {ship.lower()}",)),
    )
    story = StoryReport(
        id="s0000000000000001",
        title="Ship aground",
        sources=sources,
        corroborated=(
            Fact(ship, (Support("one.txt", ship), Support("two.txt", "The vessel grounded on Monday.")), 0.8),
            Fact(f"{said} (in words)", (Support("one.txt", said), Support("three.html", "missing sentence.")), 0.6),
        ),
        single_source=(SingleClaim("one.txt", crew, crew),),
        disagreements=(
            Disagreement(
                "figure",
                "tonnes of fuel",
                (Side("one.txt", fuel), Side("two.txt", "It carried 2,300 tonnes of fuel.")),
                '"3,200" against "2,300"',
            ),
            Disagreement("quote_wording", "the owner", (Side("one.txt", quote), Side("two.txt", "We won't")), "why"),
        ),
        quotes=(QuoteEntry("the owner", quote, ("one.txt",), ()),),
        timeline=(
            TimelineEntry(date(2026, 3, 2), date(2026, 3, 2), ship, ("one.txt",), (Side("one.txt", "Monday"),), "low"),
        ),
        brief=(BriefSentence(ship, ("one.txt", "two.txt"), True),),
    )
    return Report(schema_version="1.0", stories=(story,))


def test_hostile_text_is_escaped_everywhere() -> None:
    page_html = render_html(hostile_report())
    assert "<script" not in page_html.lower()
    assert "<img" not in page_html.lower()
    page = Page(page_html)
    for tag, attrs in page.tags:
        assert tag in ALLOWED_TAGS, tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert attrs.get("class") in (None, *_classes(page_html)), attrs
    # The hostile words come back, whole, as text and in tooltips: escaped, not dropped.
    text = "".join(page.text)
    assert text.count(EVIL) >= 20
    assert any(EVIL in (attrs.get("title") or "") for _tag, attrs in page.tags)
    assert re.search(r"&lt;script&gt;alert\(1\)&lt;/script&gt; &quot;dq&quot; &#x27;sq&#x27; &amp; ", page_html)


def _classes(page_html: str) -> set[str]:
    """The class attributes the renderer itself writes: fixed words, never article text."""
    return set(re.findall(r'class="([a-z -]+)"', page_html))


def test_page_is_self_contained() -> None:
    page_html = render_html(hostile_report())
    page = Page(page_html)
    for tag, attrs in page.tags:
        assert "src" not in attrs and tag != "link" and tag != "iframe"
        assert (attrs.get("href") or "#").startswith("#"), attrs
    style = "".join(re.findall(r"<style>(.*?)</style>", page_html, re.S))
    assert "url(" not in style and "@import" not in style and "http" not in style
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP.replace(chr(39), "&#x27;")}">' in page_html
    assert "default-src 'none'" in CSP
    # The article's own address stays plain text.
    assert LONG_URL in "".join(page.text)
    assert not re.search(r"""(href|src)\s*=\s*["']?https?:""", page_html)


def test_highlights_wrap_the_exact_sentences() -> None:
    report = example_report()
    marks = Page(render_html(report)).marks
    legend = {(kind, words) for kind, words, title in marks if not title}
    assert {kind for kind, _ in legend} == {"corroborated", "single", "disputed"}
    found = {(kind, words) for kind, words, title in marks if title}
    assert found == {
        ("corroborated", "The ship ran aground on Monday."),
        ("corroborated", "The vessel grounded on Monday."),
        ("corroborated", '"We will not pay," the owner said.'),
        ("single", "All 23 crew were rescued."),
        ("disputed", "It carried 3,200 tonnes of fuel."),
        ("disputed", "It carried 2,300 tonnes of fuel."),
        ("disputed", "We will not pay"),
    }
    titles = {words: title for _kind, words, title in marks if title}
    assert titles["All 23 crew were rescued."] == "Only this source: All 23 crew were rescued."
    assert titles["The ship ran aground on Monday."].startswith("Fact 1, corroborated by 2 sources:")
    assert "tonnes of fuel" in titles["It carried 2,300 tonnes of fuel."]
    # The quote is marked inside its corroborated sentence: nested, not cut in pieces.
    page_html = render_html(report)
    assert re.search(
        r'<mark class="corroborated"[^>]*>&quot;<mark class="disputed"[^>]*>We will not pay</mark>', page_html
    )
    # A sentence found in no paragraph ("missing sentence.") is not marked; case differs, so no mark either.
    assert "missing sentence." not in {words for _kind, words, _title in marks}


def test_crossing_and_repeated_passages_keep_the_markup_well_formed() -> None:
    base = example_report()
    story = base.stories[0]
    text = "alpha beta gamma delta. alpha beta gamma delta."
    first = source("one.txt", (text,))
    crossed = StoryReport(
        id="s0000000000000003",
        title="x",
        sources=(first, story.sources[1]),
        corroborated=(Fact("c", (Support("one.txt", "alpha beta gamma"),), 0.5),),
        single_source=(SingleClaim("one.txt", "s", "gamma delta."), SingleClaim("one.txt", "s2", "alpha beta gamma")),
        disagreements=(),
        quotes=(),
        timeline=(),
        brief=(),
    )
    page_html = render_html(Report("1.0", (crossed,)))
    page = Page(page_html)
    assert page_html.count("<mark") == page_html.count("</mark>")
    source_marks = [(kind, words, title) for kind, words, title in page.marks if title]
    # Both repeats of "alpha beta gamma" are marked once each, as corroborated (it outranks single), with both
    # labels; "gamma delta." crosses them, so it is left out rather than break the nesting.
    assert [(kind, words) for kind, words, _ in source_marks] == [("corroborated", "alpha beta gamma")] * 2
    assert all("Fact 1" in title and "Only this source: s2" in title for _, _, title in source_marks)
    assert text in "".join(page.text)


def test_every_section_of_a_multi_source_story_is_present() -> None:
    report = example_report()
    page_html = render_html(report)
    page = Page(page_html)
    ids = {attrs.get("id") for _tag, attrs in page.tags}
    for section in SECTIONS:
        assert f"story-1-{section}" in ids, section
    headings = "".join(page.text)
    for title in ("Brief", "Corroborated facts", "Single-source claims", "Disagreements", "Quotations", "Timeline"):
        assert title in headings
    assert {"story-1-source-1", "story-1-source-2", "story-1-source-3"} <= ids
    assert sum(tag == "details" for tag, _ in page.tags) == 3  # the noise of each source, collapsed
    assert not any("open" in attrs for tag, attrs in page.tags if tag == "details")
    assert "Share: Facebook | X" in headings
    assert '<span class="badge kind">figure</span>' in page_html
    assert '<span class="badge kind">quote wording</span>' in page_html
    assert '<a class="badge" href="#story-1-source-2" title="two.txt">2 · Outlet two.txt</a>' in page_html
    assert '<th scope="col">Speaker</th>' in page_html and '<th scope="col">From the words</th>' in page_html
    assert '<time datetime="2026-03-05">2026-03-05</time>' in page_html


def test_dates_of_a_source_without_publication_date() -> None:
    page_html = render_html(hostile_report())
    assert 'No publication date; read as of <time datetime="2026-03-03">2026-03-03</time>' in page_html
    assert "estimated from &lt;script&gt;" in page_html  # the estimate's evidence, when there is no note


def test_a_single_source_story_is_shown_briefly_as_set_apart() -> None:
    report = hostile_report()
    page = Page(render_html(report))
    ids = {attrs.get("id") for _tag, attrs in page.tags}
    assert "story-2" in ids
    assert not any(
        identifier and identifier.startswith("story-2-") and identifier.endswith("-facts") for identifier in ids
    )
    classes = [attrs.get("class") for tag, attrs in page.tags if tag == "article"]
    assert "story apart" in classes
    assert "Set apart:" in "".join(page.text)


def test_an_empty_report_is_still_a_page() -> None:
    page_html = render_html(Report("1.0", ()))
    assert page_html.startswith("<!DOCTYPE html>")
    assert "0 stories" in page_html


@pytest.mark.parametrize(
    ("fresh", "marked"),
    [
        ((), []),
        (("story-1-fact-2",), ["story-1-fact-2"]),
        (("story-1-source-3", "story-1-disagreement-1"), ["story-1-source-3", "story-1-disagreement-1"]),
        (("story-1-fact-9", "story-2-fact-1"), []),  # ids not on the page mark nothing
    ],
)
def test_a_story_fragment_is_the_reports_own_and_marks_what_is_new(fresh: tuple[str, ...], marked: list[str]) -> None:
    report = example_report()
    (story,) = report.stories
    plain = render_story_html(story)
    assert f"<main>{plain}</main>" in render_html(report)  # the full report is made of the same fragments
    fragment = render_story_html(story, 1, fresh)
    found = re.findall(r'<(?:li|article) (?:class="source new" id="([^"]+)"|id="([^"]+)" class="new")', fragment)
    assert sorted(a or b for a, b in found) == sorted(marked)
    assert fragment.replace(' class="new"', "").replace("source new", "source") == plain
