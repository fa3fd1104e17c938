"""The README's `batch` run is real: replayed on the examples made into a WARC file, the commands print what it
shows (the dashboard's port aside; the run uses the tests' cluster instead of starting one of `--workers 2`)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from bench.corpus import examples_warc
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
PORT = re.compile(r"(http://127\.0\.0\.1:)\d+/")


def _shown(command: str) -> list[str]:
    block = re.search(re.escape(f"$ {command}") + r"\n(.*?)(?=\n\$ |\n```)", README, re.DOTALL)
    assert block, f"the README's run of `{command}` is missing"
    return PORT.sub(r"\1PORT/", block.group(1)).splitlines()


def _run(arguments: list[str], cwd: Path) -> list[str]:
    """What the command prints, run in `cwd`, which the README calls /tmp/demo."""
    env = {**os.environ, "COLUMNS": "100", "HF_HUB_OFFLINE": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "corroborate.cli", *arguments],
        cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False,
    )  # fmt: skip
    printed = PORT.sub(r"\1PORT/", result.stdout).replace(str(cwd), "/tmp/demo")
    return printed.rstrip("\n").splitlines()


def test_the_pasted_batch_run_is_what_the_program_prints(scheduler: str, tmp_path: Path) -> None:
    examples_warc(tmp_path / "examples.warc.gz")
    batch = ["batch", "examples.warc.gz", "--out", "batch", "--scheduler", scheduler]
    assert _run(batch, tmp_path) == _shown("corroborate batch examples.warc.gz --out batch --workers 2")
    add = ["add", "--from", "batch", "--db", "library.db"]
    assert _run(add, tmp_path) == _shown("corroborate add --from batch --db library.db")
