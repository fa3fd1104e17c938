"""The README's examples are real: its pasted run on a seed is what the program prints, and every option
of every command is documented."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys

from tests.conftest import REUTERS_SEED, ROOT

from corroborate.cli import _parser
from corroborate.extract import extract
from corroborate.ingest import IngestOptions, read_path
from corroborate.models import to_dict

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_pasted_seed_run_is_what_the_program_prints(seeds) -> None:
    block = re.search(r"\$ corroborate extract --format json \S+ \| jq .*?\n(\{.*?\n\})\n```", README, re.DOTALL)
    assert block, "the README's run on a seed is missing"
    (document,) = read_path(str(REUTERS_SEED), IngestOptions())
    article = to_dict(extract(document))
    shown = {key: article[key] for key in ("wire", "authors", "credits", "dateline", "published", "published_estimate")}
    shown["set_apart"] = [f"{line['kind']}: {line['why']}" for line in article["lines"] if line["kind"] != "body"]
    assert json.loads(block.group(1)) == shown


def test_every_command_and_option_is_in_the_readme() -> None:
    parser = _parser()
    commands = next(action for action in parser._actions if action.dest == "==SUPPRESS==" or action.choices)
    for name, command in commands.choices.items():
        assert f"corroborate {name}" in README
        for action in command._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert option in README, f"{name} {option} is not documented"


def _console_block(command: str) -> str:
    """The lines the README shows after `$ <command>`, up to the next prompt or the end of the block."""
    block = re.search(re.escape(f"$ {command}") + r"\n(.*?)(?=\n\$ |\n```)", README, re.DOTALL)
    assert block, f"the README's run of `{command}` is missing"
    return block.group(1)


def test_the_pasted_library_run_is_what_the_program_prints(tmp_path) -> None:
    """The README's run of add, add again, stories --search and report --story, replayed on the examples."""
    env = {**os.environ, "COLUMNS": "100", "HF_HUB_OFFLINE": "1"}
    db = tmp_path / "library.db"
    for command in (
        "corroborate add examples/ --db library.db",
        "corroborate add examples/northshore-post-wire.json --db library.db",
        'corroborate stories --db library.db --search "oyster lagoon"',
        "corroborate report --story s8eeda08 --db library.db --format markdown | head -9",
    ):
        arguments = shlex.split(command.split(" | ")[0])[1:]
        arguments[arguments.index("library.db")] = str(db)
        result = subprocess.run(
            [sys.executable, "-m", "corroborate.cli", *arguments],
            cwd=ROOT, env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        printed = result.stdout.replace(str(db), "library.db")
        if "| head -9" in command:
            printed = "\n".join(printed.splitlines()[:9])
        shown = _console_block(command)
        assert [line.rstrip() for line in printed.strip("\n").splitlines()] == shown.splitlines(), command
