"""The `corroborate` command: one subcommand per job, each a thin loop over the pipeline's stages.

Every input is processed on its own: an input that cannot be used gets one line on stderr naming it and
saying why, and the batch goes on. Exit status: 0 when every input was used, 1 when some were not (or the
output could not be written), 2 for a wrong command line. A reader that stops early (`| head`) ends the run
quietly, with 0. No traceback reaches the user: an error of ours is one line asking to report it
(CORROBORATE_DEBUG=1 shows the traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import json
import os
import sqlite3
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from corroborate import __version__
from corroborate.errors import CorroborateError, OutputError, UsageError
from corroborate.ingest import IngestOptions
from corroborate.ingest_json import YEARS
from corroborate.models import Duplicate, Failure, Notice, Placement, Report, to_dict
from corroborate.pipeline import PipelineOptions
from corroborate.report.safe import printable

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console

    from corroborate.store import Library

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_STATUSES = {
    EXIT_OK: "every input was used",
    EXIT_SOME_FAILED: "some inputs were not used, or the output could not be written",
    EXIT_USAGE: "a wrong command line (an unknown option, a date that is not one, an --output that cannot be)",
    130: "interrupted (Ctrl-C)",
}
"""The exit statuses, as the README lists them (a test keeps the two the same)."""
T = TypeVar("T")


class Problems:
    """Counts what went wrong and tells the user, one line per problem, on stderr."""

    def __init__(self) -> None:
        self.failed = 0

    def error(self, source: str, reason: str) -> None:
        self.failed += 1
        say(f"error: {source}: {reason}")

    def warn(self, source: str, message: str) -> None:
        say(f"warning: {source}: {message}")

    def failure(self, failure: Failure) -> None:
        self.error(failure.source, failure.reason)

    def warnings(self, source: str, messages: Iterable[str]) -> None:
        for message in messages:
            self.warn(source, message)

    def status(self) -> int:
        return EXIT_SOME_FAILED if self.failed else EXIT_OK


def say(message: str) -> None:
    """One line on stderr, whatever the message holds: no control character reaches the terminal."""
    if sys.stderr is not None:
        print(f"corroborate: {printable(message, newlines=False)}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except UsageError as error:
        say(f"error: {error}")
        return EXIT_USAGE
    except CorroborateError as error:
        say(f"error: {error}")
        return EXIT_SOME_FAILED
    except sqlite3.Error as error:  # the library file failed in a way the library did not foresee
        from corroborate.store.schema import explain

        say(f"error: library {getattr(args, 'db', '')}: {explain(error)}")
        return EXIT_SOME_FAILED
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    except BrokenPipeError:  # `corroborate extract ... | head`: the reader has had enough
        _silence_stdout()
        return EXIT_OK
    except OSError as error:  # inputs and the library turn theirs into errors above: this is stdout's
        _silence_stdout()
        say(f"error: cannot write standard output: {error.strerror or error}")
        return EXIT_SOME_FAILED
    except Exception as error:  # a bug of ours: one line, not a traceback, unless asked for
        if os.environ.get("CORROBORATE_DEBUG"):
            raise
        say(f"error: internal error ({type(error).__name__}: {error}); please report this")
        return EXIT_SOME_FAILED


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that Python's last flush on exit does not fail again, noisily."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):  # stdout closed or not a file (a test's buffer)
        pass


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
    _add_input_arguments(add, formats=(), required=False)
    _add_library_argument(add)
    add.add_argument(
        "--no-embeddings",
        action="store_true",
        help="sign articles and align claims without the sentence-embedding model",
    )
    add.add_argument(
        "--from", dest="batch", metavar="DIR", help="add what `corroborate batch --out DIR` read, instead of PATH..."
    )
    add.set_defaults(run=_run_add)
    _add_batch_command(commands)

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
    _add_serve_command(commands)
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
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date of the form YYYY-MM-DD") from None
    if not YEARS[0] <= day.year <= YEARS[1]:  # the date arithmetic of analysis would leave the calendar
        raise argparse.ArgumentTypeError(f"{text!r} is not a plausible publication date (years {YEARS[0]}-{YEARS[1]})")
    return day


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

            print_article(item, _terminal())
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

            print_reading(reading, _terminal())
    return problems.status()


def _run_add(args: argparse.Namespace) -> int:
    from corroborate.store import Library

    if bool(args.paths) == bool(args.batch):
        raise UsageError("add needs either PATH... (files, folders, URLs) or --from DIR (a batch's output), not both")
    problems = Problems()
    with Library(args.db, _pipeline_options(args)) as library:
        added = 0
        if args.batch:
            from corroborate.batch import read_processed

            outcomes = library.add_processed(read_processed(_batch_output(args.batch)))
        else:
            outcomes = library.add(args.paths)
        for outcome in _with_progress(outcomes, "Adding", len(args.paths)):
            if isinstance(outcome, Failure):
                problems.failure(outcome)
            elif isinstance(outcome, Notice):
                problems.warn(outcome.source, outcome.message)
            elif isinstance(outcome, Duplicate):
                _line(f"held    {outcome.source}: already in the library, in story {outcome.story}")
            else:
                added += 1
                _line(f"placed  {library.source_name(outcome.article)}: {_placement(outcome, library)}")
        articles, stories = library.counts()
    _line(f"{added} articles placed; the library {args.db} holds {articles} articles in {stories} stories")
    return problems.status()


def _add_batch_command(commands: argparse._SubParsersAction) -> None:
    batch = commands.add_parser(
        "batch",
        help="read a corpus on a Dask cluster into Parquet: articles, readings, stories, reports",
        description="Run the pipeline over the inputs (files, folders, JSON Lines, WARC) on a Dask cluster: a "
        "LocalCluster on this machine, or the one at --scheduler. Writes articles, readings, signatures and "
        "failures as Parquet under --out, then the stories and their reports (Parquet and JSON Lines). A rerun "
        "skips the partitions already written; `corroborate add --from DIR` loads the output into the library.",
    )
    _add_input_arguments(batch, formats=())
    batch.add_argument("--out", required=True, metavar="DIR", help="the folder to write the output to")
    batch.add_argument("--scheduler", metavar="ADDRESS", help="a Dask scheduler's address (default: a LocalCluster)")
    batch.add_argument(
        "--workers", type=int, metavar="N", help="worker processes of the LocalCluster (default: one per core)"
    )
    batch.add_argument(
        "--no-embeddings",
        action="store_true",
        help="sign articles and align claims without the sentence-embedding model",
    )
    batch.set_defaults(run=_run_batch)


def _run_batch(args: argparse.Namespace) -> int:
    """`corroborate batch`: the run on Dask, a progress bar on stderr, then what it wrote."""
    from pathlib import Path

    from corroborate.batch import BatchOptions, read_failures, run_batch

    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be 1 or more")
    out = Path(args.out)
    options = BatchOptions(out=out, scheduler=args.scheduler, workers=args.workers)
    with _batch_progress() as progress:
        result = run_batch(args.paths, _pipeline_options(args), options, progress=progress, tell=say)
    problems = Problems()
    for failure in read_failures(out):
        problems.failure(failure)
    skipped = f", {result.skipped} done by an earlier run" if result.skipped else ""
    partitions = f"{result.partitions} partition{'s' * (result.partitions != 1)}{skipped}"
    print(
        f"{result.articles} articles read, {result.failures} failed ({partitions}); {result.stories} stories;"
        f" written to {out}"
    )
    return problems.status()


@contextlib.contextmanager
def _batch_progress() -> Iterator[Callable[[str, int, int], None] | None]:
    """A bar per step on stderr, in a terminal; nothing for pipes."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(console=_stderr_console(), transient=True) as bar:
        steps: dict[str, Any] = {}

        def update(step: str, done: int, total: int) -> None:
            if step not in steps:
                steps[step] = bar.add_task("Reading articles" if step == "articles" else "Reporting stories")
            bar.update(steps[step], completed=done, total=total)

        yield update


