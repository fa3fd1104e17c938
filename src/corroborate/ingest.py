"""Stage 1, ingest: turn paths (files, folders, `-` for stdin, http(s) URLs) into decoded `RawDocument`s.

Whatever arrives is untrusted: empty, binary, gzipped, huge, in a wrong or mixed encoding, or JSON with
missing fields; a web server may be down, slow or send a PDF (fetch.py). Each problem becomes an `InputError`
naming the input, yielded in place of the document, so that one bad input never takes the rest of the batch
down with it.
"""

from __future__ import annotations

import codecs
import gzip
import io
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from corroborate.errors import InputError
from corroborate.ingest_json import json_documents
from corroborate.models import RawDocument

if TYPE_CHECKING:
    from corroborate.fetch import FetchOptions

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
KNOWN_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | JSON_SUFFIXES | {".warc"}
STDIN = "-"
DEFAULT_MAX_BYTES = 10_000_000
"""Articles are rarely over 2 MB even as HTML; the limit guards memory."""
# Two letters at least before "://", so that a Windows drive ("C://") is never taken for a URL.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x7fELF": "an executable program",
    b"RIFF": "a media file",
}
_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|article|p)[\s>]",
    re.IGNORECASE | re.DOTALL,
)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


@dataclass(frozen=True)
class IngestOptions:
    """How much to accept, and how to fetch URLs (None: `FetchOptions` defaults, capped at `max_bytes`)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    fetch: FetchOptions | None = None


def read_inputs(paths: Iterable[str], options: IngestOptions | None = None) -> Iterator[RawDocument | InputError]:
    """Every document the paths hold, in order; an `InputError` in place of each input that cannot be read."""
    options = options or IngestOptions()
    for path in paths:
        for item in _expand(path):
            if isinstance(item, InputError):
                yield item
                continue
            if _suffix(Path(item)) == ".warc":  # a web archive: many pages, streamed record by record
                from corroborate.ingest_warc import warc_documents

                yield from warc_documents(item, options)
                continue
            try:
                yield from read_path(item, options)
            except InputError as error:
                yield error


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files and URLs as given; folders as the sorted files under them with a known suffix (hidden ones skipped)."""
    for path in paths:
        yield from (item for item in _expand(path) if isinstance(item, str))


def _expand(path: str) -> Iterator[str | InputError]:
    """One argument as the inputs it names, and an `InputError` for each folder under it that cannot be listed."""
    if path == STDIN or is_url(path):
        yield path
        return
    folder = Path(path)
    try:
        is_folder = folder.is_dir()
    except OSError as error:  # a name too long for the system, a loop of links, ...
        yield InputError(path, os_reason(error))
        return
    if not is_folder:
        yield path
        return
    files: list[Path] = []
    unreadable: list[OSError] = []
    for root, folders, names in os.walk(folder, onerror=unreadable.append):
        folders[:] = [name for name in folders if not name.startswith(".")]
        files += [Path(root, name) for name in names if not name.startswith(".")]
    yield from (str(file) for file in sorted(files) if _suffix(file) in KNOWN_SUFFIXES)
    for problem in unreadable:
        yield InputError(str(problem.filename or path), os_reason(problem))


def os_reason(error: OSError) -> str:
    """What the system said about a file, in a few words: "cannot be read (Permission denied)"."""
    return f"cannot be read ({error.strerror or error})"


def is_url(path: str) -> bool:
    """Whether an argument is a web address (any scheme: `fetch_url` says which ones it cannot fetch)."""
    return bool(_URL.match(path))


def read_path(path: str, options: IngestOptions) -> list[RawDocument]:
    """The documents in one file or URL (several for JSON Lines), or an `InputError` saying why there are none."""
    if is_url(path):
        from corroborate.fetch import FetchOptions, fetch_url  # here: httpx is only imported to fetch

        return fetch_url(path, options.fetch or FetchOptions(max_bytes=options.max_bytes))
    if path == STDIN:
        source = "<stdin>"
        if sys.stdin is None:  # started with stdin closed (`<&-`)
            raise InputError(source, "standard input is closed")
        try:
            data = sys.stdin.buffer.read(options.max_bytes + 1)
        except (OSError, ValueError) as error:  # ValueError: the stream was closed
            raise InputError(source, f"cannot be read ({getattr(error, 'strerror', None) or error})") from None
    else:
        source = path
        data = _read_file(Path(path), options.max_bytes)
    return parse_bytes(source, data, options, suffix=_suffix(Path(path)) if path != STDIN else "")


