"""BAD-INPUTS.md, "Files and encodings" (the file system): symlinks anywhere in the
content are errors and never followed; file names that are not slugs are errors that
suggest the name to use.
"""
from __future__ import annotations

import os
import shutil
import unicodedata
from pathlib import Path

import pytest

from tests.helpers import TODAY
from tests.unit.bad_inputs_support import find, only_errors_in, org, problems_for
from thin_build.build import build_site, check_site
from thin_build.core.errors import ContentError

# --------------------------------------------------------------------- symlinks ---

SECRET = "Secret Outside Group"


def _outside_org(root: Path) -> Path:
    """A valid org file outside the repository, whose name must never be read."""
    target = root.parent / "outside" / "secret.md"
    target.parent.mkdir(exist_ok=True)
    target.write_text(org(name=SECRET), encoding="utf-8")
    return target


def _replace_with_link(root: Path, rel: str, target: Path | str) -> None:
    path = root / rel
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, path)


def _move_out_and_link(root: Path, rel: str) -> None:
    moved = root.parent / ("moved-" + rel.replace("/", "-"))
    shutil.move(root / rel, moved)
    os.symlink(moved, root / rel)


SYMLINKS = [
    pytest.param(lambda r: _replace_with_link(r, "orgs/passwd.md", "/etc/passwd"),
                 "orgs/passwd.md", id="org-to-etc-passwd"),
    pytest.param(lambda r: _replace_with_link(r, "orgs/home.md", Path.home()), "orgs/home.md",
                 id="org-to-home"),
    pytest.param(lambda r: _replace_with_link(r, "orgs/copy.md", "bow-youth.md"), "orgs/copy.md",
                 id="org-to-other-org"),
    pytest.param(lambda r: _replace_with_link(r, "orgs/secret.md", _outside_org(r)),
                 "orgs/secret.md", id="org-to-outside-file"),
    pytest.param(lambda r: _replace_with_link(r, "orgs/folder", _outside_org(r).parent),
                 "orgs/folder", id="folder-in-orgs"),
    pytest.param(lambda r: _replace_with_link(r, "content/media/logos/bow-youth.png",
                                              "/etc/passwd"),
                 "content/media/logos/bow-youth.png", id="media-image"),
    pytest.param(lambda r: _replace_with_link(r, "content/media/logos", Path.home()),
                 "content/media/logos", id="media-subfolder"),
    pytest.param(lambda r: _move_out_and_link(r, "content/media"), "content/media",
                 id="media-folder"),
    pytest.param(lambda r: _move_out_and_link(r, "orgs"), "orgs", id="orgs-folder"),
    pytest.param(lambda r: _move_out_and_link(r, "content"), "content", id="content-folder"),
    pytest.param(lambda r: _move_out_and_link(r, "content/taxonomies/needs.yaml"),
                 "content/taxonomies/needs.yaml", id="taxonomy-file"),
    pytest.param(lambda r: _move_out_and_link(r, "content/site.yaml"), "content/site.yaml",
                 id="site-settings"),
    pytest.param(lambda r: _replace_with_link(r, "content/pages/about.md",
                                              "../../orgs/bow-youth.md"),
                 "content/pages/about.md", id="page-to-org"),
    pytest.param(lambda r: _replace_with_link(r, "providers/gone.md", "/no/such/file"),
                 "providers/gone.md", id="dangling"),
]


@pytest.mark.parametrize("setup, link", SYMLINKS)
def test_symlinks_are_errors_and_never_followed(make_site, setup, link) -> None:
    root = make_site()
    setup(root)
    catalogue, problems = check_site(root, TODAY)
    assert catalogue is None
    find(problems, "symlink", link, 1, 1)
    text = "\n".join(map(str, problems))
    assert "root:" not in text and SECRET not in text
    # Nothing was read through the link: no other problem names a file behind it.
    assert not [p for p in problems if p.location.path.startswith(link + "/")]
    assert not [p for p in problems if p.location.path == link and p.code != "symlink"]


def test_a_symlinked_image_is_never_copied_into_the_site(make_site) -> None:
    root = make_site()
    _replace_with_link(root, "content/media/logos/bow-youth.png", "/etc/passwd")
    out = root.parent / "site"
    with pytest.raises(ContentError) as failure:
        build_site(root, out, TODAY)
    find(failure.value.problems, "symlink", "content/media/logos/bow-youth.png")
    assert not out.exists()


# ------------------------------------------------------------------- file names ---

CAFE_NFC = unicodedata.normalize("NFC", "café")
CAFE_NFD = unicodedata.normalize("NFD", "café")
FILE_NAMES = [
    ("Bow-Youth.md", "bow-youth.md"),
    ("BOW_YOUTH_2.md", "bow-youth-2.md"),
    ("Tea & Cake.md", "tea-and-cake.md"),
    (f"{CAFE_NFC}.md", "cafe.md"),
    (f"{CAFE_NFD}.md", "cafe.md"),
    ("Ünïcödé Grüppe.yaml", "unicode-gruppe.yaml"),
    ("ﬁsh club.md", "fish-club.md"),
    ("o'brien's club.md", "obriens-club.md"),
    ("double--hyphen.md", "double-hyphen.md"),
    ("-leading-.md", "leading.md"),
    (" spaced .md", "spaced.md"),
    ("বাংলা.md", "a-name.md"),
    ("a" * 81 + ".md", "a" * 80 + ".md"),
]


@pytest.mark.parametrize("name, suggestion", FILE_NAMES)
def test_bad_file_names_get_a_suggested_name(make_site, name, suggestion) -> None:
    rel = f"orgs/{name}"
    problems = problems_for(make_site, {rel: org()})
    problem = find(problems, "bad-filename", rel, 1, 1)
    assert f"file name {name!r} is not a valid slug" in problem.message
    assert problem.message.endswith(f"rename it to {suggestion}")
    assert only_errors_in(problems, rel) == [problem]  # the file is not read any further


@pytest.mark.parametrize("name", ["group.MD", "group.txt", "group.md.bak", "README", "group.json"])
def test_files_that_are_not_content_are_named_as_such(make_site, name) -> None:
    problems = problems_for(make_site, {f"orgs/{name}": org()})
    problem = find(problems, "bad-filename", f"orgs/{name}", 1, 1)
    assert "is not a content file: names in orgs/ end in .md or .yaml or .yml" in problem.message


def test_nfc_and_nfd_spellings_are_both_reported(make_site) -> None:
    nfc, nfd = f"orgs/{CAFE_NFC}.md", f"orgs/{CAFE_NFD}.md"
    assert nfc != nfd
    problems = problems_for(make_site, {nfc: org(name="Café One"), nfd: org(name="Café Two")})
    assert find(problems, "bad-filename", nfc) != find(problems, "bad-filename", nfd)
