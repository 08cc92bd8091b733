"""The /openreferral/ feed of the built sample site: every document valid, pages
consistent, ids stable."""
from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
import uuid
from pathlib import Path

import pytest

from tests.helpers import REPO, TODAY
from tests.unit.openreferral.oruk_schemas import errors
from thin_build.build import build_site, check_site
from thin_build.openreferral.feed import feed_files
from thin_build.openreferral.ids import NAMESPACE, oruk_id

ENVELOPE = {"total_items", "total_pages", "page_number", "size", "first_page", "last_page",
            "empty", "contents"}


@pytest.fixture(scope="module")
def feed(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample") / "site"
    build_site(REPO, out, TODAY)
    return out / "openreferral"


def _load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def _pages(folder: Path, collection: str) -> list[dict]:
    first = _load(folder / f"{collection}.json")
    return [first] + [_load(folder / collection / f"page-{n}.json")
                      for n in range(2, first["total_pages"] + 1)]


def _records(folder: Path, collection: str) -> list[Path]:
    return sorted(p for p in (folder / collection).glob("*.json")
                  if not p.name.startswith("page-"))


def test_every_list_item_and_document_validates(feed: Path) -> None:
    problems = []
    for collection, item_schema, full_schema in (
            ("services", "service_list", "service"),
            ("organizations", "organization_list", "organization")):
        for page in _pages(feed, collection):
            assert set(page) == ENVELOPE
            for n, item in enumerate(page["contents"]):
                problems += [f"{collection} page {page['page_number']} item {n}{e}"
                             for e in errors(item_schema, item)]
        records = _records(feed, collection)
        assert records, collection
        for path in records:
            problems += [f"{path.name}{e}" for e in errors(full_schema, _load(path))]
    for page in _pages(feed, "taxonomy_terms"):
        for item in page["contents"]:
            problems += errors("taxonomy_term", item)
    for page in _pages(feed, "taxonomies"):
        for taxonomy in page["contents"]:
            assert {"id", "name", "description", "uri", "version"} <= set(taxonomy)
            for item in taxonomy["taxonomy_terms"]:
                problems += errors("taxonomy_term", item)
    assert problems == []


def test_format_checking_is_on() -> None:
    """A malformed uuid, date or time is refused, so the test above can fail."""
    good = {"id": oruk_id("provider", "x"), "name": "A", "status": "active",
            "assured_date": "2026-10-14",
            "schedules": [{"id": oruk_id("s"), "opens_at": "09:00:00"}]}
    assert errors("service", good) == []
    bad = {**good, "id": "not-a-uuid", "assured_date": "2026-02-30",
           "schedules": [{"id": oruk_id("s"), "opens_at": "9am"}]}
    assert errors("service", bad) == [
        "/assured_date: '2026-02-30' is not a date (datapackage_type)",
        "/id: 'not-a-uuid' is not a 'uuid'",
        "/schedules/0/opens_at: '9am' is not a time (datapackage_type)",
    ]


def test_the_sample_feed_carries_what_the_catalogue_knows(feed: Path) -> None:
    provider = _load(feed / "organizations" / f"{oruk_id('provider', 'banglatown-bme-development-partnership')}.json")
    summary = provider["services"][0]
    assert "schedules" not in summary, "detail lives in the service's own document only"
    service = _load(feed / "services" / f"{summary['id']}.json")
    assert service["name"] == "Constitution and registration help in community languages"
    assert service["assured_date"] == "2026-10-14"
    assert [(s.get("byday"), s.get("opens_at"), s.get("closes_at")) for s in service["schedules"]] == [
        ("MO,TU,WE,TH", "10:00:00", "18:00:00"), ("SA", "10:00:00", "13:00:00"),
        (None, None, None)]
    assert service["schedules"][2]["description"] == "Saturdays 10:00–13:00, or by appointment."
    assert [a["name"] for a in service["service_areas"]] == ["Tower Hamlets"]
    assert [lang["code"] for lang in service["languages"]][:2] == ["en", "bn"]
    address = service["service_at_locations"][0]["location"]["addresses"][0]
    assert (address["address_1"], address["address_2"], address["city"], address["postal_code"]) == (
        "The Old Print Works", "7 Saffron Court", "London", "E1 6QL")
    assert service["contacts"][0]["title"] == "BME development manager"
    assert {(a["link_type"], a["taxonomy_term"]["term"]) for a in service["attributes"]} >= {
        ("need", "governance"), ("stage", "stage-1"), ("free_for", "stage-2"), ("group", "bme")}
    assert [(c["option"], c.get("amount")) for c in service["cost_options"]] == [
        ("Cost", None), ("Free for Stage 1: emerging", 0), ("Free for Stage 2: improving", 0)]
    org = _load(feed / "organizations" / f"{oruk_id('org', 'bow-riverside-youth-project')}.json")
    assert org["organization_identifiers"][0]["identifier"] == "9001234"
    assert [s["name"] for s in org["services"]] == ["Bow Riverside Youth Project"]
    own = _load(feed / "services" / f"{org['services'][0]['id']}.json")
    assert {a["service_area"] for a in own["service_areas"]} == {"bow-east", "bow-west"}


def test_every_service_is_on_exactly_one_page_and_totals_agree() -> None:
    catalogue, _ = check_site(REPO, TODAY)
    for size in (1, 3, 7, 50):
        files = {f.path: json.loads(f.data) for f in feed_files(catalogue, size)}
        for collection in ("services", "organizations", "taxonomy_terms"):
            first = files[f"openreferral/{collection}.json"]
            pages = [first] + [files[f"openreferral/{collection}/page-{n}.json"]
                               for n in range(2, first["total_pages"] + 1)]
            ids = [item["id"] for page in pages for item in page["contents"]]
            assert len(ids) == len(set(ids)) == first["total_items"]
            assert first["total_pages"] == -(-first["total_items"] // size)
            assert [p["page_number"] for p in pages] == list(range(1, len(pages) + 1))
            assert all(p["size"] == size and len(p["contents"]) <= size for p in pages)
            assert [p["first_page"] for p in pages] == [True] + [False] * (len(pages) - 1)
            assert [p["last_page"] for p in pages] == [False] * (len(pages) - 1) + [True]
            assert not any(p["empty"] for p in pages)
            assert f"openreferral/{collection}/page-{len(pages) + 1}.json" not in files
        documents = {path for path in files if path.startswith("openreferral/services/")
                     and "/page-" not in path}
        assert documents == {f"openreferral/services/{i}.json" for i in ids_of(files, "services")}


def ids_of(files: dict, collection: str) -> set[str]:
    first = files[f"openreferral/{collection}.json"]
    pages = [first] + [files[f"openreferral/{collection}/page-{n}.json"]
                       for n in range(2, first["total_pages"] + 1)]
    return {item["id"] for page in pages for item in page["contents"]}


def test_ids_are_stable_between_builds_and_copies(tmp_path: Path, feed: Path) -> None:
    """A rebuild, even of a copy of the repository elsewhere, gives the same ids and bytes."""
    copy = tmp_path / "repo"
    shutil.copytree(REPO, copy, ignore=shutil.ignore_patterns(
        "site", ".venv", "node_modules", ".git", "tests", "benchmarks", "*.egg-info"))
    build_site(copy, tmp_path / "site", TODAY)
    again = tmp_path / "site" / "openreferral"
    before = {p.relative_to(feed): p.read_bytes() for p in feed.rglob("*.json")}
    after = {p.relative_to(again): p.read_bytes() for p in again.rglob("*.json")}
    assert before == after
    assert str(NAMESPACE) == "a7e5b3b8-24ec-407d-ac76-ef07ef718d24"
    assert oruk_id("provider", "grantwise-east") == "70f21233-d759-5420-ad11-1607aebad3fa"
    for parts in (("provider", "grantwise-east"), ("taxonomy", "wards", "bow-east"), ("é", "x")):
        assert oruk_id(*parts) == str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def test_the_readme_example_reads_every_service_page_by_page(feed: Path) -> None:
    """The README's Python example, run against the built feed served on loopback."""
    section = (REPO / "README.md").read_text(encoding="utf-8").split("## API for developers")[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(feed.parent)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    printed: list[tuple] = []
    try:
        code = code.replace("https://portal.example.org/", f"http://127.0.0.1:{server.server_port}/")
        exec(compile(code, "README.md", "exec"), {"print": lambda *args: printed.append(args)})
    finally:
        server.shutdown()
        server.server_close()
    listed = [item for page in _pages(feed, "services") for item in page["contents"]]
    assert len(listed) > 50  # more than one page
    assert printed == [(s["name"], "-", s["organization"]["name"]) for s in listed]
