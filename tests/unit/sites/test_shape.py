"""An organisation as one file or as a folder: both load, validate and build the same way,
and what is wrong with a folder is reported at the file (or folder) to fix."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from tests.helpers import TODAY
from thin_build.build import build_site, check_site
from thin_build.sites.content import has_site

GARDEN = "orgs/weavers-fields-garden"


def _as_file(root: Path) -> None:
    """The base site's folder-shaped garden turned back into a single listing file."""
    (root / f"{GARDEN}.md").write_bytes((root / GARDEN / "index.md").read_bytes())
    for path in sorted((root / GARDEN).rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    (root / GARDEN).rmdir()


def test_both_shapes_give_the_same_listing(make_site) -> None:
    folder_cat, folder_problems = check_site(make_site(), TODAY)
    root = make_site()
    _as_file(root)
    file_cat, file_problems = check_site(root, TODAY)
    in_folder = folder_cat.lookup("orgs", "weavers-fields-garden")
    as_file = file_cat.lookup("orgs", "weavers-fields-garden")
    assert in_folder.path == f"{GARDEN}/index.md" and as_file.path == f"{GARDEN}.md"
    assert dataclasses.replace(in_folder, path=as_file.path) == as_file
    assert has_site(in_folder) and not has_site(as_file)
    assert [p.code for p in folder_problems] == [p.code for p in file_problems]
    assert [(p.slug, p.title) for p in folder_cat.site_pages] == [
        ("weavers-fields-garden/our-beds", "Our beds"),
        ("weavers-fields-garden/volunteer", "Volunteer with us")]
    assert file_cat.site_pages == () and file_cat.news_posts == ()


def test_a_file_shaped_org_builds_its_listing_page_without_a_site(make_site, tmp_path) -> None:
    root = make_site()
    _as_file(root)
    out = tmp_path / "site"
    build_site(root, out, TODAY)
    page = (out / "orgs/weavers-fields-garden/index.html").read_text("utf-8")
    assert 'class="site-header"' in page and "site-menu" not in page
    assert not (out / "orgs/weavers-fields-garden/news").exists()
    assert (out / "o/weavers-fields-garden/index.html").exists()


def _problems(make_site, files) -> list[str]:
    _cat, problems = check_site(make_site(files), TODAY)
    return [str(p) for p in problems if p.is_error]


def test_a_stray_folder_inside_a_site_is_reported(make_site) -> None:
    assert _problems(make_site, {f"{GARDEN}/photos/a.md": "---\ntitle: A\n---\nText.\n"}) == [
        f"{GARDEN}/photos:1:1: error[unexpected-folder]: folders inside {GARDEN}/ are not "
        "read; move the files up or out"]


def test_a_folder_with_a_bad_name_is_reported(make_site) -> None:
    assert _problems(make_site, {"orgs/Big Garden/index.md": "---\nname: X\n---\n"}) == [
        "orgs/Big Garden:1:1: error[bad-filename]: folder name 'Big Garden' is not a valid "
        "slug: use lowercase letters a-z, digits and single hyphens"]


def test_a_file_that_is_not_markdown_in_a_site_folder_is_reported(make_site) -> None:
    problems = _problems(make_site, {f"{GARDEN}/notes.txt": "notes"})
    assert problems == [f"{GARDEN}/notes.txt:1:1: error[bad-filename]: is not a content file: "
                        "names in orgs/ end in .md"]


def test_a_linked_news_folder_is_refused_not_followed(make_site) -> None:
    root = make_site()
    news = root / GARDEN / "news"
    for post in news.iterdir():
        post.unlink()
    news.rmdir()
    news.symlink_to(root / "orgs")
    _cat, problems = check_site(root, TODAY)
    assert [str(p) for p in problems if p.code == "symlink"] == [
        f"{GARDEN}/news:1:1: error[symlink]: is a symbolic link; links are never followed. "
        "Replace it with the real folder"]
