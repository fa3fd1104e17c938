"""The README's examples are real: its pasted run on a seed is what the program prints, and every option
of every command is documented."""

from __future__ import annotations

import json
import re

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
