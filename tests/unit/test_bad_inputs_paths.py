"""BAD-INPUTS.md, "Paths, slugs and collisions": slugs are always URL-safe, two files
never silently share an address, output never leaves site/, and the preview server
answers every traversal trick with 404 and never with a file from outside site/.
"""
from __future__ import annotations

import http.client
import http.server
import json
import os
import threading

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import BASE_SITE, REPO, TODAY
from tests.unit.bad_inputs_support import build, find, org, problems_for
from thin_build.build import build_site
from thin_build.cli import main
from thin_build.core.errors import Location, error
from thin_build.core.load import MAX_SLUG_LENGTH, SLUG_RE, slugify
from thin_build.core.write import OutputCollision, OutputTree
from thin_build.serve import (
    RELOAD_PATH,
    STATUS_PATH,
    BuildState,
    make_handler,
    safe_relative_path,
)

# ------------------------------------------------------------------------ slugs ---


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_slugify_always_gives_a_valid_slug_or_nothing(text) -> None:
    slug = slugify(text)
    assert slug == "" or SLUG_RE.fullmatch(slug)
    assert len(slug) <= MAX_SLUG_LENGTH
    assert slugify(slug) == slug  # stable: a slug is its own slug
    assert slugify(text) == slug  # deterministic


@pytest.mark.parametrize("text, slug", [
    ("Café Bow", "cafe-bow"),
    ("Tea & Cake", "tea-and-cake"),
    ("O'Brien's Club", "obriens-club"),
    ("  --  ", ""),
    ("বাংলা", ""),
    ("ﬁsh", "fish"),
    ("Ｂｏｗ", "bow"),
    ("a-" * 60, "-".join(["a"] * 40)),
    ("x" * 79 + " yz", "x" * 79),
    ("\u202eevil\u202c", "evil"),
])
def test_slugify_examples(text, slug) -> None:
    assert slugify(text) == slug


def test_slug_length_limit_on_file_names(make_site) -> None:
    longest = "a" * MAX_SLUG_LENGTH
    out = build(make_site, {f"orgs/{longest}.md": org()})
    assert (out / "orgs" / longest / "index.html").is_file()
    problems = problems_for(make_site, {f"orgs/{longest}b.md": org()})
    find(problems, "bad-filename", f"orgs/{longest}b.md", 1, 1)


# ------------------------------------------------------------------- collisions ---

@pytest.mark.parametrize("first, second", [
    ("orgs/bow-youth.md", "orgs/bow-youth.yml"),
    ("orgs/new-group.yaml", "orgs/new-group.yml"),
    ("providers/hub.md", "providers/hub.yaml"),
])
def test_two_files_for_one_slug_name_each_other(make_site, first, second) -> None:
    files = {second: "name: Other\nsummary: s\nwards: [weavers]\nstage: stage-1\n"}
    if not first.startswith(("orgs/bow-youth", "providers/hub")):
        files[first] = "name: First\nsummary: s\nwards: [weavers]\nstage: stage-1\n"
    problems = problems_for(make_site, files)
    both = ", ".join(sorted([first, second]))
    for path in (first, second):
        problem = find(problems, "duplicate-slug", path, 1, 1)
        assert problem.message.startswith(f"{both} would all publish as ")


@pytest.mark.parametrize("rel", ["orgs/page.md", "content/pages/search.md",
                                 "content/pages/static.md", "content/pages/media.md",
                                 "content/pages/404.md", "providers/page.md"])
def test_names_that_would_replace_the_portals_own_pages(make_site, rel) -> None:
    text = org() if rel.startswith("orgs/") else "---\ntitle: T\nsummary: s\n---\nBody\n"
    if rel.startswith("providers/"):
        text = (make_site() / "providers/payroll-bureau.md").read_text(encoding="utf-8") \
            .replace("Community Payroll Bureau", "Another Bureau")
    problems = problems_for(make_site, {rel: text})
    find(problems, "url-collision", rel, 1, 1)


def test_same_slug_twice_in_a_taxonomy(make_site) -> None:
    text = "- slug: funding\n  name: Funding\n- slug: funding\n  name: Fundraising\n"
    problems = problems_for(make_site, {"content/taxonomies/needs.yaml": text})
    find(problems, "duplicate-slug", "content/taxonomies/needs.yaml", 3, 9)


def test_capitalised_twin_is_refused_not_merged(make_site) -> None:
    problems = problems_for(make_site, {"orgs/Bow-Youth.md": org(name="Twin")})
    find(problems, "bad-filename", "orgs/Bow-Youth.md")


@pytest.mark.parametrize("rel", ["../escape.html", "/etc/passwd", "a/../../b", "a/./b", "",
                                 "a//b", "..", "."])
