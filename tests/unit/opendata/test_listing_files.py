"""Listing files written by imports: safe YAML, safe slugs, all-or-nothing writes."""
from __future__ import annotations

import dataclasses
import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers import REPO, TODAY
from thin_build import build
from thin_build.core.load import MAX_SLUG_LENGTH
from thin_build.core.parse import split_front_matter
from thin_build.core.yaml_nodes import parse_yaml
from thin_build.opendata import listing_files
from thin_build.opendata.listing_files import FileSet, listing_text, listing_values, safe_slug

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def test_every_sample_listing_rewritten_converts_to_the_same_record(tmp_path: Path) -> None:
    """listing_text over listing_values of each sample listing gives back that listing."""
    catalogue, _problems = build.check_site(REPO, TODAY)
    assert catalogue is not None
    files = FileSet()
    for kind, collection in (("org", "orgs"), ("provider", "providers")):
        for item in getattr(catalogue, collection):
            files.add(f"{collection}/{item.slug}.md", listing_text(kind, listing_values(kind,
                                                                                     item)))
    root = tmp_path / "repo"
    for rel in ("content", "events", "toolkits", "translations"):
        shutil.copytree(REPO / rel, root / rel)
    files.commit(root)
    again, problems = build.check_site(root, TODAY)
    assert again is not None, [str(p) for p in problems if p.is_error]

    def plain(items):
        return [dataclasses.replace(item, path="") for item in items]

    assert plain(again.orgs) == plain(catalogue.orgs)
    assert plain(again.providers) == plain(catalogue.providers)


@pytest.mark.parametrize("text", ["NO", "0123", "12:30", "yes", "~", "null", "#0b6e4f",
                                  "a: b", "- item", "'quoted'", '"double"', "back\\slash",
                                  "[not, a, list]", "{x: 1}", "!!python/object", "&anchor",
                                  "*alias", "café £2 বাংলা", "line one\nline two",
                                  "  leading\nspaces", "trailing \nspace"])
def test_strings_stay_exactly_what_they_were(make_site, text: str) -> None:
    """Every string is quoted, so YAML's implicit typing and syntax never change it."""
    body = listing_text("org", {"name": "Quoting Group", "summary": "x", "wards": ["bow-east"],
                                "stage": "stage-1", "address": text,
                                "skills_offered": [{"skill": "catering",
                                                    "detail": text.replace("\n", " ")}]})
    root = make_site({"orgs/quoting-group.md": body})
    catalogue, problems = build.check_site(root, TODAY)
    assert catalogue is not None, [str(p) for p in problems]
    org = catalogue.lookup("orgs", "quoting-group")
    assert org.address == text.strip()
    assert org.skills_offered[0].detail == text.replace("\n", " ").strip()


def test_fields_follow_the_schema_order_and_unknown_fields_are_refused() -> None:
    text = listing_text("org", {"stage": "stage-1", "name": "A", "annual_income": 5,
                                "body": "Our story."})
    assert text == '---\nname: "A"\nstage: "stage-1"\nannual_income: 5\n---\nOur story.\n'
    with pytest.raises(ValueError, match="org has no field.s. webiste"):
        listing_text("org", {"webiste": "https://x.example.org/"})


@pytest.mark.parametrize("name, slug", [
    ("../../etc/x", "etc-x"), ("CON", "con-2"), ("nul", "nul-2"), ("Com1", "com1-2"),
    ("LPT9", "lpt9-2"), ("", "listing-e3b0c442"), ("🎉🎉", "listing-9bbfb342"),
    ("বাংলা সমিতি", "listing-9c0e0c59"), ("Café & Co.", "cafe-and-co"),
    ("C:\\Windows\\system32", "c-windows-system32"), (".hidden", "hidden"),
])
def test_safe_slugs(name: str, slug: str) -> None:
    assert safe_slug(name, set()) == slug