def _read_file(file: Path, max_bytes: int) -> bytes:
    source = str(file)
    try:
        if not file.exists():
            raise InputError(source, "no such file or folder")
        if not file.is_file():
            raise InputError(source, "not a regular file")
        size = file.stat().st_size
        if size > max_bytes:
            raise too_large(source, max_bytes, size)
        with file.open("rb") as stream:
            return stream.read(max_bytes + 1)  # bounded: the file may grow, or be a device
    except OSError as error:
        raise InputError(source, os_reason(error)) from None


def parse_bytes(
    source: str, data: bytes, options: IngestOptions | None = None, suffix: str = "", charset: str | None = None
) -> list[RawDocument]:
    """Decode `data` and split it into documents; `suffix` (".html", ".jsonl", ...) says what it should hold.

    `charset` is the one a web server named for the bytes: it wins over the one the page declares.
    """
    options = options or IngestOptions()
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(source, data, options.max_bytes)
    if len(data) > options.max_bytes:
        raise too_large(source, options.max_bytes)
    if not data.strip():
        raise InputError(source, "empty file")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(source, f"binary file ({what}), not text")
    form = format_of(data, suffix)
    declared = charset or (_declared_charset(data) if form == "html" else None)
    text, warnings = decode(source, data, declared=declared)
    if form == "json":
        return json_documents(source, text, warnings, _HTML_START)
    return [RawDocument(source=source, text=text, format=form, warnings=tuple(warnings))]


def decode(source: str, data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """Text from bytes, and warnings for anything that was not plain UTF-8.

    UTF-8 first (with or without BOM); then the charset the page declares; then, for text that is UTF-8
    but for a few stray bytes (a mixed encoding), those bytes as Windows-1252; else charset detection.
    Mojibake left by an earlier wrong decoding ("donâ€™t") is repaired with ftfy.
    """
    warnings: list[str] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    elif _looks_binary(data):
        raise InputError(source, "binary file, not text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _decode_non_utf8(source, data, declared, warnings)
    if "\ufffd" in text:
        warnings.append(f"{text.count(chr(0xFFFD))} characters could not be decoded and were replaced")
    if not _MOJIBAKE.search(text):
        return text, warnings
    import ftfy  # here, not at the top: most inputs are clean and never need it

    fixed = ftfy.fix_encoding(text)
    if fixed != text:
        warnings.append("mojibake repaired (the text had been decoded with a wrong encoding before)")
    return fixed, warnings


# A lead byte of UTF-8 read as Latin-1/Windows-1252 followed by a continuation byte read the same way ("Ã©",
# "â€™"): the trace mojibake leaves. Only text with such a pair is handed to ftfy, which is slow on whole pages.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
    "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def _decode_non_utf8(source: str, data: bytes, declared: str | None, warnings: list[str]) -> str:
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            warnings.append(f"declared charset {declared!r} does not fit the bytes")
    bad = _invalid_utf8_bytes(data)
    if bad <= max(8, len(data) // 200):
        warnings.append(f"mixed encoding: {bad} bytes were not UTF-8 and were read as Windows-1252")
        return data.decode("utf-8", errors="cp1252_fallback")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(source, "unknown text encoding (not UTF-8, and no other encoding fits)")
    warnings.append(f"not UTF-8: read as {best.encoding}")
    return str(best)


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chunk = error.object[error.start : error.end]
    return chunk.decode("cp1252", errors="replace"), error.end


codecs.register_error("cp1252_fallback", _cp1252_fallback)


def _invalid_utf8_bytes(data: bytes) -> int:
    return data.decode("utf-8", errors="replace").count("\ufffd")


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > len(head) // 20


def _gunzip(source: str, data: bytes, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise InputError(source, f"broken gzip file ({error})") from None
    if len(out) > max_bytes:
        raise InputError(source, f"too large once uncompressed (over {_megabytes(max_bytes)})")
    return out


def format_of(data: bytes, suffix: str) -> Literal["html", "text", "json"]:
    """What `data` holds: its suffix says so when it has one, else its first bytes do."""
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in HTML_SUFFIXES:
        return "html"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not suffix and head[:1] in (b"{", b"["):
        return "json"
    if _HTML_START.match(head):
        return "html"
    return "text"


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _suffix(path: Path) -> str:
    suffixes = [suffix.lower() for suffix in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def too_large(source: str, max_bytes: int, size: int | None = None) -> InputError:
    """The error for an input over the size limit, with its size when it is known before reading."""
    if size is None:
        return InputError(source, f"too large (over {_megabytes(max_bytes)}, raise the limit with --max-size)")
    return InputError(
        source, f"too large ({_megabytes(size)}; the limit is {_megabytes(max_bytes)}, raise it with --max-size)"
    )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