def _batch_output(folder: str) -> Path:
    from pathlib import Path

    out = Path(folder)
    if not (out / "readings").is_dir():
        raise UsageError(f"--from {folder}: not the output of `corroborate batch` (no readings/ in it)")
    return out


def _placement(placement: Placement, library: Library) -> str:
    from corroborate.group import story_id_for

    story = f"{'new story' if placement.new_story else 'story'} {placement.story}"
    if placement.source != placement.article:
        return f"{story}, re-publishes {library.source_name(placement.source)}"
    if placement.story == story_id_for(placement.article):
        return f"{story}, founded it"
    return f"{story}, joined it (fit {placement.fit:.2f})"


def _add_serve_command(commands: argparse._SubParsersAction) -> None:
    serve = commands.add_parser(
        "serve",
        help="browse the library in a web browser: stories, reports, a JSON API",
        description="Serve the library as a web app: the stories (search, filters, pages), each story's report, "
        "and a JSON API (/api/stories, described at /docs). Listens on 127.0.0.1 unless told otherwise.",
    )
    _add_library_argument(serve)
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1: this machine)")
    serve.add_argument("--port", type=int, default=8000, help="the port to listen on (default 8000)")
    serve.add_argument("--no-embeddings", action="store_true", help="align claims without the sentence-embedding model")
    serve.set_defaults(run=_run_serve)


