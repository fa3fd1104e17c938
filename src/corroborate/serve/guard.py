"""Who may post the adding form: the same site only, from a page this server gave out, with the token when the
server has one.

Against cross-site request forgery, two checks: the browser's own word on where the request comes from (`Origin`,
`Sec-Fetch-Site`), and a token in a hidden field of the form, derived from a random session id kept in an
HttpOnly, SameSite=Strict cookie (a page elsewhere can neither read the field nor send the cookie). When the server
has a token (listening beyond this machine), the form asks for it once and keeps a cookie derived from it, so the
token itself is never stored in the browser.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from fastapi import HTTPException, Request, Response

SESSION_COOKIE = "corroborate_session"
TOKEN_COOKIE = "corroborate_token"
_SESSION = re.compile(r"[0-9a-f]{32}")


def session_id(request: Request) -> str:
    """The session id the request's cookie holds, or a new one (to be set with `keep_session`)."""
    given = request.cookies.get(SESSION_COOKIE, "")
    return given if _SESSION.fullmatch(given) else secrets.token_hex(16)


def form_token(request: Request, session: str) -> str:
    """The hidden field's value for a session: only this server, with its secret, can make it."""
    return hmac.new(request.app.state.secret, session.encode(), hashlib.sha256).hexdigest()


def keep_session(request: Request, response: Response, session: str) -> None:
    if request.cookies.get(SESSION_COOKIE) != session:
        _set_cookie(request, response, SESSION_COOKIE, session)


def check_same_site(request: Request) -> None:
    """Refuse a request a browser says comes from another site. `Sec-Fetch-Site` says it plainly; `Origin` must be
    this server's, or "null", which is what a browser sends from our pages (their Referrer-Policy is no-referrer),
    and then only beside `Sec-Fetch-Site`. A program sending neither header must still pass the form's token."""
    origin = request.headers.get("origin")
    site = request.headers.get("sec-fetch-site")
    own = f"{request.url.scheme}://{request.url.netloc}"
    if (
        origin not in (None, "null", own)
        or site not in (None, "same-origin", "none")
        or (origin == "null" and site is None)
    ):
        raise HTTPException(403, "adding articles from another site is refused")


def check_form_token(request: Request, given: str) -> None:
    session = request.cookies.get(SESSION_COOKIE, "")
    if not _SESSION.fullmatch(session) or not hmac.compare_digest(
        given.encode(), form_token(request, session).encode()
    ):
        raise HTTPException(403, "the form has expired or did not come from this server: open /add again")


def needs_token(request: Request) -> bool:
    """Whether the form must ask for the server's token: it has one, and no cookie shows it was given before."""
    token: str | None = request.app.state.token
    if token is None:
        return False
    return not hmac.compare_digest(request.cookies.get(TOKEN_COOKIE, "").encode(), _token_cookie(token).encode())


def token_matches(request: Request, given: str) -> bool:
    token: str | None = request.app.state.token
    return token is not None and hmac.compare_digest(given.encode(), token.encode())


def keep_token(request: Request, response: Response) -> None:
    """Remember that the token was given, as a value derived from it (not the token), for this browser."""
    token: str | None = request.app.state.token
    if token is not None:
        _set_cookie(request, response, TOKEN_COOKIE, _token_cookie(token))


def _token_cookie(token: str) -> str:
    return hmac.new(token.encode(), b"corroborate: the token was given", hashlib.sha256).hexdigest()


def _set_cookie(request: Request, response: Response, name: str, value: str) -> None:
    response.set_cookie(name, value, httponly=True, samesite="strict", secure=request.url.scheme == "https", path="/")
