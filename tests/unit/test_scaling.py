"""No step grows with the square of the site: 20,000 records, work counted or compared.

A city-wide directory has tens of thousands of listings, and a quadratic step that
takes a second at 1,000 takes minutes there. Each test builds a catalogue of 20,000
records (the sample site's own records copied under new slugs, so every reference
still resolves) and either counts the work a step does (comparisons of names, pairs
of listings, links planned) or compares the step's CPU time at 2,000 and at 20,000
records: linear work grows about 10 times, quadratic work 100 times, so the bound of
30 times holds on a noisy machine and fails for anything quadratic. The cyclic
garbage collector is paused while a step is timed: its passes depend on what else
the process holds, not on the step. Time budgets live in `benchmarks/`.
"""
from __future__ import annotations

import dataclasses
import gc
import time
from typing import Any, Callable

import pytest

from tests.helpers import REPO, TODAY, inputs_for
from thin_build.build import check_site
from thin_build.capabilities import PORTAL
from thin_build.core.catalogue import Catalogue
from thin_build.core.present import PAGER_REACH
from thin_build.core.raw import RawRecord
from thin_build.directory import dedupe
from thin_build.directory.pages import PAGE_SIZE
from thin_build.review import duplicates

LARGE, SMALL = 20_000, 2_000
LINEAR_BOUND = 30  # the most a step's time may grow for ten times the records


@pytest.fixture(scope="module")
def sample() -> Catalogue:
    catalogue, problems = check_site(REPO, TODAY)
    assert catalogue is not None, problems
    return catalogue


def _copies(records: tuple, count: int, field: str, template: Any) -> tuple:
    """`records` and copies of `template`, `count` in all, each copy with its own slug,
    file and name (`field`), sorted by slug as a collection is. The originals stay, so
    whatever refers to them still resolves."""
    made = list(records)
    for number in range(count - len(records)):
        slug = f"{template.slug}-{number:05d}"
        made.append(dataclasses.replace(
            template, slug=slug, path=template.path.replace(template.slug, slug),
            **{field: f"{getattr(template, field)} {number}"}))
    return tuple(sorted(made, key=lambda record: record.slug))


def _grown(sample: Catalogue, collection: str, count: int) -> Catalogue:
    """The sample catalogue with `count` records in `collection`, copies of its simplest
    record (shortest file): what grows is the number of records, not their size."""
    records = getattr(sample, collection)
    template = min(records, key=lambda record: (len(repr(record)), record.slug))
    field = "title" if collection == "events" else "name"
    collections = dict(sample.collections)
    collections[collection] = _copies(records, count, field, template)
    return Catalogue(site=sample.site, collections=collections, singles=sample.singles,
                     media=sample.media, downloads=sample.downloads)


def _organised(sample: Catalogue, count: int) -> Catalogue:
    """`count` events and as many organisations, each event run by its own: what grows
    is the number of organisers too (a page and a feed each)."""
    grown = _grown(_grown(sample, "orgs", count), "events", count)
    orgs = [org.slug for org in grown.orgs]
    events = tuple(dataclasses.replace(event, organiser=f"orgs/{orgs[number % len(orgs)]}")
                   for number, event in enumerate(grown.events))
    return dataclasses.replace(grown, collections={**grown.collections, "events": events})


@pytest.fixture(scope="module")
def grown(sample: Catalogue) -> Callable[[str, int], Catalogue]:
    """Grown catalogues, each made once for the module ("organised": events with as
    many organisers, `_organised`)."""
    made: dict[tuple[str, int], Catalogue] = {}

    def grow(collection: str, count: int) -> Catalogue:
        if (collection, count) not in made:
            made[collection, count] = (_organised(sample, count) if collection == "organised"
                                       else _grown(sample, collection, count))
        return made[collection, count]
    return grow


def _step(name: str) -> Callable:
    """A build step of the portal by its function's name."""
    found = [step for capability in PORTAL.capabilities for step in capability.steps
             if step.name.endswith("." + name)]
    assert len(found) == 1, name
    return found[0]


