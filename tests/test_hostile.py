"""Hostile input through every command: one line per unusable input, never a traceback, nothing lost.

The corpus (tests/hostile.py) holds every kind of bad input issue 9 lists. Each goes through `extract`,
`analyze` and `report` alone, and all of them in one batch beside a good article, which must come out exactly
as it does on its own. The commands run in-process through `main(argv)`, so that an exception shows here as
the traceback a user would have seen.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES
from tests.hostile import Case, Run, corpus, run_main, write_corpus

from corroborate.report.safe import printable

CASES = corpus()
GOOD = EXAMPLES / "riverside-festival.txt"
"""The good article of every mixed batch: a story of its own (a festival), unlike every hostile case."""
HEAVY = {"size"}
"""Kinds that take seconds each to analyse: they are analysed in the batch, not alone as well."""
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def assert_clean(run: Run) -> None:
    """Exit 0 or 1; on stderr only one-line errors and warnings, none of them a bug of ours or a control
    character; an error line when the status says an input was not used."""
    assert run.status in (0, 1), run.stderr
    lines = run.stderr.splitlines()
    for line in lines:
        assert line.startswith(("corroborate: error: ", "corroborate: warning: ")), line
        assert "please report this" not in line, line
        assert not _UNSAFE.search(line), repr(line)
    assert (run.status == 1) == any(line.startswith("corroborate: error: ") for line in lines), run.stderr


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    write_corpus(folder)
    return folder


def _path(folder: Path, case: Case) -> str:
    return str(folder / case.name)


@pytest.mark.parametrize("case", CASES, ids=lambda case: repr(case.name)[1:40])
def test_extract_takes_each_case_alone(folder: Path, case: Case) -> None:
    assert_clean(run_main("extract", _path(folder, case)))


@pytest.mark.parametrize("command", ["analyze", "report"])
@pytest.mark.parametrize(
    "case", [case for case in CASES if case.kind not in HEAVY], ids=lambda case: repr(case.name)[1:40]
)
def test_analyze_and_report_take_each_case_alone(folder: Path, case: Case, command: str) -> None:
    assert_clean(run_main(command, *(["--no-embeddings"] if command == "report" else []), _path(folder, case)))


def _not_json(constant: str) -> None:
    raise AssertionError(f"{constant} is not JSON")


def _good_output(command: str, run: Run) -> object:
    """What the commands say of the good article: its JSON line, or its story of the report."""
    if command == "report":
        stories = json.loads(run.stdout)["stories"]
        return [story for story in stories if [source["name"] for source in story["sources"]] == [str(GOOD)]]
    return [line for line in run.stdout.splitlines() if json.loads(line)["source"] == str(GOOD)]


@pytest.mark.parametrize("command", ["extract", "analyze", "report"])
def test_a_batch_of_every_case_keeps_the_good_article_whole(folder: Path, command: str) -> None:
    options = ["--format", "json", *(["--no-embeddings"] if command == "report" else [])]
    alone = run_main(command, *options, str(GOOD))
    assert alone.status == 0, alone.stderr
    batch = run_main(command, *options, str(folder), str(GOOD))
    assert_clean(batch)
    assert batch.status == 1  # some of the corpus cannot be used
    for document in [batch.stdout] if command == "report" else batch.stdout.splitlines():
        json.loads(document, parse_constant=_not_json)  # strict JSON: no NaN or Infinity from a huge figure
    assert _good_output(command, batch) == _good_output(command, alone) != []


@pytest.mark.parametrize("command", ["extract", "analyze", "report", "add", "stories"])
def test_no_control_character_or_markup_from_an_article_reaches_the_terminal(
    folder: Path, tmp_path: Path, command: str
) -> None:
    paths = [_path(folder, case) for case in CASES if case.kind in ("markup", "escape")]
    library = ["--no-embeddings", "--db", str(tmp_path / "library.db")]
    if command == "stories":
        run_main("add", *library, *paths)
        run = run_main("stories", *library[1:])
    else:
        run = run_main(command, *(library if command == "add" else []), *paths)
    assert_clean(run)
    assert not _UNSAFE.search(run.stdout.replace("\n", "")), "a control character reached the terminal"
    assert "[/]" in run.stdout or "[/bold]" in run.stdout  # shown as the text it is, not read as markup


def test_the_markdown_report_holds_no_live_html_or_link_from_an_article(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    hostile = (
        'Click <a href="javascript:alert(1)">here</a>, [here](javascript:alert(2)) or <javascript:alert(3)>. '
        "<img src=x onerror=alert(4)> <script>alert(5)</script> <b>bold</b> ![x](javascript:alert(6)) "
        "[ref]: javascript:alert(7) &lt;i&gt; `code` *stars* _under_ \x1b]8;;https://evil.example/\x1b\\link"
    )
    path = tmp_path / "injection.txt"
    path.write_text(
        f"Grain ship <script>alert(0)</script> runs aground [x](javascript:y)\n\n"
        f"The harbour authority closed the channel on Tuesday, officials said. {hostile}\n\n"
        f"# A heading? {hostile}\n\n- a list? The ship was refloated at high tide, the authority said.\n"
    )
    run = run_main("report", "--format", "markdown", "--no-embeddings", "--show-noise", str(path))
    assert run.status == 0, run.stderr
    html = MarkdownIt("commonmark").enable("table").render(run.stdout)
    assert "alert(" in html  # the words are there, as text
    tags = set(re.findall(r"<(/?[a-z0-9]+)", html))
    assert tags <= {
        "h1",
        "/h1",
        "h2",
        "/h2",
        "h3",
        "/h3",
        "p",
        "/p",
        "ul",
        "/ul",
        "ol",
        "/ol",
        "li",
        "/li",
        "code",
        "/code",
        "em",
        "/em",
        "strong",
        "/strong",
        "table",
        "/table",
        "thead",
        "/thead",
        "tbody",
        "/tbody",
        "tr",
        "/tr",
        "th",
        "/th",
        "td",
        "/td",
        "br",
    }, tags
    assert "javascript:" not in "".join(re.findall(r"<[^>]*>", html))
    assert not _UNSAFE.search(run.stdout.replace("\n", ""))


def test_printable_strips_every_escape_and_control_and_is_idempotent() -> None:
    for text in (
        "\x1b[2J\x1b[Hx",
        "\x1b]0;title\x07x",
        "\x1b]8;;http://a\x1b\\x\x1b]8;;\x1b\\",
        "\x9b2Jx",
        "\x07\x08x",
    ):
        assert printable(text).endswith("x") and not _UNSAFE.search(printable(text)), repr(printable(text))
        assert printable(printable(text)) == printable(text)
    assert printable("a\tb\nc") == "a b\nc" and printable("a\nb", newlines=False) == "a b"


@pytest.mark.parametrize("day", ["1000-01-01", "2999-12-31"])
def test_dates_and_numbers_are_read_against_the_ends_of_the_calendar(folder: Path, day: str) -> None:
    paths = [_path(folder, case) for case in CASES if case.kind in ("text-number-date", "json-date")]
    run = run_main("analyze", "--format", "json", "--date", day, *paths)
    assert_clean(run)
    assert len(run.stdout.splitlines()) == len(paths)  # every one read


def test_from_a_shell_a_batch_prints_one_line_per_problem_and_nothing_else(folder: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "corroborate.cli", "extract", "--format", "json", str(folder), str(GOOD)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert_clean(Run(result.returncode, result.stdout, result.stderr))
    assert json.loads(result.stdout.splitlines()[-1])["source"] == str(GOOD)
