"""`thin report links --check` against a local server on 127.0.0.1 only: what each answer
means, the polite rate per host, the cache, and a flaky host never failing the command."""
from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from thin_build.cli import main
from thin_build.review.link_check import Result, Settings, _failure, check_links

FAST = Settings(timeout=0.5, delay=0.0)


class Handler(BaseHTTPRequestHandler):
    """/ok 200; /missing 404; /moved 301 to /ok; /slow answers after 2 s; /no-head
    refuses HEAD (405) and answers GET (200)."""

    def answer(self) -> None:
        self.server.seen.append((self.command, self.path, time.monotonic()))
        if self.path == "/slow":
            time.sleep(2)
        status = {"/ok": 200, "/moved": 301, "/slow": 200,
                  "/no-head": 405 if self.command == "HEAD" else 200}.get(self.path, 404)
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/ok")
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_GET = answer

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server(monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy",
                 "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.seen = []
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def base(httpd) -> str:
    return f"http://127.0.0.1:{httpd.server_address[1]}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_each_answer_is_reported_as_what_it_means(server, tmp_path) -> None:
    url = base(server)
    refused = f"http://127.0.0.1:{free_port()}/"
    results = check_links([f"{url}/ok", f"{url}/missing", f"{url}/moved", f"{url}/slow",
                           f"{url}/no-head", refused], tmp_path / "links.json", FAST)
    assert results == {
        f"{url}/ok": Result("ok", "200 OK"),
        f"{url}/missing": Result("broken", "404 Not Found"),
        f"{url}/moved": Result("redirect", f"301 Moved Permanently to {url}/ok"),
        f"{url}/slow": Result("timeout", "timed out after 0.5 s"),
        f"{url}/no-head": Result("ok", "200 OK"),
        refused: Result("unreachable", "connection refused"),
    }
    methods = sorted((method, path) for method, path, _when in server.seen)
    assert methods == [("GET", "/missing"), ("GET", "/no-head"), ("HEAD", "/missing"),
                       ("HEAD", "/moved"), ("HEAD", "/no-head"), ("HEAD", "/ok"),
                       ("HEAD", "/slow")], "HEAD first, GET only after an error status"


def test_dns_and_tls_failures_are_named() -> None:
    assert _failure(socket.gaierror(-2, "Name or service not known"), 10) == Result(
        "unreachable", "DNS error: the host name was not found")
    assert _failure(TimeoutError("timed out"), 2.5) == Result("timeout", "timed out after 2.5 s")
    assert _failure(ConnectionResetError(104, "reset"), 10) == Result(
        "unreachable", "connection failed ([Errno 104] reset)")


def test_one_host_is_asked_at_most_once_a_delay(server, tmp_path) -> None:
    url = base(server)
    check_links([f"{url}/ok", f"{url}/missing", f"{url}/moved"], tmp_path / "links.json",
                Settings(timeout=2, delay=0.3))
    times = [when for _method, _path, when in server.seen]
    assert len(times) == 4  # HEAD /missing, GET /missing, HEAD /moved, HEAD /ok
    # The gaps are timed where the server reads each request, which a busy machine may
    # delay by some milliseconds after the checker sent it; without the delay they are ~0.
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.25


def test_answers_are_kept_but_failures_to_connect_are_tried_again(server, tmp_path) -> None:
    url, cache = base(server), tmp_path / "cache" / "links.json"
    urls = [f"{url}/ok", f"{url}/missing", f"{url}/moved", f"{url}/slow"]
    first = check_links(urls, cache, FAST)
    kept = json.loads(cache.read_text(encoding="utf-8"))
    assert kept["version"] == 1
    assert sorted(kept["results"]) == sorted(urls[:3]), "a timeout is not kept"
    server.seen.clear()
    again = check_links(urls, cache, FAST)
    assert again == first
    assert [path for _method, path, _when in server.seen] == ["/slow"]


def test_an_old_answer_is_asked_again(server, tmp_path) -> None:
    url, cache = base(server), tmp_path / "links.json"
    check_links([f"{url}/ok"], cache, FAST, now=lambda: 1_000_000.0)
    server.seen.clear()
    week = FAST.max_age
    check_links([f"{url}/ok"], cache, FAST, now=lambda: 1_000_000.0 + week - 1)
    assert server.seen == []
    check_links([f"{url}/ok"], cache, FAST, now=lambda: 1_000_000.0 + week)
    assert [path for _method, path, _when in server.seen] == ["/ok"]


@pytest.mark.parametrize("corrupt", ["{not json", "[]", '{"version": 1, "results": []}',
                                     '{"version": 1, "results": {"x": {"outcome": 5}}}',
                                     '{"version": 99, "results": {}}', "\udcff"])
def test_a_corrupted_cache_is_ignored_and_rewritten(server, tmp_path, corrupt) -> None:
    cache = tmp_path / "links.json"
    cache.write_bytes(corrupt.encode("utf-8", "surrogateescape"))
    url = base(server)
    assert check_links([f"{url}/missing"], cache, FAST) == {
        f"{url}/missing": Result("broken", "404 Not Found")}
    assert list(json.loads(cache.read_text(encoding="utf-8"))["results"]) == [f"{url}/missing"]


def site_linking_to(make_site, url: str):
    org = ("---\nname: River Arts Collective\nsummary: Painting classes.\nwards: [weavers]\n"
           f"stage: stage-1\nlast_verified: 2026-10-01\n---\nSee {url}/missing and\n"
           f"{url}/slow and [us]({url}/ok).\n")
    return make_site({"orgs/river-arts.md": org, "orgs/bow-youth.md": None,
                      "providers/hub.md": None, "content/links.yaml": None,
                      "toolkits/payroll-checklist.md": None,
                      "content/opportunities/youth-grants.md": None,
                      "content/opportunities/food-contract.md": None,
                      "content/notices/volunteers-wanted.md": None})


def test_the_command_reports_a_404_and_a_timeout_and_exits_0(server, make_site,
                                                            tmp_path) -> None:
    url = base(server)
    root = site_linking_to(make_site, url)
    args = ["report", "links", "--root", str(root), "--check", "--timeout", "0.5",
            "--delay", "0", "--cache", str(tmp_path / "links.json")]
    result = CliRunner().invoke(main, args + ["--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# External links checked\n")
    assert (
        "## Broken: the site answered with an error; fix or remove the link\n\n"
        "| address | result | where |\n|---|---|---|\n"
        f"| <{url}/missing> | 404 Not Found | orgs/river-arts.md:8:5 |\n\n"
        "## Timed out: try again later before changing anything\n\n"
        "| address | result | where |\n|---|---|---|\n"
        f"| <{url}/slow> | timed out after 0.5 s | orgs/river-arts.md:9:1 |\n\n"
        "## Working\n\n"
        "| address | result | where |\n|---|---|---|\n"
        f"| <{url}/ok> | 200 OK | orgs/river-arts.md:9:" ) in result.stdout
    strict = CliRunner().invoke(main, args + ["--strict"])
    assert strict.exit_code == 1


def test_odd_addresses_are_answers_not_crashes(server, tmp_path) -> None:
    url = base(server)
    results = check_links([f"{url}/café", "http://[bad/"], tmp_path / "links.json", FAST)
    assert results == {f"{url}/café": Result("broken", "404 Not Found"),
                       "http://[bad/": Result("unreachable",
                                              "connection failed (Invalid IPv6 URL)")}
    assert ("HEAD", "/caf%C3%A9") in [(m, p) for m, p, _when in server.seen]
