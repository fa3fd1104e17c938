"""The command line as a user meets it: output forms, one-line errors, exit status, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import AP_SEED, REUTERS_SEED

LOGIN_PAGE = """<!DOCTYPE html><html><head><title>Sign in</title></head><body>
<form><label>Email</label><input name="email"><label>Password</label><input type="password">
<button>Sign in</button></form><a href="/forgot">Forgot your password?</a></body></html>"""

LINK_LIST = (
    "<html><body><ul>"
    + "".join(f'<li><a href="/story/{n}">Story number {n} of the day</a></li>' for n in range(30))
    + "</ul></body></html>"
)


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "corroborate.cli", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_extract_json_lines_carry_the_documented_fields(seeds) -> None:
    result = run("extract", "--format", "json", str(AP_SEED), str(REUTERS_SEED))
    assert result.returncode == 0, result.stderr
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    assert [article["source"] for article in articles] == [str(AP_SEED), str(REUTERS_SEED)]
    for article in articles:
        for field in (
            "source",
            "title",
            "standfirst",
            "outlet",
            "wire",
            "authors",
            "credits",
            "dateline",
            "published",
            "published_estimate",
            "paragraphs",
            "captions",
            "lines",
        ):
            assert field in article
        assert all(set(line) >= {"text", "kind"} for line in article["lines"])
    assert articles[1]["published_estimate"]["earliest"] == "2019-11-26"


def test_extract_reads_stdin(seeds) -> None:
    result = run("extract", "--format", "json", "-", stdin=REUTERS_SEED.read_bytes())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["source"] == "<stdin>"


def test_extract_prints_a_readable_article(seeds) -> None:
    result = run("extract", str(REUTERS_SEED))
    assert result.returncode == 0
    assert "Prak Chan Thul, Kay Johnson" in result.stdout
    assert "Set apart" in result.stdout
    assert "related_headline" in result.stdout


def test_a_bad_batch_reports_each_file_once_and_keeps_going(tmp_path: Path, seeds) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "login.html").write_text(LOGIN_PAGE)
    (tmp_path / "links.html").write_text(LINK_LIST)
    (tmp_path / "broken.html").write_text("<html><body><p>Unclosed <div><span>" + "<b>" * 5000)
    (tmp_path / "huge.txt").write_bytes(b"")
    with (tmp_path / "huge.txt").open("wb") as file:
        file.truncate(50_000_000)
    (tmp_path / "good.txt").write_bytes(REUTERS_SEED.read_bytes())
    result = run("extract", "--format", "json", str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = result.stderr.splitlines()
    assert len(errors) == 6, errors
    for name, reason in [
        ("empty.txt", "empty file"),
        ("binary.txt", "binary file"),
        ("login.html", "not an article"),
        ("links.html", "not an article"),
        ("broken.html", ""),
        ("huge.txt", "too large"),
    ]:
        line = next(line for line in errors if f"{name}:" in line)
        assert line.startswith("corroborate: error: ") and reason in line
    (good,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert good["source"].endswith("good.txt")


def test_a_wrong_date_is_a_usage_error() -> None:
    result = run("extract", "--date", "27/11/2019", "x.txt")
    assert result.returncode == 2
    assert "is not a date of the form YYYY-MM-DD" in result.stderr


def test_a_non_english_article_is_extracted_and_its_language_reported(tmp_path: Path) -> None:
    text = ("Le gouvernement a annoncé mardi un nouveau plan pour le port de la ville. " * 6).strip()
    (tmp_path / "fr.txt").write_text(f"Un plan pour le port\n\n{text}\n")
    result = run("extract", "--format", "json", str(tmp_path / "fr.txt"))
    assert result.returncode == 0
    assert json.loads(result.stdout)["language"] == "fr"


def test_extract_loads_no_language_model(seeds) -> None:
    code = (
        "import sys; from corroborate.cli import main; main(['extract', '--format', 'json', sys.argv[1]]);"
        "heavy = [m for m in ('spacy', 'torch', 'sentence_transformers', 'dateparser') if m in sys.modules];"
        "print('HEAVY', heavy, file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(REUTERS_SEED)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert "HEAVY []" in result.stderr


@pytest.mark.parametrize("command", [["--help"], ["extract", "--help"]])
def test_help_is_there(command: list[str]) -> None:
    result = run(*command)
    assert result.returncode == 0
    assert "corroborate" in result.stdout


def test_analyze_json_extends_the_extract_object(seeds) -> None:
    result = run("analyze", "--format", "json", "--date", "2019-11-27", str(REUTERS_SEED))
    assert result.returncode == 0, result.stderr
    reading = json.loads(result.stdout)
    for field in (
        "source",
        "title",
        "paragraphs",
        "lines",
        "sentences",
        "entities",
        "quotes",
        "dates",
        "figures",
        "claims",
    ):
        assert field in reading
    assert {"text", "speaker", "cue", "partial", "scare"} <= set(reading["quotes"][0])
    assert {"text", "start", "end", "confidence"} <= set(reading["dates"][0])
    assert {"text", "value", "unit", "approx", "what"} <= set(reading["figures"][0])
    assert {"text", "sentence", "entities", "dates", "figures"} <= set(reading["claims"][0])
    assert {"name", "label", "mentions", "role"} <= set(reading["entities"][0])


def test_an_article_in_another_language_is_named_and_not_analysed(tmp_path: Path) -> None:
    text = " ".join(
        [
            "Le gouvernement a annoncé mardi un nouveau plan pour moderniser le port de la ville.",
            "Le ministre des transports a déclaré que les travaux commenceraient au printemps prochain.",
            "Les syndicats ont salué la décision mais demandent des garanties pour les emplois existants.",
        ]
    )
    (tmp_path / "port.txt").write_text(f"Un nouveau plan pour le port\n\n{text}\n\n{text}\n")
    result = run("analyze", "--format", "json", str(tmp_path / "port.txt"))
    assert result.returncode == 0
    reading = json.loads(result.stdout)
    assert reading["analysed"] is False
    assert reading["quotes"] == [] and reading["entities"] == []
    assert "French (fr)" in reading["note"]
    assert "port.txt: not analysed: the article is in French (fr)" in result.stderr