def _run_serve(args: argparse.Namespace) -> int:
    """`corroborate serve`: the web app (corroborate.serve) under uvicorn, until Ctrl-C."""
    import ipaddress

    if not 0 < args.port < 65536:
        raise UsageError(f"--port {args.port}: a port is a number from 1 to 65535")
    try:
        loopback = args.host == "localhost" or ipaddress.ip_address(args.host).is_loopback
    except ValueError:
        loopback = False
    import uvicorn

    from corroborate.serve import create_app

    # On this machine only the Host names of this machine are answered (a web page cannot rebind its DNS to us);
    # beyond it, adding articles needs the token in $CORROBORATE_TOKEN, and is off without one.
    token = os.environ.get("CORROBORATE_TOKEN") or None
    hosts = [args.host, "127.0.0.1", "localhost", "[::1]"] if loopback else None
    options = PipelineOptions(embeddings=not args.no_embeddings)
    app = create_app(args.db, token, options, allowed_hosts=hosts, read_only=not loopback and token is None)
    if not loopback and token is None:
        say("warning: listening beyond this machine without $CORROBORATE_TOKEN: adding articles is off")
    say(f"serving the library {args.db} on http://{args.host}:{args.port}/ (Ctrl-C stops)")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return EXIT_OK


def _run_stories(args: argparse.Namespace) -> int:
    from corroborate.store import Library

    with Library(args.db) as library:
        summaries = library.stories(search=args.search, limit=args.limit)
    if args.format == "json":
        for summary in summaries:
            _print_json_line(to_dict(summary))
        return EXIT_OK
    from corroborate.report.stories import print_stories

    print_stories(summaries, search=args.search, console=_terminal())
    return EXIT_OK


def _run_report(args: argparse.Namespace) -> int:
    from corroborate.store import Library

    if bool(args.paths) == bool(args.story):
        raise UsageError("report needs either PATH... (files, folders, URLs) or --story ID, not both")
    if args.output:
        _check_output(args.output)
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
                say("error: no usable input: nothing to report")
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


@functools.cache
def _terminal() -> Console:
    """The console on stdout. rich exits with status 1 when the reader of a pipe goes away (`| head`): ours
    raises `BrokenPipeError` instead, which `main` turns into a quiet 0."""
    from rich.console import Console

    class Terminal(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return Terminal()


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _check_output(path: str) -> None:
    """Before any work: a `--output` that cannot be written is a wrong command line, said at once."""
    if os.path.isdir(path):
        raise UsageError(f"--output {path}: is a folder; give a file name")
    if _in_place(path):
        if not os.access(path, os.W_OK):
            raise UsageError(f"--output {path}: not allowed to write there (permission denied)")
        return
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise UsageError(f"--output {path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (os.path.exists(target) and not os.access(target, os.W_OK)):
        raise UsageError(f"--output {path}: not allowed to write there (read-only or permission denied)")


def _in_place(target: str) -> bool:
    """Whether `target` is something other than a regular file (/dev/stdout, a pipe): written to, never replaced."""
    try:
        return not stat.S_ISREG(os.stat(target).st_mode)
    except OSError:
        return False


def _write_file(path: str, text: str) -> None:
    """`text` into `path` whole or not at all: written beside it, then moved over it, so that a full disk
    leaves the previous file as it was. A device or a pipe is written to as it is."""
    target = os.path.realpath(path)  # a link is followed, as `open` would, not replaced
    try:
        if _in_place(path):
            with open(path, "w", encoding="utf-8") as file:
                file.write(text)
            return
        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".corroborate-", suffix=".tmp")
    except OSError as error:
        raise OutputError(path, error.strerror or str(error)) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(path, error.strerror or str(error)) from None


def _mode_for(path: str) -> int:
    """The permissions `open` would have given the file: the old file's, else the usual ones less the umask."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_report(report: Report, args: argparse.Namespace) -> None:
    if args.format == "text":
        from rich.console import Console

        from corroborate.report.terminal import print_report

        if args.output:
            buffer = io.StringIO()
            print_report(report, Console(file=buffer, width=120), show_noise=args.show_noise)
            _write_file(args.output, buffer.getvalue())
        else:
            print_report(report, _terminal(), show_noise=args.show_noise)
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
        _write_file(args.output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _line(text: str) -> None:
    """One line on stdout, file names in it made printable."""
    print(printable(text, newlines=False))


def _print_json_line(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