def test_output_paths_cannot_leave_the_site(tmp_path, rel) -> None:
    with OutputTree(tmp_path / "site") as tree:
        with pytest.raises(ValueError):
            tree.path_for(rel)
    assert not (tmp_path / "escape.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # temporary folder removed


def test_two_writes_to_one_output_file_are_a_collision(tmp_path) -> None:
    with OutputTree(tmp_path / "site") as tree:
        tree.write("orgs/x/index.html", "one")
        with pytest.raises(OutputCollision):
            tree.write("orgs/x/index.html", "two")


# ------------------------------------------------------------- preview server ---

SECRET = "TOP-SECRET-OUTSIDE-SITE"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The preview handler on 127.0.0.1 over a built site, with a secret file beside it."""
    folder = tmp_path_factory.mktemp("serve")
    site = folder / "site"
    build_site(BASE_SITE, site, TODAY)
    (folder / "secret.txt").write_text(SECRET, encoding="utf-8")
    os.symlink(folder / "secret.txt", site / "leak.txt")  # a link inside site/ is not enough
    state = BuildState()
    state.record([error("bad-url", "'</script><script>alert(1)</script>' is not a web address",
                        Location("orgs/x.md", 7, 10))])
    reload_script = (REPO / "templates/dev/live-reload.js").read_bytes()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                            make_handler(site, state, reload_script))
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def _get(port: int, path: str) -> tuple[int, bytes, str | None]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.putrequest("GET", path, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read(), response.getheader("Location")
    finally:
        connection.close()


TRAVERSALS = [
    "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc/passwd", "/%00", "/index.html%00.txt",
    "/static/../../pyproject.toml", "/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt",
    "/%2e%2e%2fsecret.txt", "/.%2e/secret.txt", "/static/%2e%2e/%2e%2e/secret.txt",
    "/%5c..%5csecret.txt", "/..\\secret.txt", "/%c0%ae%c0%ae/secret.txt", "/%252e%252e/secret.txt",
    "/leak.txt", "http://127.0.0.1/../secret.txt", "//etc/passwd", "/%2fetc%2fpasswd",
    "/orgs/%2e%2e/%2e%2e/%2e%2e/pyproject.toml", "/%ff", "/no-such-page/",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_traversal_attempts_get_404_and_no_outside_content(server, path) -> None:
    status, body, _ = _get(server, path)
    assert status == 404
    assert SECRET.encode() not in body and b"root:" not in body and b"[project]" not in body
    assert b"Page not found" in body  # the site's own 404 page


@pytest.mark.parametrize("path, status, content", [
    ("/", 200, b"Test Portal"),
    ("/static/site.css", 200, b"THIN Portal"),
    ("/orgs/bow-youth/", 200, b"Bow Youth Project"),
    ("/orgs/bow-youth/index.html?x=../../secret.txt", 200, b"Bow Youth Project"),
    ("/orgs", 301, b""),
])
def test_files_inside_the_site_are_served(server, path, status, content) -> None:
    got, body, location = _get(server, path)
    assert got == status and content in body
    if status == 301:
        assert location == "/orgs/"


@pytest.mark.parametrize("path", ["/%2e%2e/x", "/a/../../x", "/a/%2E%2E/b", "/x%00y", "/a\\b",
                                  "/..", "/a/./b"])
def test_safe_relative_path_refuses_traversal(path) -> None:
    assert safe_relative_path(path) is None


@pytest.mark.parametrize("path, relative", [
    ("/", "index.html"), ("/orgs/", "orgs/index.html"), ("/static/site.css", "static/site.css"),
    ("/orgs/bow-youth/?q=1#x", "orgs/bow-youth/index.html"), ("/orgs//x", "orgs/x"),
    ("/caf%C3%A9/", "café/index.html"),
])
def test_safe_relative_path_keeps_ordinary_paths(path, relative) -> None:
    assert safe_relative_path(path) == relative


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "example.org"])
def test_serve_refuses_to_bind_beyond_loopback(host) -> None:
    result = CliRunner().invoke(main, ["serve", "--root", str(REPO), "--host", host])
    assert result.exit_code == 2 and "loopback" in result.output


def test_preview_shows_problems_as_text_never_as_html(server) -> None:
    status, body, _ = _get(server, STATUS_PATH)
    assert status == 200
    problems = json.loads(body)["problems"]
    assert problems == ["orgs/x.md:7:10: error[bad-url]: '</script><script>alert(1)</script>' "
                        "is not a web address"]
    _, script, _ = _get(server, RELOAD_PATH)
    assert b"textContent" in script
    for sink in (b"innerHTML", b"outerHTML", b"insertAdjacentHTML", b"document.write", b"eval("):
        assert sink not in script
