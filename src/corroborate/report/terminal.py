"""The report in the terminal, with rich: one panel per story, tables for what holds and what does not.

Every word from an article or a file name goes in through `plain`: without control characters, never markup.
"""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from corroborate.models import Report, StoryReport
from corroborate.report.markdown import KIND_NAMES
from corroborate.report.readings import describe_range
from corroborate.report.safe import plain

SOURCE_COLOURS = ("cyan", "magenta", "green", "yellow", "blue", "red")


def print_report(report: Report, console: Console | None = None, show_noise: bool = False) -> None:
    console = console or Console()
    for number, story in enumerate(report.stories, start=1):
        console.print(story_panel(number, story, show_noise))


def story_panel(number: int, story: StoryReport, show_noise: bool = False) -> Panel:
    labels = {
        source.id: Text(f"[{index}]", style=SOURCE_COLOURS[(index - 1) % len(SOURCE_COLOURS)])
        for index, source in enumerate(story.sources, start=1)
    }
    parts: list[RenderableType] = [_sources(story)]
    if len(story.sources) == 1:
        parts.insert(0, Text("Set apart: no other input tells this story.", style="yellow"))
    if story.brief:
        brief = Text()
        for sentence in story.brief:
            brief.append_text(plain(sentence.text + " "))
            for source in sentence.sources:
                brief.append_text(labels[source])
            if not sentence.corroborated:
                brief.append(" (one source)", style="dim italic")
            brief.append("\n")
        parts.append(Panel(brief, title="Brief", title_align="left", border_style="dim"))
    for section in (
        _corroborated(story, labels),
        _single(story, labels),
        _disagreements(story, labels),
        _quotes(story, labels),
        _timeline(story, labels),
        _noise(story, labels) if show_noise else None,
    ):
        if section is not None:
            parts.append(section)
    for note in story.notes:
        parts.append(plain(f"Note: {note}", style="dim"))
    return Panel(
        Group(*parts),
        title=plain(f"{number}. {story.title}", style="bold"),
        title_align="left",
        subtitle=plain(f"story {story.id}"),
        subtitle_align="right",
        border_style="blue",
    )


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", show_edge=False, expand=True)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _refs(sources, labels) -> Text:
    return Text.assemble(*(labels.get(source, plain(source)) for source in dict.fromkeys(sources)))


def _sources(story: StoryReport) -> Table:
    table = _table("Sources", "#", "input", "outlet / wire", "authors", "date")
    for index, source in enumerate(story.sources, start=1):
        name = "\n".join(source.articles)
        outlet = ", ".join(source.outlets) + (f" (wire: {source.wire})" if source.wire else "")
        when = (
            source.published.isoformat()
            if source.published
            else (f"≈ {source.reference_date.isoformat()}" if source.reference_date else "unknown")
        )
        table.add_row(
            Text(f"[{index}]", style=SOURCE_COLOURS[(index - 1) % len(SOURCE_COLOURS)]),
            plain(name),
            plain(outlet.strip() or "-"),
            plain(", ".join(source.authors) or "-"),
            plain(when),
        )
    return table


def _corroborated(story: StoryReport, labels) -> Table | None:
    if not story.corroborated:
        return None
    table = _table(f"Corroborated ({len(story.corroborated)})", "claim", "sources")
    for fact in story.corroborated:
        table.add_row(plain(fact.claim, style="green"), _refs([s.source for s in fact.support], labels))
    return table


def _single(story: StoryReport, labels) -> Table | None:
    if not story.single_source:
        return None
    table = _table(f"Reported by one source only ({len(story.single_source)})", "source", "claim")
    for single in story.single_source:
        table.add_row(labels[single.source], plain(single.claim))
    return table


def _disagreements(story: StoryReport, labels) -> Table | None:
    if not story.disagreements:
        return None
    table = _table(f"Disagreements ({len(story.disagreements)})", "kind", "sides", "why")
    for disagreement in story.disagreements:
        sides = Text()
        for side in disagreement.sides:
            sides.append_text(labels.get(side.source, plain(side.source)))
            sides.append_text(plain(f" {side.text}\n"))
        kind = Text(KIND_NAMES[disagreement.kind], style="bold red")
        table.add_row(kind, sides, plain(disagreement.why, style="dim"))
    return table


def _quotes(story: StoryReport, labels) -> Table | None:
    if not story.quotes:
        return None
    table = _table("Quotations", "speaker", "words", "sources")
    for quote in story.quotes:
        words = plain(f'"{quote.text}"', style="italic")
        for side in quote.variants:
            words.append("\n")
            words.append_text(labels.get(side.source, plain(side.source)))
            words.append_text(plain(f' "{side.text}"', style="dim"))
        table.add_row(
            plain(quote.speaker or "unknown", style="bold" if quote.speaker else "yellow"),
            words,
            _refs(quote.sources, labels),
        )
    return table


def _timeline(story: StoryReport, labels) -> Table | None:
    if not story.timeline:
        return None
    table = _table("Timeline", "date", "event", "sources")
    for entry in story.timeline:
        when = describe_range(entry.date, entry.end)
        said = Text()
        for side in entry.expressions:
            said.append_text(labels.get(side.source, plain(side.source)))
            said.append_text(plain(f' "{side.text}" ', style="dim"))
        table.add_row(plain(when), plain(entry.event), said)
    return table


def _noise(story: StoryReport, labels) -> Table:
    table = _table("Removed as noise", "source", "kind", "line")
    for source in story.sources:
        for line in source.removed:
            table.add_row(labels[source.id], line.kind, plain(line.text, style="dim"))
    return table
