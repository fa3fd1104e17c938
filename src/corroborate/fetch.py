"""Stage 1, ingest, for web addresses: fetch an http(s) page and hand its bytes to `ingest.parse_bytes`.

A web server is as untrusted as a file: it may not exist, refuse, stall, redirect in a loop, send gigabytes,
a PDF or an error page. Each of these becomes one `InputError` naming the URL as the user gave it, with a
reason a person can act on; httpx's own exceptions never reach the user.
"""

from __future__ import annotations

import errno
import re
import socket
import ssl
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from corroborate import __version__
from corroborate.errors import InputError
from corroborate.ingest import DEFAULT_MAX_BYTES, IngestOptions, format_of, parse_bytes, too_large
from corroborate.models import RawDocument

if TYPE_CHECKING:
    import httpx

__all__ = ["FetchOptions", "fetch_url"]


@dataclass(frozen=True)
class FetchOptions:
    """How long to wait for a server and how much to take from it.

    `timeout` bounds each wait (connecting, then every read of the body), not the whole download, so a
    big page on a slow line still arrives. `transport` replaces the network, e.g. with `httpx.MockTransport`.
    """

    timeout: float = 20.0
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 10
    user_agent: str = f"corroborate/{__version__} (news article reader)"
    transport: httpx.BaseTransport | None = None


