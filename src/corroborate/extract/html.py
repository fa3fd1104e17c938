"""Main text and metadata of an HTML page, with trafilatura, as lines with what the markup says of them.

trafilatura finds the article in the page and drops navigation, but keeps what sits inside the article's
markup: captions, credits, share widgets, "Read more" links. Those are left to the line classifier, which
is why this returns lines with hints rather than finished text: the hints (shape.Hint) carry what the markup says
of a line (a heading and its level, an item of a list, a line of a quotation or of a program) once trafilatura's
text has lost it. The publication date is trafilatura's unless the page's markup says that date is its update.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html import unescape
from typing import Any

from corroborate.errors import InputError, NotAnArticle
from corroborate.extract.patterns import BOX_HEADING
from corroborate.extract.shape import Hint, continues


@dataclass(frozen=True)
class Page:
    """What trafilatura found: the main text as lines, each with a hint, and the page's metadata."""

    lines: tuple[str, ...]
    hints: tuple[Hint, ...]
    title: str | None
    description: str | None
    outlet: str | None
    authors: tuple[str, ...]
    published: date | None
    url: str | None
    language: str | None
    figure_captions: tuple[str, ...] = ()


_HINTS = {"item": "item", "quote": "quote", "code": "code", "row": "item", "cell": "item"}
_LEVELS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCKS = frozenset({"p", "head", "list", "item", "quote", "code", "table", "row", "cell", "div"})
"""trafilatura's block elements: each starts a line of its text, except inside a list item or a table cell."""
_INLINE_PARENTS = frozenset({"p", "head", "item", "cell", "hi", "ref", "code", "del"})
"""A <code> inside one of these is a word of prose set in code type, not a block of code."""


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
        title=page_title(html, document.title or None),
        description=document.description or None,
        outlet=document.sitename or None,
        authors=tuple(name.strip() for name in re.split(r"\s*;\s*", document.author or "") if name.strip()),
        published=publication_date(html, _iso_date(document.date)),
        url=document.url or None,
        language=document.language or _page_language(html),
        figure_captions=_figure_captions(html),
    )


def _lines_with_hints(document: object) -> tuple[list[str], list[Hint]]:
    """The lines of trafilatura's text, each hinted where its markup says what it is: a heading ("h1" to "h6"), an
    item of a list or a cell of a table ("item"), a line of a block quotation ("quote") or of a block of code ("code").

    A list item made of headings is hinted "teaser": a card with another story's headline and summary, or an item
    of the article's own list set as a heading (lines.py tells them apart).
    """
    hinted: dict[str, str] = {}
    body = getattr(document, "body", None)
    if body is not None:
        for element in body.iter("head", "item", "quote", "code", "row", "cell"):
            if element.tag == "code" and element.getparent() is not None and element.getparent().tag in _INLINE_PARENTS:
                continue  # a word set in code type inside a sentence
            if element.tag == "head":
                kind = element.get("rend") if element.get("rend") in _LEVELS else "heading"
            elif element.tag == "item" and _only_headings(element):
                kind = "teaser"
            else:
                kind = _HINTS[element.tag]
            split = element.tag in ("quote", "code")  # a quotation's paragraphs and a program's lines are lines
            for joiner in ("", " "):  # trafilatura's text joins some inline parts with a space, some without
                for piece in _pieces(element, joiner, split):
                    hinted.setdefault(piece, kind)
    lines: list[str] = []
    hints: list[Hint] = []
    for raw in (getattr(document, "text", "") or "").split("\n"):
        line = raw.strip()
        if not line:
            continue
        hint = hinted.get(" ".join(line.split()).lstrip("- ").strip()) or hinted.get(" ".join(line.split()))
        if lines and hint is None and hints[-1] is None and continues(lines[-1], line):
            lines[-1] = f"{lines[-1]} {line}"  # a paragraph the page broke with <br>
        else:
            lines.append(line)
            hints.append(hint)
    return lines, hints


