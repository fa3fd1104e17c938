"""The library's stories in the terminal: one row per story, with what `report --story` needs (its id)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from corroborate.models import StorySummary
from corroborate.report.readings import describe_range
from corroborate.report.safe import plain


def print_stories(summaries: Sequence[StorySummary], search: str | None = None, console: Console | None = None) -> None:
    console = console or Console()
    if not summaries:
        console.print(plain(f"No story matches {search!r}." if search else "The library holds no story yet."))
        return
    console.print(stories_table(summaries, search))


def stories_table(summaries: Sequence[StorySummary], search: str | None = None) -> Table:
    """One row per story: its id (what `report --story` takes), then its title and what tells it apart."""
    title = f"Stories matching {search!r}" if search else "Stories, newest first"
    table = Table(title=plain(title), title_justify="left", show_lines=True, expand=True)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("story", ratio=1)
    for summary in summaries:
        cell = plain(summary.title or "(no title)", style="bold")
        facts = [
            f"{summary.sources} source{'s' * (summary.sources != 1)}, "
            f"{summary.articles} article{'s' * (summary.articles != 1)}",
            _dates(summary),
            ", ".join(summary.outlets),
        ]
        cell.append_text(plain("\n" + " · ".join(fact for fact in facts if fact), style="dim"))
        for match in summary.matches:
            if match != summary.title:
                cell.append_text(plain(f"\nmatches: {match}", style="dim italic"))
        table.add_row(plain(summary.id), cell)
    return table


def _dates(summary: StorySummary) -> str:
    if summary.earliest is None or summary.latest is None:
        return "undated"
    return ("≈ " if summary.estimated else "") + describe_range(summary.earliest, summary.latest)