# What each Content-Type is read as: the suffix `parse_bytes` takes; anything else is refused unread.
_SUFFIXES = {"text/html": ".html", "application/xhtml+xml": ".html", "application/json": ".json"}
_JSON_TYPES = ("+json", "/x-ndjson", "/jsonl")
_KINDS = {"application/pdf": "a PDF document", "image/": "an image", "video/": "a video", "audio/": "a sound file"}
_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,application/json;q=0.8,*/*;q=0.1"
_LINK = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)


def fetch_url(url: str, options: FetchOptions) -> list[RawDocument]:
    """The documents at `url`: `source` is `url` as given, `given.url` the page's canonical or final address."""
    import httpx  # here, not at the top: only a run with URLs pays for it

    _check_address(url)
    headers = {"User-Agent": options.user_agent, "Accept": _ACCEPT}
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=options.max_redirects,
                timeout=options.timeout,
                headers=headers,
                transport=options.transport,
            ) as client,
            client.stream("GET", url) as response,
        ):
            suffix, charset = _what_was_sent(url, response)
            data = _body(url, response, options.max_bytes)
            final = str(response.url)
    except (httpx.HTTPError, httpx.InvalidURL, UnicodeError) as error:
        raise InputError(url, _reason(error, options)) from None
    if not data.strip():
        raise InputError(url, "the server sent an empty page")
    documents = parse_bytes(url, data, IngestOptions(max_bytes=options.max_bytes), suffix=suffix, charset=charset)
    if format_of(data, suffix) == "json":
        return documents  # records of a feed: each keeps the url field it has, if any
    # Extract prefers `given.url` to the canonical link it finds itself, so the canonical link is put here.
    return [
        replace(doc, given=replace(doc.given, url=(doc.format == "html" and _canonical(doc.text, final)) or final))
        for doc in documents
    ]


def _check_address(url: str) -> None:
    """Refuse what no server can answer, before any connection, with what is wrong with the address."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as error:
        raise InputError(url, f"not a valid URL ({error})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(url, f"cannot be fetched: only http:// and https:// addresses are, not {parts.scheme}://")
    if not host or any(char.isspace() for char in host):
        raise InputError(url, "not a valid URL (no host name after the //)")


def _what_was_sent(url: str, response: httpx.Response) -> tuple[str, str | None]:
    """The suffix to read the body as and the charset the server named, or an error before the body is read."""
    if not response.is_success:
        raise InputError(url, f"the server answered {response.status_code} {response.reason_phrase}{_advice(response)}")
    media = response.headers.get("content-type", "").partition(";")[0].strip().lower()
    if not media:
        return "", response.charset_encoding  # no type named: `parse_bytes` looks at the bytes
    if media in _SUFFIXES:
        return _SUFFIXES[media], response.charset_encoding
    if media.endswith(_JSON_TYPES):
        return ".json", response.charset_encoding
    if media.startswith("text/"):
        return ".txt", response.charset_encoding
    kind = next((f" ({what})" for prefix, what in _KINDS.items() if media.startswith(prefix)), "")
    raise InputError(
        url, f"not a web page or text: the server sent {media}{kind}; corroborate reads HTML, text and JSON"
    )


def _advice(response: httpx.Response) -> str:
    status = response.status_code
    if status in (401, 403):
        return " (the site wants a login or refuses programs: save the page from a browser and pass the file)"
    if status == 429:
        return " (too many requests: try again later)"
    if status >= 500:
        return " (a fault on the server's side: try again later)"
    return " (check the address)" if status >= 400 else ""


def _body(url: str, response: httpx.Response, max_bytes: int) -> bytes:
    """The body, read in chunks and given up on as soon as it is over `max_bytes` (a length announced, or read)."""
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise too_large(url, max_bytes, int(length))
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise too_large(url, max_bytes)
    return bytes(body)


def _reason(error: Exception, options: FetchOptions) -> str:
    """One line saying why the page could not be fetched, and what to do about it."""
    import httpx

    host = _failed_host(error)
    cause = _os_error(error)
    if isinstance(error, httpx.TimeoutException):
        return f"cannot be fetched: no answer within {options.timeout:g} s (the server is down or slow: try later)"
    if isinstance(error, httpx.TooManyRedirects):
        return f"cannot be fetched: more than {options.max_redirects} redirects (the site sends requests in a loop)"
    if isinstance(error, httpx.UnsupportedProtocol):
        return f"cannot be fetched: redirected to an address that is not http(s) ({error})"
    if isinstance(error, httpx.InvalidURL | UnicodeError):
        return f"not a valid URL ({error})"
    if isinstance(cause, socket.gaierror):
        return f"cannot be fetched: no network connection or unknown host ({host}); check the address and the network"
    if isinstance(cause, ConnectionRefusedError):
        return f"cannot be fetched: connection refused by {host} (is the server running? check the address and port)"
    if isinstance(cause, ssl.SSLError):
        return f"cannot be fetched: the secure connection to {host} failed ({_ssl_detail(cause)})"
    if cause is not None and cause.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
        return f"cannot be fetched: no network connection, or no route to {host}; check the network"
    return f"cannot be fetched ({type(error).__name__}: {error or 'no detail'})"


def _ssl_detail(error: ssl.SSLError) -> str:
    """Python's "certificate has expired" rather than OpenSSL's "CERTIFICATE_VERIFY_FAILED" when it has one."""
    return getattr(error, "verify_message", None) or error.reason or str(error)


def _os_error(error: BaseException) -> OSError | None:
    """The operating system's error under httpx's and httpcore's wrappers, which say what really failed."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, OSError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _failed_host(error: Exception) -> str:
    """host:port of the request that failed, which after a redirect is not the one the user gave."""
    import httpx

    try:
        url = error.request.url if isinstance(error, httpx.HTTPError) else None
    except RuntimeError:  # httpx raises it when the error has no request
        url = None
    if url is None:
        return "the server"
    return f"{url.host}:{url.port}" if url.port else url.host


def _canonical(html: str, base: str) -> str | None:
    """The absolute http(s) address of the page's `<link rel="canonical">`, read in its head."""
    head = html[:200_000]
    end = head.lower().find("</head>")
    for tag in _LINK.findall(head[:end] if end >= 0 else head):
        attributes = {name.lower(): double or single or bare for name, double, single, bare in _ATTRIBUTE.findall(tag)}
        href = attributes.get("href", "").strip()
        if "canonical" in attributes.get("rel", "").lower().split() and href:
            address = urljoin(base, href)
            if urlsplit(address).scheme in ("http", "https"):
                return address
    return None
