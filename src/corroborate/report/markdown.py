"""The report as Markdown: one section per story, every claim with the sources behind it.

Every word from an article or a file name goes in through `_text` (or `_code` for a file name): no control
character, no raw HTML, no link or emphasis it did not have as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from corroborate.models import Report, Source, StoryReport
from corroborate.report.readings import describe_range
from corroborate.report.safe import printable

KIND_NAMES = {
    "quote_wording": "Quotation worded differently",
    "quote_speaker": "Quotation attributed differently",
    "figure": "Figures differ",
    "date": "Dates differ",
    "name": "Names differ",
}


def render_markdown(report: Report, show_noise: bool = False) -> str:
    parts = ["# corroborate report", ""]
    for number, story in enumerate(report.stories, start=1):
        parts.extend(_story(number, story, show_noise))
    return "\n".join(parts).rstrip() + "\n"


def _story(number: int, story: StoryReport, show_noise: bool) -> list[str]:
    label = {source.id: f"[{index}]" for index, source in enumerate(story.sources, start=1)}
    lines = [f"## {number}. {_text(story.title)}", "", f"Story `{story.id}`.", ""]
    if len(story.sources) == 1:
        lines += ["*Set apart: no other input tells this story.*", ""]
    lines += ["### Sources", ""]
    for index, source in enumerate(story.sources, start=1):
        lines.append(f"{index}. {_describe(source)}")
    lines.append("")
    if story.brief:
        lines += ["### Brief", ""]
        lines += [
            f"{_line(sentence.text)} {_refs(sentence.sources, label)}"
            + ("" if sentence.corroborated else " *(one source only)*")
            for sentence in story.brief
        ]
        lines.append("")
    if story.corroborated:
        lines += ["### Corroborated", ""]
        for fact in story.corroborated:
            lines.append(f"- **{_text(fact.claim)}** {_refs([s.source for s in fact.support], label)}")
            lines += [f"  - {label[s.source]} {_quote(s.sentence)}" for s in fact.support]
        lines.append("")
    if story.single_source:
        lines += ["### Reported by one source only", ""]
        for source in story.sources:
            claims = [single for single in story.single_source if single.source == source.id]
            if claims:
                lines.append(f"- {label[source.id]} {_code(source.name)}")
                lines += [f"  - {_text(single.claim)}" for single in claims]
        lines.append("")
    if story.disagreements:
        lines += ["### Disagreements", ""]
        for disagreement in story.disagreements:
            lines.append(f"- **{KIND_NAMES[disagreement.kind]}**: {_text(disagreement.about)}")
            lines += [f"  - {label.get(side.source, side.source)} {_quote(side.text)}" for side in disagreement.sides]
            lines.append(f"  - *Why flagged:* {_text(disagreement.why)}")
        lines.append("")
    if story.quotes:
        lines += ["### Quotations", "", "| Speaker | Words | Sources |", "| --- | --- | --- |"]
        for quote in story.quotes:
            words = _cell(f'"{quote.text}"')
            if quote.variants:
                words += "<br>" + "<br>".join(
                    _cell(f'{label.get(side.source, side.source)} "{side.text}"') for side in quote.variants
                )
            lines.append(f"| {_cell(quote.speaker or 'unknown')} | {words} | {_refs(quote.sources, label)} |")
        lines.append("")
    if story.timeline:
        lines += ["### Timeline", "", "| Date | Event | Sources (words) |", "| --- | --- | --- |"]
        for entry in story.timeline:
            when = describe_range(entry.date, entry.end)
            said = ", ".join(f'{label.get(side.source, side.source)} "{side.text}"' for side in entry.expressions)
            lines.append(f"| {when} | {_cell(entry.event)} | {_cell(said)} |")
        lines.append("")
    if show_noise:
        lines += ["### Removed as noise", ""]
        for source in story.sources:
            lines.append(f"- {label[source.id]} {_code(source.name)}")
            lines += [f"  - *{line.kind}* ({_text(line.why or '')}): {_text(line.text)}" for line in source.removed]
        lines.append("")
    if story.notes:
        lines += ["### Notes", ""] + [f"- {_text(note)}" for note in story.notes] + [""]
    return lines


def _describe(source: Source) -> str:
    facts = [_code(source.name)]
    if len(source.articles) > 1:
        facts.append("(also " + ", ".join(_code(article) for article in source.articles[1:]) + ": the same wire story)")
    if source.title:
        facts.append(f"*{_text(source.title)}*")
    details = []
    if source.outlets:
        details.append(", ".join(source.outlets))
    if source.wire:
        details.append(f"wire: {source.wire}")
    if source.authors:
        details.append("by " + ", ".join(source.authors))
    details.append(_date(source))
    return " ".join(facts) + " — " + "; ".join(_text(detail) for detail in details)


def _date(source: Source) -> str:
    if source.published:
        return f"published {source.published.isoformat()}"
    if source.reference_date:
        return f"undated; read as {source.date_note or 'on or after ' + source.reference_date.isoformat()}"
    return "date unknown"


def _refs(sources: Iterable[str], label: dict[str, str]) -> str:
    return "".join(label.get(source, f"[{source}]") for source in dict.fromkeys(sources))


def _quote(text: str) -> str:
    return f"“{_text(text)}”"


def _text(text: str) -> str:
    """Text from an article, made inert for Markdown: no HTML, no accidental emphasis or links."""
    text = printable(text)  # first: an escape sequence must not swallow the backslash of an escape
    for character, escaped in (
        ("\\", "\\\\"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ("*", "\\*"),
        ("_", "\\_"),
        ("[", "\\["),
        ("]", "\\]"),
        ("`", "\\`"),
    ):
        text = text.replace(character, escaped)
    return " ".join(text.split())


def _line(text: str) -> str:
    """Article text that opens a line: escaped so that it cannot start a heading, a list or a rule."""
    return _LINE_START.sub(r"\1\\\2", _text(text))


_LINE_START = re.compile(r"^(\d*)([#+=>-]|(?<=\d)[.)])")


def _code(name: str) -> str:
    """A file name or URL as inline code: fenced with more backticks than it holds, so it cannot close early."""
    name = " ".join(printable(name).split())
    fence = "`" * (max((len(run) for run in re.findall("`+", name)), default=0) + 1)
    padding = " " if "`" in name else ""
    return f"{fence}{padding}{name}{padding}{fence}"


def _cell(text: str) -> str:
    return _text(text).replace("|", "\\|")
