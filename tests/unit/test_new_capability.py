"""A capability is a plug-in: a new kind of file needs a declaration, not a core edit.

This follows docs/ARCHITECTURE.md's "Adding a capability" walkthrough with a small
reading-list capability defined here, registered beside the portal's own, and checks
that the core loads, validates, documents, scaffolds and builds it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import pytest

from tests.helpers import TODAY
from thin_build.build import build_site, check_site
from thin_build.capabilities import PORTAL
from thin_build.core.capability import Capability, Kind, Source, Step
from thin_build.core.checking import Checking
from thin_build.core.declare import Field, Record, text_field
from thin_build.core.errors import Problem, warning
from thin_build.core.fields import Date, Markdown, Ref, Url
from thin_build.core.guide import content_guide, json_schemas
from thin_build.core.plan import BuildInputs, PagePlan
from thin_build.core.present import Link
from thin_build.core.registry import Registry
from thin_build.core.render import NAV
from thin_build.core.scaffold import skeleton
from thin_build.core.write import OutputFile
from thin_build.directory.listing_pages import ORG_PAGE, LinkGroup, org_page


@dataclass(frozen=True, kw_only=True)
class Reading:
    slug: str
    path: str
    title: str
    link: str
    added: dt.date
    org: str | None = None
    body: str | None = None


READING = Record(Reading, (
    text_field("title", "what to read", "Writing a first bid", required=True),
    Field("link", Url(), "where it is", "https://read.example.org/bids", required=True),
    Field("added", Date(), "when it was added", "2026-11-01", required=True),
    Field("org", Ref("orgs", "orgs/"), "the organisation recommending it", "bow-youth"),
    Field("body", Markdown(), "why it is worth reading", "Short and practical."),
), "a reading")


def _newest_first(site: Checking) -> Iterable[Problem]:
    for item in site.records["readings"]:
        if item.added > site.today:
            yield warning("future-reading", "is dated in the future",
                          site.field_location("reading", item.slug, "added"))


def _reading_list(inputs: BuildInputs) -> Iterator[PagePlan | OutputFile]:
    titles = "\n".join(r.title for r in inputs.catalogue.readings)
    yield OutputFile("readings/list.txt", titles + "\n")


def _recommended(inputs: BuildInputs, org) -> Iterator[LinkGroup]:
    links = tuple(Link(r.title, r.link) for r in inputs.catalogue.readings if r.org == org.slug)
    if links:
        yield LinkGroup("what-we-do", "Reading we recommend", links, "Chosen by the group:")


READINGS = Capability(
    name="readings",
    depends_on=("directory",),
    kinds=(Kind("reading", Source("readings", (".md",), required=False), READING, "readings",
                "readings/<slug>.md", new_values=lambda today, root: {"added": str(today)}),),
    checks=(_newest_first,),
    steps=(Step(_reading_list, reads=frozenset({"readings"})),),
    sections=frozenset({"readings"}),
    contributes={NAV: ((40, Link("Reading", "/readings/list.txt")),),
                 ORG_PAGE: (_recommended,)},
)
WITH_READINGS = Registry(PORTAL.capabilities + (READINGS,))
GOOD = "---\ntitle: Bids\nlink: https://read.example.org/b\nadded: 2026-11-01\norg: bow-youth\n---\n"


def test_the_new_kind_is_loaded_converted_and_checked(make_site) -> None:
    root = make_site({"readings/bids.md": GOOD,
                      "readings/later.md": GOOD.replace("2026-11-01", "2027-01-01"),
                      "readings/bad.md": GOOD.replace("bow-youth", "bow-yuoth")})
    catalogue, problems = check_site(root, TODAY, WITH_READINGS)
    assert catalogue is None
    messages = [str(p) for p in problems]
    assert any(m.startswith("readings/bad.md:5:6: error[unknown-ref]") and "bow-youth" in m
               for m in messages), messages
    assert any(m.startswith("readings/later.md:4:1: warning[future-reading]") for m in messages), messages


def test_the_new_kind_builds_its_files_menu_and_part_of_the_org_page(make_site,
                                                                     tmp_path: Path) -> None:
    root = make_site({"readings/bids.md": GOOD})
    result = build_site(root, tmp_path / "out", TODAY, WITH_READINGS)
    assert result.catalogue.readings[0].title == "Bids"
    assert (tmp_path / "out/readings/list.txt").read_text(encoding="utf-8") == "Bids\n"
    home = (tmp_path / "out/index.html").read_text(encoding="utf-8")
    assert 'href="/readings/list.txt"' in home
    assert "readings" in (tmp_path / "out/schemas/reading.schema.json").read_text()
    inputs = BuildInputs(result.catalogue, TODAY, WITH_READINGS.contributions())
    org = result.catalogue.lookup("orgs", "bow-youth")
    (reading,) = org_page(inputs, org).data["link_groups"]["what-we-do"][1:]
    assert reading.links == (Link("Bids", "https://read.example.org/b"),)
    page = (tmp_path / "out/orgs/bow-youth/index.html").read_text(encoding="utf-8")
    assert '<h3>Reading we recommend</h3>' in page and 'href="https://read.example.org/b"' in page


def test_the_portal_without_it_does_not_know_the_folder(make_site) -> None:
    catalogue, _ = check_site(make_site({"readings/bids.md": GOOD}), TODAY)
    assert catalogue is not None and not hasattr(catalogue, "readings")


def test_a_content_page_may_not_take_the_new_section(make_site) -> None:
    root = make_site({"content/pages/readings.md": "---\ntitle: R\nsummary: S.\n---\nText.\n"})
    _, problems = check_site(root, TODAY, WITH_READINGS)
    assert [p.code for p in problems if p.is_error] == ["url-collision"]


def test_the_generated_documents_and_skeleton_cover_the_new_kind(tmp_path: Path) -> None:
    assert "## A reading: `readings/<slug>.md`" in content_guide(WITH_READINGS)
    assert "reading.schema.json" in json_schemas(WITH_READINGS)
    text = skeleton(WITH_READINGS.kind("reading"), "Bids", TODAY, tmp_path)
    assert 'added: "2026-11-24"' in text and 'title: "Bids"' in text


def test_an_undeclared_dependency_is_refused_when_registering() -> None:
    with pytest.raises(ValueError, match="depends on directory"):
        Registry((READINGS,) + PORTAL.capabilities)


def test_a_part_for_a_slot_the_page_does_not_have_is_refused(make_site) -> None:
    def misplaced(inputs: BuildInputs, org) -> Iterator[LinkGroup]:
        yield LinkGroup("sidebar", "Elsewhere", (Link("X", "/x/"),))

    registry = Registry(PORTAL.capabilities + (Capability(
        name="misplaced", depends_on=("directory",), contributes={ORG_PAGE: (misplaced,)}),))
    catalogue, _ = check_site(make_site(), TODAY, registry)
    org = catalogue.lookup("orgs", "bow-youth")
    with pytest.raises(ValueError, match="has no slot 'sidebar'; its slots are who, what-we-do"):
        org_page(BuildInputs(catalogue, TODAY, registry.contributions()), org)
