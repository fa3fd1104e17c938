"""An article's reading in the terminal: who is in it, who said what, when, how many, and its claims."""

from __future__ import annotations

import math
from datetime import date

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from corroborate.models import Figure, Reading, TimeExpression
from corroborate.report.safe import plain


def print_reading(reading: Reading, console: Console | None = None) -> None:
    (console or Console()).print(reading_panel(reading))


def reading_panel(reading: Reading) -> Panel:
    article = reading.article
    title = plain(article.title or "(no title)", style="bold")
    if not reading.analysed:
        body: RenderableType = Group(title, plain(reading.note or "not analysed", style="yellow"))
    else:
        body = Group(
            title,
            Text(f"{len(reading.sentences)} sentences, {len(reading.claims)} claims", style="dim"),
            *(
                part
                for part in (_entities(reading), _quotes(reading), _dates(reading), _figures(reading), _claims(reading))
                if part is not None
            ),
        )
    return Panel(body, title=plain(article.source), title_align="left", border_style="blue")


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", show_edge=False, expand=True)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _entities(reading: Reading) -> Table | None:
    if not reading.entities:
        return None
    table = _table("People, organisations, places", "name", "kind", "written as")
    for entity in reading.entities:
        style = "dim" if entity.role == "credit" else ""
        kind = f"{entity.label}, credit only" if entity.role == "credit" else entity.label
        forms = plain(", ".join(entity.mentions), style="dim")
        table.add_row(plain(entity.name, style=style), plain(kind, style=style), forms)
    return table


def _quotes(reading: Reading) -> Table | None:
    if not reading.quotes:
        return None
    table = _table("Quotations", "speaker", "words", "how")
    for quote in reading.quotes:
        if quote.scare:
            speaker = Text("(scare quotes)", style="dim")
        elif quote.speaker:
            speaker = plain(quote.speaker, style="bold")
        else:
            speaker = plain(f"unknown{f' ({quote.speaker_text})' if quote.speaker_text else ''}", style="yellow")
        words = plain(f'"{quote.text}"', style="italic" if quote.partial else "")
        how = " ".join(part for part in (quote.cue and f"cue: {quote.cue};", quote.how) if part)
        table.add_row(speaker, words, plain(how, style="dim"))
    return table


def _dates(reading: Reading) -> Table | None:
    if not reading.dates:
        return None
    table = _table("Dates", "words", "resolved to", "confidence")
    for expression in reading.dates:
        resolved = plain(describe_span(expression))
        table.add_row(plain(expression.text), resolved, Text(expression.confidence, style="dim"))
    return table


def describe_span(expression: TimeExpression) -> str:
    if expression.kind != "date":
        return expression.kind  # a duration, a recurrence, or the present, past or future with no date
    if expression.start is None or expression.end is None:
        return f"unresolved: {expression.note}"
    return describe_range(expression.start, expression.end)


def describe_range(start: date, end: date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()} to {end.isoformat()}"


def _figures(reading: Reading) -> Table | None:
    if not reading.figures:
        return None
    table = _table("Figures", "words", "value", "what")
    for figure in reading.figures:
        table.add_row(plain(figure.text), plain(describe_figure(figure)), plain(figure.what))
    return table


def describe_figure(figure: Figure) -> str:
    if not math.isfinite(figure.value):  # "1e400 dollars": a figure past what a float holds
        value = "too large to tell"
    else:
        value = f"{figure.value:,.0f}" if figure.value == int(figure.value) else f"{figure.value:,}"
    bound = "" if figure.bound == "exact" else f"{figure.bound} "
    return f"{bound}{value} {figure.unit}"


def _claims(reading: Reading) -> Table | None:
    if not reading.claims:
        return None
    table = _table("Claims", "#", "claim", "about")
    for number, claim in enumerate(reading.claims, start=1):
        table.add_row(str(number), plain(claim.text), plain(", ".join(claim.entities), style="dim"))
    return table
