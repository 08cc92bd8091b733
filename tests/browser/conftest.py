"""Session fixtures for the browser suite: one built site, one server, one Chromium.

Building the site and starting Chromium each take seconds, so both happen once
per session; every test still gets a fresh browser context so cookies, storage
and focus never leak between tests.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import threading
from collections.abc import Iterator
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from .support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO_ROOT,
    SitePages,
    fail_if_any,
    require,
    sitemap_paths,
)

BROWSER_TESTS = Path(__file__).resolve().parent

#: Fixed "today" so date-dependent output (upcoming activities, "updated n
#: days ago") is the same on every run.
BUILD_DATE = datetime.date(2026, 11, 24)

PAGE_TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder ``browser`` so ``make test-fast`` can leave them out.

    pytest calls this hook with the whole session's items, so it must filter
    to this folder itself.
    """
    for item in items:
        if item.path.is_relative_to(BROWSER_TESTS):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample site, built once through the library API into a temp dir.

    The import is deferred to here so that a missing or broken ``thin_build``
    fails these tests, not the collection of the whole test session.
    """
    from thin_build.build import build_site
    from thin_build.core.errors import ContentError

    out = tmp_path_factory.mktemp("built") / "site"
    problems: list[str] = []
    try:
        build_site(REPO_ROOT, out, today=BUILD_DATE, pdf=True)  # /print/ and its links
    except ContentError as error:
        problems = [str(problem) for problem in error.problems] or [str(error)]
    # Failing outside the except block keeps ContentError's traceback, which
    # adds nothing to the problem list, out of the report.
    fail_if_any(problems, "problem(s) stop the sample site from building")
    return out


@pytest.fixture(scope="session")
def site_pages(built_site: Path) -> SitePages:
    """The built site with its sitemap read, for picking one page of each kind."""
    return SitePages(built_site, sitemap_paths(built_site))


class _StaticSiteHandler(SimpleHTTPRequestHandler):
    """Serve files the way a plain static host does: no listings, custom 404 page."""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base signature
        """Stay quiet; a request log would drown pytest's output."""

    def list_directory(self, path: str | Path) -> None:
        """Answer 404 for a directory without ``index.html`` instead of listing it.

        A listing would be a 200 page that axe could pass, hiding a missing page.
        """
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Send the site's own ``404.html`` for unknown paths, as the production host does."""
        not_found_page = Path(self.directory, "404.html")
        if code != HTTPStatus.NOT_FOUND or not not_found_page.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found_page.read_bytes()
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def serve_static(directory: Path) -> Iterator[str]:
    """Base URL (no trailing slash) of a loopback static server for `directory`.

    Port 0 lets the OS pick a free port, so parallel sessions never collide.
    """
    handler = functools.partial(_StaticSiteHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    """The sample site on a loopback static server."""
    with serve_static(built_site) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium driven by Playwright; never ``playwright install``."""
    require(CHROMIUM, "Chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_ARGS)
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page in a fresh browser context, so no state carries over between tests."""
    context = browser.new_context()
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()