def _cpu_seconds(step: Callable, catalogue: Catalogue, runs: int) -> float:
    """The least CPU time of `runs` runs of `step` over fresh inputs, the collector paused."""
    best = float("inf")
    for _run in range(runs):
        inputs = inputs_for(catalogue)
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            for _item in step(inputs):
                pass
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


@pytest.mark.parametrize(("name", "collection"), [
    ("search_outputs", "orgs"),         # the sharded lunr index
    ("referral_outputs", "providers"),  # the referral index over the providers' services
    ("calendar_files", "events"),       # iCalendar and Atom feeds
    ("calendar_pages", "events"),       # months, categories and the past events' pages
    ("calendar_files", "organised"),    # a feed for each organiser…
    ("calendar_pages", "organised"),    # …and a page
    ("directory_pages", "orgs"),        # the A–Z and browse pages and their pagers
    ("openreferral_files", "orgs"),     # the Open Referral feed, an id for every record
    ("data_files", "orgs"),             # the open data tables
])
def test_step_grows_linearly(grown: Callable[[str, int], Catalogue], name: str,
                             collection: str) -> None:
    step = _step(name)
    # The small size's best of two, so a slow run cannot shrink the ratio's divisor; a
    # slow run at the large size only brings the ratio nearer a bound 3 times linear.
    small = _cpu_seconds(step, grown(collection, SMALL), runs=2)
    large = _cpu_seconds(step, grown(collection, LARGE), runs=1)
    assert large < LINEAR_BOUND * max(small, 0.01), (
        f"{name}: {small:.2f} s at {SMALL:,} {collection}, {large:.2f} s at {LARGE:,}")


class _Raw(dict):
    """Raw records by (kind, slug), made when a problem needs one's location."""

    def __missing__(self, key: tuple[str, str]) -> RawRecord:
        kind, slug = key
        return RawRecord(kind, f"{kind}/{slug}.md", slug, None)


def test_near_names_compare_only_neighbours(grown: Callable[[str, int], Catalogue],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The validator's similar-names check compares each name with the next in order."""
    calls = []
    similarity = dedupe.name_similarity

    def counted(a: str, b: str) -> float:
        calls.append(1)
        return similarity(a, b)

    monkeypatch.setattr(dedupe, "name_similarity", counted)
    orgs = grown("orgs", LARGE).orgs
    problems = dedupe.duplicate_listings(orgs, _Raw(), "orgs")
    assert 0 < len(calls) < len(orgs)
    # Copies share phones and emails, so clashes are many, but each names one pair.
    assert len(problems) <= 2 * len(dedupe._IDENTIFIERS) * len(orgs)


def test_duplicates_report_skips_common_tokens(grown: Callable[[str, int], Catalogue]) -> None:
    """`thin report duplicates` compares only listings sharing a rare token."""
    keys = [duplicates.Keys.of(org) for org in grown("orgs", LARGE).orgs]
    pairs = duplicates.candidate_pairs(keys)
    assert len(pairs) <= duplicates.MAX_SHARED * len(keys)


def test_a_pager_links_a_few_pages_however_long_the_list(grown: Callable[[str, int], Catalogue]) -> None:
    """Each of the A–Z's 667 pages at 20,000 organisations links the first, the last and
    its neighbours, so a page's plan and HTML do not grow with the list (when every
    page linked every page, the A–Z was quadratic in bytes and in pickling)."""
    plans = [plan for plan in _step("directory_pages")(inputs_for(grown("orgs", LARGE)))
             if plan.template == "directory/orgs.html"]
    assert len(plans) == -(-LARGE // PAGE_SIZE)
    for number, plan in enumerate(plans, 1):
        pager = plan.data["pager"]
        links = [link for link in pager["pages"] if link is not None]
        assert pager["number"] == number and len(pager["pages"]) <= 2 * PAGER_REACH + 5
        assert (links[0].text, links[-1].text) == ("1", str(len(plans)))
        assert pager["current"] == links[[link.text for link in links].index(str(number))].url
