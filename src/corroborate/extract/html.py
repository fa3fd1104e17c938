"""Main text and metadata of an HTML page, with trafilatura, as lines with what the markup says of them.

trafilatura finds the article in the page and drops navigation, but keeps what sits inside the article's
markup: captions, credits, share widgets, "Read more" links. Those are left to the line classifier, which
is why this returns lines with hints rather than finished text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from corroborate.errors import InputError, NotAnArticle
from corroborate.extract.lines import continues


@dataclass(frozen=True)
class Page:
    """What trafilatura found: the main text as lines, each with a hint, and the page's metadata."""

    lines: tuple[str, ...]
    hints: tuple[str | None, ...]
    title: str | None
    description: str | None
    outlet: str | None
    authors: tuple[str, ...]
    published: date | None
    url: str | None
    language: str | None
    figure_captions: tuple[str, ...] = ()


_HINTS = {"head": "heading", "item": "item", "quote": "quote", "row": "item", "cell": "item"}


def read_page(source: str, html: str) -> Page:
    """The article inside `html`; `NotAnArticle` when the page holds no main text (a login page, a link list)."""
    import trafilatura  # imported here so that reading plain text never pays for it

    if "<" not in html:
        raise InputError(source, "not HTML (no markup found)")
    try:
        document: Any = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    except (
        ValueError,
        TypeError,
        AttributeError,
    ) as error:  # trafilatura's parser gives up on some broken markup
        raise InputError(source, f"broken HTML ({error})") from None
    if document is None or not (document.text or "").strip():
        raise NotAnArticle(
            source, "not an article: the page has no main text (a list of links, a form or a login page?)"
        )
    lines, hints = _lines_with_hints(document)
    return Page(
        lines=tuple(lines),
        hints=tuple(hints),
        title=document.title or None,
        description=document.description or None,
        outlet=document.sitename or None,
        authors=tuple(name.strip() for name in re.split(r"\s*;\s*", document.author or "") if name.strip()),
        published=_iso_date(document.date),
        url=document.url or None,
        language=document.language or _page_language(html),
        figure_captions=_figure_captions(html),
    )


def _lines_with_hints(document: object) -> tuple[list[str], list[str | None]]:
    """The lines of trafilatura's text, each hinted "heading", "item" or "quote" where its markup says so.

    A list item made of headings is hinted "teaser": a card with another story's headline and summary.
    """
    hinted: dict[str, str] = {}
    body = getattr(document, "body", None)
    if body is not None:
        for element in body.iter("head", "item", "quote", "row", "cell"):
            kind = _HINTS[element.tag]
            if element.tag == "item" and _only_headings(element):
                kind = "teaser"  # a list item made of headings alone is a card linking to another story
            for joiner in ("", " "):  # trafilatura's text joins some inline parts with a space, some without
                text = " ".join(joiner.join(element.itertext()).split())
                if text:
                    hinted.setdefault(text, kind)
    lines: list[str] = []
    hints: list[str | None] = []
    for raw in (getattr(document, "text", "") or "").split("\n"):
        line = raw.strip()
        if not line:
            continue
        hint = hinted.get(" ".join(line.split()).lstrip("- ").strip())
        if lines and hint is None and hints[-1] is None and continues(lines[-1], line):
            lines[-1] = f"{lines[-1]} {line}"  # a paragraph the page broke with <br>
        else:
            lines.append(line)
            hints.append(hint)
    return lines, hints


def _only_headings(item: Any) -> bool:
    """A list item whose content is headings and nothing else (no paragraph, no text of its own)."""
    children = list(item)
    return (
        bool(children)
        and all(child.tag == "head" for child in children)
        and not (item.text or "").strip()
        and not any((child.tail or "").strip() for child in children)
    )


def _iso_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def _page_language(html: str) -> str | None:
    match = _LANG.search(html[:5000])
    return match.group(1).lower() if match else None


_FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _figure_captions(html: str) -> tuple[str, ...]:
    """The captions of the page's figures: trafilatura leaves figures out, but their credits name people who
    made the article (photographers), and their words can carry facts."""
    from html import unescape

    captions = (" ".join(unescape(_TAG.sub(" ", match)).split()) for match in _FIGCAPTION.findall(html))
    return tuple(dict.fromkeys(caption for caption in captions if caption))