def _pieces(element: Any, joiner: str, split: bool) -> list[str]:
    """The lines `element` shows in trafilatura's text: its text broken at line ends and <lb/>, and (`split`) at the
    block elements inside it; whitespace squeezed. Walked with a stack, not recursion: a page may nest deeply."""
    parts: list[str] = []
    stack: list[tuple[Any, bool]] = [(element, False)]  # (node, closing): a node is met when it opens and closes
    while stack:
        node, closing = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else None  # a comment or an instruction: only its tail counts
        block = split and node is not element and tag in _BLOCKS
        if closing:
            if block:
                parts.append("\n")
            if node is not element and node.tail:
                parts.append(node.tail)
            continue
        if tag == "lb" or block:
            parts.append("\n")
        if tag and node.text:
            parts.append(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return [text for piece in joiner.join(parts).split("\n") if (text := " ".join(piece.split()))]


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
    captions = (" ".join(unescape(_TAG.sub(" ", match)).split()) for match in _FIGCAPTION.findall(html))
    return tuple(dict.fromkeys(caption for caption in captions if caption))


_TITLE_ELEMENT = re.compile(r"<title\b[^>]*>([^<]{1,400})</title>", re.IGNORECASE)
_TITLE_KEYS = ("og:title", "twitter:title")


def page_title(html: str, guessed: str | None) -> str | None:
    """The page's title: trafilatura's (which may be the top heading of the page), unless that is the heading of a
    box beside the story ("Quick facts", "Information and Resources": WebMD's one <h1>, of Readability's test pages);
    then the title the page's head states (og:title, else <title>)."""
    if guessed and not BOX_HEADING.match(" ".join(guessed.split())):
        return guessed
    end = html.lower().find("</head>")
    head = html[:end] if end >= 0 else html
    stated = _meta_values(head, _TITLE_KEYS) or next(
        (text for match in _TITLE_ELEMENT.finditer(head) if (text := " ".join(unescape(match.group(1)).split()))),
        None,
    )
    return stated or guessed


_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_TIME_PUBLISHED = re.compile(
    r"<time\b(?=[^>]*\b(?:itemprop\s*=\s*[\"']?datePublished|pubdate\b))[^>]*\bdatetime\s*=\s*[\"']?([^\"'\s>]+)",
    re.IGNORECASE,
)
_JSON_LD_PUBLISHED = re.compile(r"\"datePublished\"\s*:\s*\"([^\"]+)\"")
_JSON_LD_MODIFIED = re.compile(r"\"dateModified\"\s*:\s*\"([^\"]+)\"")
_PUBLISHED_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "published_time",
    "article.published",
    "datepublished",
    "date_published",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "original-publish-date",
)
"""Names, in the order they are trusted, under which a page's <meta> tags state when it was published."""
_MODIFIED_KEYS = frozenset(
    {"article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified", "lastmod"}
)


def publication_date(html: str, guessed: date | None) -> date | None:
    """When the page was published: trafilatura's date (htmldate weighs every date of the page), unless it is a
    date the markup gives as the page's last modification while the markup states another as its publication
    (a page updated years later, "Last Updated: January 7, 2025", is not news of 2025); or none was guessed.

    The stated publication date is JSON-LD's "datePublished", else a <meta> tag of the head named in
    `_PUBLISHED_KEYS`, else a <meta> or <time> of the body so marked (the first: later ones may be other stories'
    cards). JSON-LD first: some pages fill "article:published_time" with their last publication (Medium, NBC News,
    of Readability's test pages), where JSON-LD and htmldate agree on the first.
    """
    end = html.lower().find("</head>")
    head, rest = (html[:end], html[end:]) if end >= 0 else ("", html)
    stated = (
        _first_date(_JSON_LD_PUBLISHED, html)
        or _meta_dates(head, _PUBLISHED_KEYS)
        or _meta_dates(rest, _PUBLISHED_KEYS)
        or _first_date(_TIME_PUBLISHED, rest)
    )
    if guessed is None or stated is None or stated == guessed:
        return guessed or stated
    modified = {_iso_date(match.group(1).strip()) for match in _JSON_LD_MODIFIED.finditer(html)}
    modified.add(_meta_dates(html, tuple(_MODIFIED_KEYS)))
    return stated if guessed in modified else guessed


def _meta_dates(html: str, keys: tuple[str, ...]) -> date | None:
    """The date of the first of `keys` (in their order) that a <meta> tag of `html` states."""
    stated = _meta_contents(html, keys)
    for key in keys:
        if key in stated and (found := _iso_date(stated[key].strip())):
            return found
    return None


def _meta_values(html: str, keys: tuple[str, ...]) -> str | None:
    """The text of the first of `keys` (in their order) that a <meta> tag of `html` states, whitespace squeezed."""
    stated = _meta_contents(html, keys)
    return next((text for key in keys if (text := " ".join(unescape(stated.get(key, "")).split()))), None)


def _meta_contents(html: str, keys: tuple[str, ...]) -> dict[str, str]:
    """The content of each <meta> tag of `html` named by one of `keys` (the first tag of each name)."""
    stated: dict[str, str] = {}
    for tag in _META.findall(html):
        attributes = {name.lower(): next(filter(None, values), "") for name, *values in _ATTRIBUTE.findall(tag)}
        key = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "").lower()
        if key in keys and attributes.get("content"):
            stated.setdefault(key, attributes["content"])
    return stated


def _first_date(pattern: re.Pattern[str], html: str) -> date | None:
    for match in pattern.finditer(html):
        if found := _iso_date(match.group(1).strip()):
            return found
    return None
