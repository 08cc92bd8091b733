"""`thin serve`: a preview server that rebuilds on change and reloads the browser.

It binds to loopback only, serves nothing outside the built site, and survives bad
content: a failed rebuild keeps the last good site on screen, with the problems
shown over the page and in the terminal. After the first build it rebuilds only what
an edit touched (`incremental.Rebuilder`), with the same bytes as a full build.
"""
from __future__ import annotations

import http.server
import json
import posixpath
import threading
from pathlib import Path
from time import perf_counter
from typing import Callable
from urllib.parse import unquote, urlsplit

import watchfiles

from .build import DEFAULT_TEMPLATES
from .build_state import input_roots
from .capabilities import PORTAL
from .core.errors import ContentError, Problem
from .incremental import Rebuilder
from .report import format_problem

STATUS_PATH = "/__thin__/status"
RELOAD_PATH = "/__thin__/live-reload.js"


class BuildState:
    """The outcome of the latest build, shared between the watcher and the server."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.version = 0
        self.problems: list[str] = []

    def record(self, problems: list[Problem]) -> None:
        with self.lock:
            self.version += 1
            self.problems = [str(p) for p in problems if p.is_error]

    def as_json(self) -> bytes:
        with self.lock:
            return json.dumps({"version": self.version, "problems": self.problems}).encode()


def safe_relative_path(request_path: str) -> str | None:
    """The site-relative file for a request path, or None if it tries to leave the site."""
    path = unquote(urlsplit(request_path).path, errors="strict")
    if "\x00" in path or "\\" in path:
        return None
    parts = [part for part in path.split("/") if part]
    if any(part in ("..", ".") for part in parts):
        return None
    relative = posixpath.join(*parts) if parts else ""
    if path.endswith("/") and relative:
        return relative + "/index.html"
    return relative or "index.html"


def make_handler(site: Path, state: BuildState, reload_script: bytes):
    site = site.resolve()

    class Handler(http.server.BaseHTTPRequestHandler):
        server_version = "thin-serve"

        def log_message(self, format: str, *args) -> None:  # keep the terminal for problems
            pass

        def do_GET(self) -> None:
            if self.path == STATUS_PATH:
                return self.send(200, "application/json", state.as_json())
            if self.path == RELOAD_PATH:
                return self.send(200, "text/javascript", reload_script)
            target = self.resolve()
            if target is None:
                return self.not_found()
            if target.is_dir():
                location = urlsplit(self.path).path + "/"
                self.send_response(301)
                self.send_header("Location", location)
                self.end_headers()
                return None
            self.send(200, _content_type(target), self.inject(target))

        def resolve(self) -> Path | None:
            try:
                relative = safe_relative_path(self.path)
            except UnicodeDecodeError:
                return None
            if relative is None:
                return None
            target = (site / relative).resolve()
            if site not in target.parents and target != site or not target.exists():
                return None
            return target

        def inject(self, target: Path) -> bytes:
            data = target.read_bytes()
            if target.suffix == ".html":
                tag = f'<script src="{RELOAD_PATH}" defer></script></body>'.encode()
                data = data.replace(b"</body>", tag, 1)
            return data

        def not_found(self) -> None:
            page = site / "404.html"
            body = self.inject(page) if page.exists() else b"Not found"
            self.send(404, "text/html; charset=utf-8", body)

        def send(self, code: int, content_type: str, body: bytes) -> None:
            self.send_response(code)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

    return Handler


def _content_type(path: Path) -> str:
    types = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
             ".js": "text/javascript; charset=utf-8", ".json": "application/json",
             ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
             ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
             ".webp": "image/webp", ".svg": "image/svg+xml", ".ics": "text/calendar",
             ".csv": "text/csv; charset=utf-8", ".pdf": "application/pdf"}
    return types.get(path.suffix.lower(), "application/octet-stream")


def rebuild(rebuilder: Rebuilder, state: BuildState, echo: Callable[[str], None],
            changed: list[str] | None = None) -> None:
    """Build again after `changed` files (all of it the first time), saying what it did."""
    try:
        if rebuilder.state is None:
            started = perf_counter()
            result = rebuilder.build()
            done = f"Built {result.pages} pages in {perf_counter() - started:.2f} s"
        else:
            report = rebuilder.rebuild(changed)
            done = (f"Rebuilt everything in {report.seconds:.2f} s ({report.reason})"
                    if report.full else f"Rebuilt {report.files_written} files in "
                    f"{report.seconds:.2f} s")
    except ContentError as exc:
        for problem in exc.problems:
            echo(format_problem(problem))
        echo(f"Build failed: {sum(p.is_error for p in exc.problems)} error(s); "
             "still serving the last good site.")
        state.record(exc.problems)
    else:
        echo(done)
        state.record([])


def serve(root: Path, host: str, port: int, echo: Callable[[str], None],
          watch: bool = True, pdf: bool = False) -> None:
    """Build, serve and (unless `watch` is off) rebuild on every change until stopped.

    PDFs are left out unless `pdf` is on: they are the slowest step, and a preview is
    for seeing pages change as you type.
    """
    root = Path(root).resolve()
    out = root / "site"
    state = BuildState()
    rebuilder = Rebuilder(root, out, pdf=pdf)
    rebuild(rebuilder, state, echo)
    out.mkdir(exist_ok=True)
    reload_script = (DEFAULT_TEMPLATES / "dev" / "live-reload.js").read_bytes()
    server = http.server.ThreadingHTTPServer((host, port), make_handler(out, state, reload_script))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    echo(f"Serving {out} at http://{host}:{server.server_address[1]}/ (Ctrl+C to stop)")
    try:
        if watch:
            paths = [path for path in input_roots(root, PORTAL, root / "templates")
                     if path.exists()]
            for changes in watchfiles.watch(*paths):
                rebuild(rebuilder, state, echo, [path for _change, path in changes])
        else:
            thread.join()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
