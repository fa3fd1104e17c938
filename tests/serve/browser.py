"""What the browser tests of the web app share: the real server (uvicorn on 127.0.0.1, a free port), headless
Chromium (`launch`), and a `Watch` over a browser context that blocks and records everything that should not happen."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import uvicorn
from fastapi import FastAPI
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Route, sync_playwright
from tests.test_report_browser import ARGS, CHROMIUM


@contextlib.contextmanager
def launch() -> Iterator[Browser]:
    """Debian's headless Chromium, driven by Playwright."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """The app under uvicorn on 127.0.0.1 (a free port), as `corroborate serve` runs it; its base URL."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()


class Watch:
    """What a browser context did that it should not: requests beyond the server (blocked), dialogs (dismissed),
    console errors and script errors, Content-Security-Policy violations (by our own pages: nothing should try)."""

    def __init__(self, context: BrowserContext, server: str) -> None:
        self.server = urlsplit(server).netloc
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        context.route("**/*", self._route)
        context.on("page", self._page)
        # Playwright's init scripts run whatever the page's CSP says: this one only listens.
        context.add_init_script(
            "window.__violations = [];"
            "document.addEventListener('securitypolicyviolation',"
            " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
        )

    def _route(self, route: Route) -> None:
        url = urlsplit(route.request.url)
        if url.scheme in ("http", "https") and url.netloc == self.server:
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def _page(self, page: Page) -> None:
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        page.on("console", lambda message: self._console(page, message))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _console(self, page: Page, message: ConsoleMessage) -> None:
        """Console errors, but for the status of an error page itself (a 404 page is meant to be a 404)."""
        own_status = message.text.startswith("Failed to load resource") and message.location["url"] == page.url
        if message.type == "error" and not own_status:
            self.errors.append(message.text)

    def check(self, page: Page) -> None:
        """Nothing went wrong on `page` so far."""
        assert page.evaluate("window.__pwned") is None, "a planted script ran"
        assert page.evaluate("window.__violations") == []
        assert (self.outside, self.dialogs, self.errors) == ([], [], [])
