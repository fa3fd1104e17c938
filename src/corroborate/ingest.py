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
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from corroborate.errors import InputError
from corroborate.models import Given, RawDocument

if TYPE_CHECKING:
    from corroborate.fetch import FetchOptions

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
KNOWN_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | JSON_SUFFIXES
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
    for path in expand_paths(paths):
        try:
            yield from read_path(path, options)
        except InputError as error:
            yield error


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files and URLs as given; folders as the sorted files under them with a known suffix (hidden ones skipped)."""
    for path in paths:
        if path == STDIN or is_url(path):
            yield path
            continue
        folder = Path(path)
        if folder.is_dir():
            for child in sorted(folder.rglob("*")):
                parts = child.relative_to(folder).parts
                if (
                    child.is_file()
                    and not any(part.startswith(".") for part in parts)
                    and _suffix(child) in KNOWN_SUFFIXES
                ):
                    yield str(child)
        else:
            yield path


def is_url(path: str) -> bool:
    """Whether an argument is a web address (any scheme: `fetch_url` says which ones it cannot fetch)."""
    return bool(_URL.match(path))


def read_path(path: str, options: IngestOptions) -> list[RawDocument]:
    """The documents in one file or URL (several for JSON Lines), or an `InputError` saying why there are none."""
    if is_url(path):
        from corroborate.fetch import FetchOptions, fetch_url  # here: httpx is only imported to fetch

        return fetch_url(path, options.fetch or FetchOptions(max_bytes=options.max_bytes))
    if path == STDIN:
        data = sys.stdin.buffer.read(options.max_bytes + 1)
        source = "<stdin>"
    else:
        source = path
        file = Path(path)
        if not file.exists():
            raise InputError(source, "no such file or folder")
        if not file.is_file():
            raise InputError(source, "not a regular file")
        size = file.stat().st_size
        if size > options.max_bytes:
            raise too_large(source, options.max_bytes, size)
        try:
            data = file.read_bytes()
        except OSError as error:
            raise InputError(source, f"cannot be read ({error.strerror or error})") from None
    return parse_bytes(source, data, options, suffix=_suffix(Path(path)) if path != STDIN else "")


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
        return _json_documents(source, text, warnings)
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
    except (OSError, EOFError) as error:
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


# JSON inputs: one article per object, in a list, a single object, or one per line (JSON Lines).

_TEXT_FIELDS = ("text", "body", "content", "article", "articleBody")
_HTML_FIELDS = ("html", "raw_html", "page")
_FIELD_ALIASES = {
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url"),
    "outlet": ("outlet", "site", "sitename", "source_name", "publisher"),
    "published": ("published", "date", "published_at", "datePublished", "pubdate"),
    "authors": ("authors", "author", "byline"),
}


def _json_documents(source: str, text: str, warnings: list[str]) -> list[RawDocument]:
    records = list(_json_records(source, text))
    if not records:
        raise InputError(source, "JSON holds no articles")
    documents: list[RawDocument] = []
    errors: list[str] = []
    for name, record in records:
        try:
            documents.append(_record_document(name, record, warnings))
        except InputError as error:
            errors.append(error.reason)
    if not documents:
        raise InputError(source, f"no usable article in the JSON ({errors[0]})")
    if errors:
        documents[0] = _with_warning(documents[0], f"{len(errors)} records skipped, e.g. {errors[0]}")
    return documents


def _json_records(source: str, text: str) -> Iterator[tuple[str, Any]]:
    stripped = text.strip()
    if stripped.startswith("["):
        data = _load_json(source, stripped)
        for index, item in enumerate(data if isinstance(data, list) else [data], start=1):
            yield f"{source}#{index}", item
        return
    try:
        yield source, json.loads(stripped)
        return
    except json.JSONDecodeError:
        pass
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield f"{source}#{number}", _load_json(f"{source}#{number}", line)


def _load_json(source: str, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(source, f"broken JSON at line {error.lineno}, column {error.colno}: {error.msg}") from None


def _record_document(name: str, record: Any, warnings: list[str]) -> RawDocument:
    if not isinstance(record, dict):
        raise InputError(name, f"expected a JSON object, found {type(record).__name__}")
    html = _first_string(record, _HTML_FIELDS)
    body = _first_string(record, _TEXT_FIELDS)
    if not html and not body:
        raise InputError(name, "record has no text or html field")
    form: Literal["html", "text"] = "html" if html or _HTML_START.match(body.encode()[:4096]) else "text"
    record_warnings = list(warnings)
    published = _given_date(record, record_warnings)
    authors = record.get(_present(record, _FIELD_ALIASES["authors"]) or "", ())
    if isinstance(authors, str):
        authors = [part.strip() for part in re.split(r"\s*(?:;|,| and )\s*", authors) if part.strip()]
    given = Given(
        title=_first_string(record, _FIELD_ALIASES["title"]) or None,
        url=_first_string(record, _FIELD_ALIASES["url"]) or None,
        outlet=_first_string(record, _FIELD_ALIASES["outlet"]) or None,
        published=published,
        authors=tuple(str(author) for author in authors if author),
    )
    return RawDocument(source=name, text=html or body, format=form, given=given, warnings=tuple(record_warnings))


def _given_date(record: dict[str, Any], warnings: list[str]) -> date | None:
    value = _first_string(record, _FIELD_ALIASES["published"])
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        warnings.append(f"publication date {value!r} is not an ISO date (YYYY-MM-DD); ignored")
        return None


def _first_string(record: dict[str, Any], fields: Iterable[str]) -> str:
    for field in fields:
        value = record.get(field)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def _present(record: dict[str, Any], fields: Iterable[str]) -> str | None:
    return next((field for field in fields if record.get(field)), None)


def _with_warning(document: RawDocument, warning: str) -> RawDocument:
    return replace(document, warnings=(*document.warnings, warning))
