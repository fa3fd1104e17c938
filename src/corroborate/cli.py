"""The `corroborate` command: one subcommand per job, each a thin loop over the pipeline's stages.

Every input is processed on its own: an input that cannot be used gets one line on stderr naming it and
saying why, and the batch goes on. Exit status: 0 when every input was used, 1 when some were not,
2 for a wrong command line.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from corroborate import __version__
from corroborate.errors import CorroborateError
from corroborate.ingest import IngestOptions
from corroborate.models import Duplicate, Failure, Notice, Placement, Report, to_dict
from corroborate.pipeline import PipelineOptions

if TYPE_CHECKING:
    from corroborate.store import Library

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

    def failure(self, failure: Failure) -> None:
        self.error(failure.source, failure.reason)

    def warnings(self, source: str, messages: Iterable[str]) -> None:
        for message in messages:
            self.warn(source, message)

    def status(self) -> int:
        return EXIT_SOME_FAILED if self.failed else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except CorroborateError as error:
        print(f"corroborate: error: {error}", file=sys.stderr)
        return EXIT_SOME_FAILED
    except sqlite3.Error as error:  # the library file failed in a way the library did not foresee
        print(f"corroborate: error: library {getattr(args, 'db', '')}: {error}", file=sys.stderr)
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

    add = commands.add_parser(
        "add",
        help="read articles into the library, each placed in its story",
        description="Read, analyse and store each input in the library (one SQLite file), and place each "
        "article in its story: an existing story it fits, or a new one. An article already held (the same "
        "URL or the same text) is kept once; re-publications of one wire story count as one source. "
        "Running it again after an interruption finishes the batch.",
    )
    _add_input_arguments(add, formats=())
    _add_library_argument(add)
    add.add_argument(
        "--no-embeddings",
        action="store_true",
        help="sign articles and align claims without the sentence-embedding model",
    )
    add.set_defaults(run=_run_add)

    stories = commands.add_parser(
        "stories",
        help="list the library's stories, or search their articles",
        description="List the stories of the library, newest first: title, sources, dates, size. "
        "With --search, the stories whose articles' titles or texts hold every word given, best match first.",
    )
    _add_library_argument(stories)
    stories.add_argument("--search", "-s", metavar="WORDS", help="only stories whose articles hold these words")
    stories.add_argument("--limit", type=int, default=50, metavar="N", help="list at most N stories (default 50)")
    stories.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json, one object per line"
    )
    stories.set_defaults(run=_run_stories)

    report = commands.add_parser(
        "report",
        help="compare the outlets: corroborated, single-source, disputed",
        description="Group the inputs into stories and report, per story, what several "
        "sources corroborate, what only one reports, where they disagree, who "
        "said what, a timeline and a brief. With --story, report one story of the library.",
    )
    _add_input_arguments(report, formats=("text", "json", "markdown", "html"), required=False)
    _add_library_argument(report)
    report.add_argument("--story", metavar="ID", help="report this story of the library (an id `stories` lists)")
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


def _add_input_arguments(
    command: argparse.ArgumentParser, formats: tuple[str, ...] = ("text", "json"), required: bool = True
) -> None:
    command.add_argument(
        "paths",
        nargs="+" if required else "*",
        metavar="PATH",
        help="files (.html, .htm, .txt, .json, .jsonl, optionally .gz), folders, http(s) URLs, or - for stdin",
    )
    if formats:
        json_help = "one JSON document" if "html" in formats else "one JSON object per article per line"
        more = "; markdown; html for one self-contained page" if "html" in formats else ""
        command.add_argument(
            "--format",
            choices=formats,
            default="text",
            help=f"text for the terminal (default); json for {json_help}{more}",
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


def _add_library_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--db",
        metavar="FILE",
        default=default_library(),
        help=f"the library file (default: $CORROBORATE_DB, else {default_library()})",
    )


def default_library() -> str:
    """$CORROBORATE_DB, else library.db in the user's data folder ($XDG_DATA_HOME/corroborate)."""
    if os.environ.get("CORROBORATE_DB"):
        return os.environ["CORROBORATE_DB"]
    data = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(data, "corroborate", "library.db")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date of the form YYYY-MM-DD") from None


