"""The directory's checks over the whole site: duplicates, freshness, opening times, income.

Each check takes the converted site (`Checking`) and returns problems located at the
field they are about, so a coordinator can go straight to the line.
"""
from __future__ import annotations

from typing import Iterable

from ..core.checking import Checking
from ..core.errors import Problem, error, warning
from . import model
from .dedupe import duplicate_listings

LISTING_KINDS = (("org", "orgs"), ("provider", "providers"))


def duplicates(site: Checking) -> Iterable[Problem]:
    """The same organisation listed twice, by name, number, website, email or phone."""
    for kind, collection in LISTING_KINDS:
        yield from duplicate_listings(site.records[collection], site.raw, kind)


def freshness_and_hours(site: Checking) -> Iterable[Problem]:
    """Freshness of every listing, and opening periods that make no sense."""
    months = site.site.stale_after_months if site.site else 12
    for kind, collection in LISTING_KINDS:
        for item in site.records[collection]:
            yield from _freshness(site, kind, item, months)
            for period in item.opening_hours:
                if period.opens == period.closes:
                    yield error("bad-time", f"opens and closes at {period.opens}; for "
                                "round-the-clock opening use \"00:00\" to \"24:00\"",
                                site.field_location(kind, item.slug, "opening_hours"))


def _freshness(site: Checking, kind: str, item: model.Listing, months: int) -> Iterable[Problem]:
    if item.last_verified is None:
        yield warning("unverified", "has no `last_verified` date; check the listing with the "
                      "organisation and add the date", site.raw[(kind, item.slug)].location)
    elif item.last_verified > site.today:
        yield error("future-date", f"`last_verified` {item.last_verified} is in the future",
                    site.field_location(kind, item.slug, "last_verified"))
    elif model.review_due(item.last_verified, months, site.today):
        yield warning("stale", f"was last verified on {item.last_verified}, more than "
                      f"{months} months ago; check it with the organisation",
                      site.field_location(kind, item.slug, "last_verified"))


def income_fits_stage(site: Checking) -> Iterable[Problem]:
    """An income far outside the stage's band usually means the stage is out of date."""
    stages = {stage.slug: stage for stage in site.taxonomies.get("stages", ())}
    for org in site.records["orgs"]:
        stage = stages.get(org.stage)
        income = org.annual_income
        if stage and income is not None and not stage.min_income <= income <= stage.max_income:
            yield warning("stage-income", f"annual income £{income:,} is outside {stage.name} "
                          f"({stage.income_guide}); check the stage",
                          site.field_location("org", org.slug, "annual_income"))


CHECKS = (duplicates, freshness_and_hours, income_fits_stage)
