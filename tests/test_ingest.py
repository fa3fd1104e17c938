"""Reading inputs: formats, encodings, and every kind of bad input turned into one clear `InputError`."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from corroborate.errors import InputError
from corroborate.ingest import IngestOptions, expand_paths, parse_bytes, read_inputs

TEXT = "A short line of text about a ferry that left the harbour on Tuesday morning.\n"


def _read(path: Path, **options) -> list:
    return list(read_inputs([str(path)], IngestOptions(**options)))


def test_a_folder_expands_to_its_known_files_in_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(TEXT)
    (tmp_path / "a.html").write_text("<html><body><p>x</p></body></html>")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text(TEXT)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.jsonl").write_text('{"text": "x"}\n')
    assert [Path(p).name for p in expand_paths([str(tmp_path)])] == ["a.html", "b.txt", "c.jsonl"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n\t ", "empty file"),
        (b"%PDF-1.7 binary stuff", "binary file (a PDF document), not text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (a PNG image), not text"),
        (bytes(range(256)) * 40, "binary file, not text"),
    ],
)
def test_unusable_files_get_a_clear_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    (error,) = _read(path)
    assert isinstance(error, InputError)
    assert error.source == str(path)
    assert error.reason == reason


def test_a_huge_file_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(50_000_000)  # sparse: 50 MB on paper, nothing on disk
    (error,) = _read(path)
    assert isinstance(error, InputError)
    assert error.reason.startswith("too large (50.0 MB; the limit is 10.0 MB")


def test_missing_paths_are_named(tmp_path: Path) -> None:
    (error,) = _read(tmp_path / "nope.txt")
    assert error.reason == "no such file or folder"


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(TEXT)
    results = _read(tmp_path)
    assert isinstance(results[0], InputError)
    assert results[1].text == TEXT


def test_latin1_text_is_read_with_a_warning() -> None:
    data = ("Le ministre a déclaré que la décision était prise. " * 20).encode("latin-1")
    (document,) = parse_bytes("fr.txt", data, suffix=".txt")
    assert "déclaré" in document.text
    assert any("not UTF-8" in warning for warning in document.warnings)


def test_mixed_encoding_keeps_the_utf8_and_reads_stray_bytes_as_windows_1252() -> None:
    data = "The minister’s café opened – again.".encode() + b" He said \x93no\x94 twice."
    (document,) = parse_bytes("mixed.txt", data, suffix=".txt")
    assert document.text == "The minister’s café opened – again. He said “no” twice."
    assert any("mixed encoding" in warning for warning in document.warnings)


def test_mojibake_is_repaired() -> None:
    (document,) = parse_bytes("moji.txt", "The ministerâ€™s statement".encode(), suffix=".txt")
    assert document.text == "The minister’s statement"
    assert any("mojibake" in warning for warning in document.warnings)


def test_html_is_recognised_by_suffix_or_content() -> None:
    html = b"<!DOCTYPE html><html><body><p>Hello</p></body></html>"
    assert parse_bytes("page.html", html, suffix=".html")[0].format == "html"
    assert parse_bytes("<stdin>", html)[0].format == "html"
    assert parse_bytes("notes.txt", b"Hello <b>there</b>", suffix=".txt")[0].format == "text"


def test_declared_charset_is_honoured() -> None:
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>Déjà vu</p></body></html>'.encode("latin-1")
    (document,) = parse_bytes("page.html", html, suffix=".html")
    assert "Déjà vu" in document.text
    assert document.warnings == ()


def test_gzipped_inputs_are_read(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<html><body><p>Hello</p></body></html>"))
    (document,) = _read(path)
    assert document.format == "html"


def test_json_lines_give_one_document_per_record_with_its_metadata(tmp_path: Path) -> None:
    records = [
        {
            "text": TEXT,
            "title": "Ferry",
            "outlet": "The Gazette",
            "published": "2026-03-04T10:00:00Z",
            "authors": "Ann Lee and Bo Chen",
            "url": "https://example.org/a",
        },
        {"html": "<html><body><p>Hi</p></body></html>"},
        {"title": "no body"},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(record) for record in records))
    first, second = _read(path)
    assert first.source == f"{path}#1"
    assert first.given.outlet == "The Gazette"
    assert first.given.published.isoformat() == "2026-03-04"
    assert first.given.authors == ("Ann Lee", "Bo Chen")
    assert second.format == "html"
    assert any("1 records skipped" in warning for warning in first.warnings)


def test_a_json_list_is_a_batch(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"text": TEXT}, {"body": TEXT}]))
    assert [document.source for document in _read(path)] == [f"{path}#1", f"{path}#2"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"text": "unfinished', "broken JSON at line 1"),
        ('{"title": "x"}', "no usable article in the JSON (record has no text or html field)"),
        ("[1, 2]", "no usable article in the JSON (expected a JSON object, found a number)"),
    ],
)
def test_bad_json_is_explained(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    (error,) = _read(path)
    assert isinstance(error, InputError)
    assert error.reason.startswith(reason)
