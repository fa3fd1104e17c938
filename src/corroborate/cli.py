"""The `corroborate` command: one subcommand per job, each a thin loop over the pipeline's stages.

Every input is processed on its own: an input that cannot be used gets one line on stderr naming it and
saying why, and the batch goes on. Exit status: 0 when every input was used, 1 when some were not,
2 for a wrong command line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any, TypeVar

from corroborate import __version__
from corroborate.errors import CorroborateError, InputError
from corroborate.ingest import IngestOptions, read_inputs
from corroborate.models import Article, RawDocument, Report, to_dict

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
T = TypeVar("T")


class Problems:
    """Counts what went wrong and tells the user, one line per problem, on stderr."""

    def __init__(self) -> None:
        self.failed = 0

    def error(self, source: str, reason: str) -> None:
        self.failed += 1
        print(f"corroborate: error: {source}: {reason}", file=sys.stderr)

    def warn(self, source: str, message: str) -> None:
        print(f"corroborate: warning: {source}: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except CorroborateError as error:
        print(f"corroborate: error: {error}", file=sys.stderr)
        return EXIT_SOME_FAILED
    except KeyboardInterrupt:
        print("corroborate: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `corroborate extract ... | head`: the reader has had enough
        sys.stderr.close()
        return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corroborate",
        description="What do several outlets' reports of one event establish, and where do they disagree?",
    )
    parser.add_argument("--version", action="version", version=f"corroborate {__version__}")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="clean articles out of HTML pages and scraped text",
        description="Print each input's clean article: its text, captions, metadata, "
        "and every line set apart as noise with the reason.",
    )
    _add_input_arguments(extract)
    extract.set_defaults(run=_run_extract)

    analyze = commands.add_parser(
        "analyze",
        help="read each article: entities, quotations, dates, figures, claims",
        description="Print each input's reading: its people, organisations and places, "
        "quotations with speakers, dates resolved, figures and claims.",
    )
    _add_input_arguments(analyze)
    analyze.set_defaults(run=_run_analyze)

    report = commands.add_parser(
        "report",
        help="compare the outlets: corroborated, single-source, disputed",
        description="Group the inputs into stories and report, per story, what several "
        "sources corroborate, what only one reports, where they disagree, who "
        "said what, a timeline and a brief.",
    )
    _add_input_arguments(report, formats=("text", "json", "markdown", "html"))
    report.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    report.add_argument(
        "--show-noise",
        action="store_true",
        help="also list, per source, the lines removed as noise (JSON and HTML always carry them)",
    )
    report.add_argument(
        "--no-embeddings",
        action="store_true",
        help="align claims by word overlap only, without the sentence-embedding model",
    )
    report.set_defaults(run=_run_report)
    return parser


def _add_input_arguments(command: argparse.ArgumentParser, formats: tuple[str, ...] = ("text", "json")) -> None:
    command.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files (.html, .htm, .txt, .json, .jsonl, optionally .gz), folders, or - for stdin",
    )
    json_help = "one JSON document" if "html" in formats else "one JSON object per article per line"
    more = "; markdown; html for one self-contained page" if "html" in formats else ""
    command.add_argument(
        "--format", choices=formats, default="text", help=f"text for the terminal (default); json for {json_help}{more}"
    )
    command.add_argument(
        "--date",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="publication date of the inputs, when you know it better than the pages do",
    )
    command.add_argument(
        "--max-size",
        type=float,
        default=10.0,
        metavar="MB",
        help="skip inputs larger than this many megabytes (default 10)",
    )


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date of the form YYYY-MM-DD") from None


def read_articles(args: argparse.Namespace, problems: Problems) -> Iterator[Article]:
    """The clean article of every usable input, telling `problems` about the others."""
    from corroborate.extract import ExtractOptions, extract

    options = ExtractOptions(published=args.date)
    for document in _documents(args, problems):
        article = _guarded(problems, document.source, lambda d=document: extract(d, options))
        if article is not None:
            for warning in article.warnings:
                problems.warn(article.source, warning)
            yield article


def _documents(args: argparse.Namespace, problems: Problems) -> Iterator[RawDocument]:
    for item in read_inputs(args.paths, IngestOptions(max_bytes=int(args.max_size * 1_000_000))):
        if isinstance(item, InputError):
            problems.error(item.source, item.reason)
        else:
            yield item


def _guarded(problems: Problems, source: str, step: Callable[[], Any]) -> Any:
    """Run one input's step; a failure is reported against that input and the batch goes on."""
    try:
        return step()
    except InputError as error:
        problems.error(error.source, error.reason)
    except RecursionError:
        problems.error(source, "too deeply nested to read (broken HTML?)")
    except Exception as error:
        problems.error(source, f"could not be processed ({type(error).__name__}: {error}); please report this")
    return None


def _run_extract(args: argparse.Namespace) -> int:
    problems = Problems()
    if args.format == "json":
        for article in read_articles(args, problems):
            _print_json_line(to_dict(article))
    else:
        from corroborate.report.articles import print_article

        for article in read_articles(args, problems):
            print_article(article)
    return EXIT_SOME_FAILED if problems.failed else EXIT_OK


def _run_analyze(args: argparse.Namespace) -> int:
    from corroborate.analyze import analyze

    problems = Problems()
    for reading in analyze(read_articles(args, problems)):
        if not reading.analysed:
            problems.warn(reading.article.source, reading.note or "not analysed")
        if args.format == "json":
            _print_json_line(reading.to_dict())
        else:
            from corroborate.report.readings import print_reading

            print_reading(reading)
    return EXIT_SOME_FAILED if problems.failed else EXIT_OK


def _run_report(args: argparse.Namespace) -> int:
    from corroborate.analyze import analyze
    from corroborate.compare import CompareOptions, compare_stories
    from corroborate.group import group_stories

    problems = Problems()
    articles = list(_with_progress(read_articles(args, problems), "Reading", len(args.paths)))
    if not articles:
        print("corroborate: error: no usable input: nothing to report", file=sys.stderr)
        return EXIT_SOME_FAILED
    readings = list(_with_progress(analyze(articles), "Analysing", len(articles)))
    for reading in readings:
        if not reading.analysed:
            problems.warn(reading.article.source, reading.note or "not analysed")
    report = compare_stories(group_stories(readings), CompareOptions(embeddings=not args.no_embeddings))
    _write_report(report, args)
    return EXIT_SOME_FAILED if problems.failed else EXIT_OK


def _with_progress(items: Iterable[T], label: str, total: int) -> Iterator[T]:
    """A progress bar on stderr for long runs in a terminal; nothing for short runs or pipes."""
    if total < 8 or not sys.stderr.isatty():
        yield from items
        return
    from rich.progress import track

    yield from track(items, description=label, total=total, console=_stderr_console(), transient=True)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _write_report(report: Report, args: argparse.Namespace) -> None:
    if args.format == "text":
        from rich.console import Console

        from corroborate.report.terminal import print_report

        if args.output:
            with open(args.output, "w", encoding="utf-8") as file:
                print_report(report, Console(file=file, width=120), show_noise=args.show_noise)
        else:
            print_report(report, show_noise=args.show_noise)
        return
    if args.format == "json":
        from corroborate.report.jsonout import render_json

        text = render_json(report)
    elif args.format == "markdown":
        from corroborate.report.markdown import render_markdown

        text = render_markdown(report, show_noise=args.show_noise)
    else:
        from corroborate.report.html import render_html

        text = render_html(report)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as file:
            file.write(text)
    else:
        sys.stdout.write(text)


def _print_json_line(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
