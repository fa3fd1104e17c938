"""WARC inputs: HTML responses in several charsets become documents with the record's URL and date; a record
that is not a page, or is broken, becomes a failure naming it, and nothing else is lost."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corroborate.errors import InputError
from corroborate.ingest import IngestOptions, read_inputs
from corroborate.ingest_warc import warc_documents
from corroborate.models import RawDocument

PAGES = [  # (charset, text of the page: words only that charset can write)
    ("utf-8", "Łódź café 東京"),
    ("windows-1252", "Café crème for the naïve « Noël »"),
    ("shift_jis", "東京の港で油が流出した"),
    ("koi8-r", "Москва сообщила о разливе нефти"),
]
ARCHIVED = "2026-03-04T10:00:00Z"


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        length=len(body),  # known, so warcio needs no temporary file to measure it
        http_headers=headers,
        warc_headers_dict={"WARC-Date": ARCHIVED},
    )
    writer.write_record(record)


def _html(text: str, charset: str) -> bytes:
    # The page declares no charset of its own: only the HTTP header tells how to decode it.
    return f"<html><head><title>{text}</title></head><body><p>{text}</p></body></html>".encode(charset)


def build_warc(path: Path, *, gzip: bool, broken: bool = True) -> None:
    """A WARC file of: warcinfo, a request, the pages (one per charset), an image, a 404; with `broken`, bytes
    that are no record among them (beginning like a gzip member, to test the resynchronisation)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
    request = StatusAndHeaders("GET /0 HTTP/1.1", [("Host", "example.org")], is_http_request=True)
    writer.write_record(writer.create_warc_record("https://example.org/0", "request", http_headers=request))
    for number, (charset, text) in enumerate(PAGES):
        if number == 2:
            _response(writer, "https://example.org/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
            if broken:
                buffer.write(b"\x1f\x8b\x08 these bytes are no WARC record at all\r\n\r\n" * 3)
        _response(writer, f"https://example.org/{number}", _html(text, charset), f"text/html; charset={charset}")
    _response(writer, "https://example.org/gone", b"<html><body>Not found</body></html>", "text/html", "404 Not Found")
    path.write_bytes(buffer.getvalue())


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_pages_in_every_charset_are_read_and_every_other_record_is_a_failure(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    build_warc(path, gzip=gzip)
    items = list(warc_documents(str(path)))
    documents = [item for item in items if isinstance(item, RawDocument)]
    failures = [item for item in items if isinstance(item, InputError)]
    assert [document.given.url for document in documents] == [f"https://example.org/{n}" for n in range(4)]
    for document, (_charset, text) in zip(documents, PAGES, strict=True):
        assert text in document.text
        assert document.format == "html"
        assert document.given.published == date(2026, 3, 4)
        assert document.source.startswith(f"{path}#")
    reasons = [failure.reason for failure in failures]
    assert len(failures) == 3, reasons
    assert "not a web page: the archived response is image/png (https://example.org/logo.png)" in reasons
    assert any("not a WARC record, or a damaged one" in reason for reason in reasons)
    assert any("404 Not Found" in reason and "example.org/gone" in reason for reason in reasons)
    assert len({item.source for item in items}) == len(items), "each record is named apart"


def test_a_truncated_last_record_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    build_warc(path, gzip=False, broken=False)
    data = path.read_bytes()
    path.write_bytes(data[: data.rfind(PAGES[-1][1].encode(PAGES[-1][0])) + 5])  # the file ends in the last page
    items = list(warc_documents(str(path)))
    assert sum(isinstance(item, RawDocument) for item in items) == 3
    assert [item.reason for item in items if isinstance(item, InputError)][-1].startswith("truncated record")


def test_folders_and_the_pipeline_read_warc_files(tmp_path: Path) -> None:
    build_warc(tmp_path / "a.warc.gz", gzip=True, broken=False)
    items = list(read_inputs([str(tmp_path)], IngestOptions()))
    assert sum(isinstance(item, RawDocument) for item in items) == 4
    assert sum(isinstance(item, InputError) for item in items) == 2  # the image and the 404


def test_a_missing_warc_file_is_one_failure(tmp_path: Path) -> None:
    (item,) = warc_documents(str(tmp_path / "missing.warc"))
    assert isinstance(item, InputError)
    assert item.source.endswith("missing.warc")
