"""Trying each external link (`thin report links --check`), politely and never fatally.

Other people's servers are slow, down for the afternoon, or refuse robots, so:

- each address is tried with HEAD, and with GET when HEAD gets an error status
  (many servers answer HEAD with 403, 404 or 405 and GET with the page); a timeout
  or a failed connection is not retried, it would only double the wait;
- redirects are not followed but reported, with where they go, so the content can
  be updated to the new address;
- one host is asked at most once every `delay` seconds: each host's addresses are
  tried in turn by one worker, and a few workers run different hosts at once;
- answers are kept in a cache (`.thin-cache/links.json`) for `max_age` seconds, so a
  weekly run does not ask the same site again every time; timeouts and failed
  connections are not kept, they are worth trying again. A cache that cannot be
  read (corrupted, another format, not there) is ignored and rewritten;
- nothing here raises on a bad host or a bad address: every failure is a `Result`.
"""
from __future__ import annotations

import json
import os
import socket
import ssl
import string
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http import HTTPStatus
from http.client import HTTPException
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

OUTCOMES = ("broken", "unreachable", "timeout", "redirect", "ok")  # worst first
_KEPT = frozenset({"broken", "redirect", "ok"})
CACHE_VERSION = 1
_SAFE = string.punctuation  # what an address may already hold, %-escapes included
USER_AGENT = "thin-portal-link-check/1 (a voluntary sector directory checking its links)"


@dataclass(frozen=True)
class Result:
    outcome: str  # one of OUTCOMES
    detail: str  # "404 Not Found", "301 to https://…", "timed out after 10 s"


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Turns every 3xx into an HTTPError, so the redirect is reported, not followed."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _status(code: int) -> str:
    try:
        return f"{code} {HTTPStatus(code).phrase}"
    except ValueError:
        return str(code)


def _ascii(url: str) -> str:
    """The address as HTTP sends it: an international host in IDNA, other letters %-encoded."""
    if url.isascii():
        return url
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=parts.netloc.encode("idna").decode("ascii"))
                      ._replace(path=quote(parts.path, safe=_SAFE),
                                query=quote(parts.query, safe=_SAFE),
                                fragment=""))


def _request(opener: urllib.request.OpenerDirector, url: str, method: str,
             timeout: float) -> Result:
    try:
        request = urllib.request.Request(_ascii(url), method=method,
                                         headers={"User-Agent": USER_AGENT})
        with opener.open(request, timeout=timeout) as response:
            return Result("ok", _status(response.status))
    except urllib.error.HTTPError as error:
        error.close()
        if 300 <= error.code < 400:
            target = urljoin(url, error.headers.get("Location", ""))
            return Result("redirect", f"{_status(error.code)} to {target}")
        return Result("broken", _status(error.code))
    except urllib.error.URLError as error:
        return _failure(error.reason, timeout)
    except (OSError, HTTPException, ValueError) as error:
        return _failure(error, timeout)


def _failure(reason: object, timeout: float) -> Result:
    if isinstance(reason, TimeoutError):
        return Result("timeout", f"timed out after {timeout:g} s")
    if isinstance(reason, socket.gaierror):
        return Result("unreachable", "DNS error: the host name was not found")
    if isinstance(reason, ConnectionRefusedError):
        return Result("unreachable", "connection refused")
    if isinstance(reason, ssl.SSLError):
        return Result("unreachable", f"secure connection failed ({reason.reason or reason})")
    return Result("unreachable", f"connection failed ({reason})")


def check_url(opener: urllib.request.OpenerDirector, url: str, timeout: float,
              wait: Callable[[], None]) -> Result:
    """HEAD, then GET when HEAD got an error status; `wait` before each request."""
    wait()
    result = _request(opener, url, "HEAD", timeout)
    if result.outcome != "broken":
        return result
    wait()
    return _request(opener, url, "GET", timeout)


class _Host:
    """At most one request to a host every `delay` seconds."""

    def __init__(self, delay: float, clock: Callable[[], float],
                 sleep: Callable[[float], None]) -> None:
        self.delay, self.clock, self.sleep = delay, clock, sleep
        self.last: float | None = None

    def wait(self) -> None:
        if self.last is not None:
            remaining = self.last + self.delay - self.clock()
            if remaining > 0:
                self.sleep(remaining)
        self.last = self.clock()


def read_cache(path: Path, now: float, max_age: float) -> dict[str, tuple[Result, float]]:
    """The fresh answers in the cache and when each was checked; {} when it is unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["results"] if data.get("version") == CACHE_VERSION else {}
        return {url: (Result(entry["outcome"], entry["detail"]), float(entry["checked"]))
                for url, entry in entries.items()
                if isinstance(url, str) and entry["outcome"] in _KEPT
                and isinstance(entry["detail"], str)
                and now - float(entry["checked"]) < max_age}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def write_cache(path: Path, results: dict[str, tuple[Result, float]]) -> None:
    """Written whole to a temporary file, then renamed: a crash leaves the old cache."""
    entries = {url: {"outcome": result.outcome, "detail": result.detail, "checked": checked}
               for url, (result, checked) in sorted(results.items())
               if result.outcome in _KEPT}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps({"version": CACHE_VERSION, "results": entries},
                                        indent=1), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass  # a read-only checkout still gets its report, only not the cache


def _host(url: str) -> str:
    """The host to be polite to; "" for an address too broken to name one (it fails alone)."""
    try:
        return urlsplit(url).netloc.lower()
    except ValueError:
        return ""


@dataclass(frozen=True)
class Settings:
    timeout: float = 10.0
    delay: float = 1.0  # seconds between two requests to one host
    max_age: float = 7 * 24 * 3600  # how long a cached answer is trusted
    workers: int = 4


def check_links(urls: Iterable[str], cache: Path, settings: Settings = Settings(),
                clock: Callable[[], float] = time.monotonic,
                now: Callable[[], float] = time.time) -> dict[str, Result]:
    """Every address's result, from the cache when fresh, else by asking its host."""
    started, wanted = now(), set(urls)
    cached = read_cache(cache, started, settings.max_age)
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in sorted(wanted - set(cached)):
        by_host[_host(url)].append(url)
    opener = urllib.request.build_opener(_NoRedirects())
    fresh: dict[str, Result] = {}
    lock = threading.Lock()

    def run(host_urls: list[str]) -> None:
        host = _Host(settings.delay, clock, time.sleep)
        for url in host_urls:
            result = check_url(opener, url, settings.timeout, host.wait)
            with lock:
                fresh[url] = result

    with ThreadPoolExecutor(max_workers=max(1, settings.workers)) as pool:
        list(pool.map(run, by_host.values()))
    write_cache(cache, {**cached, **{url: (result, started) for url, result in fresh.items()}})
    return {url: result for url, (result, _checked) in cached.items() if url in wanted} | fresh
