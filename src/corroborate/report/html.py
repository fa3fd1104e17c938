"""The report as one self-contained HTML page: no script, nothing fetched, every word of an article escaped.

Per story: the brief, the sources side by side with what they corroborate, say alone or dispute highlighted in
their own text, then the corroborated facts, single-source claims, disagreements, quotations, timeline, the
noise set apart (collapsed) and the notes. Stories with a single source are shown briefly, as set apart.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import PurePath
from typing import Literal

from corroborate.models import Report, Source, StoryReport

__all__ = ["render_html", "render_story_html", "story_anchors"]

CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
_RANK = {"single": 0, "corroborated": 1, "disputed": 2}
_LEGEND = {
    "corroborated": "corroborated: other sources say it too",
    "single": "single source: only this source says it",
    "disputed": "disputed: the sources disagree here",
}


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _css() -> str:
    return resources.files("corroborate.report").joinpath("report.css").read_text(encoding="utf-8")


def render_html(report: Report) -> str:
    """The whole report as one HTML page."""
    stories = "".join(render_story_html(story, index) for index, story in enumerate(report.stories, 1))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f'<meta name="generator" content="corroborate, report schema {_e(report.schema_version)}">'
        f"<title>Corroboration report</title><style>{_css()}</style></head>\n"
        f"<body>{_head(report)}<main>{stories}</main></body></html>\n"
    )


def _head(report: Report) -> str:
    compared = sum(len(story.sources) > 1 for story in report.stories)
    toc = "".join(
        f'<li><a href="#story-{index}">{_e(story.title)}</a>{"" if len(story.sources) > 1 else " (set apart)"}</li>'
        for index, story in enumerate(report.stories, 1)
    )
    notes = _list(report.notes, "notes") if report.notes else ""
    return (
        '<header class="page-head"><h1>Corroboration report</h1>'
        f'<p class="muted">{len(report.stories)} stories; {compared} compared across several sources, '
        f"{len(report.stories) - compared} set apart with a single source.</p>"
        f'<nav class="toc" aria-label="Stories"><ol>{toc}</ol></nav>{notes}</header>'
    )


def render_story_html(
    story: StoryReport, index: int = 1, fresh: Iterable[str] = (), title_tag: Literal["h1", "h2"] = "h2"
) -> str:
    """One story's part of the report (an <article>, every word of an article escaped), the `index`-th of its
    page: what the full report holds per story and what the web app's story page shows. The elements whose ids
    are in `fresh` (story_anchors' names) are marked new (class "new"). The story's title is an h2 under the
    report's h1, an h1 on a page of its own (`title_tag`)."""
    if len(story.sources) > 1:
        return _story(index, story, frozenset(fresh), title_tag)
    return _apart(index, story, title_tag)


def story_anchors(index: int = 1) -> tuple[str, str, str]:
    """The id prefixes of a story's sources, facts and disagreements on its page; append the number (from 1)."""
    return f"story-{index}-source-", f"story-{index}-fact-", f"story-{index}-disagreement-"


@dataclass(frozen=True)
class _Names:
    """How a story's sources (known by id in the report) are named on the page: a number, a short name, the
    input's name and an anchor."""

    story: int
    sources: tuple[Source, ...]
    fresh: frozenset[str] = frozenset()

    def at(self, anchor: str) -> str:
        """The id attribute of an element, with the class that marks it new when it is."""
        return f'id="{anchor}"' + (' class="new"' if anchor in self.fresh else "")

    def number(self, source_id: str) -> int | None:
        return next((n for n, source in enumerate(self.sources, 1) if source.id == source_id), None)

    def anchor(self, source_id: str) -> str:
        return f"story-{self.story}-source-{self.number(source_id)}"

    def badge(self, source_id: str) -> str:
        number = self.number(source_id)
        if number is None:
            return f'<span class="badge">{_e(source_id)}</span>'
        source = self.sources[number - 1]
        label = f"{number} · {_short(source)}"
        return f'<a class="badge" href="#{self.anchor(source_id)}" title="{_e(source.name)}">{_e(label)}</a>'

    def tag(self, source_id: str) -> str:
        """The badge as plain text, for places a link does not belong (a <summary>)."""
        number = self.number(source_id)
        if number is None:
            return f'<span class="badge">{_e(source_id)}</span>'
        source = self.sources[number - 1]
        return f'<span class="badge" title="{_e(source.name)}">{_e(f"{number} · {_short(source)}")}</span>'

    def badges(self, source_ids: Iterable[str]) -> str:
        return "".join(self.badge(source_id) for source_id in dict.fromkeys(source_ids))


def _short(source: Source) -> str:
    return source.wire or (source.outlets[0] if source.outlets else PurePath(source.name).name)


def _story(index: int, story: StoryReport, fresh: frozenset[str], title_tag: str) -> str:
    names = _Names(index, story.sources, fresh)
    sid = f"story-{index}"
    sections = [
        ("Brief", "brief", _brief(story, names)),
        ("Sources side by side", "sources", _legend() + _sources(story, names)),
        ("Corroborated facts", "facts", _facts(story, names)),
        ("Single-source claims", "single", _singles(story, names)),
        ("Disagreements", "disagreements", _disagreements(story, names)),
        ("Quotations", "quotes", _quotes(story, names)),
        ("Timeline", "timeline", _timeline(story, names)),
        ("Set apart as noise", "removed", _removed(story, names)),
        ("Notes", "notes", _list(story.notes, "notes") if story.notes else "<p>None.</p>"),
    ]
    body = "".join(
        f'<section id="{sid}-{key}" aria-labelledby="{sid}-{key}-h"><h3 id="{sid}-{key}-h">{title}</h3>{html_}'
        "</section>"
        for title, key, html_ in sections
    )
    return (
        f'<article class="story" id="{sid}" aria-labelledby="{sid}-title">'
        f'<{title_tag} id="{sid}-title">{_e(story.title)}</{title_tag}>'
        f'<p class="muted">{len(story.sources)} independent sources · {len(story.corroborated)} corroborated facts'
        f" · {len(story.single_source)} single-source claims · {len(story.disagreements)} disagreements"
        f" · story {_e(story.id)}</p>"
        f"{body}</article>"
    )


def _apart(index: int, story: StoryReport, title_tag: str) -> str:
    names = _Names(index, story.sources)
    sources = "".join(_source_head(source, names) + _text(source, []) for source in story.sources)
    return (
        f'<article class="story apart" id="story-{index}"><{title_tag}>{_e(story.title)}</{title_tag}>'
        "<p><strong>Set apart:</strong> this story has a single source, so nothing corroborates or disputes it."
        f' <span class="muted">Story {_e(story.id)}.</span></p>'
        f"{_list(story.notes, 'notes') if story.notes else ''}"
        f"<details><summary>The source and its text</summary>{sources}</details></article>"
    )


def _brief(story: StoryReport, names: _Names) -> str:
    if not story.brief:
        return "<p>No brief: no claim was found.</p>"
    items = "".join(
        f"<li>{_e(sentence.text)} "
        + (
            '<span class="badge yes">corroborated</span>'
            if sentence.corroborated
            else '<span class="badge no">single source</span>'
        )
        + names.badges(sentence.sources)
        + "</li>"
        for sentence in story.brief
    )
    return f'<ol class="brief">{items}</ol>'


def _legend() -> str:
    items = "".join(f'<li><mark class="{kind}">{_e(text)}</mark></li>' for kind, text in _LEGEND.items())
    return f'<ul class="legend" aria-label="What the highlights mean">{items}</ul>'


def _sources(story: StoryReport, names: _Names) -> str:
    passages = _passages(story)
    columns = "".join(
        f'<article class="source{" new" if names.anchor(source.id) in names.fresh else ""}"'
        f' id="{names.anchor(source.id)}">{_source_head(source, names)}'
        f"{_text(source, passages.get(source.id, []))}</article>"
        for source in story.sources
    )
    return f'<div class="sources">{columns}</div>'


def _source_head(source: Source, names: _Names) -> str:
    facts = [
        ("Outlet", ", ".join(source.outlets)),
        ("Wire", source.wire or ""),
        ("By", ", ".join(source.authors)),
    ]
    meta = "".join(f"<li>{label}: {_e(value)}</li>" for label, value in facts if value)
    others = [name for name in source.articles if name != source.name]
    also = f"<li>Also published as: {_e(', '.join(others))}</li>" if others else ""
    return (
        f'<h4><span class="source-no">{names.number(source.id)}</span> · {_e(_short(source))}</h4>'
        f"<p><strong>{_e(source.title or '(no title)')}</strong></p>"
        f'<ul class="meta">{meta}<li>{_dated(source)}</li><li>File: {_e(source.name)}</li>{also}</ul>'
    )


def _dated(source: Source) -> str:
    if source.published is not None:
        return f"Published {_time(source.published)}"
    if source.reference_date is None:
        return "No date found"
    note = source.date_note
    if note is None and source.published_estimate is not None:
        note = "estimated from " + "; ".join(source.published_estimate.evidence)
    return f"No publication date; read as of {_time(source.reference_date)}" + (f" ({_e(note)})" if note else "")


def _time(day: date) -> str:
    return f'<time datetime="{_e(day.isoformat())}">{_e(day.isoformat())}</time>'


def _passages(story: StoryReport) -> dict[str, list[tuple[str, str, str]]]:
    """Per source, the passages to highlight in its text: (exact words, kind, what they are)."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for number, fact in enumerate(story.corroborated, 1):
        count = len({support.source for support in fact.support})
        for support in fact.support:
            label = f"Fact {number}, corroborated by {count} sources: {fact.claim}"
            out.setdefault(support.source, []).append((support.sentence, "corroborated", label))
    for claim in story.single_source:
        out.setdefault(claim.source, []).append((claim.sentence, "single", f"Only this source: {claim.claim}"))
    for item in story.disagreements:
        for side in item.sides:
            label = f"Disputed ({item.kind.replace('_', ' ')}): {item.about}. {item.why}"
            out.setdefault(side.source, []).append((side.text, "disputed", label))
    return out


def _text(source: Source, passages: Sequence[tuple[str, str, str]]) -> str:
    return '<div class="text">' + "".join(f"<p>{_highlight(p, passages)}</p>" for p in source.paragraphs) + "</div>"


def _highlight(paragraph: str, passages: Sequence[tuple[str, str, str]]) -> str:
    """The paragraph, escaped, with every passage found in it wrapped in a <mark> (nested when one holds another)."""
    spans: dict[tuple[int, int], tuple[str, list[str]]] = {}
    for words, kind, label in passages:
        start = paragraph.find(words) if words.strip() else -1
        while start != -1:
            key = (start, start + len(words))
            old_kind, labels = spans.get(key, (kind, []))
            spans[key] = (max(old_kind, kind, key=_RANK.__getitem__), [*labels, label])
            start = paragraph.find(words, key[1])
    pieces: list[str] = []
    pos = 0
    open_ends: list[int] = []
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        while open_ends and open_ends[-1] <= start:
            pos = _close(paragraph, pos, open_ends.pop(), pieces)
        if open_ends and end > open_ends[-1]:
            continue  # crosses a passage already open: leave it out rather than break the nesting
        kind, labels = spans[(start, end)]
        title = "\n".join(dict.fromkeys(labels))
        pieces.append(f'{_e(paragraph[pos:start])}<mark class="{kind}" title="{_e(title)}">')
        pos = start
        open_ends.append(end)
    while open_ends:
        pos = _close(paragraph, pos, open_ends.pop(), pieces)
    return "".join(pieces) + _e(paragraph[pos:])


def _close(paragraph: str, pos: int, end: int, pieces: list[str]) -> int:
    pieces.append(f"{_e(paragraph[pos:end])}</mark>")
    return end


def _facts(story: StoryReport, names: _Names) -> str:
    if not story.corroborated:
        return "<p>None: no claim is made by more than one source.</p>"
    items = "".join(
        f"<li {names.at(f'story-{names.story}-fact-{number}')}><strong>{_e(fact.claim)}</strong> "
        f'<span class="muted">(agreement {fact.score:.2f})</span><ul class="support">'
        + "".join(f"<li>{names.badge(s.source)}<blockquote>{_e(s.sentence)}</blockquote></li>" for s in fact.support)
        + "</ul></li>"
        for number, fact in enumerate(story.corroborated, 1)
    )
    return f'<ol class="facts">{items}</ol>'


def _singles(story: StoryReport, names: _Names) -> str:
    if not story.single_source:
        return "<p>None: every claim is made by more than one source.</p>"
    parts = []
    for source in story.sources:
        claims = [claim for claim in story.single_source if claim.source == source.id]
        if claims:
            items = "".join(
                f"<li>{_e(claim.claim)}"
                + (
                    f'<blockquote class="muted">{_e(claim.sentence)}</blockquote>'
                    if claim.sentence != claim.claim
                    else ""
                )
                + "</li>"
                for claim in claims
            )
            parts.append(f"<h4>{names.badge(source.id)} {len(claims)} claims</h4><ul>{items}</ul>")
    return "".join(parts)


def _disagreements(story: StoryReport, names: _Names) -> str:
    if not story.disagreements:
        return "<p>None found.</p>"
    items = "".join(
        f"<li {names.at(f'story-{names.story}-disagreement-{number}')}>"
        f'<span class="badge kind">{_e(item.kind.replace("_", " "))}</span> <strong>{_e(item.about)}</strong>'
        '<ul class="sides">'
        + "".join(f"<li>{names.badge(side.source)}<blockquote>{_e(side.text)}</blockquote></li>" for side in item.sides)
        + f"</ul><p><em>Why:</em> {_e(item.why)}</p></li>"
        for number, item in enumerate(story.disagreements, 1)
    )
    return f'<ol class="disagreements">{items}</ol>'


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A table of ready HTML cells; each cell carries its header, shown above it on a phone."""
    head = "".join(f'<th scope="col">{header}</th>' for header in headers)
    body = "".join(
        "<tr>"
        + "".join(f'<td data-label="{header}">{cell}</td>' for header, cell in zip(headers, row, strict=True))
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _quotes(story: StoryReport, names: _Names) -> str:
    if not story.quotes:
        return "<p>No quotations.</p>"
    rows = (
        (
            _e(entry.speaker) if entry.speaker else '<span class="muted">not told</span>',
            f"“{_e(entry.text)}”",
            names.badges(entry.sources),
            "<ul>" + "".join(f"<li>{names.badge(v.source)} “{_e(v.text)}”</li>" for v in entry.variants) + "</ul>"
            if entry.variants
            else '<span class="muted">—</span>',
        )
        for entry in story.quotes
    )
    return _table(("Speaker", "Words", "Sources", "Variants"), rows)


def _timeline(story: StoryReport, names: _Names) -> str:
    if not story.timeline:
        return "<p>No dated events.</p>"
    rows = (
        (
            _time(entry.date)
            + ("" if entry.end == entry.date else f" – {_time(entry.end)}")
            + f'<br><span class="muted">{_e(entry.confidence)}</span>',
            _e(entry.event),
            names.badges(entry.sources),
            "<ul>" + "".join(f"<li>{names.badge(x.source)} “{_e(x.text)}”</li>" for x in entry.expressions) + "</ul>",
        )
        for entry in story.timeline
    )
    return _table(("Date", "Event", "Sources", "From the words"), rows)


def _removed(story: StoryReport, names: _Names) -> str:
    parts = []
    for source in story.sources:
        items = "".join(
            f'<li><span class="badge">{_e(line.kind.replace("_", " "))}</span>{_e(line.text)}'
            + (f' <span class="why">— {_e(line.why)}</span>' if line.why else "")
            + "</li>"
            for line in source.removed
        )
        parts.append(
            f"<details><summary>{names.tag(source.id)} {len(source.removed)} lines set apart</summary>"
            f'<ul class="removed">{items or "<li>Nothing.</li>"}</ul></details>'
        )
    return "".join(parts)


def _list(items: Iterable[str], css: str) -> str:
    return f'<ul class="{css}">' + "".join(f"<li>{_e(item)}</li>" for item in items) + "</ul>"
