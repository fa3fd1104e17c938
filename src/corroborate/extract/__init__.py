"""Stage 2, extract: a `RawDocument` (HTML page or scraped text) becomes a clean, described `Article`.

    HTML ──trafilatura──┐
                        ├─ lines ─ normalise ─ unwrap ─ classify ─┬─ paragraphs, captions
    scraped text ───────┘                                          └─ wire, authors, credits, dateline, date

Nothing is dropped silently: every line the stage worked on is in `Article.lines` with its kind, and the
lines that are not the article's text say why. No language model is loaded here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from corroborate.extract import dates, metadata
from corroborate.extract.html import read_page
from corroborate.extract.language import detect_language
from corroborate.extract.lines import Context, classify
from corroborate.extract.news import check_is_news, own_text
from corroborate.extract.normalize import normalize_line
from corroborate.extract.shape import Hint, continues, shape_hint, strip_bullet, words
from corroborate.models import Article, Line, RawDocument

__all__ = ["ExtractOptions", "extract"]


@dataclass(frozen=True)
class ExtractOptions:
    """`published`: the publication date when the user knows it; it wins over anything found in the input."""

    published: date | None = None


def extract(document: RawDocument, options: ExtractOptions | None = None) -> Article:
    """The clean article in `document`; a short news brief is one too, with a warning. Raises `NotAnArticle` when
    what it holds is not news (a form, a menu, a cookie notice, an error page: see `news.check_is_news`)."""
    options = options or ExtractOptions()
    given = document.given
    read = _read(document)
    lines, context = read.lines, read.context
    brief = check_is_news(document.source, lines, read.hints)
    dateline = next((metadata.find_dateline(line.text) for line in lines if line.kind == "body"), None)
    paragraphs = _paragraphs(lines, dateline)
    captions = tuple(
        text for line in lines if line.kind == "caption" and (text := metadata.strip_photo_credit(line.text))
    )
    published = options.published or given.published or read.published or _stated_date(lines)
    estimate = None if published else dates.estimate([*paragraphs, *captions])
    return Article(
        source=document.source,
        title=next((line.text for line in lines if line.kind == "title"), None) or context.title,
        standfirst=next((line.text for line in lines if line.kind == "standfirst"), None),
        outlet=given.outlet or read.outlet or metadata.find_outlet(lines),
        wire=metadata.find_wire(lines, dateline),
        authors=given.authors
        or metadata.find_authors(_head(lines))
        or metadata.clean_authors(read.authors)
        or metadata.find_authors(lines),
        credits=metadata.find_credits(lines),
        dateline=dateline.place if dateline else None,
        published=published,
        published_estimate=estimate,
        paragraphs=paragraphs,
        captions=captions,
        lines=tuple(lines),
        url=read.url,
        language=detect_language("\n".join(paragraphs)) or read.language,
        warnings=(*document.warnings, brief) if brief else document.warnings,
    )


@dataclass(frozen=True)
class _Read:
    """The classified lines of a document and what its markup said, before any check that it is an article."""

    lines: list[Line]
    hints: list[Hint]
    context: Context
    outlet: str | None
    authors: tuple[str, ...]
    published: date | None
    url: str | None
    language: str | None


def _read(document: RawDocument) -> _Read:
    """Lines of the page's main text (or of the scraped text), normalised and classified, with the page's metadata.

    bench/extraction.py calls it to show the lines of a page that `extract` found to be no article.
    """
    given = document.given
    if document.format == "html":
        page = read_page(document.source, document.text)
        raw_lines, hints = list(page.lines), list(page.hints)
        context = Context(
            title=given.title or page.title,
            description=page.description,
            url=given.url or page.url,
            authors=given.authors or page.authors,
        )
        found = (page.outlet, page.authors, page.published, given.url or page.url, page.language)
    else:
        raw_lines, hints = _text_lines(document.text)
        context = Context(title=given.title, url=given.url, authors=given.authors)
        found = (None, (), None, given.url, None)
    normalized = [normalize_line(line) for line in raw_lines]
    hints = [shape_hint(line, hint) for line, hint in zip(normalized, hints, strict=True)]
    normalized = [
        strip_bullet(line) if hint in ("item", "teaser") else line for line, hint in zip(normalized, hints, strict=True)
    ]
    lines = classify(normalized, hints, context)
    if document.format == "html":
        present = {line.text for line in lines}
        captions = [text for text in map(normalize_line, page.figure_captions) if text not in present]
        lines += [Line(text, "caption", "caption of a figure of the page (outside the main text)") for text in captions]
        hints += [None] * len(captions)
    return _Read(lines, hints, context, *found)


def _text_lines(text: str) -> tuple[list[str], list[str | None]]:
    """Non-empty lines of scraped text, hard-wrapped paragraphs joined back into one line."""
    lines: list[str] = []
    previous_blank = True
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            previous_blank = True
            continue
        if lines and not previous_blank and continues(lines[-1], line):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
        previous_blank = False
    return lines, [None] * len(lines)


def _paragraphs(lines: list[Line], dateline: metadata.Dateline | None) -> tuple[str, ...]:
    """The article's own text (`news.own_text`: a news item of one line is its headline), dateline taken off."""
    paragraphs: list[str] = []
    for line in own_text(lines):
        text = line.text
        if dateline and not paragraphs and line.kind == "body":
            text = text[dateline.length :]
        paragraphs.append(text)
    return tuple(paragraphs)


def _head(lines: list[Line]) -> list[Line]:
    """The lines above the article's first paragraph: its byline stands there. A byline under a paragraph may be
    another story's, on a card with its summary (a front page's list), so the page's metadata comes first."""
    first = next((index for index, line in enumerate(lines) if line.kind == "body" and words(line.text) >= 8), None)
    return lines[:first] if first is not None else lines


def _stated_date(lines: list[Line]) -> date | None:
    """The date a timestamp line or a byline near the top says the page was published ("Published November 27,
    2019"); never the one it says the page was updated ("Updated: Nov. 28, 2019")."""
    for line in lines[:15]:
        stamped = (line.kind == "boilerplate" and line.why == "timestamp") or line.kind == "byline"
        if stamped and (when := dates.stated_publication(line.text)):
            return when
    return None
