"""Export → import → build: the portal's own Open Referral feed gives back its listings."""
from __future__ import annotations

import shutil
from pathlib import Path

from tests.helpers import REPO, TODAY
from thin_build.build import build_site
from thin_build.capabilities import PORTAL
from thin_build.openreferral.importer import import_openreferral

# What Open Referral UK has no field for: a listing's look (logo, colour), its story
# (the Markdown body), an organisation's size (income, staff, volunteers), the
# providers it works with, and the skills it offers and wants.
NOT_CARRIED = ("logo", "accent_colour", "annual_income", "paid_staff", "volunteers",
               "works_with", "skills_offered", "skills_wanted", "translations")
CONTENT = ("content", "orgs", "providers", "events", "toolkits", "translations")


def _carried_only(text: str) -> str:
    """A listing file without the fields and body Open Referral cannot carry."""
    front = text.split("\n---\n", 1)[0]
    lines, dropping = [], False
    for line in front.split("\n"):
        if line and not line.startswith(" "):  # a field's indented and blank lines go with it
            dropping = line.startswith(tuple(f"{name}:" for name in NOT_CARRIED))
        if not dropping:
            lines.append(line)
    return "\n".join(lines) + "\n---\n"


def _main(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index("<main"):html.index("</main>")]


def test_the_export_imports_into_listings_that_build_the_same_pages(tmp_path: Path) -> None:
    """"The same pages": the sample site with what Open Referral cannot carry taken out of
    its listing files (NOT_CARRIED and the body) is built and exported; a repository with
    the same other content (taxonomies, events, notices, toolkits, referrals…) but no
    listings imports that export and is built; then every organisation and provider
    page exists in both, and each page's <main> is the same, byte for byte (its events,
    notices, toolkits and suggested support included, since those name listings by
    slug and the feed's `uri` gives the slug back). An organisation kept as a folder
    (its own small site) is made one file first: a feed carries no site pages."""
    before = tmp_path / "before"
    for name in CONTENT:
        shutil.copytree(REPO / name, before / name)
    for index in before.glob("orgs/*/index.md"):  # nor an organisation's own small site
        index.rename(index.parent.with_suffix(".md"))
        shutil.rmtree(index.parent)
    for listing in [*before.glob("orgs/*.md"), *before.glob("providers/*.md")]:
        listing.write_text(_carried_only(listing.read_text(encoding="utf-8")), encoding="utf-8")
    build_site(before, tmp_path / "site-before", TODAY)

    after = tmp_path / "after"
    shutil.copytree(before, after, ignore=shutil.ignore_patterns("orgs", "providers"))
    result = import_openreferral(tmp_path / "site-before" / "openreferral", after, PORTAL)
    assert [str(f) for f in result.findings] == [
        "taxonomies.json: note: 7 taxonomies or terms: not imported (the portal keeps its own taxonomies in content/taxonomies/)",
        "taxonomy_terms/page-2.json: note: 36 taxonomies or terms: not imported (the portal keeps its own taxonomies in content/taxonomies/)",
        "taxonomy_terms.json: note: 50 taxonomies or terms: not imported (the portal keeps its own taxonomies in content/taxonomies/)",
    ]
    listings = sorted(p.relative_to(before).as_posix()
                      for p in [*before.glob("orgs/*.md"), *before.glob("providers/*.md")])
    assert result.written == listings
    build_site(after, tmp_path / "site-after", TODAY)

    pages = [Path(listing.removesuffix(".md")) / "index.html" for listing in listings]
    assert all((tmp_path / "site-before" / page).is_file() for page in pages)
    different = [str(page) for page in pages
                 if _main(tmp_path / "site-before" / page) != _main(tmp_path / "site-after" / page)]
    assert different == []
