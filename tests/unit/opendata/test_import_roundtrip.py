"""Export → import: the organisations CSV of a built site, imported into a repository
without its organisations, gives listing files that build the same organisation pages.

What a CSV cannot carry, and so is not compared: the file's own form (a `.yaml`
listing comes back as `.md`, so its "suggest an edit" link names the `.md`; comments and YAML layout are not in the CSV) and the
`_names` columns, which are for people and are ignored on import; and an organisation
kept as a folder (its own small site: pages and news) comes back as one file, so the
news half of its "on your website" snippets is not compared. Everything else on the
page, the Markdown body included (it is the `body` column), comes back.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.helpers import BASE_SITE, REPO, TODAY
from thin_build.build import build_site, check_site
from thin_build.capabilities import PORTAL
from thin_build.opendata.import_csv import import_csv

MAIN = re.compile(r"<main\b.*?</main>", re.S)
SNIPPETS = re.compile(r'<section id="on-your-website".*?</section>', re.S)


def main_of(site: Path, slug: str, *, site_shaped: bool = False) -> str:
    main = MAIN.search((site / "orgs" / slug / "index.html").read_text(encoding="utf-8"))[0]
    return SNIPPETS.sub("", main) if site_shaped else main


@pytest.mark.parametrize("source", [BASE_SITE, REPO], ids=["base", "sample"])
def test_orgs_round_trip_through_the_csv_download(tmp_path: Path, source: Path) -> None:
    before = build_site(source, tmp_path / "before", TODAY)
    exported = tmp_path / "before" / "data" / "organisations.csv"
    empty = tmp_path / "repo"
    shutil.copytree(source, empty, ignore=shutil.ignore_patterns("site", "tests", ".*",
                                                                 "node_modules"))
    shutil.rmtree(empty / "orgs")
    result = import_csv(exported, "org", empty, PORTAL, name="organisations.csv")
    assert result.encoding == "UTF-8 with BOM"
    assert [str(p) for p in result.problems if p.is_error] == []
    slugs = [org.slug for org in before.catalogue.orgs]
    assert result.written == [f"orgs/{slug}.md" for slug in slugs]
    catalogue, problems = check_site(empty, TODAY)
    assert catalogue is not None, [str(p) for p in problems if p.is_error]
    build_site(empty, tmp_path / "after", TODAY)
    for org in before.catalogue.orgs:  # the edit and report links name the file, now a .md
        folder = org.path.endswith("/index.md")
        expected = main_of(tmp_path / "before", org.slug, site_shaped=folder).replace(
            org.path, f"orgs/{org.slug}.md").replace(quote(org.path, safe=""),
                                                     quote(f"orgs/{org.slug}.md", safe=""))
        assert main_of(tmp_path / "after", org.slug, site_shaped=folder) == expected, org.slug


@pytest.mark.parametrize("source", [BASE_SITE, REPO], ids=["base", "sample"])
def test_providers_round_trip_with_their_services(tmp_path: Path, source: Path,
                                                  monkeypatch) -> None:
    """providers.csv leaves services out; services.csv (one row per service) brings them
    back with `--services`, in their positions."""
    before = build_site(source, tmp_path / "before", TODAY)
    empty = tmp_path / "repo"
    shutil.copytree(source, empty, ignore=shutil.ignore_patterns("site", "tests", ".*",
                                                                 "node_modules"))
    shutil.rmtree(empty / "providers")
    monkeypatch.chdir(tmp_path / "before" / "data")
    result = import_csv(Path("providers.csv"), "provider", empty, PORTAL,
                        services=Path("services.csv"))
    assert (result.encoding, result.services_encoding) == ("UTF-8 with BOM",) * 2
    assert [str(p) for p in result.problems if p.is_error] == []
    assert result.written == [f"providers/{p.slug}.md" for p in before.catalogue.providers]
    build_site(empty, tmp_path / "after", TODAY)
    for provider in before.catalogue.providers:
        page = f"providers/{provider.slug}/index.html"
        expected = MAIN.search((tmp_path / "before" / page).read_text(encoding="utf-8"))[0]
        got = MAIN.search((tmp_path / "after" / page).read_text(encoding="utf-8"))[0]
        assert got == expected.replace(provider.path, f"providers/{provider.slug}.md")
