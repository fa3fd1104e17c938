"""Where the output goes, and where the inputs come from, when that is hostile: one line and the documented
exit status for an --output that cannot be written, a full disk, a closed stdin, a file that cannot be read;
a quiet 0 when the reader of a pipe stops early. And the README's list of exit statuses is the program's."""

from __future__ import annotations

import errno
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, ROOT
from tests.hostile import Run, run_main

from corroborate.cli import EXIT_STATUSES

GOOD = str(EXAMPLES / "riverside-festival.txt")
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0
"""Root reads and writes through any permission: those cases are simulated instead."""


def _one_line(run: Run, status: int, *words: str) -> None:
    assert run.status == status, run.stderr
    (line,) = run.stderr.splitlines()
    assert line.startswith("corroborate: error: ") and all(word in line for word in words), line


def _cli(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "corroborate.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        **kwargs,
    )


@pytest.mark.parametrize(
    ("target", "words"),
    [("missing/report.md", ["does not exist"]), (".", ["is a folder"]), ("", ["is a folder"])],
)
def test_an_output_that_cannot_be_is_a_wrong_command_line(tmp_path: Path, target: str, words: list[str]) -> None:
    run = run_main("report", "--format", "markdown", "--output", str(tmp_path / target), GOOD)
    _one_line(run, 2, "--output", *words)


def test_an_output_into_a_read_only_folder_is_a_wrong_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    if ROOT_USER:  # root may write anywhere: the system is made to say no, as it would to anyone else
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda path, mode: str(path) != str(folder) and real_access(path, mode))
    run = run_main("report", "--output", str(folder / "report.txt"), GOOD)
    _one_line(run, 2, "not allowed to write")


@pytest.mark.parametrize("form", ["text", "markdown"])
def test_a_full_disk_leaves_the_previous_report_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form: str
) -> None:
    target = tmp_path / "report.md"
    target.write_text("the previous report\n")
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, handle: int, *args: object, **kwargs: object) -> None:
            self.file = real_fdopen(handle, "w")

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self.file.close()

        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fdopen", Full)
    run = run_main("report", "--format", form, "--no-embeddings", "--output", str(target), GOOD)
    _one_line(run, 1, str(target), os.strerror(errno.ENOSPC))
    assert target.read_text() == "the previous report\n"
    assert [path.name for path in tmp_path.iterdir()] == ["report.md"]  # no half-written file left about


def test_standard_output_on_a_full_disk_is_one_line() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "corroborate.cli", "extract", "--format", "json", GOOD],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"corroborate: error: cannot write standard output: {os.strerror(errno.ENOSPC)}"
    ]


@pytest.mark.parametrize("form", ["json", "text"])
def test_a_reader_that_stops_early_ends_the_run_quietly(form: str) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "corroborate.cli", "extract", "--format", form, *[GOOD] * 60],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()  # `| head -1`
    process.stdout.close()
    assert process.wait(timeout=120) == 0
    assert process.stderr.read() == b""
    process.stderr.close()


def test_a_closed_stdin_is_one_line() -> None:
    result = _cli("extract", "-", preexec_fn=lambda: os.close(0))
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["corroborate: error: <stdin>: standard input is closed"]


def test_a_name_too_long_for_the_system_is_one_line(tmp_path: Path) -> None:
    name = str(tmp_path / ("a" * 300 + ".txt"))
    for target in (name, str(tmp_path / ("b" * 300)) + "/x.txt"):
        _one_line(run_main("extract", target, GOOD), 1, "cannot be read", os.strerror(errno.ENAMETOOLONG))


def test_a_file_or_folder_that_cannot_be_read_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "secret.txt").write_text("Some text that nobody may read, about a ferry.\n")
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "inside.txt").write_text("x\n")
    denied = OSError(errno.EACCES, os.strerror(errno.EACCES))
    if ROOT_USER:
        real_open, real_scandir = Path.open, os.scandir

        def open_(path: Path, *args, **kwargs):
            if path.name == "secret.txt":
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real_open(path, *args, **kwargs)

        def scandir(path="."):
            if str(path).endswith("closed"):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real_scandir(path)

        monkeypatch.setattr(Path, "open", open_)
        monkeypatch.setattr(os, "scandir", scandir)
    else:
        (tmp_path / "secret.txt").chmod(0)
        (tmp_path / "closed").chmod(0)
    try:
        run = run_main("extract", "--format", "json", str(tmp_path / "secret.txt"), str(tmp_path / "closed"), GOOD)
    finally:
        if not ROOT_USER:
            (tmp_path / "closed").chmod(0o700)
    assert run.status == 1
    errors = run.stderr.splitlines()
    assert errors == [
        f"corroborate: error: {tmp_path / 'secret.txt'}: cannot be read ({denied.strerror})",
        f"corroborate: error: {tmp_path / 'closed'}: cannot be read ({denied.strerror})",
    ]
    assert len(run.stdout.splitlines()) == 1  # the good article


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "0999-12-31", "3000-01-01"])
def test_a_date_off_the_calendar_is_a_wrong_command_line(day: str) -> None:
    with pytest.raises(SystemExit) as exit:
        run_main("analyze", "--date", day, GOOD)
    assert exit.value.code == 2


def test_the_readme_lists_the_exit_statuses_the_program_uses() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("| exit status | when |") :].split("\n\n")[0]
    rows = re.findall(r"^\| (\d+) \| (.+?) \|$", section, re.MULTILINE)
    assert {int(status): when for status, when in rows} == EXIT_STATUSES


def test_a_report_file_is_written_whole_with_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    run = run_main("report", "--format", "markdown", "--no-embeddings", "--output", str(target), GOOD)
    assert run.status == 0, run.stderr
    umask = os.umask(0)
    os.umask(umask)
    assert target.read_text().startswith("# corroborate report")
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert [path.name for path in tmp_path.iterdir()] == ["report.md"]


def test_a_device_is_written_to_and_never_replaced() -> None:
    run = run_main("report", "--format", "markdown", "--no-embeddings", "--output", "/dev/full", GOOD)
    _one_line(run, 1, "cannot write /dev/full", os.strerror(errno.ENOSPC))
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_link_is_followed_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "link.md").symlink_to(tmp_path / "real.md")
    run = run_main("report", "--format", "markdown", "--no-embeddings", "--output", str(tmp_path / "link.md"), GOOD)
    assert run.status == 0, run.stderr
    assert (tmp_path / "link.md").is_symlink()
    assert (tmp_path / "real.md").read_text().startswith("# corroborate report")