def test_slugs_are_unique_and_added_to_taken() -> None:
    taken = {"page"}
    assert [safe_slug(n, taken) for n in ("Page", "Page", "page!", "x" * 100, "x" * 100)] \
        == ["page-2", "page-3", "page-4", "x" * 80, "x" * 78 + "-2"]
    assert {"page-2", "page-3", "page-4"} <= taken


@given(st.lists(st.text(max_size=90), max_size=8))
def test_any_names_give_valid_distinct_slugs(names: list[str]) -> None:
    taken: set[str] = set()
    slugs = [safe_slug(name, taken) for name in names]
    assert len(set(slugs)) == len(slugs)
    for slug in slugs:
        assert SLUG.match(slug) and len(slug) <= MAX_SLUG_LENGTH
        assert slug not in listing_files.WINDOWS_DEVICES


@pytest.mark.parametrize("path", ["../orgs/x.md", "orgs/../x.md", "/etc/x.md", "orgs/x.txt",
                                  "events/x.md", "orgs/sub/x.md", "orgs/X.md", "orgs/.x.md",
                                  "orgs\\x.md", "providers/", "orgs/con.md.exe"])
def test_paths_outside_the_listing_folders_are_refused(path: str) -> None:
    with pytest.raises(ValueError, match="refusing to write"):
        FileSet().add(path, "x")


def test_a_symlinked_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "orgs").symlink_to(tmp_path / "elsewhere")
    files = FileSet()
    files.add("orgs/a.md", "x")
    with pytest.raises(ValueError, match="symbolic link"):
        files.commit(tmp_path)
    assert not list((tmp_path / "elsewhere").iterdir())


def test_commit_writes_every_file(tmp_path: Path) -> None:
    files = FileSet()
    files.add("orgs/a.md", "A\n")
    files.add("providers/b.md", "B\n")
    assert files.commit(tmp_path) == ["orgs/a.md", "providers/b.md"]
    assert (tmp_path / "orgs/a.md").read_text() == "A\n"
    assert sorted(os.listdir(tmp_path / "orgs")) == ["a.md"]


@pytest.mark.parametrize("fail_at", ["write", "replace"])
def test_a_crash_half_way_leaves_no_partial_set(tmp_path: Path, monkeypatch,
                                                fail_at: str) -> None:
    """A failure while writing the third file, or while moving the third into place,
    leaves the folders exactly as they were: no new file, no temporary file, and the
    existing file that was being updated unchanged."""
    (tmp_path / "orgs").mkdir()
    (tmp_path / "orgs/b.md").write_text("old\n")
    files = FileSet()
    for name in "abcd":
        files.add(f"orgs/{name}.md", f"new {name}\n")
    calls = {"n": 0}
    real = open if fail_at == "write" else os.replace

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        return real(*args, **kwargs)

    if fail_at == "write":  # the third temporary file cannot be opened
        monkeypatch.setattr(listing_files, "open", failing, raising=False)
    else:  # the third move fails, after two files are already in place
        monkeypatch.setattr(listing_files.os, "replace", failing)
    with pytest.raises(OSError, match="disk full"):
        files.commit(tmp_path)
    assert sorted(os.listdir(tmp_path / "orgs")) == ["b.md"]
    assert (tmp_path / "orgs/b.md").read_text() == "old\n"


# Format characters (Cf: bidi controls, zero-width marks, the BOM) and noncharacters (Cn)
# are refused by the loader itself (core/text.py): a cell holding one is an error.
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Cn", "Zl", "Zp"),
                             whitelist_characters="\n\t "), max_size=60))
def test_any_text_reads_back_as_itself(text: str) -> None:
    """Whatever a cell holds, YAML gives back the same string (strings are JSON-quoted)."""
    front = listing_text("org", {"name": text or "x", "address": text or "x"})
    yaml_text, _body, _line = split_front_matter(front, "x.md")
    data, problems = parse_yaml(yaml_text, "x.md", 1)
    assert problems == []
    assert data.get("name").value == (text or "x")
    assert (data.get("address").value or "").strip() == (text or "x").strip()
