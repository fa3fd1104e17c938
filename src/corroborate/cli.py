"""The `corroborate` command: one subcommand per job, each a thin loop over the pipeline's stages.

Every input is processed on its own: an input that cannot be used gets one line on stderr naming it and
saying why, and the batch goes on. Exit status: 0 when every input was used, 1 when some were not,
2 for a wrong command line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any

from corroborate import __version__
from corroborate.errors import CorroborateError, InputError
from corroborate.ingest import IngestOptions, read_inputs
from corroborate.models import Article, RawDocument, to_dict

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


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
    return parser


def _add_input_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files (.html, .htm, .txt, .json, .jsonl, optionally .gz), folders, or - for stdin",
    )
    command.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default); json for one JSON object per article per line",
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


def _print_json_line(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