def _pipeline_options(args: argparse.Namespace) -> PipelineOptions:
    from corroborate.extract import ExtractOptions

    return PipelineOptions(
        ingest=IngestOptions(max_bytes=int(args.max_size * 1_000_000)),
        extract=ExtractOptions(published=args.date),
        embeddings=not getattr(args, "no_embeddings", False),
    )


def _run_extract(args: argparse.Namespace) -> int:
    from corroborate.pipeline import extract_articles, inputs

    options = _pipeline_options(args)
    problems = Problems()
    for item in extract_articles(inputs(args.paths, options), options):
        if isinstance(item, Failure):
            problems.failure(item)
            continue
        problems.warnings(item.source, item.warnings)
        if args.format == "json":
            _print_json_line(to_dict(item))
        else:
            from corroborate.report.articles import print_article

            print_article(item)
    return problems.status()


def _run_analyze(args: argparse.Namespace) -> int:
    from corroborate.pipeline import inputs, read_articles

    options = _pipeline_options(args)
    problems = Problems()
    for reading in read_articles(inputs(args.paths, options), options):
        if isinstance(reading, Failure):
            problems.failure(reading)
            continue
        problems.warnings(reading.article.source, reading.article.warnings)
        if not reading.analysed:
            problems.warn(reading.article.source, reading.note or "not analysed")
        if args.format == "json":
            _print_json_line(reading.to_dict())
        else:
            from corroborate.report.readings import print_reading

            print_reading(reading)
    return problems.status()


def _run_add(args: argparse.Namespace) -> int:
    from corroborate.store import Library

    problems = Problems()
    with Library(args.db, _pipeline_options(args)) as library:
        added = 0
        for outcome in _with_progress(library.add(args.paths), "Adding", len(args.paths)):
            if isinstance(outcome, Failure):
                problems.failure(outcome)
            elif isinstance(outcome, Notice):
                problems.warn(outcome.source, outcome.message)
            elif isinstance(outcome, Duplicate):
                print(f"held    {outcome.source}: already in the library, in story {outcome.story}")
            else:
                added += 1
                print(f"placed  {library.source_name(outcome.article)}: {_placement(outcome, library)}")
        articles, stories = library.counts()
    print(f"{added} articles placed; the library {args.db} holds {articles} articles in {stories} stories")
    return problems.status()


def _placement(placement: Placement, library: Library) -> str:
    from corroborate.group import story_id_for

    story = f"{'new story' if placement.new_story else 'story'} {placement.story}"
    if placement.source != placement.article:
        return f"{story}, re-publishes {library.source_name(placement.source)}"
    if placement.story == story_id_for(placement.article):
        return f"{story}, founded it"
    return f"{story}, joined it (fit {placement.fit:.2f})"


def _run_stories(args: argparse.Namespace) -> int:
    from corroborate.store import Library

    with Library(args.db) as library:
        summaries = library.stories(search=args.search, limit=args.limit)
    if args.format == "json":
        for summary in summaries:
            _print_json_line(to_dict(summary))
        return EXIT_OK
    from corroborate.report.stories import print_stories

    print_stories(summaries, search=args.search)
    return EXIT_OK


def _run_report(args: argparse.Namespace) -> int:
    from corroborate.store import Library

    if bool(args.paths) == bool(args.story):
        raise CorroborateError("report needs either PATH... (files, folders, URLs) or --story ID, not both")
    problems = Problems()
    if args.story:
        with Library(args.db, _pipeline_options(args)) as library:
            report = library.report([args.story])
    else:
        with Library(":memory:", _pipeline_options(args)) as library:
            for outcome in _with_progress(library.add(args.paths), "Reading", len(args.paths)):
                if isinstance(outcome, Failure):
                    problems.failure(outcome)
                elif isinstance(outcome, Notice):
                    problems.warn(outcome.source, outcome.message)
            if not library.counts()[0]:
                print("corroborate: error: no usable input: nothing to report", file=sys.stderr)
                return EXIT_SOME_FAILED
            report = library.report()
    _write_report(report, args)
    return problems.status()


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
