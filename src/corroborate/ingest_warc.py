"""WARC inputs, for ingest: web archives (a crawler's output, Common Crawl's CC-NEWS), one article per HTML page.

A WARC file holds many records. Each `response` or `resource` record of HTML (or plain text) becomes a `RawDocument`
named `path#N` (the file's Nth record), decoded by the charset its HTTP headers name (else the page's own), and
given the record's URL (the page's canonical link when it has one) and date. The record's date is when the page
was archived: for a news crawl (CC-NEWS), within a day or so of publication, which is why it is taken as the
publication date. It wins over a date the page states itself (what comes with an input always does), so for an
archive made long after publication it is wrong; a date the user gives (`--date`) wins over both.

Archives are large and often damaged, so the file is streamed (never read whole) and each record stands alone:
a response that is not HTML or not a success, a truncated record, one whose digest does not match its bytes, or
bytes that are no record at all become an `InputError` naming the record, and reading goes on after it (past
unreadable bytes, at the next record start found by scanning). Records that are not pages (`warcinfo`,
`request`, `metadata`, `revisit`) are skipped: they hold no article.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import IO, Any

from corroborate.errors import InputError
from corroborate.ingest import IngestOptions, os_reason, parse_bytes, too_large
from corroborate.ingest_json import YEARS
from corroborate.models import RawDocument

WARC_SUFFIXES = (".warc", ".warc.gz")
PAGE_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt"}
"""What a record may hold to be read as an article, and how; anything else (images, scripts, PDFs) is not one."""
PAGE_RECORDS = frozenset({"response", "resource"})
_GZIP_MEMBER = b"\x1f\x8b\x08"
"""How a record of a .warc.gz begins: each record is a gzip member of its own."""
_WARC_RECORD = b"WARC/1."
_SCAN = 1 << 20


def is_warc(path: str) -> bool:
    return path.lower().endswith(WARC_SUFFIXES)


def warc_documents(path: str, options: IngestOptions | None = None) -> Iterator[RawDocument | InputError]:
    """Every page of the WARC file at `path`, in order; an `InputError` in place of each record that is
    not a usable page, or of each stretch of bytes that is not a record."""
    options = options or IngestOptions()
    try:
        stream = open(path, "rb")  # noqa: SIM115 (closed below; a generator cannot hold it in a with before trying)
    except OSError as error:
        yield InputError(path, os_reason(error))
        return
    with stream:
        yield from _records(path, stream, options)


def _records(path: str, stream: IO[bytes], options: IngestOptions) -> Iterator[RawDocument | InputError]:
    """The records from the start, restarting after each unreadable stretch at the next record start."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number, marker = 0, _marker(stream)
    start: int | None = 0
    while start is not None:
        stream.seek(start)
        iterator = ArchiveIterator(stream, check_digests=True)
        last = start - 1  # the offset of the last record read whole in this pass
        try:
            for record in iterator:
                number += 1
                item = _page(f"{path}#{number}", record, options)
                last = start + iterator.get_record_offset()  # after the page: this reads the record to its end
                if item:
                    yield item
            return
        except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error) as error:
            number += 1
            yield InputError(f"{path}#{number}", f"not a WARC record, or a damaged one ({_first_line(error)})")
        start = _next_start(stream, max(last, start) + 1, marker)


def _page(source: str, record: Any, options: IngestOptions) -> RawDocument | InputError | None:
    """The page a record holds, an `InputError` saying why it holds none, or None for a record that is no page."""
    if record.rec_type not in PAGE_RECORDS:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    where = f" ({url})" if url else ""
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    if record.rec_type == "response":
        if headers is None:
            return InputError(source, f"a response record without HTTP headers{where}")
        status = headers.get_statuscode() or ""
        if not status.startswith("2"):
            return InputError(
                source, f"the archived response is {headers.protocol} {headers.statusline}, not a page{where}"
            )
    media, charset = _content_type(headers.get_header("Content-Type") if headers else None)
    if media and media not in PAGE_TYPES:
        return InputError(source, f"not a web page: the archived response is {media}{where}")
    try:
        data = record.content_stream().read(options.max_bytes + 1)
        if len(data) > options.max_bytes:
            raise too_large(source, options.max_bytes)
        if getattr(record.raw_stream, "limit", 0):
            raise InputError(source, f"truncated record: the file ends inside it{where}")
        if record.digest_checker.passed is False:
            raise InputError(source, f"damaged record: its digest does not match its bytes{where}")
        (document,) = parse_bytes(source, data, options, suffix=PAGE_TYPES.get(media, ""), charset=charset)
    except InputError as error:
        return error
    except (OSError, EOFError, ValueError, zlib.error) as error:  # a broken chunked or gzip encoding of the body
        return InputError(source, f"the archived body cannot be decoded ({_first_line(error)}){where}")
    return _given(document, url, record.rec_headers.get_header("WARC-Date"))


def _given(document: RawDocument, url: str | None, archived: str | None) -> RawDocument:
    """The record's URL and date as what came with the page; the page's canonical link wins over the URL, as
    for a page fetched (the same article archived under two addresses keeps one id)."""
    from corroborate.fetch import _canonical

    if url and document.format == "html":
        url = _canonical(document.text, url) or url
    day = _day(archived)
    return replace(document, given=replace(document.given, url=url or None, published=day or document.given.published))


def _day(stamp: str | None) -> date | None:
    try:
        day = date.fromisoformat(stamp[:10]) if stamp else None
    except ValueError:
        return None
    return day if day and YEARS[0] <= day.year <= YEARS[1] else None


def _content_type(value: str | None) -> tuple[str, str | None]:
    """`text/html; charset=Shift_JIS` as ("text/html", "Shift_JIS")."""
    media, _, parameters = (value or "").partition(";")
    charset = next(
        (
            part.split("=", 1)[1].strip().strip("\"'")
            for part in parameters.split(";")
            if part.strip().lower().startswith("charset=")
        ),
        None,
    )
    return media.strip().lower(), charset or None


def _marker(stream: IO[bytes]) -> bytes:
    """What each record begins with in this file: a gzip member's header, or the WARC version line."""
    head = stream.read(3)
    return _GZIP_MEMBER if head == _GZIP_MEMBER else _WARC_RECORD


def _next_start(stream: IO[bytes], offset: int, marker: bytes) -> int | None:
    """The offset of the next record start at or after `offset`, or None at the end of the file. A candidate
    is checked: a gzip header must open a member that inflates to a WARC header (compressed bytes can hold
    the three bytes of a gzip header by chance), a WARC version line must begin a line."""
    while (found := _find(stream, offset, marker)) is not None:
        if _opens_record(stream, found, marker):
            return found
        offset = found + 1
    return None


def _find(stream: IO[bytes], offset: int, marker: bytes) -> int | None:
    stream.seek(offset)
    carry = b""
    while chunk := stream.read(_SCAN):
        found = (carry + chunk).find(marker)
        if found >= 0:
            return offset - len(carry) + found
        offset += len(chunk)
        carry = chunk[-(len(marker) - 1) :]
    return None


def _opens_record(stream: IO[bytes], offset: int, marker: bytes) -> bool:
    stream.seek(max(0, offset - 1))
    head = stream.read(1024 + (offset > 0))
    if marker == _WARC_RECORD:
        return offset == 0 or head.startswith(b"\n")
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head[offset > 0 :], 16).startswith(_WARC_RECORD)
    except zlib.error:
        return False


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0][:200] if text else type(error).__name__
