"""The catalogue: typed, immutable records that every build step reads.

Records hold converted values only (dates are dates, lists are tuples); how a value
was spelled in its file is the loader's business and how it looks on a page is the
templates'. Nothing here reads files or knows about HTML.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = MappingProxyType(dict(zip(DAYS, (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))))
BOROUGH_WIDE = "borough-wide"
STATUSES = ("active", "temporarily-closed", "closed")


@dataclass(frozen=True, kw_only=True)
class Term:
    """An entry of a taxonomy (a support need, a ward, a beneficiary group…)."""

    slug: str
    name: str
    description: str | None = None


@dataclass(frozen=True, kw_only=True)
class Stage(Term):
    """A stage of development from the THIN plan, with its rough income band."""

    income_guide: str
    min_income: int
    max_income: int


@dataclass(frozen=True, kw_only=True)
class Ward(Term):
    code: str


@dataclass(frozen=True, kw_only=True)
class Language(Term):
    code: str
    native_name: str


@dataclass(frozen=True, kw_only=True)
class Network(Term):
    convenor: str | None = None
    website: str | None = None


@dataclass(frozen=True, kw_only=True)
class SiteConfig:
    title: str
    tagline: str
    borough: str
    description: str
    base_url: str
    repository_url: str
    repository_branch: str = "main"
    stale_after_months: int = 12
    contact_email: str


@dataclass(frozen=True, kw_only=True)
class OpeningPeriod:
    """Opening times on some days; `closes` earlier than `opens` means past midnight."""

    days: tuple[str, ...]
    opens: str
    closes: str

    @property
    def past_midnight(self) -> bool:
        return self.closes <= self.opens


@dataclass(frozen=True, kw_only=True)
class Contact:
    role: str | None = None
    email: str
    phone: str | None = None


@dataclass(frozen=True, kw_only=True)
class Service:
    """One thing a provider offers for one support need: what, who for, how, when, cost."""

    need: str
    title: str
    description: str
    stages: tuple[str, ...]
    groups: tuple[str, ...] = ()
    access: str
    when: str | None = None
    cost: str
    free_for: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Listing:
    """What organisations and providers share: identity, contact and freshness."""

    slug: str
    path: str
    name: str
    summary: str
    website: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    postcode: str | None = None
    wards: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    opening_hours: tuple[OpeningPeriod, ...] = ()
    opening_hours_note: str | None = None
    accessibility: str | None = None
    logo: str | None = None
    accent_colour: str | None = None
    last_verified: dt.date | None = None
    body: str | None = None


@dataclass(frozen=True, kw_only=True)
class Organisation(Listing):
    """A voluntary or community organisation (VCO) and its small website."""

    charity_number: str | None = None
    company_number: str | None = None
    groups: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()
    stage: str
    annual_income: int | None = None
    paid_staff: int | None = None
    volunteers: int | None = None
    networks: tuple[str, ...] = ()
    works_with: tuple[str, ...] = ()
    support_needs: tuple[str, ...] = ()
    skills_offered: tuple[str, ...] = ()
    skills_wanted: tuple[str, ...] = ()
    status: str = "active"


@dataclass(frozen=True, kw_only=True)
class Provider(Listing):
    """An infrastructure support provider and the services it offers VCOs."""

    type: str
    specialisms: tuple[str, ...] = ()
    referral_contact: Contact
    services: tuple[Service, ...] = ()

    @property
    def borough_wide(self) -> bool:
        return BOROUGH_WIDE in self.wards


@dataclass(frozen=True, kw_only=True)
class Page:
    """A content page such as "About THIN" or the accessibility statement."""

    slug: str
    path: str
    title: str
    summary: str
    order: int = 100
    body: str | None = None


@dataclass(frozen=True, kw_only=True)
class GroupReferral:
    """A different agreed agency for groups that work with one beneficiary group."""

    group: str
    agency: str
    explanation: str | None = None


@dataclass(frozen=True, kw_only=True)
class Referral:
    """The agreed key referral agency for one support need (None: not agreed yet)."""

    need: str
    agency: str | None = None
    explanation: str
    by_group: tuple[GroupReferral, ...] = ()

    def for_group(self, group: str | None) -> GroupReferral | None:
        return next((g for g in self.by_group if g.group == group), None)


@dataclass(frozen=True, kw_only=True)
class ReferralAgreements:
    """content/referrals.yaml: who agreed the referral routes, and one entry per need."""

    agreed_by: str = ""
    agreements: tuple[Referral, ...] = ()

    def for_need(self, need: str) -> Referral | None:
        return next((r for r in self.agreements if r.need == need), None)


FREQUENCIES = ("weekly", "monthly")
WEEKS_OF_MONTH = ("first", "second", "third", "fourth", "last")
STEP_FREE = ("yes", "no", "partly")


@dataclass(frozen=True, kw_only=True)
class Recurrence:
    """How an event repeats (weekly or monthly), and when the series stops.

    Exactly one of `until` (a last date, inclusive) and `count` is given; `week`
    with one of `days` means "the first Tuesday", without it the start's day of month.
    """

    frequency: str
    interval: int = 1
    days: tuple[str, ...] = ()
    week: str | None = None
    until: dt.date | None = None
    count: int | None = None
    skip_dates: tuple[dt.date, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Venue:
    name: str
    address: str | None = None
    postcode: str | None = None
    ward: str | None = None
    step_free: str | None = None


@dataclass(frozen=True, kw_only=True)
class Event:
    """One event, or the first of a series; times are London wall-clock times.

    `start` is a naive datetime (local London time) or, for an all-day event, a date.
    `end` is a datetime, a time on the start's day, or for all-day events the last
    day (inclusive). `organiser` is "orgs/<slug>" or "providers/<slug>", the same
    names `Catalogue.lookup` uses, because organisations and providers are separate
    namespaces.
    """

    slug: str
    path: str
    title: str
    summary: str
    category: str
    organiser: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | dt.time
    posted: dt.date
    recurrence: Recurrence | None = None
    venue: Venue | None = None
    online: str | None = None
    stages: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    cost: str | None = None
    booking: str | None = None
    accessibility: str | None = None
    body: str | None = None

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)


@dataclass(frozen=True, kw_only=True)
class Flyer:
    """A flyer kept in content/media: a PDF, or an image with its text as `alt`."""

    file: str
    alt: str | None = None

    @property
    def is_pdf(self) -> bool:
        return self.file.endswith(".pdf")


@dataclass(frozen=True, kw_only=True)
class Notice:
    """A notice-board entry, shown from `posted` to `expires` (inclusive)."""

    slug: str
    path: str
    title: str
    summary: str
    posted_by: str
    posted: dt.date
    expires: dt.date
    flyer: Flyer | None = None
    link: str | None = None
    body: str | None = None


def split_listing_ref(ref: str) -> tuple[str, str]:
    """"orgs/bow-youth" → ("orgs", "bow-youth"), the arguments of `Catalogue.lookup`."""
    collection, _, slug = ref.partition("/")
    return collection, slug


@dataclass(frozen=True, kw_only=True)
class Catalogue:
    """Everything the site is built from, validated.

    Listings and pages are sorted by slug; taxonomy terms keep their file's order,
    which coordinators choose (needs follow the THIN plan).
    """

    site: SiteConfig
    needs: tuple[Term, ...]
    groups: tuple[Term, ...]
    stages: tuple[Stage, ...]
    provider_types: tuple[Term, ...]
    wards: tuple[Ward, ...]
    activities: tuple[Term, ...]
    languages: tuple[Language, ...]
    networks: tuple[Network, ...]
    orgs: tuple[Organisation, ...]
    providers: tuple[Provider, ...]
    pages: tuple[Page, ...]
    media: tuple[str, ...] = ()
    referrals: ReferralAgreements = ReferralAgreements()
    event_categories: tuple[Term, ...] = ()
    events: tuple[Event, ...] = ()
    notices: tuple[Notice, ...] = ()
    _index: Mapping[str, Mapping[str, object]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {name: MappingProxyType({item.slug: item for item in getattr(self, name)})
                 for name in TAXONOMIES + ("orgs", "providers", "pages", "events", "notices")}
        object.__setattr__(self, "_index", MappingProxyType(index))

    def lookup(self, collection: str, slug: str):
        """The record with this slug in a collection such as "wards" or "providers"."""
        return self._index[collection][slug]

    def lookup_many(self, collection: str, slugs) -> tuple:
        return tuple(self._index[collection][slug] for slug in slugs)


TAXONOMIES = ("needs", "groups", "stages", "provider_types", "wards", "activities",
              "languages", "networks", "event_categories")


def review_due(last_verified: dt.date | None, months: int, today: dt.date) -> bool:
    """True when a listing was never verified or was verified `months` or more ago."""
    if last_verified is None:
        return True
    year, month = divmod(last_verified.month - 1 + months, 12)
    year += last_verified.year
    day = min(last_verified.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day) <= today
