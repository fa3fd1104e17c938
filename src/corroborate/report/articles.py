"""Clean articles in the terminal: the text a reader wants, then what was set apart and why."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from corroborate.models import TEXT_KINDS, Article
from corroborate.report.safe import plain

_KIND_STYLE = {
    "caption": "cyan",
    "photo_credit": "cyan dim",
    "byline": "magenta",
    "wire": "magenta",
    "credit": "magenta dim",
    "widget": "red dim",
    "related_heading": "yellow",
    "related_headline": "yellow dim",
    "boilerplate": "red dim",
}


def print_article(article: Article, console: Console | None = None) -> None:
    console = console or Console()
    console.print(article_panel(article))


def article_panel(article: Article) -> Panel:
    """One article as a panel: title, facts about it, body, captions, and the lines set apart."""
    parts: list = [plain(article.title or "(no title)", style="bold")]
    if article.standfirst:
        parts.append(plain(article.standfirst, style="italic"))
    parts.append(_facts(article))
    subheadings = {line.text for line in article.lines if line.kind == "subheading"}
    parts.append(
        Text("\n\n").join(
            plain(paragraph, style="bold" if paragraph in subheadings else "") for paragraph in article.paragraphs
        )
    )
    if article.captions:
        captions = Table.grid(padding=(0, 1))
        captions.add_column(style="cyan")
        captions.add_column(style="cyan", ratio=1)
        for caption in article.captions:
            captions.add_row("•", plain(caption))
        parts.append(Group(Text("Captions", style="bold cyan"), captions))
    removed = [line for line in article.lines if line.kind not in TEXT_KINDS]
    if removed:
        parts.append(_removed_table(removed))
    return Panel(Group(*_spaced(parts)), title=plain(article.source), title_align="left", border_style="blue")


def _facts(article: Article) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim")
    table.add_column()
    rows = [
        ("Outlet", article.outlet),
        ("Wire", article.wire),
        ("Authors", ", ".join(article.authors)),
        ("Dateline", article.dateline),
        ("Published", _published(article)),
        (
            "Credits",
            "; ".join(f"{c.role}: {c.name}" + (f" ({c.agency})" if c.agency else "") for c in article.credits),
        ),
        ("URL", article.url),
    ]
    for label, value in rows:
        if value:
            table.add_row(label, plain(value))
    return table


def _published(article: Article) -> str:
    if article.published:
        return article.published.isoformat()
    estimate = article.published_estimate
    if estimate is None:
        return "unknown (no date in the text; give one with --date)"
    earliest = estimate.earliest.isoformat() if estimate.earliest else "?"
    bound = f"on or after {earliest}" if estimate.latest is None else f"between {earliest} and {estimate.latest}"
    return f"{bound}, estimated: " + "; ".join(estimate.evidence)


def _removed_table(lines: list) -> Table:
    table = Table(title=f"Set apart ({len(lines)} lines)", title_justify="left", show_edge=False, expand=True)
    table.add_column("kind, why", max_width=22)
    table.add_column("line", ratio=1)
    for line in lines:
        style = _KIND_STYLE.get(line.kind, "")
        label = Text(line.kind, style=style)
        if line.why and line.why != line.kind:
            label.append_text(plain(f"\n{line.why}", style="dim"))
        table.add_row(label, plain(line.text, style=style))
    return table


def _spaced(parts: list) -> list:
    spaced: list = []
    for part in parts:
        if spaced:
            spaced.append(Text(""))
        spaced.append(part)
    return spaced
